"""Nothing lost without a word: every file's problem named, the good files stored, a story
title already taken said, the banner gone when done, too large a paste answered by the form."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from pytest_django import DjangoCaptureOnCommitCallbacks

from newsdiff.articles.models import Story
from newsdiff.compare import forms
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

SEED_000 = (SEEDS / "000_fb72157701e68ea8.txt").read_bytes()
SEED_003 = (SEEDS / "003_3f3274e93fbad53a.txt").read_text(encoding="utf-8")


def page_messages(client: Client, url: str) -> str:
    return client.get(url).content.decode()


def test_a_batch_with_bad_files_stores_the_good_one_and_names_each_problem(
    editor_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    files = [
        SimpleUploadedFile("empty.txt", b""),
        SimpleUploadedFile("report.pdf", b"%PDF-1.7 ..."),
        SimpleUploadedFile("scan.txt", b"%PDF-1.4 pretending"),
        SimpleUploadedFile("good.txt", SEED_000),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post("/upload/", {"new_story": "Mixed", "file": files})
    story = Story.objects.get(title="Mixed")
    assert list(story.articles.values_list("source_file", flat=True)) == ["good.txt"]
    page = page_messages(editor_client, response["Location"])
    assert "empty.txt: the file is empty." in page
    assert "report.pdf" in page and "Only .txt, .text, .html and .htm" in page
    assert "scan.txt: a PDF" in page
    assert page.count("It was not stored; the other file(s) were.") == 3


def test_a_batch_with_no_good_file_comes_back_with_every_problem(editor_client: Client) -> None:
    files = [SimpleUploadedFile("empty.txt", b""), SimpleUploadedFile("x.pdf", b"%PDF-1.7")]
    response = editor_client.post("/upload/", {"new_story": "Nothing good", "file": files})
    assert response.status_code == 200
    errors = " ".join(str(error) for error in response.context["form"].errors.get("file", []))
    assert "empty.txt: the file is empty." in errors and "'x.pdf'" in errors
    assert not Story.objects.filter(title="Nothing good").exists()


def test_a_new_story_with_a_title_taken_says_it_was_added_to_that_story(
    editor_client: Client,
    seed_story: Story,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    text = "Wagner update\n\nThe group also recruits widely in prisons, officials said on Friday."
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post("/upload/", {"new_story": seed_story.title, "text": text})
    assert response["Location"] == seed_story.get_absolute_url()
    page = page_messages(editor_client, response["Location"])
    assert forms.EXISTING_STORY.format(title=seed_story.title).replace("'", "&#x27;") in page
    assert Story.objects.filter(title=seed_story.title).count() == 1


def test_uploading_a_file_already_stored_says_so_by_name(
    editor_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    for _ in range(2):
        upload = SimpleUploadedFile("again.txt", SEED_000)
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post("/upload/", {"new_story": "Twice", "file": upload})
    story = Story.objects.get(title="Twice")
    assert story.articles.count() == 1
    page = page_messages(editor_client, response["Location"])
    assert "again.txt" in page and "already in the story (same source, same text)" in page


def test_the_same_text_pasted_for_two_outlets_is_two_articles_marked_as_copies(
    editor_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    for outlet in ("Agency Wire", "Town Paper"):
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                "/upload/", {"new_story": "Pasted wire", "outlet": outlet, "text": SEED_003}
            )
    story = Story.objects.get(title="Pasted wire")
    assert story.articles.count() == 2
    page = page_messages(editor_client, response["Location"])
    assert "Same text as Agency Wire" in page and "Same text as Town Paper" in page
    assert "Hide copies" in page
    hidden = editor_client.get(f"{story.get_absolute_url()}?copies=hide")
    shown = [article.label for article in hidden.context["comparison"].articles]
    assert shown == ["Agency Wire"]
    assert "Show copies" in hidden.content.decode()


def test_the_processing_banner_goes_once_all_are_done(
    editor_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    story = Story.objects.create(title="Banner")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        editor_client.post("/upload/", {"story": story.pk, "text": SEED_003})
    running = editor_client.get(f"/stories/{story.slug}/jobs/").content.decode()
    assert "Processing 1 article: it appears in the story when ready." in running
    for callback in callbacks:
        callback()
    done = editor_client.get(f"/stories/{story.slug}/jobs/")
    assert done.status_code == 286 and "Processing" not in done.content.decode()
    assert "Processing" not in editor_client.get(story.get_absolute_url()).content.decode()


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000, NEWSDIFF_MAX_UPLOAD_BYTES=800)
def test_a_paste_over_the_limit_gets_the_form_with_a_message(editor_client: Client) -> None:
    response = editor_client.post("/upload/", {"new_story": "Huge", "text": "word " * 2000})
    assert response.status_code == 413
    assert "larger than the upload limit of 800 bytes" in response.content.decode()
    assert not Story.objects.filter(title="Huge").exists()


@override_settings(NEWSDIFF_MAX_UPLOAD_BYTES=800)
def test_a_paste_over_the_limit_but_readable_gets_the_form_message(editor_client: Client) -> None:
    response = editor_client.post("/upload/", {"new_story": "Big", "text": "word " * 200})
    assert response.status_code == 200
    assert "the limit is 800 bytes" in response.content.decode()


def test_renaming_a_story_to_a_title_taken_is_refused(
    editor_client: Client, seed_story: Story
) -> None:
    other = Story.objects.create(title="Other story")
    response = editor_client.post(f"/stories/{other.slug}/rename/", {"title": seed_story.title})
    assert response.status_code == 200
    assert "A story with this title exists." in response.content.decode()
