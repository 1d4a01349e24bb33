"""Find the figures a text states and normalise them so that different wordings compare equal.

"50,000", "50k" and "fifty thousand" are all 50000; "$100 million per month" and "about
$100 million a month" are both 1e8 USD per month, with qualifiers "" and "about"; "$70-million"
and "70-million-dollar" are both 7e7 USD; "2 1/2 weeks", "2-1/2 weeks" and "two and a half weeks"
are 2.5 week.

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

Each figure also says what it counts (`counted`, see `counted`): "24 dead", "three shells",
"magnitude 6.1", "age of Larson"; and `same_quantity` says whether two figures state the same
quantity: the same dimension once units convert ("30 miles" and "48 km"; "120 mph" and
"193 km/h"; square feet and square metres; °F and °C) and the same thing counted ("24 dead"
is not "at least 50 injured", "three shells" is not "three entrances").

Not figures: ordinals ("21st"), clock times ("3 p.m.", "15:11", "0737 GMT", "7.37am"), digits
inside names ("19FortyFive", "F-16", "IE6"), numbers labelled by a capitalised word
("Resolution 2231", "No. 2"), digits around a slash ("24/7", "9/11"), "one" / "a" on their
own, and vague
multitudes ("tens of thousands", "hundreds of", "dozens of"): they state no value, and
reading them as 10,000 would make "tens of thousands" clash with a precise "50,000".
"""

from __future__ import annotations

import math
import re

from newsdiff.textcore.figures.counted import AGE, FATES, MAGNITUDE, PEOPLE, counted_of
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
    in_base,
    unit_of,
)
from newsdiff.textcore.types import Figure

__all__ = ["DATE_UNITS", "QUALIFIERS", "figures_agree", "find_figures", "same_quantity"]

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
    r"(?:(?:\s+|-)(?P<mixed>[13]/[24])(?![\d/])|(?P<glyph>[½¼¾]))?"
    rf"|(?P<fraction>(?i:{FRACTION}))|\b(?P<words>(?i:{NUMBER_WORDS}))\b)"
    r"(?:[\s-]*(?P<scale>(?i:thousand|million|billion|trillion))\b|(?P<suffix>k|K|m|mn|bn|b|B)\b)?"
    rf"(?:[\s-]*(?P<unit>(?i:{UNIT_WORDS}))(?!\w))?(?![\w%])"
    rf"(?:[\s-]+(?:per|a|an|each|every)[\s-]+(?P<per>(?i:{_PERIOD}|annum))\b"
    r"|\s+(?P<adverb>daily|weekly|monthly|annually|yearly)\b"
    rf"|/(?P<slash>{_PERIOD})\b)?"
)
NOT_FIGURES = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.m\.|[ap]m\b|GMT\b|UTC\b)|\b\d{1,2}:\d{2}\b|\b\d+(?:st|nd|rd|th)\b"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s?[ap]\.\s[mM]\.|\b\d{1,2}\.\d{2}\s?(?:[ap]\.m\.|[ap]m\b)"
    r"|\b[0-2]\d[0-5]\d\s?(?:GMT|UTC|[ECMP][SD]T|HKT|BST|CET)\b"
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


def same_quantity(a: Figure, b: Figure) -> bool:
    """Whether two figures state the same quantity, so that different values of them
    disagree: the same dimension and period once units convert ("30 miles" and "48 km",
    "120 mph" and "193 km/h"), dates with dates, and the same thing counted ("24 dead" is
    not "50 injured", "three shells" not "three entrances"; the "48" of "Larson, 48," is
    not the "48" of "Steinberg, 48,", but an age of no one named is the age of either)."""
    return _same_dimension(a, b) and (a.unit in DATE_UNITS or _same_counted(a.counted, b.counted))


