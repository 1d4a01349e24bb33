"""The story list: counts, and search across stories, articles and statements."""

from __future__ import annotations

import pytest
from django.test import Client

from newsdiff.articles.models import Story
from tests.browser.ten_outlets import ten_outlet_story

pytestmark = pytest.mark.django_db


def test_story_list_shows_counts_and_searches(editor_client: Client, seed_story: Story) -> None:
    page = editor_client.get("/").content.decode()
    assert seed_story.title.replace("'", "&#x27;") in page
    found = editor_client.get("/", {"q": "Wagner"}).context["results"]
    assert [hit.story for hit in found] == [seed_story]
    assert editor_client.get("/", {"q": "19FortyFive"}).context["results"]
    response = editor_client.get("/", {"q": "no-such-thing-zzz"})
    assert response.context["results"] == []
    assert "Nothing holds every word" in response.content.decode()


def test_several_words_in_any_order_find_statements_marked_and_linked(
    editor_client: Client,
) -> None:
    story = ten_outlet_story()
    page = editor_client.get("/", {"q": "mph 120 interstate"}).content.decode()
    assert "<mark>120</mark> <mark>mph</mark>" in page
    assert f'href="{story.get_absolute_url()}?lead=' in page
    assert "#group-" in page
