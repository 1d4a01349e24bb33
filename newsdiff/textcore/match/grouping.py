"""Rows (groups of claims that state one thing) from the model's `same` links.

Links are taken most probable first. Two rows merge only when
- they share no article: a row never holds two claims of one article, and
- every claim of the smaller row states the statement of the larger one: its probability
  against the larger row's central claim (the member most probable against the others) is at
  least the `same` threshold, and so is it against most of the larger row's members.
So one strong link to one member never pulls a claim into a row that says something else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

Probability = Callable[[int, int], float]
Read = Callable[[list[tuple[int, int]]], None]


def central(group: Sequence[int], probability: Probability) -> int:
    """The member most probable, on average, against the other members (the row's label);
    on a tie the first."""
    if len(group) == 1:
        return group[0]
    means = [np.mean([probability(n, m) for m in group if m != n]) for n in group]
    return group[int(np.argmax(means))]


def states_row(claim: int, row: Sequence[int], probability: Probability, same: float) -> bool:
    """Whether the claim states the row's statement: same as its central claim and as most
    of its members."""
    if probability(claim, central(row, probability)) < same:
        return False
    agree = sum(probability(claim, m) >= same for m in row)
    return 2 * agree > len(row)


def statement_rows(
    links: Sequence[tuple[int, int]],
    articles: np.ndarray,
    probability: Probability,
    same: float,
    read: Read | None = None,
) -> list[list[int]]:
    """Rows of claim indices (each sorted, of at least two articles), sorted. `read`, when
    given, has the model read a merge's cross pairs in one batch before they are judged."""
    row_of: dict[int, list[int]] = {}
    for i, j in sorted(links, key=lambda e: (-probability(*e), e)):
        left, right = row_of.get(i, [i]), row_of.get(j, [j])
        if left is right:
            continue
        if {int(articles[n]) for n in left} & {int(articles[n]) for n in right}:
            continue
        small, large = sorted((left, right), key=lambda g: (len(g), g))
        if read is not None:
            read([(min(a, b), max(a, b)) for a in small for b in large])
        if not all(states_row(n, large, probability, same) for n in small):
            continue
        merged = sorted(left + right)
        for n in merged:
            row_of[n] = merged
    unique = {id(g): g for g in row_of.values()}
    return sorted(unique.values())
