"""Quoted spans of a paragraph (curly “...” and straight "...") and who each is credited to.

A curly quote left open runs to the next opening mark or to the end of the paragraph (news
style for a quote that goes on in the next paragraph). Single quotes (‘...’) are not quotes
here: they mark titles and quotes inside quotes, and share a character with the apostrophe.
A quote of fewer than three words ("elite", "Putin’s chef") is a scare quote or a name,
and one whose words are all capitalised ("That ’70s Show") a title: not direct quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.textcore.claims.attribution import SPEAKER_WINDOW, quote_speaker
from newsdiff.textcore.types import Sentence

QUOTE = re.compile(r"“[^“”]*(?:”|(?=“)|$)|\"[^\"\n]*(?:\"|$)")
WORD = re.compile(r"[\w’'-]+")
MARKS = ' \u00a0,“”"'
MIN_DIRECT_WORDS = 3


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted span: `start`/`end` include the quotation marks and index the searched text."""

    text: str
    start: int
    end: int

    @property
    def words(self) -> str:
        """The quoted words without the marks and edge commas."""
        return self.text.strip(MARKS)

    @property
    def direct(self) -> bool:
        """Whether this reads as someone's words rather than a scare quote or a title."""
        words = WORD.findall(self.text)
        titled = all(not word[0].isalpha() or word[0].isupper() for word in words)
        return len(words) >= MIN_DIRECT_WORDS and not titled


def find_quotes(text: str, start: int = 0, end: int | None = None) -> tuple[Quote, ...]:
    """The quoted spans of `text[start:end]` (one paragraph), offsets into `text`."""
    end = len(text) if end is None else end
    return tuple(
        Quote(match.group(0), match.start(), match.end())
        for match in QUOTE.finditer(text, start, end)
        if match.group(0).strip(MARKS)
    )


class QuoteIndex:
    """A paragraph's quotes (in order, not overlapping) and what claims ask of them for each
    sentence, answered by binary search: which quotes overlap a span, whether an offset is
    inside one. Whether each quote is direct is worked out once."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = tuple(quotes)
        self.starts = [quote.start for quote in self.quotes]
        self.ends = [quote.end for quote in self.quotes]
        self.direct = {quote: quote.direct for quote in self.quotes}

    def overlapping(self, start: int, end: int) -> tuple[Quote, ...]:
        """The quotes that share a character with `[start, end)`, in order."""
        return self.quotes[bisect_right(self.ends, start) : bisect_left(self.starts, end)]

    def inside(self, offset: int) -> bool:
        """Whether `offset` is strictly inside a quote (after its start, before its end)."""
        index = bisect_left(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def quoted_words(text: str, quotes: tuple[Quote, ...], start: int, end: int) -> str | None:
    """The direct-quote words inside `text[start:end]`, joined, or None if there are none."""
    pieces = [
        text[max(quote.start, start) : min(quote.end, end)].strip(MARKS)
        for quote in quotes
        if quote.direct and quote.start < end and start < quote.end
    ]
    return " ".join(piece for piece in pieces if piece) or None


def speaker_phrase(
    text: str, quote: Quote, sentences: list[Sentence], starts: list[int] | None = None
) -> str | None:
    """Who the quote is credited to, as written next to it in its sentences, or None.

    Only SPEAKER_WINDOW characters each side of the quote are read. `starts` are the
    sentences' starts, when the caller keeps them (found by binary search)."""
    starts = [s.start for s in sentences] if starts is None else starts
    opening = _sentence_at(sentences, starts, quote.start)
    closing = _sentence_at(sentences, starts, max(quote.start, quote.end - 1))
    before = text[max(opening.start, quote.start - SPEAKER_WINDOW) : quote.start] if opening else ""
    after = text[quote.end : min(closing.end, quote.end + SPEAKER_WINDOW)] if closing else ""
    return quote_speaker(before, after)


def _sentence_at(sentences: list[Sentence], starts: list[int], position: int) -> Sentence | None:
    index = bisect_right(starts, position) - 1
    if index >= 0 and position < sentences[index].end:
        return sentences[index]
    return None
