"""How long, how large and how far a fetch may go, and what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How long, how large and how far a fetch may go (the defaults are what the app uses)."""

    connect_seconds: float = 5.0
    total_seconds: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    redirects: int = 5


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
