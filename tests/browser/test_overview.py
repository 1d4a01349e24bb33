"""An editor opens the overview of the seed story: the matrix, the figures and the quotes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from newsdiff.articles.models import Story
from tests.browser.test_story_page import sign_in
from tests.conftest import DEMO_TITLE, EDITOR_PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db: None) -> Story:
    call_command("load_demo", verbosity=0)
    get_user_model().objects.create_user("editor", password=EDITOR_PASSWORD)
    return Story.objects.get(title=DEMO_TITLE)


def test_editor_reads_the_overview(
    page: Page,
    live_server: LiveServer,
    demo: Story,
    console_errors: list[str],
) -> None:
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/stories/{demo.slug}/overview/")

    matrix = page.locator("svg.matrix")
    assert matrix.is_visible()
    assert matrix.get_attribute("role") == "group"
    label, box = matrix.get_attribute("aria-label"), matrix.bounding_box()
    assert label is not None and "shared statements" in label
    assert box is not None and box["height"] > 300
    rows = page.locator("svg.matrix a.matrix-label").count()
    assert matrix_cells(page) == 5 * rows

    fifty = page.locator(
        "table.figures-table tr", has=page.locator("th", has_text=re.compile("^50,000$"))
    )
    assert fifty.locator(".figure-mention").count() == 4
    assert "qualifiers differ" in fifty.inner_text().lower()
    assert "up to 50,000" in fifty.locator("td.is-odd").inner_text()

    kirby = page.locator("table.quotes-table th.speaker", has_text="John Kirby")
    assert kirby.count() == 1
    kuleba = page.locator("#only-in li", has_text="We must immediately recognize them")
    assert kuleba.is_visible()
    assert console_errors == []  # no CSP violation, no script error


def matrix_cells(page: Page) -> int:
    """The matrix's cells: a shape each where an outlet has the statement, and where it lacks
    it, as many as the pattern-filled runs are cells wide."""
    return int(
        page.evaluate(
            """() => {
              const svg = document.querySelector("svg.matrix");
              const shapes = svg.querySelectorAll("g.matrix-row use").length;
              const runs = [...svg.querySelectorAll("rect.matrix-lacks")];
              return shapes + runs.reduce((n, run) => n + run.width.baseVal.value / 30, 0);
            }"""
        )
    )


def test_a_matrix_row_leads_to_its_row_side_by_side(
    page: Page,
    live_server: LiveServer,
    demo: Story,
    console_errors: list[str],
) -> None:
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/stories/{demo.slug}/overview/")
    page.locator("svg.matrix a.matrix-label").first.click()
    page.wait_for_url(re.compile(r"#group-\d+$"))
    group = page.url.rsplit("#", 1)[1]
    assert page.locator(f"tr#{group}").is_visible()
    assert console_errors == []
