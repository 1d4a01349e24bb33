"""Sign-in throttling: failures counted per user name and address, per address, per user name.

Three counters, each over a window of `SIGNIN_WINDOW_SECONDS` from its first failure:
  - one user name from one address: after `SIGNIN_MAX_FAILURES`, that address waits;
  - one address, whatever the user name: after `SIGNIN_MAX_FAILURES_PER_ADDRESS`, it waits;
  - one user name, whatever the address: after `SIGNIN_MAX_FAILURES_PER_USER`, all wait.
While one of them holds, no password is checked. User names count as authentication reads
them: NFKC-normalised, stripped and case-folded, so "ｖｉｃｔｉｍ", "Victim " and "victim" are one
name. The counters are rows of `SignInCounter` (the database: nothing evicts them), updated
with atomic increments.

Others' guesses never lock the real user out: a browser that signed in as a user carries a
signed "known device" cookie for that name, and is never made to wait for it (a correct
password there clears the user name's counters; wrong ones still count). A browser without
one waits at most one window. The address is REMOTE_ADDR, or the header a trusted proxy sets
(`SIGNIN_CLIENT_IP_HEADER`; see the README): behind a proxy without it, everyone shares the
proxy's address.
"""

from __future__ import annotations

import hashlib
import math
import time
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse

from newsdiff.accounts.models import SignInCounter

TOO_MANY_ATTEMPTS = (
    "Too many failed sign-in attempts for this user name from your address. "
    "Try again in {minutes} minute(s)."
)
TOO_MANY_FROM_ADDRESS = (
    "Too many failed sign-in attempts from your address. Try again in {minutes} minute(s)."
)
TOO_MANY_FOR_USER = (
    "Too many failed sign-in attempts for this user name. Try again in {minutes} minute(s), "
    "or sign in from a browser you signed in with before."
)
DEVICE_COOKIE = "newsdiff_signin_device"
DEVICE_SALT = "newsdiff.accounts.throttle.device"
DEVICE_MAX_AGE = 365 * 24 * 3600
DEVICE_MAX_NAMES = 8  # user names one browser is remembered for


def normal_name(username: str) -> str:
    """The user name as authentication reads it (NFKC), stripped and case-folded."""
    folded = unicodedata.normalize("NFKC", username).strip().casefold()
    return unicodedata.normalize("NFKC", folded)


def client_ip(request: HttpRequest) -> str:
    """The caller's address: REMOTE_ADDR, or the header a trusted proxy sets (a setting)."""
    header = settings.SIGNIN_CLIENT_IP_HEADER
    forwarded = request.META.get(header, "") if header else ""
    return forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "") or "unknown"


@dataclass(frozen=True, slots=True)
class Attempt:
    """One sign-in attempt: the user name (normalised), the address, and whether the browser
    signed in with this name before."""

    name: str
    ip: str
    known_device: bool = False

    @property
    def keys(self) -> tuple[str, str, str]:
        """The counters' keys: (user name and address, address, user name)."""
        pair = _key("pair", f"{self.name}|{self.ip}")
        return pair, _key("ip", self.ip), _key("user", self.name)


def attempt_for(request: HttpRequest | None, username: str) -> Attempt:
    name = normal_name(username)
    if request is None:
        return Attempt(name, "unknown")
    return Attempt(name, client_ip(request), _name_hash(name) in _device_names(request))


def wait_message(attempt: Attempt) -> str:
    """Why and how long this attempt must wait, or "" when its password may be checked."""
    if attempt.known_device:
        return ""
    now = time.time()
    limits = (
        (settings.SIGNIN_MAX_FAILURES, TOO_MANY_ATTEMPTS),
        (settings.SIGNIN_MAX_FAILURES_PER_ADDRESS, TOO_MANY_FROM_ADDRESS),
        (settings.SIGNIN_MAX_FAILURES_PER_USER, TOO_MANY_FOR_USER),
    )
    for key, (limit, message) in zip(attempt.keys, limits, strict=True):
        failures, window_ends = _count(key, now)
        if failures >= limit:
            return message.format(minutes=max(1, math.ceil((window_ends - now) / 60)))
    return ""


def failure_record(attempt: Attempt) -> None:
    """Count one failed attempt under each of its keys."""
    now = time.time()
    for key in attempt.keys:
        _add_failure(key, now)


def success_record(attempt: Attempt, request: HttpRequest | None) -> None:
    """A correct password: clear this name's count from this address (and, from a known
    device, the name's own count) and remember the browser for the name."""
    pair, _, user = attempt.keys
    SignInCounter.objects.filter(key__in=[pair, user] if attempt.known_device else [pair]).delete()
    if request is not None:
        request.signin_device_name = attempt.name  # type: ignore[attr-defined]


class KnownDeviceMiddleware:
    """Sets the known-device cookie on the response to a successful sign-in."""

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.get_response(request)
        name = getattr(request, "signin_device_name", None)
        if name:
            known = _name_hash(name)
            names = [known, *(n for n in _device_names(request) if n != known)]
            response.set_cookie(
                DEVICE_COOKIE,
                signing.dumps(names[:DEVICE_MAX_NAMES], salt=DEVICE_SALT),
                max_age=DEVICE_MAX_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


def _device_names(request: HttpRequest) -> list[str]:
    cookie = request.COOKIES.get(DEVICE_COOKIE, "")
    try:
        names = signing.loads(cookie, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE) if cookie else []
    except signing.BadSignature:
        return []
    return [str(name) for name in names] if isinstance(names, list) else []


def _name_hash(name: str) -> str:
    return hashlib.sha256(f"device|{name}".encode()).hexdigest()[:32]


def _key(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}|{value}".encode()).hexdigest()


def _count(key: str, now: float) -> tuple[int, float]:
    """(failures, end of the window) under `key`; (0, 0) when its window is over."""
    counter = SignInCounter.objects.filter(key=key, window_ends__gt=now).first()
    return (counter.failures, counter.window_ends) if counter else (0, 0.0)


def _add_failure(key: str, now: float) -> None:
    """One more failure under `key`: an atomic increment inside the window, else a new one."""
    window_ends = now + settings.SIGNIN_WINDOW_SECONDS
    with transaction.atomic():
        counted = SignInCounter.objects.filter(key=key, window_ends__gt=now).update(
            failures=F("failures") + 1
        )
        if counted:
            return
        try:
            with transaction.atomic():
                SignInCounter.objects.update_or_create(
                    key=key, defaults={"failures": 1, "window_ends": window_ends}
                )
        except IntegrityError:  # another request created it meanwhile: count on it
            SignInCounter.objects.filter(key=key).update(failures=F("failures") + 1)
    SignInCounter.objects.filter(window_ends__lt=now - settings.SIGNIN_WINDOW_SECONDS).delete()
