"""Reading article inputs from files and JSON lines: decoding, format detection, clear errors.

Django-light on purpose: it yields plain `ArticleInput` items and `InputProblem`s, so the
ingest command and the upload form report bad input the same way.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import charset_normalizer
from django.utils.dateparse import parse_date, parse_datetime

from newsdiff.articles.limits import (
    DEFAULT_MAX_BYTES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    MAX_HTML_BLOCKS,
    MAX_HTML_DEPTH,
    MAX_LINE_CHARS,
    MAX_LINES,
    MAX_SPACE_RUN,
    MAX_WORD_CHARS,
    MAX_WORDS,
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
BLANK_TEXT = "the object's {fields} {verb} empty: the article's text is required"
BAD_FIELD = 'field "{field}" must be a string'
BAD_DATE = 'field "published" is not an ISO 8601 date: {value!r}'
UNREADABLE = "cannot read the file: {detail}"
BAD_URL = 'field "url" must be an http:// or https:// address'
TOO_MANY_LINES = "too many lines for one article: {count:,}, the limit is {limit:,}"
LINE_TOO_LONG = "a line of {size:,} characters, the limit is {limit:,}: is this one article?"
WORD_TOO_LONG = "a word of {size:,} characters, the limit is {limit:,}: is this one article?"
SPACE_TOO_LONG = "a run of {size:,} spaces, the limit is {limit:,}: is this one article?"
TOO_MANY_WORDS = "too many words for one article: {count:,}, the limit is {limit:,}"
HTML_TOO_DEEP = "HTML nested too deeply: {depth:,} levels, the limit is {limit:,}"
HTML_TOO_MANY_BLOCKS = "too many HTML blocks for one article: {count:,}, the limit is {limit:,}"

# Each starts where a run starts, so a run is scanned once (not again from each character).
LONG_WORD = re.compile(rf"(?<!\S)\S{{{MAX_WORD_CHARS + 1},}}")
LONG_SPACE = re.compile(rf"(?<![^\S\n])[^\S\n]{{{MAX_SPACE_RUN + 1},}}")
# Words count as runs of letters and digits and single punctuation marks ("a,a" is three),
# the pieces the sentence splitter reads one by one.
WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")
TAG_NAME = re.compile(r"(/?)([a-zA-Z][a-zA-Z0-9]*)")
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
# Only inside these does "<x/>" close itself; in HTML "<span/>" opens a span like "<span>".
HTML_FOREIGN = frozenset({"svg", "math"})
WEB_SCHEMES = ("http://", "https://")

# Legacy encodings. A page's declared charset is looked for in its first META_SNIFF_BYTES.
META_SNIFF_BYTES = 4096
META_CHARSET = re.compile(
    rb"""<meta\s[^>]{0,300}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
# Western text read as cp1252: non-ASCII characters among these, at most this share of letters.
WESTERN_CHARS = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸ"
    "\u00a0\u00ad“”‘’‚„–—…•€£¥¢©®™°«»‹›§·×÷½ºª†‡"
)
WESTERN_MAX_SHARE = 0.25
# Czech and Slovak in cp1250 also decode as cp1252 into Latin-1 letters (č as è, ř as ø, ů as ù,
# ě as ì): such text is taken as cp1250 when its cp1250 reading holds at least
# CENTRAL_MIN_LETTERS of these letters (of those only cp1250 has), it also holds š or ž (the
# same bytes in both), and charset_normalizer finds it at least as coherent as cp1250.
CENTRAL_LETTERS = frozenset("čďěňřťůĺľŕČĎĚŇŘŤŮĹĽŔ")
CENTRAL_MIN_LETTERS = 2
CENTRAL_SHARED = frozenset("šžŠŽ")
# Both are one byte a character: the first this many bytes (and characters) are the sample.
CENTRAL_SAMPLE_BYTES = 64 * 1024
# Guesses that score within DETECT_TIE of the best tie; ties go to the first of these.
DETECT_TIE = 0.02
COMMON_ENCODINGS = (
    "cp1252", "iso8859-2", "cp1250", "koi8-r", "cp1251", "shift_jis", "cp932", "euc_jp",
    "iso2022_jp", "gb18030", "gbk", "gb2312", "big5", "euc_kr", "cp949", "iso8859-7", "cp1253",
    "iso8859-9", "cp1254", "iso8859-15", "iso8859-13", "cp1257", "iso8859-5", "koi8-u",
    "iso8859-8", "cp1255", "cp1256", "iso8859-6", "cp874", "cp1258", "iso8859-4", "iso8859-10",
)  # fmt: skip


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
    path: str = ""  # where it was read from, for messages; `source_file` is what is stored
    # Which of title, outlet, published and url an editor gave (the upload form): they win over
    # what is found, and a new version of the source keeps them.
    edited: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        place = self.path or self.source_file
        return f"{place}:{self.line}" if self.line else place


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
    """Bytes of a text or HTML file as text: UTF-8 (BOM or not), UTF-16 with BOM, else a
    legacy encoding (the page's `<meta charset>`, Western cp1252, or detected)."""
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
        return _checked_text(_legacy_text(data))


