"""Every page passes axe-core (bundled by axe-playwright-python) without a serious or critical
violation, for a signed-in editor, on the seed story and on a ten-outlet story."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from newsdiff.accounts.roles import EDITORS, role_assign
from newsdiff.articles.models import Story
from tests.browser.ten_outlets import ten_outlet_story
from tests.browser.test_story_page import sign_in
from tests.conftest import DEMO_TITLE, EDITOR_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}


def violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:120]}"
        for v in found
        if v["impact"] in BLOCKING
    ]


@pytest.fixture
def stories(transactional_db: None) -> list[Story]:
    call_command("load_demo", verbosity=0)
    user = get_user_model().objects.create_user("editor", password=EDITOR_PASSWORD)
    role_assign(user, role=EDITORS)
    return [Story.objects.get(title=DEMO_TITLE), ten_outlet_story()]


def pages_of(story: Story) -> list[str]:
    url = story.get_absolute_url()
    article = story.articles.order_by("position").first()
    group = story.groups.order_by("position").first()
    assert article is not None and group is not None
    return [
        url,
        url + "?view=expanded",
        url + "?view=shared",
        url + f"?group={group.pk}",
        url + "overview/",
        url + "overview/table/",
        url + f"groups/{group.pk}/",
        article.get_absolute_url(),
        url + "upload/",
        url + "rename/",
        url + "delete/",
    ]


def test_every_page_has_no_serious_or_critical_violation(page, live_server, stories) -> None:
    page.goto(live_server.url + "/accounts/login/")
    found = {"/accounts/login/": violations(page)}
    sign_in(page, live_server.url)
    paths = ["/", "/?q=fighters", "/?q=mph+120+interstate", "/?q=nothing+like+this", "/upload/"]
    for story in stories:
        paths += pages_of(story)
    for path in paths:
        page.goto(live_server.url + path)
        found[path] = violations(page)
    assert {path: found for path, found in found.items() if found} == {}


def test_keys_help_and_open_statement_pass_too(page, live_server, stories) -> None:
    sign_in(page, live_server.url)
    page.goto(live_server.url + stories[1].get_absolute_url())
    page.locator(".claim-link").first.click()
    page.locator("#statement .versions").wait_for()
    assert violations(page) == []
    page.keyboard.press("Escape")
    page.keyboard.press("?")
    page.locator("#keys-help").wait_for()
    assert violations(page) == []
