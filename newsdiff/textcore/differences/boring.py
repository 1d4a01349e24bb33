"""Whether a change between two versions of an article is "boring" (NewsDiffs' word): not worth a
new version because no reader would see a different article.

A change is boring when, once timestamp lines are set aside, both texts have the same words in
the same order: only whitespace, punctuation or the style of quotes and dashes differ. A
timestamp line is a short line made only of date and time words and numbers, with at least one
number and one word that marks a time ("Updated 10:42
a.m. ET, April 3, 2026", "Last updated at 04:46", "Published 5 minutes ago"). Case counts:
"police" -> "Police" is a change.
"""

from __future__ import annotations

import re

from newsdiff.textcore.differences.words import WORDY, tokenize
from newsdiff.textcore.lexical import word_set

MAX_TIMESTAMP_WORDS = 16
NUMBER = re.compile(r"\d+(?:st|nd|rd|th|am|pm|h)?")
TIME_WORDS = word_set(
    """
    updated update published posted modified edited first last revised at on in by of the and
    ago minute minutes hour hours day days week weeks month months year years today yesterday
    am pm a.m. p.m. a m p et est edt ct cst cdt pt pst pdt gmt utc bst cet cest ist jst aest
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec time date
    """
)
# Words that make a line of numbers and time words a timestamp rather than, say, a score.
TIME_MARKERS = word_set(
    """
    updated update published posted modified edited revised ago am pm a.m. p.m. gmt utc et
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)


def is_boring_change(old: str, new: str) -> bool:
    """Whether `new` differs from `old` only in whitespace, punctuation or timestamp lines."""
    return _words(old) == _words(new)


def is_timestamp_line(line: str) -> bool:
    """Whether the line only says when the article was published or updated."""
    words = _line_words(line)
    if not words or len(words) > MAX_TIMESTAMP_WORDS:
        return False
    has_marker = any(word.casefold() in TIME_MARKERS for word in words)
    has_number = any(word[0].isdigit() for word in words)
    return has_marker and has_number and all(_is_time_word(word) for word in words)


def _words(text: str) -> list[str]:
    """The words of every line that is not a timestamp, in order, case kept."""
    return [word for line in text.splitlines() if not is_timestamp_line(line)
            for word in _line_words(line)]  # fmt: skip


def _line_words(line: str) -> list[str]:
    tokens = tokenize(line)
    folded = line.translate({ord("’"): "'", ord("‘"): "'"})
    return [
        folded[start:end]
        for (start, end), key in zip(tokens.spans, tokens.keys, strict=True)
        if WORDY.search(key)
    ]


def _is_time_word(word: str) -> bool:
    return word.casefold() in TIME_WORDS or NUMBER.fullmatch(word.casefold()) is not None
