"""Fetching an article page by URL, safely enough to offer to any signed-in editor.

`fetch_page(url)` returns a `FetchedPage` (the decoded page, HTML or plain text) or raises
`FetchError` with a message naming the URL and why. The rules:

- http:// and https:// only, with a host name or address and no user name or password;
- the host is resolved once per hop, every address it resolves to is checked (private, loopback,
  link-local, multicast, reserved, unspecified and other non-global addresses are refused), and
  the connection goes to an address that was checked, so a second DNS answer cannot slip in
  between check and connect; redirects (at most `FetchLimits.redirects`) are checked the same way;
- a host listed in `NEWSDIFF_FETCH_ALLOW_HOSTS` (comma-separated names or addresses) skips the
  address check; the URL's host must be listed as written (a listed 127.0.0.1 does not allow
  `localhost`), and each redirect hop's host is checked again;
- connect and total time limits (a watchdog closes the socket at the deadline, so a server that
  drips a byte at a time is cut off too), and a size limit, counted while streaming, after
  decompression;
- HTML or plain text only: a PDF, an image or anything else is refused by its content type;
- the charset comes from the Content-Type header, else the page's `<meta charset>`, else UTF-8
  with a cp1252 fallback.

Proxy variables are ignored on purpose: the address checked must be the address connected to.
"""

from __future__ import annotations

import codecs
import http.client
import ipaddress
import os
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from urllib.parse import SplitResult, quote, urljoin, urlsplit

ALLOW_HOSTS_VARIABLE = "NEWSDIFF_FETCH_ALLOW_HOSTS"
USER_AGENT = "newsdiff/1.0 (compares news coverage; fetches pages editors add)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
CHUNK_BYTES = 64 * 1024
META_SCAN_BYTES = 4096
META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)

NOT_WEB = "only http:// and https:// addresses can be fetched, not {scheme}"
MALFORMED = "not a valid web address ({detail})"
NO_HOST = "the address names no host"
CREDENTIALS = "the address holds a user name or password; remove them"
UNRESOLVED = "the host name could not be resolved ({detail})"
FORBIDDEN_ADDRESS = (
    "the host resolves to {address}, a {kind} address, which newsdiff does not fetch from "
    "(an administrator can allow the host in NEWSDIFF_FETCH_ALLOW_HOSTS)"
)
REDIRECTED = "redirected to {url}, where {reason}"
TOO_MANY_REDIRECTS = "more than {limit} redirects"
REDIRECT_WITHOUT_LOCATION = "the server answered {status} without saying where to go"
BAD_STATUS = "the server answered {status} {reason}"
CONNECT_FAILED = "could not connect ({detail})"
TIMED_OUT = "no complete answer within {seconds:g} seconds"
CONNECT_TIMED_OUT = "could not connect within {seconds:g} seconds"
TOO_LARGE = "the page is larger than the limit of {limit:,} bytes"
PDF_PAGE = "the address serves a PDF, not a web page: copy its text into a .txt file instead"
IMAGE_PAGE = "the address serves an image ({content_type}), not an article"
OTHER_TYPE = "the address serves {content_type}, not an HTML page or plain text"
BAD_ENCODING = "the page is compressed as {encoding!r}, which newsdiff does not read"
BROKEN_ANSWER = "the server's answer was broken off or malformed ({detail})"
EMPTY_PAGE = "the page is empty"


class FetchError(ValueError):
    """A page that was not fetched: `url` is the address asked for, `reason` says why."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"cannot fetch {url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How long, how large and how far a fetch may go (the defaults are what the app uses)."""

    connect_seconds: float = 5.0
    total_seconds: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    redirects: int = 5


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A fetched page: `url` as asked for, `final_url` after redirects, `raw` decoded text."""

    url: str
    final_url: str
    raw: str
    fmt: str  # "html" or "text"
    content_type: str
    charset: str
    redirects: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class AllowList:
    """Hosts exempt from the address check, as written in URLs: names in lower case without a
    final dot, addresses in their canonical form. A listed address allows URLs naming that
    address, not host names that happen to resolve to it."""

    hosts: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, value: str) -> AllowList:
        entries = (_canonical_host(part) for part in value.split(","))
        return cls(frozenset(entry for entry in entries if entry))

    @classmethod
    def from_environment(cls) -> AllowList:
        return cls.parse(os.environ.get(ALLOW_HOSTS_VARIABLE, ""))

    def allows(self, host: str) -> bool:
        return _canonical_host(host) in self.hosts


def _canonical_host(host: str) -> str:
    host = host.strip().strip("[]").lower().rstrip(".")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return host


@dataclass(frozen=True, slots=True)
class Target:
    """One hop's checked destination: where to connect and what to ask for."""

    url: str
    https: bool
    host: str  # as sent in the Host header and for TLS (IDNA-encoded)
    port: int
    path: str
    addresses: tuple[str, ...]


def fetch_page(
    url: str, *, limits: FetchLimits | None = None, allow: AllowList | None = None
) -> FetchedPage:
    """Fetch `url` under the rules of the module docstring, or raise `FetchError`."""
    limits = limits or FetchLimits()
    allow = allow if allow is not None else AllowList.from_environment()
    deadline = time.monotonic() + limits.total_seconds
    current, hops = url.strip(), []
    for _ in range(limits.redirects + 1):
        target = _target(current, allow, original=url)
        answer = _request(target, limits, deadline, original=url)
        if isinstance(answer, str):
            hops.append(current)
            current = answer
            continue
        content_type, charset, body = answer
        raw, used = _decode(body, content_type, charset)
        fmt = "text" if content_type in TEXT_TYPES else "html"
        return FetchedPage(url, current, raw, fmt, content_type, used, tuple(hops))
    raise FetchError(url, TOO_MANY_REDIRECTS.format(limit=limits.redirects))


