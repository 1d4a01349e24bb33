"""Reading article inputs from files and JSON lines: decoding, format detection, clear errors.

Django-light on purpose: it yields plain `ArticleInput` items and `InputProblem`s, so the
ingest command and the upload form report bad input the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils.dateparse import parse_date, parse_datetime

from newsdiff.articles.limits import (
    DEFAULT_MAX_BYTES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    MAX_HTML_BLOCKS,
    MAX_HTML_DEPTH,
    MAX_LINE_CHARS,
    MAX_LINES,
    SUPPORTED_SUFFIXES,
)

EMPTY_INPUT = "the file is empty"
BINARY_INPUT = "not a text file (it holds binary data)"
PDF_INPUT = "a PDF, not a text or HTML file: copy its text into a .txt file"
ZIP_INPUT = "a ZIP archive (or Office document), not a text or HTML file: unpack it first"
UNDECODABLE_INPUT = "not UTF-8 text and could not be decoded"
TOO_LARGE_INPUT = "too large: {size:,} bytes, the limit is {limit:,} bytes"
UNSUPPORTED_SUFFIX = "unsupported file type {suffix!r}: use .txt, .text, .html, .htm or .jsonl"
BAD_JSON = "malformed JSON: {detail}"
NOT_AN_OBJECT = "each line must be a JSON object"
NO_TEXT = 'the object has neither "text" nor "html" (one of them is required)'
BAD_FIELD = 'field "{field}" must be a string'
BAD_DATE = 'field "published" is not an ISO 8601 date: {value!r}'
UNREADABLE = "cannot read the file: {detail}"
BAD_URL = 'field "url" must be an http:// or https:// address'
TOO_MANY_LINES = "too many lines for one article: {count:,}, the limit is {limit:,}"
LINE_TOO_LONG = "a line of {size:,} characters, the limit is {limit:,}: is this one article?"
HTML_TOO_DEEP = "HTML nested too deeply: {depth:,} levels, the limit is {limit:,}"
HTML_TOO_MANY_BLOCKS = "too many HTML blocks for one article: {count:,}, the limit is {limit:,}"

HTML_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
HTML_BLOCK = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2",
     "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "blockquote", "pre", "figure", "figcaption",
     "br", "hr", "table"}
)  # fmt: skip
# Elements that never hold others, or whose end tag may be left out: not counted as depth.
HTML_FLAT = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
     "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot",
     "colgroup", "rt", "rp", "optgroup"}
)  # fmt: skip
WEB_SCHEMES = ("http://", "https://")


@dataclass(frozen=True, slots=True)
class ArticleInput:
    raw: str
    fmt: str  # "text" or "html"
    source_file: str = ""
    line: int | None = None
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: datetime | None = None
    story: str = ""
    external_id: str = ""

    @property
    def where(self) -> str:
        return f"{self.source_file}:{self.line}" if self.line else self.source_file


@dataclass(frozen=True, slots=True)
class InputProblem:
    source: str
    reason: str
    line: int | None = None

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source


class DecodeError(ValueError):
    """Raised with a message fit for an editor when bytes are not usable text."""


def decode_bytes(data: bytes) -> str:
    """Bytes of a text or HTML file as text: UTF-8 (BOM or not), UTF-16 with BOM, else cp1252."""
    if not data.strip():
        raise DecodeError(EMPTY_INPUT)
    if data.startswith(b"%PDF-"):
        raise DecodeError(PDF_INPUT)
    if data.startswith(b"PK\x03\x04"):
        raise DecodeError(ZIP_INPUT)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked_text(_decode_or_raise(data, "utf-16"))
    if b"\x00" in data:
        raise DecodeError(BINARY_INPUT)
    try:
        return _checked_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _checked_text(_decode_or_raise(data, "cp1252"))


def _decode_or_raise(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(UNDECODABLE_INPUT) from error


def _checked_text(text: str) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if "\x00" in text or controls > max(8, len(text) // 100):
        raise DecodeError(BINARY_INPUT)
    if not text.strip():
        raise DecodeError(EMPTY_INPUT)
    return text


def shape_problem(raw: str, fmt: str) -> str:
    """Why the decoded input is too big a shape to be one article, or "" when it is fine."""
    if fmt == "html":
        return _html_shape_problem(raw)
    lines = raw.count("\n") + 1
    if lines > MAX_LINES:
        return TOO_MANY_LINES.format(count=lines, limit=MAX_LINES)
    longest = max(map(len, raw.splitlines()), default=0)
    if longest > MAX_LINE_CHARS:
        return LINE_TOO_LONG.format(size=longest, limit=MAX_LINE_CHARS)
    return ""


def _html_shape_problem(html: str) -> str:
    depth = deepest = blocks = 0
    for closing, name, self_closing in HTML_TAG.findall(html):
        name = name.lower()
        blocks += not closing and name in HTML_BLOCK
        if name in HTML_FLAT or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    if deepest > MAX_HTML_DEPTH:
        return HTML_TOO_DEEP.format(depth=deepest, limit=MAX_HTML_DEPTH)
    if blocks > MAX_HTML_BLOCKS:
        return HTML_TOO_MANY_BLOCKS.format(count=blocks, limit=MAX_HTML_BLOCKS)
    return ""


def web_url(url: str) -> str:
    """The address if it is http(s), else "": a javascript: link must never reach a page."""
    url = url.strip()
    return url if url.lower().startswith(WEB_SCHEMES) else ""


def format_for(name: str) -> str:
    """ "html" for .html/.htm names, "text" for the rest."""
    return "html" if Path(name).suffix.lower() in HTML_SUFFIXES else "text"


def walk(paths: Iterable[Path]) -> Iterator[Path | InputProblem]:
    """Files under the given paths: folders walked recursively, files in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _is_visible(p, path))
        elif path.is_file():
            yield path
        else:
            yield InputProblem(str(path), "no such file or folder")


