"""Speaker names: one name per person across the outlets of a story."""

from __future__ import annotations

import pytest

from newsdiff.compare.overview.speaker_names import speaker_names


def test_speakers_are_one_person_whatever_their_title_or_first_name() -> None:
    names = speaker_names(
        ["Kirby", "John Kirby", "White House spokesman John Kirby", "the insider"]
    )
    assert names["Kirby"] == names["White House spokesman John Kirby"] == "John Kirby"
    assert names["the insider"] == "the insider"
    assert speaker_names(["Smith", "John Smith", "Jane Smith"])["Smith"] == "Smith"  # which?


@pytest.mark.parametrize(
    ("surname", "full"),
    [
        ("O’Neill", "Tip O'Neill"),  # apostrophe styles differ
        ("Kirby.", "John Kirby"),  # a full stop left on the name
        ("Smith-Jones", "Anna Smith-Jones"),  # a hyphenated surname
    ],
)
def test_a_lone_surname_is_the_full_name_however_it_is_written(surname: str, full: str) -> None:
    assert speaker_names([surname, full])[surname] == full
