"""Which pairs the trained matcher reads, and how its logit becomes a probability."""

from __future__ import annotations

import numpy as np

from newsdiff.textcore.match import trained
from newsdiff.textcore.match.similarity import SIGNALS


def signal_values(**named: float) -> tuple[float, ...]:
    return tuple(named.get(name, 0.0) for name in SIGNALS)


def test_the_probability_rises_with_the_logit_and_falls_with_a_figure_clash() -> None:
    calm = signal_values()
    low, high = trained.probability(-2.0, calm), trained.probability(2.0, calm)
    assert 0.0 < low < high < 1.0
    assert trained.probability(2.0, signal_values(figures_clash=1.0)) < high


def test_each_claim_reads_its_best_counterpart_per_article_above_the_floor() -> None:
    # claim 0 of article 0; claims 1, 2 of article 1; claim 3 of article 2
    articles = np.array([0, 1, 1, 2])
    scores = {(0, 1): 0.8, (0, 2): 0.5, (0, 3): 0.05, (1, 3): 0.4, (2, 3): 0.3}
    # (0, 2): claim 2's best in article 0; (0, 3) is below the floor
    assert trained.review_pairs(scores, articles) == [(0, 1), (0, 2), (1, 3), (2, 3)]
    scores[(0, 2)] = 0.05
    assert trained.review_pairs(scores, articles) == [(0, 1), (1, 3), (2, 3)]


def test_a_claim_reads_at_most_review_per_claim_pairs() -> None:
    many = trained.REVIEW_PER_CLAIM + 3
    articles = np.arange(many + 1)
    scores = {(0, j): 0.2 + j / 100 for j in range(1, many + 1)}
    chosen = trained.review_pairs(scores, articles)
    # every other claim reads only claim 0, so claim 0's pairs are all read through them
    assert len(chosen) == many
    lone = {(0, j): 0.2 + j / 100 for j in range(1, 3)}
    assert trained.review_pairs(lone, np.arange(3)) == [(0, 1), (0, 2)]


def test_mutual_best_keeps_pairs_each_side_prefers() -> None:
    articles = np.array([0, 1, 1])
    known = {(0, 1): 0.9, (0, 2): 0.7}
    assert trained.mutual_best(known, articles) == {(0, 1)}


def test_verdicts_read_each_pair_once_in_one_batch() -> None:
    asked: list[list[tuple[str, str]]] = []

    def judge(pairs):  # type: ignore[no-untyped-def]
        asked.append(list(pairs))
        return np.zeros(len(pairs), dtype=np.float32)

    verdicts = trained.Verdicts(["a", "b", "c"], judge, lambda i, j: signal_values())
    verdicts.read([(0, 1), (1, 2), (0, 1)])
    assert asked == [[("a", "b"), ("b", "c")]]
    assert verdicts(2, 1) == verdicts.known[(1, 2)]
    verdicts.read([(0, 1)])
    assert len(asked) == 1
