"""Content Security Policy: sent with every page, and no page needs inline script."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.http.response import HttpResponseBase
from django.test import Client

from newsdiff.articles.models import Story
from tests.security.conftest import POST_ONLY, site_url_names, url_for

pytestmark = pytest.mark.django_db


def assert_strict_policy(response: HttpResponseBase) -> None:
    policy = response.headers.get("Content-Security-Policy", "")
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
    )
    assert directives.get("script-src") == ["'self'"], policy
    assert directives.get("object-src") == ["'none'"], policy
    assert directives.get("frame-ancestors") == ["'none'"], policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def assert_no_inline_script(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        src = script.get("src")
        assert isinstance(src, str) and src.startswith("/static/"), str(script)[:200]
        assert not script.string or not script.string.strip(), str(script)[:200]
    for tag in soup.find_all(True):
        handlers = [name for name in tag.attrs if name.lower().startswith("on")]
        assert not handlers, str(tag)[:200]
        for name in ("href", "src", "action", "formaction"):
            assert not str(tag.get(name, "")).strip().lower().startswith("javascript:"), str(tag)[
                :200
            ]


@pytest.mark.parametrize("name", sorted(set(site_url_names()) - POST_ONLY))
def test_every_site_page_has_the_policy_and_no_inline_script(
    editor_client: Client, seed_story: Story, name: str
) -> None:
    response = editor_client.get(url_for(name, seed_story))
    assert response.status_code in {200, 286}
    assert_strict_policy(response)
    if response["Content-Type"].startswith("text/html"):
        assert_no_inline_script(response.content.decode())


@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_the_sign_in_pages_have_the_policy_and_no_inline_script(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert_strict_policy(response)
    assert_no_inline_script(response.content.decode())


@pytest.mark.parametrize("url", ["/admin/", "/admin/articles/article/", "/admin/auth/user/add/"])
def test_admin_pages_have_the_policy(admin_client: Client, seed_story: Story, url: str) -> None:
    response = admin_client.get(url)
    assert response.status_code == 200
    assert_strict_policy(response)


def test_error_pages_have_the_policy(reader_client: Client, seed_story: Story) -> None:
    forbidden = reader_client.get("/upload/")
    missing = reader_client.get("/stories/no-such-story/")
    assert (forbidden.status_code, missing.status_code) == (403, 404)
    for response in (forbidden, missing):
        assert_strict_policy(response)
        assert_no_inline_script(response.content.decode())
