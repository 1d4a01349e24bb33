"""How one version of an article differs from another: words inserted and deleted, figures changed.

`diff_versions(old, new)` compares sentence by sentence first (lines are the article's
paragraphs, cut after each ".", "!" or "?"), then word by word inside each run of changed
sentences (`word_diff`). The word diff is quadratic or worse on repetitive text, so it is kept
small: a run larger than `MAX_WORD_DIFF_TOKENS` on a side is diffed sentence against sentence
when both sides have as many sentences, and a sentence larger than that, or anything once
`WORD_DIFF_BUDGET` tokens were diffed, is shown deleted and inserted whole. A run with more
than `MAX_RUN_FIGURES` figures on a side (a table of numbers) gets no figure flags, nor does a
"sentence" longer than `MAX_FIGURE_SENTENCE_CHARS` (figures are found sentence by sentence).

Figures are compared within each changed run (`compare_figures`): a figure whose value changed
("3 dead" -> "5 dead"), whose qualifier changed, or which appears or disappears is flagged on the
run and on the word changes that show it. Joining the changes' `old` texts gives the old version
back exactly, and their `new` texts the new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Any

from newsdiff.textcore.differences.figures import FigureKind, compare_figures
from newsdiff.textcore.differences.words import DiffOp, OpKind, tokenize, word_diff
from newsdiff.textcore.figures.extract import find_figures
from newsdiff.textcore.lexical import STOP_WORDS
from newsdiff.textcore.types import Figure

MAX_WORD_DIFF_TOKENS = 200
WORD_DIFF_BUDGET = 12_000
MAX_RUN_FIGURES = 200
MAX_FIGURE_SENTENCE_CHARS = 2_000
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
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
    old_units, new_units = _sentences(old), _sentences(new)
    matcher = SequenceMatcher(None, old_units, new_units)
    budget = _Budget(WORD_DIFF_BUDGET)
    changes: list[VersionChange] = []
    figures: list[FigureChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = "".join(old_units[i1:i2]), "".join(new_units[j1:j2])
        if tag == "equal":
            changes.append(VersionChange(OpKind.EQUAL, before, after))
            continue
        run_figures = _figure_changes(old_units[i1:i2], new_units[j1:j2])
        figures.extend(located.change for located in run_figures)
        ops = _run_ops(old_units[i1:i2], new_units[j1:j2], budget)
        changes.extend(_located_changes(ops, run_figures))
    return VersionDiff(tuple(_merged(changes)), tuple(figures))


def _sentences(text: str) -> list[str]:
    """The text cut into lines and each line after each sentence end (spacing kept)."""
    units = []
    for line in text.splitlines(keepends=True):
        start = 0
        for found in SENTENCE_END.finditer(line):
            units.append(line[start : found.end()])
            start = found.end()
        if start < len(line):
            units.append(line[start:])
    return units


@dataclass(slots=True)
class _Budget:
    """Tokens the word diffs of one comparison may still take."""

    tokens: int

    def take(self, before: str, after: str) -> bool:
        """Whether a word diff of these two fits (and, if so, take its tokens)."""
        a, b = len(tokenize(before).keys), len(tokenize(after).keys)
        if max(a, b) > MAX_WORD_DIFF_TOKENS or a + b > self.tokens:
            return False
        self.tokens -= a + b
        return True


def _run_ops(before: list[str], after: list[str], budget: _Budget) -> list[DiffOp]:
    """The word ops of one run of changed sentences: one word diff if it is small, else one
    per pair of sentences (when both sides have as many), else the run whole."""
    joined_a, joined_b = "".join(before), "".join(after)
    if budget.take(joined_a, joined_b):
        return list(word_diff(joined_a, joined_b)[0])
    if len(before) != len(after):
        return [DiffOp(_kind(joined_a, joined_b), joined_a, joined_b)]
    ops: list[DiffOp] = []
    for a, b in zip(before, after, strict=True):
        ops += word_diff(a, b)[0] if budget.take(a, b) else [DiffOp(_kind(a, b), a, b)]
    return ops


def _located_changes(ops: list[DiffOp], figures: list[_Located]) -> list[VersionChange]:
    """The ops as changes, each with the changed figures it shows."""
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


def _figure_changes(before: list[str], after: list[str]) -> list[_Located]:
    """The figures that differ between two runs of sentences, located in the joined runs."""
    old_figures, new_figures = _run_figures(before), _run_figures(after)
    if old_figures is None or new_figures is None or not (old_figures or new_figures):
        return []
    old_text, new_text = "".join(before), "".join(after)
    found, used = [], set[int]()
    for difference in compare_figures(old_figures, new_figures):
        old = _figure_written(old_figures, difference.a, used)
        new = _figure_written(new_figures, difference.b, used)
        if difference.kind is FigureKind.SAME:
            continue
        change = FigureChange(
            difference.kind,
            _with_word(old_text, old) if old else "",
            _with_word(new_text, new) if new else "",
        )
        found.append(_Located(change, _span(old), _span(new)))
    return found


def _run_figures(units: list[str]) -> tuple[Figure, ...] | None:
    """The figures of a run, sentence by sentence (`find_figures` is meant for a sentence),
    located in the joined run; None when there are too many to pair (a table of numbers)."""
    figures: list[Figure] = []
    at = 0
    for unit in units:
        if len(unit) <= MAX_FIGURE_SENTENCE_CHARS:
            shifted = (replace(f, start=f.start + at, end=f.end + at) for f in find_figures(unit))
            figures.extend(shifted)
        if len(figures) > MAX_RUN_FIGURES:
            return None
        at += len(unit)
    return tuple(figures)


def _figure_written(figures: tuple[Figure, ...], text: str, used: set[int]) -> Figure | None:
    """The first figure written `text` not taken by an earlier difference (differences come
    in order of appearance, so "7" in "Town 7 reported 7 cases" goes to the right one)."""
    if not text:
        return None
    found = next((f for f in figures if f.text == text and id(f) not in used), None)
    if found is not None:
        used.add(id(found))
    return found


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
