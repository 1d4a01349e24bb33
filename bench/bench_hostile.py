"""`make bench-hostile`: the hostile inputs of issue 15 through ingest, and a reader meanwhile.

1. Each input of `bench.hostile_inputs` is ingested by `manage.py ingest` into a scratch SQLite
   database, one process per input, killed after `--timeout` seconds: wall time, and whether
   it was stored or refused (and why).
   Then the text core alone, in this process: each input the shape check admits cleaned and split
   (`process_article`) and its claims embedded (`embed_claims`), wall and CPU seconds (CPU
   time is what other work on a shared machine does not inflate).
2. A production-like stack (scripts/stack.py: gunicorn and one db_worker, DEBUG off) on
   loopback: a reader signed in over HTTP fetches the story list every `--every` seconds, first
   while nothing runs, then while an editor uploads every input the upload form accepts and
   the worker processes them. Latency of the reader's page both times, and of each upload
   request; then each job's outcome and time.

Standard library and the repo's own scripts only; prints tables.

    python -m bench.bench_hostile [--timeout 60] [--every 0.2] [--port N] [--skip-ingest]
                                  [--skip-stack]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.hostile_inputs import HostileInput, hostile_inputs  # noqa: E402
from scripts.client import Browser, Response, free_port, story_options  # noqa: E402
from scripts.runs import RUN_PASSWORD, RUN_USER, percentile, table  # noqa: E402
from scripts.stack import Stack, StackConfig  # noqa: E402

READER, READER_PASSWORD = "bench-reader", "bench-reader-password-2026"
STORY = "Hostile uploads"
UNFINISHED = ("queued", "processing", "aligning")


# --- 1. manage.py ingest ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IngestRun:
    name: str
    size: int
    seconds: float
    outcome: str


def ingest_all(folder: Path, timeout: float) -> list[IngestRun]:
    env = {
        **os.environ,
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "newsdiff.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'ingest.sqlite3'}",
    }
    _manage(["migrate", "--noinput", "--verbosity", "0"], env, timeout=300)
    runs = []
    for item in hostile_inputs():
        path = folder / item.filename
        path.write_text(item.raw, encoding="utf-8")
        started = time.perf_counter()
        try:
            result = _manage(["ingest", str(path), "--story", f"Hostile {item.name}"], env, timeout)
            outcome = _ingest_outcome(result)
        except subprocess.TimeoutExpired:
            outcome = f"killed after {timeout:g} s"
        runs.append(
            IngestRun(item.name, len(item.raw.encode()), time.perf_counter() - started, outcome)
        )
        print(f"  ingest {item.name}: {runs[-1].seconds:.2f} s, {outcome}", flush=True)
    return runs


def _manage(
    args: list[str], env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip


def _ingest_outcome(result: subprocess.CompletedProcess[str]) -> str:
    if re.search(r"\b1 new\b", result.stdout):
        return "stored"
    problem = next((line for line in result.stderr.splitlines() if ": " in line), "")
    return "refused: " + problem.split(": ", 1)[-1][:70] if problem else result.stdout[-80:]


@dataclass(frozen=True, slots=True)
class CoreRun:
    name: str
    claims: int
    longest: int
    process_s: float
    embed_s: float
    cpu_s: float


def text_core_all() -> list[CoreRun]:
    """Each input the shape check admits through the text core in this process (model loaded
    first), timed."""
    from newsdiff.textcore.match import get_embedder
    from newsdiff.textcore.pipeline import embed_claims, process_article

    get_embedder().encode(["The model is loaded before the clock starts."])
    runs = []
    for item in accepted_uploads():
        cpu, started = time.process_time(), time.perf_counter()
        processed = process_article(item.raw, fmt=item.fmt)
        processed_at = time.perf_counter()
        embed_claims(processed.claims)
        done = time.perf_counter()
        longest = max((len(claim.text) for claim in processed.claims), default=0)
        runs.append(
            CoreRun(
                item.name,
                len(processed.claims),
                longest,
                processed_at - started,
                done - processed_at,
                time.process_time() - cpu,
            )
        )
        print(f"  text core {item.name}: {done - started:.2f} s", flush=True)
    return runs


# --- 2. a reader while hostile uploads are processed ------------------------------------------


@dataclass
class Latencies:
    seconds: list[float] = field(default_factory=list)
    errors: int = 0

    def row(self, label: str) -> list[object]:
        values = self.seconds
        return [
            label,
            len(values),
            self.errors,
            percentile(values, 50),
            percentile(values, 95),
            max(values, default=0.0),
        ]


def reader_loop(browser: Browser, every: float, until: Callable[[], bool]) -> Latencies:
    """GET the story list every `every` seconds until `until()`; the latencies."""
    measured = Latencies()
    while not until():
        started = time.perf_counter()  # around the whole fetch, retries included
        response = _timed_get(browser, "/")
        if response is None or response.status != 200:
            measured.errors += 1
        else:
            measured.seconds.append(time.perf_counter() - started)
        time.sleep(every)
    return measured


def _timed_get(browser: Browser, path: str) -> Response | None:
    try:
        return browser.get(path)
    except OSError:
        return None


def accepted_uploads() -> list[HostileInput]:
    """The inputs the upload form takes (the others are refused by its shape check)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    from newsdiff.articles.inputs import shape_problem

    return [item for item in hostile_inputs() if not shape_problem(item.raw, item.fmt)]


