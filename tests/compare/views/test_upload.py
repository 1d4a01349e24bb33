"""The upload form: pasted text and files into new or existing stories, and clear errors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from pytest_django import DjangoCaptureOnCommitCallbacks

from newsdiff.articles import ingest, jobs
from newsdiff.articles.models import Article, Story
from newsdiff.compare import forms
from tests.conftest import SEEDS

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

pytestmark = pytest.mark.django_db

SEED_003 = (SEEDS / "003_3f3274e93fbad53a.txt").read_text(encoding="utf-8")


def errors(response: _MonkeyPatchedWSGIResponse) -> str:
    form = response.context["form"]
    return (
        " ".join(str(e) for e in form.non_field_errors())
        + " "
        + " ".join(str(e) for field in form for e in field.errors)
    )


def test_upload_page_renders(editor_client: Client) -> None:
    page = editor_client.get("/upload/").content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert "Article text" in page


def test_pasted_text_into_a_new_story(
    editor_client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/upload/", {"new_story": "Pasted", "outlet": "Daily Paste", "text": SEED_003}
        )
    story = Story.objects.get(title="Pasted")
    assert response.status_code == 302 and response["Location"] == story.get_absolute_url()
    article = story.articles.get()
    assert article.outlet is not None
    assert article.outlet.name == "Daily Paste"
    assert "Please enter your comment!" not in article.text
    assert article.claims.count() > 10


def test_uploaded_file_joins_an_existing_story_and_is_aligned(
    editor_client: Client,
    seed_story: Story,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    before = seed_story.articles.count()
    extra = (
        "Kirby said the US had assessed that Wagner has some 50,000 personnel fighting "
        "in Ukraine.\n\n"
        "The mercenary group also recruits widely, officials said on Friday."
    )
    upload = SimpleUploadedFile("extra.txt", f"Wagner update\n\n{extra}".encode(), "text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post("/upload/", {"story": seed_story.pk, "file": upload})
    response = editor_client.get(response["Location"])
    assert response.status_code == 200
    assert seed_story.articles.count() == before + 1
    article = seed_story.articles.get(source_file="extra.txt")
    fifty = article.claims.get(text__contains="50,000")
    assert fifty.groups.exists()
    assert article.label == "extra"  # no outlet given: the file's name without extension
    assert '<span class="outlet">extra</span>' in response.content.decode()


def test_html_file_upload(
    editor_client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    paragraphs = "".join(
        f"<p>Sentence number {n} of the report explains what the city council decided today.</p>"
        for n in range(6)
    )
    body = f"<body><article>{paragraphs}</article></body>"
    html = f"<html><head><title>Council</title></head>{body}</html>"
    upload = SimpleUploadedFile("page.html", html.encode(), "text/html")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post("/upload/", {"new_story": "HTML upload", "file": upload})
    article = Article.objects.get(story__title="HTML upload")
    assert article.raw_format == "html"
    assert "Sentence number 3" in article.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"new_story": "S"}, forms.NEED_ONE_SOURCE),
        ({"text": "Some text here."}, forms.NEED_STORY),
        ({"new_story": "S", "text": "   \n  "}, forms.NEED_ONE_SOURCE),
        ({"new_story": "S", "text": "x", "file": ("a.txt", b"Some text.")}, forms.NOT_BOTH_SOURCES),
        ({"new_story": "S", "file": ("a.pdf", b"%PDF-1.4")}, "Only .txt, .text, .html and .htm"),
        ({"new_story": "S", "file": ("a.txt", b"%PDF-1.4 pretending")}, "a PDF"),
        ({"new_story": "S", "file": ("a.txt", b"\x00\x01\x02\x03")}, "not a text file"),
        ({"new_story": "S", "file": ("a.txt", b"")}, "empty"),
    ],
)
def test_bad_uploads_get_a_clear_error_and_store_nothing(
    editor_client: Client, data: dict[str, Any], message: str
) -> None:
    if "file" in data:
        name, content = data["file"]
        data = {**data, "file": SimpleUploadedFile(name, content)}
    before = (Story.objects.count(), Article.objects.count())
    response = editor_client.post("/upload/", data)
    assert response.status_code == 200
    assert message in errors(response)
    assert (Story.objects.count(), Article.objects.count()) == before


@override_settings(NEWSDIFF_MAX_UPLOAD_BYTES=100)
def test_a_file_over_the_limit_is_refused(editor_client: Client) -> None:
    upload = SimpleUploadedFile("big.txt", b"word " * 100)
    response = editor_client.post("/upload/", {"new_story": "Big", "file": upload})
    assert "the limit is 100 bytes" in errors(response)
    assert not Story.objects.filter(title="Big").exists()


def test_uploading_the_same_article_twice_changes_nothing(
    editor_client: Client,
    seed_story: Story,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    before = seed_story.articles.count()
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post("/upload/", {"story": seed_story.pk, "text": SEED_003})
    assert seed_story.jobs.get().message == jobs.ALREADY_STORED
    assert seed_story.articles.count() == before


def test_several_files_at_once_with_one_bad_one(
    editor_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    files = [
        SimpleUploadedFile("a.txt", (SEEDS / "000_fb72157701e68ea8.txt").read_bytes()),
        SimpleUploadedFile("b.txt", (SEEDS / "004_fb34d5aa027317c2.txt").read_bytes()),
        SimpleUploadedFile("junk.txt", b"[ad_1]\n\nLeave a Reply\n"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post("/upload/", {"new_story": "Batch", "file": files})
    story = Story.objects.get(title="Batch")
    assert sorted(story.articles.values_list("source_file", flat=True)) == ["a.txt", "b.txt"]
    assert story.matches.exists()
    junk = story.jobs.get(source_name="junk.txt")
    assert (junk.status, junk.message) == ("failed", ingest.EMPTY_AFTER_CLEANING)
    page = editor_client.get(response["Location"]).content.decode()
    assert "junk.txt" in page and ingest.EMPTY_AFTER_CLEANING in page


def test_the_request_only_queues_and_the_worker_says_what_is_wrong(
    editor_client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_client.post(
            "/upload/", {"new_story": "Junk", "text": "[ad_1]\n\nLeave a Reply"}
        )
    assert response.status_code == 302  # queued: nothing was cleaned in the request
    story = Story.objects.get(title="Junk")
    assert list(story.jobs.values_list("status", flat=True)) == ["queued"]
    for callback in callbacks:
        callback()
    job = story.jobs.get()
    assert (job.status, job.message) == ("failed", ingest.EMPTY_AFTER_CLEANING)
    assert not story.articles.exists()


def test_the_jobs_component_stops_polling_when_all_are_done(
    editor_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post("/upload/", {"new_story": "Polled", "text": SEED_003})
    story = Story.objects.get(title="Polled")
    response = editor_client.get(f"/stories/{story.slug}/jobs/", headers={"HX-Request": "true"})
    assert response.status_code == 286
    assert response["HX-Trigger"] == "alignment-changed"