def _is_visible(path: Path, root: Path) -> bool:
    return not any(part.startswith(".") for part in path.relative_to(root).parts)


def read_path(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ArticleInput | InputProblem]:
    """The articles of one file (one for .txt/.html, one per line for .jsonl), or its problems."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield InputProblem(str(path), UNSUPPORTED_SUFFIX.format(suffix=suffix or path.name))
        return
    try:
        size = path.stat().st_size
        if size > max_bytes and suffix not in JSONL_SUFFIXES:
            yield InputProblem(str(path), TOO_LARGE_INPUT.format(size=size, limit=max_bytes))
            return
        data = path.read_bytes()
    except OSError as error:
        yield InputProblem(str(path), UNREADABLE.format(detail=error.strerror or error))
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data, source=str(path), max_bytes=max_bytes)
        return
    try:
        raw = decode_bytes(data)
    except DecodeError as error:
        yield InputProblem(str(path), str(error))
        return
    fmt = format_for(path.name)
    problem = shape_problem(raw, fmt)
    yield InputProblem(str(path), problem) if problem else ArticleInput(raw, fmt, str(path))


def read_jsonl(
    data: bytes, *, source: str, max_bytes: int
) -> Iterator[ArticleInput | InputProblem]:
    """One article per JSON line; every bad line is reported with its number."""
    try:
        text = decode_bytes(data)
    except DecodeError as error:
        yield InputProblem(source, str(error))
        return
    # Only "\n" ends a line: JSON strings may hold U+2028 and U+0085, which splitlines() cuts.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if len(line.encode("utf-8")) > max_bytes:
            size = len(line.encode("utf-8"))
            yield InputProblem(source, TOO_LARGE_INPUT.format(size=size, limit=max_bytes), number)
            continue
        yield _jsonl_item(line, source=source, number=number)


def _jsonl_item(line: str, *, source: str, number: int) -> ArticleInput | InputProblem:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        return InputProblem(source, BAD_JSON.format(detail=error.msg), number)
    except (ValueError, RecursionError) as error:  # a 5,000-digit number, or nesting too deep
        return InputProblem(source, BAD_JSON.format(detail=type(error).__name__), number)
    if not isinstance(obj, dict):
        return InputProblem(source, NOT_AN_OBJECT, number)
    problem = _field_problem(obj)
    if problem:
        return InputProblem(source, problem, number)
    published = _parse_published(obj.get("published"))
    if obj.get("published") and published is None:
        return InputProblem(source, BAD_DATE.format(value=obj["published"]), number)
    fmt = "text" if obj.get("text") else "html"
    shape = shape_problem(obj.get("text") or obj.get("html"), fmt)
    if shape:
        return InputProblem(source, shape, number)
    return ArticleInput(
        raw=obj.get("text") or obj.get("html"),
        fmt=fmt,
        source_file=source,
        line=number,
        title=obj.get("title") or "",
        url=obj.get("url") or "",
        outlet=obj.get("outlet") or "",
        published=published,
        story=obj.get("story") or "",
        external_id=str(obj.get("id") or ""),
    )


def _field_problem(obj: dict[str, object]) -> str:
    for field in ("text", "html", "title", "url", "outlet", "published", "story"):
        if obj.get(field) is not None and not isinstance(obj[field], str):
            return BAD_FIELD.format(field=field)
    if not (obj.get("text") or "").strip() and not (obj.get("html") or "").strip():  # type: ignore[union-attr]
        return NO_TEXT
    if (obj.get("url") or "").strip() and not web_url(obj["url"]):  # type: ignore[arg-type]
        return BAD_URL
    return ""


def _parse_published(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip().replace("Z", "+00:00")
    try:
        parsed = parse_datetime(value)
    except ValueError:
        return None
    if parsed is not None:
        return parsed
    try:
        day = parse_date(value)
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day) if day else None
