"""How one outlet's version of a statement differs from another's, told with the outlets' names.

`textcore.differences` speaks of its two sides as "a" and "b" ("b drops 'Today'", "only a:
24"); editors read outlet names ("Fox News drops 'Today'", "only in CNN: 24"). The text is
built here from the structured difference, never by rewriting the letters in a summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from newsdiff.textcore.differences import ClaimDifference, same_speaker

MAX_CHANGES = 3
EDGE_PUNCTUATION = " \t\n,.;:!?\"'“”‘’()[]–—-"
ONLY_A = "only_a"
ONLY_B = "only_b"


class FigureChange(Protocol):
    """A figure difference as `textcore.differences` gives it (kind, a's and b's wording, and
    each read with what it counts: "1 dead")."""

    @property
    def kind(self) -> str: ...
    @property
    def a(self) -> str: ...
    @property
    def b(self) -> str: ...
    @property
    def a_reads(self) -> str: ...
    @property
    def b_reads(self) -> str: ...


@dataclass(frozen=True, slots=True)
class FigureNote:
    """One figure difference in outlet names. `one_sided`: one version gives a figure the
    other does not ("only in CNN: 3"), which adds a detail; otherwise the two give the same
    quantity differently ("120 mph (Fox News) vs more than 100 mph (CNN)"), a disagreement."""

    text: str
    one_sided: bool


@dataclass(frozen=True, slots=True)
class NamedDifference:
    """One version against the reference version, in words that name both outlets."""

    summary: str
    figures: tuple[FigureNote, ...]


def named_difference(difference: ClaimDifference, reference: str, other: str) -> NamedDifference:
    """`difference` turns `reference`'s wording into `other`'s (both are outlet labels)."""
    figures = tuple(
        FigureNote(_figure_note(change, reference, other), change.kind in (ONLY_A, ONLY_B))
        for change in difference.figure_changes
    )
    notes = [note.text for note in figures]
    parts = [
        _wording(difference, other),
        ("figures: " + "; ".join(notes)) if notes else "",
        _credits(difference.speakers, reference, other),
        _quote(difference),
    ]
    return NamedDifference(summary="; ".join(part for part in parts if part), figures=figures)


def _wording(difference: ClaimDifference, other: str) -> str:
    changes = [change for op in difference.ops if (change := _change(op.a_text, op.b_text))]
    if not changes:
        return "same wording" if difference.same_wording else "punctuation differs"
    more = len(changes) - MAX_CHANGES
    shown = ", ".join(changes[:MAX_CHANGES]) + (f" (+{more} more)" if more > 0 else "")
    return f"{other} {shown}"


def _change(a_text: str, b_text: str) -> str:
    old, new = a_text.strip(EDGE_PUNCTUATION), b_text.strip(EDGE_PUNCTUATION)
    if old == new:
        return ""
    if old and new:
        return f"changes '{old}' to '{new}'"
    return f"adds '{new}'" if new else f"drops '{old}'"


def _figure_note(change: FigureChange, reference: str, other: str) -> str:
    a, b = change.a_reads or change.a, change.b_reads or change.b
    if change.kind == ONLY_A:
        return f"only in {reference}: {a}"
    if change.kind == ONLY_B:
        return f"only in {other}: {b}"
    return f"{a} ({reference}) vs {b} ({other})"


def _credits(speakers: tuple[str | None, str | None], reference: str, other: str) -> str:
    a, b = speakers
    if (not a and not b) or same_speaker(a, b):
        return ""
    return f"{reference} credits {a or 'no one'}, {other} {b or 'no one'}"


def _quote(difference: ClaimDifference) -> str:
    quote = difference.quote
    if quote is None:
        return ""
    return "quote verbatim" if quote.verbatim else f"quote reworded ({quote.similarity:.0%} alike)"
