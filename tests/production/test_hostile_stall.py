"""A reader's page stays responsive while the worker processes hostile uploads (issue 15).

A stack of its own (gunicorn and one db_worker, DEBUG off) on loopback and a scratch SQLite
database: an editor uploads the hostile inputs the form accepts, and while the worker
processes them a signed-in reader fetches the story list again and again. Each fetch must
answer within a generous deadline (far above its normal tens of milliseconds, far below the
minutes a regex blow-up, or a worker holding SQLite's write lock, used to cost). Figures come
from `make bench-hostile`; this only fails on a stall.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.bench_hostile import (
    READER,
    READER_PASSWORD,
    accepted_uploads,
    job_rows,
    jobs_running,
    jobs_unfinished,
    start_stack,
    upload_hostile,
)
from scripts.client import Browser
from scripts.runs import RUN_PASSWORD, RUN_USER
from scripts.stack import Stack

DEADLINE_SECONDS = 5.0  # one GET of the story list
RUN_SECONDS = 240.0  # the whole run: every hostile job processed


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    folder: Path = tmp_path_factory.mktemp("hostile")
    running = start_stack(folder)
    yield running
    running.stop()
    assert not running.running()


def test_the_readers_page_answers_while_hostile_uploads_are_processed(stack: Stack) -> None:
    reader = Browser(stack.base_url, timeout=RUN_SECONDS)
    reader.sign_in(READER, READER_PASSWORD)
    editor = Browser(stack.base_url, timeout=RUN_SECONDS)
    editor.sign_in(RUN_USER, RUN_PASSWORD)
    uploads: list[object] = []
    uploader = threading.Thread(
        target=lambda: uploads.extend(upload_hostile(editor, accepted_uploads()))
    )
    uploader.start()
    stop_at = time.monotonic() + RUN_SECONDS
    slowest, fetches_while_busy = 0.0, 0
    while time.monotonic() < stop_at:
        busy = jobs_running(stack) > 0
        started = time.perf_counter()  # around the whole fetch, a reconnection included
        response = reader.get("/")
        waited = time.perf_counter() - started
        assert response.status == 200
        assert waited < DEADLINE_SECONDS, f"the reader waited {waited:.1f} s"
        slowest = max(slowest, waited)
        fetches_while_busy += busy
        if not uploader.is_alive() and not jobs_unfinished(stack):
            break
        time.sleep(0.1)
    uploader.join(timeout=RUN_SECONDS)
    assert not jobs_unfinished(stack), "the worker did not finish in time"
    assert len(uploads) == len(accepted_uploads())
    assert fetches_while_busy >= 1  # the reader did fetch while a hostile job ran
    assert {status for _, status, _, _ in job_rows(stack)} <= {"done", "failed"}
