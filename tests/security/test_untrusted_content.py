"""Article text and HTML are untrusted: no upload reaches a page, or the export, as mark-up."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup, Tag
from django.test import Client

from newsdiff.articles.models import Article, Story
from tests.security.conftest import (
    HOSTILE_LINE,
    HOSTILE_STORY,
    POST_ONLY,
    site_url_names,
    url_for,
)
from tests.security.test_csp import assert_no_inline_script

pytestmark = pytest.mark.django_db

MARKERS = ("xss-script", "xss-img", "xss-svg", "xss-link")


def visible_text(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text(" ")


def assert_inert(html: str) -> None:
    """No injected element: scripts only from /static/, no handlers, no javascript: links."""
    assert_no_inline_script(html)
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["iframe", "object", "embed", "img", "base", "meta", "link"]):
        assert "xss" not in str(tag), str(tag)[:200]
    for svg in soup.find_all("svg"):
        assert_inert_svg(svg)


def assert_inert_svg(svg: Tag) -> None:
    """Untrusted text may sit in an SVG only as escaped text: no script, no handler, no link out."""
    assert not svg.find_all(["script", "foreignobject", "foreignObject", "iframe", "image"])
    for element in [svg, *svg.find_all(True)]:
        for attribute, value in element.attrs.items():
            assert not attribute.lower().startswith("on"), (attribute, str(element)[:200])
            if attribute.lower() in {"href", "xlink:href"}:
                assert not str(value).strip().lower().startswith("javascript:"), value


def test_the_hostile_articles_were_stored_with_their_payloads(hostile_story: Story) -> None:
    articles = list(hostile_story.articles.order_by("pk"))
    assert len(articles) == 3
    assert all(article.claims.exists() for article in articles)
    assert "<script>" in articles[0].text or "onerror=" in articles[0].text


def test_no_url_but_http_and_https_is_kept(hostile_story: Story) -> None:
    urls = set(Article.objects.filter(story=hostile_story).values_list("url", flat=True))
    assert all(url == "" or url.startswith(("http://", "https://")) for url in urls), urls


@pytest.mark.parametrize("name", sorted(set(site_url_names()) - POST_ONLY))
def test_every_page_shows_the_payloads_as_text_only(
    editor_client: Client, hostile_story: Story, name: str
) -> None:
    response = editor_client.get(url_for(name, hostile_story))
    assert response.status_code in {200, 286}
    if response["Content-Type"].startswith("text/html"):
        assert_inert(response.content.decode())


def test_the_payloads_really_reach_the_story_and_article_pages(
    editor_client: Client, hostile_story: Story
) -> None:
    pages = [hostile_story.get_absolute_url()]
    pages += [article.get_absolute_url() for article in hostile_story.articles.all()]
    text = " ".join(visible_text(editor_client.get(url).content.decode()) for url in pages)
    assert "alert('xss-story')" in text  # the story title, as text
    assert any(marker in text for marker in MARKERS)
    assert "<script>alert(" in text or "onerror=alert(" in text


def test_the_story_list_and_search_show_hostile_titles_as_text(
    editor_client: Client, hostile_story: Story
) -> None:
    for response in (editor_client.get("/"), editor_client.get("/", {"q": "<script>"})):
        html = response.content.decode()
        assert_inert(html)
        # search marks the words it matched (<mark>), which splits the text into pieces
        assert HOSTILE_STORY.replace(" ", "") in visible_text(html).replace(" ", "")


def test_the_export_is_json_with_the_payloads_as_strings(
    editor_client: Client, hostile_story: Story
) -> None:
    response = editor_client.get(url_for("story-export", hostile_story))
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    story = json.loads(response.content)["stories"][0]
    assert story["title"] == HOSTILE_STORY
    outlets = {article["outlet"] for article in story["articles"]}
    assert HOSTILE_LINE["outlet"] in outlets
    assert HOSTILE_LINE["id"] in {article["external_id"] for article in story["articles"]}
    assert any("xss-" in claim["text"] for claim in story["claims"])
