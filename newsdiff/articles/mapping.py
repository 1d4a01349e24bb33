"""The one place where text-core dataclasses become model rows and back."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import numpy as np

from newsdiff.articles.models import Article, Claim, ClaimGroup, Match, RemovedSpan, Story
from newsdiff.textcore import types as core
from newsdiff.textcore.differences import compare_claims

EMBEDDING_DTYPE = np.float32
EMBEDDING_SIZE = 384


def removed_rows(article: Article, cleaned: core.Cleaned) -> list[RemovedSpan]:
    return [
        RemovedSpan(article=article, position=n, text=span.text, reason=span.reason)
        for n, span in enumerate(cleaned.removed)
    ]


def block_rows(cleaned: core.Cleaned) -> list[list[str]]:
    """Every block of the input as [text, role, reason], for the reading view and corrections."""
    return [[block.text, str(block.role), block.reason] for block in cleaned.blocks]


def claim_rows(article: Article, claims: tuple[core.Claim, ...]) -> list[Claim]:
    return [
        Claim(
            article=article,
            position=n,
            text=claim.text,
            start=claim.start,
            end=claim.end,
            kind=str(claim.kind),
            speaker=claim.speaker or "",
            quote=claim.quote or "",
            figures=[asdict(figure) for figure in claim.figures],
            names=list(claim.names),
        )
        for n, claim in enumerate(claims)
    ]


def core_claim(row: Claim) -> core.Claim:
    return core.Claim(
        text=row.text,
        start=row.start,
        end=row.end,
        kind=core.ClaimKind(row.kind),
        speaker=row.speaker or None,
        quote=row.quote or None,
        figures=tuple(core.Figure(**figure) for figure in row.figures),
        names=tuple(row.names),
    )


def vector_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=EMBEDDING_DTYPE).tobytes()


def vector_from_bytes(data: bytes | memoryview | None) -> np.ndarray:
    if data is None:
        raise ValueError("the claim has no stored sentence vector")
    return np.frombuffer(bytes(data), dtype=EMBEDDING_DTYPE)


def match_rows(story: Story, rows: list[list[Claim]], alignment: core.Alignment) -> list[Match]:
    """The alignment's matches as stored (`rows` holds each article's claims in order)."""
    return [
        match_row(story, _claim_at(rows, m.a), _claim_at(rows, m.b), m) for m in alignment.matches
    ]


def match_row(story: Story, a: Claim, b: Claim, match: core.Match) -> Match:
    """A match as stored; a `same` match also keeps how the two wordings differ."""
    difference = None
    if match.kind == core.MatchKind.SAME:
        difference = compare_claims(core_claim(a), core_claim(b))
    return Match(
        story=story,
        a=a,
        b=b,
        score=round(match.score, 4),
        kind=str(match.kind),
        signals={name: round(value, 4) for name, value in match.signals},
        difference=difference.to_dict() if difference else {},
        summary=difference.summary()[:500] if difference else "",
    )


def group_rows(story: Story, alignment: core.Alignment) -> list[ClaimGroup]:
    return [ClaimGroup(story=story, position=n) for n in range(len(alignment.groups))]


def group_member_rows(
    groups: list[ClaimGroup], rows: list[list[Claim]], alignment: core.Alignment
) -> list[Any]:
    """Which stored claim is in which stored group (rows of the many-to-many table)."""
    through = ClaimGroup.claims.through
    return [
        through(claimgroup_id=group.pk, claim_id=_claim_at(rows, key).pk)
        for group, keys in zip(groups, alignment.groups, strict=True)
        for key in keys
    ]


def _claim_at(rows: list[list[Claim]], key: core.ClaimKey) -> Claim:
    return rows[key.article][key.claim]
