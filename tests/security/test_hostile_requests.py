"""Hostile query values, invisible characters in names, and deleting a story mid-upload.

Ids are read strictly (ASCII digits, at most 18): anything else shows the default view in a
query and is not found in a URL, never a 500. Bidi controls and zero-width characters never
reach an outlet's name or a title, so "Reu\u200bters" is Reuters. A story with uploads still
being processed cannot be deleted (the worker would lose its jobs).
"""

from __future__ import annotations

import pytest
from django.test import Client

from newsdiff.articles import jobs
from newsdiff.articles.ingest import article_ingest
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import Article, Outlet, Story
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

HUGE_ID = "9" * 5_000
NOT_IDS = ["²", "１", "-1", "1.0", "0x1", HUGE_ID, "9" * 19, "1,²", ""]


@pytest.mark.parametrize("value", NOT_IDS)
@pytest.mark.parametrize("name", ["group", "hide", "lead"])
def test_a_story_page_with_a_bad_id_in_its_query_shows_the_default_view(
    editor_client: Client, seed_story: Story, name: str, value: str
) -> None:
    response = editor_client.get(f"/stories/{seed_story.slug}/", {name: value})
    assert response.status_code == 200


@pytest.mark.parametrize("value", NOT_IDS)
def test_a_statement_page_with_a_bad_ref_shows_the_default_view(
    editor_client: Client, seed_story: Story, value: str
) -> None:
    group = seed_story.groups.first()
    assert group is not None
    response = editor_client.get(f"/stories/{seed_story.slug}/groups/{group.pk}/", {"ref": value})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    ["groups/{id}/", "articles/{id}/", "articles/1/lines/{id}/"],
)
@pytest.mark.parametrize("value", [HUGE_ID, "9" * 19, "²"])
def test_a_url_with_a_bad_id_is_not_found(
    editor_client: Client, seed_story: Story, path: str, value: str
) -> None:
    url = f"/stories/{seed_story.slug}/" + path.format(id=value)
    method = editor_client.post if "lines" in url else editor_client.get
    assert method(url).status_code == 404


def test_a_good_id_in_a_query_still_works(editor_client: Client, seed_story: Story) -> None:
    article = seed_story.articles.order_by("position").last()
    assert article is not None
    page = editor_client.get(f"/stories/{seed_story.slug}/", {"hide": str(article.pk)})
    assert "Hidden:" in page.content.decode()


def seed(
    name: str = "001_17f443fb6246cec4.txt", *, outlet: str = "", title: str = ""
) -> ArticleInput:
    raw = (SEEDS / name).read_text(encoding="utf-8")
    return ArticleInput(raw=raw, fmt="text", source_file=name, title=title, outlet=outlet)


def test_invisible_characters_are_removed_from_outlet_names_and_titles() -> None:
    first = article_ingest(item=seed(outlet="Reuters"), story_title="Budget")
    second = article_ingest(
        item=seed(
            "003_3f3274e93fbad53a.txt", outlet="Reu\u200bters\u202e", title="\u202eteg\u200ddub"
        ),
        story_title="Bud\u2066get\u2069",
    )
    assert Outlet.objects.filter(name__startswith="Reu").count() == 1
    assert first.article.outlet == second.article.outlet
    assert second.article.title == "tegdub"
    assert Story.objects.filter(title="Budget").count() == 1


def test_a_renamed_story_loses_its_invisible_characters(
    editor_client: Client, seed_story: Story
) -> None:
    editor_client.post(f"/stories/{seed_story.slug}/rename/", {"title": "Se\u200bcret \u202eplan"})
    seed_story.refresh_from_db()
    assert seed_story.title == "Secret plan"


def test_a_story_with_uploads_being_processed_cannot_be_deleted(editor_client: Client) -> None:
    story = Story.objects.create(title="Busy")
    jobs.batch_queue(story=story, items=[seed()])  # queued: the worker has not run yet
    response = editor_client.post(f"/stories/{story.slug}/delete/", follow=True)
    assert response.status_code == 200
    assert "still being processed" in response.content.decode()
    assert Story.objects.filter(pk=story.pk).exists()
    story.jobs.update(status="done")
    assert editor_client.post(f"/stories/{story.slug}/delete/").status_code == 302
    assert not Story.objects.filter(pk=story.pk).exists()
    assert not Article.objects.filter(story_id=story.pk).exists()
