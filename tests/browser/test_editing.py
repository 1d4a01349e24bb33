"""An editor works in the page: follows a statement, restores a removed line, uploads files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newsdiff.articles.models import Story
from tests.browser.test_story_page import sign_in
from tests.conftest import SEEDS

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_follow_a_statement_to_the_comparison_of_its_versions(
    page: Page,
    live_server: LiveServer,
    demo: Story,
    console_errors: list[str],
) -> None:
    sign_in(page, live_server.url)
    page.goto(live_server.url + demo.get_absolute_url())
    claim = page.locator(".claim", has_text="estimated 50,000 fighters")
    claim.hover()
    group = claim.get_attribute("data-group")
    assert page.locator(f'.claim.is-linked[data-group="{group}"]').count() == 4
    claim.locator(".claim-link").click()
    page.wait_for_url(re.compile(rf"group={group}"))
    panel = page.locator("#statement")
    panel.wait_for()
    assert panel.locator(".version").count() == 4
    assert panel.locator(".figure-change").count() >= 1
    assert panel.locator("ins, del").count() > 0
    page.reload()  # the URL alone opens the same comparison
    assert page.locator("#statement .version").count() == 4
    assert console_errors == []


def test_restore_a_removed_line_in_the_reading_view(
    page: Page,
    live_server: LiveServer,
    demo: Story,
    console_errors: list[str],
) -> None:
    article = demo.articles.get(source_file__endswith="001_17f443fb6246cec4.txt")
    sign_in(page, live_server.url)
    page.goto(live_server.url + article.get_absolute_url())
    line = page.locator(".line-removed", has_text="Check Also")
    assert "related link" in line.inner_text().lower() or "off-topic" in line.inner_text().lower()
    line.get_by_role("button", name=re.compile("Restore")).click()
    restored = page.locator(".line-body", has_text="Check Also")
    restored.wait_for()
    article.refresh_from_db()
    assert "Check Also" in article.text
    assert page.locator(".line-removed", has_text="Leave a Reply").count() == 1
    assert console_errors == []


def test_upload_several_files_and_see_the_new_columns(
    page: Page,
    live_server: LiveServer,
    demo: Story,
    tmp_path: Path,
    console_errors: list[str],
) -> None:
    files = []
    for name in ["000_fb72157701e68ea8.txt", "003_3f3274e93fbad53a.txt"]:
        path = tmp_path / f"copy-{name}"
        path.write_text((SEEDS / name).read_text(encoding="utf-8"), encoding="utf-8")
        files.append(str(path))
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4")
    sign_in(page, live_server.url)
    page.goto(live_server.url + "/upload/")
    page.fill("input[name=new_story]", "Uploaded in the browser")
    page.set_input_files("input[name=file]", files)
    page.click("main button[type=submit]")
    page.wait_for_selector("table.side-by-side")
    headers = page.locator("table.side-by-side thead th .outlet").all_inner_texts()
    assert [h.lower() for h in headers] == [Path(f).stem.lower() for f in files]  # no outlet given
    assert page.locator(".claim-several, .claim-all").count() > 0

    page.goto(live_server.url + "/upload/")
    page.fill("input[name=new_story]", "Bad file")
    page.set_input_files("input[name=file]", [str(junk)])
    page.click("main button[type=submit]")
    assert (
        "Only .txt, .text, .html and .htm"
        in page.locator(".errorlist, .form-errors").first.inner_text()
    )
    assert console_errors == []


def test_a_batch_with_a_bad_file_stores_the_good_one_and_says_which_was_refused(
    page: Page,
    live_server: LiveServer,
    demo: Story,
    tmp_path: Path,
    console_errors: list[str],
) -> None:
    good = tmp_path / "Town Paper.txt"
    good.write_text((SEEDS / "003_3f3274e93fbad53a.txt").read_text(encoding="utf-8"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    sign_in(page, live_server.url)
    page.goto(live_server.url + "/upload/")
    page.fill("input[name=new_story]", "Half good")
    page.set_input_files("input[name=file]", [str(good), str(empty)])
    page.click("main button[type=submit]")
    page.wait_for_selector("table.side-by-side")
    headers = page.locator("table.side-by-side thead th .outlet").all_inner_texts()
    assert [h.lower() for h in headers] == ["town paper"]
    body = page.locator("body").inner_text()
    assert "empty.txt: the file is empty. It was not stored; the other file(s) were." in body
    assert "Processing" not in page.locator("#jobs").inner_text()
    assert console_errors == []


def test_edit_an_articles_details_and_delete_it(
    page: Page, live_server: LiveServer, demo: Story, console_errors: list[str]
) -> None:
    article = demo.articles.get(source_file__endswith="004_fb34d5aa027317c2.txt")
    sign_in(page, live_server.url)
    page.goto(live_server.url + article.get_absolute_url())
    page.get_by_role("link", name="Edit details").click()
    assert page.input_value("input[name=outlet]") == "Outlet E"  # what was found, filled in
    page.fill("input[name=outlet]", "Kyiv Post")
    page.fill("input[name=published]", "2022-12-23 09:15")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(rf"/articles/{article.pk}/$"))
    assert "kyiv post" in page.locator(".page-head").inner_text().lower()
    assert "23 Dec 2022" in page.locator(".page-head").inner_text()
    page.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="Delete the article").click()
    page.wait_for_selector("table.side-by-side")
    assert "kyiv post" not in page.locator("table.side-by-side thead").inner_text().lower()
    assert not demo.articles.filter(pk=article.pk).exists()
    assert console_errors == []


def test_a_word_of_thousands_of_letters_wraps_in_the_reading_view(
    page: Page,
    live_server: LiveServer,
    demo: Story,
    console_errors: list[str],
) -> None:
    from newsdiff.articles.ingest import article_ingest
    from newsdiff.articles.inputs import ArticleInput

    raw = (
        "Council debates the budget\n\nThe council met on Tuesday, officials said.\n\n"
        f"The minister said {'W' * 3_000} was there.\n\nA vote is expected next month."
    )
    article = article_ingest(item=ArticleInput(raw=raw, fmt="text"), story=demo).article
    sign_in(page, live_server.url)
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(live_server.url + article.get_absolute_url())
    note = page.locator(".too-long-note")
    assert "Not compared" in note.inner_text()
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"
    assert console_errors == []
