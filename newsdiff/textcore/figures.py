"""Find the figures a text states and normalise them so that different wordings compare equal.

"50,000", "50k" and "fifty thousand" are all 50000; "$100 million per month" and "about
$100 million a month" are both 1e8 USD per month, with qualifiers "" and "about".

Units: "" (a count), "USD"/"EUR"/"GBP", "percent", durations ("day", "week", "month",
"year", "hour": "six months" is 6 "month"), "decade" ("’90s" -> 1990) and "date".
A date's value is year * 10000 + month * 100 + day, with 0 for a part the text does not give:
"December 22, 2022" -> 20221222, "Dec. 22" -> 1222, "November 2022" -> 20221100,
"in 2014" -> 20140000. A bare number 1800-2099 without a comma is read as a year.
Not figures: ordinals ("21st"), clock times ("3 p.m.", "15:11"), digits inside names
("19FortyFive", "F-16", "IE6"), numbers labelled by a capitalised word ("Resolution 2231"),
and "one" / "a" on their own.
"""

from __future__ import annotations

import math
import re

from newsdiff.textcore.numwords import NUMBER_WORDS, NUMBER_WORDS_RE, parse_number_words
from newsdiff.textcore.types import Figure

DATE_UNITS = frozenset({"date", "decade"})
QUALIFIERS = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "nearly": "about",
    "almost": "about",
    "close to": "about",
    "an estimated": "about",
    "estimated": "about",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "no more than": "up to",
    "at most": "up to",
    "more than": "more than",
    "over": "more than",
    "just over": "more than",
    "well over": "more than",
    "upwards of": "more than",
    "at least": "at least",
    "no fewer than": "at least",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "just under": "less than",
}
CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "€": "EUR"}
CURRENCIES |= {"eur": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP"}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6}
SCALES |= {"billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12}
CURRENCY_ONLY_SCALES = frozenset({"m", "mn", "b"})
PERIODS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year"}
PERIODS |= {"yearly": "year"}
MONTHS = {name: number for number, names in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"],
    start=1) for name in names.split()}  # fmt: skip

_QUALIFIER = "|".join(sorted(QUALIFIERS, key=len, reverse=True)).replace(" ", r"\s+")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_PERIOD = r"day|week|month|year|hour"

FIGURE = re.compile(
    rf"(?:(?P<qual>(?i:{_QUALIFIER}))\s+)?"
    r"(?P<cur>US\$|\$|€|£|(?:USD|EUR|GBP)\s?)?"
    rf"(?:(?<![\w.,/:-])(?P<digits>{_DIGITS})(?![\d])|\b(?P<words>(?i:{NUMBER_WORDS}))\b)"
    r"(?:\s*(?P<scale>(?i:thousand|million|billion|trillion))\b|(?P<suffix>k|K|m|mn|bn|b|B)\b)?"
    r"(?P<pct>\s*%|\s+per\s*cent\b)?(?![\w%])"
    r"(?:\s+(?P<cur2>dollars|euros|pounds)\b)?"
    rf"(?:[\s-]+(?P<dur>(?:{_PERIOD})s?)\b)?"
    rf"(?:\s+(?:per|a|an|each|every)\s+(?P<per>{_PERIOD})\b|\s+(?P<per2>daily|weekly|monthly|annually|yearly)\b)?"
)
DATES = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+(?P<year>\d{{4}})\b)?"),
    re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b"),
    re.compile(
        r"(?<![\w$€£.,-])(?P<year>1[89]\d\d|20\d\d)(?![\w%]|[.,]\d|\s*(?:%|per|thou|mil|bil))"
    ),
)
DECADE = re.compile(r"(?:(?<=\s)|^)(?:[’'‘](?P<short>\d0)|(?P<long>1[89]\d0|20\d0))s\b")
NOT_FIGURES = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.m\.|[ap]m\b|GMT\b|UTC\b)|\b\d{1,2}:\d{2}\b|\b\d+(?:st|nd|rd|th)\b"
)
LABEL_BEFORE = re.compile(
    r"(?:(?:(?<=[\w,;:)] )|(?<=[\w,;:)]\u00a0))(?:[A-Z][A-Za-z]*|No\.)|(?<!\S)[A-Z]{2,})\s$"
)
ANY_NUMBER = re.compile(rf"\d|{NUMBER_WORDS_RE.pattern}", re.IGNORECASE)
FIRST_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def find_figures(text: str) -> tuple[Figure, ...]:
    """The figures stated in `text`, in order; `start`/`end` index `text`."""
    if not ANY_NUMBER.search(text):
        return ()
    taken = [(m.start(), m.end()) for m in NOT_FIGURES.finditer(text)]
    found = [*_dates(text, taken), *_decades(text, taken)]
    taken.extend((figure.start, figure.end) for figure in found)
    for match in FIGURE.finditer(text):
        figure = _figure(text, match)
        if figure and not _overlaps(taken, figure.start, figure.end):
            found.append(figure)
    return tuple(sorted(found, key=lambda figure: figure.start))


