"""Pair up the figures two claims state and say, for editors, how each pair differs.

Figures that agree (`figures_agree`: the same quantity, values equal within rounding once
units convert) pair first: "same" when their qualifiers are equal too, "qualifier" when only
the qualifier differs ("up to 50,000" vs "approximately 50,000", "at least 50" vs "52").
Figures left over pair, in order of appearance, with one of the same quantity
(`same_quantity`: "24 dead" never pairs with "50 injured", nor "48 km" with "48"): "value"
("50,000" vs "40,000", "$100m" vs "$120m", "December 22" vs "December 23"), noted with the
unit or thing counted when the text lacks it ("100 vs 120 mph", "1 vs 2 dead"). A figure
still left is "only_a" / "only_b", except dates and decades: an outlet that adds "on
December 22" or "in the ’90s" adds context rather than a differing figure, and the word diff
shows it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from newsdiff.textcore.figures.extract import DATE_UNITS, figures_agree, same_quantity
from newsdiff.textcore.figures.numwords import NUMBER_WORDS_RE
from newsdiff.textcore.figures.phrases import figure_phrase
from newsdiff.textcore.types import Figure

Pairing = Callable[[Figure, Figure], bool]


class FigureKind(StrEnum):
    SAME = "same"
    QUALIFIER = "qualifier"
    VALUE = "value"
    ONLY_A = "only_a"
    ONLY_B = "only_b"


@dataclass(frozen=True, slots=True)
class FigureDifference:
    """One figure of a, of b, or of both, as each writes it ("" for the side without it); the
    note reads each with what it counts ("1 vs 2 dead")."""

    kind: FigureKind
    a: str
    b: str
    note: str
    a_reads: str = ""  # `a` with what it counts ("1 dead"), as `figure_phrase` reads it
    b_reads: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Compact: `a_reads`/`b_reads` only where they say more than `a`/`b`."""
        data = {"kind": self.kind.value, "a": self.a, "b": self.b, "note": self.note}
        fuller = {"a_reads": (self.a_reads, self.a), "b_reads": (self.b_reads, self.b)}
        return data | {key: reads for key, (reads, text) in fuller.items() if reads != text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FigureDifference:
        reads = (data.get("a_reads", data["a"]), data.get("b_reads", data["b"]))
        return cls(FigureKind(data["kind"]), data["a"], data["b"], data["note"], *reads)


def compare_figures(a: Sequence[Figure], b: Sequence[Figure]) -> tuple[FigureDifference, ...]:
    """Every figure of `a` and `b`, paired where possible, in order of appearance."""
    left, right = list(a), list(b)
    pairs = _pair(left, right, figures_agree)
    pairs += _pair(left, right, lambda x, y: same_quantity(x, y) and x.unit == y.unit)
    pairs += _pair(left, right, same_quantity)
    found: list[tuple[tuple[float, float], FigureDifference]]
    found = [((x.start, y.start), _paired(x, y)) for x, y in pairs]
    found += [((x.start, math.inf), _only(FigureKind.ONLY_A, x)) for x in _counted(left)]
    found += [((math.inf, y.start), _only(FigureKind.ONLY_B, y)) for y in _counted(right)]
    return tuple(difference for _, difference in sorted(found, key=lambda item: item[0]))


def _pair(left: list[Figure], right: list[Figure], fits: Pairing) -> list[tuple[Figure, Figure]]:
    """Take out of both lists each figure of `left` with the first of `right` it fits."""
    pairs: list[tuple[Figure, Figure]] = []
    for x in list(left):
        y = next((y for y in right if fits(x, y)), None)
        if y is not None:
            left.remove(x)
            right.remove(y)
            pairs.append((x, y))
    return pairs


def _counted(figures: list[Figure]) -> list[Figure]:
    return [figure for figure in figures if figure.unit not in DATE_UNITS]


def _paired(x: Figure, y: Figure) -> FigureDifference:
    a, b = figure_phrase(x), figure_phrase(y)
    if not figures_agree(x, y):
        return FigureDifference(FigureKind.VALUE, x.text, y.text, versus(a, b), a, b)
    if x.qualifier != y.qualifier:
        return FigureDifference(FigureKind.QUALIFIER, x.text, y.text, versus(a, b), a, b)
    return FigureDifference(FigureKind.SAME, x.text, y.text, f"same: {a}", a, b)


def _only(kind: FigureKind, figure: Figure) -> FigureDifference:
    side = "a" if kind is FigureKind.ONLY_A else "b"
    phrase = figure_phrase(figure)
    a, b = (figure.text, "") if side == "a" else ("", figure.text)
    reads = (phrase, "") if side == "a" else ("", phrase)
    return FigureDifference(kind, a, b, f"only {side}: {phrase}", *reads)


def _ends_in_number(text: str) -> bool:
    last = text.rpartition(" ")[2]
    return any(c.isdigit() for c in last) or NUMBER_WORDS_RE.fullmatch(last) is not None


def versus(*versions: str) -> str:
    """Versions of one figure side by side, a last word they share written once: "100 vs
    120 mph", "1 vs 2 dead", "15 km vs 20 kilometres"."""
    tail = shared_tail(versions)
    if not tail:
        return " vs ".join(versions)
    return f"{' vs '.join(version[: -len(tail)].rstrip() for version in versions)} {tail}"


def shared_tail(versions: Sequence[str]) -> str:
    """The unit or thing counted every version ends with after a number ("mph" of "100 mph"
    and "more than 120 mph"), or ""."""
    tails = {version.rpartition(" ")[2] for version in versions}
    tail = tails.pop() if len(tails) == 1 else ""
    if not tail[:1].isalpha():
        return ""
    heads = [version[: -len(tail)].rstrip() for version in versions]
    return tail if all(map(_ends_in_number, heads)) else ""
