"""How long, how large and how far a fetch may go, and what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdiff.articles.limits import (
    FETCH_CONNECT_SECONDS,
    FETCH_MAX_BYTES,
    FETCH_REDIRECTS,
    FETCH_TOTAL_SECONDS,
)


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How long, how large and how far a fetch may go (the defaults are what the app uses)."""

    connect_seconds: float = FETCH_CONNECT_SECONDS
    total_seconds: float = FETCH_TOTAL_SECONDS
    max_bytes: int = FETCH_MAX_BYTES
    redirects: int = FETCH_REDIRECTS


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A fetched page: `url` as asked for, `final_url` after redirects, `raw` decoded text."""

    url: str
    final_url: str
    raw: str
    fmt: str  # "html" or "text"
    content_type: str
    charset: str
    redirects: tuple[str, ...] = field(default=())
