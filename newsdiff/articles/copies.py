"""Copies of one text (wire copy) are aligned as one text, and every copy shows in the rows.

A story's articles with the same cleaned text have the same claims. Only the first of each
text (its representative) is aligned; the alignment is then spread to the copies: each match
and group of a representative holds its copies' claims too, each claim of a copied text is a
`same` match (score 1) with the copy's claim, and a claim the other texts do not share is a
row of its copies.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsdiff.textcore.types import Alignment, ClaimKey, Match, MatchKind

SAME_TEXT_SIGNAL = "same text"


def representatives(
    hashes: Sequence[str], claim_counts: Sequence[int] | None = None
) -> tuple[list[int], dict[int, list[int]]]:
    """The first article of each text (indices, in order), and each one's copies. Articles
    count as copies only with as many claims (they always have: one text, one split)."""
    counts = claim_counts or [0] * len(hashes)
    first: dict[tuple[str, int], int] = {}
    copies: dict[int, list[int]] = {}
    for index, text in enumerate(zip(hashes, counts, strict=True)):
        if text in first:
            copies[first[text]].append(index)
        else:
            first[text] = index
            copies[index] = []
    return list(first.values()), copies


def align_copies_once(
    hashes: Sequence[str],
    claim_counts: Sequence[int],
    align: Callable[[list[int]], Alignment],
) -> Alignment:
    """Align the representatives only (`align` takes their indices and returns an alignment
    whose article keys index that list), then spread it over the copies."""
    reps, copies = representatives(hashes, claim_counts)
    found = align(reps)
    matches: list[Match] = []
    for match in found.matches:
        a, b = reps[match.a.article], reps[match.b.article]
        for x in (a, *copies[a]):
            for y in (b, *copies[b]):
                matches.append(_moved(match, x, y))
    groups: list[tuple[ClaimKey, ...]] = []
    grouped: set[tuple[int, int]] = set()
    for group in found.groups:
        keys = [
            ClaimKey(x, key.claim) for key in group for x in _with_copies(reps[key.article], copies)
        ]
        grouped.update((reps[key.article], key.claim) for key in group)
        groups.append(tuple(keys))
    for rep in reps:
        for claim in range(claim_counts[rep]) if copies[rep] else ():
            matches.extend(_same_text(rep, copy, claim) for copy in copies[rep])
            if (rep, claim) not in grouped:
                groups.append(tuple(ClaimKey(x, claim) for x in (rep, *copies[rep])))
    return Alignment(matches=tuple(matches), groups=tuple(groups))


def _with_copies(rep: int, copies: dict[int, list[int]]) -> tuple[int, ...]:
    return (rep, *copies[rep])


def _moved(match: Match, a: int, b: int) -> Match:
    return Match(
        ClaimKey(a, match.a.claim),
        ClaimKey(b, match.b.claim),
        match.score,
        match.kind,
        match.signals,
    )


def _same_text(rep: int, copy: int, claim: int) -> Match:
    return Match(
        ClaimKey(rep, claim), ClaimKey(copy, claim), 1.0, MatchKind.SAME, ((SAME_TEXT_SIGNAL, 1.0),)
    )
