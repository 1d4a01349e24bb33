"""The story as a download: JSON in the export format and the rows as CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client

from newsdiff.articles.models import Story

pytestmark = pytest.mark.django_db


def test_json_export_is_a_download(editor_client: Client, seed_story: Story) -> None:
    response = editor_client.get(f"/stories/{seed_story.slug}/export.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{seed_story.slug}.json"'
    assert json.loads(response.content)["stories"][0]["title"] == seed_story.title


def test_rows_csv_has_a_column_per_outlet_with_its_wording(
    editor_client: Client, seed_story: Story
) -> None:
    response = editor_client.get(f"/stories/{seed_story.slug}/rows.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    labels = [a.label for a in seed_story.articles.order_by("position", "pk")]
    assert lines[0] == ["row", "statement", "outlets", *labels]
    fifty = next(line for line in lines if any("estimated 50,000 fighters" in c for c in line))
    assert fifty[1] == f"shared by 4 of {len(labels)}"
    assert sum(1 for cell in fifty[3:] if cell) == 4


def test_the_story_page_links_both_downloads(editor_client: Client, seed_story: Story) -> None:
    page = editor_client.get(seed_story.get_absolute_url()).content.decode()
    assert f'href="/stories/{seed_story.slug}/export.json" download' in page
    assert f'href="/stories/{seed_story.slug}/rows.csv" download' in page
