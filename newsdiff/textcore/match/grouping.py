"""Groups (aligned rows) from `same` links: union-find with guards.

Edges are taken strongest first. Two groups merge only when they share no article (a row holds
one claim per article), when the claims of one are, on average, similar to those of the other
(average link), and, given `agree` (the trained matcher), when every claim of the smaller
group states the statement of the larger one: it agrees with the larger group's central claim
(the member most probable against the others) and with most of its members (or half of them,
at a mean probability high enough). So a chain of
topic-only links, or one strong link to one member, never pulls another statement into a row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from newsdiff.textcore.match import weights

Score = Callable[[int, int], float]
Accept = Callable[[int, int], bool]
Read = Callable[[list[tuple[int, int]]], None]


def central(group: Sequence[int], probability: Score) -> int:
    """The member most probable, on average, against the other members (the row's label);
    on a tie the first."""
    if len(group) == 1:
        return group[0]
    means = [np.mean([probability(n, m) for m in group if m != n]) for n in group]
    return group[int(np.argmax(means))]


def states_row(
    claim: int,
    row: Sequence[int],
    probability: Score,
    agree: Accept,
    sure: Accept | None = None,
    tie_mean: float | None = None,
) -> bool:
    """Whether the claim states the row's statement: it agrees with the row's central claim
    and with most of its members, or (given `tie_mean`) with exactly half of them when its
    mean probability against the members reaches `tie_mean` (in a row of two, the model may
    find one member's extra clause different while the claim states what both state); joining
    a row of two or more, with the central claim it must be `sure` (when given)."""
    label = central(row, probability)
    if len(row) > 1 and sure is not None and not sure(claim, label):
        return False
    if not agree(claim, label):
        return False
    agreeing = sum(agree(claim, m) for m in row)
    if 2 * agreeing > len(row):
        return True
    return (
        tie_mean is not None
        and 2 * agreeing == len(row)
        and float(np.mean([probability(claim, m) for m in row])) >= tie_mean
    )


@dataclass(frozen=True, slots=True)
class Statement:
    """The trained matcher's view for the merge check: its probability, whether two claims
    agree, and `read` to have it read a merge's cross pairs in one batch first; `sure`, when
    given, is the stricter agreement a claim needs with the central claim of a row of two or
    more; `tie_mean`, when given, lets a claim that agrees with half of a row join it at that
    mean probability (`states_row`)."""

    probability: Score
    agree: Accept
    read: Read
    sure: Accept | None = None
    tie_mean: float | None = None

    def joins(self, small: Sequence[int], large: Sequence[int]) -> bool:
        self.read([(min(a, b), max(a, b)) for a in small for b in large])
        return all(
            states_row(n, large, self.probability, self.agree, self.sure, self.tie_mean)
            for n in small
        )


def link_ok(left: Sequence[int], right: Sequence[int], score: Score) -> bool:
    """Mean score across the groups of at least `link_mean()`, and most cross pairs at or
    above the related threshold (average link)."""
    values = [score(i, j) for i in left for j in right]
    near = sum(v >= weights.RELATED_THRESHOLD for v in values)
    return float(np.mean(values)) >= link_mean() and 2 * near > len(values)


def link_mean() -> float:
    """The mean score two groups need to merge: halfway between the two thresholds."""
    return (weights.SAME_THRESHOLD + weights.RELATED_THRESHOLD) / 2


def build_groups(
    edges: Sequence[tuple[int, int]],
    articles: np.ndarray,
    score: Score,
    groups: Sequence[list[int]] = (),
    statement: Statement | None = None,
) -> list[list[int]]:
    """Groups of claim indices (each sorted, of at least two articles), in order; `groups`
    are existing groups the edges may grow or join under the same checks; `statement`, when
    given, adds its check (see the module doc)."""
    group_of = {n: merged for merged in map(sorted, groups) for n in merged}
    for i, j in sorted(edges, key=lambda e: (-score(*e), e)):
        left, right = group_of.get(i, [i]), group_of.get(j, [j])
        if left is right:
            continue
        if _share_an_article(left, right, articles):
            if statement is not None and (
                better := _better_member(left, right, articles, score, statement)
            ):
                for n in better[1]:
                    group_of[n] = better[1]
                del group_of[better[0]]
            continue
        if not link_ok(left, right, score):
            continue
        small, large = sorted((left, right), key=lambda g: (len(g), g))
        if statement is not None and not statement.joins(small, large):
            continue
        merged = sorted(left + right)
        for n in merged:
            group_of[n] = merged
    unique = {id(g): g for g in group_of.values()}
    return sorted(unique.values())


def _better_member(
    left: list[int], right: list[int], articles: np.ndarray, score: Score, statement: Statement
) -> tuple[int, list[int]] | None:
    """When a lone claim states a row better than the row's claim of the same article (a
    higher mean probability against the other members, and it states what they state), the
    row takes it instead: (the claim let go, the new row). A row holds one claim per article,
    and edges come strongest rule score first, so a claim that shares an opening clause with
    the row could take the place of its article's real counterpart (ECB+ 26_ecbplus: "Born in
    the Bronx in 1928, ..., Gigante was nicknamed 'Chin'" kept, "He became a small-time boxer
    and drifted into the crime family ...", 0.80 against the row, left out)."""
    if len(left) != 1 and len(right) != 1:
        return None
    (claim,), row = (left, right) if len(left) == 1 else (right, left)
    same = [m for m in row if articles[m] == articles[claim]]
    rest = [m for m in row if articles[m] != articles[claim]]
    if len(same) != 1 or not rest:
        return None
    incumbent = same[0]
    statement.read([(min(a, b), max(a, b)) for a in (claim, incumbent) for b in rest])

    def mean(n: int) -> float:
        return float(np.mean([statement.probability(n, m) for m in rest]))

    if mean(claim) <= mean(incumbent) or not link_ok([claim], rest, score):
        return None
    if not states_row(
        claim, rest, statement.probability, statement.agree, statement.sure, statement.tie_mean
    ):
        return None
    return incumbent, sorted([*rest, claim])


def _share_an_article(left: Sequence[int], right: Sequence[int], articles: np.ndarray) -> bool:
    return bool({int(articles[n]) for n in left} & {int(articles[n]) for n in right})
