"""Pair up the figures two claims state and say, for editors, how each pair differs.

Figures that agree (`figures_agree`: same unit and period, values equal within rounding)
pair first: "same" when their qualifiers are equal too, "qualifier" when only the qualifier
differs ("up to 50,000" vs "approximately 50,000"). Figures left over pair, in order of
appearance, with one of the same unit, the same period first: "value" ("50,000" vs
"40,000", "$100m" vs "$120m", "December 22" vs "December 23"). A figure still left is
"only_a" / "only_b", except dates and decades: an outlet that adds "on December 22" or
"in the ’90s" adds context rather than a differing figure, and the word diff shows it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from newsdiff.textcore.figures.extract import DATE_UNITS, figures_agree
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
    """One figure of a, of b, or of both, as each writes it ("" for the side without it)."""

    kind: FigureKind
    a: str
    b: str
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "a": self.a, "b": self.b, "note": self.note}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FigureDifference:
        return cls(FigureKind(data["kind"]), data["a"], data["b"], data["note"])


def compare_figures(a: Sequence[Figure], b: Sequence[Figure]) -> tuple[FigureDifference, ...]:
    """Every figure of `a` and `b`, paired where possible, in order of appearance."""
    left, right = list(a), list(b)
    pairs = _pair(left, right, figures_agree)
    pairs += _pair(left, right, lambda x, y: (x.unit, x.per) == (y.unit, y.per))
    pairs += _pair(left, right, lambda x, y: x.unit == y.unit)
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
    if not figures_agree(x, y):
        return FigureDifference(FigureKind.VALUE, x.text, y.text, f"{x.text} vs {y.text}")
    if x.qualifier != y.qualifier:
        return FigureDifference(FigureKind.QUALIFIER, x.text, y.text, f"{x.text} vs {y.text}")
    return FigureDifference(FigureKind.SAME, x.text, y.text, f"same: {x.text}")


def _only(kind: FigureKind, figure: Figure) -> FigureDifference:
    side = "a" if kind is FigureKind.ONLY_A else "b"
    a, b = (figure.text, "") if side == "a" else ("", figure.text)
    return FigureDifference(kind, a, b, f"only {side}: {figure.text}")