def figures_agree(a: Figure, b: Figure) -> bool:
    """Same unit and period, and values equal within rounding; qualifiers may differ.

    Values agree within 1%, or when they are equal once rounded to the significant digits of
    the less precise one if it gives at least two ("1.2 million" ~ "1,234,000", but
    "50,000" is not "54,000"). Dates agree when they state at least one part (year, month,
    day) in common and every part both give is equal ("2014" is not "Dec. 22").
    """
    if (a.unit, a.per) != (b.unit, b.per):
        return False
    if a.unit == "date":
        return _dates_agree(int(a.value), int(b.value))
    if math.isclose(a.value, b.value, rel_tol=0.01, abs_tol=1e-9):
        return True
    digits = min(_significant(a), _significant(b))
    return digits >= 2 and _round(a.value, digits) == _round(b.value, digits)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < taken_end and taken_start < end for taken_start, taken_end in taken)


def _dates(text: str, taken: list[tuple[int, int]]) -> list[Figure]:
    found: list[Figure] = []
    for pattern in DATES:
        for match in pattern.finditer(text):
            if not _overlaps(taken + [(f.start, f.end) for f in found], *match.span()):
                found.append(_date(match))
    return found


def _date(match: re.Match[str]) -> Figure:
    parts = match.groupdict()
    month = MONTHS.get((parts.get("month") or "").lower(), 0)
    value = int(parts.get("year") or 0) * 10000 + month * 100 + int(parts.get("day") or 0)
    return Figure(match.group(0), float(value), "date", start=match.start(), end=match.end())


def _decades(text: str, taken: list[tuple[int, int]]) -> list[Figure]:
    return [
        Figure(m.group(0), _decade_value(m), "decade", start=m.start(), end=m.end())
        for m in DECADE.finditer(text)
        if not _overlaps(taken, *m.span())
    ]


def _decade_value(match: re.Match[str]) -> float:
    if match.group("long"):
        return float(match.group("long"))
    short = int(match.group("short"))
    return float(short + (1900 if short >= 30 else 2000))


def _figure(text: str, match: re.Match[str]) -> Figure | None:
    parts = match.groupdict()
    value = _value(parts)
    if value is None or _is_label(text, match, parts):
        return None
    currency = CURRENCIES.get((parts["cur"] or parts["cur2"] or "").strip().lower(), "")
    suffix = (parts["suffix"] or "").lower()
    if suffix in CURRENCY_ONLY_SCALES and not currency:
        return None
    unit = currency or ("percent" if parts["pct"] else (parts["dur"] or "").rstrip("s"))
    per = parts["per"] or PERIODS.get((parts["per2"] or "").lower(), "")
    qualifier = QUALIFIERS[" ".join(parts["qual"].lower().split())] if parts["qual"] else ""
    return Figure(match.group(0), value, unit, per, qualifier, match.start(), match.end())


def _value(parts: dict[str, str | None]) -> float | None:
    if parts["digits"]:
        value: float | None = float(parts["digits"].replace(",", ""))
    else:
        value = parse_number_words(parts["words"] or "")
    scale = (parts["scale"] or parts["suffix"] or "").lower()
    return value * SCALES[scale] if value is not None and scale else value


def _is_label(text: str, match: re.Match[str], parts: dict[str, str | None]) -> bool:
    """A bare number right after a capitalised word names something ("IE 11", "Article 5")."""
    bare = (
        parts["digits"]
        and "," not in parts["digits"]
        and not any(
            parts[key] for key in ("qual", "cur", "scale", "suffix", "pct", "cur2", "dur", "per")
        )
    )
    return bool(bare and LABEL_BEFORE.search(text, 0, match.start("digits")))


def _significant(figure: Figure) -> int:
    found = FIRST_DIGITS.search(figure.text)
    digits = found.group(0).replace(",", "") if found else str(int(figure.value))
    whole, _, fraction = digits.partition(".")
    return len((whole + fraction).lstrip("0")) if fraction else len(whole.strip("0"))


def _round(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def _dates_agree(a: int, b: int) -> bool:
    """At least one part (year, month, day) stated by both, and no such part differs."""
    pairs = [(a // 10000, b // 10000), (a // 100 % 100, b // 100 % 100), (a % 100, b % 100)]
    both = [(x, y) for x, y in pairs if x and y]
    return bool(both) and all(x == y for x, y in both)
