"""Where a fetch may go: URLs parsed and checked, hosts resolved, addresses refused or allowed.

`checked_target(url, allow)` parses the URL, resolves its host once (`resolve_host`, the only
DNS lookup of a fetch) and refuses it if any address is private, loopback, link-local,
multicast, reserved, unspecified or otherwise not global, unless the URL's host is in the
allow list; the `Target` it returns carries the addresses checked, to connect to them.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, quote, urlsplit

from newsdiff.articles.fetch.errors import (
    CREDENTIALS,
    FORBIDDEN_ADDRESS,
    MALFORMED,
    NO_HOST,
    NOT_WEB,
    REDIRECTED,
    UNRESOLVED,
    FetchError,
    detail,
)

ALLOW_HOSTS_VARIABLE = "NEWSDIFF_FETCH_ALLOW_HOSTS"
PATH_SAFE = "/%:@!$&'()*+,;=-._~"


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


def url_parts(url: str, *, original: str) -> SplitResult:
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


def checked_target(url: str, allow: AllowList, *, original: str) -> Target:
    parts = url_parts(url, original=original)
    https = parts.scheme.lower() == "https"
    port = parts.port or (443 if https else 80)
    host = _ascii_host(parts.hostname or "", original=original)
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    try:
        addresses = resolve_host(host, port)
    except (OSError, UnicodeError) as error:
        raise FetchError(original, UNRESOLVED.format(detail=detail(error))) from error
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
