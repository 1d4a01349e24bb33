"""Measure sentence splitting against GUM news: boundary precision, recall and F1.

A boundary is the character offset where a sentence ends; predicted and gold boundaries are
compared as sets per document and summed over documents. Headlines and datelines count as
sentences in the gold, so `split_sentences` runs as is (heading skipping is a separate step).
Reads ../shared/data/sentences/gum_news_sentences.jsonl (or $NEWSDIFF_DATA); skips cleanly
when it is absent.

    .venv/bin/python bench/bench_sentences.py [--errors N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsdiff.textcore.claims import split_sentences  # noqa: E402

DATA = Path(os.environ.get("NEWSDIFF_DATA", ROOT.parent / "shared" / "data"))
GUM = DATA / "sentences" / "gum_news_sentences.jsonl"


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    text: str
    gold: frozenset[int]


@dataclass(frozen=True, slots=True)
class Score:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load(path: Path) -> list[Document]:
    """GUM documents with their gold sentence end offsets."""
    with path.open(encoding="utf-8") as lines:
        return [_document(json.loads(line)) for line in lines if line.strip()]


def _document(row: dict[str, Any]) -> Document:
    text, ends, position = row["text"], set(), 0
    for sentence in row["sentences"]:
        start = text.index(sentence, position)
        position = start + len(sentence)
        ends.add(position)
    return Document(row["doc"], text, frozenset(ends))


def predicted_ends(text: str) -> frozenset[int]:
    return frozenset(sentence.end for sentence in split_sentences(text))


def score(documents: list[Document]) -> tuple[Score, float]:
    """Summed boundary counts over all documents, and the seconds splitting took."""
    started = time.perf_counter()
    predictions = [predicted_ends(document.text) for document in documents]
    seconds = time.perf_counter() - started
    hits = sum(len(p & d.gold) for p, d in zip(predictions, documents, strict=True))
    total = Score(hits, sum(map(len, predictions)), sum(len(d.gold) for d in documents))
    return total, seconds


def print_errors(documents: list[Document], limit: int) -> None:
    """The first `limit` wrong boundaries, with some context: FP = extra, FN = missed."""
    shown = 0
    for document in documents:
        predicted = predicted_ends(document.text)
        misses = [("FP", e) for e in predicted - document.gold] + [
            ("FN", e) for e in document.gold - predicted
        ]
        for label, end in sorted(misses, key=lambda miss: miss[1]):
            if shown >= limit:
                return
            context = document.text[max(0, end - 50) : end + 25].replace("\n", "⏎")
            print(f"  {label} {document.name}: …{context}…")
            shown += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong boundaries")
    arguments = parser.parse_args()
    if not GUM.exists():
        print(f"skipped: {GUM} not found (set NEWSDIFF_DATA to the shared data folder)")
        return 0
    documents = load(GUM)
    total, seconds = score(documents)
    sentences = total.predicted
    print(f"GUM news sentence boundaries ({len(documents)} documents, {total.gold} gold sentences)")
    print(
        f"{'precision':>10} {'recall':>8} {'F1':>8} {'predicted':>10} {'correct':>8} {'sent/s':>8}"
    )
    print(
        f"{total.precision:>10.4f} {total.recall:>8.4f} {total.f1:>8.4f} "
        f"{sentences:>10} {total.true_positives:>8} {sentences / seconds:>8.0f}"
    )
    if arguments.errors:
        print_errors(documents, arguments.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
