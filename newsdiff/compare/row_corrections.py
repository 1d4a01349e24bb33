"""Editors' corrections of the rows as the pages show them: which rows an editor corrected
(and who), and what the statement panel offers ("Not the same", "Same as…", undo), for a row
and for a statement found in one article only."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Prefetch, Q, QuerySet

from newsdiff.articles.mapping import vector_from_bytes
from newsdiff.articles.models import Claim, ClaimGroup, RowCorrection, Story
from newsdiff.compare.statement import Statement

# The "Same as…" list holds at most this many statements (the story's first, in column order).
MAX_JOIN_CHOICES = 600
CHOICE_LENGTH = 140
# Above them, "Most alike": the statements closest to the row's (cosine of the sentence
# vectors, at least ALIKE_COSINE), of any article the row does not hold, best first.
ALIKE_CHOICES = 6
ALIKE_COSINE = 0.5
ALIKE_LABEL = "Most alike"


@dataclass(frozen=True, slots=True)
class JoinChoices:
    """Statements the row could be joined with: those of one outlet's article, or the most
    alike of any."""

    label: str
    claims: list[Claim]
    of_several_articles: bool = False  # each option names its article


@dataclass(frozen=True, slots=True)
class RowPanel:
    """What the statement panel shows of corrections: those of this row, and, for editors,
    the claim the reference is "not the same" as and the statements "Same as…" offers."""

    corrections: list[RowCorrection]
    reference_anchor: int | None  # the claim "Not the same" on the reference is judged against
    join_choices: list[JoinChoices]  # "Most alike" first (when any), then one per article
    # the "Most alike" whose own row holds an article this row holds (a join would be refused)
    blocked: frozenset[int] = frozenset()


def row_panel(statement: Statement, *, editing: bool) -> RowPanel:
    claims = [version.claim for version in statement.versions]
    ids = [claim.pk for claim in claims]
    story = statement.group.story
    corrections = story.row_corrections.filter(claim_a__in=ids) | story.row_corrections.filter(
        claim_b__in=ids
    )
    found = list(corrections.select_related("editor").distinct())
    others = [claim.pk for claim in claims if claim.pk != statement.reference.pk]
    choices = _join_choices(story, claims, _said_apart(found, set(ids))) if editing else []
    alike = _alike_of(choices)
    articles = {claim.article_id for claim in claims}
    return RowPanel(
        corrections=found,
        reference_anchor=others[0] if others else None,
        join_choices=choices,
        blocked=frozenset(a.claim.pk for a in _with_rows(alike, articles) if a.rival is not None),
    )


@dataclass(frozen=True, slots=True)
class Alike:
    """A statement of another outlet alike to a statement (or a row) it could be joined with:
    how many outlets its row holds (0: in no row), and the statement of an article of the
    other side that its row already holds, if any (joining the two would be refused)."""

    claim: Claim
    row_outlets: int = 0
    rival: Claim | None = None


@dataclass(frozen=True, slots=True)
class LonePanel:
    """What the panel of a statement found in one article only shows: the statements of other
    outlets most alike to it (to everyone: the matcher may have missed a paraphrase), and, for
    editors, the "Same as…" choices that put it in one row with one of them."""

    alike: list[Alike]
    join_choices: list[JoinChoices]

    @property
    def blocked(self) -> set[int]:
        """The most alike statements whose row already holds one of the article's."""
        return {alike.claim.pk for alike in self.alike if alike.rival is not None}


def lone_panel(claim: Claim, *, editing: bool) -> LonePanel:
    """The panel of a claim in no row: its most alike statements of other articles (never one
    an editor said is not the same as it), each with its row, and the join choices when
    `editing`."""
    story = claim.article.story
    apart = story.row_corrections.filter(kind=RowCorrection.Kind.APART).filter(
        Q(claim_a=claim) | Q(claim_b=claim)
    )
    said_apart = _said_apart(list(apart), {claim.pk})
    if editing:
        choices = _join_choices(story, [claim], said_apart)
        alike = _alike_of(choices)
    else:  # a reader is shown the most alike only: the lists by outlet are not loaded
        choices, alike = (
            [],
            _most_alike([claim], _others(story, [claim]).exclude(pk__in=said_apart)),
        )
    return LonePanel(alike=_with_rows(alike, {claim.article_id}), join_choices=choices)


