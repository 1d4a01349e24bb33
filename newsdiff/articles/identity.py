"""Which article an input is: its source, its outlet and date, and the copies of one text.

An article's source is its outlet plus its URL, else the caller's own id, else its file (and
line, for a .jsonl line), else, for pasted text, the outlet named; text without any of these
has no source. The same source with the same cleaned text is the same article (ingesting it
again changes nothing), and so is text without a source whose text the story already has;
the same text from another source is another article, a copy (wire copy run by several
outlets).

The outlet is the one given (the form's field, the .jsonl line's, `--outlet`), else the page's
own site name, else a name made of the URL's domain, else the file name without extension.
The date is the one given, else the one the page's metadata or the text's dateline states.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import PurePath, PureWindowsPath
from typing import Protocol

from newsdiff.articles.inputs import ArticleInput
from newsdiff.textcore.clean import outlet_from_url
from newsdiff.textcore.types import Cleaned


class HasText(Protocol):
    pk: int
    content_hash: str


def source_key(
    *, outlet: str, url: str, external_id: str = "", source_file: str = "", line: int | None = None
) -> str:
    """The article's source as a fixed-length key: outlet + URL, else the caller's id, else the
    file (and line), else (pasted text) the outlet named; "" for text with none of these."""
    if url.strip():
        source = f"url\n{' '.join(outlet.split()).casefold()}\n{url.strip()}"
    elif external_id.strip():
        source = f"id\n{external_id.strip()}"
    elif source_file.strip():
        source = f"file\n{source_file.strip()}\n{line or ''}"
    elif outlet.strip():  # pasted text, its outlet named
        source = f"outlet\n{' '.join(outlet.split()).casefold()}"
    else:
        return ""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def outlet_for(item: ArticleInput, cleaned: Cleaned) -> str:
    """The outlet's name: given, else the page's site name, else the URL's domain as a name,
    else the file name without its extension."""
    return (
        " ".join(item.outlet.split())
        or cleaned.site_name
        or outlet_from_url(item.url or cleaned.url)
        or file_stem(item.source_file)
    )


def published_for(item: ArticleInput, cleaned: Cleaned) -> datetime | None:
    """The publication time: given, else the one the page or the text states (a date alone
    is that day at 00:00 UTC); naive times are taken as UTC."""
    found = item.published or _parsed(cleaned.published)
    if found is not None and found.tzinfo is None:
        found = found.replace(tzinfo=UTC)
    return found


def given_name(name: str) -> str:
    """A file's name as given, never a server path: "/srv/in/cnn.txt" -> "cnn.txt"; a
    relative name ("story/cnn.txt") is kept as it is."""
    name = name.strip()
    if not name:
        return ""
    windows = PureWindowsPath(name)
    if PurePath(name).is_absolute() or windows.is_absolute() or windows.drive:
        return windows.name if "\\" in name else PurePath(name).name
    return name


def file_stem(source_file: str) -> str:
    """The file's name without folder and extension: "seeds/CNN.txt" -> "CNN"."""
    if not source_file.strip():
        return ""
    return PurePath(PureWindowsPath(source_file.strip()).as_posix()).stem


def copies_of(articles: Iterable[HasText]) -> dict[int, list[int]]:
    """Each article's copies: the other articles with the same cleaned text, by id."""
    articles = list(articles)
    by_text: dict[str, list[int]] = defaultdict(list)
    for article in articles:
        by_text[article.content_hash].append(article.pk)
    return {
        article.pk: sorted(other for other in by_text[article.content_hash] if other != article.pk)
        for article in articles
    }


def _parsed(value: str) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
