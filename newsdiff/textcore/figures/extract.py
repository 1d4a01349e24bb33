"""Find the figures a text states and normalise them so that different wordings compare equal.

"50,000", "50k" and "fifty thousand" are all 50000; "$100 million per month" and "about
$100 million a month" are both 1e8 USD per month, with qualifiers "" and "about"; "$70-million"
and "70-million-dollar" are both 7e7 USD; "2 1/2 weeks" and "two and a half weeks" are 2.5 week.

Units (`Figure.unit`):
- "" a plain count ("50,000 fighters", "half a million people");
- currencies "USD" / "EUR" / "GBP" ("$", "dollars", "€", "euros", "£", "pounds"); "50 cents"
  is 0.5 USD and "80 pence" 0.8 GBP;
- "percent" ("5%", "5 per cent"), and shares of a whole written as fractions ("two-thirds",
  "a quarter of", "half the" -> 66.67, 25, 50 percent); "percentage point" and "basis point"
  are units of their own, never "percent";
- durations "year", "month", "week", "day", "hour", "minute", "second" ("six months",
  "a four-year sentence", "10-day"; "two decades" is 20 "year");
- measures, named as written and never converted into one another: "km", "mile",
  "nautical mile", "metre", "cm", "mm", "foot", "inch", "knot", "sq km", "sq mile",
  "sq metre", "hectare", "acre", "tonne" ("tons" too), "kg", "gram", "lb", "litre", "gallon",
  "barrel", "cubic metre", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "°C", "°F", "degree"
  (see `units`);
- "date" and "decade" (see `figuredates`: "Dec. 22" -> 1222, "in 2014" -> 20140000, "’90s"
  -> 1990).
`per` is a rate's period: "a month", "per year", "-a-year", "/month", "monthly", and "km/h"
and "mph" are "km" and "mile" per "hour".

Not figures: ordinals ("21st"), clock times ("3 p.m.", "15:11"), digits inside names
("19FortyFive", "F-16", "IE6"), numbers labelled by a capitalised word ("Resolution 2231",
"No. 2"), digits around a slash ("24/7", "9/11"), "one" / "a" on their own, and vague
multitudes ("tens of thousands", "hundreds of", "dozens of"): they state no value, and
reading them as 10,000 would make "tens of thousands" clash with a precise "50,000".
"""

from __future__ import annotations

import math
import re

from newsdiff.textcore.figures.dates import DATE_UNITS, SpanSet, dates_agree, find_dates
from newsdiff.textcore.figures.numwords import (
    DENOMINATORS,
    FRACTION,
    NUMBER_WORDS,
    NUMBER_WORDS_RE,
    parse_fraction,
    parse_number_words,
)
from newsdiff.textcore.figures.units import (
    CURRENCY_ONLY_SCALES,
    PERIODS,
    SCALES,
    UNIT_WORDS,
    currency_of,
    unit_of,
)
from newsdiff.textcore.types import Figure

__all__ = ["DATE_UNITS", "QUALIFIERS", "figures_agree", "find_figures"]

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
MIXED_FRACTIONS = {"1/2": 0.5, "½": 0.5, "1/4": 0.25, "¼": 0.25, "3/4": 0.75, "¾": 0.75}

_QUALIFIER = "|".join(sorted(QUALIFIERS, key=len, reverse=True)).replace(" ", r"\s+")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PERIOD = r"day|week|month|year|hour"

FIGURE = re.compile(
    rf"(?:(?P<qual>(?i:{_QUALIFIER}))\s+)?"
    r"(?P<cur>US\$|\$|€|£|(?:USD|EUR|GBP)\s?)?"
    rf"(?:(?<![\w.,/:-])(?P<digits>{_DIGITS})(?!\d|/\d)"
    r"(?:\s+(?P<mixed>[13]/[24])(?![\d/])|(?P<glyph>[½¼¾]))?"
    rf"|(?P<fraction>(?i:{FRACTION}))|\b(?P<words>(?i:{NUMBER_WORDS}))\b)"
    r"(?:[\s-]*(?P<scale>(?i:thousand|million|billion|trillion))\b|(?P<suffix>k|K|m|mn|bn|b|B)\b)?"
    rf"(?:[\s-]*(?P<unit>(?i:{UNIT_WORDS}))(?!\w))?(?![\w%])"
    rf"(?:[\s-]+(?:per|a|an|each|every)[\s-]+(?P<per>(?i:{_PERIOD}|annum))\b"
    r"|\s+(?P<adverb>daily|weekly|monthly|annually|yearly)\b"
    rf"|/(?P<slash>{_PERIOD})\b)?"
)
NOT_FIGURES = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.m\.|[ap]m\b|GMT\b|UTC\b)|\b\d{1,2}:\d{2}\b|\b\d+(?:st|nd|rd|th)\b"
)
# What may stand before the space in front of a label ("IE 11": "[\w,;:)] IE 11").
BEFORE_LABEL = re.compile(r"[\w,;:)]")
LABEL_SPACES = " \u00a0"
ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
ASCII_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
ANY_NUMBER = re.compile(rf"\d|{NUMBER_WORDS_RE.pattern}|{'|'.join(DENOMINATORS)}", re.I)
FIRST_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# A text states at most this many figures that are read (the first ones): more is no
# sentence ("1 1 1 ..." of 50,000 numbers), and each costs a pass of the unit rules.
MAX_FIGURES = 1_000
_MARKS = ("qual", "cur", "mixed", "glyph", "scale", "suffix", "unit", "per", "adverb", "slash")


