"""Best counterparts: which claim of another article a claim prefers, corrected for hubs.

Inside one story every sentence is on topic, and a long sentence that touches several
statements scores fairly well against many claims (a "hub"). Preference therefore uses the
CSLS correction of cross-lingual word retrieval (Conneau et al., 2018):
`adjusted(i, j) = 2 * score(i, j) - base(i, B) - base(j, A)`, where `base(i, B)` is the mean
of i's TOP_K best scores in j's article B. The scores themselves are not changed.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping

import numpy as np

TOP_K = 3
NEAR_BEST = 0.06  # on the adjusted scale (twice the score scale)


def top_mean(values: list[float]) -> float:
    """The mean of the TOP_K largest values."""
    top = heapq.nlargest(TOP_K, values)
    return sum(top) / len(top)


class Ranking:
    """Adjusted preferences among the scored pairs of a story."""

    def __init__(self, scores: Mapping[tuple[int, int], float], articles: np.ndarray) -> None:
        self.scores = scores
        self.articles = articles
        self._article: list[int] = articles.tolist()
        article = self._article
        per_slot: dict[tuple[int, int], list[float]] = defaultdict(list)
        for (i, j), score in scores.items():
            per_slot[(i, article[j])].append(score)
            per_slot[(j, article[i])].append(score)
        self.base = base = {slot: top_mean(values) for slot, values in per_slot.items()}
        del per_slot
        self.best: dict[tuple[int, int], float] = {}
        best = self.best
        for (i, j), score in scores.items():
            slot_i, slot_j = (i, article[j]), (j, article[i])
            value = 2 * score - (base[slot_i] + base[slot_j])  # `adjusted`, inlined
            if slot_i not in best or value > best[slot_i]:
                best[slot_i] = value
            if slot_j not in best or value > best[slot_j]:
                best[slot_j] = value

    def article(self, claim: int) -> int:
        return self._article[claim]

    def score(self, i: int, j: int) -> float:
        return self.scores[(i, j) if i < j else (j, i)]

    def adjusted(self, i: int, j: int) -> float:
        """The pair's score corrected for how well each claim scores against anything there."""
        base = self.base[(i, self.article(j))] + self.base[(j, self.article(i))]
        return 2 * self.score(i, j) - base

    def prefers(self, i: int, j: int, near: float = NEAR_BEST) -> bool:
        """Whether j is i's best (or `near`-best) counterpart in j's article."""
        if ((i, j) if i < j else (j, i)) not in self.scores:
            return False
        return self.adjusted(i, j) >= self.best[(i, self.article(j))] - near

    def mutual(self, i: int, j: int, near: float = NEAR_BEST) -> bool:
        """Whether each of the two is the other's best (or `near`-best) counterpart."""
        return self.prefers(i, j, near) and self.prefers(j, i, near)
