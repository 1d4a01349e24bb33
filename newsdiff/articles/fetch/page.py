"""Reading an answer: redirects, status, content type, the body (streamed, size-limited,
decompressed with a bound) and its charset.
"""

from __future__ import annotations

import codecs
import http.client
import re
import time
import zlib
from collections.abc import Iterator
from urllib.parse import urljoin

from newsdiff.articles.fetch.addresses import Target
from newsdiff.articles.fetch.errors import (
    BAD_ENCODING,
    BAD_STATUS,
    BROKEN_ANSWER,
    EMPTY_PAGE,
    IMAGE_PAGE,
    OTHER_TYPE,
    PDF_PAGE,
    REDIRECT_WITHOUT_LOCATION,
    TIMED_OUT,
    TOO_LARGE,
    FetchError,
)
from newsdiff.articles.fetch.limits import FetchLimits

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
CHUNK_BYTES = 64 * 1024
META_SCAN_BYTES = 4096
META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)


def read_answer(
    response: http.client.HTTPResponse,
    target: Target,
    limits: FetchLimits,
    deadline: float,
    *,
    original: str,
) -> str | tuple[str, str, bytes]:
    if response.status in REDIRECT_CODES:
        location = response.getheader("Location", "").strip()
        if not location:
            raise FetchError(original, REDIRECT_WITHOUT_LOCATION.format(status=response.status))
        return urljoin(target.url, location)
    if not 200 <= response.status < 300:
        reason = " ".join(response.reason.split())[:80]
        raise FetchError(original, BAD_STATUS.format(status=response.status, reason=reason))
    content_type, charset = _content_type(response.getheader("Content-Type", ""))
    _check_type(content_type, original=original)
    length = response.getheader("Content-Length", "").strip()
    if length.isdigit() and int(length) > limits.max_bytes:
        raise FetchError(original, TOO_LARGE.format(limit=limits.max_bytes))
    encoding = response.getheader("Content-Encoding", "identity").strip().lower()
    body = b"".join(_body(response, encoding, limits, deadline, original=original))
    if not body.strip():
        raise FetchError(original, EMPTY_PAGE)
    if not content_type:
        content_type = _sniffed_type(body, original=original)
    return content_type, charset, body


def _content_type(header: str) -> tuple[str, str]:
    kind, _, params = header.partition(";")
    charset = ""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
    return kind.strip().lower(), charset


def _check_type(content_type: str, *, original: str) -> None:
    if not content_type or content_type in HTML_TYPES | TEXT_TYPES:
        return
    if content_type == "application/pdf":
        raise FetchError(original, PDF_PAGE)
    if content_type.startswith("image/"):
        raise FetchError(original, IMAGE_PAGE.format(content_type=content_type))
    raise FetchError(original, OTHER_TYPE.format(content_type=content_type[:80]))


def _sniffed_type(body: bytes, *, original: str) -> str:
    """The type of a page served without a Content-Type header, from its first bytes."""
    head = body[:1024].lstrip().lower()
    if head.startswith(b"%pdf-"):
        raise FetchError(original, PDF_PAGE)
    if head.startswith((b"\x89png", b"\xff\xd8\xff", b"gif8")):
        raise FetchError(original, IMAGE_PAGE.format(content_type="image"))
    return "text/html" if head.startswith(b"<") or b"<html" in head else "text/plain"


def _body(
    response: http.client.HTTPResponse,
    encoding: str,
    limits: FetchLimits,
    deadline: float,
    *,
    original: str,
) -> Iterator[bytes]:
    """The body, decompressed, in chunks; stops at the size limit or the deadline."""
    if encoding not in ("identity", "", "gzip", "x-gzip", "deflate"):
        raise FetchError(original, BAD_ENCODING.format(encoding=encoding[:40]))
    inflater = None
    if encoding in ("gzip", "x-gzip", "deflate"):
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 32 if "gzip" in encoding else zlib.MAX_WBITS)
    size = 0
    while chunk := response.read1(CHUNK_BYTES):
        if time.monotonic() >= deadline:
            raise FetchError(original, TIMED_OUT.format(seconds=limits.total_seconds))
        if inflater is not None:
            chunk = _inflate(inflater, chunk, limits.max_bytes - size, original=original)
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError(original, TOO_LARGE.format(limit=limits.max_bytes))
        yield chunk


def _inflate(inflater: zlib._Decompress, chunk: bytes, room: int, *, original: str) -> bytes:
    """Decompress one chunk, never more than one byte past the room left (a zip bomb stops)."""
    try:
        out = inflater.decompress(chunk, room + 1)
    except zlib.error as error:
        raise FetchError(
            original, BROKEN_ANSWER.format(detail=f"bad compression: {error}")
        ) from error
    if inflater.unconsumed_tail:
        return out + b"\0"  # more is waiting than the room left: over the limit
    return out


def decoded(body: bytes, content_type: str, charset: str) -> tuple[str, str]:
    """The page as text, and the charset used: the header's, the meta tag's, else UTF-8/cp1252."""
    for name in (charset, _meta_charset(body) if content_type != "text/plain" else ""):
        codec = _codec(name)
        if codec:
            try:
                return body.decode(codec), codec
            except UnicodeDecodeError:
                continue
    try:
        return body.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace"), "cp1252"


def _meta_charset(body: bytes) -> str:
    found = META_CHARSET.search(body[:META_SCAN_BYTES])
    return found.group(1).decode("ascii") if found else ""


def _codec(name: str) -> str:
    if not name:
        return ""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""
