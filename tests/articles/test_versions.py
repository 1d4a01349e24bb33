"""Versions: the same source seen again with changed text is a new version; old ones are kept."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsdiff.articles.editing import article_update
from newsdiff.articles.export import story_export
from newsdiff.articles.ingest import article_ingest
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import Article, ArticleVersion
from newsdiff.articles.refresh import article_check_for_changes
from newsdiff.articles.versions import Change
from newsdiff.articles.web_inputs import read_url
from tests.pages_server import PagesServer, article_page

pytestmark = pytest.mark.django_db

TITLE = "Floods hit the northern valley"
FIRST = (
    "Floods in the northern valley left 3 dead on Monday, police said.",
    "Rescue teams reached the cut-off villages by boat on Monday evening.",
    "The regional governor said the army would help with the clean-up.",
)
SECOND = (
    "Floods in the northern valley left 5 dead on Monday, police said.",
    "Rescue teams reached the cut-off villages by boat on Monday evening.",
    "The regional governor said the army would help with the clean-up.",
    "Residents said the warnings came too late to save their homes.",
)


def serve(server: PagesServer, *paragraphs: str, stamp: str = "") -> str:
    page = article_page(TITLE, *paragraphs)
    if stamp:
        page = page.replace("<article>", f"<article><p>{stamp}</p>")
    return server.serve("/floods", page)


def ingest_url(url: str, story_title: str = "Floods") -> Article:
    item = read_url(url)
    assert isinstance(item, ArticleInput), item
    return article_ingest(item=item, story_title=story_title).article


def test_a_url_article_keeps_the_raw_page_and_starts_at_version_one(
    pages_server: PagesServer,
) -> None:
    article = ingest_url(serve(pages_server, *FIRST))
    assert "<nav>" in article.raw and article.raw_format == "html"
    assert article.url == pages_server.url("/floods")
    assert [v.number for v in article.versions.all()] == [1]
    assert article.versions.get().text == article.text


def test_a_changed_page_is_a_new_version_and_the_old_one_is_kept(
    pages_server: PagesServer,
) -> None:
    article = ingest_url(serve(pages_server, *FIRST))
    first_text = article.text
    serve(pages_server, *SECOND)
    result = article_check_for_changes(article=article)
    assert result.changed and result.outcome is not None
    assert result.outcome.number == 2
    article.refresh_from_db()
    assert "5 dead" in article.text and "warnings came too late" in article.text
    old, new = article.versions.order_by("number")
    assert old.text == first_text and new.text == article.text
    assert old.seen <= new.seen
    assert any("warnings came too late" in c.text for c in article.claims.all())
    assert not any("3 dead" in c.text for c in article.claims.all())


@pytest.mark.parametrize(
    ("paragraphs", "stamp", "change"),
    [
        (FIRST, "Updated 10:42 a.m. ET, April 3, 2026", {Change.BORING, Change.UNCHANGED}),
        ((FIRST[0].replace("Monday, police", "Monday police"), *FIRST[1:]), "", {Change.BORING}),
        # whitespace: the cleaner already evens it out, so the text is the same
        ((FIRST[0], "  " + FIRST[1].replace(" by ", "  by "), FIRST[2]), "", {Change.UNCHANGED}),
    ],
)
def test_a_boring_change_makes_no_version(
    pages_server: PagesServer, paragraphs: tuple[str, ...], stamp: str, change: set[Change]
) -> None:
    article = ingest_url(serve(pages_server, *FIRST, stamp="Updated 09:00 a.m. ET, April 3, 2026"))
    serve(pages_server, *paragraphs, stamp=stamp)
    result = article_check_for_changes(article=article)
    assert result.outcome is not None
    assert result.outcome.change in change
    assert article.versions.count() == 1


def test_the_same_page_is_unchanged(pages_server: PagesServer) -> None:
    article = ingest_url(serve(pages_server, *FIRST))
    result = article_check_for_changes(article=article)
    assert result.outcome is not None and result.outcome.change is Change.UNCHANGED
    assert article.versions.count() == 1


def test_a_page_that_cannot_be_fetched_changes_nothing(pages_server: PagesServer) -> None:
    article = ingest_url(serve(pages_server, *FIRST))
    pages_server.serve("/floods", b"%PDF-1.7", headers={"Content-Type": "application/pdf"})
    result = article_check_for_changes(article=article)
    assert result.outcome is None and "PDF" in result.problem
    article.refresh_from_db()
    assert "3 dead" in article.text and article.versions.count() == 1


def test_ingesting_the_same_source_with_changed_text_is_a_new_version(
    pages_server: PagesServer,
) -> None:
    url = serve(pages_server, *FIRST)
    article = ingest_url(url)
    serve(pages_server, *SECOND)
    again = ingest_url(url)
    assert again.pk == article.pk
    assert Article.objects.filter(story=article.story).count() == 1
    assert list(again.versions.values_list("number", flat=True)) == [1, 2]


def test_ingesting_the_same_source_unchanged_changes_nothing(pages_server: PagesServer) -> None:
    url = serve(pages_server, *FIRST)
    article = ingest_url(url)
    outcome = article_ingest(item=read_url(url), story_title="Floods")  # type: ignore[arg-type]
    assert outcome.article.pk == article.pk and not outcome.created
    assert ArticleVersion.objects.filter(article=article).count() == 1


def test_the_same_url_from_another_outlet_is_another_article_not_a_version(
    pages_server: PagesServer,
) -> None:
    url = serve(pages_server, *FIRST)
    item = read_url(url, outlet="Valley News")
    assert isinstance(item, ArticleInput)
    article = article_ingest(item=item, story_title="Floods").article
    serve(pages_server, *SECOND)
    other = read_url(url, outlet="Wire Service")
    assert isinstance(other, ArticleInput)
    outcome = article_ingest(item=other, story_title="Floods")
    assert outcome.created and outcome.article.pk != article.pk
    assert article.versions.count() == 1


def test_export_lists_earlier_versions_oldest_first(pages_server: PagesServer) -> None:
    article = ingest_url(serve(pages_server, *FIRST))
    assert story_export(article.story)["articles"][0]["versions"] == []
    first_text = article.text
    serve(pages_server, *SECOND)
    article_check_for_changes(article=article)
    exported = story_export(article.story)["articles"][0]
    assert "5 dead" in exported["text"]
    assert [v["text"] for v in exported["versions"]] == [first_text]
    assert exported["versions"][0]["seen"].startswith(str(article.created_at.year))


def serve_dated(server: PagesServer, title: str, paragraphs: tuple[str, ...], day: str) -> str:
    page = article_page(title, *paragraphs).replace(
        "<title>",
        f'<meta property="article:published_time" content="{day}T08:00:00Z">'
        '<meta property="og:site_name" content="Valley News"><title>',
    )
    return server.serve("/floods", page)


def test_a_new_version_brings_the_new_headline_when_no_editor_set_one(
    pages_server: PagesServer,
) -> None:
    article = ingest_url(serve_dated(pages_server, TITLE, FIRST, "2026-04-03"))
    assert article.title == TITLE and article.edited_fields == []
    serve_dated(pages_server, "Floods: death toll rises to 5", SECOND, "2026-04-04")
    assert article_check_for_changes(article=article).changed
    article.refresh_from_db()
    assert article.title == "Floods: death toll rises to 5"
    assert article.published is not None and article.published.date().isoformat() == "2026-04-03"


def test_an_editors_title_outlet_and_date_survive_a_new_version(
    pages_server: PagesServer,
) -> None:
    article = ingest_url(serve_dated(pages_server, TITLE, FIRST, "2026-04-03"))
    assert article.outlet is not None and article.outlet.name == "Valley News"
    edited_day = datetime(2026, 4, 2, 21, 30, tzinfo=UTC)
    article_update(
        article=article,
        title="Deadly floods in the north",
        outlet="Valley Daily",
        published=edited_day,
        url=article.url,
    )
    assert article.edited_fields == ["outlet", "published", "title"]
    serve_dated(pages_server, "Floods: death toll rises to 5", SECOND, "2026-04-04")
    result = article_check_for_changes(article=article)
    assert result.changed and result.outcome is not None and result.outcome.number == 2
    article.refresh_from_db()
    assert "5 dead" in article.text  # the new text is taken…
    assert article.title == "Deadly floods in the north"  # …but not over the editor's details
    assert article.outlet is not None and article.outlet.name == "Valley Daily"
    assert article.published == edited_day
    assert article.versions.get(number=2).title == "Floods: death toll rises to 5"
