"""Split an article's cleaned text into claims: one per sentence, with kind, speaker,
quoted words, figures and names.

Heading-like blocks are skipped. `kind` is "quote" when the sentence holds a direct quote,
"number" when it states a figure that is not a date, else "statement". A sentence that joins
two statements with ", adding that ..." or ", adding, “...”" becomes two claims (each part
at least five words), both credited to the same speaker, and so does a second reported
statement ("He confirmed that A and that B"). A figure broken down into parts
("50,000 personnel, including 10,000 contractors and 40,000 convicts") becomes one claim per
figure, so each part can meet the outlet that states it alone. Speakers are resolved in
reading order (see `speakers`), so pronouns and surnames become the names the article gives.

A "sentence" longer than MAX_SENTENCE_CHARS (a run of numbers, of capitalised words, one
enormous word: text with no sentence end for pages) is no statement: it is not a claim. It stays
in the article's text, where the reading view shows it and says it was not compared.
"""

from __future__ import annotations

import re
from itertools import islice

from newsdiff.textcore.claims.attribution import ADDING, VERB, sentence_speaker
from newsdiff.textcore.claims.markers import dateline_end, is_statement
from newsdiff.textcore.claims.names import find_names
from newsdiff.textcore.claims.quotes import (
    Quote,
    QuoteIndex,
    find_quotes,
    quoted_words,
    speaker_phrase,
)
from newsdiff.textcore.claims.segment import block_spans, is_heading, sentences_in
from newsdiff.textcore.claims.speakers import SpeakerBook
from newsdiff.textcore.figures.extract import DATE_UNITS, find_figures
from newsdiff.textcore.lexical import content_stems
from newsdiff.textcore.types import Claim, ClaimKind, Figure, Sentence

# Each cut starts at a comma or where a run of spaces starts ("(?<!\s)"), and takes its
# spaces possessively: tried from inside a run of spaces, "\s*" / "\s+" rescanned the rest
# of the run from each of its characters.
ADDING_SPLIT = re.compile(r"(?<=[,”\"])\s+adding(?:\s+that\s+|\s*[,:]\s*(?=[“\"]))")
AND_THAT = re.compile(r"(?:,|(?<!\s))\s++and\s+that\s+")
THAT = re.compile(r"\bthat\b")
# ", including" / " – including" after a figure, then ", and" / "and" before the next figure.
INCLUDING = re.compile(r"(?<!\s)\s*+(?:,|(?<=\s)[–—-])\s++(?=including\s)")
AND_NEXT = re.compile(r"(?:,|(?<!\s))\s++(?=and\s)")
WORD = re.compile(r"\w+")
MIN_PART_WORDS = 5
MIN_CONTENT_WORDS = 3  # a second reported statement needs this many content words
# A sentence is cut at most at one of its first MAX_CUTS candidate places, and a figure
# broken down into at most MAX_CUTS parts: more is no sentence of an article.
MAX_CUTS = 20
# The longest claim among the 14,838 of the ECB+ dev articles, the GUM news sentences, the Zyte
# pages and the seeds is 917 characters; a "sentence" of more is not one anybody wrote.
MAX_SENTENCE_CHARS = 2_000


def extract_claims(text: str) -> tuple[Claim, ...]:
    """The claims of an article's cleaned text, in order; `start`/`end` index `text`."""
    book = SpeakerBook(text)
    claims: list[Claim] = []
    for start, end in block_spans(text):
        if not is_heading(text[start:end]):
            claims.extend(_block_claims(text, dateline_end(text, start, end), end, book))
    return tuple(claim for claim in claims if is_statement(claim.text))


def _block_claims(text: str, start: int, end: int, book: SpeakerBook) -> list[Claim]:
    sentences = sentences_in(text, start, end)
    starts = [sentence.start for sentence in sentences]
    quotes = QuoteIndex(find_quotes(text, start, end))
    credited: dict[Quote, str | None] = {}
    claims: list[Claim] = []
    for sentence in sentences:
        if len(sentence.text) > MAX_SENTENCE_CHARS:
            continue
        speaker = _speaker(text, sentence, (sentences, starts, quotes), credited, book)
        for part_start, part_end in _parts(text, sentence, quotes):
            claims.append(_claim(text, part_start, part_end, quotes, speaker, book))
    return claims


def _speaker(
    text: str,
    sentence: Sentence,
    block: tuple[list[Sentence], list[int], QuoteIndex],
    credited: dict[Quote, str | None],
    book: SpeakerBook,
) -> str | None:
    """Who the sentence credits: its quote's speaker, its own attribution, or, for a
    sentence that opens with an unattributed quote, the speaker being followed."""
    sentences, starts, quotes = block
    book.notice_subject(sentence.text)
    overlapping = quotes.overlapping(sentence.start, sentence.end)
    direct = [quote for quote in overlapping if quotes.direct[quote]]
    for quote in direct:
        if quote not in credited:
            credited[quote] = _quote_speaker(text, quote, (sentences, starts), credited, book)
    speaker = next((credited[quote] for quote in direct if credited[quote]), None)
    if speaker is None:
        quoted = [_relative(quote, sentence) for quote in overlapping]
        speaker = book.resolve(sentence_speaker(sentence.text, quoted), sentence.start)
    if speaker is None and direct and direct[0].start <= sentence.start:
        speaker = book.last
    book.credit(speaker)
    return speaker


