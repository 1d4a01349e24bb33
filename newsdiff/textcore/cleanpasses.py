"""The steps of cleaning: each takes the page's lines and returns them with more decisions.

Order matters and is fixed in `clean.classify_lines`: rules on single lines first, then
repetition, then position (headline and the chrome around it), then tails ("Next Post",
"Related", comment sections) and finally the leftovers after the last real paragraph.
A step never overrides an earlier decision.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsdiff.textcore import cleanrules as rules
from newsdiff.textcore.cleanfeatures import (
    Line,
    as_title,
    content_words,
    ends_sentence,
    is_body_paragraph,
    is_headline_like,
    is_share_row,
    is_site_line,
    is_teaser_excerpt,
    normalise_line,
    overlap,
    reads_as_article,
    removed,
)
from newsdiff.textcore.types import Reason, Role

Lines = tuple[Line, ...]


# --- single lines -------------------------------------------------------------------------


def mark_rules(lines: Lines, *, extra_boilerplate: frozenset[str] = frozenset()) -> Lines:
    """Remove lines that known phrases, patterns or learned per-outlet lines identify."""
    return tuple(removed(line, rule_reason(line, extra_boilerplate)) for line in lines)


def rule_reason(line: Line, extra_boilerplate: frozenset[str] = frozenset()) -> str:
    if line.words == 0:
        return Reason.EMPTY
    if line.key in extra_boilerplate:
        return Reason.BOILERPLATE
    return rules.LINE_REASONS.get(line.key) or _pattern_reason(line) or _shape_reason(line)


def _pattern_reason(line: Line) -> str:
    words, article = line.words, reads_as_article(line)
    for rule in rules.RULES:
        fits = words <= rule.max_words and not (rule.weak and article)
        if fits and rule.pattern.search(line.text):
            return rule.reason
    return ""


def _shape_reason(line: Line) -> str:
    if is_share_row(line):
        return Reason.PROMOTION
    if line.words <= rules.BYLINE_MAX_WORDS and rules.BYLINE.match(line.text):
        return Reason.AUTHOR_BIO
    return ""


# --- repetition ---------------------------------------------------------------------------


def mark_duplicates(lines: Lines) -> Lines:
    """A line printed twice in a row is a caption (alt text and caption); a later repeat of an
    earlier line is a duplicate and shares that line's reason."""
    out = list(lines)
    first_seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        earlier = first_seen.setdefault(line.key, index)
        if earlier != index:
            _mark_repeat(out, earlier, index)
    return tuple(out)


def _mark_repeat(out: list[Line], earlier: int, index: int) -> None:
    if earlier == index - 1 and out[index].words <= rules.CAPTION_MAX_WORDS:
        out[earlier] = removed(out[earlier], Reason.CAPTION)
    out[index] = removed(out[index], out[earlier].reason or Reason.DUPLICATE)


# --- position: the headline and the chrome around it --------------------------------------


def mark_headline(lines: Lines, *, title: str = "", guess: bool = True) -> Lines:
    """Find the headline (the known `title`, else the first headline-like line before the
    first paragraph), then remove the page chrome above it and the site line under it."""
    first = next((i for i, ln in enumerate(lines) if is_body_paragraph(ln)), len(lines))
    guessed = _guess_headline(lines[:first]) if guess else None
    head = _known_title(lines, title) if title else guessed
    if head is None:
        return lines
    if head > first:  # the known title repeated inside the body: only take it out
        return (*lines[:head], as_title(lines[head]), *lines[head + 1 :])
    above = (removed(line, _label_reason(line)) for line in lines[:head])
    below = (_under_headline(line) for line in lines[head + 1 : first])
    return (*above, as_title(lines[head]), *below, *lines[max(first, head + 1) :])


def _known_title(lines: Lines, title: str) -> int | None:
    wanted = normalise_line(title)
    return next((i for i, ln in enumerate(lines) if ln.undecided and ln.key == wanted), None)


def _guess_headline(lines: Lines) -> int | None:
    candidates = [i for i, ln in enumerate(lines) if ln.undecided and is_headline_like(ln)]
    good = [i for i in candidates if lines[i].words >= rules.HEADLINE_GOOD_WORDS]
    pool = good or candidates
    return pool[0] if pool else None


def _label_reason(line: Line) -> Reason:
    return Reason.SECTION_LABEL if line.key in rules.SECTION_LABELS else Reason.NAVIGATION


def _under_headline(line: Line) -> Line:
    if line.key in rules.SECTION_LABELS or is_site_line(line):
        return removed(line, _label_reason(line))
    return line


# --- tails: "Next Post", "Related", comment sections --------------------------------------


def mark_tails(lines: Lines) -> Lines:
    """After a tail marker everything is off the article, until a resumable tail (a "Related"
    box) is followed by a paragraph that clearly continues the article."""
    out = list(lines)
    vocabulary: set[str] = set()
    tail: rules.TailMarker | None = None
    started = False
    for index, line in enumerate(lines):
        marker = _tail_marker(line) if started else None
        if marker is not None:
            tail, out[index] = marker, removed(line, marker.reason)
        elif tail is not None and not _resumes(line, tail, vocabulary):
            out[index] = removed(line, tail.tail_reason)
        else:
            tail, started = None, started or is_body_paragraph(line)
            vocabulary |= _article_words(line)
    return tuple(out)


def _article_words(line: Line) -> frozenset[str]:
    if line.role is Role.TITLE or is_body_paragraph(line):
        return content_words(line.text)
    return frozenset()


def _tail_marker(line: Line) -> rules.TailMarker | None:
    if line.role is Role.TITLE:
        return None
    if rules.COMMENT_COUNT_MARKER.match(line.key):
        return rules.TAIL_MARKERS["comments"]
    return rules.TAIL_MARKERS.get(line.key)


def _resumes(line: Line, tail: rules.TailMarker, vocabulary: set[str]) -> bool:
    if not tail.resumable or not is_body_paragraph(line) or is_teaser_excerpt(line):
        return False
    long_enough = line.words >= rules.RESUME_MIN_WORDS
    return long_enough and overlap(content_words(line.text), vocabulary) >= rules.RESUME_MIN_OVERLAP


# --- leftovers after the last real paragraph ----------------------------------------------


def mark_end_chrome(lines: Lines) -> Lines:
    """After the last real paragraph, remove author bios and short unpunctuated lines."""
    last = max((i for i, ln in enumerate(lines) if _is_article_paragraph(ln)), default=None)
    if last is None:
        return lines
    return (*lines[: last + 1], *(_end_chrome(line) for line in lines[last + 1 :]))


def _is_article_paragraph(line: Line) -> bool:
    return is_body_paragraph(line) and not rules.BIO_SENTENCE.search(line.text)


def _end_chrome(line: Line) -> Line:
    if not line.undecided:
        return line
    if rules.BIO_SENTENCE.search(line.text):
        return removed(line, Reason.AUTHOR_BIO)
    if line.words <= rules.TAIL_CHROME_MAX_WORDS and not ends_sentence(line.text):
        return removed(line, Reason.NAVIGATION)
    return line


def byline_author(lines: Sequence[Line]) -> str:
    """The author named by the first "By Jane Doe, Reuters" line that was removed."""
    for line in lines:
        match = rules.BYLINE.match(line.text) if line.reason == Reason.AUTHOR_BIO else None
        if match:
            return match["author"].strip()
    return ""
