"""Background uploads: a batch is processed and aligned once; dead workers' jobs are recovered."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from newsdiff.articles import jobs
from newsdiff.articles.ingest import article_ingest
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import Article, IngestJob, Story
from newsdiff.textcore.pipeline import ProcessedArticle
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def item(name: str) -> ArticleInput:
    return ArticleInput(
        raw=(SEEDS / name).read_text(encoding="utf-8"), fmt="text", source_file=name
    )


A, B = "001_17f443fb6246cec4.txt", "003_3f3274e93fbad53a.txt"


def test_a_queued_batch_is_ingested_and_aligned(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    story = Story.objects.create(title="Queued")
    with django_capture_on_commit_callbacks(execute=True):
        batch = jobs.batch_queue(story=story, items=[item(A), item(B)])
    assert set(IngestJob.objects.filter(batch=batch).values_list("status", flat=True)) == {"done"}
    assert story.articles.count() == 2
    assert story.groups.exists()


def test_nothing_runs_before_the_upload_transaction_commits() -> None:
    story = Story.objects.create(title="Uncommitted")
    jobs.batch_queue(story=story, items=[item(A)])
    assert IngestJob.objects.get(story=story).status == "queued"
    assert not story.articles.exists()


def test_a_job_a_dead_worker_left_processing_is_retried() -> None:
    story = Story.objects.create(title="Crashed")
    jobs.batch_queue(story=story, items=[item(A)])
    IngestJob.objects.filter(story=story).update(status="processing", attempts=1)
    out = io.StringIO()
    call_command("recover_jobs", stdout=out)
    assert "Re-queued 1" in out.getvalue()
    job = IngestJob.objects.get(story=story)
    assert (job.status, job.attempts) == ("done", 2)
    assert story.articles.count() == 1


def test_a_job_whose_article_was_stored_is_only_aligned_again() -> None:
    story = Story.objects.create(title="Half aligned")
    article = article_ingest(item=item(B), story=story).article
    jobs.batch_queue(story=story, items=[item(A)])
    first = article_ingest(item=item(A), story=story).article
    IngestJob.objects.filter(story=story).update(status="aligning", attempts=1, article=first)
    jobs.jobs_recover()
    job = IngestJob.objects.get(story=story)
    assert job.status == "done" and job.message == ""
    assert set(story.articles.all()) == {article, first}
    assert story.groups.exists()


def test_a_job_tried_too_often_is_marked_failed_with_the_reason() -> None:
    story = Story.objects.create(title="Hopeless")
    jobs.batch_queue(story=story, items=[item(A)])
    IngestJob.objects.filter(story=story).update(status="processing", attempts=jobs.MAX_ATTEMPTS)
    assert jobs.jobs_recover() == (0, 1)
    job = IngestJob.objects.get(story=story)
    assert job.status == "failed"
    assert "gave up after 3 attempts" in job.message
    assert not Article.objects.filter(story=story).exists()


def test_a_rejected_input_fails_alone_and_the_rest_of_the_batch_goes_on(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    story = Story.objects.create(title="Mixed batch")
    junk = ArticleInput(raw="[ad_1]\n\nLeave a Reply", fmt="text", source_file="junk.txt")
    with django_capture_on_commit_callbacks(execute=True):
        jobs.batch_queue(story=story, items=[junk, item(A)])
    statuses = dict(IngestJob.objects.filter(story=story).values_list("source_name", "status"))
    assert statuses == {"junk.txt": "failed", A: "done"}
    assert story.articles.count() == 1


def test_a_job_that_runs_over_its_time_fails_clearly_and_is_not_queued_again(
    settings: Settings, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    settings.NEWSDIFF_ARTICLE_SECONDS = 0.001  # far less than any article takes
    story = Story.objects.create(title="Too slow")
    with django_capture_on_commit_callbacks(execute=True):
        batch = jobs.batch_queue(story=story, items=[item(A)])
    job = IngestJob.objects.get(batch=batch)
    assert job.status == "failed"
    assert job.message.startswith("this text took too long to process")
    assert not story.articles.exists()
    assert jobs.jobs_recover() == (0, 0)  # a failed job is finished: never queued again
    assert IngestJob.objects.get(batch=batch).status == "failed"


@pytest.mark.django_db(transaction=True)
def test_the_worker_computes_outside_any_transaction(monkeypatch) -> None:
    from django.db import connection

    from newsdiff.articles import timelimit

    depths: list[bool] = []
    process_within = timelimit.process_within

    def watched(*args: Any, **kwargs: Any) -> ProcessedArticle:
        depths.append(connection.in_atomic_block)
        return process_within(*args, **kwargs)

    monkeypatch.setattr(timelimit, "process_within", watched)
    story = Story.objects.create(title="Outside")
    jobs.batch_queue(story=story, items=[item(A)])  # runs its task when the queueing commits
    assert story.articles.count() == 1
    assert depths == [False]


def _pipeline_refused_in_this_process(*args: Any, **kwargs: Any) -> ProcessedArticle:
    raise AssertionError("the worker process cleaned an article itself, not in its child")


@pytest.mark.django_db(transaction=True)
def test_a_known_source_uploaded_again_is_cleaned_in_the_child_with_its_articles_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.db import connection

    from newsdiff.articles import ingest, timelimit

    story = Story.objects.create(title="Known source")
    jobs.batch_queue(story=story, items=[item(A)])  # runs its task when the queueing commits
    article = story.articles.get()
    headline = next(str(text).strip() for text, role, _ in article.blocks if role == "body")
    Article.objects.filter(pk=article.pk).update(title_line=headline)
    calls: list[tuple[bool, str]] = []
    process_within = timelimit.process_within

    def watched(*args: Any, **kwargs: Any) -> ProcessedArticle:
        calls.append((connection.in_atomic_block, kwargs.get("title_line", "")))
        return process_within(*args, **kwargs)

    monkeypatch.setattr(timelimit, "process_within", watched)
    # the child (a fork server started with the text core imported) keeps the real pipeline
    monkeypatch.setattr(ingest, "process_article", _pipeline_refused_in_this_process)
    changed = ArticleInput(
        raw=item(A).raw.replace(
            headline, f"{headline}\n\nThe council will vote again on Friday, a spokesman said.", 1
        ),
        fmt="text",
        source_file=A,
    )
    batch = jobs.batch_queue(story=story, items=[changed])
    job = IngestJob.objects.get(batch=batch)
    assert job.status == "done", job.message
    assert story.articles.count() == 1, job.message
    article.refresh_from_db()
    assert article.versions.count() == 2, (job.message, calls)
    assert "vote again on Friday" in article.text
    # once with the outlet's rules, once with the article's own (its headline line)
    assert calls == [(False, ""), (False, headline)]


@pytest.mark.django_db(transaction=True)
def test_a_correction_is_cleaned_in_the_child_within_the_time_limit(
    monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    from newsdiff.articles import ingest

    story = Story.objects.create(title="Redo in the child")
    jobs.batch_queue(story=story, items=[item(A)])
    article = story.articles.get()
    text = article.text
    monkeypatch.setattr(ingest, "process_article", _pipeline_refused_in_this_process)
    settings.NEWSDIFF_ARTICLE_SECONDS = 0.001  # far less than any article takes
    jobs.article_redo_queue(article=article)
    job = IngestJob.objects.get(story=story, redo=True)
    assert job.status == "failed"
    assert job.message.startswith("this text took too long to process")
    article.refresh_from_db()
    assert article.text == text and article.claims.exists()  # left as it was
    settings.NEWSDIFF_ARTICLE_SECONDS = 600
    jobs.article_redo_queue(article=article)
    assert IngestJob.objects.filter(story=story, redo=True).latest("pk").status == "done"
