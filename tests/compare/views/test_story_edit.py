"""Renaming and deleting a story."""

from __future__ import annotations

import pytest
from django.test import Client

from newsdiff.articles.models import Story

pytestmark = pytest.mark.django_db


def test_rename_keeps_the_address(editor_client: Client) -> None:
    story = Story.objects.create(title="Old name")
    assert editor_client.get(f"/stories/{story.slug}/rename/").status_code == 200
    response = editor_client.post(f"/stories/{story.slug}/rename/", {"title": "  New   name "})
    story.refresh_from_db()
    assert story.title == "New name"
    assert response["Location"] == f"/stories/{story.slug}/"
    assert editor_client.post(f"/stories/{story.slug}/rename/", {"title": "   "}).status_code == 200


def test_delete_asks_first_then_deletes(editor_client: Client) -> None:
    story = Story.objects.create(title="Doomed")
    page = editor_client.get(f"/stories/{story.slug}/delete/").content.decode()
    assert "cannot be undone" in page
    assert Story.objects.filter(pk=story.pk).exists()
    response = editor_client.post(f"/stories/{story.slug}/delete/")
    assert response["Location"] == "/"
    assert not Story.objects.filter(pk=story.pk).exists()
