"""Where the article stands on a whole page: the densest run of long, sentence-like lines.

Text copied from a whole page starts with a menu and ends with a footer, related links and
comments. The article is the run of lines with the highest total score, where a line that
reads like a sentence earns its words and a short, unpunctuated or link-like line costs a
little (the maximum-sum run, as in Finn's Body Text Extraction). Short sentences and a list
of one shape (tour dates, results) right after the run are taken in. A page without a strong
run (a short note, a list) has no zone, and cleaning then leaves its position alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.textcore.clean import layout, rules
from newsdiff.textcore.clean.features import (
    Line,
    capital_share,
    ends_sentence,
    is_teaser_excerpt,
    removed,
    starts_like_headline,
)
from newsdiff.textcore.types import Reason, Role


@dataclass(frozen=True, slots=True)
class Zone:
    """The article's lines are `lines[start:end]`; `score` is the run's total."""

    start: int
    end: int
    score: float


def article_zone(lines: Sequence[Line]) -> Zone | None:
    """The best run of lines, grown over short sentences at its end; None if it is weak."""
    best = _best_run([line_score(line) for line in lines])
    if best is None or best.score < layout.ZONE_MIN_SCORE:
        return None
    end, grown = best.end, -1
    while grown != end:
        grown = end
        while end < len(lines) and _continues_article(lines[end]):
            end += 1
        end = list_end(lines, end)
    return Zone(best.start, end, best.score)


def line_score(line: Line) -> float:
    """What a line adds to a run: its words if it reads like a sentence, else a small cost."""
    if line.role is Role.TITLE:
        return 0.0
    if not line.undecided:
        return -layout.ZONE_JUNK_COST
    if is_teaser_excerpt(line) or _link_like(line):
        return -layout.ZONE_LINK_COST
    if ends_sentence(line.text):
        return line.words - layout.ZONE_SENTENCE_COST
    if line.words >= layout.ZONE_LONG_LINE_WORDS:
        return line.words / 2 - layout.ZONE_SENTENCE_COST
    return -layout.ZONE_SHORT_COST


def _link_like(line: Line) -> bool:
    """A Title Case line without a sentence end (a menu entry, a headline of another page), or
    a headline run followed by its teaser."""
    if starts_like_headline(line):
        return True
    title_case = capital_share(line.text) >= rules.SITE_LINE_CAPITALS
    return title_case and not ends_sentence(line.text) and line.words >= 2


def _continues_article(line: Line) -> bool:
    return line.undecided and ends_sentence(line.text) and not _link_like(line)


def list_end(lines: Sequence[Line], end: int) -> int:
    """Where a list that follows the zone ends (tour dates, results): at least LIST_MIN_ITEMS
    lines of one shape with figures or separators, at most LIST_MAX_GAP lines after `end`."""
    for start in range(end, min(end + layout.LIST_MAX_GAP + 1, len(lines))):
        shape = list_shape(lines[start])
        if shape is None:
            continue
        stop = start
        while stop < len(lines) and list_shape(lines[stop]) == shape:
            stop += 1
        if stop - start >= layout.LIST_MIN_ITEMS:
            return stop
    return end


def list_shape(line: Line) -> tuple[str, str] | None:
    """How a list item looks: what it starts with and its first separator ("June 9 -- Arena");
    None for a line with neither separators nor figures, or one already decided."""
    text = line.text
    if not line.undecided or not text:
        return None
    separator = layout.LIST_SEPARATOR.search(text)
    if separator is None and not any(char.isdigit() for char in text):
        return None
    lead = text[0]
    kind = "9" if lead.isdigit() else "A" if lead.isupper() else "a" if lead.isalpha() else lead
    return kind, separator[0].strip() if separator else ""


def _best_run(scores: Sequence[float]) -> Zone | None:
    """The run with the highest total (Kadane); None when no line scores above zero."""
    best: Zone | None = None
    start, total = 0, 0.0
    for index, score in enumerate(scores):
        if total <= 0:
            start, total = index, 0.0
        total += score
        if total > 0 and (best is None or total > best.score):
            best = Zone(start, index + 1, total)
    return best


def mark_outside(lines: Sequence[Line], zone: Zone | None) -> tuple[Line, ...]:
    """Remove what is left undecided outside the zone: chrome above it (but the headline and
    what stands between it and the zone, a byline or a dek), the page's tail after it."""
    if zone is None:
        return tuple(lines)
    head = next((i for i, ln in enumerate(lines) if ln.role is Role.TITLE), zone.start)
    near = 0 <= zone.start - head <= layout.HEAD_WINDOW
    keep_from = head if near else zone.start
    before = (removed(line, Reason.NAVIGATION) for line in lines[:keep_from])
    after = (removed(line, _tail_reason(line)) for line in lines[zone.end :])
    return (*before, *lines[keep_from : zone.end], *after)


def _tail_reason(line: Line) -> Reason:
    if line.words >= rules.PARAGRAPH_MIN_WORDS and ends_sentence(line.text):
        return Reason.OFF_TOPIC_TAIL
    return Reason.NAVIGATION
