"""Following a statement: its versions across outlets, word differences, figures, speakers."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict

import pytest
from django.test import Client

from newsdiff.articles.models import Article, Claim, ClaimGroup, Outlet, Story
from newsdiff.compare.row_corrections import row_panel
from newsdiff.compare.statement import statement_versions
from newsdiff.textcore.figures import find_figures

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


def two_outlet_row(*texts: str) -> Story:
    """A story whose outlets each state one claim, all in one row (stored, not aligned)."""
    story = Story.objects.create(title="Chase")
    group = ClaimGroup.objects.create(story=story, position=0)
    for position, text in enumerate(texts):
        outlet = Outlet.objects.create(name=f"Outlet {position + 1}")
        article = Article.objects.create(
            story=story,
            outlet=outlet,
            position=position,
            raw=text,
            text=text,
            blocks=[[text, "body", ""]],
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        )
        figures = [asdict(figure) for figure in find_figures(text)]
        claim = Claim.objects.create(
            article=article, position=0, text=text, start=0, end=len(text), figures=figures
        )
        group.claims.add(claim)
    return story


def test_a_figure_only_one_version_gives_is_not_marked_as_differing(
    editor_client: Client,
) -> None:
    story = two_outlet_row(
        "The chase reached 120 mph and two deputies were hurt.",
        "The chase reached more than 100 mph.",
    )
    group = ClaimGroup.objects.get(story=story)
    html = editor_client.get(f"/stories/{story.slug}/groups/{group.pk}/").content.decode()
    one_sided = re.findall(r"<dt>Figure not in both</dt><dd [^>]*>([^<]*)</dd>", html)
    differing = re.findall(
        r"<dt>Figure differs</dt><dd [^>]*><span [^>]*>≠</span>([^<]*)</dd>", html
    )
    # the deputies one outlet adds are a detail; only the speed given differently is marked
    assert [note.strip() for note in one_sided] == ["only in Outlet 1: two deputies"]
    assert [note.strip() for note in differing] == [
        "120 mph (Outlet 1) vs more than 100 mph (Outlet 2)"
    ]


def test_the_panel_does_not_offer_a_most_alike_statement_whose_row_holds_one_of_its_outlets(
    editor_client: Client, seed_story: Story
) -> None:
    for group in seed_story.groups.all():
        blocked = row_panel(statement_versions(group, None), editing=True).blocked
        if blocked:
            break
    else:
        pytest.fail("no row of the seeds has such a statement")
    page = editor_client.get(f"/stories/{seed_story.slug}/groups/{group.pk}/").content.decode()
    for pk in blocked:
        assert f'<option value="{pk}" disabled>' in page
    assert "(its row holds an outlet this row holds)" in page
