"""Quoted spans of a paragraph (curly “...” and straight "...") and who each is credited to.

A curly quote left open runs to the next opening mark or to the end of the paragraph (news
style for a quote that goes on in the next paragraph). Single quotes (‘...’) are not quotes
here: they mark titles and quotes inside quotes, and share a character with the apostrophe.
A quote of fewer than three words ("elite", "Putin’s chef") is a scare quote or a name,
and one whose words are all capitalised ("That ’70s Show") a title: not direct quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdiff.textcore.claims.attribution import quote_speaker
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
        for match in QUOTE.finditer(text[:end], start)
        if match.group(0).strip(MARKS)
    )


def quoted_words(text: str, quotes: tuple[Quote, ...], start: int, end: int) -> str | None:
    """The direct-quote words inside `text[start:end]`, joined, or None if there are none."""
    pieces = [
        text[max(quote.start, start) : min(quote.end, end)].strip(MARKS)
        for quote in quotes
        if quote.direct and quote.start < end and start < quote.end
    ]
    return " ".join(piece for piece in pieces if piece) or None


def speaker_phrase(text: str, quote: Quote, sentences: list[Sentence]) -> str | None:
    """Who the quote is credited to, as written next to it in its sentences, or None."""
    opening = _sentence_at(sentences, quote.start)
    closing = _sentence_at(sentences, max(quote.start, quote.end - 1))
    before = text[opening.start : quote.start] if opening else ""
    after = text[quote.end : closing.end] if closing else ""
    return quote_speaker(before, after)


def _sentence_at(sentences: list[Sentence], position: int) -> Sentence | None:
    return next((s for s in sentences if s.start <= position < s.end), None)
