"""Author bios: under "About the author" (and the like), the lines about the writer go too.

The heading alone is removed by the line rules; here the bio under it goes with it: its short
lines (name, role, social links) and up to BIO_MAX_PARAGRAPHS paragraphs, stopping at the
next heading-like line after a paragraph. A heading with much of the article still after it
(a box in the middle of the page) takes only one paragraph. The heading must stand after the
article's first paragraph: a bio box above the article is left to the zone.
"""

from __future__ import annotations

from itertools import accumulate

from newsdiff.textcore.clean import layout, rules
from newsdiff.textcore.clean.features import (
    Line,
    is_body_paragraph,
    is_headline_like,
    is_paragraph,
    removed,
)
from newsdiff.textcore.clean.tails import article_mass
from newsdiff.textcore.types import Reason

Lines = tuple[Line, ...]


def mark_author_bios(lines: Lines) -> Lines:
    """Remove the bio under each author-bio heading that follows the first paragraph."""
    out = list(lines)
    first = next((i for i, line in enumerate(lines) if is_body_paragraph(line)), len(lines))
    mass = [0.0, *accumulate(article_mass(lines))]
    for index in range(first + 1, len(lines)):
        if is_bio_heading(lines[index]):
            before, after = mass[index], mass[-1] - mass[index + 1]
            at_end = after <= layout.TAIL_MAX_MASS_AFTER * before
            limit = rules.BIO_MAX_PARAGRAPHS if at_end else 1
            out[index] = removed(out[index], Reason.AUTHOR_BIO)
            for below in _bio_lines(lines, index + 1, limit):
                out[below] = removed(out[below], Reason.AUTHOR_BIO)
    return tuple(out)


def is_bio_heading(line: Line) -> bool:
    """A heading over an author's bio: "About the author", "Author Experience and Expertise"."""
    short = line.words <= rules.BIO_HEADING_MAX_WORDS
    return short and rules.BIO_HEADING.match(line.key) is not None


def _bio_lines(lines: Lines, start: int, limit: int) -> list[int]:
    """The undecided lines of the bio starting at `start`: short lines and at most `limit`
    paragraphs, up to a heading-like line that follows a paragraph."""
    found: list[int] = []
    paragraphs = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.undecided:
            continue
        if is_paragraph(line):
            if paragraphs == limit:
                break
            paragraphs += 1
        elif paragraphs and is_headline_like(line) and line.words > rules.SITE_LINE_MAX_WORDS:
            break
        found.append(index)
    return found
