"""An editor adds an article by URL, checks it for changes, and reads what changed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth import get_user_model

from newsdiff.accounts.roles import EDITORS, role_assign
from newsdiff.articles.models import Article
from tests.articles.test_versions import FIRST, SECOND, serve
from tests.browser.test_story_page import sign_in
from tests.conftest import EDITOR_PASSWORD
from tests.pages_server import PagesServer

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor_account(transactional_db: None) -> None:
    user = get_user_model().objects.create_user("editor", password=EDITOR_PASSWORD)
    role_assign(user, role=EDITORS)


def test_add_by_url_then_a_changed_page_is_a_second_version_with_its_diff(
    page: Page,
    live_server: LiveServer,
    editor_account: None,
    pages_server: PagesServer,
    console_errors: list[str],
) -> None:
    url = serve(pages_server, *FIRST)
    sign_in(page, live_server.url)
    page.goto(live_server.url + "/upload/")
    page.fill("input[name=new_story]", "Valley floods")
    page.fill("textarea[name=urls]", url + "\n")
    page.click("main button[type=submit]")
    page.wait_for_selector("table.side-by-side")
    assert page.locator("table.side-by-side thead th.col-head").count() == 1
    assert page.locator(".claim", has_text="3 dead").count() == 1
    article = Article.objects.get(url=url)

    serve(pages_server, *SECOND)  # the outlet updates its article
    page.goto(live_server.url + article.get_absolute_url())
    page.get_by_role("button", name="Check for changes").click()
    page.wait_for_selector("table.side-by-side")
    assert page.locator(".changed-badge", has_text="2 versions").count() == 1
    assert page.locator(".claim", has_text="5 dead").count() == 1
    assert (
        page.locator(".claim-version", has_text=re.compile("added in version 2", re.I)).count() == 1
    )

    page.locator(".changed-badge").click()
    versions = page.locator("#versions")
    versions.wait_for()
    assert versions.locator(".version-list li").count() == 2
    assert versions.locator("del", has_text="3").count() >= 1
    assert versions.locator("ins", has_text="5").count() >= 1
    assert versions.locator("ins", has_text="warnings came too late").count() == 1
    assert "3 dead -> 5 dead" in versions.locator(".figure-changes").inner_text()

    boring = [SECOND[0].replace("Monday, police", "Monday police"), *SECOND[1:]]
    serve(pages_server, *boring)  # only punctuation changed
    page.goto(live_server.url + article.get_absolute_url())
    page.get_by_role("button", name="Check for changes").click()
    page.wait_for_selector("table.side-by-side")
    assert "punctuation or a timestamp line: no new version" in page.locator("#jobs").inner_text()
    assert article.versions.count() == 2
    assert console_errors == []
