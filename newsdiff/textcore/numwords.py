"""Numbers written in words: "fifty thousand" -> 50000, "four dozen" -> 48, "a million" -> 1e6."""

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

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, *SMALL_SCALES], key=len, reverse=True))
_SCALE = "|".join([*SCALES, *SMALL_SCALES])
NUMBER_WORDS = rf"(?:(?:an?\s+(?=(?:{_SCALE})\b))?(?:{_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{_WORD}))*)"
NUMBER_WORDS_RE = re.compile(rf"\b{NUMBER_WORDS}\b", re.IGNORECASE)
SPLIT = re.compile(r"[\s-]+")


def parse_number_words(phrase: str) -> float | None:
    """The value of a number in words, or None for "one" / "a" alone or a lone article."""
    words = [word for word in SPLIT.split(phrase.lower()) if word and word != "and"]
    if not words or words in (["one"], ["a"], ["an"]) or words[-1] in ("a", "an"):
        return None
    total, current = 0.0, 0.0
    for word in words:
        total, current = _step(word, total, current)
    return total + current


def _step(word: str, total: float, current: float) -> tuple[float, float]:
    if word in ("a", "an"):
        return total, current + 1
    if word in UNITS or word in TENS:
        return total, current + UNITS.get(word, TENS.get(word, 0))
    if word in SMALL_SCALES:
        return total, (current or 1) * SMALL_SCALES[word]
    return total + (current or 1) * SCALES[word], 0.0
