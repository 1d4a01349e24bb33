"""Clean a saved web page: trafilatura finds the article, then the line pass of `clean` runs.

trafilatura (with reader comments off) gives the body text and the title, author and date.
When it finds nothing, or next to nothing, the page's visible text is taken with
BeautifulSoup instead, minus scripts, styles, navigation, footers, asides, forms and comment
sections. Block offsets index the extracted text, not the HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import trafilatura
from bs4 import BeautifulSoup, Tag

from newsdiff.textcore.clean.features import word_count
from newsdiff.textcore.clean.text import build_cleaned, classify_lines
from newsdiff.textcore.types import Cleaned

MIN_EXTRACTED_WORDS = 40
DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form")
BLOCK_TAGS = (
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "dt", "dd", "tr", "blockquote", "pre", "figure", "figcaption", "br", "hr", "table",
)  # fmt: skip
COMMENT_BOX = re.compile(
    r"(?:comments?|comment-?(?:list|section|area)|comments-area|respond|replies|disqus_thread)",
    re.IGNORECASE,
)
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
BLOCK_BREAK = "\u2029"


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
) -> Cleaned:
    """Clean a web page; `extra_boilerplate` and `keep_lines` work as in `clean_text`.

    trafilatura's text has the page chrome mostly gone, so repeated lines stay and no article
    zone is looked for; the fallback's whole-page text is cleaned like pasted text.
    """
    page = extract(html, url)
    lines = classify_lines(
        page.text,
        title=page.title,
        guess_title=not page.title,
        find_zone=page.whole_page,
        drop_repeats=page.whole_page,
        extra_boilerplate=extra_boilerplate,
        keep_lines=keep_lines,
    )
    title = page.title or None
    return build_cleaned(lines, title=title, author=page.author, date=page.date, url=url)


def extract(html: str, url: str = "") -> Extracted:
    """The article text and metadata of a page, from trafilatura or, failing it, the fallback."""
    document = trafilatura.bare_extraction(
        html, url=url or None, include_comments=False, with_metadata=True
    )
    if document is None:
        document = trafilatura.extract_metadata(html, default_url=url or None)
    text = getattr(document, "text", None) or ""
    fallback = fallback_text(html) if word_count(text) < MIN_EXTRACTED_WORDS else ""
    title = getattr(document, "title", None) or page_title(html)
    author, date = getattr(document, "author", None), getattr(document, "date", None)
    meta = (title or "", author or "", date or "")
    return Extracted(fallback or text, *meta, whole_page=bool(fallback))


def fallback_text(html: str) -> str:
    """The visible text of the page body, one line per block element."""
    soup = BeautifulSoup(html, "lxml")
    body = soup.body or soup
    for tag in [*body.find_all(DROPPED_TAGS), *body.find_all(_is_comment_box)]:
        if not tag.decomposed:
            tag.decompose()
    for tag in body.find_all(BLOCK_TAGS):
        tag.insert_before(BLOCK_BREAK)
        tag.insert_after(BLOCK_BREAK)
    blocks = (HTML_SPACE.sub(" ", block).strip(" ") for block in body.get_text().split(BLOCK_BREAK))
    return "\n".join(block for block in blocks if block)


def page_title(html: str) -> str:
    """The page's first `<h1>`, else its `<title>`."""
    soup = BeautifulSoup(html, "lxml")
    for tag in (soup.find("h1"), soup.title):
        if tag is not None and tag.get_text(strip=True):
            return HTML_SPACE.sub(" ", tag.get_text()).strip()
    return ""


def _is_comment_box(tag: Tag) -> bool:
    names = [tag.get("id") or "", *(tag.get("class") or [])]
    return any(COMMENT_BOX.fullmatch(str(name)) for name in names)
