"""Fetching by URL against a real loopback server: what is fetched, and every refusal."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import suppress

import pytest

from newsdiff.articles.fetch import (
    ALLOW_HOSTS_VARIABLE,
    USER_AGENT,
    AllowList,
    FetchError,
    FetchLimits,
    address_problem,
    addresses,
    check_url,
    fetch_page,
)
from tests.pages_server import PagesServer, article_page

PAGE = article_page("Flood kills 3", "Three people died in the flood on Monday, police said.")
FAST = FetchLimits(connect_seconds=1.0, total_seconds=1.0, max_bytes=64 * 1024, redirects=5)


def refusal(url: str, **options: object) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch_page(url, **options)  # type: ignore[arg-type]
    assert url.strip() in str(caught.value), "every refusal names the URL"
    return caught.value


# What is fetched


def test_fetches_an_allowed_page_with_a_newsdiff_user_agent(pages_server: PagesServer) -> None:
    url = pages_server.serve("/flood", PAGE)
    page = fetch_page(url)
    assert page.fmt == "html"
    assert "Three people died" in page.raw
    assert page.final_url == url
    assert pages_server.requests[-1][1]["User-Agent"] == USER_AGENT
    assert "newsdiff" in USER_AGENT


def test_plain_text_is_fetched_as_text(pages_server: PagesServer) -> None:
    url = pages_server.serve(
        "/wire.txt", "Three people died.", headers={"Content-Type": "text/plain; charset=utf-8"}
    )
    assert fetch_page(url).fmt == "text"


def test_follows_redirects_within_the_limit(pages_server: PagesServer) -> None:
    final = pages_server.serve("/story", PAGE)
    pages_server.redirect("/a", "/b", status=301)
    start = pages_server.redirect("/b", final, status=307)
    page = fetch_page(pages_server.url("/a"))
    assert page.final_url == final
    assert page.redirects == (pages_server.url("/a"), start)


def test_too_many_redirects_are_refused(pages_server: PagesServer) -> None:
    for n in range(7):
        pages_server.redirect(f"/r{n}", f"/r{n + 1}")
    pages_server.serve("/r7", PAGE)
    error = refusal(pages_server.url("/r0"))
    assert "more than 5 redirects" in error.reason


@pytest.mark.parametrize(
    ("header", "body", "expected"),
    [
        ("text/html; charset=iso-8859-2", "Łódź żółć".encode("iso-8859-2"), "Łódź żółć"),
        ("text/html; charset=koi8-r", "Москва".encode("koi8-r"), "Москва"),
        ("text/html", b"<meta charset='shift_jis'>" + "東京".encode("shift_jis"), "東京"),
        (
            "text/html",
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            + "Київ".encode("cp1251"),
            "Київ",
        ),
        ("text/html", "naïve café".encode("cp1252"), "naïve café"),
    ],
)
def test_charset_comes_from_the_header_else_the_meta_tag(
    pages_server: PagesServer, header: str, body: bytes, expected: str
) -> None:
    url = pages_server.serve("/page", body, headers={"Content-Type": header})
    assert expected in fetch_page(url).raw


def test_gzip_answers_are_decompressed(pages_server: PagesServer) -> None:
    url = pages_server.serve(
        "/gz", gzip.compress(PAGE.encode()), headers={"Content-Encoding": "gzip"}
    )
    assert "Three people died" in fetch_page(url).raw


def test_the_connection_goes_to_the_checked_address(
    pages_server: PagesServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "news.invalid" cannot resolve in real DNS: the page arrives only if newsdiff connects to
    # the address its own (checked) resolution returned, while asking for the name.
    monkeypatch.setattr(addresses, "resolve_host", lambda host, port: ["127.0.0.1"])
    url = pages_server.serve("/flood", PAGE).replace("127.0.0.1", "news.invalid")
    assert "Three people died" in fetch_page(url, allow=AllowList.parse("news.invalid")).raw
    assert pages_server.requests[-1][1]["Host"] == f"news.invalid:{pages_server.port}"


def test_an_allowed_host_name_skips_the_address_check(pages_server: PagesServer) -> None:
    url = pages_server.serve("/flood", PAGE).replace("127.0.0.1", "localhost")
    page = fetch_page(url, allow=AllowList.parse("LocalHost"))
    assert "Three people died" in page.raw


# Refusals


def test_loopback_is_refused_without_the_allow_list(
    pages_server: PagesServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ALLOW_HOSTS_VARIABLE)
    url = pages_server.serve("/flood", PAGE)
    error = refusal(url)
    assert "127.0.0.1, a loopback address" in error.reason
    assert pages_server.requests == [], "nothing was asked of the server"


def test_a_host_name_resolving_to_loopback_is_refused(pages_server: PagesServer) -> None:
    url = pages_server.serve("/flood", PAGE).replace("127.0.0.1", "localhost")
    error = refusal(url, allow=AllowList())
    assert "loopback address" in error.reason
    assert pages_server.requests == []


def test_a_host_name_resolving_to_a_private_address_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(addresses, "resolve_host", lambda host, port: ["93.184.215.14", "10.0.0.7"])
    error = refusal("https://intranet.example.com/news", allow=AllowList())
    assert "10.0.0.7, a private address" in error.reason


def test_a_redirect_to_a_private_address_is_refused(pages_server: PagesServer) -> None:
    pages_server.redirect("/go", "http://169.254.169.254/latest/meta-data/")
    error = refusal(pages_server.url("/go"))
    assert "redirected to http://169.254.169.254/latest/meta-data/" in error.reason
    assert "link-local address" in error.reason


def test_a_redirect_to_a_loopback_name_not_allowed_is_refused(pages_server: PagesServer) -> None:
    pages_server.serve("/secret", PAGE)
    pages_server.redirect("/go", pages_server.url("/secret", host="localhost"))
    error = refusal(pages_server.url("/go"))
    assert "loopback address" in error.reason
    assert [path for path, _ in pages_server.requests] == ["/go"]


@pytest.mark.parametrize(
    ("content_type", "message"),
    [
        ("application/pdf", "serves a PDF, not a web page"),
        ("image/png", "serves an image (image/png)"),
        ("application/json", "serves application/json, not an HTML page or plain text"),
    ],
)
def test_a_page_that_is_not_html_or_text_is_refused(
    pages_server: PagesServer, content_type: str, message: str
) -> None:
    url = pages_server.serve("/file", b"%PDF-1.7 ...", headers={"Content-Type": content_type})
    assert message in refusal(url).reason


def test_a_pdf_without_a_content_type_is_refused(pages_server: PagesServer) -> None:
    url = pages_server.serve("/file", b"%PDF-1.7 ...", headers={"Content-Type": ""})
    assert "PDF" in refusal(url).reason


def test_a_page_over_the_size_limit_is_refused(pages_server: PagesServer) -> None:
    url = pages_server.serve("/big", "<p>" + "x" * 100_000 + "</p>")
    assert "larger than the limit of 65,536 bytes" in refusal(url, limits=FAST).reason


def test_a_page_over_the_size_limit_without_a_length_stops_while_streaming(
    pages_server: PagesServer,
) -> None:
    body = ("<p>" + "x" * 1_000_000 + "</p>").encode()
    url = pages_server.serve("/big", body, headers={"Content-Length": "", "Connection": "close"})
    assert "larger than the limit" in refusal(url, limits=FAST).reason


def test_a_compressed_page_over_the_size_limit_is_refused(pages_server: PagesServer) -> None:
    bomb = gzip.compress(b"<p>" + b"0" * 5_000_000)  # ~5 KB that inflate to 5 MB
    url = pages_server.serve("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    assert "larger than the limit" in refusal(url, limits=FAST).reason


@pytest.fixture
def silent_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A loopback port that accepts connections and never answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    monkeypatch.setenv(ALLOW_HOSTS_VARIABLE, "127.0.0.1")
    yield listener.getsockname()[1]
    stop.set()
    thread.join(timeout=2)
    for sock in accepted:
        sock.close()
    listener.close()


def test_a_server_that_never_answers_hits_the_time_limit(silent_server: int) -> None:
    started = time.monotonic()
    limits = FetchLimits(connect_seconds=0.5, total_seconds=0.5)
    error = refusal(f"http://127.0.0.1:{silent_server}/slow", limits=limits)
    assert "no complete answer within 0.5 seconds" in error.reason
    assert time.monotonic() - started < 5, "a generous bound that only catches a hang"


@pytest.fixture
def dripping_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A loopback port that answers one header byte every 0.05 s, forever."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def drip() -> None:
        listener.settimeout(2)
        try:
            conn = listener.accept()[0]
        except TimeoutError:
            return
        with conn, suppress(OSError):
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            while not stop.wait(0.05):
                conn.sendall(b"X")

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    monkeypatch.setenv(ALLOW_HOSTS_VARIABLE, "127.0.0.1")
    yield listener.getsockname()[1]
    stop.set()
    thread.join(timeout=3)
    listener.close()


def test_a_server_that_drips_bytes_is_cut_off_at_the_total_time_limit(
    dripping_server: int,
) -> None:
    started = time.monotonic()
    limits = FetchLimits(connect_seconds=0.5, total_seconds=0.5)
    error = refusal(f"http://127.0.0.1:{dripping_server}/drip", limits=limits)
    assert "no complete answer within 0.5 seconds" in error.reason
    assert time.monotonic() - started < 5, "a generous bound that only catches a hang"


def test_an_error_status_is_refused(pages_server: PagesServer) -> None:
    assert "answered 404" in refusal(pages_server.url("/missing")).reason


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://", "names no host"),
        ("http://exa mple.com/news", "not a valid web address"),
        ("http://example.com:99999/", "not a valid web address"),
        ("example.com/news", "not no scheme"),
        ("http://user:secret@example.com/", "user name or password"),
        ("ftp://example.com/news.txt", "not ftp://"),
        ("javascript:alert(1)", "not javascript://"),
    ],
)
def test_a_malformed_or_non_web_url_is_refused(url: str, message: str) -> None:
    assert message in refusal(url, allow=AllowList()).reason
    with pytest.raises(FetchError):
        check_url(url)


def test_a_file_url_is_refused(tmp_path: object) -> None:
    error = refusal("file:///etc/passwd", allow=AllowList())
    assert "only http:// and https:// addresses can be fetched, not file://" in error.reason


def test_an_unresolvable_host_is_refused() -> None:
    assert "could not be resolved" in refusal("http://no-such-host.invalid/").reason


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::ffff:127.0.0.1", "loopback"),
        ("100.64.0.1", "non-public"),
        ("240.0.0.1", "private"),
        ("93.184.215.14", ""),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", ""),
    ],
)
def test_address_kinds(address: str, kind: str) -> None:
    assert address_problem(address) == kind


def test_allow_list_parses_names_and_addresses() -> None:
    allow = AllowList.parse(" News.Local., 127.0.0.1 ,[::1],0:0::0:1,, ")
    assert allow.hosts == {"news.local", "127.0.0.1", "::1"}
    assert allow.allows("news.local.") and allow.allows("NEWS.local")
    assert not allow.allows("localhost"), "a listed address does not allow names resolving to it"
