"""manage.py reprocess: articles cleaned and split again with the current pipeline, realigned."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsdiff.articles.models import Article, Claim, ClaimGroup, Story
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def reprocess(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("reprocess", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def story() -> Story:
    seeds = [str(path) for path in sorted(SEEDS.glob("*.txt"))]
    call_command("ingest", *seeds, "--story", "Old", stdout=io.StringIO())
    return Story.objects.get(title="Old")


def test_reprocess_finds_claims_anew_and_realigns(story: Story) -> None:
    claims = Claim.objects.filter(article__story=story)
    expected = sorted(claims.values_list("text", flat=True))
    groups = ClaimGroup.objects.filter(story=story).count()
    # as an older version might have stored it: one article with one claim, no groups
    first = story.articles.order_by("position").first()
    assert first is not None
    first.claims.all().delete()
    Claim.objects.create(article=first, text="Old claim.", start=0, end=10, position=0)
    story.groups.all().delete()
    before = claims.count()
    out, err = reprocess("--story", story.slug)
    assert sorted(claims.values_list("text", flat=True)) == expected
    assert ClaimGroup.objects.filter(story=story).count() == groups
    assert f"{story.slug}: {before} claims before, {len(expected)} now;" in out
    assert not err


def test_an_article_that_can_no_longer_be_processed_is_kept_and_reported(story: Story) -> None:
    broken = story.articles.order_by("position").last()
    assert broken is not None
    Article.objects.filter(pk=broken.pk).update(raw="[ad_1]\n\nLeave a Reply\n")
    kept = sorted(broken.claims.values_list("text", flat=True))
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 article"):
        call_command("reprocess", stdout=io.StringIO(), stderr=err)
    assert "kept as it was: nothing is left after cleaning" in err.getvalue()
    assert sorted(broken.claims.values_list("text", flat=True)) == kept
    assert ClaimGroup.objects.filter(story=story).exists()


def test_an_unknown_story_is_an_error() -> None:
    with pytest.raises(CommandError, match="no story with slug nope"):
        reprocess("--story", "nope")


def test_dry_run_prints_what_would_change_and_stores_nothing(story: Story) -> None:
    first = story.articles.order_by("position").first()
    assert first is not None
    first.claims.all().delete()
    Claim.objects.create(article=first, text="Old claim.", start=0, end=10, position=0)
    story.groups.all().delete()
    claims = Claim.objects.filter(article__story=story)
    stored = sorted(claims.values_list("pk", "text"))
    out, err = reprocess("--story", story.slug, "--dry-run")
    assert f"{story.slug}: {first}: would change: text unchanged, 1 claims now," in out
    assert out.count("would change") == 1  # the other articles are as the pipeline makes them
    assert "(dry run: nothing stored)" in out
    assert sorted(claims.values_list("pk", "text")) == stored
    assert not story.groups.exists() and not err
