"""Copies of one text are aligned once and spread to every copy."""

from __future__ import annotations

from newsdiff.articles.copies import align_copies_once, representatives
from newsdiff.textcore.types import Alignment, ClaimKey, Match, MatchKind


def test_representatives_are_the_first_of_each_text() -> None:
    assert representatives(["a", "b", "a", "c", "b"]) == ([0, 1, 3], {0: [2], 1: [4], 3: []})


def test_the_alignment_of_representatives_spreads_to_their_copies() -> None:
    # Articles 0 and 2 are one wire text (2 claims); article 1 is a rewrite (1 claim).
    hashes, counts = ["wire", "rewrite", "wire"], [2, 1, 2]
    asked: list[list[int]] = []

    def align(reps: list[int]) -> Alignment:
        asked.append(reps)
        match = Match(ClaimKey(0, 1), ClaimKey(1, 0), 0.9, MatchKind.SAME)
        return Alignment(matches=(match,), groups=((ClaimKey(0, 1), ClaimKey(1, 0)),))

    found = align_copies_once(hashes, counts, align)
    assert asked == [[0, 1]]  # the copy is not aligned again
    pairs = {(m.a.article, m.a.claim, m.b.article, m.b.claim, m.score) for m in found.matches}
    assert pairs == {
        (0, 1, 1, 0, 0.9),
        (2, 1, 1, 0, 0.9),
        (0, 0, 2, 0, 1.0),
        (0, 1, 2, 1, 1.0),
    }
    groups = {frozenset((k.article, k.claim) for k in group) for group in found.groups}
    assert groups == {
        frozenset({(0, 1), (2, 1), (1, 0)}),  # the shared statement, in every copy
        frozenset({(0, 0), (2, 0)}),  # only the wire text says it: one row of its copies
    }


def test_without_copies_the_alignment_is_unchanged() -> None:
    match = Match(ClaimKey(0, 0), ClaimKey(1, 0), 0.8, MatchKind.RELATED)
    alignment = Alignment(matches=(match,), groups=())
    assert align_copies_once(["a", "b"], [1, 1], lambda reps: alignment) == alignment
