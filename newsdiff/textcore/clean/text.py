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
from newsdiff.textcore.clean.bio import mark_author_bios
from newsdiff.textcore.clean.features import Line, ends_sentence, normalise_line, word_count
from newsdiff.textcore.clean.links import mark_link_runs
from newsdiff.textcore.clean.passes import (
    byline_author,
    dateline_of,
    mark_dateline,
    mark_duplicates,
    mark_end_chrome,
    mark_headline,
    mark_kept,
    mark_rules,
    mark_title_line,
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
    title_line: str = "",
    editor_removed: Iterable[str] = frozenset(),
) -> Cleaned:
    """Clean plain text as copied from a web page.

    `extra_boilerplate` holds lines learned for an outlet: a line whose `normalise_line` key
    is among them is removed as `Reason.BOILERPLATE`; `editor_removed` the lines an editor
    removed from this article (removed as `Reason.EDITOR`). `keep_lines` holds
    lines an editor restored: a removed line whose key is among them is body again (this wins
    over `extra_boilerplate`), and nothing else changes. `title_line` is a line an editor
    marked as the headline: it is the title, whatever the guess. `Cleaned.text` is the
    stripped text of the body blocks joined by blank lines; `Cleaned.title` the stripped title
    block; `Cleaned.published` the date of the dateline, if there is one.
    """
    lines = classify_lines(
        normalise_newlines(raw),
        extra_boilerplate=extra_boilerplate,
        keep_lines=keep_lines,
        title_line=title_line,
        editor_removed=editor_removed,
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
    title_line: str = "",
    editor_removed: Iterable[str] = frozenset(),
) -> tuple[Line, ...]:
    """Split `text` into lines and run the cleaning steps over them, in order.

    Single-line rules and repetition first (`drop_repeats`: a repeated line goes as a
    duplicate); then, if `find_zone`, the article zone (the densest run of sentence-like lines)
    places the headline search and the start of tails, and what lies outside the zone is
    removed; editors' restored lines come back last, and the line an editor marked as the
    headline (`title_line`) becomes the title.
    """
    learned = frozenset(normalise_line(line) for line in extra_boilerplate)
    if is_shouting(text):  # read as lower case, shown as written
        lines = classify_lines(
            lower_case(text),
            title=title,
            guess_title=guess_title,
            find_zone=find_zone,
            drop_repeats=drop_repeats,
            extra_boilerplate=extra_boilerplate,
            keep_lines=keep_lines,
            title_line=title_line,
            editor_removed=editor_removed,
        )
        return tuple(_as_written(line, text) for line in lines)
    by_editor = frozenset(normalise_line(line) for line in editor_removed)
    lines = mark_rules(split_lines(text), extra_boilerplate=learned, editor_removed=by_editor)
    lines = mark_duplicates(lines, drop_repeats=drop_repeats)
    zone = article_zone(lines) if find_zone else None
    start = zone.start if zone else 0
    window = (max(0, start - layout.HEAD_SEARCH), start) if zone else None
    lines = mark_headline(lines, title=title, guess=guess_title, zone=window)
    lines = mark_end_chrome(mark_link_runs(mark_author_bios(mark_tails(lines, start=start))))
    if zone is not None:
        lines = mark_outside(lines, article_zone(lines))
    kept = frozenset(normalise_line(line) for line in keep_lines)
    lines = mark_kept(mark_dateline(lines), keep=kept)
    return mark_title_line(lines, normalise_line(title_line)) if title_line else lines


def is_shouting(text: str) -> bool:
    """Written all in capitals, as some agencies and broadcasters file: nearly every cased
    letter of the sentence-like lines (those of PARAGRAPH_MIN_WORDS words or more) is upper
    case. A menu in capitals above a normal article does not count."""
    upper = lower = 0
    for line in text.split("\n"):
        if word_count(line) >= rules.PARAGRAPH_MIN_WORDS:
            upper += sum(1 for char in line if char.isupper())
            lower += sum(1 for char in line if char.islower())
    cased = upper + lower
    return cased >= rules.SHOUTING_MIN_LETTERS and upper >= rules.SHOUTING_SHARE * cased


def lower_case(text: str) -> str:
    """`text` in lower case, character for character (offsets stay valid)."""
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def _as_written(line: Line, text: str) -> Line:
    raw = text[line.start : line.end]
    return replace(line, raw=raw, text=raw.strip())


def build_cleaned(
    lines: tuple[Line, ...],
    *,
    title: str | None = None,
    author: str = "",
    date: str = "",
    url: str = "",
    published: str = "",
    site_name: str = "",
) -> Cleaned:
    """The `Cleaned` article for classified lines; `title` overrides the headline line, and
    `published` the date of the dateline."""
    headline = next((line.text for line in lines if line.role is Role.TITLE), "")
    return Cleaned(
        title=(headline if title is None else title).strip(),
        text="\n\n".join(line.text for line in lines if line.role is Role.BODY),
        removed=tuple(_removed_spans(lines)),
        blocks=tuple(Block(ln.raw, ln.start, ln.end, ln.role, ln.reason) for ln in lines),
        author=author,
        date=date,
        url=url,
        published=published or dateline_of(lines),
        site_name=site_name,
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
