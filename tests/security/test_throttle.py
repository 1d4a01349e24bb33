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


def sign_out(client: Client) -> None:
    """Sign out as a browser does (`Client.logout` would also drop the browser's cookies)."""
    client.post("/accounts/logout/")
    assert throttle.DEVICE_COOKIE in client.cookies


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


# --- user names as authentication reads them, per-address limits, no lockout of the user ----


def test_a_fullwidth_lookalike_counts_as_the_same_user_name(
    client: Client, editor: User, settings: Settings
) -> None:
    spellings = ["jo", "ｊｏ", "ＪＯ", "Jo", " jo ", "ｊo"]
    for attempt in range(settings.SIGNIN_MAX_FAILURES):
        assert WAIT not in sign_in(client, "wrong", username=spellings[attempt % len(spellings)])
    for spelling in spellings:
        assert WAIT in sign_in(client, EDITOR_PASSWORD, username=spelling)


def test_the_fullwidth_lookalike_signs_in_as_the_user(client: Client, editor) -> None:
    assert sign_in(client, EDITOR_PASSWORD, username="ｊｏ") == "signed in"


def test_others_guesses_do_not_lock_out_a_browser_that_signed_in_before(
    client: Client, editor: User, settings: Settings
) -> None:
    real_user, attacker = client, Client()
    assert sign_in(real_user, EDITOR_PASSWORD) == "signed in"
    sign_out(real_user)
    # Behind one proxy (or one NAT) the attacker shares the real user's address.
    fail(attacker, settings.SIGNIN_MAX_FAILURES)
    assert WAIT in sign_in(attacker, EDITOR_PASSWORD)
    assert sign_in(real_user, EDITOR_PASSWORD) == "signed in"


def test_guesses_from_many_addresses_stop_at_the_user_limit_but_not_for_a_known_browser(
    client: Client, editor: User, settings: Settings
) -> None:
    real_user, attacker = client, Client()
    assert sign_in(real_user, EDITOR_PASSWORD, ip="10.9.9.9") == "signed in"
    sign_out(real_user)
    per_address = settings.SIGNIN_MAX_FAILURES
    for n in range(settings.SIGNIN_MAX_FAILURES_PER_USER // per_address):
        fail(attacker, per_address, ip=f"10.1.0.{n}")
    page = sign_in(attacker, EDITOR_PASSWORD, ip="10.2.0.1")
    assert "Too many failed sign-in attempts for this user name. Try again" in page
    assert sign_in(real_user, EDITOR_PASSWORD, ip="10.3.0.1") == "signed in"


def test_one_address_trying_many_user_names_waits(client: Client, editor, settings) -> None:
    names = [f"user{n}" for n in range(settings.SIGNIN_MAX_FAILURES_PER_ADDRESS)]
    for name in names:
        assert WAIT not in sign_in(client, "wrong", username=name, ip="10.4.0.1")
    page = sign_in(client, EDITOR_PASSWORD, ip="10.4.0.1")
    assert "Too many failed sign-in attempts from your address" in page
    assert sign_in(client, EDITOR_PASSWORD, ip="10.4.0.2") == "signed in"


def test_a_forged_known_device_cookie_is_ignored(client: Client, editor, settings) -> None:
    fail(client, settings.SIGNIN_MAX_FAILURES)
    client.cookies[throttle.DEVICE_COOKIE] = "not-signed"
    assert WAIT in sign_in(client, EDITOR_PASSWORD)


def test_failures_are_counted_in_the_database_not_the_cache(
    client: Client, editor: User, settings: Settings
) -> None:
    from django.core.cache import cache

    from newsdiff.accounts.models import SignInCounter

    fail(client, settings.SIGNIN_MAX_FAILURES)
    cache.clear()
    assert WAIT in sign_in(client, EDITOR_PASSWORD)
    pair = throttle.Attempt("jo", "10.0.0.1").keys[0]
    assert SignInCounter.objects.get(key=pair).failures == settings.SIGNIN_MAX_FAILURES
