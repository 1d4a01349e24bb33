"""Uploads processed in the background: queue a batch, process it, recover from dead workers.

A job holds an uploaded file or pasted text, or a URL the worker fetches first (an article
added by URL, or an article checked for changes), or an article to clean again after an
editor's correction (`redo`: a line restored or removed, another headline line).

Each job's article is cleaned and split in a child process killed after
`NEWSDIFF_ARTICLE_SECONDS` (`timelimit`), outside any transaction: a job that runs over fails
with a clear message and is never queued again. The result is then written in one short
transaction together with the job's new status, so a worker killed at any point leaves either
a complete article or none; `jobs_recover` then queues the unfinished jobs again, or marks
them failed after `MAX_ATTEMPTS`.

The background tasks (`process_upload_batch`, django.tasks, and `realign_story` after an
editor corrects the rows) live here with the jobs they run.
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
from newsdiff.articles.corrections import CleaningRules, rules_for
from newsdiff.articles.ingest import (
    ArticleRejected,
    IngestOutcome,
    article_checked,
    article_ingest,
    article_refreshed_store,
    article_rules,
    ingest_then_align,
    source_seen_again,
)
from newsdiff.articles.inputs import ArticleInput, InputProblem
from newsdiff.articles.models import Article, IngestJob, Story
from newsdiff.articles.versions import NOTHING_NEW, article_version_update
from newsdiff.articles.web_inputs import read_url
from newsdiff.textcore.pipeline import ProcessedArticle

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
GAVE_UP = "gave up after {n} attempts: the worker stopped while processing it"
ALREADY_STORED = "already in the story (same source, same text); nothing changed"
SAME_TEXT = "stored; the same text as {labels} (wire copy)"
UNEXPECTED = "could not be processed ({kind}); the article was not stored"
REDO_NAME = "{label}: cleaned again after a correction"
REDO_GONE = "the article was deleted before it was cleaned again"


def batch_queue(
    *,
    story: Story,
    items: Sequence[ArticleInput] = (),
    urls: Sequence[str] = (),
    outlet: str = "",
    checks: Sequence[Article] = (),
    redo: Sequence[Article] = (),
) -> uuid.UUID:
    """Store the inputs as jobs and queue one task for them once the transaction commits.

    `urls` are pages the worker fetches and adds (with `outlet`, if given); `checks` are the
    story's URL articles the worker fetches again ("Check for changes"); `redo` are articles
    the worker cleans again with their corrections (an editor's correction)."""
    batch = uuid.uuid4()
    rows = [_job(batch, story, item) for item in items]
    rows += [_url_job(batch, story, url, outlet) for url in urls]
    rows += [_check_job(batch, story, article) for article in checks]
    rows += [_redo_job(batch, story, article) for article in redo]
    with transaction.atomic():
        IngestJob.objects.bulk_create(rows)
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
        published=item.published,
        edited_fields=list(item.edited),
    )


def _url_job(batch: uuid.UUID, story: Story, url: str, outlet: str) -> IngestJob:
    return IngestJob(
        batch=batch, story=story, url=url[:1000], outlet=outlet[:200], fetch=True, raw_format=""
    )


def _check_job(batch: uuid.UUID, story: Story, article: Article) -> IngestJob:
    outlet = article.outlet.name if article.outlet else ""
    return IngestJob(
        batch=batch, story=story, article=article, url=article.url, outlet=outlet, fetch=True
    )


def _redo_job(batch: uuid.UUID, story: Story, article: Article) -> IngestJob:
    return IngestJob(
        batch=batch,
        story=story,
        article=article,
        redo=True,
        source_name=REDO_NAME.format(label=article.label)[:300],
        raw_format=article.raw_format,
    )


def article_redo_queue(*, article: Article) -> uuid.UUID:
    """Queue the article to be cleaned again with its corrections, then the story aligned."""
    return batch_queue(story=article.story, redo=[article])


@task
def process_upload_batch(batch: str) -> None:
    """The background task: process a batch of uploads, then align their story once."""
    batch_process(batch=batch)


@task
def realign_story(story_id: int) -> None:
    """The background task after an editor corrects the rows: align the story again (stored
    sentence vectors are reused; nothing is embedded) with its corrections applied."""
    story = Story.objects.filter(pk=story_id).first()
    if story is not None and story.articles.exists():
        story_align(story=story)


