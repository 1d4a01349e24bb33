"""Runs of links: lists of other stories' headlines standing in the article without a header.

Three or more lines in a row that read like headlines (Title Case without a sentence end, or
a Title Case run and its teaser) are a box of links, unless they share one shape with figures
or separators (tour dates, results) or are numbered: then they are a list of the article's own.
Junk already found between them does not break a run.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from newsdiff.textcore.clean import layout, rules
from newsdiff.textcore.clean.features import (
    Line,
    capital_share,
    ends_sentence,
    removed,
    starts_like_headline,
)
from newsdiff.textcore.clean.zone import list_shape
from newsdiff.textcore.types import Reason

Lines = tuple[Line, ...]


def mark_link_runs(lines: Lines) -> Lines:
    """Remove runs of LINK_RUN_MIN or more headline-like lines as related links."""
    out = list(lines)
    for run in _link_runs(lines):
        if len(run) >= layout.LINK_RUN_MIN and not _data_list(lines, run):
            for index in run:
                out[index] = removed(out[index], Reason.RELATED_LINK)
    return tuple(out)


def _link_runs(lines: Lines) -> Iterator[list[int]]:
    run: list[int] = []
    for index, line in enumerate(lines):
        if is_link_line(line):
            run.append(index)
        elif line.undecided:
            yield run
            run = []
    yield run


def is_link_line(line: Line) -> bool:
    """A line that reads like a link to another story."""
    if not line.undecided or line.words < layout.LINK_MIN_WORDS:
        return False
    if layout.NUMBERED_ITEM.match(line.text):
        return False
    if starts_like_headline(line):
        return True
    return capital_share(line.text) >= rules.SITE_LINE_CAPITALS and not ends_sentence(line.text)


def _data_list(lines: Lines, run: list[int]) -> bool:
    shapes = [list_shape(lines[index]) for index in run]
    alike = sum(1 for a, b in pairwise(shapes) if a is not None and a == b)
    return alike * 2 >= len(run)
