"""Cleaning never loses text: properties that hold for any input, checked with Hypothesis.

Every character of the newline-normalised input is in exactly one block, in order; the body
text is the body blocks, stripped, joined by blank lines; the title is the title block.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdiff.textcore.clean.text import clean_text, normalise_newlines
from newsdiff.textcore.types import Cleaned, Role

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

JUNK = [
    "Home", "World", "Politics", "Menu", "Search", "Sign in", "Subscribe", "Advertisement",
    "Share this article", "Facebook Twitter WhatsApp Email", "Related Articles", "Most Read",
    "Next Post", "3 Comments", "jane42 says:", "2 hours ago", "Reply", "Leave a Reply",
    "We use cookies to improve your experience. Accept", "Sign up for our newsletter",
    "By Jane Doe, Reuters", "December 22, 2022", "Photo: Reuters", "AFP via Getty Images",
    "© 2022 Example News. All rights reserved.", "Privacy Policy", "Read more: Wagner chief",
    "Mayor Says Plan Won't Stand Against City Council Vote The mayor said on Monday it would.",
    "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", "Tags: Russia, Wagner", "[ad_1]",
]  # fmt: skip
SENTENCES = [
    "North Korea has delivered rockets and missiles to Russia's Wagner Group for use in "
    "Ukraine, the White House said on Thursday.",
    "Kirby said the delivery would not change the battlefield dynamics, but Washington was "
    "concerned that more shipments would follow.",
    "The group is believed to have about 50,000 personnel in Ukraine, including 40,000 convicts.",
    "“We will work with our partners,” the minister told reporters.",
    "Armories of Terror",
    "Prices rose.",
]
LINE = st.one_of(st.sampled_from(JUNK), st.sampled_from(SENTENCES), st.text(max_size=40))
BREAK = st.sampled_from(["\n", "\n\n", "\r\n", "\r", "\n \n", "\n\t\n\n"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    """Page-like text: lines of menus, junk and article sentences, with assorted breaks."""
    lines = draw(st.lists(LINE, max_size=60))
    breaks = draw(st.lists(BREAK, min_size=len(lines), max_size=len(lines)))
    return "".join(line + brk for line, brk in zip(lines, breaks, strict=True))


def assert_lossless(cleaned: Cleaned, raw: str) -> None:
    text = normalise_newlines(raw)
    position = 0
    for block in cleaned.blocks:
        assert block.start == position and block.end >= block.start
        assert text[block.start : block.end] == block.text
        position = block.end
    assert position == len(text)
    body = [block.text.strip() for block in cleaned.blocks if block.role is Role.BODY]
    assert cleaned.text == "\n\n".join(body)
    titles = [block.text.strip() for block in cleaned.blocks if block.role is Role.TITLE]
    assert len(titles) <= 1
    assert cleaned.title == (titles[0] if titles else "")
    removed = [block for block in cleaned.blocks if block.role is Role.REMOVED]
    assert all(block.reason for block in removed)
    assert len(cleaned.removed) == sum(1 for block in removed if block.text.strip())


@FAST
@given(st.text())
def test_any_text_is_covered_by_its_blocks(raw: str) -> None:
    assert_lossless(clean_text(raw), raw)


@FAST
@given(pages())
def test_page_like_text_is_covered_by_its_blocks(raw: str) -> None:
    assert_lossless(clean_text(raw), raw)


@FAST
@given(pages(), st.lists(st.sampled_from(JUNK + SENTENCES), max_size=4))
def test_corrections_keep_the_text_whole(raw: str, lines: list[str]) -> None:
    half = len(lines) // 2
    cleaned = clean_text(raw, extra_boilerplate=lines[:half], keep_lines=lines[half:])
    assert_lossless(cleaned, raw)


@FAST
@given(pages())
def test_cleaning_does_not_depend_on_line_endings(raw: str) -> None:
    text = normalise_newlines(raw)
    unix, windows = clean_text(text), clean_text(text.replace("\n", "\r\n"))
    assert (unix.title, unix.text, unix.removed) == (windows.title, windows.text, windows.removed)
