"""Editors correct rows: stored with who made it, applied by every alignment, kept through
`reprocess`, shown as no longer applying when its claim is gone, undone on request."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db.models import QuerySet

from newsdiff.articles.alignment import story_align
from newsdiff.articles.models import Article, Claim, ClaimGroup, RowCorrection, Story
from newsdiff.articles.row_corrections import corrections_apply
from newsdiff.articles.row_editing import (
    RowCorrectionRefused,
    row_correction_record,
    row_correction_undo,
)
from newsdiff.textcore.types import Alignment, ClaimKey, Match, MatchKind

pytestmark = pytest.mark.django_db
Capture = Callable[..., AbstractContextManager[Any]]


@pytest.fixture
def story(seed_story: Story) -> Story:
    return seed_story


def row_of(claim_id: int) -> set[int]:
    """The ids of the claims in the claim's row (empty when it is in none)."""
    group = ClaimGroup.objects.filter(claims__pk=claim_id).first()
    return set(group.claims.values_list("pk", flat=True)) if group else set()


def biggest_row(story: Story) -> list[Claim]:
    groups = sorted(story.groups.all(), key=lambda g: -g.claims.count())
    return list(groups[0].claims.order_by("article__position"))


def lone_claims_outside(
    story: Story, row: list[Claim], avoid: Claim | None = None
) -> QuerySet[Claim]:
    """Claims in no row, of articles the row does not hold (nor `avoid`'s), in story order."""
    skip = {claim.article_id for claim in row} | ({avoid.article_id} if avoid else set())
    lone = Claim.objects.filter(article__story=story, groups__isnull=True)
    return lone.exclude(article_id__in=skip).order_by("article__position", "position")


def row_missing_an_outlet(story: Story, avoid: Claim | None = None) -> list[Claim]:
    """The biggest row that lacks an article with a claim in no row (other than `avoid`'s)."""
    for group in sorted(story.groups.all(), key=lambda g: (-g.claims.count(), g.pk)):
        row = list(group.claims.order_by("article__position"))
        if lone_claims_outside(story, row, avoid).exists():
            return row
    raise AssertionError("every row of the seeds holds every outlet with a lone claim")


def lone_claim_of_other_article(
    story: Story, row: list[Claim], avoid: Claim | None = None
) -> Claim:
    """A claim in no row, of an article the row does not hold (nor `avoid`'s)."""
    claim = lone_claims_outside(story, row, avoid).first()
    assert claim is not None, "the seeds have a row that misses an outlet"
    return claim


def same_text_claim(claim: Claim) -> Claim:
    """The claim of the same article with the same text, after a reprocess."""
    return Claim.objects.get(article_id=claim.article_id, text=claim.text)


def apart(story: Story, editor: User, capture: Capture) -> tuple[Claim, Claim, RowCorrection]:
    row = biggest_row(story)
    assert len(row) >= 3
    taken, anchor = row[-1], row[0]
    with capture(execute=True):
        correction = row_correction_record(
            story=story, kind="apart", claim_id=taken.pk, other_id=anchor.pk, editor=editor
        )
    return taken, anchor, correction


def test_not_the_same_takes_the_claim_out_of_the_row(
    story: Story, editor: User, django_capture_on_commit_callbacks: Capture
) -> None:
    taken, anchor, correction = apart(story, editor, django_capture_on_commit_callbacks)
    assert taken.pk not in row_of(anchor.pk)
    assert len(row_of(anchor.pk)) >= 2
    correction.refresh_from_db()
    assert correction.status == RowCorrection.Status.APPLIED
    assert correction.editor == editor
    assert (correction.claim_a_id, correction.claim_b_id) == (taken.pk, anchor.pk)
    same = story.matches.filter(kind="same")
    assert not same.filter(a=taken, b=anchor).exists()
    assert not same.filter(a=anchor, b=taken).exists()


def test_same_as_joins_a_lone_claim_to_a_row(
    story: Story, editor: User, django_capture_on_commit_callbacks: Capture
) -> None:
    row = row_missing_an_outlet(story)
    lone = lone_claim_of_other_article(story, row)
    with django_capture_on_commit_callbacks(execute=True):
        correction = row_correction_record(
            story=story, kind="together", claim_id=row[0].pk, other_id=lone.pk, editor=editor
        )
    assert row_of(lone.pk) == {claim.pk for claim in row} | {lone.pk}
    correction.refresh_from_db()
    assert correction.status == RowCorrection.Status.APPLIED
    same = story.matches.filter(kind="same")
    assert same.filter(a=row[0], b=lone).exists() or same.filter(a=lone, b=row[0]).exists()


def test_corrections_survive_realignment_and_reprocess(
    story: Story, editor: User, django_capture_on_commit_callbacks: Capture
) -> None:
    taken, anchor, _ = apart(story, editor, django_capture_on_commit_callbacks)
    row = row_missing_an_outlet(story, avoid=taken)
    lone = lone_claim_of_other_article(story, row, avoid=taken)
    with django_capture_on_commit_callbacks(execute=True):
        row_correction_record(
            story=story, kind="together", claim_id=row[0].pk, other_id=lone.pk, editor=editor
        )
    story_align(story=story)
    assert taken.pk not in row_of(anchor.pk)
    assert lone.pk in row_of(row[0].pk)

    call_command("reprocess", "--story", story.slug, stdout=io.StringIO())
    assert not Claim.objects.filter(pk=taken.pk).exists()  # claims were found anew: new ids
    taken, anchor = same_text_claim(taken), same_text_claim(anchor)
    lone, first = same_text_claim(lone), same_text_claim(row[0])
    assert taken.pk not in row_of(anchor.pk)
    assert anchor.pk in row_of(anchor.pk)
    assert lone.pk in row_of(first.pk)
    statuses = set(story.row_corrections.values_list("status", flat=True))
    assert statuses == {RowCorrection.Status.APPLIED}
    assert set(story.row_corrections.values_list("claim_a", flat=True)) == {taken.pk, first.pk}


