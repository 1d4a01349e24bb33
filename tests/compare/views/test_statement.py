"""Following a statement: its versions across outlets, word differences, figures, speakers."""

from __future__ import annotations

import pytest
from django.test import Client

from newsdiff.articles.models import Claim, Story

pytestmark = pytest.mark.django_db


def group_with(story: Story, words: str) -> tuple[int, Claim]:
    claim = Claim.objects.get(article__story=story, text__contains=words)
    return claim.groups.get().pk, claim


def test_group_page_compares_every_version_with_the_reference(
    editor_client: Client, seed_story: Story
) -> None:
    group_id, claim = group_with(seed_story, "estimated 50,000 fighters")
    response = editor_client.get(
        f"/stories/{seed_story.slug}/groups/{group_id}/", {"ref": claim.pk}
    )
    statement = response.context["statement"]
    assert statement.reference == claim
    assert len(statement.versions) == 4
    others = [v for v in statement.versions if v.difference]
    assert len(others) == 3
    notes = " ".join(change.note for v in others for change in v.difference.figure_changes)
    assert "50,000" in notes  # "up to" / "approximately" / "some" against "an estimated"
    page = response.content.decode()
    assert "<ins>" in page and "<del>" in page
    assert "Credited to" in page and "John Kirby" in page


def test_htmx_gets_only_the_statement_panel(editor_client: Client, seed_story: Story) -> None:
    group_id, _ = group_with(seed_story, "estimated 50,000 fighters")
    response = editor_client.get(
        f"/stories/{seed_story.slug}/groups/{group_id}/", headers={"HX-Request": "true"}
    )
    assert response.content.decode().lstrip().startswith('<section id="statement"')


def test_story_url_with_a_group_opens_the_statement(
    editor_client: Client, seed_story: Story
) -> None:
    group_id, _ = group_with(seed_story, "estimated 50,000 fighters")
    response = editor_client.get(seed_story.get_absolute_url(), {"group": group_id})
    assert response.context["statement"].group.pk == group_id
    assert 'id="statement" class="statement"' in response.content.decode()


def test_a_group_of_another_story_is_not_found(editor_client: Client, seed_story: Story) -> None:
    other = Story.objects.create(title="Other")
    group_id, _ = group_with(seed_story, "estimated 50,000 fighters")
    assert editor_client.get(f"/stories/{other.slug}/groups/{group_id}/").status_code == 404


def test_same_matches_store_their_difference(seed_story: Story) -> None:
    match = (
        seed_story.matches.filter(kind="same", a__text__contains="Today we can confirm").first()
        or seed_story.matches.filter(kind="same", b__text__contains="Today we can confirm").first()
    )
    assert match is not None
    assert match.difference["ops"]
    assert "Today" in match.summary
