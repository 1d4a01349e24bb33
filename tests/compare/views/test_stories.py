"""The story list: counts and search."""

from __future__ import annotations

import pytest
from django.test import Client

from newsdiff.articles.models import Story

pytestmark = pytest.mark.django_db


def test_story_list_shows_counts_and_searches(editor_client: Client, seed_story: Story) -> None:
    page = editor_client.get("/").content.decode()
    assert seed_story.title.replace("'", "&#x27;") in page
    assert editor_client.get("/", {"q": "Wagner"}).context["stories"].count() >= 1
    assert editor_client.get("/", {"q": "19FortyFive"}).context["stories"].count() >= 1
    assert editor_client.get("/", {"q": "no-such-thing-zzz"}).context["stories"].count() == 0
