"""`make faulttest`: kill the worker, then the web server, in the middle of ingest; restart; check.

Each round, editors keep uploading to a production-like stack (scripts/stack.py) while:
1. as soon as a job is being processed (round 1: cleaning, round 2: aligning, then either),
   every db_worker gets SIGKILL;
2. a moment later, with uploads still arriving, the whole web server (gunicorn master and
   workers) gets SIGKILL, cutting requests off mid-way;
3. the stack starts again the way `make serve` starts it (migrate, recover_jobs, gunicorn,
   workers).
At the end, once the queue is drained: every upload the editors saw accepted is stored exactly
once (claims present, story aligned, and the stored alignment equal to a fresh one) or its job
is marked failed with a reason; nothing is half-written, nothing duplicated.

    python -m scripts.faulttest --database sqlite|postgres|both [--rounds 3] [--workers 1]
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from scripts.client import Browser, free_port, story_options
from scripts.runs import (
    RUN_PASSWORD,
    RUN_USER,
    alignment_is_current,
    database_url,
    django_for,
    seed_texts,
    stored_state,
    table,
    upload_text,
)
from scripts.stack import ROOT, Stack, StackConfig, stop_on_sigterm

STORIES = ("Fault story 1", "Fault story 2")
UPLOADERS = 3
UPLOADS_PER_ROUND = 8  # per uploader: a bounded queue, so each round's kill is mid-ingest
KILL_WHEN = ("processing", "aligning")


@dataclass
class Uploads:
    """What the editors' browsers saw of each upload, by its marker sentence."""

    markers: dict[str, str] = field(default_factory=dict)
    cut_off: int = 0
    counter: int = 0
    in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_number(self) -> int:
        with self.lock:
            self.counter += 1
            return self.counter


def uploader(base_url: str, uploads: Uploads, stop: threading.Event, seeds: list[str]) -> None:
    """Upload new articles one after another until stopped (or the server is gone)."""
    browser = Browser(base_url, timeout=60)
    try:
        browser.sign_in(RUN_USER, RUN_PASSWORD)
        options = story_options(browser.get("/upload/").text)
    except OSError:
        return
    for _ in range(UPLOADS_PER_ROUND):
        if stop.is_set():
            return
        n = uploads.next_number()
        text, marker = upload_text(seeds, n)
        fields = {
            "story": options[STORIES[n % len(STORIES)]],
            "text": text,
            "outlet": f"Outlet {n % 4}",
        }
        uploads.markers[marker] = "unknown"
        uploads.in_flight += 1
        try:
            response = browser.post("/upload/", fields)
        except OSError:
            uploads.cut_off += 1
            return
        finally:
            uploads.in_flight -= 1
        uploads.markers[marker] = "accepted" if response.status == 302 else "refused"
        time.sleep(0.5)


def wait_for_job(statuses: tuple[str, ...], since: datetime, timeout: float = 120.0) -> str:
    """Wait until a job moves into one of these statuses (after `since`); which one it was."""
    from newsdiff.articles.models import IngestJob

    deadline = time.monotonic() + timeout
    moved = IngestJob.objects.filter(status__in=statuses, updated_at__gte=since)
    while time.monotonic() < deadline:
        found = moved.values_list("status", flat=True).first()
        if found:
            return found
        time.sleep(0.02)
    return "none (timed out)"


def job_counts() -> dict[str, int]:
    from django.db.models import Count

    from newsdiff.articles.models import IngestJob

    return dict(IngestJob.objects.values_list("status").annotate(n=Count("pk")))


def fault_round(stack: Stack, number: int, uploads: Uploads, seeds: list[str]) -> list[object]:
    _drain(600)  # what the last round left is processed first: this round's kill is fresh
    since = datetime.now(UTC)
    stop = threading.Event()
    threads = [
        threading.Thread(target=uploader, args=(stack.base_url, uploads, stop, seeds))
        for _ in range(UPLOADERS)
    ]
    for thread in threads:
        thread.start()
    wanted = (KILL_WHEN[number - 1],) if number <= len(KILL_WHEN) else KILL_WHEN
    caught = wait_for_job(wanted, since)
    stack.kill_workers(signal.SIGKILL)
    at_worker_kill = job_counts()
    time.sleep(1.0)  # uploads keep arriving; the web server is killed with one in flight
    deadline = time.monotonic() + 10
    while uploads.in_flight == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    stack.kill_web(signal.SIGKILL)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    partial = _partial_articles()
    recovered = stack.manage("recover_jobs").strip().splitlines()[0]
    stack.start()
    unfinished = sum(at_worker_kill.get(s, 0) for s in ("queued", "processing", "aligning"))
    return [number, caught, unfinished, uploads.cut_off, partial, recovered]


