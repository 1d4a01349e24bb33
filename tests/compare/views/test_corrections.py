"""Correcting rows in the web interface: editors split and join, readers only see the result."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from newsdiff.accounts.roles import READERS, role_assign
from newsdiff.articles.models import Claim, ClaimGroup, RowCorrection, Story
from tests.conftest import EDITOR_PASSWORD

pytestmark = pytest.mark.django_db
Capture = Callable[..., AbstractContextManager[Any]]
FIGHTERS = "estimated 50,000 fighters"


def fighters_row(story: Story) -> tuple[ClaimGroup, list[Claim]]:
    claim = Claim.objects.get(article__story=story, text__contains=FIGHTERS)
    group = claim.groups.get()
    return group, list(group.claims.order_by("article__position"))


def url(story: Story) -> str:
    return f"/stories/{story.slug}/corrections/"


def test_an_editor_takes_a_statement_out_of_a_row_and_the_row_says_so(
    editor_client: Client, seed_story: Story, django_capture_on_commit_callbacks: Capture
) -> None:
    group, claims = fighters_row(seed_story)
    taken, anchor = claims[-1], claims[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            url(seed_story), {"kind": "apart", "claim": taken.pk, "other": anchor.pk}
        )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?group={group.pk}#statement")  # the row, then
    new_group = ClaimGroup.objects.get(claims=anchor)  # the rows were redone since
    assert not new_group.claims.filter(pk=taken.pk).exists()
    correction = RowCorrection.objects.get()
    assert correction.editor is not None and correction.editor.username == "jo"
    page = editor_client.get(f"/stories/{seed_story.slug}/?group={new_group.pk}").content.decode()
    assert "Taken out of the row" in page
    assert "Corrected by jo" in page
    assert "1 correction by editors" in page


def test_an_editor_joins_two_statements_with_htmx(
    editor_client: Client, seed_story: Story, django_capture_on_commit_callbacks: Capture
) -> None:
    group, claims = fighters_row(seed_story)
    outside = {claim.article_id for claim in claims}
    lone = (
        Claim.objects.filter(article__story=seed_story, groups__isnull=True)
        .exclude(article_id__in=outside)
        .order_by("article__position", "position")
        .first()
    )
    if lone is None:  # every outlet has this statement: take one out first, then join it back
        pytest.skip("the fighters row holds every outlet")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            url(seed_story),
            {"kind": "together", "claim": claims[0].pk, "other": lone.pk},
            headers={"HX-Request": "true"},
        )
    assert response.status_code == 200
    location = json.loads(response["HX-Location"])
    assert location["target"] == "#alignment"
    assert location["path"].endswith(f"?group={group.pk}")
    joined = ClaimGroup.objects.get(claims=claims[0])
    assert joined.claims.filter(pk=lone.pk).exists()
    partial = editor_client.get(
        f"/stories/{seed_story.slug}/?group={joined.pk}", headers={"HX-Request": "true"}
    )
    assert "Joined:" in partial.content.decode()  # the message shows in the swapped part


def test_a_join_that_would_put_two_statements_of_one_article_in_a_row_is_refused(
    editor_client: Client, seed_story: Story
) -> None:
    _, claims = fighters_row(seed_story)
    same_article = Claim.objects.filter(article=claims[1].article).exclude(pk=claims[1].pk)
    other = same_article.filter(groups__isnull=True).first()
    assert other is not None
    response = editor_client.post(
        url(seed_story), {"kind": "together", "claim": claims[0].pk, "other": other.pk}, follow=True
    )
    assert "two statements of" in response.content.decode()
    assert not RowCorrection.objects.exists()


def test_undo_deletes_the_correction_and_realigns(
    editor_client: Client, seed_story: Story, django_capture_on_commit_callbacks: Capture
) -> None:
    _, claims = fighters_row(seed_story)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            url(seed_story), {"kind": "apart", "claim": claims[-1].pk, "other": claims[0].pk}
        )
    correction = RowCorrection.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"{url(seed_story)}{correction.pk}/undo/")
    assert response.status_code == 302
    assert not RowCorrection.objects.exists()
    assert ClaimGroup.objects.get(claims=claims[0]).claims.filter(pk=claims[-1].pk).exists()


def test_a_reader_sees_corrections_but_cannot_make_or_undo_them(
    editor_client: Client,
    seed_story: Story,
    django_capture_on_commit_callbacks: Capture,
    django_user_model: type[User],
) -> None:
    group, claims = fighters_row(seed_story)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            url(seed_story), {"kind": "apart", "claim": claims[-1].pk, "other": claims[0].pk}
        )
    correction = RowCorrection.objects.get()
    reader = django_user_model.objects.create_user("rae", password=EDITOR_PASSWORD)
    role_assign(reader, role=READERS)
    editor_client.force_login(reader)
    reader_client = editor_client
    data = {"kind": "together", "claim": claims[-1].pk, "other": claims[0].pk}
    assert reader_client.post(url(seed_story), data).status_code == 403
    assert reader_client.post(f"{url(seed_story)}{correction.pk}/undo/").status_code == 403
    assert RowCorrection.objects.count() == 1
    listing = reader_client.get(url(seed_story)).content.decode()
    assert "not the same" in listing and "Undo" not in listing
    group = ClaimGroup.objects.get(claims=claims[0])
    page = reader_client.get(f"/stories/{seed_story.slug}/", {"group": group.pk}).content.decode()
    assert "Corrected by jo" in page
    assert "Not the same" not in page and "Same as…" not in page


def test_the_statement_panel_offers_editors_not_the_same_and_same_as(
    editor_client: Client, seed_story: Story
) -> None:
    group, claims = fighters_row(seed_story)
    page = editor_client.get(f"/stories/{seed_story.slug}/groups/{group.pk}/").content.decode()
    assert page.count("Not the same <span") == len(claims)
    assert "Same as…" in page
    # the statements most like the row's come first, each with its outlet
    assert page.index('<optgroup label="Most alike">') < page.index('<optgroup label="Outlet')
    first = r'<optgroup label="Most alike"><option value="\d+"( disabled)?>Outlet \w: '
    assert re.search(first, page)  # (disabled when its row holds an outlet of this row)


def test_signed_out_visitors_are_sent_to_sign_in(client: Client, seed_story: Story) -> None:
    response = client.post(url(seed_story), {"kind": "apart", "claim": 1, "other": 2})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] or "login" in response["Location"]
    assert not RowCorrection.objects.exists()


def test_a_claim_of_another_story_is_refused(
    editor_client: Client, seed_story: Story, django_capture_on_commit_callbacks: Capture
) -> None:
    other_story = Story.objects.create(title="Another")
    _, claims = fighters_row(seed_story)
    response = editor_client.post(
        url(other_story),
        {"kind": "apart", "claim": claims[0].pk, "other": claims[1].pk},
        follow=True,
    )
    assert "not in this story" in response.content.decode()
    assert not RowCorrection.objects.exists()


def test_until_the_worker_redoes_the_rows_the_story_page_says_so_and_polls(
    editor_client: Client, seed_story: Story
) -> None:
    _, claims = fighters_row(seed_story)
    # no on-commit callbacks run here: the re-alignment task is never queued, as before a
    # worker picks it up
    response = editor_client.post(
        url(seed_story), {"kind": "apart", "claim": claims[-1].pk, "other": claims[0].pk}
    )
    assert RowCorrection.objects.get().status == RowCorrection.Status.PENDING
    page = editor_client.get(response["Location"]).content.decode()
    assert "The rows are being redone" in page
    assert "Redoing the rows after 1 correction" in page
    jobs = editor_client.get(f"/stories/{seed_story.slug}/jobs/")
    assert jobs.status_code == 200  # htmx keeps polling (286 would stop it)
    RowCorrection.objects.update(status=RowCorrection.Status.APPLIED)
    jobs = editor_client.get(f"/stories/{seed_story.slug}/jobs/")
    assert jobs.status_code == 286
    assert jobs["HX-Trigger"] == "alignment-changed"
