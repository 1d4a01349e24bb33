"""An editor reads a ten-outlet story: compact grid, sticky outlets, keyboard, print and
disagreements."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, Page

from newsdiff.articles.models import Story
from tests.browser.ten_outlets import OUTLETS, own_text, ten_outlet_story
from tests.browser.test_story_page import sign_in
from tests.conftest import EDITOR_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story(transactional_db: None) -> Story:
    get_user_model().objects.create_user("editor", password=EDITOR_PASSWORD)
    return ten_outlet_story()


@pytest.fixture
def browser(browser: Browser) -> Iterator[Browser]:
    """The session's Chromium; the windows a test opens are closed after it (a page left
    open would go on talking to the live server while other tests run)."""
    opened = browser.contexts[:]
    yield browser
    for context in browser.contexts:
        if context not in opened:
            context.close()


def open_story(browser, live_server, story: Story, width: int, query: str = ""):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.console_errors = []  # read back by the tests
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    sign_in(page, live_server.url)
    page.goto(live_server.url + story.get_absolute_url() + query)
    page.wait_for_selector("table.grid")
    return page


def box(page: Page, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not shown"
    return {key: float(found[key]) for key in ("x", "y", "width", "height")}


@pytest.mark.parametrize("width", [1440, 1920])
def test_outlet_header_and_first_column_stay_in_view_after_scrolling(
    browser, live_server, story: Story, width: int
) -> None:
    page = open_story(browser, live_server, story, width)
    grid = box(page, ".grid-scroll")
    assert grid["y"] + grid["height"] <= 900  # the grid's own scrollbars are in the window
    scroll = page.evaluate(
        "() => { const s = document.querySelector('.grid-scroll');"
        " return [s.scrollHeight, s.clientHeight, s.scrollWidth, s.clientWidth]; }"
    )
    assert scroll[0] > scroll[1] * 1.5  # enough rows to scroll
    assert scroll[2] > scroll[3]  # ten columns do not fit: they scroll across
    page.evaluate(
        "() => { const s = document.querySelector('.grid-scroll');"
        " s.scrollTop = s.scrollHeight / 2; s.scrollLeft = s.scrollWidth / 2; }"
    )
    page.wait_for_timeout(100)
    header = box(page, "thead th.col-head:nth-child(6)")
    assert abs(header["y"] - grid["y"]) < 3  # the header row sticks to the top of the grid
    names = page.locator("thead th.col-head .outlet")
    visible = [
        names.nth(n).inner_text()
        for n in range(names.count())
        if _in_view(names.nth(n).bounding_box(), grid)
    ]
    assert len(visible) >= 3
    first_column = page.locator("tbody tr").nth(5).locator("th.row-head").bounding_box()
    assert abs(first_column["x"] - grid["x"]) < 3  # the row column sticks to the left
    assert page.console_errors == []


def _in_view(found: dict[str, float] | None, grid: dict[str, float]) -> bool:
    if found is None:
        return False
    return (
        found["y"] >= grid["y"] - 1
        and found["y"] + found["height"] <= grid["y"] + grid["height"]
        and found["x"] >= grid["x"] + 100
        and found["x"] + 20 <= grid["x"] + grid["width"]
    )


def test_outlet_navigator_brings_a_far_column_into_view(browser, live_server, story) -> None:
    page = open_story(browser, live_server, story, 1440)
    last = story.articles.order_by("position").last()
    head = page.locator(f"#col-{last.pk}")
    assert not _in_view(head.bounding_box(), box(page, ".grid-scroll"))
    page.locator(".column-nav a", has_text=OUTLETS[-1]).click()
    page.wait_for_function(
        f"() => {{ const h = document.getElementById('col-{last.pk}').getBoundingClientRect();"
        " const g = document.querySelector('.grid-scroll').getBoundingClientRect();"
        " return h.right <= g.right + 1 && h.left >= g.left; }"
    )
    marked = page.locator(".column-nav a.is-in-view", has_text=OUTLETS[-1])
    marked.wait_for()  # the navigator marks the columns in view once the scroll has settled
    assert marked.count() == 1


def test_compact_by_default_expanded_and_shared_only_on_request(
    browser, live_server, story
) -> None:
    page = open_story(browser, live_server, story, 1440)
    rows = page.locator("tbody tr")
    gap_rows = page.locator("tbody tr.row-gap")
    assert gap_rows.count() <= 1  # own statements fold into the shared row they follow
    assert rows.count() == 12 + gap_rows.count()
    own = page.locator("details.own").first
    assert re.fullmatch(r"\+ \d only here", own.locator("summary").inner_text())
    assert own.get_attribute("open") is None
    assert not own.locator(".claim").first.is_visible()
    own.locator("summary").click()  # opens in place
    assert own.locator(".claim").first.is_visible()

    page.get_by_role("link", name="Everything expanded").click()
    page.wait_for_url(re.compile(r"view=expanded"))
    page.wait_for_selector("details.own[open]")
    assert page.locator("details.own:not([open])").count() == 0

    page.get_by_role("link", name="Shared only").click()
    page.wait_for_url(re.compile(r"view=shared"))
    page.wait_for_function("() => !document.querySelector('details.own')")
    assert page.locator("tbody tr").count() == 12
    page.reload()
    assert page.locator("tbody tr").count() == 12
    assert page.console_errors == []


def test_compact_view_opens_own_statements_without_javascript(browser, live_server, story) -> None:
    viewport = {"width": 1440, "height": 900}
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server.url)
    page.goto(live_server.url + story.get_absolute_url())
    own = page.locator("details.own", has_text=own_text(0, 0, 1).split(" reports")[0]).first
    own.locator("summary").click()
    assert own.locator(".claim", has_text=own_text(0, 0, 1)).is_visible()
    context.close()


def test_keyboard_moves_opens_a_statement_and_escape_returns(browser, live_server, story) -> None:
    page = open_story(browser, live_server, story, 1440)
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("l")
    current = page.evaluate(
        "() => [document.activeElement.tagName, document.activeElement.cellIndex,"
        " document.activeElement.parentElement.id]"
    )
    assert current[0] == "TD"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("k")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.cellIndex") == current[1]
    row_id = current[2]
    group = row_id.removeprefix("group-")
    if not page.locator(f"#{row_id} td").nth(current[1] - 1).locator(".claim-link").count():
        page.keyboard.press("Home")
        page.keyboard.press("End")
        page.keyboard.press("Home")
    page.keyboard.press("Enter")
    page.wait_for_selector("#statement .versions")
    assert re.search(rf"[?&]group={group}\b", page.url)
    assert page.evaluate("document.activeElement.id") == "statement"
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.getElementById('statement').hidden")
    assert "group=" not in page.url
    assert page.evaluate("document.activeElement.parentElement.id") == row_id
    page.go_back()
    page.wait_for_selector("#statement .versions")
    assert re.search(rf"[?&]group={group}\b", page.url)

    page.keyboard.press("?")
    dialog = page.locator("#keys-help")
    assert dialog.is_visible()
    assert "Next or previous row" in dialog.inner_text()
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.console_errors == []


def test_a_disagreement_shows_in_the_row_with_a_marker_besides_colour(
    browser, live_server, story
) -> None:
    page = open_story(browser, live_server, story, 1440)
    row = page.locator("tr", has_text="The chase on Interstate 75")
    note = row.locator(".disagreement")
    said = " ".join(note.inner_text().split())  # with the outlets for screen readers
    assert "120 mph" in said and "more than 100 mph" in said
    assert said.endswith("100 mph (NBC News) mph")  # shown "120 vs more than 100 mph"
    assert "≠" in note.inner_text()
    marks = row.locator("td .differs").all_inner_texts()
    assert any("≠ 120 mph" in mark for mark in marks)
    assert any("≠ more than 100 mph" in mark for mark in marks)
    credits = page.locator("tr", has_text="walked past the receptionist").locator(".disagreement")
    assert "Gerry Scherlinck" in credits.inner_text() and "Charles Craft" in credits.inner_text()


def test_statement_panel_names_outlets_not_letters(browser, live_server, story) -> None:
    page = open_story(browser, live_server, story, 1440)
    page.locator(".claim-link", has_text="reached 120 mph").first.click()
    panel = page.locator("#statement")
    panel.locator(".versions").wait_for()
    text = panel.inner_text()
    assert not re.search(r"\b(b changes|b adds|b drops|only a:|only b:)", text)
    assert "120 mph" in text and "more than 100 mph" in text
    notes = panel.locator(".figure-change").all_inner_texts()
    assert notes and all(any(name in note for name in OUTLETS) for note in notes)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_print_keeps_every_outlet(browser, live_server, story, paper: str) -> None:
    from pypdf import PdfReader

    page = open_story(browser, live_server, story, 1440)
    page.emulate_media(media="print")
    pdf = page.pdf(format=paper, landscape=True, print_background=True)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    on_paper = [name for name in OUTLETS if name in flat]
    assert on_paper == list(OUTLETS)
    for name in OUTLETS:  # each outlet's wording of the statement all ten carry, not only its name
        assert f"as {name} puts it" in flat


def test_the_address_always_says_what_is_shown_and_back_and_forward_work(
    browser, live_server, story
) -> None:
    page = open_story(browser, live_server, story, 1440)
    hidden = []
    for _ in range(3):  # hide three columns, one after the other, without waiting in between
        link = page.locator(".hide-link").nth(1)
        hidden.append(link.get_attribute("href").split("hide=")[1].split("&")[0].split("%2C")[-1])
        link.click()
        wanted = ",".join(sorted(hidden, key=int))
        page.wait_for_function(f"() => decodeURIComponent(location.search).includes('{wanted}')")
    assert page.locator(".hidden-columns a").count() == 3
    page.get_by_role("link", name="Everything expanded").click()
    page.wait_for_url(re.compile(r"view=expanded"))
    page.locator(".claim-link").first.click()
    page.wait_for_url(re.compile(r"group=\d+"))
    page.locator("#statement .versions").wait_for()
    shown = page.url
    page.reload()  # the address alone reproduces the view
    assert page.locator(".hidden-columns a").count() == 3
    assert page.locator("details.own:not([open])").count() == 0
    assert page.locator("#statement .versions").is_visible()
    assert page.locator("thead th.col-head").count() == len(OUTLETS) - 3
    page.go_back()
    page.wait_for_url(lambda url: "group=" not in url)
    page.wait_for_function("() => document.getElementById('statement').hidden")
    page.go_back()
    page.wait_for_url(lambda url: "view=expanded" not in url)
    page.wait_for_function("() => !document.querySelector('details.own[open]')")
    assert page.locator(".hidden-columns a").count() == 3
    page.go_forward()
    page.wait_for_url(re.compile(r"view=expanded"))
    page.go_forward()
    page.wait_for_url(shown)
    page.locator("#statement .versions").wait_for()
    assert page.console_errors == []
