"""The features and passes behind whole-page cleaning: the article zone, lists, links, tails."""

from __future__ import annotations

import pytest

from newsdiff.textcore.clean.features import Line, starts_like_headline, word_count
from newsdiff.textcore.clean.links import is_link_line, mark_link_runs
from newsdiff.textcore.clean.tails import is_comment_header, tail_marker
from newsdiff.textcore.clean.text import split_lines
from newsdiff.textcore.clean.zone import Zone, article_zone, line_score, list_shape
from newsdiff.textcore.types import Reason, Role

PARAGRAPH = (
    "North Korea has delivered rockets and missiles to Russia's Wagner Group for use in "
    "Ukraine, the White House said on Thursday."
)
MENU = ["Home", "World", "Politics", "Business", "Science", "Video", "Podcasts", "Sports"]


def line(text: str) -> Line:
    return Line(text, 0, len(text))


def lines(*texts: str) -> tuple[Line, ...]:
    return split_lines("\n".join(texts))


def test_zone_is_the_densest_run_of_sentences_between_menus() -> None:
    page = lines(*MENU, PARAGRAPH, PARAGRAPH, *MENU, PARAGRAPH)
    zone = article_zone(page)
    assert zone is not None and (zone.start, zone.end) == (8, 10)


def test_zone_takes_a_short_closing_sentence_along() -> None:
    page = lines(*MENU, PARAGRAPH, PARAGRAPH, "He declined to comment.", *MENU)
    short = article_zone(page[:10])
    assert short is not None
    assert article_zone(page) == Zone(8, 11, short.score)


def test_short_note_has_no_zone() -> None:
    assert article_zone(lines("Wagner got arms", "Kirby said so.", "More may follow.")) is None


@pytest.mark.parametrize(
    ("text", "sign"),
    [(PARAGRAPH, 1), ("Home", -1), ("Wagner Chief Visits Bakhmut Front Line", -1),
     ("Subheading about sanctions", -1), ("More shipments may follow, he said.", 1)],
)  # fmt: skip
def test_line_score_rewards_sentences_and_charges_chrome(text: str, sign: int) -> None:
    assert line_score(line(text)) * sign > 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Says New Budget Plan Will Not Survive Council Vote The mayor said so.", True),
        ("Storm Closes Schools Across Three Counties For Second Day", True),
        ("North Korea has delivered rockets and missiles to Russia's Wagner Group.", False),
        ("1 Kyle Busch 5040 5 1 17 27 and more", False),
        ("Short Title Case", False),
    ],
)
def test_starts_like_headline(text: str, expected: bool) -> None:
    assert starts_like_headline(line(text)) is expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("June 9 -- Arena, Tampa, FL", "June 10 -- Amphitheatre (Formerly Verizon), GA", True),
        ("1 Kyle Busch 5040 5 1", "2 Martin Truex Jr. 5035 7 0", True),
        ("June 9 -- Arena, Tampa, FL", "England (Group A): 10th appearance", False),
    ],
)
def test_list_items_of_one_list_share_a_shape(a: str, b: str, same: bool) -> None:
    assert (list_shape(line(a)) == list_shape(line(b))) is same


def test_plain_words_have_no_list_shape() -> None:
    assert list_shape(line("Wagner Chief Visits Bakhmut Front Line")) is None


def test_run_of_headlines_is_a_box_of_related_links() -> None:
    heads = ["Storm Closes Schools Across Three Counties", "Local Team Wins Title In Overtime",
             "Mayor Says Budget Plan Will Fail"]  # fmt: skip
    marked = mark_link_runs(lines(PARAGRAPH, *heads, PARAGRAPH))
    assert [(ln.role, ln.reason) for ln in marked[1:4]] == [(Role.REMOVED, Reason.RELATED_LINK)] * 3
    assert marked[0].undecided and marked[4].undecided


@pytest.mark.parametrize(
    "items",
    [
        ["June 9 -- Arena, Tampa, FL", "June 10 -- Park, Raleigh, NC", "June 14 -- Hall, TN"],
        ["1. Lego Star Wars Bomber Set", "2. Polistil Electric Race Track", "3. Blade Runner Cut"],
    ],
)  # fmt: skip
def test_list_of_the_articles_own_is_no_box_of_links(items: list[str]) -> None:
    marked = mark_link_runs(lines(PARAGRAPH, *items, PARAGRAPH))
    assert all(ln.undecided for ln in marked)


def test_sentence_is_no_link_line() -> None:
    assert not is_link_line(line(PARAGRAPH))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("jane42 says:", True), ("Milan Roe on September 12, 2018 at 4:47 pm said:", True),
     ("3 hours ago", True), ("Reply", True), ("Kirby said:", True),
     ("Kirby said the rockets had arrived.", False), ("Report", False)],
)  # fmt: skip
def test_comment_headers(text: str, expected: bool) -> None:
    assert is_comment_header(line(text)) is expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("More from Example News", Reason.RELATED_LINK),
        ("Most read in world news", Reason.RELATED_LINK),
        ("You might also like", Reason.RELATED_LINK),
        ("Latest headlines", Reason.RELATED_LINK),
        ("More Washington Examiner", Reason.RELATED_LINK),
        ("34 responses to “Wagner got arms”", Reason.COMMENT_FORM),
        ("Next Post", Reason.RELATED_LINK),
    ],
)
def test_tail_markers(text: str, reason: Reason) -> None:
    marker = tail_marker(line(text))
    assert marker is not None and marker.reason == reason


@pytest.mark.parametrize(
    "text", ["Latest developments in the case", "More shipments followed", "Related issues"]
)
def test_subheadings_are_no_tail_markers(text: str) -> None:
    assert tail_marker(line(text)) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Kirby said so.", 3),
        ("日本語の文章です", 4),
        ("Kindle for PCを使う", 5),
        ("한국어 문장", 2),
    ],
)
def test_words_count_chinese_and_japanese_characters_two_to_a_word(text: str, words: int) -> None:
    assert word_count(text) == words


def test_japanese_sentence_ends_like_a_sentence() -> None:
    assert line_score(line("これは記事の本文で、とても長い文章になっています。")) > 0