def figures_agree(a: Figure, b: Figure) -> bool:
    """Figures that can state the same thing: of one dimension, counting things that can be
    the same, with values that can both be true.

    What they count may be the same thing when `same_quantity` says so, when one says
    nothing ("10,000 of them" and "10,000 contractors") or when one counts people and the
    other a fate ("two men" and "two injured"); never two different things ("three shells"
    and "three entrances", "24 dead" and "24 injured").
    Values agree within 1%, or when they are equal once rounded to the significant digits of
    the less precise one if it gives at least two ("1.2 million" ~ "1,234,000", but
    "50,000" is not "54,000"); in different units, within CONVERTED_TOLERANCE once converted
    ("48 km" ~ "30 miles", a writer rounds the conversion). A qualifier makes a range
    (`QUALIFIER_RANGES`): "at least 50" agrees with "52", "more than 100 mph" with "120 mph",
    but "up to 100 mph" not with "up to 120 mph" (same qualifier: the values must agree).
    Dates agree when they state at least one part (year, month, day) in common and every
    part both give is equal ("2014" is not "Dec. 22").
    """
    if not _same_dimension(a, b):
        return False
    if a.unit in DATE_UNITS:
        return a.unit == b.unit and dates_agree(int(a.value), int(b.value))
    if not _may_count_the_same(a.counted, b.counted):
        return False
    converted = a.unit != b.unit
    value_a, value_b = a.value, b.value
    if converted:
        value_a, value_b = in_base(a.unit, a.per, a.value)[2], in_base(b.unit, b.per, b.value)[2]
    if a.qualifier != b.qualifier and _ranges_meet(a, value_a, b, value_b, converted):
        return True
    if converted:
        return _converted_close(in_base(a.unit, "", 0)[0], value_a, value_b)
    if math.isclose(a.value, b.value, rel_tol=0.01, abs_tol=1e-9):
        return True
    digits = min(_significant(a), _significant(b))
    return digits >= 2 and _round(a.value, digits) == _round(b.value, digits)


def _same_dimension(a: Figure, b: Figure) -> bool:
    if a.unit == b.unit:  # the usual case, and the matcher asks for every pair of claims
        return a.per == b.per
    return in_base(a.unit, a.per, 0)[:2] == in_base(b.unit, b.per, 0)[:2]


# What a qualified value may stand for, as factors of it: "up to 50" is 33 to 50.
QUALIFIER_RANGES = {
    "": (1.0, 1.0),
    "about": (0.95, 1.05),
    "up to": (2 / 3, 1.0),
    "less than": (2 / 3, 1.0),
    "more than": (1.0, 1.5),
    "at least": (1.0, 1.5),
}
CONVERTED_TOLERANCE = 0.04
TEMPERATURE_TOLERANCE = 1.0  # °C


def _ranges_meet(a: Figure, value_a: float, b: Figure, value_b: float, converted: bool) -> bool:
    low_a, high_a = _range(a.qualifier, value_a)
    low_b, high_b = _range(b.qualifier, value_b)
    slack = 1 + (CONVERTED_TOLERANCE if converted else 0.005)
    return low_a <= high_b * slack and low_b <= high_a * slack


def _range(qualifier: str, value: float) -> tuple[float, float]:
    low, high = QUALIFIER_RANGES.get(qualifier, (1.0, 1.0))
    return min(value * low, value * high), max(value * low, value * high)


def _converted_close(base: str, a: float, b: float) -> bool:
    if base == "°C":
        return abs(a - b) <= TEMPERATURE_TOLERANCE
    return math.isclose(a, b, rel_tol=CONVERTED_TOLERANCE)


def _same_counted(a: str, b: str) -> bool:
    """Equal things counted, or ages of whom one names no one."""
    if a == b:
        return True
    thing_a, _, whose_a = a.partition(" of ")
    thing_b, _, whose_b = b.partition(" of ")
    return thing_a == thing_b == AGE and not (whose_a and whose_b)


def _may_count_the_same(a: str, b: str) -> bool:
    """`_same_counted`, or one says nothing and the other counts (not an age or a magnitude:
    a bare "50" is not "a 50-year-old"), or people and a fate."""
    if _same_counted(a, b):
        return True
    if not a or not b:
        return (a or b).partition(" of ")[0] not in (AGE, MAGNITUDE)
    return PEOPLE in (a, b) and bool({a, b} & FATES)


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
    counted, unit = counted_of(text, match.start(), match.end(), unit)
    return Figure(match.group(0), value, unit, per, qualifier, match.start(), match.end(), counted)


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
