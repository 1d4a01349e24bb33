"""A statement found in one article only: its panel shows the statements of other outlets most
alike to it, and editors can put it in one row with one of them ("Same as…")."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from newsdiff.articles.models import Claim, ClaimGroup, RowCorrection, Story
from newsdiff.articles.row_editing import row_correction_record
from newsdiff.compare.row_corrections import lone_panel

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[Any]]

# The seeds' paraphrase the matcher leaves apart (issue 11): two statements of one delivery.
DELIVERY = "took delivery of the arms shipment"
RECEIVED = "has received a shipment"


def lone_claim(story: Story, words: str) -> Claim:
    claim = Claim.objects.get(article__story=story, text__contains=words)
    assert not claim.groups.exists(), "the test needs a statement found in one article only"
    return claim


def row_holds(claim: Claim, article_id: int) -> bool:
    """Whether the claim's row holds a statement of the article."""
    return ClaimGroup.objects.filter(claims=claim).filter(claims__article=article_id).exists()


def panel_url(story: Story, claim: Claim) -> str:
    return f"/stories/{story.slug}/claims/{claim.pk}/"


def test_a_statement_of_one_outlet_shows_its_paraphrase_first(
    editor_client: Client, seed_story: Story
) -> None:
    claim = lone_claim(seed_story, DELIVERY)
    response = editor_client.get(panel_url(seed_story, claim))
    alike = [found.claim for found in response.context["lone_panel"].alike]
    assert RECEIVED in alike[0].text
    assert all(other.article_id != claim.article_id for other in alike)
    page = response.content.decode()
    assert f"Only in {claim.article.label}" in page
    assert "Most alike in other outlets" in page
    assert 'name="kind" value="together"' in page and f'name="claim" value="{claim.pk}"' in page
    assert f'<option value="{alike[-1].pk}"' in page


def test_a_reader_sees_the_most_alike_statements_but_cannot_join_them(
    reader_client: Client, seed_story: Story
) -> None:
    claim = lone_claim(seed_story, DELIVERY)
    response = reader_client.get(panel_url(seed_story, claim))
    assert response.status_code == 200
    assert RECEIVED in response.context["lone_panel"].alike[0].claim.text
    assert response.context["lone_panel"].join_choices == []
    assert 'value="together"' not in response.content.decode()


def test_htmx_gets_only_the_panel(editor_client: Client, seed_story: Story) -> None:
    claim = lone_claim(seed_story, DELIVERY)
    response = editor_client.get(panel_url(seed_story, claim), headers={"HX-Request": "true"})
    assert response.content.decode().lstrip().startswith('<section id="statement"')


def test_the_lead_kept_in_the_panels_links_is_a_number(
    editor_client: Client, seed_story: Story
) -> None:
    claim = lone_claim(seed_story, DELIVERY)
    page = editor_client.get(panel_url(seed_story, claim), {"lead": '3"><b>x'}).content.decode()
    assert "lead=3" not in page and "<b>x" not in page
    page = editor_client.get(panel_url(seed_story, claim), {"lead": "3"}).content.decode()
    assert f"{seed_story.get_absolute_url()}?lead=3#claim-{claim.pk}" in page
    assert '<input type="hidden" name="lead" value="3">' in page


def test_a_statement_in_a_row_opens_its_row_instead(
    editor_client: Client, seed_story: Story
) -> None:
    claim = Claim.objects.get(article__story=seed_story, text__contains="estimated 50,000 fighters")
    group = claim.groups.get()
    response = editor_client.get(panel_url(seed_story, claim), {"lead": 5})
    assert response.status_code == 302
    assert response["Location"] == f"/stories/{seed_story.slug}/groups/{group.pk}/?lead=5"


def test_a_statement_of_another_story_is_not_found(
    editor_client: Client, seed_story: Story
) -> None:
    other = Story.objects.create(title="Another story")
    claim = lone_claim(seed_story, DELIVERY)
    assert editor_client.get(panel_url(other, claim)).status_code == 404