def _quote_speaker(
    text: str,
    quote: Quote,
    sentences: tuple[list[Sentence], list[int]],
    credited: dict[Quote, str | None],
    book: SpeakerBook,
) -> str | None:
    phrase = speaker_phrase(text, quote, *sentences)
    if phrase == ADDING:
        return next((s for s in reversed(credited.values()) if s), None)
    return book.resolve(phrase, quote.start)


def _parts(text: str, sentence: Sentence, quotes: QuoteIndex) -> list[tuple[int, int]]:
    """The sentence's claims: its halves around ", adding that" / ", adding, “" or a second
    reported "and that ...", each split again where it breaks a figure down into parts."""
    halves = _halves(text, sentence, quotes)
    return [piece for half in halves for piece in _breakdown(text, *half, quotes)]


def _halves(text: str, sentence: Sentence, quotes: QuoteIndex) -> list[tuple[int, int]]:
    """The sentence, or its two halves at the first cut that is outside quotes and leaves
    MIN_PART_WORDS words on each side; "and that" is a cut only after a speech verb or a
    "that" ("He confirmed that A and that B", "The White House said A and that B")."""
    reported_from = _reported_from(sentence.text)
    cuts = [*ADDING_SPLIT.finditer(sentence.text)]
    cuts += [m for m in AND_THAT.finditer(sentence.text) if m.start() >= reported_from]
    outside = [m for m in cuts if not quotes.inside(sentence.start + m.start())]
    for match in sorted(outside, key=lambda m: m.start())[:MAX_CUTS]:
        cut = sentence.start + match.start()
        first = (sentence.start, _rstrip_end(text, cut, ", "))
        second = (sentence.start + match.end(), sentence.end)
        parts = [text[slice(*part)] for part in (first, second)]
        if all(len(WORD.findall(part)) >= MIN_PART_WORDS for part in parts) and (
            match.re is not AND_THAT or all(_stands_alone(part) for part in parts)
        ):
            return [first, second]
    return [(sentence.start, sentence.end)]


def _stands_alone(part: str) -> bool:
    """Whether a reported statement says enough on its own ("it paid for the equipment"
    does not: it leans on the statement before it)."""
    return len(content_stems(part)) >= MIN_CONTENT_WORDS


def _breakdown(text: str, start: int, end: int, quotes: QuoteIndex) -> list[tuple[int, int]]:
    """The span, or its total and parts when it reads "<total>, including <part>" or
    "<total>, including <part> and <part>": each piece states a figure that is not a date,
    and no cut is inside a quote."""
    including = next(
        (m for m in INCLUDING.finditer(text, start, end) if not quotes.inside(m.start())),
        None,
    )
    if including is None:
        return [(start, end)]
    cuts = [(start, including.start())]
    tail_start = including.end()
    ands = (m for m in AND_NEXT.finditer(text, tail_start, end) if not quotes.inside(m.start()))
    for match in islice(ands, MAX_CUTS):
        before, after = text[tail_start : match.start()], text[match.end() : end]
        if _states_figure(before) and _states_figure(after):
            cuts.append((tail_start, match.start()))
            tail_start = match.end()
    cuts.append((tail_start, end))
    if not all(_states_figure(text[a:b]) for a, b in cuts):
        return [(start, end)]
    return cuts


def _states_figure(part: str) -> bool:
    return any(figure.unit not in DATE_UNITS for figure in find_figures(part))


def _reported_from(sentence: str) -> float:
    """Where the first "that" or speech verb of the sentence ends: an "and that" from there
    on follows a reported statement (inf when there is none)."""
    found = [match.end() for match in (THAT.search(sentence), VERB.search(sentence)) if match]
    return min(found, default=float("inf"))


def _rstrip_end(text: str, end: int, chars: str) -> int:
    """Where `text[:end].rstrip(chars)` ends, without slicing the text."""
    while end > 0 and text[end - 1] in chars:
        end -= 1
    return end


def _claim(
    text: str,
    start: int,
    end: int,
    quotes: QuoteIndex,
    speaker: str | None,
    book: SpeakerBook,
) -> Claim:
    part = text[start:end]
    quote = quoted_words(text, quotes.overlapping(start, end), start, end)
    figures = find_figures(part)
    names = find_names(part, full_name_of=lambda surname: book.full_name(surname, start))
    return Claim(part, start, end, _kind(quote, figures), speaker, quote, figures, names)


def _kind(quote: str | None, figures: tuple[Figure, ...]) -> ClaimKind:
    if quote:
        return ClaimKind.QUOTE
    if any(figure.unit not in DATE_UNITS for figure in figures):
        return ClaimKind.NUMBER
    return ClaimKind.STATEMENT


def _relative(quote: Quote, sentence: Sentence) -> tuple[int, int]:
    return quote.start - sentence.start, quote.end - sentence.start