def start_stack(
    folder: Path, *, article_seconds: float | None = None, port: int | None = None
) -> Stack:
    """A stack on a fresh database with an editor and a reader; started."""
    extra = {"NEWSDIFF_PASSWORD": RUN_PASSWORD}
    if article_seconds is not None:
        extra["NEWSDIFF_ARTICLE_SECONDS"] = str(article_seconds)
    stack = Stack(
        StackConfig(
            database_url=f"sqlite:///{folder / 'stack.sqlite3'}",
            port=port or free_port(),
            workers=1,
            web_workers=1,
            web_threads=4,
            log_dir=folder / "logs",
            extra_env=extra,
        )
    )
    stack.prepare()
    stack.manage("load_demo")
    stack.manage("create_account", RUN_USER, "--role", "editor")
    stack.config.extra_env["NEWSDIFF_PASSWORD"] = READER_PASSWORD
    stack.manage("create_account", READER, "--role", "reader")
    stack.start()
    return stack


def upload_hostile(editor: Browser, items: Sequence[HostileInput]) -> list[tuple[str, Response]]:
    """Upload each input as its own batch to one new story, as an editor does; the responses."""
    responses = []
    page = editor.get("/upload/").text
    for n, item in enumerate(items):
        story = story_options(page).get(STORY, "")
        fields = {"story": story} if story else {"new_story": STORY}
        files = {"file": (item.filename, item.raw.encode())}
        responses.append(
            (item.name, editor.post("/upload/", {**fields, "outlet": f"O{n}"}, files=files))
        )
        page = editor.get("/upload/").text
    return responses


def job_rows(stack: Stack) -> list[tuple[str, str, float, str]]:
    """(file, status, seconds from queued to last change, message) of each upload job, read
    from the stack's SQLite file (read-only: the stack's processes do the writing)."""
    path = stack.config.database_url.removeprefix("sqlite:///")
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)) as db:
        rows = db.execute(
            "SELECT source_name, status, "
            "(julianday(updated_at) - julianday(created_at)) * 86400, message "
            "FROM articles_ingestjob ORDER BY id"
        ).fetchall()
    return [(name, status, float(seconds), message[:60]) for name, status, seconds, message in rows]


def jobs_unfinished(stack: Stack) -> int:
    return sum(1 for _, status, _, _ in job_rows(stack) if status in UNFINISHED)


def jobs_running(stack: Stack) -> int:
    return sum(1 for _, status, _, _ in job_rows(stack) if status in ("processing", "aligning"))


def measure_reader(folder: Path, every: float, deadline: float, port: int | None = None) -> None:
    stack = start_stack(folder, port=port)
    try:
        reader = Browser(stack.base_url, timeout=deadline)
        reader.sign_in(READER, READER_PASSWORD)
        editor = Browser(stack.base_url, timeout=deadline)
        editor.sign_in(RUN_USER, RUN_PASSWORD)
        idle_until = time.monotonic() + 5
        idle = reader_loop(reader, every, lambda: time.monotonic() > idle_until)

        items = accepted_uploads()
        uploads: list[tuple[str, Response]] = []
        uploader = threading.Thread(target=lambda: uploads.extend(upload_hostile(editor, items)))
        stop_at = time.monotonic() + deadline
        uploader.start()

        def done() -> bool:
            if time.monotonic() > stop_at:
                return True
            return not uploader.is_alive() and jobs_unfinished(stack) == 0

        busy = reader_loop(reader, every, done)
        uploader.join(timeout=deadline)
        print()
        print(f"Reader's story list (GET / every {every:g} s, signed in, HTTP on loopback)")
        print(
            table(
                ["while", "GETs", "errors", "p50 s", "p95 s", "max s"],
                [idle.row("nothing runs"), busy.row("hostile uploads are processed")],
            )
        )
        print()
        print("Upload requests (the form checks size, type, decoding and shape, then queues)")
        print(table(["input", "status", "seconds"], [[n, r.status, r.seconds] for n, r in uploads]))
        print()
        print("Jobs (time from queued to finished, worker with its time limit)")
        print(table(["file", "status", "seconds", "message"], job_rows(stack)))
    finally:
        stack.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=60.0, help="per ingest, seconds")
    parser.add_argument("--every", type=float, default=0.2, help="reader's pause between GETs")
    parser.add_argument("--deadline", type=float, default=300.0, help="stack run, seconds")
    parser.add_argument("--port", type=int, default=None, help="the stack's (default: a free one)")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-stack", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        folder = Path(tmp)
        if not args.skip_ingest:
            print("manage.py ingest, one process per input, scratch SQLite database", flush=True)
            runs = ingest_all(folder, args.timeout)
            print()
            print(
                table(
                    ["input", "bytes", "seconds", "outcome"],
                    [[r.name, f"{r.size:,}", r.seconds, r.outcome] for r in runs],
                )
            )
            print()
            print("The text core alone (this process, model loaded; inputs the shape check admits)")
            core = text_core_all()
            print()
            print(
                table(
                    ["input", "claims", "longest claim", "clean+claims s", "embed s", "CPU s"],
                    [
                        [r.name, r.claims, f"{r.longest:,}", r.process_s, r.embed_s, r.cpu_s]
                        for r in core
                    ],
                )
            )
        if not args.skip_stack:
            measure_reader(folder, args.every, args.deadline, args.port)


if __name__ == "__main__":
    main()
