"""Numbers written in words: "fifty thousand" -> 50000, "four dozen" -> 48, "a million" -> 1e6.

Halves: "two and a half" -> 2.5, "half a million" -> 500000. Fractions of a whole
("two-thirds", "a quarter of", "half the") are shares, read by `parse_fraction` as a percentage:
see FRACTION.
"""

from __future__ import annotations

import re

UNITS = {
    word: value
    for value, word in enumerate(
        str.split(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen"
            " fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
TENS = {
    word: 10 * value
    for value, word in enumerate(
        str.split("twenty thirty forty fifty sixty seventy eighty ninety"), start=2
    )
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SMALL_SCALES = {"hundred": 100, "dozen": 12}
DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6}
DENOMINATORS |= {"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, *SMALL_SCALES], key=len, reverse=True))
_SCALE = "|".join([*SCALES, *SMALL_SCALES])
_SEP = r"(?:\s+|-)"
_AND_A_HALF = rf"{_SEP}and{_SEP}a{_SEP}half(?:{_SEP}(?:{'|'.join(SCALES)}))?"
NUMBER_WORDS = (
    rf"(?:(?:(?:half{_SEP})?an?\s+(?=(?:{_SCALE})\b))?"
    rf"(?:{_WORD})(?:{_SEP}(?:and\s+)?(?:{_WORD}))*(?:{_AND_A_HALF})?)"
)
NUMBER_WORDS_RE = re.compile(rf"\b{NUMBER_WORDS}\b", re.IGNORECASE)
SPLIT = re.compile(r"[\s-]+")
HALVES = re.compile(r"\band[\s-]+a[\s-]+half\b|^half[\s-]+an?\b")

_PLURAL = "|".join(f"{word}s" for word in DENOMINATORS if word != "half")
_SINGULAR = "|".join(DENOMINATORS)
NOT_BEFORE_HALF = ("a", "the", "first", "second", "latter", "former", "other", "back", "front")
_NOT_BEFORE_HALF = "".join(rf"(?<!\b{word}\s)" for word in NOT_BEFORE_HALF)
# A share of a whole: "two-thirds", "three quarters", "a third of", "one-fifth of", "half of",
# "half the"; and "a quarter of a million" (250000). Singular fractions need "of" (not "a
# third time", "a quarter-final"), "half" also not after "the", "first", "second"... (not "the
# second half of"), and none is "of a" anything but a scale (not "a quarter of a century").
FRACTION = (
    r"(?:\b(?:(?P<numerator>two|three|four|five|six|seven|eight|nine)[\s-]+"
    rf"(?P<plural>{_PLURAL})"
    rf"|(?:a|one)[\s-]+(?P<singular>{_SINGULAR})(?=\s+of\b)"
    rf"|(?=half\s)(?<![\w-]){_NOT_BEFORE_HALF}(?P<half>half)(?=\s+(?:of|the)\b)"
    r"(?!\s+of\s+(?:1[89]|20)\d\d\b))"
    rf"(?:\s+of\s+an?\s+(?P<of_scale>{'|'.join(SCALES)})\b)?(?!\s+of\s+an?\b))"
)


def parse_number_words(phrase: str) -> float | None:
    """The value of a number in words, or None when it states none.

    None for "one" / "a" alone, a lone article, and a scale word without a count ("several
    thousand", "a few hundred" are vague).
    """
    phrase = HALVES.sub(lambda m: " +half " if m.group(0)[0] in "aA" else "half", phrase.lower())
    words = [word for word in SPLIT.split(phrase) if word and word != "and"]
    if not words or words in (["one"], ["a"], ["an"]) or words[-1] in ("a", "an"):
        return None
    if len(words) == 1 and (words[0] in SCALES or words[0] in SMALL_SCALES):
        return None
    total, current = 0.0, 0.0
    for word in words:
        total, current = _step(word, total, current)
    return total + current


def parse_fraction(parts: dict[str, str | None]) -> tuple[float, bool]:
    """A FRACTION match's value: a percentage, or a count when it is "of a million" etc.

    Returns (value, is_count): "two-thirds" -> (66.67, False); "a quarter of a million" ->
    (250000, True).
    """
    numerator = UNITS[parts["numerator"].lower()] if parts["numerator"] else 1
    denominator = (parts["plural"] or "").lower().removesuffix("s")
    denominator = denominator or (parts["singular"] or parts["half"] or "").lower()
    share = numerator / DENOMINATORS[denominator]
    if parts["of_scale"]:
        return share * SCALES[parts["of_scale"].lower()], True
    return share * 100, False


def _step(word: str, total: float, current: float) -> tuple[float, float]:
    if word in ("a", "an"):
        return total, current + 1
    if word == "+half":
        return total, current + 0.5
    if word == "half":
        return total, 0.5
    if word in UNITS or word in TENS:
        return total, current + UNITS.get(word, TENS.get(word, 0))
    if word in SMALL_SCALES:
        return total, (current or 1) * SMALL_SCALES[word]
    return total + (current or 1) * SCALES[word], 0.0
