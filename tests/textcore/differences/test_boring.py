"""is_boring_change: whitespace, punctuation and timestamp lines make no new version."""

from __future__ import annotations

import pytest

from newsdiff.textcore.differences import is_boring_change, is_timestamp_line

TEXT = "Floods left 3 dead on Monday, police said.\nRescue teams reached the valley."


@pytest.mark.parametrize(
    "new",
    [
        TEXT,
        TEXT.replace("Monday, police", "Monday police"),
        TEXT.replace("said.", "said!"),
        TEXT.replace(" ", "  ").replace("\n", "\n\n"),
        TEXT.replace("police said", "police  said") + "\n",
        "Updated 10:42 a.m. ET, April 3, 2026\n" + TEXT,
        TEXT + "\nLast updated at 04:46",
        "Published 5 minutes ago\n" + TEXT,
    ],
)
def test_boring_changes(new: str) -> None:
    assert is_boring_change(TEXT, new)


def test_a_changed_timestamp_line_is_boring() -> None:
    old = "Updated 10:42 GMT, 3 July 2013\n" + TEXT
    new = "Updated 11:58 GMT, 3 July 2013\n" + TEXT
    assert is_boring_change(old, new)


@pytest.mark.parametrize(
    "new",
    [
        TEXT.replace("3 dead", "5 dead"),
        TEXT.replace("police said", "officials said"),
        TEXT.replace("police", "Police"),
        TEXT + "\nThe mayor denied the warnings came late.",
        TEXT.replace("Rescue teams reached the valley.", ""),
        TEXT + "\n3 - 2",  # a score, not a timestamp
    ],
)
def test_changes_worth_a_version(new: str) -> None:
    assert not is_boring_change(TEXT, new)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated 10:42 a.m. ET, Tue April 3, 2026", True),
        ("3 July 2013 Last updated at 04:46", True),
        ("Published April 11, 2007", True),
        ("Posted 2 hours ago", True),
        ("10:42", False),
        ("Updated", False),
        ("May 5 people were hurt", False),
        ("Police said 3 people died on Monday, March 2", False),
    ],
)
def test_timestamp_lines(line: str, expected: bool) -> None:
    assert is_timestamp_line(line) is expected
