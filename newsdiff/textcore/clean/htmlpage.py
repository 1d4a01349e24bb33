"""Clean a saved web page: trafilatura finds the article, then the line pass of `clean` runs.

trafilatura (with reader comments off) gives the body text and the title, author and date.
When it finds nothing, or next to nothing, the page's visible text is taken with
BeautifulSoup instead, minus scripts, styles, navigation, footers, asides, forms and comment
sections. Block offsets index the extracted text, not the HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsdiff.textcore.clean.features import Line, ends_sentence, word_count
from newsdiff.textcore.clean.metadata import page_metadata
from newsdiff.textcore.clean.rules import MAX_LINE_CHARS
from newsdiff.textcore.clean.text import build_cleaned, classify_lines
from newsdiff.textcore.types import Cleaned, Reason, Role

if TYPE_CHECKING:  # trafilatura and bs4 are imported where a page is read (0.17 s at start)
    from bs4 import Tag

MIN_EXTRACTED_WORDS = 40
FORM_PAGE_WORDS = 60
FORM_PAGE_SENTENCES = 3
SENTENCE_BREAK = re.compile(r"\w[.!?][\"'”’]?\s")
DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form")
BLOCK_TAGS = (
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "dt", "dd", "tr", "td", "th", "blockquote", "pre", "figure", "figcaption", "br", "hr",
    "table",
)  # fmt: skip
COMMENT_BOX = re.compile(
    r"(?:comments?|comment-?(?:list|section|area)|comments-area|respond|replies|disqus_thread)",
    re.IGNORECASE,
)
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
BLOCK_BREAK = "\u2029"
STAND_IN_EDGE = 200  # characters of each end of an over-long line the line pass reads


@dataclass(frozen=True, slots=True)
class Extracted:
    """What was read from a page before the line pass: body text and metadata.

    `whole_page` is true when trafilatura found (next to) nothing and `text` is the page's
    visible text, menus and all: the line pass then looks for the article zone in it.
    """

    text: str
    title: str = ""
    author: str = ""
    date: str = ""
    whole_page: bool = False


def clean_html(
    html: str,
    url: str = "",
    *,
    extra_boilerplate: Iterable[str] = frozenset(),
    keep_lines: Iterable[str] = (),
    title_line: str = "",
    editor_removed: Iterable[str] = frozenset(),
) -> Cleaned:
    """Clean a web page; `extra_boilerplate`, `keep_lines`, `title_line` and `editor_removed`
    work as in `clean_text`.

    trafilatura's text has the page chrome mostly gone, so repeated lines stay and no article
    zone is looked for; the fallback's whole-page text is cleaned like pasted text. A line of
    more than MAX_LINE_CHARS characters (the limit uploaded text is held to) is removed, whole;
    the line pass reads a short stand-in for it (its ends), so it is not scanned again and
    again. The
    site name and publication date come from the page's metadata (`metadata.page_metadata`),
    the date else from the text's dateline; its address is `url`, else the page's own
    (canonical) address.
    """
    page = extract(html, url)
    text, stand_ins = _shortened(page.text)
    lines = classify_lines(
        text,
        title=page.title,
        guess_title=not page.title,
        find_zone=page.whole_page,
        drop_repeats=page.whole_page,
        extra_boilerplate=extra_boilerplate,
        keep_lines=keep_lines,
        title_line=title_line,
        editor_removed=editor_removed,
    )
    lines = tuple(_within_limit(line) for line in _restored(lines, page.text, stand_ins))
    facts = page_metadata(html)
    return build_cleaned(
        lines,
        title=title_line.strip() or page.title or None,
        author=page.author,
        date=page.date,
        url=url or facts.url,
        published=facts.published,
        site_name=facts.site_name,
    )


@dataclass(frozen=True, slots=True)
class _StandIn:
    """Where the stand-in for an over-long line is in the shortened text, and how many
    characters shorter it is than the line."""

    start: int
    end: int
    shift: int


def _shortened(text: str) -> tuple[str, tuple[_StandIn, ...]]:
    """`text` with each line over MAX_LINE_CHARS replaced by its first and last
    STAND_IN_EDGE characters; where they stand."""
    if len(text) <= MAX_LINE_CHARS:
        return text, ()
    parts, stand_ins, offset = [], [], 0
    for line in text.split("\n"):
        if len(line) > MAX_LINE_CHARS:
            short = f"{line[:STAND_IN_EDGE]} … {line[-STAND_IN_EDGE:]}"
            stand_ins.append(_StandIn(offset, offset + len(short), len(line) - len(short)))
            line = short
        parts.append(line)
        offset += len(line) + 1
    return "\n".join(parts), tuple(stand_ins)


def _restored(
    lines: tuple[Line, ...], text: str, stand_ins: tuple[_StandIn, ...]
) -> tuple[Line, ...]:
    """The lines of the shortened text as lines of `text`: offsets shifted back, and each
    line holding a stand-in made of the original text and removed as too long."""
    if not stand_ins:
        return lines
    restored = []
    for line in lines:
        start = line.start + sum(s.shift for s in stand_ins if s.end <= line.start)
        end = line.end + sum(s.shift for s in stand_ins if s.end <= line.end)
        if any(line.start <= s.start < line.end for s in stand_ins):
            too_long = Line(text[start:end], start, end, Role.REMOVED, str(Reason.TOO_LONG))
            restored.append(too_long)
        else:
            restored.append(replace(line, start=start, end=end))
    return tuple(restored)


def _within_limit(line: Line) -> Line:
    if len(line.text) <= MAX_LINE_CHARS:
        return line
    return replace(line, role=Role.REMOVED, reason=str(Reason.TOO_LONG))


def extract(html: str, url: str = "") -> Extracted:
    """The article text and metadata of a page, from trafilatura or, failing it, the fallback."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url or None, include_comments=False, with_metadata=True
    )
    if document is None:
        document = trafilatura.extract_metadata(html, default_url=url or None)
    text = getattr(document, "text", None) or ""
    fallback = fallback_text(html) if _missed_article(text) else ""
    if fallback and word_count(text) >= MIN_EXTRACTED_WORDS and not _more_prose(fallback, text):
        fallback = ""
    title = getattr(document, "title", None) or page_title(html)
    author, date = getattr(document, "author", None), getattr(document, "date", None)
    meta = (title or "", author or "", date or "")
    return Extracted(fallback or text, *meta, whole_page=bool(fallback))


