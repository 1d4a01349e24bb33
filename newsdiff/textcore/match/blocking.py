"""Which pairs of claims to score: all of them in a small story, candidates in a big one.

A big story (more than MAX_EXHAUSTIVE_PAIRS cross-article pairs) scores only, for each claim,
the NEAREST claims of other articles nearest by cosine, plus pairs that share a figure value or
a rare content word (in at most RARE_SHARE of the claims). The budget is per claim, not per
claim and article, so the pairs grow linearly with the claims: a statement that many outlets
carry is still gathered into one row, through the neighbours of its neighbours.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

import numpy as np

from newsdiff.textcore.match.similarity import Profile

MAX_EXHAUSTIVE_PAIRS = 60_000
NEAREST = 40
RARE_SHARE = 0.01
ROW_CHUNK = 512


def cross_pair_count(articles: np.ndarray) -> int:
    sizes = np.bincount(articles) if len(articles) else np.zeros(0, np.int64)
    return int((sizes.sum() ** 2 - (sizes**2).sum()) // 2)


def candidate_pairs(
    articles: np.ndarray, vectors: np.ndarray, profiles: Sequence[Profile]
) -> list[tuple[int, int]]:
    """Sorted pairs (i, j), i < j, of claims of different articles worth scoring."""
    if cross_pair_count(articles) <= MAX_EXHAUSTIVE_PAIRS:
        n = len(articles)
        return [(i, j) for i in range(n) for j in range(i + 1, n) if articles[i] != articles[j]]
    pairs = set(nearest_pairs(articles, vectors))
    pairs.update(shared_feature_pairs(articles, profiles))
    return sorted(pairs)


def nearest_pairs(articles: np.ndarray, vectors: np.ndarray) -> Iterator[tuple[int, int]]:
    """For each claim, its NEAREST claims of other articles by cosine."""
    k = min(NEAREST, len(articles) - 1)
    for begin in range(0, len(articles), ROW_CHUNK):
        rows = slice(begin, begin + ROW_CHUNK)
        sims = vectors[rows] @ vectors.T
        sims[articles[rows, None] == articles[None, :]] = -np.inf
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for row, cols in enumerate(top):
            i = begin + row
            for j in cols.tolist():
                if articles[i] != articles[j]:
                    yield (min(i, j), max(i, j))


def shared_feature_pairs(
    articles: np.ndarray, profiles: Sequence[Profile]
) -> Iterator[tuple[int, int]]:
    """Pairs of claims of different articles that share a figure value or a rare word."""
    index: dict[object, list[int]] = defaultdict(list)
    for n, p in enumerate(profiles):
        for feature in {("fig", f.unit, f.per, round(f.value, 6)) for f in p.figures} | p.stems:
            index[feature].append(n)
    limit = max(2, int(RARE_SHARE * len(profiles)))
    for key, holders in index.items():
        if isinstance(key, str) and len(holders) > limit:
            continue
        if len(holders) > 20 * limit:
            continue
        for i, j in combinations(holders, 2):
            if articles[i] != articles[j]:
                yield (i, j)