def check_url(url: str) -> str:
    """The address, stripped, if it is a well-formed http(s) URL with a host; else FetchError.

    For forms and commands, before anything is queued (no DNS lookup here)."""
    _parts(url.strip(), original=url)
    return url.strip()


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (the only place newsdiff asks DNS for a fetch)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_problem(address: str) -> str:
    """The kind of address newsdiff refuses to fetch from ("loopback", ...), or ""."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("unspecified", "loopback", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return "" if ip.is_global else "non-public"


def _parts(url: str, *, original: str) -> SplitResult:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as error:
        raise FetchError(original, MALFORMED.format(detail=error)) from error
    if any(ord(ch) <= 32 or ord(ch) == 127 for ch in url):
        raise FetchError(original, MALFORMED.format(detail="it holds spaces or control characters"))
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(original, NOT_WEB.format(scheme=f"{scheme}://" if scheme else "no scheme"))
    if not parts.hostname:
        raise FetchError(original, NO_HOST)
    if parts.username is not None or parts.password is not None:
        raise FetchError(original, CREDENTIALS)
    return parts


def _target(url: str, allow: AllowList, *, original: str) -> Target:
    parts = _parts(url, original=original)
    https = parts.scheme.lower() == "https"
    port = parts.port or (443 if https else 80)
    host = _ascii_host(parts.hostname or "", original=original)
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    try:
        addresses = resolve_host(host, port)
    except (OSError, UnicodeError) as error:
        raise FetchError(original, UNRESOLVED.format(detail=_detail(error))) from error
    if not allow.allows(host):
        for address in addresses:
            kind = address_problem(address)
            if kind:
                reason = FORBIDDEN_ADDRESS.format(address=address, kind=kind)
                if url != original.strip():
                    reason = REDIRECTED.format(url=url, reason=reason)
                raise FetchError(original, reason)
    return Target(url, https, host, port, path, tuple(addresses))


def _ascii_host(host: str, *, original: str) -> str:
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError as error:
        raise FetchError(original, MALFORMED.format(detail="the host name is not valid")) from error


def _request(
    target: Target, limits: FetchLimits, deadline: float, *, original: str
) -> str | tuple[str, str, bytes]:
    """One hop: the next URL for a redirect, else (content type, charset, body bytes)."""
    connection = _PinnedConnection(target, limits.connect_seconds, deadline)
    try:
        with _watchdog(connection, deadline):
            connection.connect_checked(original)
            connection.request("GET", target.path, headers=_headers())
            response = connection.getresponse()
            return _answer(response, target, limits, deadline, original=original)
    except FetchError:
        raise
    except TimeoutError as error:
        raise FetchError(original, TIMED_OUT.format(seconds=limits.total_seconds)) from error
    except (OSError, http.client.HTTPException, ValueError) as error:
        if time.monotonic() >= deadline:
            raise FetchError(original, TIMED_OUT.format(seconds=limits.total_seconds)) from error
        raise FetchError(original, BROKEN_ANSWER.format(detail=_detail(error))) from error
    finally:
        connection.close()


def _headers() -> dict[str, str]:
    return {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
        "Connection": "close",
    }


def _answer(
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


def _decode(body: bytes, content_type: str, charset: str) -> tuple[str, str]:
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


def _detail(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return " ".join(text.split())[:160]


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to an address checked beforehand, not to whatever DNS says now.

    The Host header and TLS (SNI and certificate check) use the host name."""

    def __init__(self, target: Target, connect_seconds: float, deadline: float) -> None:
        super().__init__(target.host, target.port, timeout=connect_seconds)
        self.target = target
        self.connect_seconds = connect_seconds
        self.deadline = deadline

    def connect_checked(self, original: str) -> None:
        errors: list[str] = []
        for address in self.target.addresses:
            remaining = self.deadline - time.monotonic()
            try:
                sock = socket.create_connection(
                    (address, self.target.port), timeout=min(self.connect_seconds, remaining)
                )
            except TimeoutError:
                errors.append(CONNECT_TIMED_OUT.format(seconds=self.connect_seconds))
                continue
            except (OSError, ValueError) as error:
                errors.append(CONNECT_FAILED.format(detail=_detail(error)))
                continue
            sock.settimeout(max(0.01, self.deadline - time.monotonic()))
            self.sock = self._secured(sock, original) if self.target.https else sock
            return
        raise FetchError(
            original, errors[-1] if errors else CONNECT_FAILED.format(detail="no address")
        )

    def connect(self) -> None:  # http.client calls this only when no socket is set
        raise http.client.NotConnected("connect_checked() must run first")

    def _secured(self, sock: socket.socket, original: str) -> socket.socket:
        try:
            return ssl.create_default_context().wrap_socket(sock, server_hostname=self.target.host)
        except (ssl.SSLError, OSError) as error:
            sock.close()
            raise FetchError(original, CONNECT_FAILED.format(detail=_detail(error))) from error


@contextmanager
def _watchdog(connection: _PinnedConnection, deadline: float) -> Iterator[None]:
    """Shut the connection's socket at the deadline, whatever it is waiting for."""

    def expire() -> None:
        sock = connection.sock
        if sock is not None:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(max(0.0, deadline - time.monotonic()), expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
