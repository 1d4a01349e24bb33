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
