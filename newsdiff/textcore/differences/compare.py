"""What differs between two matched claims: their wording, their figures, their quotes.

`compare_claims(a, b)` reads `a` as the first outlet's claim and `b` as the second's:
`ops` turn a's wording into b's (`diffwords`), `added` holds what b says that a does not,
`dropped` what a says that b does not, and the summary speaks of b ("b drops 'Today'").
Figures are paired by `difffigures`. When both claims carry a quote, the quotes are
compared word by word, and their speakers by name ("Kirby" is "John Kirby").

`to_dict()` is the compact JSON form stored and exported; `from_dict()` reads it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsdiff.textcore.differences.figures import FigureDifference, FigureKind, compare_figures
from newsdiff.textcore.differences.words import (
    DiffOp,
    OpKind,
    phrase,
    same_words,
    tokenize,
    word_diff,
)
from newsdiff.textcore.types import Claim

__all__ = [
    "ClaimDifference",
    "DiffOp",
    "FigureDifference",
    "FigureKind",
    "OpKind",
    "QuoteDifference",
    "compare_claims",
    "same_speaker",
]

HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "the"})
MAX_SUMMARY_CHANGES = 3


@dataclass(frozen=True, slots=True)
class QuoteDifference:
    """How two quotes differ: `same_speaker` is None when either side names no speaker;
    `verbatim` means the same words, ignoring case, punctuation and quote style."""

    same_speaker: bool | None
    verbatim: bool
    similarity: float
    ops: tuple[DiffOp, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "same_speaker": self.same_speaker,
            "verbatim": self.verbatim,
            "similarity": self.similarity,
            "ops": [op.to_list() for op in self.ops],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteDifference:
        ops = tuple(DiffOp.from_list(op) for op in data["ops"])
        return cls(data["same_speaker"], data["verbatim"], data["similarity"], ops)


@dataclass(frozen=True, slots=True)
class ClaimDifference:
    """What b's claim changes in a's: word ops (a -> b), phrases only in b (`added`) or
    only in a (`dropped`), token similarity, figures, quotes and who each side credits."""

    ops: tuple[DiffOp, ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    similarity: float
    figures: tuple[FigureDifference, ...]
    quote: QuoteDifference | None
    speakers: tuple[str | None, str | None]

    @property
    def same_wording(self) -> bool:
        """Whether every op is equal (the texts differ at most in case, spacing, mark style)."""
        return all(op.kind is OpKind.EQUAL for op in self.ops)

    @property
    def figure_changes(self) -> tuple[FigureDifference, ...]:
        """The figure differences other than "same"."""
        return tuple(f for f in self.figures if f.kind is not FigureKind.SAME)

    def to_dict(self) -> dict[str, Any]:
        return {
            "similarity": self.similarity,
            "ops": [op.to_list() for op in self.ops],
            "added": list(self.added),
            "dropped": list(self.dropped),
            "figures": [figure.to_dict() for figure in self.figures],
            "quote": self.quote.to_dict() if self.quote else None,
            "speakers": list(self.speakers),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimDifference:
        quote = data["quote"]
        return cls(
            ops=tuple(DiffOp.from_list(op) for op in data["ops"]),
            added=tuple(data["added"]),
            dropped=tuple(data["dropped"]),
            similarity=data["similarity"],
            figures=tuple(FigureDifference.from_dict(f) for f in data["figures"]),
            quote=QuoteDifference.from_dict(quote) if quote else None,
            speakers=(data["speakers"][0], data["speakers"][1]),
        )

    def summary(self) -> str:
        """One line for editors: "b drops 'Today'; figures: up to 50,000 vs about 50,000"."""
        parts = [_wording(self.ops), _figures(self.figure_changes), _credits(self.speakers)]
        parts.append(_quote(self.quote))
        return "; ".join(part for part in parts if part)


def compare_claims(a: Claim, b: Claim) -> ClaimDifference:
    """How claim `b` differs from claim `a` (see the module docstring for the direction)."""
    ops, similarity = word_diff(a.text, b.text)
    return ClaimDifference(
        ops=ops,
        added=_phrases(op.b_text for op in ops if op.kind is not OpKind.EQUAL),
        dropped=_phrases(op.a_text for op in ops if op.kind is not OpKind.EQUAL),
        similarity=similarity,
        figures=compare_figures(a.figures, b.figures),
        quote=_compare_quotes(a, b),
        speakers=(a.speaker, b.speaker),
    )


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """Whether two speaker names mean the same person or body; a lone surname matches the
    full name ending in it. None when either name is missing."""
    x, y = _name_words(a or ""), _name_words(b or "")
    if not x or not y:
        return None
    short, long = sorted((x, y), key=len)
    return short == long or (len(short) == 1 and short[0] == long[-1])


def _compare_quotes(a: Claim, b: Claim) -> QuoteDifference | None:
    if not a.quote or not b.quote:
        return None
    ops, similarity = word_diff(a.quote, b.quote)
    verbatim = same_words(a.quote, b.quote)
    return QuoteDifference(same_speaker(a.speaker, b.speaker), verbatim, similarity, ops)


def _phrases(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(found for found in map(phrase, texts) if found)


def _name_words(name: str) -> tuple[str, ...]:
    return tuple(word for word in tokenize(name).words() if word not in HONORIFICS)


def _wording(ops: tuple[DiffOp, ...]) -> str:
    changes = [change for op in ops if (change := _change(op))]
    if not changes:
        return (
            "same wording" if all(op.kind is OpKind.EQUAL for op in ops) else "punctuation differs"
        )
    more = len(changes) - MAX_SUMMARY_CHANGES
    shown = ", ".join(changes[:MAX_SUMMARY_CHANGES]) + (f" (+{more} more)" if more > 0 else "")
    return f"b {shown}"


def _change(op: DiffOp) -> str:
    old, new = phrase(op.a_text), phrase(op.b_text)
    if op.kind is OpKind.EQUAL or not (old or new):
        return ""
    if old and new:
        return f"changes '{old}' to '{new}'"
    return f"adds '{new}'" if new else f"drops '{old}'"


def _figures(changes: tuple[FigureDifference, ...]) -> str:
    return "figures: " + "; ".join(f.note for f in changes) if changes else ""


def _credits(speakers: tuple[str | None, str | None]) -> str:
    a, b = speakers
    if (not a and not b) or same_speaker(a, b):
        return ""
    return f"credited to {a or 'no one'} vs {b or 'no one'}"


def _quote(quote: QuoteDifference | None) -> str:
    if quote is None:
        return ""
    return "quote verbatim" if quote.verbatim else f"quote reworded ({quote.similarity:.0%} alike)"
