"""`manage.py export` and the story's export URL produce the JSON format of SPEC.md."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from newsdiff.articles.models import Story

pytestmark = pytest.mark.django_db

STORY_KEYS = {"slug", "title", "articles", "claims", "matches", "groups"}
ARTICLE_KEYS = {
    "id",
    "external_id",
    "source_file",
    "title",
    "outlet",
    "url",
    "published",
    "text",
    "removed",
    "versions",
}
CLAIM_KEYS = {"id", "article", "text", "start", "end", "kind", "speaker"}
MATCH_KEYS = {"a", "b", "score", "kind"}


def export(*args: str) -> dict[str, Any]:
    out = io.StringIO()
    call_command("export", *args, stdout=out)
    exported = json.loads(out.getvalue())
    assert isinstance(exported, dict)
    return exported


def assert_story_schema(story: dict[str, Any]) -> None:
    assert story.keys() >= STORY_KEYS
    texts = {}
    for article in story["articles"]:
        assert article.keys() >= ARTICLE_KEYS
        assert all(set(r) == {"text", "reason"} for r in article["removed"])
        texts[article["id"]] = article["text"]
    claim_ids = {}
    for claim in story["claims"]:
        assert claim.keys() >= CLAIM_KEYS
        assert texts[claim["article"]][claim["start"] : claim["end"]] == claim["text"]
        assert claim["kind"] in {"statement", "quote", "number"}
        claim_ids[claim["id"]] = claim["article"]
    for match in story["matches"]:
        assert match.keys() >= MATCH_KEYS
        assert match["kind"] in {"same", "related"}
        assert claim_ids[match["a"]] != claim_ids[match["b"]]
        assert 0.0 <= match["score"] <= 1.0
    for group in story["groups"]:
        assert set(group) == {"id", "claims", "corrected"}
        assert isinstance(group["corrected"], bool)
        assert len({claim_ids[c] for c in group["claims"]}) >= 2


def test_export_writes_every_story_in_the_spec_format(seed_story: Story) -> None:
    data = export()
    [story] = [s for s in data["stories"] if s["slug"] == seed_story.slug]
    assert_story_schema(story)
    assert len(story["articles"]) == 5
    assert any(r["reason"] for a in story["articles"] for r in a["removed"])
    assert any(c["speaker"] == "John Kirby" for c in story["claims"])
    assert any(m["kind"] == "same" for m in story["matches"])


def test_export_carries_speakers_figures_and_the_differences_of_same_matches(
    seed_story: Story,
) -> None:
    [story] = [s for s in export()["stories"] if s["slug"] == seed_story.slug]
    by_id = {c["id"]: c for c in story["claims"]}
    fifty = [c for c in story["claims"] if any(f["value"] == 50000 for f in c["figures"])]
    assert len({c["article"] for c in fifty}) == 4
    assert {f["unit"] for c in fifty for f in c["figures"] if f["value"] == 50000} == {""}
    same = [m for m in story["matches"] if m["kind"] == "same"]
    assert same and all(m["difference"] and m["summary"] for m in same)
    confirm = next(
        m
        for m in same
        if by_id[m["a"]]["text"].startswith("“Today we can confirm")
        and by_id[m["b"]]["text"].startswith("“We can confirm")
    )
    assert "Today" in json.dumps(confirm["difference"])
    assert all(m["difference"] is None for m in story["matches"] if m["kind"] == "related")


def test_export_to_a_file_for_named_stories(seed_story: Story, tmp_path: Path) -> None:
    Story.objects.create(title="Another")
    target = tmp_path / "out.json"
    call_command(
        "export", "--story", seed_story.slug, "--output", str(target), stderr=io.StringIO()
    )
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [s["slug"] for s in data["stories"]] == [seed_story.slug]


def test_export_of_an_unknown_story_fails_clearly(db: None) -> None:
    with pytest.raises(CommandError, match="no story with slug nope"):
        export("--story", "nope")


def test_export_url_serves_the_same_json(seed_story: Story, editor_client: Client) -> None:
    response = editor_client.get(f"/stories/{seed_story.slug}/export.json")
    assert response["Content-Type"] == "application/json"
    assert response.json() == export("--story", seed_story.slug)
