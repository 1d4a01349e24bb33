"""Strip the junk that copying or scraping a news page leaves in an article.

`clean_text` splits pasted text into blocks (lines, or hard-wrapped paragraphs), decides for
each whether it is the headline, body, or junk (with a `Reason`), and returns a `Cleaned`
whose blocks cover every character of the newline-normalised input exactly once.
`clean_html` (in `htmlpage`) runs the same line pass over text extracted from a page.

The modules: `cleanfeatures` describes a line, `cleanrules` and `cleanlayout` hold the
patterns and numbers, and the passes decide: `cleanpasses` (single-line rules, repeats, the
headline, leftovers, editors' corrections), `cleanzone` (the article as the densest run of
sentence-like lines), `cleantails` (related boxes, comment sections) and `cleanlinks` (runs of
other stories' headlines).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from itertools import pairwise

from newsdiff.textcore.clean import layout, rules
from newsdiff.textcore.clean.features import Line, ends_sentence, normalise_line
from newsdiff.textcore.clean.links import mark_link_runs
from newsdiff.textcore.clean.passes import (
    byline_author,
    mark_duplicates,
    mark_end_chrome,
    mark_headline,
    mark_kept,
    mark_rules,
)
from newsdiff.textcore.clean.tails import mark_tails
from newsdiff.textcore.clean.zone import article_zone, mark_outside
from newsdiff.textcore.types import Block, Cleaned, Reason, RemovedSpan, Role

Span = tuple[int, int]

__all__ = [
    "build_cleaned",
    "classify_lines",
    "clean_text",
    "normalise_line",
    "normalise_newlines",
    "split_lines",
]


def clean_text(
    raw: str,
    *,
    extra_boilerplate: Iterable[str] = frozenset(),
    keep_lines: Iterable[str] = (),
) -> Cleaned:
    """Clean plain text as copied from a web page.

    `extra_boilerplate` holds lines learned for an outlet or removed by an editor: a line whose
    `normalise_line` key is among them is removed as `Reason.BOILERPLATE`. `keep_lines` holds
    lines an editor restored: a removed line whose key is among them is body again (this wins
    over `extra_boilerplate`), and nothing else changes. `Cleaned.text` is the stripped text of
    the body blocks joined by blank lines; `Cleaned.title` the stripped title block.
    """
    lines = classify_lines(
        normalise_newlines(raw), extra_boilerplate=extra_boilerplate, keep_lines=keep_lines
    )
    return build_cleaned(lines, author=byline_author(lines))


def normalise_newlines(raw: str) -> str:
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def classify_lines(
    text: str,
    *,
    title: str = "",
    guess_title: bool = True,
    find_zone: bool = True,
    drop_repeats: bool = True,
    extra_boilerplate: Iterable[str] = frozenset(),
    keep_lines: Iterable[str] = (),
) -> tuple[Line, ...]:
    """Split `text` into lines and run the cleaning steps over them, in order.

    Single-line rules and repetition first (`drop_repeats`: a repeated line goes as a
    duplicate); then, if `find_zone`, the article zone (the densest run of sentence-like lines)
    places the headline search and the start of tails, and what lies outside the zone is
    removed; editors' restored lines come back last.
    """
    learned = frozenset(normalise_line(line) for line in extra_boilerplate)
    lines = mark_rules(split_lines(text), extra_boilerplate=learned)
    lines = mark_duplicates(lines, drop_repeats=drop_repeats)
    zone = article_zone(lines) if find_zone else None
    start = zone.start if zone else 0
    window = (max(0, start - layout.HEAD_SEARCH), start) if zone else None
    lines = mark_headline(lines, title=title, guess=guess_title, zone=window)
    lines = mark_end_chrome(mark_link_runs(mark_tails(lines, start=start)))
    if zone is not None:
        lines = mark_outside(lines, article_zone(lines))
    kept = frozenset(normalise_line(line) for line in keep_lines)
    return headline_alone_is_body(mark_kept(lines, keep=kept), guessed=not title)


def headline_alone_is_body(lines: tuple[Line, ...], *, guessed: bool) -> tuple[Line, ...]:
    """A text whose only kept line was guessed as its headline, and ends as a sentence does
    (a stray quote mark after it included), is a one-sentence article (a pasted quote): that
    line is its body. A lone line without a sentence end stays a headline."""
    if not guessed or any(line.role is Role.BODY for line in lines):
        return lines
    return tuple(
        replace(ln, role=Role.BODY) if ln.role is Role.TITLE and _ends_as_sentence(ln.text) else ln
        for ln in lines
    )


def _ends_as_sentence(text: str) -> bool:
    return text.rstrip(" \t\n\"'”’»").endswith((".", "!", "?"))


def build_cleaned(
    lines: tuple[Line, ...],
    *,
    title: str | None = None,
    author: str = "",
    date: str = "",
    url: str = "",
) -> Cleaned:
    """The `Cleaned` article for classified lines; `title` overrides the headline line."""
    headline = next((line.text for line in lines if line.role is Role.TITLE), "")
    return Cleaned(
        title=(headline if title is None else title).strip(),
        text="\n\n".join(line.text for line in lines if line.role is Role.BODY),
        removed=tuple(_removed_spans(lines)),
        blocks=tuple(Block(ln.raw, ln.start, ln.end, ln.role, ln.reason) for ln in lines),
        author=author,
        date=date,
        url=url,
    )


def _removed_spans(lines: tuple[Line, ...]) -> Iterable[RemovedSpan]:
    return (RemovedSpan(ln.text, ln.reason) for ln in lines if ln.role is Role.REMOVED and ln.text)


# --- blocks -------------------------------------------------------------------------------


def split_lines(text: str) -> tuple[Line, ...]:
    """Blocks covering `text`: one per non-blank line, each absorbing the whitespace after it.

    Hard-wrapped paragraphs are joined; a leading `[ad_1]` marker becomes its own block.
    """
    starts = [match.start() for match in rules.CONTENT_LINE.finditer(text)]
    if not starts:
        return (Line(text, 0, len(text), Role.REMOVED, Reason.EMPTY),) if text else ()
    bounds = [0, *starts[1:], len(text)]
    spans = _join_wrapped(text, list(pairwise(bounds)))
    return tuple(Line(text[a:b], a, b) for span in spans for a, b in _split_marker(text, span))


def _join_wrapped(text: str, spans: list[Span]) -> list[Span]:
    joined = spans[:1]
    for start, end in spans[1:]:
        if _continues(text[slice(*joined[-1])], text[start:end]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _continues(previous: str, current: str) -> bool:
    """`current` carries on a hard-wrapped line: no blank line, no sentence end, lowercase."""
    last_line = previous.rstrip().rsplit("\n", 1)[-1]
    single_break = previous[len(previous.rstrip()) :].count("\n") == 1
    wrapped = len(last_line) >= rules.WRAPPED_LINE_MIN_CHARS and not ends_sentence(last_line)
    return single_break and wrapped and current.lstrip()[:1].islower()


def _split_marker(text: str, span: Span) -> list[Span]:
    start, end = span
    marker = rules.LEADING_AD_MARKER.match(text, start, end)
    return [(start, marker.end()), (marker.end(), end)] if marker else [span]
