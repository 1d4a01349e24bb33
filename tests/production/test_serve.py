"""The `make serve` stack for real: gunicorn with DEBUG off, whitenoise, a db_worker.

An editor signs in over plain HTTP on loopback (the production settings' secure cookies), the
hashed static files are served with long cache lifetimes, every page carries the security
headers, and an upload is processed by the worker.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.client import Browser, free_port, story_options
from scripts.runs import RUN_PASSWORD, RUN_USER, seed_texts, upload_text
from scripts.stack import Stack, StackConfig

STATIC = re.compile(r'(?:href|src)="(/static/[^"]+)"')


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    folder: Path = tmp_path_factory.mktemp("serve")
    running = Stack(
        StackConfig(
            database_url=f"sqlite:///{folder / 'db.sqlite3'}",
            port=free_port(),
            workers=1,
            web_workers=1,
            web_threads=2,
            log_dir=folder / "logs",
            extra_env={"NEWSDIFF_PASSWORD": RUN_PASSWORD},
        )
    )
    running.prepare()
    running.manage("load_demo")
    running.manage("create_account", RUN_USER, "--role", "editor")
    running.start()
    yield running
    running.stop()
    assert not running.running()


@pytest.fixture
def editor(stack: Stack) -> Iterator[Browser]:
    browser = Browser(stack.base_url)
    browser.sign_in(RUN_USER, RUN_PASSWORD)
    yield browser
    browser.close()


def test_sign_in_sets_secure_http_only_cookies(stack: Stack) -> None:
    browser = Browser(stack.base_url)
    page = browser.get("/accounts/login/")
    assert "secure" in page.headers["set-cookie"].lower()
    response = browser.post("/accounts/login/", {"username": RUN_USER, "password": RUN_PASSWORD})
    cookie = response.headers["set-cookie"].lower()
    assert response.status == 302 and "sessionid=" in cookie
    assert "secure" in cookie and "httponly" in cookie


def test_pages_carry_the_policy_and_hashed_static_files(stack: Stack, editor: Browser) -> None:
    page = editor.get("/")
    assert page.status == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    statics = STATIC.findall(page.text)
    assert any(re.fullmatch(r"/static/css/newsdiff\.[0-9a-f]{12}\.css", url) for url in statics)
    for url in statics:
        static = editor.get(url)
        assert static.status == 200, url
        assert "immutable" in static.headers["cache-control"]


def test_an_upload_is_processed_by_the_worker(stack: Stack, editor: Browser) -> None:
    text, marker = upload_text(seed_texts(), 7)
    story = story_options(editor.get("/upload/").text)[
        "North Korea's arms delivery to the Wagner Group"
    ]
    response = editor.post("/upload/", {"story": story, "text": text, "outlet": "Served"})
    assert response.status == 302
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if marker in editor.get(response.location).text:
            return
        time.sleep(1)
    pytest.fail("the worker did not store the upload within 2 minutes")


def test_behind_a_tls_proxy_responses_carry_hsts(stack: Stack) -> None:
    browser = Browser(stack.base_url)
    response = browser.get("/accounts/login/", **{"X-Forwarded-Proto": "https"})
    assert response.status == 200
    hsts = response.headers["strict-transport-security"]
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    assert "strict-transport-security" not in browser.get("/accounts/login/").headers
