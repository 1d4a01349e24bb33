"""An editor works in the page: follows a statement, restores a removed line, uploads files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from newsdiff.accounts.roles import EDITORS, role_assign
from newsdiff.articles.models import Story
from tests.browser.test_story_page import sign_in
from tests.conftest import DEMO_TITLE, EDITOR_PASSWORD, SEEDS

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db: None) -> Story:
    call_command("load_demo", verbosity=0)
    user = get_user_model().objects.create_user("editor", password=EDITOR_PASSWORD)
    role_assign(user, role=EDITORS)
    return Story.objects.get(title=DEMO_TITLE)


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
    assert [h.lower() for h in headers] == [f"copy-{Path(f).name[5:]}".lower() for f in files]
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
