"""The steps of cleaning: each takes the page's lines and returns them with more decisions.

Order matters and is fixed in `clean.classify_lines`: rules on single lines first, then
repetition, then position (headline and the chrome around it), then tails (`cleantails`),
the leftovers after the last real paragraph, and what lies outside the article zone
(`cleanzone`). A step never overrides an earlier decision; editors' corrections come last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsdiff.textcore.clean import rules
from newsdiff.textcore.clean.features import (
    Line,
    as_title,
    ends_sentence,
    is_body_paragraph,
    is_headline_like,
    is_share_row,
    is_site_line,
    normalise_line,
    reads_as_article,
    removed,
    topic_words,
)
from newsdiff.textcore.clean.metadata import dateline_date, has_published_cue
from newsdiff.textcore.clean.zone import list_end
from newsdiff.textcore.types import Reason, Role

Lines = tuple[Line, ...]


# --- single lines -------------------------------------------------------------------------


def mark_rules(
    lines: Lines,
    *,
    extra_boilerplate: frozenset[str] = frozenset(),
    editor_removed: frozenset[str] = frozenset(),
) -> Lines:
    """Remove lines that known phrases, patterns, learned per-outlet lines or an editor's
    removals identify."""
    return tuple(
        removed(line, rule_reason(line, extra_boilerplate, editor_removed)) for line in lines
    )


def rule_reason(
    line: Line,
    extra_boilerplate: frozenset[str] = frozenset(),
    editor_removed: frozenset[str] = frozenset(),
) -> str:
    if line.words == 0:
        return Reason.EMPTY
    if line.key in editor_removed:
        return Reason.EDITOR
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
    if is_share_row(line) or line.key in rules.SOCIAL_WORDS:
        return Reason.PROMOTION
    if line.words <= rules.BYLINE_MAX_WORDS and rules.BYLINE.match(line.text):
        return Reason.AUTHOR_BIO
    return ""


# --- repetition ---------------------------------------------------------------------------


def mark_duplicates(lines: Lines, *, drop_repeats: bool = True) -> Lines:
    """A line printed twice in a row is a caption (alt text and caption); a later repeat of an
    earlier line shares that line's reason, and is a duplicate if `drop_repeats`."""
    out = list(lines)
    first_seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        earlier = first_seen.setdefault(line.key, index)
        if earlier != index:
            _mark_repeat(out, earlier, index, drop_repeats)
    return tuple(out)


def _mark_repeat(out: list[Line], earlier: int, index: int, drop_repeats: bool) -> None:
    if earlier == index - 1 and out[index].words <= rules.CAPTION_MAX_WORDS:
        out[earlier] = removed(out[earlier], Reason.CAPTION)
    if out[earlier].reason or drop_repeats:
        out[index] = removed(out[index], out[earlier].reason or Reason.DUPLICATE)


# --- position: the headline and the chrome around it --------------------------------------


def mark_headline(
    lines: Lines, *, title: str = "", guess: bool = True, zone: tuple[int, int] | None = None
) -> Lines:
    """Find the headline (the known `title`, else a guess among the headline-like lines before
    the first paragraph or, on a whole page, in `zone` = (earliest, start): the lines just
    above the article zone), then remove the page chrome above it and the site line under it."""
    earliest, start = zone or (0, 0)
    first = next((i for i in range(start, len(lines)) if is_body_paragraph(lines[i])), len(lines))
    candidates = range(earliest, min(first, start + 1) if zone else first)
    guessed = _guess_headline(lines, candidates, first) if guess else None
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


def _guess_headline(lines: Lines, indices: range, first: int) -> int | None:
    """The headline-like line that shares most words with the lede, the paragraphs from
    `first` on (ties go to the one nearest the body); failing that, the first long one."""
    candidates = [i for i in indices if _could_be_headline(lines[i])]
    lede = frozenset().union(*(topic_words(ln.text) for ln in _lede(lines[first:])))
    shared = {i: len(topic_words(lines[i].text) & lede) for i in candidates}
    best = max(candidates, key=lambda i: (shared[i], i), default=None)
    if best is not None and shared[best] > 0:
        return _headline_above_dek(lines, best, shared)
    good = [
        i for i in candidates if lines[i].undecided and lines[i].words >= rules.HEADLINE_GOOD_WORDS
    ]
    pool = good or [i for i in candidates if lines[i].undecided]
    return pool[0] if pool else None


