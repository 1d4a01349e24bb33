"""Who published a page and when: page metadata, the URL's domain, the text's dateline."""

from __future__ import annotations

import time

import pytest

from newsdiff.textcore.clean import (
    clean_html,
    dateline_date,
    iso_date,
    outlet_from_url,
    page_metadata,
)


def head(inner: str, body: str = "<p>Text.</p>") -> str:
    return f"<html><head>{inner}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("html", "site_name"),
    [
        (head('<meta property="og:site_name" content="The  Daily Planet">'), "The Daily Planet"),
        (head('<meta name="application-name" content="Northport Gazette">'), "Northport Gazette"),
        (
            head(
                '<script type="application/ld+json">{"@context": "https://schema.org", '
                '"@type": "NewsArticle", "publisher": {"@type": "Organization", '
                '"name": "Kyiv Daily"}}</script>'
            ),
            "Kyiv Daily",
        ),
        (
            head(
                '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
                '{"@type": "NewsArticle", "publisher": [{"name": "Graph Times"}]}]}</script>'
            ),
            "Graph Times",
        ),
        (head('<script type="application/ld+json">{not json</script>'), ""),
        (head("<title>No site name here</title>"), ""),
    ],
)
def test_site_name_comes_from_the_page(html: str, site_name: str) -> None:
    assert page_metadata(html).site_name == site_name


def test_og_site_name_wins_over_the_json_ld_publisher() -> None:
    html = head(
        '<meta property="og:site_name" content="Open Graph Name">'
        '<script type="application/ld+json">{"publisher": {"name": "LD Name"}}</script>'
    )
    assert page_metadata(html).site_name == "Open Graph Name"


@pytest.mark.parametrize(
    ("html", "published"),
    [
        (
            head('<meta property="article:published_time" content="2019-11-19T08:02:00Z">'),
            "2019-11-19T08:02:00+00:00",
        ),
        (
            head('<script type="application/ld+json">{"datePublished": "2013-07-03"}</script>'),
            "2013-07-03",
        ),
        (
            head('<meta name="pubdate" content="Tue, 19 Nov 2019 08:02:00 GMT">'),
            "2019-11-19T08:02:00+00:00",
        ),
        (
            head(
                "", '<article><time datetime="2007-04-11T10:00:00+02:00">11 April</time></article>'
            ),
            "2007-04-11T10:00:00+02:00",
        ),
        (
            head(
                "",
                '<aside><time datetime="2001-01-01">Old</time></aside>'
                '<article><p>x</p><time datetime="2020-05-06">6 May</time></article>',
            ),
            "2020-05-06",
        ),
        (head('<meta property="article:published_time" content="soon">'), ""),
        (head(""), ""),
    ],
)
def test_published_date_comes_from_the_page(html: str, published: str) -> None:
    assert page_metadata(html).published == published


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.nytimes.com/2020/01/01/world/story.html", "The New York Times"),
        ("https://edition.cnn.com/2020/01/01/story", "CNN"),
        ("https://www.bbc.co.uk/news/world-123", "BBC News"),
        ("https://news.example-daily.co.uk/story", "Example Daily"),
        ("https://www.kathimerini.gr/world/123", "Kathimerini"),
        ("http://127.0.0.1:8000/story", ""),
        ("not a url", ""),
        ("", ""),
    ],
)
def test_outlet_from_url_is_a_readable_name(url: str, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published April 11, 2007", "2007-04-11"),
        ("3 July 2013 Last updated at 04:46", "2013-07-03"),
        ("Updated: Dec. 22, 2022 3:45 pm ET", "2022-12-22"),
        ("By Jo Roe | Nov. 19th, 2019 8:02 am", "2019-11-19"),
        ("Monday, 5th of March 2018", "2018-03-05"),
        ("2019-11-19 08:02", "2019-11-19"),
        ("3 hours ago", ""),
        ("February 30, 2020", ""),
        ("Season 12, 2020", ""),
    ],
)
def test_dateline_date_reads_the_date_a_line_states(line: str, day: str) -> None:
    assert dateline_date(line) == day


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-19T08:02:00.000+0100", "2019-11-19T08:02:00+01:00"),
        ("2019-11-19", "2019-11-19"),
        ("Nov 19, 2019", "2019-11-19"),
        ("", ""),
        ("9999-01-01", ""),
    ],
)
def test_iso_date_normalises_metadata_dates(value: str, expected: str) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    "hostile",
    [
        "1" * 200_000,
        "January " * 30_000,
        "2019-" * 40_000,
        "3 " * 100_000 + "July",
    ],
)
def test_dateline_patterns_stay_linear_on_hostile_text(hostile: str) -> None:
    started = time.perf_counter()
    dateline_date(hostile)
    iso_date(hostile)
    assert time.perf_counter() - started < 5  # generous: linear work takes milliseconds


def test_deep_json_ld_is_read_only_to_a_bounded_depth() -> None:
    deep = '{"a": ' * 5000 + "1" + "}" * 5000
    html = head(f'<script type="application/ld+json">{deep}</script>')
    assert page_metadata(html).site_name == ""


def test_a_page_already_decoded_is_not_decoded_again_by_its_meta_charset() -> None:
    html = head('<meta charset="iso-8859-2"><meta property="og:site_name" content="Gazeta Żółta">')
    assert page_metadata(html).site_name == "Gazeta Żółta"


@pytest.mark.parametrize("html", ["", "   ", "<", "not html at all"])
def test_a_page_without_markup_states_nothing(html: str) -> None:
    assert page_metadata(html).site_name == ""


@pytest.mark.parametrize(
    ("head", "url"),
    [
        ('<link rel="canonical" href="https://news.example/a">', "https://news.example/a"),
        (
            '<link rel="alternate canonical" href=" http://news.example/b ">',
            "http://news.example/b",
        ),
        ('<meta property="og:url" content="https://news.example/c">', "https://news.example/c"),
        (
            '<link rel="canonical" href="https://news.example/d">'
            '<meta property="og:url" content="https://news.example/other">',
            "https://news.example/d",
        ),
        ('<link rel="canonical" href="javascript:alert(1)">', ""),
        ('<link rel="canonical" href="/relative/path">', ""),
        ('<meta property="og:url" content="https://news.example/has space">', ""),
        ("", ""),
    ],
)
def test_the_pages_own_address_comes_from_its_canonical_link(head: str, url: str) -> None:
    html = f"<html><head>{head}<title>t</title></head><body><p>Text.</p></body></html>"
    assert page_metadata(html).url == url


def test_a_saved_pages_canonical_address_is_its_url_unless_one_is_given() -> None:
    paragraphs = "".join(
        f"<p>Sentence {n} of the report says what the council decided on Monday.</p>"
        for n in range(6)
    )
    html = (
        '<html><head><link rel="canonical" href="https://news.example/council">'
        f"<title>Council</title></head><body><article>{paragraphs}</article></body></html>"
    )
    assert clean_html(html).url == "https://news.example/council"
    assert clean_html(html, "https://given.example/x").url == "https://given.example/x"
