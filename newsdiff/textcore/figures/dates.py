"""Dates and decades a text states, as figures of unit "date" and "decade".

A date's value is year * 10000 + month * 100 + day, with 0 for a part the text does not give:
"December 22, 2022" -> 20221222, "Dec. 22" -> 1222, "November 2022" -> 20221100,
"in 2014" -> 20140000, "mid-2023" -> 20230000. A bare number 1800-2099 without a comma is read
as a year; a year range gives both years ("2014-2016" and "2014–16" -> 2014 and 2016).
A decade's value is its first year: "the 1990s", "the mid-1990s" and "the ’90s" -> 1990.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from newsdiff.textcore.types import Figure

Spans = list[tuple[int, int]]


class SpanSet:
    """Character spans taken so far, kept merged and sorted: whether a new span overlaps one
    of them is a binary search, not a pass over all (a text of 20,000 years made that
    quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        if start >= end:
            return
        first = bisect_left(self.ends, start)  # spans ending at or after `start`
        last = bisect_right(self.starts, end)  # spans starting at or before `end`
        if first < last:
            start, end = min(start, self.starts[first]), max(end, self.ends[last - 1])
        self.starts[first:last] = [start]
        self.ends[first:last] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether `[start, end)` shares a character with a taken span."""
        index = bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start


DATE_UNITS = frozenset({"date", "decade"})

MONTHS = {name: number for number, names in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"],
    start=1) for name in names.split()}  # fmt: skip

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
# "mid-2023", "the early-1990s", and the second year of "2014-2016".
_AFTER_PREFIX = "|".join(
    rf"(?<=\b(?i:{word})-)" for word in ("mid", "early", "late", "pre", "post")
)
_AFTER_YEAR = r"(?<=\b1[89]\d\d[-–])|(?<=\b20\d\d[-–])"
DATES = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+(?P<year>\d{{4}})\b)?"),
    re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b"),
    re.compile(
        rf"(?:{_AFTER_PREFIX}|{_AFTER_YEAR}|(?<![\w$€£.,–-]))(?P<year>1[89]\d\d|20\d\d)"
        r"(?![\w%]|[.,]\d|\s*(?:%|per|thou|mil|bil))"
    ),
)
SHORT_YEAR = re.compile(r"(?<=\b1[89]\d\d[-–]|\b20\d\d[-–])\d\d(?![\w%]|[.,]\d)")
DECADE = re.compile(
    rf"(?:(?<=\s)|^|{_AFTER_PREFIX})(?:[’'‘](?P<short>\d0)|(?P<long>1[89]\d0|20\d0))s\b"
)


def find_dates(text: str, taken: Spans) -> list[Figure]:
    """The dates and decades of `text` that overlap no span of `taken`."""
    found: list[Figure] = []
    blocked, dated = SpanSet(taken), SpanSet(taken)
    for pattern in DATES:
        for match in pattern.finditer(text):
            if not dated.overlaps(*match.span()):
                found.append(_date(match))
                dated.add(*match.span())
    years = {f.start: int(f.value) // 10000 for f in found if f.text.isdigit()}
    for match in SHORT_YEAR.finditer(text):
        if first := years.get(match.start() - 5):
            year = first // 100 * 100 + int(match.group(0))
            year += 100 if year <= first else 0
            found.append(_year(match, year))
    return found + [
        Figure(m.group(0), _decade_value(m), "decade", start=m.start(), end=m.end())
        for m in DECADE.finditer(text)
        if not blocked.overlaps(*m.span())
    ]


def dates_agree(a: int, b: int) -> bool:
    """At least one part (year, month, day) stated by both, and no such part differs."""
    pairs = [(a // 10000, b // 10000), (a // 100 % 100, b // 100 % 100), (a % 100, b % 100)]
    both = [(x, y) for x, y in pairs if x and y]
    return bool(both) and all(x == y for x, y in both)


def _date(match: re.Match[str]) -> Figure:
    parts = match.groupdict()
    month = MONTHS.get((parts.get("month") or "").lower(), 0)
    value = int(parts.get("year") or 0) * 10000 + month * 100 + int(parts.get("day") or 0)
    return Figure(match.group(0), float(value), "date", start=match.start(), end=match.end())


def _year(match: re.Match[str], year: int) -> Figure:
    return Figure(match.group(0), year * 10000.0, "date", start=match.start(), end=match.end())


def _decade_value(match: re.Match[str]) -> float:
    if match.group("long"):
        return float(match.group("long"))
    short = int(match.group("short"))
    return float(short + (1900 if short >= 30 else 2000))
