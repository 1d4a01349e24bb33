"""The overview's coverage matrix with ten and thirty outlets: every column in view, labels
that lean instead of overlapping, the full name on hover and in the table view."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from tests.browser.ten_outlets import outlet_names, ten_outlet_story
from tests.browser.test_story_page import sign_in
from tests.conftest import EDITOR_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("outlets", [10, 30])
def test_matrix_shows_every_outlet_column_readably(
    page: Page, console_errors: list[str], live_server: LiveServer, outlets: int
) -> None:
    get_user_model().objects.create_user("editor", password=EDITOR_PASSWORD)
    story = ten_outlet_story(outlets=outlets)
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/stories/{story.slug}/overview/")
    scroll = page.locator(".matrix-scroll")
    box = scroll.bounding_box()
    assert box is not None
    sizes = scroll.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert sizes[0] <= sizes[1]  # nothing to scroll to: no column is cut off
    labels = page.locator("svg.matrix text.matrix-outlet")
    assert labels.count() == outlets
    shown = [labels.nth(n).bounding_box() for n in range(outlets)]
    boxes = [b for b in shown if b is not None]
    assert len(boxes) == outlets
    assert all(b["x"] >= box["x"] and b["x"] + b["width"] <= box["x"] + box["width"] for b in boxes)
    assert all(b["y"] >= box["y"] for b in boxes)
    # leaning labels: each starts one column right of the one before, well clear of it
    starts = [labels.nth(n).evaluate("t => t.getStartPositionOfChar(0).x") for n in range(2)]
    assert starts[1] - starts[0] >= 28
    names = outlet_names(outlets)
    tips = labels.evaluate_all("ts => ts.map(t => t.querySelector('title').textContent)")
    assert tips == list(names)
    page.get_by_role("link", name="Read the matrix as a table").click()
    heads = page.locator("table.coverage-table thead th").all_text_contents()
    assert heads[1:] == list(names)
    assert console_errors == []
