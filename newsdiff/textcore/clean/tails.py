"""Tails: after "Next Post", "Related" or a comment count, the rest of the page is not the article.

A non-resumable tail ("Next Post", "Comments") runs to the end of the page; a resumable one
(a "Related" box) ends where the article carries on: at the first of two long paragraphs in
a row (a teaser stands alone between headlines). But the article must mostly stand before a marker,
counting lone paragraphs between short lines (teasers) at half weight: otherwise a "Comments"
link in a share bar above the story is no tail at all (unless a comment section with its
rhythm, "jane says:", "Reply", follows), and a box above most of the story ends at the next
long paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import accumulate

from newsdiff.textcore.clean import layout
from newsdiff.textcore.clean.features import (
    Line,
    is_body_paragraph,
    is_teaser_excerpt,
    removed,
)
from newsdiff.textcore.clean.zone import line_score
from newsdiff.textcore.types import Reason, Role

Lines = tuple[Line, ...]


def mark_tails(lines: Lines, *, start: int = 0) -> Lines:
    """Remove the tails of the page. Markers count only after the first paragraph at or after
    `start` (where the article zone begins)."""
    out = list(lines)
    mass = [0.0, *accumulate(article_mass(lines))]
    headers = _headers_from(lines)
    tail: layout.TailMarker | None = None
    started = False
    for index, line in enumerate(lines):
        marker = _tail_marker(lines, index, mass, headers) if started else None
        if marker is not None:
            tail, out[index] = marker, removed(line, marker.reason)
        elif tail is not None and not _resumes(lines, index, tail):
            out[index] = removed(line, tail.tail_reason)
        else:
            tail, started = None, started or (index >= start and is_body_paragraph(line))
    return tuple(out)


def article_mass(lines: Lines) -> list[float]:
    """How much article each line holds: its positive score, halved for a lone paragraph."""
    scores = [max(0.0, line_score(line)) for line in lines]
    padded = [0.0, *scores, 0.0]
    return [
        score if padded[i] > 0 or padded[i + 2] > 0 else score * layout.ISOLATED_WEIGHT
        for i, score in enumerate(scores)
    ]


def _tail_marker(
    lines: Lines, index: int, mass: list[float], headers: list[int]
) -> layout.TailMarker | None:
    line = lines[index]
    marker = tail_marker(line)
    if marker is None:
        return None
    before, after = mass[index], mass[-1] - mass[index + 1]
    if after <= layout.TAIL_MAX_MASS_AFTER * before:
        return marker
    if marker.resumable:
        return replace(marker, eager=True)
    comments = marker.reason is Reason.COMMENT_FORM
    comments_follow = headers[index + 1] >= layout.COMMENT_HEADERS_MIN
    return marker if comments and comments_follow else None


def tail_marker(line: Line) -> layout.TailMarker | None:
    """The tail `line` announces, if it is a tail marker."""
    if line.role is Role.TITLE:
        return None
    if layout.COMMENT_COUNT_MARKER.match(line.key) or _signed_comment(line):
        return layout.TAIL_MARKERS["comments"]
    marker = layout.TAIL_MARKERS.get(line.key)
    if marker is None and line.words <= layout.TAIL_PATTERN_MAX_WORDS:
        links = layout.TAIL_PATTERN.match(line.key) or layout.MORE_FROM_SITE.match(line.text)
        marker = layout.TAIL_MARKERS["recommended"] if links else None
    return marker


def is_comment_header(line: Line) -> bool:
    """A comment's header or controls: "jane42 says:", "3 hours ago", "Reply"."""
    return line.key in layout.COMMENT_CONTROLS or _signed_comment(line)


def _signed_comment(line: Line) -> bool:
    short = line.words <= layout.COMMENT_HEADER_MAX_WORDS
    return short and layout.COMMENT_HEADER.match(line.text) is not None


def _headers_from(lines: Sequence[Line]) -> list[int]:
    """How many comment headers `lines[index:]` holds, for each index (and one past the end):
    counted once for the page, not again after each comment-form marker."""
    counts = [0] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        counts[index] = counts[index + 1] + is_comment_header(lines[index])
    return counts


def _resumes(lines: Lines, index: int, tail: layout.TailMarker) -> bool:
    line = lines[index]
    if not tail.resumable or not _long_paragraph(line):
        return False
    return tail.eager or (index + 1 < len(lines) and _long_paragraph(lines[index + 1]))


def _long_paragraph(line: Line) -> bool:
    long_enough = line.words >= layout.RESUME_MIN_WORDS
    return long_enough and is_body_paragraph(line) and not is_teaser_excerpt(line)
