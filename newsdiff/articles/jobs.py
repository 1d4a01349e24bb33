"""Uploads processed in the background: queue a batch, process it, recover from dead workers.

Each job's article is cleaned and split in a child process killed after
`NEWSDIFF_ARTICLE_SECONDS` (`timelimit`), outside any transaction: a job that runs over fails
with a clear message and is never queued again. The result is then written in one short
transaction together with the job's new status, so a worker killed at any point leaves either
a complete article or none; `jobs_recover` then queues the unfinished jobs again, or marks
them failed after `MAX_ATTEMPTS`.

The background task (`process_upload_batch`, django.tasks) lives here with the jobs it runs.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from newsdiff.articles import timelimit
from newsdiff.articles.alignment import story_align
from newsdiff.articles.ingest import (
    ArticleRejected,
    IngestOutcome,
    article_checked,
    article_ingest,
    article_rules,
    ingest_then_align,
)
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import IngestJob, Story
from newsdiff.textcore.pipeline import ProcessedArticle

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
GAVE_UP = "gave up after {n} attempts: the worker stopped while processing it"
ALREADY_STORED = "already in the story (same source, same text); nothing changed"
SAME_TEXT = "stored; the same text as {labels} (wire copy)"
UNEXPECTED = "could not be processed ({kind}); the article was not stored"


def batch_queue(*, story: Story, items: Sequence[ArticleInput]) -> uuid.UUID:
    """Store the inputs as jobs and queue one task for them once the transaction commits."""
    batch = uuid.uuid4()
    with transaction.atomic():
        IngestJob.objects.bulk_create(_job(batch, story, item) for item in items)
        transaction.on_commit(lambda: process_upload_batch.enqueue(str(batch)))
    return batch


def _job(batch: uuid.UUID, story: Story, item: ArticleInput) -> IngestJob:
    return IngestJob(
        batch=batch,
        story=story,
        source_name=item.source_file[:300],
        raw=item.raw,
        raw_format=item.fmt,
        title=item.title[:500],
        url=item.url[:1000],
        outlet=item.outlet[:200],
    )


@task
def process_upload_batch(batch: str) -> None:
    """The background task: process a batch of uploads, then align their story once."""
    batch_process(batch=batch)


def batch_process(*, batch: str) -> None:
    """Ingest each unfinished job of the batch, then align each story that gained an article.

    A job already `aligning` (its article was stored before a worker died) is only aligned.
    """
    pending = list(IngestJob.objects.filter(batch=batch).unfinished().select_related("story"))
    ingest_then_align(pending, _job_ingest)
    ingested = [job for job in pending if job.status == IngestJob.Status.ALIGNING]
    for job in ingested:
        _set_status(job, IngestJob.Status.DONE)


def _job_ingest(job: IngestJob) -> Story | None:
    """Store the job's article (unless a dead worker already did); its story, if it changed."""
    if job.status != IngestJob.Status.ALIGNING:
        _job_process(job)
    changed = job.status == IngestJob.Status.ALIGNING and job.message != ALREADY_STORED
    return job.story if changed else None


def _job_process(job: IngestJob) -> None:
    _set_status(job, IngestJob.Status.PROCESSING, attempts=job.attempts + 1)
    item = ArticleInput(
        raw=job.raw,
        fmt=job.raw_format,
        source_file=job.source_name,
        title=job.title,
        url=job.url,
        outlet=job.outlet,
    )
    try:
        processed = article_checked(_processed_within_limit(item))
        with transaction.atomic():
            outcome = article_ingest(item=item, story=job.story, processed=processed)
            job.article = outcome.article
            message = _outcome_message(outcome)
            _set_status(job, IngestJob.Status.ALIGNING, message=message)
    except (ArticleRejected, timelimit.ProcessingFailed) as error:
        _set_status(job, IngestJob.Status.FAILED, message=str(error))
    except Exception as error:  # one bad input must not stop the rest of the batch
        logger.exception("ingest job %s failed", job.pk)
        kind = type(error).__name__
        _set_status(job, IngestJob.Status.FAILED, message=UNEXPECTED.format(kind=kind))


def _processed_within_limit(item: ArticleInput) -> ProcessedArticle:
    """The article cleaned and split in a child process, within the time limit."""
    rules = article_rules(item)
    return timelimit.process_within(
        item.raw,
        seconds=settings.NEWSDIFF_ARTICLE_SECONDS,
        fmt=item.fmt,
        extra_boilerplate=rules.remove,
        keep_lines=rules.keep,
        editor_removed=rules.editor_remove,
    )


def _outcome_message(outcome: IngestOutcome) -> str:
    if not outcome.created:
        return ALREADY_STORED
    if outcome.same_text_as:
        return SAME_TEXT.format(labels=", ".join(outcome.same_text_as))
    return ""


def _set_status(job: IngestJob, status: str, **fields: object) -> None:
    for name, value in {"status": status, **fields}.items():
        setattr(job, name, value)
    job.save(update_fields=["status", "updated_at", "article", *fields])


def stories_align_pending() -> int:
    """Align every story with claims never aligned (a run killed between storing and aligning).

    Stories with unfinished jobs are left to those jobs. Returns how many were aligned.
    """
    busy = IngestJob.objects.unfinished().values("story_id")
    pending = Story.objects.exclude(pk__in=busy).filter(articles__claims__embedding__isnull=True)
    stories = list(pending.distinct())
    for story in stories:
        story_align(story=story)
    return len(stories)


def jobs_recover(*, older_than: timedelta = timedelta(seconds=0)) -> tuple[int, int]:
    """Queue again the batches a dead worker left unfinished; fail jobs tried too often.

    Returns (jobs queued again, jobs marked failed).
    """
    stale = IngestJob.objects.unfinished().filter(updated_at__lte=timezone.now() - older_than)
    failed = 0
    for job in stale.filter(attempts__gte=MAX_ATTEMPTS):
        _set_status(job, IngestJob.Status.FAILED, message=GAVE_UP.format(n=job.attempts))
        failed += 1
    stale = stale.filter(attempts__lt=MAX_ATTEMPTS)
    requeued = stale.count()
    for batch in set(stale.values_list("batch", flat=True)):
        process_upload_batch.enqueue(str(batch))
    return requeued, failed
