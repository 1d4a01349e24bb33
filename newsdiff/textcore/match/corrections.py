"""Editors' corrections of the rows, applied to an alignment after every run of `align`.

An editor says two claims are not the same (`apart`: the first claim is taken out of the
second's row, and the two never share a row again), or that they are the same (`together`:
their rows become one). A `together` that would put two claims of one article in a row, or
join two claims an editor set apart, is refused with a reason; nothing else changes then.

Matches follow the rows, so `same` matches and groups never disagree: a pair of claims that
no longer shares a row is `related` (its score kept), a pair that now does is `same` (a pair
`align` never scored gets score 1 and the signal `editor`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from newsdiff.textcore.types import Alignment, ClaimKey, Match, MatchKind

EDITOR_SIGNAL = "editor"
SAME_CLAIM = "a claim is always the same as itself"
ONE_ARTICLE = "two claims of one article are never in one row"
TWO_OF_ONE_ARTICLE = "the row would hold two claims of one article"
SET_APART = "an editor said two of the claims it would join are not the same"


class CorrectionKind(StrEnum):
    APART = "apart"  # not the same
    TOGETHER = "together"  # same as


@dataclass(frozen=True, slots=True)
class RowCorrection:
    """`apart`: take claim `a` out of `b`'s row; `together`: put `a` and `b` in one row.

    `a_copies` are the same claim in copies of a's text (wire copy): taken out with `a`,
    they stay a row of their own."""

    kind: CorrectionKind
    a: ClaimKey
    b: ClaimKey
    a_copies: tuple[ClaimKey, ...] = ()


@dataclass(frozen=True, slots=True)
class CorrectionOutcome:
    """Whether the correction holds in the corrected alignment; if not, why (for an editor)."""

    correction: RowCorrection
    applied: bool
    reason: str = ""


@dataclass(frozen=True, slots=True)
class CorrectedAlignment:
    alignment: Alignment
    outcomes: tuple[CorrectionOutcome, ...]


def apply_corrections(
    alignment: Alignment, corrections: Sequence[RowCorrection]
) -> CorrectedAlignment:
    """The alignment with the corrections applied: every `apart` first, then each `together`
    in order (a later one is refused if an earlier one made it break a rule)."""
    rows = _Rows(alignment.groups)
    apart = {
        frozenset((c.a, c.b))
        for c in corrections
        if c.kind == CorrectionKind.APART and c.a.article != c.b.article
    }
    outcomes: dict[int, CorrectionOutcome] = {}
    for n, correction in enumerate(corrections):
        if correction.kind == CorrectionKind.APART:
            outcomes[n] = _apart(rows, correction)
    for n, correction in enumerate(corrections):
        if correction.kind == CorrectionKind.TOGETHER:
            outcomes[n] = _together(rows, correction, apart)
    groups = rows.groups()
    corrected = Alignment(
        matches=_matches_following(alignment.matches, groups, rows.moved), groups=groups
    )
    return CorrectedAlignment(corrected, tuple(outcomes[n] for n in range(len(corrections))))


class _Rows:
    """Rows as mutable lists, in their original order; a new row goes at the end."""

    def __init__(self, groups: Sequence[Sequence[ClaimKey]]) -> None:
        self.rows: list[list[ClaimKey]] = [list(group) for group in groups]
        self.row_of: dict[ClaimKey, int] = {
            key: n for n, group in enumerate(self.rows) for key in group
        }
        self.moved: set[ClaimKey] = set()

    def take_out(self, keys: list[ClaimKey]) -> None:
        """Take the claims out of their row; two or more stay together as a new row."""
        for key in keys:
            self.rows[self.row_of.pop(key)].remove(key)
        self.moved.update(keys)
        if len(keys) > 1:
            self.rows.append(list(keys))
            for key in keys:
                self.row_of[key] = len(self.rows) - 1

    def members(self, key: ClaimKey) -> list[ClaimKey]:
        row = self.row_of.get(key)
        return list(self.rows[row]) if row is not None else [key]

    def join(self, a: ClaimKey, b: ClaimKey) -> None:
        """One row of both rows' claims (in claim order), where the earlier of them was."""
        joined = sorted({*self.members(a), *self.members(b)}, key=lambda k: (k.article, k.claim))
        found = [self.row_of[key] for key in (a, b) if key in self.row_of]
        for row in found:
            self.rows[row] = []
        if found:
            target = min(found)
        else:
            target = len(self.rows)
            self.rows.append([])
        self.rows[target] = joined
        for key in joined:
            self.row_of[key] = target
        self.moved.update(joined)

    def groups(self) -> tuple[tuple[ClaimKey, ...], ...]:
        """The rows that still hold claims of at least two articles."""
        return tuple(tuple(row) for row in self.rows if len({key.article for key in row}) > 1)


