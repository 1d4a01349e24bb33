"""Cleaning saved web pages: trafilatura first, the BeautifulSoup fallback, then the line pass."""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura

from newsdiff.textcore.clean.htmlpage import clean_html, fallback_text, page_title
from newsdiff.textcore.types import Cleaned, Reason, Role

FIXTURES = Path(__file__).parents[1] / "fixtures" / "clean"
URL = "https://example.com/world/wagner-arms"

ARTICLE_PARAGRAPHS = [
    "North Korea has delivered rockets and missiles to the Russian private military company "
    "known as the Wagner Group for use in Ukraine, the White House said on Thursday.",
    "“Today we can confirm that North Korea has completed an initial arms delivery to Wagner, "
    "which paid for that equipment,” spokesperson John Kirby told reporters.",
    "Kirby said the amount of material delivered would not change the battlefield dynamics in "
    "Ukraine, but that the United States was concerned more deliveries would follow.",
    "The group is believed to have about 50,000 personnel in Ukraine, including 40,000 convicts "
    "recruited from Russian prisons, according to US estimates.",
]
BRIEF_PARAGRAPHS = [
    "Wagner got rockets from North Korea, the White House said.",
    "Kirby said more deliveries may follow.",
]


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def assert_blocks_are_contiguous(cleaned: Cleaned) -> None:
    position = 0
    for block in cleaned.blocks:
        assert block.start == position and block.end == position + len(block.text)
        position = block.end


@pytest.fixture(scope="module")
def article() -> Cleaned:
    return clean_html(page("article.html"), URL)


def test_article_body_is_kept_paragraph_by_paragraph(article: Cleaned) -> None:
    assert article.text.split("\n\n") == ARTICLE_PARAGRAPHS


def test_article_metadata_comes_from_the_page(article: Cleaned) -> None:
    assert (article.title, article.author, article.date, article.url) == (
        "Wagner got North Korean arms, US says",
        "Jane Doe",
        "2022-12-22",
        URL,
    )


def test_headline_is_a_title_block_not_body(article: Cleaned) -> None:
    assert [block.text.strip() for block in article.blocks if block.role is Role.TITLE] == [
        article.title
    ]
    assert article.title not in article.text
    assert_blocks_are_contiguous(article)


@pytest.mark.parametrize(
    "junk",
    ["Ivan Petrov", "Nobody believes the Kremlin", "3 Comments", "Privacy Policy", "Sign in",
     "All rights reserved", "dataLayer", "font-family"],
)  # fmt: skip
def test_comments_navigation_footer_and_scripts_are_left_out(article: Cleaned, junk: str) -> None:
    assert junk not in article.text


def test_sponsored_line_leaked_by_trafilatura_is_caught_by_the_line_pass(article: Cleaned) -> None:
    assert [(span.text, span.reason) for span in article.removed] == [
        ("Sponsored: The best VPN deals of the year", Reason.PROMOTION)
    ]


def test_falls_back_to_page_text_when_trafilatura_finds_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    cleaned = clean_html(page("short_divs.html"))
    assert cleaned.text.split("\n\n") == BRIEF_PARAGRAPHS
    assert cleaned.title == "Arms brief"
    assert_blocks_are_contiguous(cleaned)


def test_falls_back_for_a_page_trafilatura_discards() -> None:
    html = page("footer_wrapped.html")
    assert trafilatura.bare_extraction(html, include_comments=False) is None
    cleaned = clean_html(html)
    assert cleaned.text.split("\n\n") == BRIEF_PARAGRAPHS
    assert cleaned.title == "Arms brief"
    assert "Contact us" not in cleaned.text


def test_tiny_extraction_uses_the_fallback_without_chrome() -> None:
    cleaned = clean_html(page("short_divs.html"))
    assert cleaned.text.split("\n\n") == BRIEF_PARAGRAPHS
    for chrome in ("Home", "Search", "Most read", "Contact us", "tracking"):
        assert chrome not in cleaned.text


def test_fallback_text_puts_blocks_on_lines_and_keeps_inline_text_together() -> None:
    html = (
        "<html><body><header>Example Wire</header><nav>Home News</nav>"
        "<p>North <b>Korea</b>\n   delivered\t<a href='/x'>rockets</a>.</p>"
        "<ul><li>One</li><li>Two</li></ul><div id='comments'><p>First!</p></div>"
        "<script>var x = 1;</script><style>p {}</style><footer>Contact</footer></body></html>"
    )
    assert fallback_text(html) == "Example Wire\nNorth Korea delivered rockets.\nOne\nTwo"


@pytest.mark.parametrize(
    ("html", "title"),
    [
        ("<html><head><title>Tab | Site</title></head><body><h1> Head\nline</h1>", "Head line"),
        ("<html><head><title>Tab | Site</title></head><body><p>x</p>", "Tab | Site"),
        ("<html><body><p>No title here.</p></body></html>", ""),
    ],
)  # fmt: skip
def test_page_title_prefers_h1_then_title(html: str, title: str) -> None:
    assert page_title(html) == title


def test_learned_outlet_lines_are_removed_from_pages_too() -> None:
    html = page("article.html").replace(
        "<p>Sponsored:", "<p>Example News Morning Briefing</p><p>Sponsored:"
    )
    plain = clean_html(html)
    learned = clean_html(html, extra_boilerplate={"example news morning briefing"})
    assert "Example News Morning Briefing" in plain.text.split("\n\n")
    assert ("Example News Morning Briefing", Reason.BOILERPLATE) in [
        (span.text, span.reason) for span in learned.removed
    ]
    assert learned.text.split("\n\n") == ARTICLE_PARAGRAPHS