def _partial_articles() -> int:
    from newsdiff.articles.models import Article

    return Article.objects.filter(claims__isnull=True).count()


def run_one(kind: str, args: argparse.Namespace) -> dict[str, object]:
    url = database_url(kind, "newsdiff_fault")
    logs = Path(tempfile.mkdtemp(prefix="newsdiff-fault-logs-"))
    stack = Stack(
        StackConfig(
            database_url=url,
            port=free_port(),
            workers=args.workers,
            web_workers=2,
            log_dir=logs,
            extra_env={"NEWSDIFF_PASSWORD": RUN_PASSWORD},
        )
    )
    print(f"[{kind}] preparing a fresh database (logs: {logs}) ...", flush=True)
    stack.prepare()
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    for n, title in enumerate(STORIES):
        stack.manage("ingest", seeds[n], seeds[n + 2], "--story", title)
    stack.manage("create_account", RUN_USER, "--role", "editor")
    django_for(url)
    stack.start()
    uploads, texts = Uploads(), seed_texts()
    try:
        rows = [fault_round(stack, number, uploads, texts) for number in range(1, args.rounds + 1)]
        drain = _drain(args.drain_timeout)
        state = stored_state({m: s for m, s in uploads.markers.items() if s != "refused"})
        current, checked = alignment_is_current()
    finally:
        stack.stop()
    headers = [
        "round", "worker killed while", "jobs unfinished then", "upload requests cut off (total)",
        "partial articles before restart", "recover_jobs said",
    ]  # fmt: skip
    print(f"\n== {kind}: {args.rounds} rounds, {args.workers} db_worker(s) ==")
    print(table(headers, rows))
    after = {
        "uploads sent": len(uploads.markers),
        "refused by the form": sum(1 for s in uploads.markers.values() if s == "refused"),
        **state,
        "stories aligned as fresh": f"{current}/{checked}",
        "drain s": round(drain, 1),
    }
    print()
    print(table(["after restart and drain", "value"], list(after.items())))
    return {"database": kind, **after, "clean": _clean(state, current, checked)}


def _drain(timeout: float) -> float:
    from newsdiff.articles.models import IngestJob

    started = time.monotonic()
    while IngestJob.objects.unfinished().exists() and time.monotonic() - started < timeout:
        time.sleep(1)
    return time.monotonic() - started


def _clean(state: dict[str, int], current: int, checked: int) -> bool:
    bad = ("lost", "duplicated", "partial", "unaligned", "unfinished jobs", "failed without reason")
    return all(state[key] == 0 for key in bad) and current == checked


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="db_worker processes")
    parser.add_argument("--drain-timeout", type=float, default=600.0)
    return parser.parse_args()


def main() -> None:
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    args = parse_args()
    if args.database != "both":
        result = run_one(args.database, args)
        print("RESULT " + json.dumps(result), flush=True)
        sys.exit(0 if result["clean"] else 1)
    results = []
    for kind in ("sqlite", "postgres"):
        argv = [a for a in sys.argv[1:] if a not in {"--database", "both", "--database=both"}]
        process = subprocess.run(
            [sys.executable, "-m", "scripts.faulttest", *argv, "--database", kind],
            cwd=ROOT, stdout=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
        lines = process.stdout.splitlines()
        print("\n".join(line for line in lines if not line.startswith("RESULT ")), flush=True)
        found = [line for line in lines if line.startswith("RESULT ")]
        if not found:
            raise SystemExit(f"the {kind} run failed (exit status {process.returncode})")
        results.append(json.loads(found[-1].removeprefix("RESULT ")))
    print("\n== summary ==")
    keys = [key for key in results[0] if key != "database"]
    print(
        table(
            ["", *[str(r["database"]) for r in results]],
            [[k, *[r[k] for r in results]] for k in keys],
        )
    )
    sys.exit(0 if all(r["clean"] for r in results) else 1)


if __name__ == "__main__":
    main()
