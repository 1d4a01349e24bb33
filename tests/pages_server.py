"""A real HTTP server on loopback (OS-assigned port) whose pages a test sets and changes.

`PagesServer.serve(path, body, ...)` sets what `path` answers; the `pages_server` fixture (given
to every test by tests/conftest.py) starts one per test and allows 127.0.0.1 through
NEWSDIFF_FETCH_ALLOW_HOSTS.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsdiff.articles.fetch import ALLOW_HOSTS_VARIABLE


@dataclass
class Page:
    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers.items())))
        page = self.server.pages.get(self.path)
        if page is None:
            page = Page(b"<html><body><p>no such page</p></body></html>", status=404)
        self.send_response(page.status)
        headers = {"Content-Type": "text/html; charset=utf-8"} | page.headers
        headers.setdefault("Content-Length", str(len(page.body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(page.body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    pages: dict[str, Page]
    requests: list[tuple[str, dict[str, str]]]


class PagesServer:
    """Serves pages from memory on 127.0.0.1 until `close()`."""

    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.pages = {}
        self._server.requests = []
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def requests(self) -> list[tuple[str, dict[str, str]]]:
        return self._server.requests

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def serve(
        self,
        path: str,
        body: str | bytes,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        """Make `path` answer `body` from now on; returns the page's URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self._server.pages[path] = Page(data, status, dict(headers or {}))
        return self.url(path)

    def redirect(self, path: str, location: str, *, status: int = 302) -> str:
        return self.serve(path, b"", status=status, headers={"Location": location})

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def article_page(title: str, *paragraphs: str) -> str:
    """A small but realistic article page: a menu, the headline, the paragraphs, a footer."""
    body = "\n".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright 2026 Test News</footer></body></html>"
    )


@pytest.fixture
def pages_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[PagesServer]:
    """A loopback server for one test, allowed (by its address) through the fetch allow list."""
    server = PagesServer()
    monkeypatch.setenv(ALLOW_HOSTS_VARIABLE, "127.0.0.1")
    yield server
    server.close()
