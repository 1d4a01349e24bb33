"""An editor signs in, opens the seed story and sees shared and unique statements highlighted."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from newsdiff.articles.models import Story
from tests.conftest import DEMO_TITLE, EDITOR_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page
    from pytest_django.live_server_helper import LiveServer


@pytest.fixture
def demo(transactional_db: None) -> Story:
    call_command("load_demo", verbosity=0)
    get_user_model().objects.create_user("editor", password=EDITOR_PASSWORD)
    return Story.objects.get(title=DEMO_TITLE)


def sign_in(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    assert "/accounts/login/" in page.url
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", EDITOR_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def background(locator: Locator) -> str:
    colour = locator.evaluate("el => getComputedStyle(el).backgroundColor")
    assert isinstance(colour, str)
    return colour


def test_editor_sees_the_seed_story_side_by_side(
    page: Page,
    live_server: LiveServer,
    demo: Story,
    console_errors: list[str],
) -> None:
    sign_in(page, live_server.url)
    page.click(f"text={demo.title}")
    page.wait_for_selector("table.side-by-side")

    headers = page.locator("table.side-by-side thead th .outlet").all_inner_texts()
    assert [h.lower() for h in headers] == [
        a.label.lower() for a in demo.articles.order_by("position")
    ]

    fifty = page.locator(".claim", has_text="estimated 50,000 fighters")
    row = page.locator("tr", has=fifty)
    assert row.locator(".claim").count() == 4
    assert "shared by 4 of 5" in row.locator(".row-head").inner_text().lower()

    unique = page.locator(".claim", has_text="We must immediately recognize them")
    folded = page.locator("details.own", has=unique)
    assert "only here" in folded.locator("summary").inner_text().lower()
    assert not unique.is_visible()  # folded by default, opens in place
    folded.locator("summary").click()
    assert unique.is_visible()
    assert background(fifty) != background(unique)
    assert background(unique) not in {"rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"}
    assert page.locator(".legend").is_visible()
    assert console_errors == []  # no CSP violation, no script error


def test_lead_switch_with_htmx_keeps_a_shareable_url(
    page: Page,
    live_server: LiveServer,
    demo: Story,
    console_errors: list[str],
) -> None:
    sign_in(page, live_server.url)
    page.goto(live_server.url + demo.get_absolute_url())
    last = demo.articles.order_by("position").last()
    assert last is not None
    page.locator("th", has_text=last.label).locator(".lead-link").click()
    page.wait_for_url(re.compile(rf"lead={last.pk}"))
    first_header = page.locator("table.side-by-side thead th.col-head").first
    assert last.label.lower() in first_header.inner_text().lower()
    assert "leading" in first_header.inner_text().lower()
    page.reload()
    assert (
        last.label.lower()
        in page.locator("table.side-by-side thead th.col-head").first.inner_text().lower()
    )
    assert console_errors == []