def _with_rows(claims: list[Claim], articles: set[int]) -> list[Alike]:
    """Each claim with its row: how many outlets it holds, and a member of one of `articles`
    (the articles of the row or statement it would be joined with), if any."""
    rows = ClaimGroup.objects.filter(claims__in=claims).prefetch_related(
        Prefetch("claims", Claim.objects.defer("embedding", "names", "figures"))
    )
    members = {claim.pk: list(row.claims.all()) for row in rows for claim in row.claims.all()}
    found = []
    for claim in claims:
        row = members.get(claim.pk, [])
        rival = next((m for m in row if m.article_id in articles), None)
        found.append(Alike(claim, len({m.article_id for m in row}), rival))
    return found


def _join_choices(story: Story, row: list[Claim], said_apart: set[int]) -> list[JoinChoices]:
    """The statements of the articles the row does not hold: the most alike first (never one
    `said_apart` from the row), then all of them by article in column order."""
    others = _others(story, row)
    found = others.order_by("article__position", "article_id", "position")[:MAX_JOIN_CHOICES]
    by_article: dict[int, list[Claim]] = defaultdict(list)
    for claim in found:
        by_article[claim.article_id].append(claim)
    choices = [JoinChoices(claims[0].article.label, claims) for claims in by_article.values()]
    alike = _most_alike(row, others.exclude(pk__in=said_apart))  # not offered again
    return [JoinChoices(ALIKE_LABEL, alike, True), *choices] if alike else choices


def _others(story: Story, row: list[Claim]) -> QuerySet[Claim]:
    """The story's statements of the articles the row (or lone statement) does not hold."""
    return (
        Claim.objects.filter(article__story=story)
        .exclude(article_id__in={claim.article_id for claim in row})
        .select_related("article__outlet")
        .defer("embedding", "names", "figures")
    )


def _alike_of(choices: list[JoinChoices]) -> list[Claim]:
    """The "Most alike" of the join choices (first when there are any)."""
    return choices[0].claims if choices and choices[0].label == ALIKE_LABEL else []


def _said_apart(corrections: list[RowCorrection], row: set[int]) -> set[int]:
    """The claims an editor said are "not the same" as a member of the row (`corrections`
    are the row's)."""
    apart = [c for c in corrections if c.kind == RowCorrection.Kind.APART]
    return {pk for c in apart for pk in (c.claim_a_id, c.claim_b_id) if pk is not None} - row


def _most_alike(row: list[Claim], others: QuerySet[Claim]) -> list[Claim]:
    """Up to ALIKE_CHOICES of `others` closest to the row (each one's best cosine against the
    row's members), at least ALIKE_COSINE, best first. The matcher leaves a paraphrase out of
    its row when it is not sure of it (ECB+ 2_ecb: "The ceremony will take place at the Kodak
    Theatre ... on February 22" beside the row "The awards will be handed out on February 22
    ... at the Kodak Theater"); here the editor finds it first, whatever its column."""
    members = np.array(
        [
            vector_from_bytes(data)
            for data in Claim.objects.filter(pk__in=[c.pk for c in row])
            .exclude(embedding=None)
            .values_list("embedding", flat=True)
        ]
    )
    vectors = {
        pk: vector_from_bytes(data)
        for pk, data in others.exclude(embedding=None).values_list("pk", "embedding")
    }
    if not len(members) or not vectors:
        return []
    ids = list(vectors)
    closeness = (np.array([vectors[pk] for pk in ids]) @ members.T).max(axis=1)
    best = [
        ids[n]
        for n in np.argsort(-closeness, kind="stable")[:ALIKE_CHOICES]
        if closeness[n] >= ALIKE_COSINE
    ]
    claims = others.in_bulk(best)
    return [claims[pk] for pk in best]


def corrected_rows(story: Story, group_of: dict[int, int]) -> dict[int, list[str]]:
    """The rows (group ids) an applied correction concerns, each with its editors' names."""
    applied = story.row_corrections.filter(status=RowCorrection.Status.APPLIED)
    names: dict[int, list[str]] = defaultdict(list)
    for correction in applied.select_related("editor"):
        for claim_id in (correction.claim_a_id, correction.claim_b_id):
            group = group_of.get(claim_id) if claim_id is not None else None
            if group is not None and correction.editor_name not in names[group]:
                names[group].append(correction.editor_name)
    return dict(names)


def with_correction_counts(stories: QuerySet[Story]) -> QuerySet[Story]:
    """Stories with `correction_count` and `corrections_pending` (waiting for the worker),
    counted in the query that loads them."""
    pending = Q(row_corrections__status=RowCorrection.Status.PENDING)
    return stories.annotate(
        correction_count=Count("row_corrections"),
        corrections_pending=Count("row_corrections", filter=pending),
    )
