"""Ten held-out ECB+ stories whose rows a reader judged (bench/judged/<sub-topic>.json).

Each file records, as fragments of claim texts, statements that several of the story's
articles carry (`same`: all the listed claims belong in one row) and pairs of claims that say
different things though they share a number, a name or a topic (`different`: never in one
row). They were written by reading the rows of the product's alignment in December 2026 (and
the statements it left apart); the sub-topics are even ECB+ topics, which the matcher never
trained on, but the rules of docs/matcher.md were read against them since, so they are a
development set, not a held-out one. `judged_rows` counts them on the product's alignment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

try:  # python -m bench.bench_match
    from bench import troy_rows
except ImportError:  # python bench/bench_match.py
    import troy_rows  # type: ignore[import-not-found,no-redef]

from newsdiff.textcore.match import align

JUDGED = Path(__file__).resolve().parent / "judged"


@dataclass(frozen=True, slots=True)
class Counts:
    """Judged pairs on one alignment: same-statement pairs of claims of different articles
    found in one row, of all; statements found whole in one row; different pairs in one row."""

    same_found: int = 0
    same_pairs: int = 0
    whole: int = 0
    statements: int = 0
    different_joined: int = 0
    different: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.values(), other.values(), strict=True)))

    def values(self) -> tuple[int, ...]:
        return (self.same_found, self.same_pairs, self.whole, self.statements,
                self.different_joined, self.different)  # fmt: skip


def judgments() -> list[dict[str, Any]]:
    return [json.loads(path.read_text()) for path in sorted(JUDGED.glob("*.json"))]


def count(judged: dict[str, Any], story: troy_rows.Story, alignment: Any) -> Counts:
    """The judged pairs of one story counted on its alignment."""
    found = pairs = whole = 0
    for statement in judged["same"]:
        keys = [k for f in statement["claims"] for k in troy_rows.keys_with(story, f)]
        whole += troy_rows.whole_row(story, alignment, statement["claims"])
        for a, b in combinations(keys, 2):
            if a.article != b.article:
                pairs += 1
                found += b in troy_rows.row_of(alignment, a)
    joined = sum(
        troy_rows.in_one_row(story, alignment, *pair["claims"]) for pair in judged["different"]
    )
    return Counts(found, pairs, whole, len(judged["same"]), joined, len(judged["different"]))


def judged_rows(docs_file: Path) -> list[tuple[str, str]]:
    """(measure, value) rows: the judged pairs of every story, counted on the product's
    alignment (claims as ingest finds them, embedded, aligned), in all."""
    total = Counts()
    for judged in judgments():
        story = troy_rows.load_story(docs_file, judged["topic"])
        total += count(judged, story, align(story, troy_rows.embed_story(story)))
    stories = len(judgments())
    return [
        (f"{stories} more ECB+ stories read by hand (bench/judged): statements shared by"
         " several outlets, found whole in one row", f"{total.whole} of {total.statements}"),
        ("  their pairs of claims (different articles) in one row",
         f"{total.same_found} of {total.same_pairs} ({total.same_found / total.same_pairs:.3f})"),
        ("  pairs read as different statements, in one row",
         f"{total.different_joined} of {total.different}"),
    ]  # fmt: skip
