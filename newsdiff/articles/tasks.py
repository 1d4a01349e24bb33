"""Background work (django.tasks): process a batch of uploads, then align their story once."""

from __future__ import annotations

from django.tasks import task

from newsdiff.articles import jobs


@task
def process_upload_batch(batch: str) -> None:
    jobs.batch_process(batch=batch)
