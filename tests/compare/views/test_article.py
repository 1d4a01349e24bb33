"""The reading view: claims and removed spans."""

from __future__ import annotations

import pytest
from django.test import Client

from newsdiff.articles.models import Story

pytestmark = pytest.mark.django_db


def test_article_page_shows_claims_and_removed_spans(
    editor_client: Client, seed_story: Story
) -> None:
    article = seed_story.articles.get(source_file__endswith="001_17f443fb6246cec4.txt")
    response = editor_client.get(article.get_absolute_url())
    page = response.content.decode()
    lines = response.context["lines"]
    removed = {line.text: line.reason for line in lines if line.role == "removed"}
    assert removed["Leave a Reply"] == "comment form"
    assert removed["[ad_1]"] == "ad marker"
    assert 'class="line line-removed"' in page and "Restore" in page
    segments = [s for line in lines if line.role == "body" for s in line.segments if s.claim]
    assert len(segments) == article.claims.count()
    assert {s.shared for s in segments} == {True, False}
    assert all(s.text == s.claim.text for s in segments)


def test_a_run_too_long_to_be_a_sentence_is_shown_and_marked_not_compared(
    editor_client: Client,
) -> None:
    from newsdiff.articles.ingest import article_ingest
    from newsdiff.articles.inputs import ArticleInput

    story = Story.objects.create(title="A run of numbers")
    run = "1 " * 3_000
    raw = (
        "Council debates the budget\n\nThe council met on Tuesday, officials said.\n\n"
        f"{run}\n\nA vote is expected next month, after a public hearing."
    )
    article = article_ingest(item=ArticleInput(raw=raw, fmt="text"), story=story).article
    assert [claim.text[:20] for claim in article.claims.order_by("position")] == [
        "The council met on T",
        "A vote is expected n",
    ]
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "Not compared: 5999 characters" in page
    assert run.strip() in page  # shown in full, not lost
