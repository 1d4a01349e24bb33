"""Sign-in throttling: after N failed attempts for one user name from one address, wait.

Counts live in Django's cache (the database cache by default, so every web process and
machine sees the same counts; no extra service). The window is fixed: it starts at the first
failure and lasts `SIGNIN_WINDOW_SECONDS`; a successful sign-in clears it.
"""

from __future__ import annotations

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

TOO_MANY_ATTEMPTS = (
    "Too many failed sign-in attempts for this user name from your address. "
    "Try again in {minutes} minute(s)."
)
KEY_PREFIX = "signin-failures:"


def client_ip(request: HttpRequest) -> str:
    """The caller's address: REMOTE_ADDR, or the header a trusted proxy sets (a setting)."""
    header = settings.SIGNIN_CLIENT_IP_HEADER
    forwarded = request.META.get(header, "") if header else ""
    return forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(username: str, ip: str) -> str:
    digest = hashlib.sha256(f"{username.strip().casefold()}|{ip}".encode()).hexdigest()
    return KEY_PREFIX + digest


def _state(username: str, ip: str) -> tuple[int, float]:
    """(failures so far, when the window ends) for this user name and address."""
    count, until = cache.get(_key(username, ip), (0, 0.0))
    return (count, until) if until > time.time() else (0, 0.0)


def wait_minutes(username: str, ip: str) -> int:
    """Minutes until this user name may try again from this address; 0 if it may now."""
    count, until = _state(username, ip)
    if count < settings.SIGNIN_MAX_FAILURES:
        return 0
    return max(1, math.ceil((until - time.time()) / 60))


def failure_record(username: str, ip: str) -> int:
    """Count one failed attempt; returns the failures in the current window."""
    count, until = _state(username, ip)
    now = time.time()
    until = until or now + settings.SIGNIN_WINDOW_SECONDS
    cache.set(_key(username, ip), (count + 1, until), timeout=max(1, math.ceil(until - now)))
    return count + 1


def failures_clear(username: str, ip: str) -> None:
    cache.delete(_key(username, ip))
