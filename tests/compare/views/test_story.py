"""The side-by-side page: columns, highlights, the lead switch, hidden columns."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from newsdiff.articles.ingest import article_ingest
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import Story
from tests.browser.ten_outlets import ten_outlet_story

pytestmark = pytest.mark.django_db


def test_story_page_shows_outlets_side_by_side_with_highlights(
    editor_client: Client, seed_story: Story
) -> None:
    response = editor_client.get(seed_story.get_absolute_url())
    page = response.content.decode()
    for article in seed_story.articles.all():
        assert article.label in page
    assert 'class="claim claim-several"' in page or 'class="claim claim-all"' in page
    assert 'class="claim claim-unique"' in page
    assert "only here" in page and "Shared by" in page
    comparison = response.context["comparison"]
    assert len(comparison.articles) == 5
    row = next(
        r
        for r in comparison.rows
        if any("estimated 50,000" in c.text for cell in r.columns for c in cell)
    )
    assert row.outlet_count == 4
    found = re.search(r'<p class="summary">(.*?)</p>', page, re.S)
    assert found is not None
    summary = " ".join(found[1].split())
    shared = comparison.counts["all"]
    assert f"{shared} statement{'' if shared == 1 else 's'} shared by all ·" in summary


def test_story_page_query_count_does_not_grow_with_claims(
    editor_client: Client, seed_story: Story
) -> None:
    with CaptureQueriesContext(connection) as queries:
        editor_client.get(seed_story.get_absolute_url())
    assert len(queries) <= 10


def test_lead_switch_reorders_columns_and_htmx_gets_the_fragment(
    editor_client: Client, seed_story: Story
) -> None:
    last = seed_story.articles.order_by("position").last()
    assert last is not None
    response = editor_client.get(seed_story.get_absolute_url(), {"lead": last.pk})
    assert response.context["comparison"].articles[0] == last
    fragment = editor_client.get(
        seed_story.get_absolute_url(), {"lead": last.pk}, headers={"HX-Request": "true"}
    )
    body = fragment.content.decode()
    assert body.lstrip().startswith('<section id="alignment"')
    assert "<html" not in body
    assert "HX-Request" in fragment["Vary"]


def test_unknown_lead_falls_back_to_the_first_article(
    editor_client: Client, seed_story: Story
) -> None:
    response = editor_client.get(seed_story.get_absolute_url(), {"lead": "nonsense"})
    assert (
        response.context["comparison"].articles[0]
        == seed_story.articles.order_by("position").first()
    )


def test_hiding_a_column_keeps_statuses_and_the_url_says_so(
    editor_client: Client, seed_story: Story
) -> None:
    articles = list(seed_story.articles.order_by("position"))
    response = editor_client.get(
        seed_story.get_absolute_url(), {"hide": f"{articles[1].pk},{articles[0].pk}"}
    )
    shown = response.context["comparison"].articles
    assert articles[1] not in shown
    assert articles[0] in shown  # the lead cannot be hidden
    assert [a.label for a in response.context["hidden"]] == [articles[1].label]
    page = response.content.decode()
    assert f"show {articles[1].label}" in page
    row = next(
        r
        for r in response.context["comparison"].rows
        if any("some 50,000 personnel" in c.text for cell in r.columns for c in cell)
    )
    assert row.outlet_count == 4  # still counts the hidden outlet


def test_a_figure_disagreement_reads_in_its_row_with_the_unit_once(editor_client: Client) -> None:
    story = ten_outlet_story()
    page = editor_client.get(story.get_absolute_url()).content.decode()
    start = page.rindex('<tr class="row', 0, page.index("The chase on Interstate 75"))
    row = page[start : page.index("</tr>", start)]
    (note,) = re.findall(
        r'<span class="disagreement">(.*?)</span>\s*(?=<span class="disagreement">|</th>)', row
    )
    shown = re.sub(r"<[^>]+>", "", re.sub(r'<span class="visually-hidden">.*?</span>', "", note))
    assert " ".join(shown.split()) == "≠ Hedged differently: 120 vs more than 100 mph"
    read = re.sub(r"<[^>]+>", "", re.sub(r'<span aria-hidden="true">.*?</span>', "", note))
    assert " ".join(read.split()) == (  # by a screen reader: each version whole, with outlets
        "≠ Hedged differently: 120 mph (Fox News, The New York Times) vs more than 100 mph"
        " (NBC News)"
    )


def test_an_article_without_a_headline_is_named_by_its_opening_words(
    editor_client: Client,
) -> None:
    lede = (
        "A Waitrose supermarket in Surrey has been destroyed in a fire that broke out on the"
        " roof on Friday night, police said."
    )
    text = f"{lede}\n\nMore than 50 firefighters tackled the blaze at the store in Banstead."
    item = ArticleInput(raw=text, fmt="text", source_file="surrey-news.txt")
    article = article_ingest(item=item, story_title="Waitrose fire").article
    assert article.title == ""
    opening = "A Waitrose supermarket in Surrey has been destroyed in a fire that broke out…"
    for url in (article.story.get_absolute_url(), f"{article.story.get_absolute_url()}overview/"):
        page = editor_client.get(url).content.decode()
        assert "(untitled)" not in page
        assert 'class="article-title article-opening"' in page and opening in page
    detail = editor_client.get(article.get_absolute_url()).content.decode()
    assert "(untitled)" not in detail and "A Waitrose supermarket in Surrey has been" in detail