def test_the_story_page_links_each_statement_of_one_outlet_to_its_panel(
    editor_client: Client, seed_story: Story
) -> None:
    claim = lone_claim(seed_story, DELIVERY)
    page = editor_client.get(seed_story.get_absolute_url(), {"view": "expanded"}).content.decode()
    assert f'href="?view=expanded&amp;claim={claim.pk}#statement" data-claim="{claim.pk}"' in page
    assert f'data-claim-url="/stories/{seed_story.slug}/claims/0/"' in page


def test_a_story_url_with_a_claim_opens_its_panel(editor_client: Client, seed_story: Story) -> None:
    claim = lone_claim(seed_story, DELIVERY)
    response = editor_client.get(seed_story.get_absolute_url(), {"claim": claim.pk})
    assert response.context["lone"] == claim
    page = response.content.decode()
    assert 'id="statement" class="statement statement-lone"' in page
    assert "Most alike in other outlets" in page


def test_a_story_url_with_a_claim_in_a_row_opens_no_panel(
    editor_client: Client, seed_story: Story
) -> None:
    claim = Claim.objects.get(article__story=seed_story, text__contains="estimated 50,000 fighters")
    response = editor_client.get(seed_story.get_absolute_url(), {"claim": claim.pk})
    assert response.context["lone"] is None


def test_same_as_puts_the_statement_and_one_most_alike_in_one_row(
    editor_client: Client, seed_story: Story, django_capture_on_commit_callbacks: Capture
) -> None:
    claim = lone_claim(seed_story, DELIVERY)
    alike = editor_client.get(panel_url(seed_story, claim)).context["lone_panel"].alike
    # the first whose row (if any) holds no other statement of the claim's article
    other = next(found.claim for found in alike if found.rival is None)
    assert not row_holds(other, claim.article_id)
    with django_capture_on_commit_callbacks(execute=True):  # the re-alignment runs at once
        response = editor_client.post(
            f"/stories/{seed_story.slug}/corrections/",
            {"kind": "together", "claim": claim.pk, "other": other.pk},
        )
    assert response.status_code == 302
    correction = RowCorrection.objects.get(story=seed_story, claim_a=claim, claim_b=other)
    assert correction.status == RowCorrection.Status.APPLIED
    row = claim.groups.get()
    assert other in row.claims.all()
    # the panel of a statement now in a row is its row's
    assert editor_client.get(panel_url(seed_story, claim)).status_code == 302


def test_same_as_a_statement_whose_row_holds_the_same_outlet_is_refused_with_the_reason(
    editor_client: Client, seed_story: Story
) -> None:
    claim = lone_claim(seed_story, DELIVERY)
    found = lone_panel(claim, editing=True).alike[0]  # its row holds another of the article's
    other = found.claim
    assert row_holds(other, claim.article_id)
    assert found.rival is not None and found.rival.article_id == claim.article_id
    assert found.row_outlets == other.groups.get().claims.count()
    # the panel says so, and does not offer it among the most alike
    page = editor_client.get(panel_url(seed_story, claim)).content.decode()
    assert f"which already holds {claim.article.label}’s" in page
    assert f'<option value="{other.pk}" disabled>' in page
    response = editor_client.post(
        f"/stories/{seed_story.slug}/corrections/",
        {"kind": "together", "claim": claim.pk, "other": other.pk},
        follow=True,
    )
    assert f"two statements of {claim.article.label} in one row" in response.content.decode()
    assert not RowCorrection.objects.filter(story=seed_story).exists()
    assert not claim.groups.exists()


def test_a_statement_said_not_to_be_the_same_is_not_offered_again(
    seed_story: Story, django_user_model: type[User]
) -> None:
    claim = lone_claim(seed_story, DELIVERY)
    first = lone_panel(claim, editing=True).alike[0].claim
    row_correction_record(
        story=seed_story,
        kind=RowCorrection.Kind.APART,
        claim_id=first.pk,
        other_id=claim.pk,
        editor=django_user_model.objects.create_user("ed"),
    )
    panel = lone_panel(claim, editing=True)
    assert first not in [found.claim for found in panel.alike]
    assert first not in panel.join_choices[0].claims  # "Most alike" leaves it out
