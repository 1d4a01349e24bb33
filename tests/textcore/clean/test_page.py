"""Cleaning a whole page pasted as text: menus, share bars, boxes of links, comments, footers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsdiff.textcore.clean.text import clean_text, normalise_line
from newsdiff.textcore.types import Cleaned, Reason, Role

PAGE = (Path(__file__).parents[1] / "fixtures" / "clean" / "whole_page.txt").read_text("utf-8")
HEADLINE = "Wagner got North Korean arms, US says"
ARTICLE = [
    "North Korea has delivered rockets and missiles to the Russian private military company "
    "known as the Wagner Group for use in Ukraine, the White House said on Thursday.",
    "“Today we can confirm that North Korea has completed an initial arms delivery to Wagner, "
    "which paid for that equipment,” spokesperson John Kirby told reporters.",
    "Kirby said the amount of material delivered would not change the battlefield dynamics in "
    "Ukraine, but that the United States was concerned more deliveries would follow.",
    "The group is believed to have about 50,000 personnel in Ukraine, including 40,000 convicts "
    "recruited from Russian prisons, according to US estimates.",
    "Washington will raise the deliveries at the United Nations Security Council, where it says "
    "they break sanctions that Pyongyang has long been under.",
    "The group's founder, Yevgeny Prigozhin, denied the report in a statement posted by his "
    "press service.",
]
TOUR = [
    "The group will play these dates:",
    "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
    "June 10 -- Credit Union Amphitheatre, Tampa, FL",
    "June 14 -- Bank Amphitheatre (Formerly Verizon Amphitheatre), Alpharetta, GA",
    "June 17 -- Bridgestone Arena, Nashville, TN",
]


def reasons(cleaned: Cleaned) -> dict[str, str]:
    return {span.text: span.reason for span in cleaned.removed}


def paragraphs(cleaned: Cleaned) -> list[str]:
    return cleaned.text.split("\n\n")


@pytest.fixture(scope="module")
def page() -> Cleaned:
    return clean_text(PAGE)


def test_whole_page_keeps_the_article_and_nothing_else(page: Cleaned) -> None:
    assert (page.title, page.author) == (HEADLINE, "Jane Doe")
    assert paragraphs(page) == ARTICLE


def test_every_removed_line_says_why(page: Cleaned) -> None:
    removed = [block for block in page.blocks if block.role is Role.REMOVED]
    assert removed and all(block.reason for block in removed)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Skip to content", Reason.NAVIGATION),
        ("Podcasts", Reason.NAVIGATION),
        (
            "Storm Closes Schools Across Three Counties For Second Day Officials said the roads "
            "would stay closed until the weekend at least.",
            Reason.NAVIGATION,
        ),
        ("Comments", Reason.COMMENT_FORM),
        ("Related", Reason.RELATED_LINK),
        ("Wagner Chief Visits Bakhmut Front Line", Reason.RELATED_LINK),
        (
            "Jane Doe is a senior correspondent at Example News covering defence and security.",
            Reason.AUTHOR_BIO,
        ),
        ("More from Example News", Reason.RELATED_LINK),
        (
            "Officials said the roads would stay closed until the weekend at least, and that "
            "buses would not run before Monday.",
            Reason.OFF_TOPIC_TAIL,
        ),
        ("Get the top stories in your inbox every morning.", Reason.PROMOTION),
        ("maria77 says:", Reason.COMMENT_FORM),
        (
            "Nobody believes the Kremlin any more, and nobody should believe Pyongyang either "
            "after all these years.",
            Reason.COMMENT_FORM,
        ),
        (
            "We use cookies to improve your experience on our site. By using this site you "
            "agree to our use of cookies.",
            Reason.BOILERPLATE,
        ),
    ],
)
def test_page_chrome_is_removed_with_its_reason(page: Cleaned, line: str, reason: Reason) -> None:
    assert reasons(page)[line] == reason


def test_indented_bulleted_page_text_cleans_the_same() -> None:
    bulleted = re.sub(r"(?m)^(?=\S)", "    ", PAGE)
    bulleted = re.sub(r"(?m)^    (?=(?:Home|World|Politics|Business|Video)$)", "  * ", bulleted)
    cleaned = clean_text(bulleted)
    assert (cleaned.title, paragraphs(cleaned)) == (HEADLINE, ARTICLE)


def test_comments_link_in_a_share_bar_above_the_story_starts_no_tail(page: Cleaned) -> None:
    assert ARTICLE[-1] in paragraphs(page)


def test_long_comment_section_is_removed_however_long() -> None:
    comment = "Sanctions never work against regimes like these, and everyone knows it by now."
    thread = [f"reader{n} says:\n2 hours ago\n{comment} ({n})\nReply" for n in range(12)]
    cleaned = clean_text(PAGE.replace("12 Comments", "\n".join(["12 Comments", *thread])))
    assert paragraphs(cleaned) == ARTICLE
    assert reasons(cleaned)[f"{comment} (11)"] == Reason.COMMENT_FORM


def test_list_that_ends_the_article_is_kept() -> None:
    raw = PAGE.replace("Tags: Russia", "\n".join([*TOUR, "Tags: Russia"]))
    assert paragraphs(clean_text(raw)) == [*ARTICLE, *TOUR]


def test_short_note_without_menus_is_left_whole() -> None:
    note = "Wagner got arms\n\nKirby said so.\n\nMore may follow."
    assert paragraphs(clean_text(note)) == ["Kirby said so.", "More may follow."]


def test_editor_can_restore_a_line_from_the_menu_or_the_tail(page: Cleaned) -> None:
    kept = ["Trending Now", "Officials said the roads would stay closed until the weekend at "
            "least, and that buses would not run before Monday."]  # fmt: skip
    cleaned = clean_text(PAGE, keep_lines=[normalise_line(line) for line in kept])
    assert paragraphs(cleaned) == [kept[0], *ARTICLE, kept[1]]
    assert reasons(cleaned)["Local Team Wins Title After Dramatic Overtime Goal"] == (
        Reason.OFF_TOPIC_TAIL
    )


def test_headline_printed_twice_on_the_page_is_still_the_title() -> None:
    cleaned = clean_text(PAGE.replace(f"{HEADLINE} | Example News", HEADLINE))
    assert (cleaned.title, paragraphs(cleaned)) == (HEADLINE, ARTICLE)


def test_headline_is_the_line_that_shares_words_with_the_lede() -> None:
    decoy = "Hurricane Season Ends With Record Damage Along Gulf Coast"
    cleaned = clean_text(PAGE.replace("Trending Now\nWorld\n", f"Trending Now\n{decoy}\n"))
    assert cleaned.title == HEADLINE
    assert reasons(cleaned)[decoy] == Reason.NAVIGATION