def _missed_article(text: str) -> bool:
    """trafilatura found next to nothing, or no prose (a weather box, a list of links), or a
    table layout that it returns as one `|`-joined line per row."""
    if word_count(text) < MIN_EXTRACTED_WORDS or prose_words(text) < MIN_EXTRACTED_WORDS:
        return True
    return any(
        line.startswith("|") and word_count(line) >= MIN_EXTRACTED_WORDS
        for line in text.split("\n")
    )


def prose_words(text: str) -> int:
    """Words in the lines that end like a sentence, table rows apart."""
    lines = (line for line in text.split("\n") if not line.lstrip().startswith("|"))
    return sum(word_count(line) for line in lines if ends_sentence(line))


def _more_prose(fallback: str, text: str) -> bool:
    return prose_words(fallback) > prose_words(text)


def fallback_text(html: str) -> str:
    """The visible text of the page body, one line per block element."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    body = soup.body or soup
    for tag in [*body.find_all(DROPPED_TAGS), *body.find_all(_is_comment_box)]:
        if not tag.decomposed and not _page_in_a_form(tag):
            tag.decompose()
    for tag in body.find_all(BLOCK_TAGS):
        tag.insert_before(BLOCK_BREAK)
        tag.insert_after(BLOCK_BREAK)
    blocks = (HTML_SPACE.sub(" ", block).strip(" ") for block in body.get_text().split(BLOCK_BREAK))
    return "\n".join(block for block in blocks if block)


def page_title(html: str) -> str:
    """The page's first `<h1>`, else its `<title>`."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in (soup.find("h1"), soup.title):
        if tag is not None and tag.get_text(strip=True):
            return HTML_SPACE.sub(" ", tag.get_text()).strip()
    return ""


def _page_in_a_form(tag: Tag) -> bool:
    """A `<form>` that holds the page (ASP.NET wraps every page in one), not a search box or
    a comment form: FORM_PAGE_WORDS words or more, and FORM_PAGE_SENTENCES sentences."""
    if tag.name != "form":
        return False
    text = tag.get_text(" ")
    sentences = len(SENTENCE_BREAK.findall(text))
    return sentences >= FORM_PAGE_SENTENCES and word_count(text) >= FORM_PAGE_WORDS


def _is_comment_box(tag: Tag) -> bool:
    names = [tag.get("id") or "", *(tag.get("class") or [])]
    return any(COMMENT_BOX.fullmatch(str(name)) for name in names)
