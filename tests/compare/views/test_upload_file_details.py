"""The upload form's rows: each file's own outlet, URL and date, the editor's over what is found."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks

from newsdiff.articles.models import Article, IngestJob, Story

pytestmark = pytest.mark.django_db


def page(site: str, url: str, day: str, topic: str) -> bytes:
    paragraphs = "".join(
        f"<p>Sentence number {n} of the report on {topic} explains what the council decided.</p>"
        for n in range(6)
    )
    return (
        "<html><head>"
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{day}">'
        f'<link rel="canonical" href="{url}">'
        f"<title>{topic}</title></head><body><article><h1>{topic}</h1>{paragraphs}</article>"
        "</body></html>"
    ).encode()


def files() -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile(
            "a.html", page("Found A", "https://a.example/1", "2023-01-20T08:00:00Z", "roads")
        ),
        SimpleUploadedFile(
            "b.html", page("Found B", "https://b.example/2", "2023-01-21T08:00:00Z", "schools")
        ),
    ]


def test_the_upload_page_has_the_rows_box_and_its_script(editor_client: Client) -> None:
    html = editor_client.get("/upload/").content.decode()
    assert 'id="file-details" hidden' in html
    assert "/static/js/upload.js" in html
    assert html.count("data-single-detail") == 2  # the single Outlet and URL fields
    assert "<script>" not in html  # no inline script (CSP)


def test_each_files_own_outlet_url_and_date_win_over_what_is_found(
    editor_client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    data = {
        "new_story": "Rows",
        "outlet": "Ignored for files with their own",
        "file": files(),
        "file_name": ["a.html", "b.html"],
        "file_outlet": ["Editor A", ""],
        "file_url": ["https://editor.example/a", ""],
        "file_published": ["2023-01-19", ""],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post("/upload/", data)
    assert response.status_code == 302
    a = Article.objects.get(story__title="Rows", source_file="a.html")
    assert a.outlet is not None and a.outlet.name == "Editor A"
    assert a.url == "https://editor.example/a"
    assert a.published == datetime(2023, 1, 19, tzinfo=UTC)
    assert a.edited_fields == ["outlet", "published", "url"]
    b = Article.objects.get(story__title="Rows", source_file="b.html")
    # b's row is empty: the form's single outlet applies, the rest is found in the page
    assert b.outlet is not None and b.outlet.name == "Ignored for files with their own"
    assert b.url == "https://b.example/2"
    assert b.published == datetime(2023, 1, 21, 8, tzinfo=UTC)
    assert b.edited_fields == ["outlet"]


def test_empty_rows_mean_find_it(
    editor_client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    data = {
        "new_story": "Found",
        "file": files(),
        "file_name": ["a.html", "b.html"],
        "file_outlet": ["", ""],
        "file_url": ["", ""],
        "file_published": ["", ""],
    }
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post("/upload/", data)
    story = Story.objects.get(title="Found")
    found = story.articles.order_by("source_file").values_list(
        "outlet__name", "url", "edited_fields"
    )
    assert list(found) == [
        ("Found A", "https://a.example/1", []),
        ("Found B", "https://b.example/2", []),
    ]


def test_a_bad_url_or_date_is_left_out_with_a_message_and_nothing_is_lost(
    editor_client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    data = {
        "new_story": "Bad rows",
        "file": files(),
        "file_name": ["a.html", "b.html"],
        "file_outlet": ["Editor A", "Editor B"],
        "file_url": ["javascript:alert(1)", "https://editor.example/b"],
        "file_published": ["20/01/2023", "2023-01-18"],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post("/upload/", data, follow=True)
    story = Story.objects.get(title="Bad rows")
    a = story.articles.get(source_file="a.html")
    assert a.outlet is not None and a.outlet.name == "Editor A"
    assert a.url == "https://a.example/1"  # the page's own, not the bad one
    assert a.published == datetime(2023, 1, 20, 8, tzinfo=UTC)
    b = story.articles.get(source_file="b.html")
    assert (b.url, b.published) == ("https://editor.example/b", datetime(2023, 1, 18, tzinfo=UTC))
    shown = [str(message) for message in response.context["messages"]]
    assert any(m.startswith("a.html: the URL “javascript:alert(1)”") for m in shown)
    assert any(m.startswith("a.html: the date “20/01/2023”") for m in shown)
    assert not any(m.startswith("b.html") for m in shown)


def test_without_rows_the_single_outlet_applies_to_every_file(
    editor_client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post("/upload/", {"new_story": "No JS", "outlet": "Wire", "file": files()})
    outlets = Article.objects.filter(story__title="No JS").values_list("outlet__name", flat=True)
    assert list(outlets) == ["Wire", "Wire"]


def test_the_request_only_queues_the_rows_values(
    editor_client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    data = {
        "new_story": "Queued",
        "file": files()[:1],
        "file_name": ["a.html"],
        "file_outlet": ["Editor A"],
        "file_url": [""],
        "file_published": ["2023-01-19T10:00"],
    }
    with django_capture_on_commit_callbacks():
        editor_client.post("/upload/", data)
    job = IngestJob.objects.get(story__title="Queued")
    assert (job.status, job.outlet, job.url) == ("queued", "Editor A", "")
    assert job.published == datetime(2023, 1, 19, 10, tzinfo=UTC)
    assert job.edited_fields == ["outlet", "published"]
