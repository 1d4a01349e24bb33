"""`manage.py refresh`: every URL article fetched again; what changed is printed."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsdiff.articles.ingest import article_ingest
from newsdiff.articles.models import Article, Story
from newsdiff.articles.web_inputs import read_url
from tests.articles.test_versions import FIRST, SECOND, serve
from tests.pages_server import PagesServer

pytestmark = pytest.mark.django_db


def refresh(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("refresh", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def stored(url: str, story_title: str = "Floods") -> Article:
    return article_ingest(item=read_url(url), story_title=story_title).article  # type: ignore[arg-type]


def test_refresh_prints_the_new_version_and_the_changed_figure(pages_server: PagesServer) -> None:
    article = stored(serve(pages_server, *FIRST))
    serve(pages_server, *SECOND)
    out, _ = refresh("--story", article.story.slug)
    assert "new version 2" in out
    assert "figures: 3 dead -> 5 dead" in out
    assert "1 changed, 0 unchanged, 0 could not be checked." in out
    assert article.versions.count() == 2
    assert article.story.groups.exists() or article.claims.exclude(embedding=None).exists()


def test_refresh_of_an_unchanged_story_says_so(pages_server: PagesServer) -> None:
    article = stored(serve(pages_server, *FIRST))
    out, _ = refresh("--story", article.story.slug)
    assert "unchanged since it was last seen" in out
    assert "0 changed, 1 unchanged" in out


def test_refresh_reports_a_page_it_cannot_fetch_and_fails(pages_server: PagesServer) -> None:
    article = stored(serve(pages_server, *FIRST))
    pages_server.serve("/floods", "gone", status=410)
    with pytest.raises(CommandError, match="1 could not be checked"):
        refresh("--story", article.story.slug)
    assert article.versions.count() == 1


def test_refresh_of_an_unknown_story_is_an_error() -> None:
    with pytest.raises(CommandError, match="no story with the slug 'nope'"):
        refresh("--story", "nope")


def test_refresh_leaves_articles_without_a_url_alone(seed_story: Story) -> None:
    out, _ = refresh("--story", seed_story.slug)
    assert "0 changed, 0 unchanged, 0 could not be checked." in out
