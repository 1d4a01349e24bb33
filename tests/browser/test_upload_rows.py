"""Choosing files adds a row per file, prefilled from what each file says; the editor's
changes there are the articles' outlets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth import get_user_model

from newsdiff.accounts.roles import EDITORS, role_assign
from newsdiff.articles.models import Article
from tests.browser.test_story_page import sign_in
from tests.conftest import EDITOR_PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENTENCES = (
    "The city council voted on Tuesday to close the old bridge over the river for repairs.",
    "Engineers said the bridge had cracks in two of its supports and was no longer safe.",
    "The repairs will cost about 12 million euros and take until the end of next year.",
    "Drivers will have to use the ring road, which adds about 20 minutes to a trip.",
    "The mayor said the decision was hard but that safety had to come first.",
)


def saved_page(site: str, url: str, day: str, headline: str, sentences: tuple[str, ...]) -> str:
    body = "".join(f"<p>{sentence}</p>" for sentence in sentences)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{day}">'
        f'<link rel="canonical" href="{url}">'
        f"<title>{headline}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{headline}</h1>{body}</article></body></html>"
    )


@pytest.fixture
def editor(transactional_db: None) -> None:
    user = get_user_model().objects.create_user("editor", password=EDITOR_PASSWORD)
    role_assign(user, role=EDITORS)


def test_each_chosen_file_gets_its_own_prefilled_row_and_the_edited_outlet_is_kept(
    page: Page, live_server: LiveServer, editor: None, tmp_path: Path, console_errors: list[str]
) -> None:
    first = tmp_path / "bridge-herald.html"
    first.write_text(
        saved_page(
            "River Herald",
            "https://herald.example/bridge",
            "2024-03-05T09:00:00Z",
            "Old bridge to close",
            SENTENCES,
        )
    )
    second = tmp_path / "bridge-gazette.html"
    second.write_text(
        saved_page(
            "Town Gazette",
            "https://gazette.example/news/bridge",
            "2024-03-06T07:30:00+01:00",
            "Bridge closed for repairs",
            tuple(reversed(SENTENCES)),
        )
    )
    sign_in(page, live_server.url)
    page.goto(live_server.url + "/upload/")
    assert page.locator("#file-details").is_hidden()
    assert page.locator("input[name=outlet]").is_visible()  # one outlet for all, until files
    page.fill("input[name=new_story]", "Bridge closure")
    page.set_input_files("input[name=file]", [str(first), str(second)])

    rows = page.locator("#file-details tr.file-detail")
    assert rows.count() == 2
    assert page.locator("input[name=outlet]").is_hidden()
    herald = page.get_by_label("Outlet of bridge-herald.html")
    gazette = page.get_by_label("Outlet of bridge-gazette.html")
    page.wait_for_function(
        "() => [...document.querySelectorAll('input[name=file_published]')]"
        ".every(el => el.value !== '')"
    )
    assert herald.input_value() == "River Herald"
    assert gazette.input_value() == "Town Gazette"
    assert page.get_by_label("URL of bridge-herald.html").input_value() == (
        "https://herald.example/bridge"
    )
    assert page.get_by_label("Date of bridge-gazette.html").input_value() == (
        "2024-03-06T07:30:00+01:00"
    )
    gazette.fill("The Town Gazette (print)")
    page.click("main button[type=submit]")

    page.wait_for_selector("table.side-by-side")
    headers = page.locator("table.side-by-side thead th .outlet").all_inner_texts()
    assert sorted(h.lower() for h in headers) == ["river herald", "the town gazette (print)"]
    gazette_article = Article.objects.get(source_file="bridge-gazette.html")
    assert gazette_article.url == "https://gazette.example/news/bridge"
    assert gazette_article.published is not None
    assert gazette_article.published.isoformat() == "2024-03-06T06:30:00+00:00"
    assert "outlet" in gazette_article.edited_fields
    assert console_errors == []
