"""`manage.py ingest`: files, folders, JSON lines, idempotence, and bad input reported."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsdiff.articles import ingest as ingest_module
from newsdiff.articles.models import Article, Claim, ClaimGroup, Story
from newsdiff.textcore.pipeline import ProcessedArticle, process_article
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def ingest(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "wagner"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def test_ingest_a_folder_makes_one_story_named_after_it(tmp_path: Path) -> None:
    out, _ = ingest(str(seed_copy(tmp_path)))
    story = Story.objects.get(title="wagner")
    assert story.articles.count() == 5
    assert "5 new, 0 already stored, 0 failed" in out
    assert Claim.objects.filter(article__story=story).count() > 60
    assert ClaimGroup.objects.filter(story=story).count() >= 5


def test_ingest_keeps_raw_input_verbatim_and_the_headline_as_title(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path)
    ingest(str(folder), "--story", "Verbatim")
    article = Article.objects.get(
        story__title="Verbatim", source_file__endswith="001_17f443fb6246cec4.txt"
    )
    raw = (folder / "001_17f443fb6246cec4.txt").read_text(encoding="utf-8")
    assert article.raw == raw
    assert article.title.startswith("North Korea has delivered rockets, missiles")
    assert article.title not in article.text
    assert "[ad_1]" not in article.text
    assert {"[ad_1]", "Leave a Reply"} <= {span.text for span in article.removed_spans.all()}


def test_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path)
    ingest(str(folder), "--story", "Twice")
    counts = (Article.objects.count(), Claim.objects.count(), ClaimGroup.objects.count())
    out, _ = ingest(str(folder), "--story", "Twice")
    assert "0 new, 5 already stored" in out
    assert (Article.objects.count(), Claim.objects.count(), ClaimGroup.objects.count()) == counts


def test_ingest_sets_the_outlet_for_every_article(tmp_path: Path) -> None:
    ingest(str(SEEDS / "003_3f3274e93fbad53a.txt"), "--story", "One", "--outlet", "Wire")
    article = Article.objects.get(story__title="One")
    assert article.outlet is not None and article.outlet.name == "Wire"


def test_ingest_reports_bad_files_and_loads_the_rest(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path)
    (folder / "empty.txt").write_text("")
    (folder / "junk.txt").write_text("[ad_1]\n\nLeave a Reply\n\nAdvertisement\n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="5 new, 0 already stored, 4 failed"):
        call_command("ingest", str(folder), "--story", "Mixed", stdout=out, stderr=err)
    errors = err.getvalue()
    assert "empty.txt: the file is empty" in errors
    assert "junk.txt: nothing is left after cleaning" in errors
    assert "binary.txt: not a text file" in errors
    assert "notes.pdf: unsupported file type" in errors
    assert Story.objects.get(title="Mixed").articles.count() == 5


def test_an_unexpected_error_in_one_file_is_reported_and_the_rest_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = seed_copy(tmp_path)
    real_process = process_article

    def process(raw: str, **kwargs: Any) -> ProcessedArticle:
        if "flatly denied" in raw:  # only in 003
            raise RuntimeError("simulated bug")
        return real_process(raw, **kwargs)

    monkeypatch.setattr(ingest_module, "process_article", process)
    err = io.StringIO()
    with pytest.raises(CommandError, match="4 new, 0 already stored, 1 failed"):
        call_command("ingest", str(folder), "--story", "Bug", stdout=io.StringIO(), stderr=err)
    assert (
        "003_3f3274e93fbad53a.txt: not loaded, unexpected error (RuntimeError: simulated bug)"
        in (err.getvalue())
    )
    story = Story.objects.get(title="Bug")
    assert story.articles.count() == 4
    assert not story.articles.filter(source_file__endswith="003_3f3274e93fbad53a.txt").exists()
    assert ClaimGroup.objects.filter(story=story).exists()


def test_ingest_jsonl_takes_metadata_and_reports_bad_lines(tmp_path: Path) -> None:
    body = (SEEDS / "003_3f3274e93fbad53a.txt").read_text(encoding="utf-8")
    lines = [
        json.dumps(
            {
                "text": body,
                "title": "Given title",
                "url": "https://example.org/a",
                "outlet": "Example Daily",
                "published": "2022-12-23T10:00:00Z",
                "story": "From JSONL",
                "id": "ext-1",
            }
        ),
        "{broken",
        json.dumps({"title": "no text"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 new, 0 already stored, 2 failed"):
        call_command("ingest", str(path), stdout=io.StringIO(), stderr=err)
    assert f"{path}:2: malformed JSON" in err.getvalue()
    assert f"{path}:3: " in err.getvalue()
    article = Article.objects.get(story__title="From JSONL")
    assert article.outlet is not None
    assert (article.title, article.external_id, article.outlet.name) == (
        "Given title",
        "ext-1",
        "Example Daily",
    )
    assert article.published is not None and article.published.year == 2022


def test_ingest_html_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    paragraphs = "".join(
        f"<p>Paragraph {n} says the council voted on the budget for the new library today.</p>"
        for n in range(1, 6)
    )
    page.write_text(
        f"<html><head><title>Council votes</title></head><body><article><h1>Council votes"
        f"</h1>{paragraphs}</article><footer>Copyright 2024 Example</footer></body></html>",
        encoding="utf-8",
    )
    ingest(str(page), "--story", "HTML")
    article = Article.objects.get(story__title="HTML")
    assert article.raw_format == "html"
    assert "Paragraph 3 says" in article.text
    assert "Copyright" not in article.text
