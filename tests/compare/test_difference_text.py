"""A version's difference told with outlet names, never the letters a and b."""

from __future__ import annotations

from newsdiff.compare.difference_text import named_difference
from newsdiff.textcore.differences import compare_claims
from newsdiff.textcore.figures import find_figures
from newsdiff.textcore.types import Claim


def core(text: str, speaker: str | None = None) -> Claim:
    return Claim(text=text, start=0, end=len(text), speaker=speaker, figures=find_figures(text))


def test_wording_figures_and_credits_name_both_outlets() -> None:
    a = core("Today 24 people were hurt and the car reached 120 mph.", speaker="Kirby")
    b = core("24 people were hurt, 3 badly, and the car reached more than 100 mph.", "Craft")
    named = named_difference(compare_claims(a, b), "Fox News", "CNN")
    notes = [note.text for note in named.figures]
    assert named.summary.startswith("CNN ")
    assert "drops 'Today'" in named.summary
    assert "only in CNN: 3" in notes
    assert "120 mph (Fox News) vs more than 100 mph (CNN)" in notes
    assert "Fox News credits Kirby, CNN Craft" in named.summary
    # a figure only one gives adds a detail; a figure given differently disagrees
    sides = {note.text: note.one_sided for note in named.figures}
    assert sides["only in CNN: 3"] is True
    assert sides["120 mph (Fox News) vs more than 100 mph (CNN)"] is False
    for letter in ("b changes", "b drops", "b adds", "only a", "only b"):
        assert letter not in named.summary


def test_the_same_wording_says_so() -> None:
    a = core("The office was evacuated.")
    named = named_difference(compare_claims(a, core("The office was evacuated.")), "A", "B")
    assert named.summary == "same wording"
    assert named.figures == ()
