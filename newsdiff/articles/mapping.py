"""The one place where text-core dataclasses become model rows and back."""

from __future__ import annotations

from dataclasses import asdict

import numpy as np

from newsdiff.articles.models import Article, Claim, RemovedSpan
from newsdiff.textcore import types as core

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


def vector_from_bytes(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=EMBEDDING_DTYPE)
