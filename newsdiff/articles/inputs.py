"""Reading article inputs from files and JSON lines: decoding, format detection, clear errors.

Django-light on purpose: it yields plain `ArticleInput` items and `InputProblem`s, so the
ingest command and the upload form report bad input the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils.dateparse import parse_date, parse_datetime

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

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


def format_for(name: str) -> str:
    """"html" for .html/.htm names, "text" for the rest."""
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


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ArticleInput | InputProblem]:
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
        yield ArticleInput(raw=decode_bytes(data), fmt=format_for(path.name), source_file=str(path))
    except DecodeError as error:
        yield InputProblem(str(path), str(error))


def read_jsonl(data: bytes, *, source: str, max_bytes: int) -> Iterator[ArticleInput | InputProblem]:
    """One article per JSON line; every bad line is reported with its number."""
    try:
        text = decode_bytes(data)
    except DecodeError as error:
        yield InputProblem(source, str(error))
        return
    for number, line in enumerate(text.splitlines(), start=1):
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
    if not isinstance(obj, dict):
        return InputProblem(source, NOT_AN_OBJECT, number)
    problem = _field_problem(obj)
    if problem:
        return InputProblem(source, problem, number)
    published = _parse_published(obj.get("published"))
    if obj.get("published") and published is None:
        return InputProblem(source, BAD_DATE.format(value=obj["published"]), number)
    fmt = "text" if obj.get("text") else "html"
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
