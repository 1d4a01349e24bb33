"""Sign-in, the story list, the side-by-side page, the lead switch, the reading view."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from newsdiff.articles.models import Story
from tests.conftest import EDITOR_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/upload/", "/stories/x/", "/stories/x/export.json"])
def test_every_page_needs_sign_in(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_sign_in_page_is_open_and_signing_in_works(client: Client, editor) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/accounts/login/").status_code == 200
    response = client.post("/accounts/login/", {"username": "jo", "password": EDITOR_PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_story_list_shows_counts_and_searches(editor_client: Client, seed_story: Story) -> None:
    page = editor_client.get("/").content.decode()
    assert seed_story.title.replace("'", "&#x27;") in page
    assert editor_client.get("/", {"q": "Wagner"}).context["stories"].count() >= 1
    assert editor_client.get("/", {"q": "19FortyFive"}).context["stories"].count() >= 1
    assert editor_client.get("/", {"q": "no-such-thing-zzz"}).context["stories"].count() == 0


def test_story_page_shows_outlets_side_by_side_with_highlights(
    editor_client: Client, seed_story: Story
) -> None:
    response = editor_client.get(seed_story.get_absolute_url())
    page = response.content.decode()
    for article in seed_story.articles.all():
        assert article.label in page
    assert 'class="claim claim-several"' in page or 'class="claim claim-all"' in page
    assert 'class="claim claim-unique"' in page
    assert "only here" in page and "Shared by" in page
    comparison = response.context["comparison"]
    assert len(comparison.articles) == 5
    row = next(
        r
        for r in comparison.rows
        if any("estimated 50,000" in c.text for cell in r.columns for c in cell)
    )
    assert row.outlet_count == 4


def test_story_page_query_count_does_not_grow_with_claims(
    editor_client: Client, seed_story: Story
) -> None:
    with CaptureQueriesContext(connection) as queries:
        editor_client.get(seed_story.get_absolute_url())
    assert len(queries) <= 10


def test_lead_switch_reorders_columns_and_htmx_gets_the_fragment(
    editor_client: Client, seed_story: Story
) -> None:
    last = seed_story.articles.order_by("position").last()
    response = editor_client.get(seed_story.get_absolute_url(), {"lead": last.pk})
    assert response.context["comparison"].articles[0] == last
    fragment = editor_client.get(
        seed_story.get_absolute_url(), {"lead": last.pk}, headers={"HX-Request": "true"}
    )
    body = fragment.content.decode()
    assert body.lstrip().startswith('<section id="alignment"')
    assert "<html" not in body
    assert "HX-Request" in fragment["Vary"]


def test_unknown_lead_falls_back_to_the_first_article(
    editor_client: Client, seed_story: Story
) -> None:
    response = editor_client.get(seed_story.get_absolute_url(), {"lead": "nonsense"})
    assert (
        response.context["comparison"].articles[0]
        == seed_story.articles.order_by("position").first()
    )


def test_article_page_shows_claims_and_removed_spans(
    editor_client: Client, seed_story: Story
) -> None:
    article = seed_story.articles.get(source_file__endswith="001_17f443fb6246cec4.txt")
    response = editor_client.get(article.get_absolute_url())
    page = response.content.decode()
    lines = response.context["lines"]
    removed = {line.text: line.reason for line in lines if line.role == "removed"}
    assert removed["Leave a Reply"] == "comment form"
    assert removed["[ad_1]"] == "ad marker"
    assert 'class="line line-removed"' in page and "Restore" in page
    segments = [s for line in lines if line.role == "body" for s in line.segments if s.claim]
    assert len(segments) == article.claims.count()
    assert {s.shared for s in segments} == {True, False}
    assert all(s.text == s.claim.text for s in segments)


def test_missing_story_is_404(editor_client: Client) -> None:
    assert editor_client.get("/stories/nope/").status_code == 404


def test_pages_send_a_content_security_policy(editor_client: Client, seed_story: Story) -> None:
    response = editor_client.get(seed_story.get_absolute_url())
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()


def test_rename_keeps_the_address(editor_client: Client) -> None:
    story = Story.objects.create(title="Old name")
    assert editor_client.get(f"/stories/{story.slug}/rename/").status_code == 200
    response = editor_client.post(f"/stories/{story.slug}/rename/", {"title": "  New   name "})
    story.refresh_from_db()
    assert story.title == "New name"
    assert response["Location"] == f"/stories/{story.slug}/"
    assert editor_client.post(f"/stories/{story.slug}/rename/", {"title": "   "}).status_code == 200


def test_delete_asks_first_then_deletes(editor_client: Client) -> None:
    story = Story.objects.create(title="Doomed")
    page = editor_client.get(f"/stories/{story.slug}/delete/").content.decode()
    assert "cannot be undone" in page
    assert Story.objects.filter(pk=story.pk).exists()
    response = editor_client.post(f"/stories/{story.slug}/delete/")
    assert response["Location"] == "/"
    assert not Story.objects.filter(pk=story.pk).exists()


def test_hiding_a_column_keeps_statuses_and_the_url_says_so(
    editor_client: Client, seed_story: Story
) -> None:
    articles = list(seed_story.articles.order_by("position"))
    response = editor_client.get(
        seed_story.get_absolute_url(), {"hide": f"{articles[1].pk},{articles[0].pk}"}
    )
    shown = response.context["comparison"].articles
    assert articles[1] not in shown
    assert articles[0] in shown  # the lead cannot be hidden
    assert [a.label for a in response.context["hidden"]] == [articles[1].label]
    page = response.content.decode()
    assert f"show {articles[1].label}" in page
    row = next(
        r
        for r in response.context["comparison"].rows
        if any("some 50,000 personnel" in c.text for cell in r.columns for c in cell)
    )
    assert row.outlet_count == 4  # still counts the hidden outlet
