"""Split article text into blocks (paragraphs, lines that stand alone) and sentences.

Sentences come from syntok's segmenter run on each block with exact character offsets, then
four small repairs:
  - a ";" never ends a sentence;
  - a title abbreviation ("Rep.", "Gov.", "Lt.", "Const.") never ends one before a capitalised
    word;
  - a quote that closes on ".", "!" or "?" keeps a bare attribution that follows it
    ("“Go!” Kirby said.");
  - a picture credit ("Image: AP.") is cut off the caption before it.
Quotes of several sentences are split like any other text (each sentence is a claim).

Blocks: blank lines always separate; a single newline separates too, unless the next line
starts in lower case or the line before ends with a comma or hyphen (a hard-wrapped line).
Heading-like blocks ("Armories of Terror") are still returned as sentences; callers that
want only statements skip them with `is_heading`.
"""

from __future__ import annotations

import re

from syntok.segmenter import segment as syntok_segment
from syntok.tokenizer import Tokenizer

from newsdiff.textcore.types import Sentence

_TOKENIZER = Tokenizer(replace_not_contraction=False)

BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")
LINE_BREAK = re.compile(r"\n")
# A line that ends on one of these (spaces aside) carries on in the next one.
CONTINUES = frozenset(",-–(")
STARTS_LOWER = re.compile(r"\s*[a-z0-9]")
TITLE_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:Rep|Reps|Gov|Lt|Sgt|Ft|Pres|Atty|Sen|Sens|Col|Capt|Cmdr|Maj|Adm|Gen|Gens"
    r"|Rev|Hon|Supt|Insp|Det|Cpl|Pvt|Dr|Prof|Mr|Mrs|Ms|Mt|St|Const|Cst|Dep|Asst)\.$"
)
STARTS_UPPER = re.compile(r"[“\"‘']?[A-Z]")
# Spaced initials ("L. A. County", "the U. S. Geological Survey", "the D. A.'s release") are
# one name: syntok cuts after the first of them.
ENDS_WITH_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")
STARTS_WITH_INITIAL = re.compile(r"[A-Z]\.(?:\s|'|’|$)")
QUOTE_CLOSED = re.compile(r"[.!?][”\"’']$")
ATTRIBUTION_ONLY = re.compile(
    r"^(?!(?:He|She|They|It|We|I)\b)"
    r"(?:he|she|they|(?:[Tt]he\s+)?(?:[A-Z][\w’'.-]*\s+){1,5}|[Tt]he\s+(?:\w+\s+){1,3})"
    r"(?:said|says|added|asked|told\s+\w+|wrote|replied|shouted|insisted)"
    r"(?:\s+[\w.]+){0,3}\.$"
)
CREDIT_LABEL = re.compile(r"(?<=\S)\s+(?=(?:Image|Photo|Picture)(?: [Cc]redits?)?: )")
# A sentence ends on one of STOPS, maybe followed by closing marks (CLOSERS).
STOPS = frozenset(".!?…")
CLOSERS = "”\"’')]"
# How far back from a cut `_joins` looks: the longest title abbreviation or closing quote.
JOIN_LOOKBACK = 8
WORD = re.compile(r"\S+")
TITLE_WORD = re.compile(r"^[“\"‘(]?[A-Z0-9]")


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of `text`, stripped, in order; `text[s.start:s.end] == s.text`."""
    return [
        Sentence(text[start:end], start, end)
        for block_start, block_end in block_spans(text)
        for start, end in _sentences_in(text, block_start, block_end)
    ]


def sentences_in(text: str, start: int, end: int) -> list[Sentence]:
    """The sentences of one block `text[start:end]` (as given by `block_spans`)."""
    return [Sentence(text[s:e], s, e) for s, e in _sentences_in(text, start, end)]


def block_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stripped block: paragraphs, and lines that stand on their own."""
    spans = []
    for start, end in _paragraph_spans(text):
        spans.extend(_line_blocks(text, start, end))
    return [_strip(text, start, end) for start, end in spans if text[start:end].strip()]


