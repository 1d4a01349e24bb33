"""One fetch: each hop checked (`addresses`), connected to (`connection`), and read (`page`)."""

from __future__ import annotations

import http.client
import time

from newsdiff.articles.fetch.addresses import AllowList, Target, checked_target, url_parts
from newsdiff.articles.fetch.connection import PinnedConnection, watchdog
from newsdiff.articles.fetch.errors import (
    BROKEN_ANSWER,
    TIMED_OUT,
    TOO_MANY_REDIRECTS,
    FetchError,
    detail,
)
from newsdiff.articles.fetch.limits import FetchedPage, FetchLimits
from newsdiff.articles.fetch.page import TEXT_TYPES, decoded, read_answer

USER_AGENT = "newsdiff/1.0 (compares news coverage; fetches pages editors add)"


def fetch_page(
    url: str, *, limits: FetchLimits | None = None, allow: AllowList | None = None
) -> FetchedPage:
    """Fetch `url` under the rules of the package docstring, or raise `FetchError`."""
    limits = limits or FetchLimits()
    allow = allow if allow is not None else AllowList.from_environment()
    deadline = time.monotonic() + limits.total_seconds
    current, hops = url.strip(), []
    for _ in range(limits.redirects + 1):
        target = checked_target(current, allow, original=url)
        answer = _request(target, limits, deadline, original=url)
        if isinstance(answer, str):
            hops.append(current)
            current = answer
            continue
        content_type, charset, body = answer
        raw, used = decoded(body, content_type, charset)
        fmt = "text" if content_type in TEXT_TYPES else "html"
        return FetchedPage(url, current, raw, fmt, content_type, used, tuple(hops))
    raise FetchError(url, TOO_MANY_REDIRECTS.format(limit=limits.redirects))


def check_url(url: str) -> str:
    """The address, stripped, if it is a well-formed http(s) URL with a host; else FetchError.

    For forms and commands, before anything is queued (no DNS lookup here)."""
    url_parts(url.strip(), original=url)
    return url.strip()


def _request(
    target: Target, limits: FetchLimits, deadline: float, *, original: str
) -> str | tuple[str, str, bytes]:
    """One hop: the next URL for a redirect, else (content type, charset, body bytes)."""
    timed_out = FetchError(original, TIMED_OUT.format(seconds=limits.total_seconds))
    connection = PinnedConnection(target, limits.connect_seconds, deadline)
    try:
        with watchdog(connection, deadline) as fired:
            try:
                connection.connect_checked(original)
                connection.request("GET", target.path, headers=_headers())
                response = connection.getresponse()
                answer = read_answer(response, target, limits, deadline, original=original)
            except FetchError:
                if fired.is_set():  # the answer was cut short at the deadline
                    raise timed_out from None
                raise
            if fired.is_set():
                raise timed_out
            return answer
    except FetchError:
        raise
    except TimeoutError as error:
        raise timed_out from error
    except (OSError, http.client.HTTPException, ValueError) as error:
        if time.monotonic() >= deadline:
            raise timed_out from error
        raise FetchError(original, BROKEN_ANSWER.format(detail=detail(error))) from error
    finally:
        connection.close()


def _headers() -> dict[str, str]:
    return {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
        "Connection": "close",
    }
