"""How the trained matcher's logit becomes a probability, and its verdicts on a story's pairs."""

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


def test_mutual_best_keeps_pairs_each_side_prefers() -> None:
    articles = np.array([0, 1, 1])
    known = {(0, 1): 0.9, (0, 2): 0.7}
    assert trained.mutual_best(known, articles) == {(0, 1)}


def test_verdicts_read_each_pair_once_in_one_batch() -> None:
    asked: list[list[tuple[str, str]]] = []

    def judge(pairs):
        asked.append(list(pairs))
        return np.zeros(len(pairs), dtype=np.float32)

    verdicts = trained.Verdicts(["a", "b", "c"], judge, lambda i, j: signal_values())
    verdicts.read([(0, 1), (1, 2), (0, 1)])
    assert asked == [[("a", "b"), ("b", "c")]]
    assert verdicts(2, 1) == verdicts.known[(1, 2)]
    verdicts.read([(0, 1)])
    assert len(asked) == 1
