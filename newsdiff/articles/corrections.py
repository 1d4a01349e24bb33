"""Editors' corrections to cleaning, and the per-outlet lines learned from them and from repeats.

A line that recurs in several articles of one outlet (a footer, a promo, a byline template) is
boilerplate for that outlet from then on; a line two different outlets share is not (it may be
wire copy). An editor who restores or removes a line corrects that article at once and teaches
the outlet's rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from newsdiff.articles.models import Article, ArticleCorrection, Outlet, OutletRule
from newsdiff.textcore.clean import normalise_line
from newsdiff.textcore.types import Role

REMOVE, KEEP = OutletRule.Action.REMOVE, OutletRule.Action.KEEP
MIN_LEARN_WORDS = 3
MIN_ARTICLES_TO_LEARN = 2
MAX_SHARED_BODY = 0.5  # two articles sharing more of their body are versions of one article
NOT_A_LINE = "There is no line {index} in this article."
TITLE_NOT_CORRECTABLE = "The headline is the article's title; it cannot be removed."


class CorrectionRefused(ValueError):
    """The correction cannot be applied; the message says why, for an editor."""


@dataclass(frozen=True, slots=True)
class CleaningRules:
    """Lines to remove (the outlet's, learned or taught), lines to keep, and the lines an
    editor removed from this very article (labelled as the editor's removals)."""

    remove: frozenset[str]
    keep: frozenset[str]
    editor_remove: frozenset[str] = frozenset()


def rules_for(*, outlet: Outlet | None, article: Article | None = None) -> CleaningRules:
    """The lines to remove and keep for an article of `outlet`; its own corrections come first."""
    remove: set[str] = set()
    keep: set[str] = set()
    by_editor: set[str] = set()
    if outlet is not None:
        for line, action in outlet.rules.values_list("line", "action"):
            (remove if action == REMOVE else keep).add(line)
    if article is not None and article.pk:
        for line, action in article.corrections.values_list("line", "action"):
            (remove if action == REMOVE else keep).add(line)
            (keep if action == REMOVE else remove).discard(line)
            if action == REMOVE:
                by_editor.add(line)
    return CleaningRules(
        remove=frozenset(remove), keep=frozenset(keep), editor_remove=frozenset(by_editor)
    )


def correction_record(*, article: Article, index: int, action: str, editor: User | None) -> str:
    """Record an editor's keep/remove of line `index` of the article; returns the line's key."""
    line = _block_line(article, index)
    with transaction.atomic():
        ArticleCorrection.objects.update_or_create(
            article=article, line=line, defaults={"action": action, "editor": editor}
        )
        if article.outlet_id:
            OutletRule.objects.update_or_create(
                outlet_id=article.outlet_id,
                line=line,
                defaults={"action": action, "source": OutletRule.Source.EDITOR},
            )
    return line


def _block_line(article: Article, index: int) -> str:
    if not 0 <= index < len(article.blocks):
        raise CorrectionRefused(NOT_A_LINE.format(index=index))
    text, role, _ = article.blocks[index]
    if role == Role.TITLE:
        raise CorrectionRefused(TITLE_NOT_CORRECTABLE)
    return normalise_line(text)


def outlet_learn(*, article: Article) -> list[str]:
    """Learn as boilerplate the lines this article shares with other articles of its outlet.

    Only lines no other outlet prints, and only from articles that are not versions of one
    another. Returns the lines learned.
    """
    if article.outlet_id is None:
        return []
    mine = _lines(article)
    seen_with: dict[str, int] = {}
    for other in Article.objects.filter(outlet_id=article.outlet_id).exclude(pk=article.pk):
        theirs = _lines(other)
        if _shared_body(article, other) > MAX_SHARED_BODY:
            continue
        for line in mine & theirs:
            seen_with[line] = seen_with.get(line, 1) + 1
    candidates = {line for line, n in seen_with.items() if n >= MIN_ARTICLES_TO_LEARN}
    learned = sorted(candidates - _printed_by_other_outlets(article, candidates))
    OutletRule.objects.bulk_create(
        [
            OutletRule(outlet_id=article.outlet_id, line=line, action=REMOVE, source="learned")
            for line in learned
        ],
        ignore_conflicts=True,
    )
    return learned


def _lines(article: Article) -> set[str]:
    lines = {normalise_line(text) for text, role, _ in article.blocks if role != Role.TITLE}
    return {line for line in lines if len(line.split()) >= MIN_LEARN_WORDS}


def _body(article: Article) -> set[str]:
    return {normalise_line(text) for text, role, _ in article.blocks if role == Role.BODY}


def _shared_body(a: Article, b: Article) -> float:
    body_a, body_b = _body(a), _body(b)
    return len(body_a & body_b) / max(1, min(len(body_a), len(body_b)))


def _printed_by_other_outlets(article: Article, lines: set[str]) -> set[str]:
    if not lines:
        return set()
    others = Article.objects.exclude(outlet=article.outlet).only("blocks")
    return {line for other in others for line in _lines(other) & lines}
