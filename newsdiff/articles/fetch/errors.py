"""Why a page was not fetched: `FetchError` and its messages, each giving the reason."""

from __future__ import annotations

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


def detail(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return " ".join(text.split())[:160]
