"""How one version of an article differs from another: words inserted and deleted, figures changed.

`diff_versions(old, new)` compares paragraph by paragraph first (lines are the article's
paragraphs), then word by word inside each run of changed paragraphs (`word_diff`), so a long
article with one changed sentence costs one short word diff, not one of the whole text. A run of
changed paragraphs larger than `MAX_WORD_DIFF_TOKENS` on either side is shown as deleted and
inserted whole: the word diff is quadratic in the worst case.

Figures are compared within each changed run (`compare_figures`): a figure whose value changed
("3 dead" -> "5 dead"), whose qualifier changed, or which appears or disappears is flagged on the
run and on the word changes that show it. Joining the changes' `old` texts gives the old version
back exactly, and their `new` texts the new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from newsdiff.textcore.differences.figures import FigureKind, compare_figures
from newsdiff.textcore.differences.words import DiffOp, OpKind, tokenize, word_diff
from newsdiff.textcore.figures.extract import find_figures
from newsdiff.textcore.lexical import STOP_WORDS
from newsdiff.textcore.types import Figure

MAX_WORD_DIFF_TOKENS = 4_000
NEXT_WORD = re.compile(r"[ \t\u00a0]{1,3}([A-Za-z][A-Za-z'’-]{0,30})")
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class FigureChange:
    """A figure that differs between the versions, as each writes it with the word after it
    ("3 dead", "5 dead"); "" on the side without it."""

    kind: FigureKind
    old: str
    new: str

    @property
    def note(self) -> str:
        if self.kind is FigureKind.ONLY_A:
            return f"{self.old} removed"
        if self.kind is FigureKind.ONLY_B:
            return f"{self.new} added"
        return f"{self.old} -> {self.new}"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "old": self.old, "new": self.new}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FigureChange:
        return cls(FigureKind(data["kind"]), data["old"], data["new"])


@dataclass(frozen=True, slots=True)
class VersionChange:
    """One piece of the diff: `old` and `new` text ("" on the side that has none), and the
    changed figures this piece shows."""

    kind: OpKind
    old: str
    new: str
    figures: tuple[FigureChange, ...] = ()

    def to_list(self) -> list[Any]:
        return [self.kind.value, self.old, self.new, [f.to_dict() for f in self.figures]]

    @classmethod
    def from_list(cls, data: list[Any]) -> VersionChange:
        kind, old, new, figures = data
        return cls(OpKind(kind), old, new, tuple(FigureChange.from_dict(f) for f in figures))


@dataclass(frozen=True, slots=True)
class VersionDiff:
    changes: tuple[VersionChange, ...]
    figures: tuple[FigureChange, ...]

    @property
    def unchanged(self) -> bool:
        return all(change.kind is OpKind.EQUAL for change in self.changes)

    @property
    def words_inserted(self) -> int:
        return sum(_word_count(c.new) for c in self.changes if c.kind is not OpKind.EQUAL)

    @property
    def words_deleted(self) -> int:
        return sum(_word_count(c.old) for c in self.changes if c.kind is not OpKind.EQUAL)

    def summary(self) -> str:
        """One line for editors: "12 words inserted, 3 deleted; figures: 3 dead -> 5 dead"."""
        if self.unchanged:
            return "no change in wording"
        words = f"{self.words_inserted} words inserted, {self.words_deleted} deleted"
        figures = "; ".join(figure.note for figure in self.figures)
        return f"{words}; figures: {figures}" if figures else words

    def to_dict(self) -> dict[str, Any]:
        return {
            "changes": [change.to_list() for change in self.changes],
            "figures": [figure.to_dict() for figure in self.figures],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VersionDiff:
        return cls(
            tuple(VersionChange.from_list(c) for c in data["changes"]),
            tuple(FigureChange.from_dict(f) for f in data["figures"]),
        )


def diff_versions(old: str, new: str) -> VersionDiff:
    """How `new` differs from `old` (see the module docstring)."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    changes: list[VersionChange] = []
    figures: list[FigureChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        if tag == "equal":
            changes.append(VersionChange(OpKind.EQUAL, before, after))
            continue
        run_figures = _figure_changes(before, after)
        figures.extend(located.change for located in run_figures)
        changes.extend(_run_changes(before, after, run_figures))
    return VersionDiff(tuple(_merged(changes)), tuple(figures))


def _run_changes(before: str, after: str, figures: list[_Located]) -> list[VersionChange]:
    """The word changes of one run of changed paragraphs, each with the figures it shows."""
    if max(len(tokenize(before).keys), len(tokenize(after).keys)) > MAX_WORD_DIFF_TOKENS:
        ops: tuple[DiffOp, ...] = (DiffOp(_kind(before, after), before, after),)
    else:
        ops, _ = word_diff(before, after)
    changes, a_at, b_at = [], 0, 0
    for op in ops:
        a_span, b_span = (a_at, a_at + len(op.a_text)), (b_at, b_at + len(op.b_text))
        a_at, b_at = a_span[1], b_span[1]
        if op.a_text or op.b_text:
            shown = () if op.kind is OpKind.EQUAL else _shown(a_span, b_span, figures)
            changes.append(VersionChange(op.kind, op.a_text, op.b_text, shown))
    return changes


def _kind(before: str, after: str) -> OpKind:
    if before and after:
        return OpKind.REPLACE
    return OpKind.DELETE if before else OpKind.INSERT


@dataclass(frozen=True, slots=True)
class _Located:
    """A figure change and where its figures sit in the run's old and new text."""

    change: FigureChange
    old: Span | None
    new: Span | None


def _figure_changes(before: str, after: str) -> list[_Located]:
    old_figures, new_figures = find_figures(before), find_figures(after)
    if not old_figures and not new_figures:
        return []
    found = []
    for difference in compare_figures(old_figures, new_figures):
        if difference.kind is FigureKind.SAME:
            continue
        old = _figure_written(old_figures, difference.a)
        new = _figure_written(new_figures, difference.b)
        change = FigureChange(
            difference.kind,
            _with_word(before, old) if old else "",
            _with_word(after, new) if new else "",
        )
        found.append(_Located(change, _span(old), _span(new)))
    return found


def _figure_written(figures: tuple[Figure, ...], text: str) -> Figure | None:
    return next((figure for figure in figures if text and figure.text == text), None)


def _span(figure: Figure | None) -> Span | None:
    return (figure.start, figure.end) if figure else None


def _with_word(text: str, figure: Figure) -> str:
    """ "3" in "3 dead" as "3 dead": a figure reads better with the noun it counts."""
    found = NEXT_WORD.match(text, figure.end)
    if found and found.group(1).lower() not in STOP_WORDS:
        return f"{figure.text} {found.group(1)}"
    return figure.text


def _shown(a_span: Span, b_span: Span, figures: list[_Located]) -> tuple[FigureChange, ...]:
    """The figure changes with a figure inside the op's old or new text."""
    return tuple(
        located.change
        for located in figures
        if _overlaps(located.old, a_span) or _overlaps(located.new, b_span)
    )


def _overlaps(figure: Span | None, piece: Span) -> bool:
    return figure is not None and figure[0] < piece[1] and piece[0] < figure[1]


def _merged(changes: list[VersionChange]) -> list[VersionChange]:
    """Neighbouring equal pieces joined into one (paragraph runs and word ops meet)."""
    merged: list[VersionChange] = []
    for change in changes:
        last = merged[-1] if merged else None
        if last and last.kind is OpKind.EQUAL and change.kind is OpKind.EQUAL:
            merged[-1] = VersionChange(OpKind.EQUAL, last.old + change.old, last.new + change.new)
        else:
            merged.append(change)
    return merged


def _word_count(text: str) -> int:
    return len(tokenize(text).words()) if text.strip() else 0
