"""An editor corrects an article's details, makes a line its headline, deletes it."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks

from newsdiff.articles.ingest import article_ingest
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import Article, IngestJob, Story
from newsdiff.textcore.types import Reason
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

SEED_003 = (SEEDS / "003_3f3274e93fbad53a.txt").read_text(encoding="utf-8")
FLOODS = """Skip to content
Home
World
Flood defences fail as River Severn bursts its banks
Hundreds of homes evacuated in Shropshire overnight
3 July 2013 Last updated at 04:46
Hundreds of residents were evacuated overnight after the River Severn burst its banks in Shropshire, the Environment Agency said on Sunday.
The agency said temporary flood barriers in Shrewsbury had been overwhelmed by water levels not seen since 2000.
"We have never seen the river rise this fast," said a spokesperson for the county council, adding that more rain was expected.
Emergency shelters were opened in three schools and a leisure centre, and the army was on standby to help.
"""  # noqa: E501


def stored(text: str, title: str) -> Article:
    item = ArticleInput(raw=text, fmt="text", source_file="floods.txt")
    return article_ingest(item=item, story_title=title).article


def test_an_editor_corrects_title_outlet_date_and_url(editor_client: Client) -> None:
    article = stored(SEED_003, "Edited")
    url = f"/stories/{article.story.slug}/articles/{article.pk}/edit/"
    form = editor_client.get(url).content.decode()
    assert 'value="floods"' in form  # the outlet found (the file's name) is filled in
    response = editor_client.post(
        url,
        {
            "title": "Arms for Wagner",
            "outlet": "Reuters",
            "published": "2022-12-22 14:30",
            "url": "https://www.reuters.com/world/wagner",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.outlet is not None and article.published is not None
    assert (article.title, article.outlet.name, article.url) == (
        "Arms for Wagner",
        "Reuters",
        "https://www.reuters.com/world/wagner",
    )
    assert article.published.isoformat() == "2022-12-22T14:30:00+00:00"


def test_the_details_form_needs_an_outlet(editor_client: Client) -> None:
    article = stored(SEED_003, "Needs outlet")
    url = f"/stories/{article.story.slug}/articles/{article.pk}/edit/"
    response = editor_client.post(url, {"title": "T", "outlet": "  ", "published": "", "url": ""})
    assert response.status_code == 200
    assert "Name the outlet" in response.content.decode()


def test_readers_cannot_edit_or_delete(client: Client, django_user_model) -> None:
    article = stored(SEED_003, "Readers")
    client.force_login(django_user_model.objects.create_user("reader", password="x" * 20))
    base = f"/stories/{article.story.slug}/articles/{article.pk}"
    assert client.post(f"{base}/edit/", {"outlet": "X"}).status_code in (302, 403)
    assert client.post(f"{base}/delete/").status_code in (302, 403)
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize("line", ["Hundreds of homes evacuated in Shropshire overnight", "World"])
def test_an_editor_makes_a_line_the_headline(
    editor_client: Client,
    line: str,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    """A body line or a removed one; the headline found before becomes a body line. The
    request stores the line and queues the article; the worker cleans it again."""
    article = stored(FLOODS, f"Headline {line}")
    lines = [text.strip() for text, _, _ in article.blocks]
    index = lines.index(line)
    assert article.title != line
    url = f"/stories/{article.story.slug}/articles/{article.pk}/lines/{index}/title/"
    with django_capture_on_commit_callbacks() as queued:
        editor_client.post(url)
    article.refresh_from_db()
    assert article.title_line == lines[index]
    assert [text.strip() for text, role, _ in article.blocks if role == "title"] != [lines[index]]
    assert IngestJob.objects.get(article=article, redo=True).status == "queued"
    for callback in queued:  # the worker
        callback()
    article.refresh_from_db()
    assert article.title == lines[index]
    assert [text.strip() for text, role, _ in article.blocks if role == "title"] == [lines[index]]
    assert "Flood defences fail as River Severn bursts its banks" in article.text
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "Make headline" in page


def test_the_dateline_is_shown_as_metadata_not_as_a_removed_line(editor_client: Client) -> None:
    article = stored(FLOODS, "Dateline")
    assert article.published is not None
    assert article.published.date().isoformat() == "2013-07-03"
    response = editor_client.get(article.get_absolute_url())
    page = response.content.decode()
    assert 'class="line line-dateline"' in page
    removed = [line for line in response.context["lines"] if line.role == "removed"]
    assert response.context["removed_count"] == len(removed) - 1


def test_an_editors_removal_is_labelled_as_the_editors(
    editor_client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    article = stored(SEED_003, "Removal")
    lines = [text.strip() for text, _, _ in article.blocks]
    index = next(i for i, (_, role, _) in enumerate(article.blocks) if role == "body")
    url = f"/stories/{article.story.slug}/articles/{article.pk}/lines/{index}/"
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(url, {"action": "remove"})
    article.refresh_from_db()
    assert article.blocks[index][2] == str(Reason.EDITOR) == "removed by an editor"
    spans = {span.text: span.reason for span in article.removed_spans.all()}
    assert spans[lines[index]] == "removed by an editor"
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "removed by an editor" in page


def test_deleting_an_article_asks_first_then_realigns_the_story(
    editor_client: Client, seed_story: Story
) -> None:
    article = seed_story.articles.order_by("position").last()
    assert article is not None
    url = f"/stories/{seed_story.slug}/articles/{article.pk}/delete/"
    confirm = editor_client.get(url)
    assert confirm.status_code == 200 and "Delete the article" in confirm.content.decode()
    assert Article.objects.filter(pk=article.pk).exists()
    before = seed_story.articles.count()
    response = editor_client.post(url)
    assert response.status_code == 302 and response["Location"] == seed_story.get_absolute_url()
    assert seed_story.articles.count() == before - 1
    assert not seed_story.groups.filter(claims__article_id=article.pk).exists()