def test_a_correction_whose_claim_is_gone_is_kept_as_no_longer_applying(
    story: Story, editor: User, django_capture_on_commit_callbacks: Capture
) -> None:
    taken, _, correction = apart(story, editor, django_capture_on_commit_callbacks)
    Claim.objects.filter(pk=taken.pk).update(text="A sentence the article no longer has.")
    story_align(story=story)
    correction.refresh_from_db()
    assert correction.status == RowCorrection.Status.STALE
    assert correction.claim_a is None
    assert "is no longer in" in correction.reason
    taken.article.delete()
    story_align(story=story)
    correction.refresh_from_db()
    assert correction.status == RowCorrection.Status.STALE
    assert "was deleted" in correction.reason


def test_same_as_that_would_put_two_claims_of_one_article_in_a_row_is_refused(
    story: Story, editor: User
) -> None:
    row = biggest_row(story)
    other = Claim.objects.filter(article=row[1].article, groups__isnull=True).first()
    assert other is not None
    with pytest.raises(RowCorrectionRefused, match=r"two statements of .* in one row"):
        row_correction_record(
            story=story, kind="together", claim_id=row[0].pk, other_id=other.pk, editor=editor
        )
    with pytest.raises(RowCorrectionRefused, match="never in one row"):
        row_correction_record(
            story=story, kind="apart", claim_id=row[1].pk, other_id=other.pk, editor=editor
        )
    assert not story.row_corrections.exists()


def test_same_as_against_a_not_the_same_is_refused_when_applied(
    story: Story, editor: User, django_capture_on_commit_callbacks: Capture
) -> None:
    taken, anchor, _ = apart(story, editor, django_capture_on_commit_callbacks)
    other = min(row_of(anchor.pk) - {anchor.pk})  # joining it would bring back the anchor
    with django_capture_on_commit_callbacks(execute=True):
        joined = row_correction_record(
            story=story, kind="together", claim_id=taken.pk, other_id=other, editor=editor
        )
    joined.refresh_from_db()
    assert joined.status == RowCorrection.Status.REFUSED
    assert joined.reason == "an editor said two of the claims it would join are not the same"
    assert taken.pk not in row_of(anchor.pk)


def test_undo_aligns_again_without_the_correction(
    story: Story, editor: User, django_capture_on_commit_callbacks: Capture
) -> None:
    before = row_of(biggest_row(story)[0].pk)
    _, anchor, correction = apart(story, editor, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        row_correction_undo(correction=correction)
    assert not story.row_corrections.exists()
    assert row_of(anchor.pk) == before


def test_the_export_carries_the_corrections_and_marks_corrected_rows(
    story: Story, editor: User, django_capture_on_commit_callbacks: Capture
) -> None:
    taken, anchor, correction = apart(story, editor, django_capture_on_commit_callbacks)
    out = io.StringIO()
    call_command("export", "--story", story.slug, stdout=out)
    [exported] = json.loads(out.getvalue())["stories"]
    [entry] = exported["corrections"]
    assert entry == {
        "id": correction.pk,
        "kind": "apart",
        "a": taken.pk,
        "b": anchor.pk,
        "a_article": taken.article_id,
        "b_article": anchor.article_id,
        "a_text": taken.text,
        "b_text": anchor.text,
        "editor": editor.username,
        "created": entry["created"],
        "note": None,
        "status": "applied",
        "reason": None,
    }
    corrected = [group for group in exported["groups"] if group["corrected"]]
    assert [group["claims"] for group in corrected] == [sorted(row_of(anchor.pk))]
    assert all(taken.pk not in group["claims"] for group in exported["groups"])
    related = [m for m in exported["matches"] if {m["a"], m["b"]} == {taken.pk, anchor.pk}]
    assert all(m["kind"] == "related" for m in related)


def test_a_claim_taken_out_of_a_row_takes_its_wire_copies_with_it() -> None:
    """Articles 0 and 1 carry one text (wire copy); row: claim 0 of articles 0, 1 and 2."""
    articles = [Article(pk=10 + n, content_hash=h, position=n) for n, h in enumerate("aab")]
    rows = [
        [
            Claim(pk=100 * n + c, article=articles[n], text=f"s{c}{'b' * (n == 2)}", position=c)
            for c in range(2)
        ]
        for n in range(3)
    ]
    keys = [ClaimKey(n, 0) for n in range(3)]
    alignment = Alignment(
        matches=tuple(
            Match(keys[i], keys[j], 0.9, MatchKind.SAME) for i in range(3) for j in range(i + 1, 3)
        ),
        groups=(tuple(keys),),
    )
    correction = RowCorrection(
        kind="apart",
        article_a=articles[0],
        text_a="S0",  # found again by text, case and spaces aside
        position_a=0,
        article_b=articles[2],
        text_b="s0b",
        position_b=0,
    )
    corrected = corrections_apply([correction], articles, rows, alignment)
    assert corrected.alignment.groups == ((keys[0], keys[1]),)  # the copies stay a row
    kinds = {frozenset((m.a.article, m.b.article)): m.kind for m in corrected.alignment.matches}
    assert kinds == {
        frozenset((0, 1)): MatchKind.SAME,
        frozenset((0, 2)): MatchKind.RELATED,
        frozenset((1, 2)): MatchKind.RELATED,
    }
    assert correction.status == RowCorrection.Status.APPLIED
    assert correction.claim_a == rows[0][0]
