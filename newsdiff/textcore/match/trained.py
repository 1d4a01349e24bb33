"""The trained matcher in the alignment: its calibrated probability, read pair by pair.

The cross-encoder (`cross_encoder`) reads two claims together, which is slow next to a cosine,
so `align` has it read only the pairs that can become links (`align.review_pairs`). Its logit
joins the figure and negation signals in a
logistic model fitted on MRPC pairs the model never saw (`trained_weights`, written by
bench/calibrate_matcher.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from newsdiff.textcore.match import trained_weights
from newsdiff.textcore.match.similarity import SIGNALS

# Logits of (text, text) pairs, in order: the cross-encoder's `logits`.
Judge = Callable[[Sequence[tuple[str, str]]], np.ndarray]

SIGNAL_COLUMNS = tuple(SIGNALS.index(name) for name in trained_weights.FEATURES[1:])


def probability(logit: float, values: Sequence[float]) -> float:
    """The calibrated probability that two claims state the same thing, from the model's
    logit and the pair's rule signals (`similarity.SIGNALS` order)."""
    features = (logit, *(values[c] for c in SIGNAL_COLUMNS))
    z = trained_weights.BIAS + sum(
        w * x for w, x in zip(trained_weights.WEIGHTS, features, strict=True)
    )
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


class Verdicts:
    """The model's probabilities for pairs of a story's claims, each pair read once; pairs are
    read in batches (`read`), so the model runs on many pairs at a time."""

    def __init__(
        self,
        texts: Sequence[str],
        judge: Judge,
        values: Callable[[int, int], Sequence[float]],
    ) -> None:
        self.texts = texts
        self.judge = judge
        self.values = values
        self.known: dict[tuple[int, int], float] = {}

    def read(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Have the model read the pairs (i, j), i < j, not read yet."""
        missing = sorted({p for p in pairs if p not in self.known})
        if not missing:
            return
        logits = self.judge([(self.texts[i], self.texts[j]) for i, j in missing])
        for (i, j), logit in zip(missing, logits.tolist(), strict=True):
            self.known[(i, j)] = probability(logit, self.values(i, j))

    def __call__(self, i: int, j: int) -> float:
        """The probability of one pair (read now if it was not)."""
        pair = (i, j) if i < j else (j, i)
        if pair not in self.known:
            self.read([pair])
        return self.known[pair]


def mutual_best(
    known: Mapping[tuple[int, int], float], articles: np.ndarray
) -> set[tuple[int, int]]:
    """Pairs that are each claim's most probable counterpart in the other's article."""
    best: dict[tuple[int, int], float] = {}
    article = articles.tolist()
    for (i, j), p in known.items():
        best[(i, article[j])] = max(best.get((i, article[j]), -1.0), p)
        best[(j, article[i])] = max(best.get((j, article[i]), -1.0), p)
    return {
        (i, j)
        for (i, j), p in known.items()
        if p >= best[(i, article[j])] and p >= best[(j, article[i])]
    }
