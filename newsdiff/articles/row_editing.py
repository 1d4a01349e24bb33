"""An editor corrects the rows: "not the same" takes a claim out of a row, "same as" joins two
claims' rows; undoing deletes the correction. The request only checks and stores: the story
is aligned again by the worker (`jobs.realign_story`), which applies every correction.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet

from newsdiff.articles.jobs import story_realign_queue
from newsdiff.articles.models import Claim, ClaimGroup, RowCorrection, Story

NOT_IN_STORY = "That statement is not in this story (the rows may have been redone: reload)."
SAME_CLAIM = "A statement is always the same as itself."
ONE_ARTICLE = (
    "Both statements are in {article}: two statements of one article are never in one row."
)
TWO_OF_ONE_ARTICLE = (
    "Joining would put two statements of {article} in one row: take one of them out first "
    "(“Not the same”)."
)
NOTE_LENGTH = 500


class RowCorrectionRefused(ValueError):
    """The correction cannot be made; the message says why, for an editor."""


def row_correction_record(
    *,
    story: Story,
    kind: str,
    claim_id: int,
    other_id: int,
    editor: User | None,
    note: str = "",
) -> RowCorrection:
    """Store that claim `claim_id` is not the same as (`apart`) or the same as (`together`)
    claim `other_id`, and queue the story's re-alignment. An earlier correction of the same two
    claims is replaced. Refused (RowCorrectionRefused) when the claims are not both in the
    story, are in one article, or when joining would put two claims of one article in a row."""
    kind = RowCorrection.Kind(kind)
    a, b = _claim(story, claim_id), _claim(story, other_id)
    if a.pk == b.pk:
        raise RowCorrectionRefused(SAME_CLAIM)
    if a.article_id == b.article_id:
        raise RowCorrectionRefused(ONE_ARTICLE.format(article=a.article.label))
    if kind == RowCorrection.Kind.TOGETHER:
        _check_rows_join(a, b)
    with transaction.atomic():
        _corrections_of_pair(story, a, b).delete()
        correction = RowCorrection.objects.create(
            story=story,
            kind=kind,
            article_a=a.article,
            text_a=a.text,
            position_a=a.position,
            claim_a=a,
            article_b=b.article,
            text_b=b.text,
            position_b=b.position,
            claim_b=b,
            editor=editor,
            note=" ".join(note.split())[:NOTE_LENGTH],
        )
        story_realign_queue(story)
    return correction


def row_correction_undo(*, correction: RowCorrection) -> None:
    """Delete the correction; the story is aligned again without it."""
    story = correction.story
    with transaction.atomic():
        correction.delete()
        story_realign_queue(story)


def _claim(story: Story, pk: int) -> Claim:
    claim = (
        Claim.objects.filter(article__story=story, pk=pk)
        .select_related("article__outlet")
        .defer("embedding")
        .first()
    )
    if claim is None:
        raise RowCorrectionRefused(NOT_IN_STORY)
    return claim


def _check_rows_join(a: Claim, b: Claim) -> None:
    """Refuse at once a join the stored rows show would put two claims of one article in a row
    (the alignment checks again when it applies the correction)."""
    members = _row_members(a) | _row_members(b)
    articles: set[int] = set()
    for claim in sorted(members, key=lambda claim: claim.pk):
        if claim.article_id in articles:
            raise RowCorrectionRefused(TWO_OF_ONE_ARTICLE.format(article=claim.article.label))
        articles.add(claim.article_id)


def _row_members(claim: Claim) -> set[Claim]:
    group = ClaimGroup.objects.filter(claims=claim).first()
    if group is None:
        return {claim}
    return set(group.claims.select_related("article__outlet").defer("embedding"))


def _corrections_of_pair(story: Story, a: Claim, b: Claim) -> QuerySet[RowCorrection]:
    pair = Q(claim_a=a, claim_b=b) | Q(claim_a=b, claim_b=a)
    return story.row_corrections.filter(pair)
