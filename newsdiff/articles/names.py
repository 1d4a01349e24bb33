"""Names and titles as they are stored and shown: no invisible characters, spaces collapsed.

Bidirectional controls (U+202E turns the rest of a line around) and zero-width characters
(U+200B makes "Reu\u200bters" another outlet than "Reuters") are removed from outlet names and
titles before they are stored or compared.
"""

from __future__ import annotations

import re

# Zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates, word joiner
# and invisible operators, the byte-order mark, the soft hyphen and the Mongolian separator.
INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def visible(text: str, limit: int | None = None) -> str:
    """`text` without invisible characters, its spaces collapsed, cut to `limit` characters."""
    cleaned = " ".join(INVISIBLE.sub("", text).split())
    return cleaned[:limit] if limit is not None else cleaned