def _apart(rows: _Rows, correction: RowCorrection) -> CorrectionOutcome:
    a, b = correction.a, correction.b
    if a == b:
        return CorrectionOutcome(correction, applied=False, reason=SAME_CLAIM)
    if a.article == b.article:
        return CorrectionOutcome(correction, applied=False, reason=ONE_ARTICLE)
    row = rows.row_of.get(a)
    if row is not None and row == rows.row_of.get(b):
        copies = [key for key in correction.a_copies if rows.row_of.get(key) == row and key != a]
        rows.take_out([a, *copies])
    return CorrectionOutcome(correction, applied=True)


def _together(
    rows: _Rows, correction: RowCorrection, apart: set[frozenset[ClaimKey]]
) -> CorrectionOutcome:
    a, b = correction.a, correction.b
    if a == b:
        return CorrectionOutcome(correction, applied=False, reason=SAME_CLAIM)
    if a.article == b.article:
        return CorrectionOutcome(correction, applied=False, reason=ONE_ARTICLE)
    if a in rows.row_of and rows.row_of[a] == rows.row_of.get(b):
        return CorrectionOutcome(correction, applied=True)
    joined = rows.members(a) + rows.members(b)
    if len({key.article for key in joined}) < len(joined):
        return CorrectionOutcome(correction, applied=False, reason=TWO_OF_ONE_ARTICLE)
    if any(frozenset((x, y)) in apart for x in rows.members(a) for y in rows.members(b)):
        return CorrectionOutcome(correction, applied=False, reason=SET_APART)
    rows.join(a, b)
    return CorrectionOutcome(correction, applied=True)


def _matches_following(
    matches: Sequence[Match],
    groups: tuple[tuple[ClaimKey, ...], ...],
    moved: set[ClaimKey],
) -> tuple[Match, ...]:
    """The matches with the kinds the corrected rows call for (only pairs with a moved claim
    change), and a `same` match for each pair of a row that had none."""
    row_of = {key: n for n, group in enumerate(groups) for key in group}

    def together(x: ClaimKey, y: ClaimKey) -> bool:
        return x in row_of and row_of[x] == row_of.get(y)

    found: list[Match] = []
    seen: set[frozenset[ClaimKey]] = set()
    for match in matches:
        seen.add(frozenset((match.a, match.b)))
        if match.a not in moved and match.b not in moved:
            found.append(match)
        elif together(match.a, match.b):
            found.append(_same(match))
        else:
            found.append(replace(match, kind=MatchKind.RELATED) if _is_same(match) else match)
    for group in groups:
        for i, x in enumerate(group):
            for y in group[i + 1 :]:
                new = (x in moved or y in moved) and frozenset((x, y)) not in seen
                if new and x.article != y.article:
                    found.append(Match(x, y, 1.0, MatchKind.SAME, ((EDITOR_SIGNAL, 1.0),)))
    return tuple(found)


def _is_same(match: Match) -> bool:
    return match.kind == MatchKind.SAME


def _same(match: Match) -> Match:
    if _is_same(match):
        return match
    return replace(match, kind=MatchKind.SAME, signals=(*match.signals, (EDITOR_SIGNAL, 1.0)))
