"""Recovery: an alignment never stores a stale result; what a killed run left is aligned later."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from newsdiff.articles import alignment, jobs
from newsdiff.articles.ingest import article_ingest
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import Claim, Story
from newsdiff.textcore.pipeline import align_articles
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

A, B, C = "001_17f443fb6246cec4.txt", "003_3f3274e93fbad53a.txt", "004_fb34d5aa027317c2.txt"


def item(name: str) -> ArticleInput:
    return ArticleInput(
        raw=(SEEDS / name).read_text(encoding="utf-8"), fmt="text", source_file=name
    )


def unaligned_claims(story: Story) -> int:
    return Claim.objects.filter(article__story=story, embedding__isnull=True).count()


def test_an_article_stored_while_aligning_is_in_the_stored_alignment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    story = Story.objects.create(title="Raced")
    for name in (A, B):
        article_ingest(item=item(name), story=story)
    real_align = align_articles
    calls: list[int] = []

    def align_while_another_worker_stores_c(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            article_ingest(item=item(C), story=story)
        return real_align(*args, **kwargs)

    monkeypatch.setattr(alignment, "align_articles", align_while_another_worker_stores_c)
    outcome = alignment.story_align(story=story)
    assert len(calls) == 2  # the first result was computed without C: computed again
    assert outcome.claims == Claim.objects.filter(article__story=story).count()
    assert unaligned_claims(story) == 0
    c_claims = Claim.objects.filter(article__story=story, article__source_file=C)
    assert (
        story.matches.filter(a__in=c_claims).exists()
        or story.matches.filter(b__in=c_claims).exists()
    )


def test_under_constant_change_the_last_attempt_aligns_under_the_lock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    story = Story.objects.create(title="Busy")
    article_ingest(item=item(A), story=story)
    real_align, extra = align_articles, iter([B, C])

    def align_while_articles_keep_arriving(*args, **kwargs):
        name = next(extra, None)
        if name:
            article_ingest(item=item(name), story=story)
        return real_align(*args, **kwargs)

    monkeypatch.setattr(alignment, "align_articles", align_while_articles_keep_arriving)
    outcome = alignment.story_align(story=story)
    assert outcome.claims == Claim.objects.filter(article__story=story).count()
    assert unaligned_claims(story) == 0


def test_vectors_are_saved_with_the_alignment_only(monkeypatch: pytest.MonkeyPatch) -> None:
    story = Story.objects.create(title="Crashed mid-align")
    article_ingest(item=item(A), story=story)
    article_ingest(item=item(B), story=story)

    def crash(*args, **kwargs):
        raise RuntimeError("worker killed while storing the alignment")

    monkeypatch.setattr(alignment, "_store_alignment", crash)
    with pytest.raises(RuntimeError):
        alignment.story_align(story=story)
    assert alignment.story_needs_alignment(story)
    monkeypatch.undo()
    alignment.story_align(story=story)
    assert not alignment.story_needs_alignment(story)


def test_recover_jobs_aligns_stories_a_killed_run_left_unaligned() -> None:
    story = Story.objects.create(title="Ingest killed before aligning")
    article_ingest(item=item(A), story=story)
    article_ingest(item=item(B), story=story)
    out = io.StringIO()
    call_command("recover_jobs", stdout=out)
    assert "Aligned 1 story(ies)" in out.getvalue()
    assert not alignment.story_needs_alignment(story) and story.groups.exists()
    assert jobs.stories_align_pending() == 0


def test_ingest_run_again_after_a_kill_aligns_what_it_left(tmp_path: Path) -> None:
    story = Story.objects.create(title="again")
    article_ingest(item=item(A), story=story)  # stored, then the run was killed
    (tmp_path / A).write_text((SEEDS / A).read_text(encoding="utf-8"), encoding="utf-8")
    call_command("ingest", str(tmp_path / A), "--story", "again", stdout=io.StringIO())
    assert not alignment.story_needs_alignment(story)
