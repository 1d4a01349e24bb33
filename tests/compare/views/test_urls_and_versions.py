"""Adding articles by URL in the form, "Check for changes", and the versions an editor sees."""

from __future__ import annotations

import pytest
from django.http.response import HttpResponseBase
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks

from newsdiff.articles.models import Article, IngestJob, Story
from newsdiff.compare import forms
from newsdiff.compare.views import checks
from tests.articles.test_versions import FIRST, SECOND, serve
from tests.pages_server import PagesServer, article_page

pytestmark = pytest.mark.django_db


def add_urls(
    client: Client, capture: DjangoCaptureOnCommitCallbacks, *urls: str, story: str = "By URL"
) -> HttpResponseBase:
    with capture(execute=True):
        return client.post("/upload/", {"new_story": story, "urls": "\n".join(urls)})


def test_urls_in_the_form_become_articles_fetched_by_the_worker(
    editor_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    pages_server: PagesServer,
) -> None:
    urls = [
        pages_server.serve(f"/a{n}", article_page(f"Story {n}", *FIRST[n:], *SECOND[3:]))
        for n in range(3)
    ]
    response = add_urls(editor_client, django_capture_on_commit_callbacks, *urls)
    story = Story.objects.get(title="By URL")
    assert response.status_code == 302 and response["Location"] == story.get_absolute_url()
    assert sorted(story.articles.values_list("url", flat=True)) == sorted(urls)
    assert all(a.raw_format == "html" and "<nav>" in a.raw for a in story.articles.all())
    assert set(story.jobs.values_list("status", flat=True)) == {IngestJob.Status.DONE}
    page = editor_client.get(story.get_absolute_url()).content.decode()
    assert page.count('class="col-head') == 3


def test_a_url_that_cannot_be_fetched_fails_its_job_with_the_reason(
    editor_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    pages_server: PagesServer,
) -> None:
    good = serve(pages_server, *FIRST)
    pdf = pages_server.serve(
        "/report.pdf", b"%PDF-1.7", headers={"Content-Type": "application/pdf"}
    )
    add_urls(editor_client, django_capture_on_commit_callbacks, good, pdf)
    story = Story.objects.get(title="By URL")
    assert list(story.articles.values_list("url", flat=True)) == [good]
    failed = story.jobs.get(status=IngestJob.Status.FAILED)
    assert failed.url == pdf and "serves a PDF" in failed.message
    page = editor_client.get(story.get_absolute_url()).content.decode()
    assert pdf in page and "serves a PDF" in page


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            "file:///etc/passwd",
            "Line 1: cannot fetch file:///etc/passwd: only http:// and https://",
        ),
        ("https://ok.example/a\nnot a url", "Line 2: cannot fetch not a url"),
        ("\n".join(f"https://x.example/{n}" for n in range(21)), "At most 20 URLs at once"),
    ],
)
def test_bad_url_lines_are_refused_in_the_form(
    editor_client: Client, lines: str, message: str
) -> None:
    response = editor_client.post("/upload/", {"new_story": "Bad", "urls": lines})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["urls"])
    assert not Story.objects.filter(title="Bad").exists()


def test_the_form_needs_text_a_file_or_a_url(editor_client: Client) -> None:
    response = editor_client.post("/upload/", {"new_story": "Empty"})
    assert forms.NEED_ONE_SOURCE in response.context["form"].non_field_errors()


def stored_url_article(
    client: Client, capture: DjangoCaptureOnCommitCallbacks, server: PagesServer
) -> Article:
    url = serve(server, *FIRST)
    add_urls(client, capture, url, story="Floods")
    return Article.objects.get(url=url)


def test_check_for_changes_on_an_article_stores_a_new_version(
    editor_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    pages_server: PagesServer,
) -> None:
    article = stored_url_article(editor_client, django_capture_on_commit_callbacks, pages_server)
    serve(pages_server, *SECOND)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"{article.get_absolute_url()}check/")
    assert response["Location"] == article.story.get_absolute_url()
    assert article.versions.count() == 2
    job = article.story.jobs.order_by("-pk").first()
    assert job is not None and job.message.startswith("new version 2")
    page = editor_client.get(article.story.get_absolute_url()).content.decode()
    assert "changed · 2 versions" in page
    assert "Added in version 2" in page


def test_check_for_changes_on_a_story_checks_every_url_article(
    editor_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    pages_server: PagesServer,
) -> None:
    article = stored_url_article(editor_client, django_capture_on_commit_callbacks, pages_server)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"{article.story.get_absolute_url()}check/")
    job = article.story.jobs.order_by("-pk").first()
    assert job is not None and job.message == "unchanged since it was last seen"
    assert article.versions.count() == 1


def test_a_story_without_url_articles_has_nothing_to_check(
    editor_client: Client, seed_story: Story
) -> None:
    page = editor_client.get(seed_story.get_absolute_url()).content.decode()
    assert "Check for changes" not in page
    response = editor_client.post(f"{seed_story.get_absolute_url()}check/", follow=True)
    assert checks.NO_URL_ARTICLES in response.content.decode()


def test_the_reading_view_lists_versions_and_shows_their_difference(
    editor_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    pages_server: PagesServer,
) -> None:
    article = stored_url_article(editor_client, django_capture_on_commit_callbacks, pages_server)
    serve(pages_server, *SECOND)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"{article.get_absolute_url()}check/")
    response = editor_client.get(article.get_absolute_url())
    page = response.content.decode()
    assert "2 versions" in page and page.count('id="version-') == 2
    assert "<del>3 </del><ins>5 </ins>" in page
    assert "3 dead -&gt; 5 dead" in page
    assert "<ins>Residents said the warnings came too late to save their homes.</ins>" in page
    again = editor_client.get(
        article.get_absolute_url() + "?from=2&to=1", headers={"HX-Request": "true"}
    )
    fragment = again.content.decode()
    assert fragment.lstrip().startswith('<section id="versions"')
    assert "5 dead -&gt; 3 dead" in fragment


def test_check_for_changes_needs_an_editor(client: Client, seed_story: Story) -> None:
    article = seed_story.articles.first()
    assert article is not None
    response = client.post(f"{article.get_absolute_url()}check/")
    assert response.status_code in {302, 403}
    assert IngestJob.objects.filter(article=article).count() == 0
