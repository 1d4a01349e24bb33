"""Every page: sign-in required, the sign-in page, 404, the content security policy."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from newsdiff.articles.models import Story
from tests.conftest import EDITOR_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/", "/upload/", "/stories/x/", "/stories/x/export.json", "/stories/x/rows.csv"]
)
def test_every_page_needs_sign_in(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_sign_in_page_is_open_and_signing_in_works(client: Client, editor: User) -> None:
    assert client.get("/accounts/login/").status_code == 200
    response = client.post("/accounts/login/", {"username": "jo", "password": EDITOR_PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_missing_story_is_404(editor_client: Client) -> None:
    assert editor_client.get("/stories/nope/").status_code == 404


def test_pages_send_a_content_security_policy(editor_client: Client, seed_story: Story) -> None:
    response = editor_client.get(seed_story.get_absolute_url())
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()