def _decode_or_raise(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(UNDECODABLE_INPUT) from error


def _legacy_text(data: bytes) -> str:
    """Bytes that are not UTF-8: the page's own `<meta charset>`, else Western text in
    cp1252 (unless it is Czech or Slovak in cp1250, which decodes as cp1252 too), else what
    charset_normalizer finds (ties go to the encoding more common on the web), else cp1252 if
    it decodes."""
    declared = declared_charset(data)
    text = _decoded(data, declared) if declared else None
    if text is not None:
        return text
    text = _decoded(data, "cp1252")
    if text is not None and _reads_as_western(text):
        central = _decoded(data, "cp1250")
        return central if central is not None and _reads_as_central(data, central) else text
    found = detected_charset(data)
    text = _decoded(data, found) if found else None
    return text if text is not None else _decode_or_raise(data, "cp1252")


def declared_charset(data: bytes) -> str:
    """The encoding a page declares in its first bytes (`<meta charset="…">` or the
    `http-equiv` form), as a Python codec name; "" when none or unknown. Latin-1 and ASCII
    are read as cp1252, as browsers do."""
    match = META_CHARSET.search(data[:META_SNIFF_BYTES])
    if match is None:
        return ""
    try:
        name = codecs.lookup(match[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return ""
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def detected_charset(data: bytes) -> str:
    """charset_normalizer's guess; among guesses that score alike, the first of
    COMMON_ENCODINGS (short texts often tie between related code pages)."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return ""
    best = matches[0]
    alike = [
        match.encoding
        for match in matches
        if match.chaos <= best.chaos + DETECT_TIE and match.coherence >= best.coherence - DETECT_TIE
    ]
    return min(alike, key=_commonness)


def _commonness(encoding: str) -> int:
    name = codecs.lookup(encoding).name
    return COMMON_ENCODINGS.index(name) if name in COMMON_ENCODINGS else len(COMMON_ENCODINGS)


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _reads_as_western(text: str) -> bool:
    """Text in a Western European language: its non-ASCII characters are Latin-1 letters or
    typographic marks, and they are a small share of its letters (KOI8-R read as cp1252 is
    all accented letters)."""
    foreign = [char for char in text if ord(char) > 127]
    if any(char not in WESTERN_CHARS for char in foreign):
        return False
    letters = sum(1 for char in text if char.isalpha())
    return len(foreign) <= WESTERN_MAX_SHARE * letters


def _reads_as_central(data: bytes, central: str) -> bool:
    """Czech or Slovak in cp1250 rather than a Western language in cp1252 (see
    CENTRAL_LETTERS): its cp1250 reading has letters of those languages, and charset_normalizer,
    asked to choose between the two, finds the cp1250 reading at least as coherent (both
    judged on the first CENTRAL_SAMPLE_BYTES)."""
    sample = central[:CENTRAL_SAMPLE_BYTES]
    letters = CENTRAL_LETTERS.intersection(sample)
    if len(letters) < CENTRAL_MIN_LETTERS or not CENTRAL_SHARED.intersection(sample):
        return False
    scores = {
        codecs.lookup(match.encoding).name: match.coherence
        for match in charset_normalizer.from_bytes(
            data[:CENTRAL_SAMPLE_BYTES], cp_isolation=["cp1250", "cp1252"]
        )
    }
    return scores.get("cp1250", 0.0) >= scores.get("cp1252", 0.0)


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
    if word := LONG_WORD.search(raw):
        return WORD_TOO_LONG.format(size=len(word.group(0)), limit=MAX_WORD_CHARS)
    if space := LONG_SPACE.search(raw):
        return SPACE_TOO_LONG.format(size=len(space.group(0)), limit=MAX_SPACE_RUN)
    words = WORD_OR_MARK.subn("", raw)[1]
    if words > MAX_WORDS:
        return TOO_MANY_WORDS.format(count=words, limit=MAX_WORDS)
    return ""


def html_tags(html: str) -> Iterator[tuple[bool, str, bool]]:
    """(closing, lower-case name, ends with "/>") of each tag of a page, in order.

    A linear scanner: a tag runs from "<name" to the first ">" after it; once no ">" is left,
    no later "<" can open a tag, so the scan stops (a pattern tried at each of 60,000 "<a"
    without a ">" rescanned the rest of the page from each)."""
    at = html.find("<")
    while at >= 0:
        name = TAG_NAME.match(html, at + 1)
        if name is None or _continues_word(html, name.end()):
            at = html.find("<", at + 1)
            continue
        end = html.find(">", name.end())
        if end < 0:
            return
        yield bool(name.group(1)), name.group(2).lower(), html[end - 1] == "/" and end > name.end()
        at = html.find("<", end + 1)


def _continues_word(html: str, at: int) -> bool:
    return at < len(html) and (html[at].isalnum() or html[at] == "_")


def _html_shape_problem(html: str) -> str:
    depth = deepest = blocks = foreign = 0
    for closing, name, self_closing in html_tags(html):
        blocks += not closing and name in HTML_BLOCK
        if name in HTML_FOREIGN and not self_closing:
            foreign = max(0, foreign - 1) if closing else foreign + 1
        if name in HTML_FLAT or (self_closing and (foreign or name in HTML_FOREIGN)):
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
    for found in walk_named(paths):
        yield found if isinstance(found, InputProblem) else found[0]


def walk_named(paths: Iterable[Path]) -> Iterator[tuple[Path, str] | InputProblem]:
    """Like `walk`, each file with its name as given: a file's own name, or its path inside
    the folder that was given ("sub/story.txt"), never the server's path to it."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _is_visible(p, path))
            yield from ((file, file.relative_to(path).as_posix()) for file in files)
        elif path.is_file():
            yield path, path.name
        else:
            yield InputProblem(str(path), "no such file or folder")


def _is_visible(path: Path, root: Path) -> bool:
    return not any(part.startswith(".") for part in path.relative_to(root).parts)


def read_path(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, name: str = ""
) -> Iterator[ArticleInput | InputProblem]:
    """The articles of one file (one for .txt/.html, one per line for .jsonl), or its problems.

    Each article's `source_file` is `name` (the file's name as given, see `walk_named`), else
    the file's own name: never the server's path to it. Problems, and `ArticleInput.where`,
    name the path as it was given, so that the one who ran the command can find the file.
    """
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield InputProblem(source, UNSUPPORTED_SUFFIX.format(suffix=suffix or path.name))
        return
    try:
        size = path.stat().st_size
        if size > max_bytes and suffix not in JSONL_SUFFIXES:
            yield InputProblem(source, TOO_LARGE_INPUT.format(size=size, limit=max_bytes))
            return
        data = path.read_bytes()
    except OSError as error:
        yield InputProblem(source, UNREADABLE.format(detail=error.strerror or error))
        return
    if suffix in JSONL_SUFFIXES:
        items = read_jsonl(data, source=source, max_bytes=max_bytes)
        stored = name or path.name
        for item in items:
            if isinstance(item, ArticleInput):
                item = replace(item, source_file=stored, path=source)
            yield item
        return
    try:
        raw = decode_bytes(data)
    except DecodeError as error:
        yield InputProblem(source, str(error))
        return
    fmt = format_for(path.name)
    problem = shape_problem(raw, fmt)
    stored = name or path.name
    yield InputProblem(source, problem) if problem else ArticleInput(raw, fmt, stored, path=source)


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
    published = parse_published(obj.get("published"))
    if obj.get("published") and published is None:
        return InputProblem(source, BAD_DATE.format(value=obj["published"]), number)
    fmt = "text" if obj.get("text") else "html"
    body: str = obj.get("text") or obj.get("html") or ""
    shape = shape_problem(body, fmt)
    if shape:
        return InputProblem(source, shape, number)
    return ArticleInput(
        raw=body,
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


def _field_problem(obj: dict[str, Any]) -> str:
    for field in ("text", "html", "title", "url", "outlet", "published", "story"):
        if obj.get(field) is not None and not isinstance(obj[field], str):
            return BAD_FIELD.format(field=field)
    if not (obj.get("text") or "").strip() and not (obj.get("html") or "").strip():
        given = [f'"{field}"' for field in ("text", "html") if field in obj]
        if not given:
            return NO_TEXT
        return BLANK_TEXT.format(fields=" and ".join(given), verb="are" if len(given) > 1 else "is")
    if (obj.get("url") or "").strip() and not web_url(obj["url"]):
        return BAD_URL
    return ""


def parse_published(value: object) -> datetime | None:
    """An ISO 8601 date ("2023-01-20") or date and time ("2023-01-20T14:30:00Z"), else None;
    a time without an offset comes back naive."""
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