def is_heading(paragraph: str) -> bool:
    """Whether a block reads as a heading: short, and no sentence-final punctuation."""
    stripped = paragraph.strip()
    if not stripped or ends_like_sentence(stripped) or stripped[-1] in ":;":
        return False
    words = WORD.findall(stripped)
    if len(words) <= 12:
        return True
    titled = sum(1 for word in words if TITLE_WORD.match(word))
    return len(words) <= 20 and titled >= 0.6 * len(words)


def ends_like_sentence(text: str) -> bool:
    """Whether `text` ends on sentence-final punctuation, maybe before closing marks.

    Read from the end (no pattern anchored at "$" searched over the whole text, which
    rescans a long run of dots or quotes from each of its characters)."""
    return bool(text) and (text[-1] in STOPS or text.rstrip(CLOSERS)[-1:] in STOPS)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    starts = [0, *(match.end() for match in BLANK_LINES.finditer(text))]
    ends = [*(match.start() for match in BLANK_LINES.finditer(text)), len(text)]
    return list(zip(starts, ends, strict=True))


def _line_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines of a paragraph, a line joined to the one before when that one carries on.

    Each break looks only at the line before it and the start of the next: the block being
    built is never sliced or searched again (that made many wrapped lines quadratic)."""
    blocks, block_start = [], start
    for match in LINE_BREAK.finditer(text, start, end):
        carries_on = _last_visible(text, block_start, match.start()) in CONTINUES
        if not (carries_on or STARTS_LOWER.match(text, match.end(), end)):
            blocks.append((block_start, match.start()))
            block_start = match.end()
    blocks.append((block_start, end))
    return blocks


def _last_visible(text: str, start: int, end: int) -> str:
    """The last character of `text[start:end]` that is not a space, or ""."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > start else ""


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())


def _sentences_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    # Tokenize the block alone and shift offsets: syntok pads the text with `offset` spaces,
    # which made long documents quadratic.
    tokens = _TOKENIZER.tokenize(text[start:end])
    spans = [
        (start + sentence[0].offset, start + sentence[-1].offset + len(sentence[-1].value))
        for sentence in syntok_segment(tokens)
    ]
    return [piece for span in _repair(text, spans) for piece in _split_credits(text, *span)]


def _repair(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    repaired: list[tuple[int, int]] = []
    for span in spans:
        if repaired and _joins(_tail(text, repaired[-1]), text[slice(*span)]):
            repaired[-1] = (repaired[-1][0], span[1])
        else:
            repaired.append(span)
    return repaired


def _split_credits(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a picture credit ("Image: Nick Moreau.") off the caption it follows."""
    cuts = [(match.start(), match.end()) for match in CREDIT_LABEL.finditer(text, start, end)]
    starts = [start, *(cut_end for _, cut_end in cuts)]
    ends = [*(cut_start for cut_start, _ in cuts), end]
    return list(zip(starts, ends, strict=True))


def _tail(text: str, span: tuple[int, int]) -> str:
    """The last JOIN_LOOKBACK characters of a sentence: all `_joins` needs of it (a sentence
    grown by many joins is not sliced whole again)."""
    start, end = span
    return text[max(start, end - JOIN_LOOKBACK) : end]


def _joins(before: str, after: str) -> bool:
    """Whether syntok's cut between two neighbouring sentences should be undone; `before`
    is the tail of the sentence before the cut."""
    if before.endswith(";"):
        return True
    if TITLE_ABBREVIATION.search(before) and STARTS_UPPER.match(after):
        return True
    if ENDS_WITH_INITIAL.search(before) and STARTS_WITH_INITIAL.match(after):
        return True
    return bool(QUOTE_CLOSED.search(before) and ATTRIBUTION_ONLY.match(after))
