"""Align the claims of a story's articles: score pairs, pick `same`/`related` matches, group rows.

Two claims are linked when each is the other's best (or near-best) counterpart in the other's
article (`newsdiff.textcore.match.ranking`), the calibrated score reaches SAME_THRESHOLD and neither
denies what the other states. Links form groups (aligned rows) under the checks of
`newsdiff.textcore.match.grouping`, which may also add a claim by consensus. Then weaker links join
in: mutual best pairs between the two thresholds whose score stands out from what both claims
score against the other article (a paraphrase in other words), under the same checks.
Claims of different articles in one group are `same`; a claim's best counterpart in another
article that is only noticeably similar (RELATED_THRESHOLD) is `related`. So `same` matches
and groups never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsdiff.textcore.match import blocking, grouping, weights
from newsdiff.textcore.match.ranking import Ranking
from newsdiff.textcore.match.similarity import SIGNALS, Idf, Profile, pair_score, profile
from newsdiff.textcore.types import Alignment, Claim, ClaimKey, Match, MatchKind

NEGATION = SIGNALS.index("negation")
STANDOUT = 0.30  # on the adjusted scale (twice the score scale)
Scored = tuple[float, tuple[float, ...]]


@dataclass(slots=True)
class Story:
    """A story's claims flattened in (article, claim) order, with what scoring needs."""

    keys: list[ClaimKey]
    articles: np.ndarray
    profiles: list[Profile]
    vectors: np.ndarray
    idf: Idf
    scored: dict[tuple[int, int], Scored]

    def score(self, i: int, j: int) -> Scored:
        """Score and signals of claims i and j (global indices), computed once."""
        pair = (i, j) if i < j else (j, i)
        if pair not in self.scored:
            cosine = float(self.vectors[i] @ self.vectors[j])
            self.scored[pair] = pair_score(self.profiles[i], self.profiles[j], cosine, self.idf)
        return self.scored[pair]


def claim_rows(matrix: np.ndarray, count: int) -> np.ndarray:
    """An article's vectors as a (count x d) float32 array; ValueError if the rows are off."""
    array = np.asarray(matrix, dtype=np.float32)
    if count == 0:
        return array.reshape(0, array.shape[-1] if array.ndim == 2 else 0)
    if array.ndim != 2 or len(array) != count:
        raise ValueError("vectors[i] must hold one row per claim of article i")
    return array


def build_story(claims: Sequence[Sequence[Claim]], vectors: Sequence[np.ndarray]) -> Story:
    """The story's claims flattened, with unit vectors, profiles and word weights."""
    if len(claims) != len(vectors):
        raise ValueError("claims and vectors must have one entry per article")
    rows = [claim_rows(m, len(items)) for items, m in zip(claims, vectors, strict=True)]
    rows = [m for m in rows if len(m)]
    if len({m.shape[1] for m in rows}) > 1:
        raise ValueError("all vectors must have the same dimension")
    stacked = np.vstack(rows) if rows else np.zeros((0, 1), np.float32)
    norms = np.linalg.norm(stacked, axis=1, keepdims=True)
    keys = [ClaimKey(a, n) for a, items in enumerate(claims) for n in range(len(items))]
    profiles = [profile(c) for items in claims for c in items]
    return Story(
        keys=keys,
        articles=np.array([k.article for k in keys], dtype=np.int64),
        profiles=profiles,
        vectors=stacked / np.clip(norms, 1e-12, None),
        idf=Idf.from_documents([p.stems | p.names for p in profiles]),
        scored={},
    )


def same_pairs(story: Story, ranking: Ranking) -> set[tuple[int, int]]:
    """Links: mutual best pairs at or above the `same` threshold, no negation mismatch."""
    return {
        pair
        for pair, (score, values) in story.scored.items()
        if score >= weights.SAME_THRESHOLD and not values[NEGATION] and ranking.mutual(*pair)
    }


def standout_pairs(story: Story, ranking: Ranking) -> set[tuple[int, int]]:
    """Weaker links: mutual best pairs at or above the related threshold, no negation
    mismatch, whose score stands out from what each claim scores against the other's
    article (the adjusted score of `ranking` at least STANDOUT): a paraphrase that shares
    few words, such as "have not commented" / "statements are not available"."""
    return {
        pair
        for pair, score in ranking.scores.items()
        if weights.RELATED_THRESHOLD <= score < weights.SAME_THRESHOLD
        and not story.scored[pair][1][NEGATION]
        and ranking.adjusted(*pair) >= STANDOUT
        and ranking.mutual(*pair)
    }


def worth_reporting(story: Story, ranking: Ranking, i: int, j: int) -> bool:
    """Whether a pair that is not `same` is reported as `related`: one side's best
    counterpart there, at or above the related threshold."""
    score = story.scored[(i, j)][0]
    return score >= weights.RELATED_THRESHOLD and (ranking.prefers(i, j) or ranking.prefers(j, i))


def consensus_ok(story: Story, i: int, j: int) -> bool:
    score, values = story.scored[(i, j)]
    return score >= weights.RELATED_THRESHOLD and not values[NEGATION]


def row_pairs(story: Story, group: Sequence[int]) -> list[tuple[int, int]]:
    """The pairs of claims of different articles in one group (all `same`), scored."""
    articles = story.articles
    pairs = [(i, j) for i in group for j in group if i < j and articles[i] != articles[j]]
    for i, j in pairs:
        story.score(i, j)
    return pairs


def to_match(story: Story, i: int, j: int, kind: MatchKind) -> Match:
    score, values = story.scored[(i, j)]
    signals = tuple((name, round(v, 4)) for name, v in zip(SIGNALS, values, strict=True))
    return Match(story.keys[i], story.keys[j], round(score, 4), kind, signals)


def align(claims: Sequence[Sequence[Claim]], vectors: Sequence[np.ndarray]) -> Alignment:
    """Matches between claims of different articles and the groups (aligned rows) they form.

    `claims[i]` are article i's claims and `vectors[i]` their embeddings, one row per claim.
    """
    story = build_story(claims, vectors)
    candidates = blocking.candidate_pairs(story.articles, story.vectors, story.profiles)
    for i, j in candidates:
        story.score(i, j)
    ranking = Ranking({pair: scored[0] for pair, scored in story.scored.items()}, story.articles)
    score = lambda i, j: story.score(i, j)[0]  # noqa: E731
    groups = grouping.build_groups(sorted(same_pairs(story, ranking)), story.articles, score)
    groups = grouping.attach_consensus(groups, ranking, lambda i, j: consensus_ok(story, i, j))
    weak = sorted(standout_pairs(story, ranking))
    groups = grouping.build_groups(weak, story.articles, score, groups)
    same = {pair for group in groups for pair in row_pairs(story, group)}
    matches = [
        to_match(story, i, j, MatchKind.SAME if (i, j) in same else MatchKind.RELATED)
        for i, j in sorted(same.union(candidates))
        if (i, j) in same or worth_reporting(story, ranking, i, j)
    ]
    return Alignment(
        matches=tuple(matches),
        groups=tuple(tuple(story.keys[n] for n in group) for group in groups),
    )
