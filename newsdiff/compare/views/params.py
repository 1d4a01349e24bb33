"""Reading ids from query parameters and URLs, strictly: ASCII digits, at most 18 of them.

Anything else ("²", which `str.isdigit` accepts; 5,000 digits, more than a database integer
holds) is no id: the page shows its default view, and a URL with one is not found.
"""

from __future__ import annotations

import re

ID = re.compile(r"[0-9]{1,18}")


def int_or_none(value: str | None) -> int | None:
    """The id `value` spells, or None."""
    return int(value) if value and ID.fullmatch(value) else None


def ids_in(value: str | None) -> set[int]:
    """The ids of a comma-separated list ("3,7"); parts that are no id are left out."""
    ids = (int_or_none(part.strip()) for part in (value or "").split(","))
    return {id_ for id_ in ids if id_ is not None}


class IdConverter:
    """The `<id:name>` URL part: an id as `int_or_none` reads it (else the URL is not found)."""

    regex = ID.pattern

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