def _headline_above_dek(lines: Lines, best: int, shared: dict[int, int]) -> int:
    """The line right above `best` when it too is a long candidate on the lede's topic: a
    headline stands above its dek (sub-heading), not the other way round. The same headline
    printed twice ("Headline | Site" over "Headline") stays with the one nearest the body."""
    above = best - 1
    if shared.get(above, 0) == 0 or not lines[above].undecided:
        return best
    repeated = topic_words(lines[best].text) <= topic_words(lines[above].text)
    long_enough = lines[above].words >= rules.HEADLINE_GOOD_WORDS
    return above if long_enough and not repeated else best


def _could_be_headline(line: Line) -> bool:
    """Headline-like and not yet junk, or only junk for being printed twice (the page title
    and the headline)."""
    open_ = line.undecided or line.reason == Reason.DUPLICATE
    return open_ and is_headline_like(line)


def _lede(lines: Lines) -> list[Line]:
    return [ln for ln in lines if is_body_paragraph(ln)][: rules.LEDE_PARAGRAPHS]


def _label_reason(line: Line) -> Reason:
    return Reason.SECTION_LABEL if line.key in rules.SECTION_LABELS else Reason.NAVIGATION


def _under_headline(line: Line) -> Line:
    if line.key in rules.SECTION_LABELS or is_site_line(line):
        return removed(line, _label_reason(line))
    return line


# --- leftovers after the last real paragraph ----------------------------------------------


def mark_end_chrome(lines: Lines) -> Lines:
    """After the last real paragraph (and a list that follows it), remove author bios and
    short unpunctuated lines."""
    last = max((i for i, ln in enumerate(lines) if _is_article_paragraph(ln)), default=None)
    if last is None:
        return lines
    end = list_end(lines, last + 1)
    return (*lines[:end], *(_end_chrome(line) for line in lines[end:]))


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


# --- the dateline ---------------------------------------------------------------------------


def mark_dateline(lines: Lines) -> Lines:
    """Mark the line that dates the article as its dateline (metadata, not junk): among the
    short date lines removed as navigation, the first between the headline and the body, else
    the first that says "Published"/"Posted", else the first above the body."""
    dated = [i for i, line in enumerate(lines) if _is_date_line(line)]
    if not dated:
        return lines
    head = next((i for i, ln in enumerate(lines) if ln.role is Role.TITLE), -1)
    first = next((i for i, ln in enumerate(lines) if is_body_paragraph(ln)), len(lines))
    pick = (
        next((i for i in dated if head >= 0 and head < i < first), None)
        or next((i for i in dated if has_published_cue(lines[i].text)), None)
        or next((i for i in dated if i < first), None)
    )
    if pick is None:
        return lines
    return (*lines[:pick], replace(lines[pick], reason=Reason.DATELINE), *lines[pick + 1 :])


def _is_date_line(line: Line) -> bool:
    short = line.words <= rules.DATELINE_MAX_WORDS
    navigation = line.role is Role.REMOVED and line.reason == Reason.NAVIGATION
    return short and navigation and bool(dateline_date(line.text))


def dateline_of(lines: Sequence[Line]) -> str:
    """The date the dateline states (ISO 8601), or ""."""
    line = next((ln for ln in lines if ln.reason == Reason.DATELINE), None)
    return dateline_date(line.text) if line else ""


# --- editor corrections -------------------------------------------------------------------


def mark_kept(lines: Lines, *, keep: frozenset[str] = frozenset()) -> Lines:
    """Put back as body the removed lines whose key an editor restored, and only those: the
    rest of a tail or a block they stood in stays removed."""
    if not keep:
        return lines
    return tuple(_restored(line) if line.key in keep else line for line in lines)


def mark_title_line(lines: Lines, key: str) -> Lines:
    """Make the first line whose key is `key` the headline (an editor's choice, whatever the
    rules said); the headline cleaning had found becomes a body line."""
    chosen = next((i for i, line in enumerate(lines) if key and line.key == key), None)
    if chosen is None:
        return lines
    return tuple(
        as_title(line) if i == chosen else replace(line, role=Role.BODY, reason="")
        if line.role is Role.TITLE else line
        for i, line in enumerate(lines)
    )  # fmt: skip


def _restored(line: Line) -> Line:
    if line.role is not Role.REMOVED or not line.key:
        return line
    return replace(line, role=Role.BODY, reason="")
