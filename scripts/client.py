"""A small HTTP client that behaves like an editor's browser: cookies, CSRF token, sign-in;
and a free loopback port. The one such helper for `scripts/` and `bench/`.

Standard library only. Cookies are kept whatever their Secure flag says: the stack under test
serves plain HTTP on loopback with production settings (secure cookies), as a TLS proxy would.
"""

from __future__ import annotations

import html
import http.client
import re
import socket
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from http.cookies import SimpleCookie

OPTION = re.compile(r'<option value="(\d+)"[^>]*>([^<]*)</option>')
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """A TCP port nobody listens on right now (loopback only)."""
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def signed_in(base_url: str, username: str, password: str) -> Browser:
    """A client of the server at `base_url` with a session of that user."""
    browser = Browser(base_url)
    browser.sign_in(username, password)
    return browser


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self) -> str:
        return self.headers.get("location", "")


class Browser:
    """One signed-in person: one keep-alive connection, the session and CSRF cookies."""

    def __init__(self, base_url: str, *, timeout: float = 120.0) -> None:
        parts = urllib.parse.urlsplit(base_url)
        self.base_url = base_url
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def request(
        self, method: str, path: str, *, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> Response:
        """Send one request (reconnecting once if the server closed the idle connection)."""
        all_headers = {"Host": f"{self.host}:{self.port}", **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            started = time.perf_counter()
            try:
                connection = self._connection()
                connection.request(method, path, body=body or None, headers=all_headers)
                raw = connection.getresponse()
                data = raw.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt == 2 or method != "GET":
                    raise
                continue
            self._keep_cookies(raw.msg.get_all("Set-Cookie") or [])
            response_headers = {k.lower(): v for k, v in raw.getheaders()}
            return Response(raw.status, response_headers, data, time.perf_counter() - started)
        raise AssertionError("unreachable")

    def get(self, path: str, **headers: str) -> Response:
        return self.request("GET", path, headers=headers)

    def post(
        self,
        path: str,
        fields: dict[str, str],
        *,
        files: dict[str, tuple[str, bytes]] | None = None,
    ) -> Response:
        """POST a form as a browser does: the CSRF token in the body, Origin and Referer set."""
        fields = {**fields, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        headers = {"Origin": self.base_url, "Referer": self.base_url + path}
        if files:
            boundary = uuid.uuid4().hex
            body = _multipart(fields, files, boundary)
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        else:
            body = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, body=body, headers=headers)

    def sign_in(self, username: str, password: str) -> None:
        self.get("/accounts/login/")
        response = self.post("/accounts/login/", {"username": username, "password": password})
        if response.status != 302:
            raise RuntimeError(f"sign-in as {username!r} failed ({response.status})")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def _connection(self) -> http.client.HTTPConnection:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self.connection

    def _keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value


def story_options(upload_page: str) -> dict[str, str]:
    """Story title -> the value the upload form's story menu uses for it."""
    return {html.unescape(title).strip(): value for value, title in OPTION.findall(upload_page)}


def _multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]], boundary: str) -> bytes:
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, data) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'
        )
        parts.append(head.encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode()