def story_realign_queue(story: Story) -> None:
    """Queue `realign_story` for the story once the transaction commits."""
    transaction.on_commit(lambda: realign_story.enqueue(story.pk))


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
    nothing_new = job.message == ALREADY_STORED or job.message in NOTHING_NEW
    changed = job.status == IngestJob.Status.ALIGNING and not nothing_new
    return job.story if changed else None


def _job_process(job: IngestJob) -> None:
    _set_status(job, IngestJob.Status.PROCESSING, attempts=job.attempts + 1)
    try:
        if job.redo:
            _job_redo(job)
            return
        if job.fetch and not _job_fetch(job):
            return
        item = ArticleInput(
            raw=job.raw,
            fmt=job.raw_format,
            source_file=job.source_name,
            title=job.title,
            url=job.url,
            outlet=job.outlet,
            published=job.published,
            edited=tuple(job.edited_fields),
        )
        if job.fetch and job.article is not None:  # a check for changes of this article
            article = job.article
            rules = rules_for(outlet=article.outlet, article=article)
            processed = article_checked(_processed_within_limit(item, rules, article.title_line))
            with transaction.atomic():
                version = article_version_update(article=article, item=item, processed=processed)
                _set_status(job, IngestJob.Status.ALIGNING, message=version.message)
            return
        processed = article_checked(_processed_within_limit(item))
        known = source_seen_again(item=item, story=job.story, processed=processed)
        version_processed = None
        if known is not None:  # its source seen again: cleaned with that article's rules
            rules = rules_for(outlet=known.outlet, article=known)
            version_processed = _processed_within_limit(item, rules, known.title_line)
            version_processed = article_checked(version_processed)
        with transaction.atomic():
            outcome = article_ingest(
                item=item,
                story=job.story,
                processed=processed,
                version_processed=version_processed,
            )
            job.article = outcome.article
            message = _outcome_message(outcome)
            _set_status(job, IngestJob.Status.ALIGNING, message=message)
    except (ArticleRejected, timelimit.ProcessingFailed) as error:
        _set_status(job, IngestJob.Status.FAILED, message=str(error))
    except Exception as error:  # one bad input must not stop the rest of the batch
        logger.exception("ingest job %s failed", job.pk)
        kind = type(error).__name__
        _set_status(job, IngestJob.Status.FAILED, message=UNEXPECTED.format(kind=kind))


def _job_redo(job: IngestJob) -> None:
    """Clean the job's article again with its corrections and headline line (in the child,
    within the time limit), then store its new text and claims in one short transaction."""
    article = job.article
    if article is None:  # deleted while the job waited
        _set_status(job, IngestJob.Status.DONE, message=REDO_GONE)
        return
    item = ArticleInput(raw=article.raw, fmt=article.raw_format)
    rules = rules_for(outlet=article.outlet, article=article)
    processed = article_checked(_processed_within_limit(item, rules, article.title_line))
    with transaction.atomic():
        article_refreshed_store(article=article, processed=processed)
        _set_status(job, IngestJob.Status.ALIGNING)


def _processed_within_limit(
    item: ArticleInput, rules: CleaningRules | None = None, title_line: str = ""
) -> ProcessedArticle:
    """The article cleaned and split in a child process, within the time limit (with its
    outlet's rules, or the `rules` given: an article's own, with its corrections)."""
    rules = rules or article_rules(item)
    return timelimit.process_within(
        item.raw,
        seconds=settings.NEWSDIFF_ARTICLE_SECONDS,
        fmt=item.fmt,
        extra_boilerplate=rules.remove,
        keep_lines=rules.keep,
        editor_removed=rules.editor_remove,
        title_line=title_line,
    )


def _outcome_message(outcome: IngestOutcome) -> str:
    if outcome.version is not None:  # the source of an article already in the story
        return outcome.version.message
    if not outcome.created:
        return ALREADY_STORED
    if outcome.same_text_as:
        return SAME_TEXT.format(labels=", ".join(outcome.same_text_as))
    return ""


def _job_fetch(job: IngestJob) -> bool:
    """Fetch the job's page into the job (the raw page becomes the article's input); False,
    with the job failed and the reason given, when it cannot be fetched."""
    _set_status(job, IngestJob.Status.FETCHING)
    page = read_url(job.url, outlet=job.outlet)
    if isinstance(page, InputProblem):
        _set_status(job, IngestJob.Status.FAILED, message=page.reason)
        return False
    job.raw, job.raw_format = page.raw, page.fmt
    _set_status(job, IngestJob.Status.PROCESSING, raw=page.raw, raw_format=page.fmt)
    return True


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
