"""Roles: editors upload and edit, readers only browse; nothing but sign-in without an account."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client

from newsdiff.accounts.access import READ_ONLY, can_edit
from newsdiff.accounts.roles import EDITORS, READERS
from newsdiff.articles.models import Article, Story
from tests.security.conftest import site_url_names, url_for

pytestmark = pytest.mark.django_db

OPEN_TO_ALL = {"login", "logout"}
WRITE_VIEWS = {
    "upload",
    "story-upload",
    "story-rename",
    "story-delete",
    "article-line-correct",
    "article-title-line",
    "article-edit",
    "article-delete",
    "article-check",
    "story-check",
    "row-correction-undo",
}
EDIT_BUTTONS = (
    "Upload an article",
    "Add an article",
    ">Rename<",
    ">Delete<",
    ">Restore<",
    ">Remove<",
)


def test_the_roles_exist_with_their_permissions() -> None:
    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    readers = set(Group.objects.get(name=READERS).permissions.values_list("codename", flat=True))
    assert {"add_article", "change_article", "delete_story", "view_claim"} <= editors
    assert readers and all(codename.startswith("view_") for codename in readers)
    assert "view_article" in readers


def test_the_local_editor_account_is_an_editor() -> None:
    call_command("ensure_editor", "--username", "local-ed", stdout=io.StringIO())
    user = Group.objects.get(name=EDITORS).user_set.get(username="local-ed")
    assert can_edit(user)


def test_the_local_editor_account_says_where_to_sign_in() -> None:
    out = io.StringIO()
    call_command("ensure_editor", "--url", "http://127.0.0.1:8765/", stdout=out)
    assert out.getvalue().startswith("Sign in at http://127.0.0.1:8765/ as 'editor' with password")


def test_create_account_makes_a_reader_who_cannot_edit() -> None:
    out = io.StringIO()
    call_command("create_account", "newreader", "--role", "reader", stdout=out)
    user = Group.objects.get(name=READERS).user_set.get(username="newreader")
    assert "Created reader 'newreader' with password" in out.getvalue()
    assert not can_edit(user)
    call_command("create_account", "newreader", "--role", "editor", stdout=out)
    user = type(user).objects.get(pk=user.pk)  # permissions are cached on the instance
    assert can_edit(user) and not user.groups.filter(name=READERS).exists()


@pytest.mark.parametrize("name", sorted(set(site_url_names()) - OPEN_TO_ALL))
def test_every_page_but_sign_in_needs_an_account(
    client: Client, seed_story: Story, name: str
) -> None:
    url = url_for(name, seed_story)
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("name", sorted(set(site_url_names()) - OPEN_TO_ALL))
def test_a_reader_can_change_nothing(reader_client: Client, seed_story: Story, name: str) -> None:
    url = url_for(name, seed_story)
    before = (Story.objects.count(), Article.objects.count(), seed_story.title)
    response = reader_client.post(url, {"new_story": "x", "text": "Some text.", "title": "New"})
    assert response.status_code in {403, 405}, url
    seed_story.refresh_from_db()
    assert (Story.objects.count(), Article.objects.count(), seed_story.title) == before


@pytest.mark.parametrize("name", sorted(WRITE_VIEWS))
def test_a_reader_gets_a_clear_403_page_on_write_pages(
    reader_client: Client, seed_story: Story, name: str
) -> None:
    response = reader_client.get(url_for(name, seed_story))
    assert response.status_code in {403, 405}
    if response.status_code == 403:
        assert READ_ONLY.split(":")[0] in response.content.decode().replace("&#x27;", "'")


@pytest.mark.parametrize("name", sorted(set(site_url_names()) - OPEN_TO_ALL - WRITE_VIEWS))
def test_a_reader_can_browse_every_other_page(
    reader_client: Client, seed_story: Story, name: str
) -> None:
    response = reader_client.get(url_for(name, seed_story))
    assert response.status_code in {200, 286}, name


def test_an_editor_can_open_the_write_pages(editor_client: Client, seed_story: Story) -> None:
    for name in ("upload", "story-upload", "story-rename", "story-delete"):
        assert editor_client.get(url_for(name, seed_story)).status_code == 200, name


def test_readers_see_no_edit_buttons_and_editors_do(
    reader_client: Client,
    editor: User,
    seed_story: Story,
) -> None:
    article = seed_story.articles.order_by("pk").first()
    assert article is not None
    pages = ["/", seed_story.get_absolute_url(), article.get_absolute_url()]
    reader_pages = "".join(reader_client.get(url).content.decode() for url in pages)
    assert not any(button in reader_pages for button in EDIT_BUTTONS)
    assert 'href="/upload/"' not in reader_pages
    reader_client.force_login(editor)
    editor_pages = "".join(reader_client.get(url).content.decode() for url in pages)
    assert all(button in editor_pages for button in EDIT_BUTTONS)
