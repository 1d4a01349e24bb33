"""An editor corrects the rows in the browser: takes a statement out of a row ("Not the same"),
joins two ("Same as…"), and finds both in the grid after a reload."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsdiff.articles.models import Claim, ClaimGroup, RowCorrection, Story
from tests.browser.test_story_page import sign_in

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def group_of(claim: Claim) -> ClaimGroup | None:
    return ClaimGroup.objects.filter(claims=claim).first()


def test_an_editor_splits_a_row_and_joins_two_statements(
    page: Page, live_server: LiveServer, demo: Story, console_errors: list[str]
) -> None:
    sign_in(page, live_server.url)
    page.goto(live_server.url + demo.get_absolute_url())
    claim = page.locator(".claim", has_text="estimated 50,000 fighters")
    group = claim.get_attribute("data-group")
    assert page.locator(f'.claim[data-group="{group}"]').count() == 4
    claim.locator(".claim-link").click()
    panel = page.locator("#statement")
    panel.locator(".version").first.wait_for()

    # "Not the same" on the last version: it leaves the row, the grid is redone in place
    panel.locator(".version").last.get_by_role("button", name="Not the same").click()
    page.locator(".message", has_text="Taken out of the row").wait_for()
    split = RowCorrection.objects.get()
    taken, anchor = split.claim_a, split.claim_b
    assert taken is not None and anchor is not None
    row = group_of(anchor)
    assert row is not None and not row.claims.filter(pk=taken.pk).exists()
    assert page.locator(f'.claim[data-group="{row.pk}"]').count() == 3
    assert page.locator(f"#claim-{taken.pk}.claim-unique").count() == 1
    assert "Corrected by editor" in page.locator(f"#group-{row.pk} .row-head").inner_text()

    # "Same as…": join another statement of the outlet now missing from the row
    lone = (
        Claim.objects.filter(article=taken.article, groups__isnull=True)
        .exclude(pk=taken.pk)
        .order_by("position")
        .first()
    )
    assert lone is not None
    panel = page.locator("#statement")
    alike = panel.locator('optgroup[label="Most alike"] option')
    assert alike.count() >= 1  # the statements closest to the row come first
    assert panel.locator(f'optgroup[label="Most alike"] option[value="{taken.pk}"]').count() == 0
    panel.locator("select[name=other]").select_option(str(lone.pk))
    panel.get_by_role("button", name="Join the row").click()
    page.locator(".message", has_text="Joined").wait_for()
    joined = group_of(anchor)
    assert joined is not None and joined.claims.filter(pk=lone.pk).exists()

    # both corrections hold after a reload, and show in the grid
    page.goto(live_server.url + demo.get_absolute_url())
    assert page.locator(f'.claim[data-group="{joined.pk}"]').count() == 4
    assert page.locator(f'#claim-{lone.pk}[data-group="{joined.pk}"]').count() == 1
    assert page.locator(f"#claim-{taken.pk}.claim-unique").count() == 1
    assert "Corrected by editor" in page.locator(f"#group-{joined.pk} .row-head").inner_text()
    page.get_by_role("link", name="2 corrections by editors").click()
    assert page.locator(".corrections-table tbody tr").count() == 2
    assert console_errors == []


def test_an_editor_opens_a_statement_of_one_outlet_and_puts_it_in_a_row(
    page: Page, live_server: LiveServer, demo: Story, console_errors: list[str]
) -> None:
    sign_in(page, live_server.url)
    page.goto(live_server.url + demo.get_absolute_url() + "?view=expanded")
    lone = Claim.objects.get(article__story=demo, text__contains="took delivery of the arms")
    assert group_of(lone) is None
    page.locator(f"#claim-{lone.pk} .own-link").click()
    panel = page.locator("#statement")
    panel.get_by_role("heading", name=f"Only in {lone.article.label}").wait_for()
    assert f"claim={lone.pk}" in page.url  # the open panel has its own address
    alike = panel.locator(".alike-claim")
    assert alike.count() >= 1
    assert "has received a shipment" in alike.first.inner_text()  # the paraphrase comes first

    # Esc closes it and the address forgets it
    page.keyboard.press("Escape")
    panel = page.locator("#statement")
    assert panel.is_hidden() and "claim=" not in page.url

    # "Same as…" with a most alike statement whose row holds no other of the outlet's
    page.locator(f"#claim-{lone.pk} .own-link").click()
    panel = page.locator("#statement")
    panel.locator(".alike-claim").first.wait_for()
    options = panel.locator('optgroup[label="Most alike"] option:not([disabled])')
    choices = [int(v) for v in options.evaluate_all("(os) => os.map((o) => o.value)")]
    other = Claim.objects.get(pk=choices[0])
    assert not ClaimGroup.objects.filter(claims=other).filter(claims__article=lone.article).exists()
    panel.locator("select[name=other]").select_option(str(other.pk))
    panel.get_by_role("button", name="Put in one row").click()
    page.locator(".message", has_text="Joined").wait_for()
    row = group_of(lone)
    assert row is not None and row.claims.filter(pk=other.pk).exists()
    page.goto(live_server.url + demo.get_absolute_url())
    assert page.locator(f'#claim-{lone.pk}[data-group="{row.pk}"]').count() == 1
    assert console_errors == []
