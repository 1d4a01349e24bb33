"""`manage.py ingest` with http(s) URLs as paths: fetched, stored, versioned, refusals reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsdiff.articles.fetch import ALLOW_HOSTS_VARIABLE
from newsdiff.articles.models import Article, Story
from tests.articles.test_versions import FIRST, SECOND, serve
from tests.pages_server import PagesServer

pytestmark = pytest.mark.django_db


def ingest(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_url_is_fetched_and_stored_with_its_raw_page(pages_server: PagesServer) -> None:
    url = serve(pages_server, *FIRST)
    out, _ = ingest(url, "--outlet", "Valley News")
    assert f"{url}: loaded" in out
    assert "1 new, 0 already stored, 0 failed" in out
    article = Article.objects.get(url=url)
    assert article.story.title == "floods"  # named after the URL's last segment
    assert article.outlet is not None and article.outlet.name == "Valley News"
    assert article.raw_format == "html" and "<article>" in article.raw
    assert "3 dead" in article.text


def test_the_same_url_with_changed_text_is_a_new_version(pages_server: PagesServer) -> None:
    url = serve(pages_server, *FIRST)
    ingest(url, "--story", "Floods")
    out, _ = ingest(url, "--story", "Floods")
    assert "unchanged (already stored)" in out
    serve(pages_server, *SECOND)
    out, _ = ingest(url, "--story", "Floods")
    assert "new version 2" in out and "3 dead -> 5 dead" in out
    assert "1 new version(s)" in out
    story = Story.objects.get(title="Floods")
    assert story.articles.count() == 1
    assert story.articles.get().versions.count() == 2


def test_a_refused_url_is_reported_and_the_rest_still_loads(
    pages_server: PagesServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(ALLOW_HOSTS_VARIABLE)
    url = serve(pages_server, *FIRST)
    good = tmp_path / "good.txt"
    good.write_text(" ".join(FIRST), encoding="utf-8")
    with pytest.raises(CommandError, match="1 new, 0 already stored, 1 failed"):
        ingest(url, str(good), "--story", "Mixed")
    assert Story.objects.get(title="Mixed").articles.count() == 1
    assert not Article.objects.filter(url=url).exists()


def test_a_refusal_names_the_url_and_why(
    pages_server: PagesServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ALLOW_HOSTS_VARIABLE)
    url = serve(pages_server, *FIRST)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", url, stdout=io.StringIO(), stderr=err)
    assert f"{url}: the host resolves to 127.0.0.1, a loopback address" in err.getvalue()