def find_figures(text: str) -> tuple[Figure, ...]:
    """The figures stated in `text`, in order; `start`/`end` index `text`."""
    if not ANY_NUMBER.search(text):
        return ()
    not_figures = [(m.start(), m.end()) for m in NOT_FIGURES.finditer(text)]
    found = find_dates(text, not_figures)
    taken = SpanSet([*not_figures, *((figure.start, figure.end) for figure in found)])
    numbers = 0
    for match in FIGURE.finditer(text):
        figure = _figure(text, match)
        if figure and not taken.overlaps(figure.start, figure.end):
            found.append(figure)
            numbers += 1
            if numbers >= MAX_FIGURES:
                break
    return tuple(sorted(found, key=lambda figure: figure.start)[:MAX_FIGURES])


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
        return dates_agree(int(a.value), int(b.value))
    if math.isclose(a.value, b.value, rel_tol=0.01, abs_tol=1e-9):
        return True
    digits = min(_significant(a), _significant(b))
    return digits >= 2 and _round(a.value, digits) == _round(b.value, digits)


def _figure(text: str, match: re.Match[str]) -> Figure | None:
    parts = match.groupdict()
    value, unit = _value(parts)
    if value is None or _is_label(text, match, parts):
        return None
    currency = currency_of(parts["cur"] or "")
    if (parts["suffix"] or "").lower() in CURRENCY_ONLY_SCALES and not currency:
        return None
    named = unit_of(parts["unit"] or "")
    if not currency or named.name == currency:
        value *= named.factor
    unit = currency or named.name or unit
    per = named.per or PERIODS.get(
        (parts["per"] or parts["adverb"] or parts["slash"] or "").lower(), ""
    )
    qualifier = QUALIFIERS[" ".join(parts["qual"].lower().split())] if parts["qual"] else ""
    return Figure(match.group(0), value, unit, per, qualifier, match.start(), match.end())


def _value(parts: dict[str, str | None]) -> tuple[float | None, str]:
    """The number before any unit factor, and "percent" for a share written as a fraction."""
    if parts["fraction"]:
        share, is_count = parse_fraction(parts)
        return share, "" if is_count else "percent"
    if parts["digits"]:
        fraction = MIXED_FRACTIONS.get(parts["mixed"] or parts["glyph"] or "", 0.0)
        value: float | None = float(parts["digits"].replace(",", "")) + fraction
    else:
        value = parse_number_words(parts["words"] or "")
    scale = (parts["scale"] or parts["suffix"] or "").lower()
    return (value * SCALES[scale] if value is not None and scale else value), ""


def _is_label(text: str, match: re.Match[str], parts: dict[str, str | None]) -> bool:
    """A bare number right after a capitalised word names something ("IE 11", "Article 5")."""
    bare = parts["digits"] and "," not in parts["digits"] and not any(map(parts.get, _MARKS))
    return bool(bare and _label_before(text, match.start("digits")))


def _label_before(text: str, at: int) -> bool:
    """Whether a label word and one space end `text[:at]`: a capitalised word ("Article") or
    "No." after a word and one space, or an acronym ("IE") after a space or at the start.

    Read backwards over that word alone: a pattern searched from the start of the text
    rescanned it before each number (quadratic on "1 1 1 ...")."""
    if at < 1 or not text[at - 1].isspace():
        return False
    end = at - 1
    start = _run_start(text, end, ASCII_LETTERS)
    if start < end and text[start] in ASCII_CAPITALS and _after_word_and_space(text, start):
        return True
    if text[max(0, end - 3) : end] == "No." and _after_word_and_space(text, end - 3):
        return True
    capitals = _run_start(text, end, ASCII_CAPITALS)
    return end - capitals >= 2 and (capitals == 0 or text[capitals - 1].isspace())


def _run_start(text: str, end: int, letters: frozenset[str]) -> int:
    """Where the run of `letters` that ends at `end` starts."""
    start = end
    while start > 0 and text[start - 1] in letters:
        start -= 1
    return start


def _after_word_and_space(text: str, start: int) -> bool:
    if start < 2 or text[start - 1] not in LABEL_SPACES:
        return False
    return BEFORE_LABEL.match(text, start - 2) is not None


def _significant(figure: Figure) -> int:
    found = FIRST_DIGITS.search(figure.text)
    digits = found.group(0).replace(",", "") if found else str(int(figure.value))
    whole, _, fraction = digits.partition(".")
    return len((whole + fraction).lstrip("0")) if fraction else len(whole.strip("0"))


def _round(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))
