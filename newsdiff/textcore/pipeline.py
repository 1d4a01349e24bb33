"""The text core's steps in order: clean an input, find its claims, align a story's claims."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from newsdiff.textcore.claims.extract import extract_claims
from newsdiff.textcore.clean.htmlpage import clean_html
from newsdiff.textcore.clean.text import clean_text
from newsdiff.textcore.match.align import align
from newsdiff.textcore.match.cross_encoder import get_cross_encoder
from newsdiff.textcore.match.embed import get_embedder
from newsdiff.textcore.types import Alignment, Claim, Cleaned


@dataclass(frozen=True, slots=True)
class ProcessedArticle:
    cleaned: Cleaned
    claims: tuple[Claim, ...]


def process_article(
    raw: str,
    *,
    fmt: str = "text",
    extra_boilerplate: Iterable[str] = frozenset(),
    keep_lines: Iterable[str] = frozenset(),
    title_line: str = "",
    editor_removed: Iterable[str] = frozenset(),
) -> ProcessedArticle:
    """Clean one article (plain text or an HTML page) and split its body into claims.

    `extra_boilerplate` lines are removed and `keep_lines` kept whatever the rules say (an
    outlet's learned lines and editors' corrections); `editor_removed` lines are removed as
    an editor's removals; `title_line` is the line an editor marked as the headline.
    """
    clean = clean_html if fmt == "html" else clean_text
    cleaned = clean(
        raw,
        extra_boilerplate=extra_boilerplate,
        keep_lines=keep_lines,
        title_line=title_line,
        editor_removed=editor_removed,
    )
    return ProcessedArticle(cleaned=cleaned, claims=extract_claims(cleaned.text))


_models_lock = threading.Lock()
_models_loaded = False


def load_models() -> None:
    """Load the embedder and the trained matcher side by side, once per process.

    A story's claims are embedded and then aligned, so both are needed. Each load is mostly one
    thread's work (reading and checking the file, optimising the graph): on 2 cores both took
    0.31-0.34 s side by side against 0.41-0.54 s one after the other.
    """
    global _models_loaded
    with _models_lock:
        if _models_loaded:
            return
        with ThreadPoolExecutor(2, thread_name_prefix="newsdiff-load") as pool:
            embedder, matcher = pool.submit(get_embedder), pool.submit(get_cross_encoder)
            embedder.result()
            matcher.result()
        _models_loaded = True


def embed_claims(claims: Sequence[Claim]) -> np.ndarray:
    """Sentence vectors of the claims, one row each, in order (the models load on first use)."""
    load_models()
    return get_embedder().encode([claim.text for claim in claims])


def align_articles(
    claims: Sequence[Sequence[Claim]], vectors: Sequence[np.ndarray] | None = None
) -> Alignment:
    """Match the claims of several articles; vectors are computed where not given."""
    if vectors is None:
        vectors = [embed_claims(article_claims) for article_claims in claims]
    return align(claims, vectors)
