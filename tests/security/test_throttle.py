"""Sign-in throttling: N failures per user name and address, then a clear wait message."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from pytest_django import Settings

from newsdiff.accounts import throttle
from tests.conftest import EDITOR_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]

WAIT = "Too many failed sign-in attempts"


def sign_in(
    client: Client,
    password: str,
    *,
    username: str = "jo",
    ip: str = "10.0.0.1",
    path: str = "/accounts/login/",
) -> str:
    response = client.post(path, {"username": username, "password": password}, REMOTE_ADDR=ip)
    return "signed in" if response.status_code == 302 else response.content.decode()


def fail(client: Client, times: int, **kwargs: str) -> None:
    for _ in range(times):
        assert WAIT not in sign_in(client, "wrong-password", **kwargs)


def test_after_too_many_failures_even_the_right_password_waits(
    client: Client, editor: User, settings: Settings
) -> None:
    fail(client, settings.SIGNIN_MAX_FAILURES)
    page = sign_in(client, EDITOR_PASSWORD)
    assert WAIT in page and "Try again in 15 minute(s)" in page


def test_fewer_failures_do_not_block_and_success_starts_afresh(
    client: Client, editor: User, settings: Settings
) -> None:
    fail(client, settings.SIGNIN_MAX_FAILURES - 1)
    assert sign_in(client, EDITOR_PASSWORD) == "signed in"
    client.logout()
    fail(client, settings.SIGNIN_MAX_FAILURES - 1)
    assert sign_in(client, EDITOR_PASSWORD) == "signed in"


def test_the_block_is_per_user_name_and_address(
    client: Client, editor: User, settings: Settings
) -> None:
    fail(client, settings.SIGNIN_MAX_FAILURES)
    assert sign_in(client, EDITOR_PASSWORD, ip="10.0.0.2") == "signed in"
    client.logout()
    assert WAIT not in sign_in(client, "wrong", username="someone-else")
    assert WAIT in sign_in(client, EDITOR_PASSWORD, username="JO ")


def test_the_block_ends_after_the_window(
    client: Client, editor: User, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail(client, settings.SIGNIN_MAX_FAILURES)
    later = time.time() + settings.SIGNIN_WINDOW_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert sign_in(client, EDITOR_PASSWORD) == "signed in"


def test_the_admin_sign_in_is_throttled_too(
    client: Client, admin_user: User, settings: Settings
) -> None:
    fail(client, settings.SIGNIN_MAX_FAILURES, username="admin", path="/admin/login/")
    assert WAIT in sign_in(client, "password", username="admin", path="/admin/login/")


def test_a_trusted_proxy_header_names_the_address(rf: RequestFactory, settings: Settings) -> None:
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.9")
    assert throttle.client_ip(request) == "127.0.0.1"
    settings.SIGNIN_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert throttle.client_ip(request) == "203.0.113.9"
