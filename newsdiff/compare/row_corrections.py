"""Editors' corrections of the rows as the pages show them: which rows an editor corrected
(and who), and what the statement panel offers ("Not the same", "Same as…", undo)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from newsdiff.articles.models import Claim, RowCorrection, Story
from newsdiff.compare.statement import Statement

# The "Same as…" list holds at most this many statements (the story's first, in column order).
MAX_JOIN_CHOICES = 600
CHOICE_LENGTH = 140


@dataclass(frozen=True, slots=True)
class JoinChoices:
    """The statements of one outlet's article that the row could be joined with."""

    label: str
    claims: list[Claim]


@dataclass(frozen=True, slots=True)
class RowPanel:
    """What the statement panel shows of corrections: those of this row, and, for editors,
    the claim the reference is "not the same" as and the statements "Same as…" offers."""

    corrections: list[RowCorrection]
    reference_anchor: int | None  # the claim "Not the same" on the reference is judged against
    join_choices: list[JoinChoices]


def row_panel(statement: Statement, *, editing: bool) -> RowPanel:
    claims = [version.claim for version in statement.versions]
    ids = [claim.pk for claim in claims]
    story = statement.group.story
    corrections = story.row_corrections.filter(claim_a__in=ids) | story.row_corrections.filter(
        claim_b__in=ids
    )
    others = [claim.pk for claim in claims if claim.pk != statement.reference.pk]
    return RowPanel(
        corrections=list(corrections.select_related("editor").distinct()),
        reference_anchor=others[0] if others else None,
        join_choices=_join_choices(story, claims) if editing else [],
    )


def _join_choices(story: Story, row: list[Claim]) -> list[JoinChoices]:
    """The statements of the articles the row does not hold, by article in column order."""
    found = (
        Claim.objects.filter(article__story=story)
        .exclude(article_id__in={claim.article_id for claim in row})
        .select_related("article__outlet")
        .defer("embedding", "names", "figures")
        .order_by("article__position", "article_id", "position")[:MAX_JOIN_CHOICES]
    )
    by_article: dict[int, list[Claim]] = defaultdict(list)
    for claim in found:
        by_article[claim.article_id].append(claim)
    return [JoinChoices(claims[0].article.label, claims) for claims in by_article.values()]


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
