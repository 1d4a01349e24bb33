"""CSRF: every form and htmx request carries the token; a write without it is refused."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from newsdiff.articles.models import Story
from tests.security.conftest import url_for

pytestmark = pytest.mark.django_db

REFUSED = "The form could not be accepted"


@pytest.fixture
def strict_client(editor: User) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    return client


def htmx_token(page: str) -> str:
    """The token htmx sends: the X-CSRFToken of hx-headers on <body>."""
    headers = re.search(r"<body\b[^>]*\bhx-headers='([^']*)'", page)
    assert headers, "hx-headers on <body> is missing"
    token = json.loads(headers.group(1))["X-CSRFToken"]
    assert isinstance(token, str)
    return token


@pytest.mark.parametrize("name", ["upload", "story-rename", "story-delete", "article-line-correct"])
def test_a_write_without_the_token_is_refused_and_changes_nothing(
    strict_client: Client, seed_story: Story, name: str
) -> None:
    before = (Story.objects.count(), seed_story.articles.count())
    response = strict_client.post(
        url_for(name, seed_story), {"new_story": "x", "text": "Some text."}
    )
    assert response.status_code == 403
    assert REFUSED in response.content.decode()
    assert (Story.objects.count(), seed_story.articles.count()) == before


def test_an_htmx_request_with_the_header_token_is_accepted(
    strict_client: Client, seed_story: Story
) -> None:
    token = htmx_token(strict_client.get(seed_story.get_absolute_url()).content.decode())
    response = strict_client.post(
        url_for("story-rename", seed_story),
        {"title": seed_story.title},
        headers={"X-CSRFToken": token, "HX-Request": "true"},
    )
    assert response.status_code in {200, 302}


def test_a_forged_token_is_refused(strict_client: Client, seed_story: Story) -> None:
    strict_client.get("/upload/")
    response = strict_client.post(
        "/upload/", {"new_story": "x", "text": "Some text."}, headers={"X-CSRFToken": "x" * 64}
    )
    assert response.status_code == 403


def test_every_post_form_carries_the_token(editor_client: Client, seed_story: Story) -> None:
    article = seed_story.articles.order_by("pk").first()
    assert article is not None
    for url in ("/upload/", url_for("story-rename", seed_story), article.get_absolute_url(), "/"):
        page = editor_client.get(url).content.decode()
        for form in re.findall(r"<form[^>]*method=\"post\".*?</form>", page, flags=re.S | re.I):
            assert 'name="csrfmiddlewaretoken"' in form, (url, form[:200])