@pytest.mark.parametrize(
    ("position", "title_line"),
    [(0, "Wagner got arms, US says"), (2, "Wagner got arms, US says"), (1, "Wagner got arms.")],
)
def test_known_title_is_taken_out_of_the_body_wherever_it_stands(
    position: int, title_line: str
) -> None:
    paragraphs = [f"<p>{text}</p>" for text in ARTICLE_PARAGRAPHS]
    paragraphs.insert(position, f"<p>{title_line}</p>")
    html = (
        f"<html><head><title>{title_line}</title></head><body>{''.join(paragraphs)}</body></html>"
    )
    cleaned = clean_html(html)
    assert cleaned.title == title_line
    assert cleaned.text.split("\n\n") == ARTICLE_PARAGRAPHS
    assert_blocks_are_contiguous(cleaned)


WIRE_PARAGRAPHS = [ARTICLE_PARAGRAPHS[0], *ARTICLE_PARAGRAPHS[2:]]


def test_fallback_page_text_is_cleaned_like_a_whole_pasted_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    cleaned = clean_html(page("div_page.html"))
    assert cleaned.text.split("\n\n") == WIRE_PARAGRAPHS
    removed = {span.text: span.reason for span in cleaned.removed}
    assert removed["Podcasts"] == Reason.NAVIGATION
    assert removed["More from Example Wire"] == Reason.RELATED_LINK
    assert removed["Local Team Wins Title After Dramatic Overtime Goal"] == Reason.OFF_TOPIC_TAIL
    assert_blocks_are_contiguous(cleaned)


def test_editors_corrections_apply_to_pages_too() -> None:
    sponsored = "Sponsored: The best VPN deals of the year"
    cleaned = clean_html(
        page("article.html"),
        extra_boilerplate=[ARTICLE_PARAGRAPHS[3]],
        keep_lines=["sponsored: the best vpn deals of the year"],
    )
    assert [(span.text, span.reason) for span in cleaned.removed] == [
        (ARTICLE_PARAGRAPHS[3], Reason.BOILERPLATE)
    ]
    assert sponsored in cleaned.text.split("\n\n")


HARBOUR_PARAGRAPHS = [
    "The city council voted on Tuesday night to close the old harbour bridge to cars from next "
    "spring, ending weeks of debate.",
    "Engineers told councillors that the bridge, built in 1931, could no longer carry heavy "
    "traffic safely and needed repairs costing 14 million euros.",
    "Residents of the northern districts said the closure would add half an hour to their "
    "journeys to work and school.",
    "The mayor said buses and bicycles would still be allowed to cross, and that a new ferry "
    "line would start in April.",
    "Opposition members called the decision rushed and said they would ask the regional "
    "government to review it.",
]


def test_table_layout_page_yields_its_article_paragraph_by_paragraph() -> None:
    html = page("table_layout.html")
    text = trafilatura.extract(html, include_comments=False) or ""
    assert any(line.startswith("|") and "harbour bridge" in line for line in text.split("\n"))
    cleaned = clean_html(html)
    assert cleaned.text.split("\n\n") == HARBOUR_PARAGRAPHS
    assert cleaned.title == "Harbour bridge to close to cars"


def test_page_in_a_form_whose_text_trafilatura_misses_yields_its_article() -> None:
    html = page("form_page.html")
    missed = trafilatura.extract(html, include_comments=False) or ""
    assert "Monday: high 12°C" in missed and "harbour bridge" not in missed
    cleaned = clean_html(html)
    assert cleaned.text.split("\n\n") == HARBOUR_PARAGRAPHS
    removed = {span.text for span in cleaned.removed}
    assert "Monday: high 12°C, low 6°C, cloudy" in removed


def test_small_forms_are_still_dropped_from_the_fallback() -> None:
    html = (
        "<html><body><form><p>Search the site</p><input name=q></form>"
        "<p>The article text stands here.</p></body></html>"
    )
    assert fallback_text(html) == "The article text stands here."


def test_site_name_and_date_come_from_the_page_metadata() -> None:
    cleaned = clean_html(page("form_page.html"))
    assert (cleaned.site_name, cleaned.published) == (
        "Northport Gazette",
        "2009-03-03T07:15:00+01:00",
    )


def test_a_dateline_dates_a_page_without_date_metadata_and_is_kept_as_metadata() -> None:
    cleaned = clean_html(page("table_layout.html"))
    assert cleaned.published == "2007-04-11"
    assert {span.text: span.reason for span in cleaned.removed}[
        "Published April 11, 2007"
    ] == Reason.DATELINE
    assert "Published April 11, 2007" not in cleaned.text


def test_an_editor_can_make_a_line_the_title_of_a_page() -> None:
    """The chosen line is the title; the headline cleaning had found becomes a body line."""
    html = page("table_layout.html")
    chosen = HARBOUR_PARAGRAPHS[0]
    cleaned = clean_html(html, title_line=chosen)
    assert cleaned.title == chosen
    former = "Harbour bridge to close to cars"
    assert cleaned.text.split("\n\n") == [former, *HARBOUR_PARAGRAPHS[1:]]
