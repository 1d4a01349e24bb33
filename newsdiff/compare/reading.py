"""The reading view of one article: every line of the input in place, claims marked in the body.

Body lines carry their claims as segments (shared or only here); removed lines keep their
reason, so an editor sees and can undo every cleaning decision. Body text outside any claim
that is longer than a sentence can be (`MAX_SENTENCE_CHARS`) is shown, marked as not compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdiff.articles.models import Article, Claim
from newsdiff.textcore.claims import MAX_SENTENCE_CHARS

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    claim: Claim | None = None
    shared: bool = False

    @property
    def too_long(self) -> bool:
        """Text outside any claim that is longer than a sentence can be: not compared."""
        return self.claim is None and len(self.text) > MAX_SENTENCE_CHARS


@dataclass(frozen=True, slots=True)
class Line:
    index: int
    role: str
    reason: str
    text: str
    segments: tuple[Segment, ...] = field(default=())


def reading_lines(article: Article, claims: list[Claim], shared: set[int]) -> list[Line]:
    """The article's lines in input order; body lines split into claim segments."""
    lines, offset = [], 0
    for index, (text, role, reason) in enumerate(article.blocks):
        stripped = text.strip()
        if not stripped:
            continue
        segments: tuple[Segment, ...] = ()
        if role == "body":
            start = article.text.find(stripped, offset)
            if start >= 0:
                segments = _segments(stripped, start, claims, shared)
                offset = start + len(stripped)
        lines.append(Line(index, role, reason, stripped, segments or (Segment(stripped),)))
    return lines


def _segments(text: str, start: int, claims: list[Claim], shared: set[int]) -> tuple[Segment, ...]:
    end = start + len(text)
    inside = [c for c in claims if c.start >= start and c.end <= end]
    segments, cursor = [], start
    for claim in inside:
        if claim.start > cursor:
            segments.append(Segment(text[cursor - start : claim.start - start]))
        segments.append(
            Segment(text[claim.start - start : claim.end - start], claim, claim.pk in shared)
        )
        cursor = claim.end
    if cursor < end:
        segments.append(Segment(text[cursor - start :]))
    return tuple(segments)
