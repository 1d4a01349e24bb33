"""Groups (aligned rows) from `same` matches: union-find with guards, then consensus.

Edges are taken strongest first. Two groups merge only when they share no article (a row holds
one claim per article, unless an article says the same thing twice) and when the claims of one
are, on average, similar to those of the other (average link), so a chain of topic-only links
never pulls unrelated claims into a row.
Then a claim that every member of a row prefers in its article, and that prefers each of them
in turn, joins the row (consensus of at least two articles) when each of those pairs passes
`acceptable`; this catches paraphrases whose wording shares little with the row. It does not
join when most members' highest-scoring claim of its article already sits in another row: it
is then a runner-up, preferred only through the hub correction of `ranking`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from newsdiff.textcore.match import weights
from newsdiff.textcore.match.ranking import Ranking

RESTATED = 0.75  # two claims of one article scoring this high say the same thing twice
Score = Callable[[int, int], float]
Accept = Callable[[int, int], bool]


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
) -> list[list[int]]:
    """Groups of claim indices (each sorted, of at least two articles), in order; `groups`
    are existing groups the edges may grow or join under the same checks."""
    group_of = {n: merged for merged in map(sorted, groups) for n in merged}
    for i, j in sorted(edges, key=lambda e: (-score(*e), e)):
        left, right = group_of.get(i, [i]), group_of.get(j, [j])
        if left is right or not _articles_compatible(left, right, articles, score):
            continue
        if not link_ok(left, right, score):
            continue
        merged = sorted(left + right)
        for n in merged:
            group_of[n] = merged
    unique = {id(g): g for g in group_of.values()}
    return sorted(unique.values())


def _articles_compatible(
    left: Sequence[int], right: Sequence[int], articles: np.ndarray, score: Score
) -> bool:
    """No article on both sides, unless its claims there restate each other (RESTATED)."""
    return all(score(i, j) >= RESTATED for i in left for j in right if articles[i] == articles[j])


def attach_consensus(
    groups: list[list[int]], ranking: Ranking, acceptable: Accept
) -> list[list[int]]:
    """The groups, each grown by the claims its members agree on (see the module doc);
    per new article, the candidate with the best mean score against the group."""
    taken = {n for group in groups for n in group}
    grown = []
    for core in groups:
        chosen: dict[int, tuple[float, int]] = {}
        for claim in ranking.neighbours.get(core[0], ()):
            if claim not in taken and _joins(core, claim, ranking, acceptable, taken):
                mean = float(np.mean([ranking.score(n, claim) for n in core]))
                article = ranking.article(claim)
                if article not in chosen or mean > chosen[article][0]:
                    chosen[article] = (mean, claim)
        joined = [claim for _, claim in chosen.values()]
        taken.update(joined)
        grown.append(sorted(core + joined))
    return sorted(grown)


def _joins(
    core: list[int], claim: int, ranking: Ranking, acceptable: Accept, taken: set[int]
) -> bool:
    """Whether the claim is of a new article, agrees with every member of the group, and is
    not a runner-up: when most members score highest against another claim of that article
    that sits in another row, the hub correction lifted this one, and the row's real
    counterpart there is taken."""
    article = ranking.article(claim)
    if article in {ranking.article(n) for n in core}:
        return False
    if not all(ranking.mutual(n, claim) and acceptable(min(n, claim), max(n, claim)) for n in core):
        return False
    elsewhere = sum(ranking.top_claim(n, article) in taken - {claim} for n in core)
    return 2 * elsewhere <= len(core)
