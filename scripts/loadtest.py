"""`make loadtest`: editors browsing and uploading at once against a production-like stack.

Starts its own stack (scripts/stack.py: gunicorn + db_workers, DEBUG off) on 127.0.0.1 and a
fresh database, signs editors in (CSRF and all), and for a bounded time (and request budget)
runs browsing editors (story list, story pages, the lead switch over htmx, articles, statements,
overview, export, the jobs component) and uploading editors (the upload form, then the story).
Then it waits for the workers to drain the queue and checks what was stored: every accepted
upload stored once, the same text sent twice stored once, none lost, none partial, all aligned.

    python -m scripts.loadtest --database sqlite|postgres|both [--seconds 120] [--users 6]
        [--uploaders 2] [--upload-every 4] [--workers 2] [--max-requests 20000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from scripts.client import Browser, free_port, story_options
from scripts.runs import (
    RUN_PASSWORD,
    RUN_USER,
    database_url,
    django_for,
    percentile,
    seed_texts,
    stored_state,
    table,
    upload_text,
)
from scripts.stack import ROOT, Stack, StackConfig, stop_on_sigterm

LOAD_STORIES = 4
DUPLICATE_EVERY = 8  # every 8th upload sends an earlier upload's text again
STORY_LINK = re.compile(r'href="(/stories/[^/"]+/)"')
ARTICLE_LINK = re.compile(r'href="(/stories/[^/"]+/articles/\d+/)"')
GROUP_LINK = re.compile(r'href="(/stories/[^/"]+/groups/\d+/)[^"]*"')
LEAD_LINK = re.compile(r'href="\?lead=(\d+)[^"]*"')


@dataclass
class Budget:
    """A deadline and a request budget shared by all simulated editors."""

    deadline: float
    requests_left: int
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self) -> bool:
        with self.lock:
            if time.monotonic() >= self.deadline or self.requests_left <= 0:
                return False
            self.requests_left -= 1
            return True


@dataclass
class Results:
    samples: list[tuple[str, int, float]] = field(default_factory=list)  # kind, status, seconds
    failures: list[str] = field(default_factory=list)
    markers: dict[str, str] = field(default_factory=dict)
    duplicates_sent: int = 0

    def record(self, kind: str, call: Callable[[], object]) -> object:
        started = time.perf_counter()
        try:
            response = call()
        except OSError as error:  # connection refused or reset, timeout
            self.samples.append((kind, 0, time.perf_counter() - started))
            self.failures.append(f"{kind}: {type(error).__name__}: {error}")
            return None
        status = response.status  # type: ignore[attr-defined]
        self.samples.append((kind, status, response.seconds))  # type: ignore[attr-defined]
        if status >= 400 and status != 286:
            self.failures.append(f"{kind}: HTTP {status}")
        return response


@dataclass
class Catalogue:
    """Pages to browse, found by following the site's own links."""

    stories: list[str]
    articles: list[str]
    groups: list[str]
    leads: dict[str, list[str]]


def discover(browser: Browser) -> Catalogue:
    stories = sorted(set(STORY_LINK.findall(browser.get("/").text)))
    articles: set[str] = set()
    groups: set[str] = set()
    leads: dict[str, list[str]] = {}
    for story in stories:
        page = browser.get(story).text
        articles.update(ARTICLE_LINK.findall(page))
        groups.update(GROUP_LINK.findall(page))
        leads[story] = LEAD_LINK.findall(page)
    return Catalogue(stories, sorted(articles), sorted(groups), leads)


def browse(browser: Browser, results: Results, catalogue: Catalogue, rng: random.Random) -> None:
    story = rng.choice(catalogue.stories)
    lead = rng.choice(catalogue.leads[story] or ["0"])
    htmx = {"HX-Request": "true"}
    actions: list[tuple[int, str, Callable[[], object]]] = [
        (15, "story list", lambda: browser.get("/")),
        (5, "story search", lambda: browser.get("/?q=Wagner")),
        (25, "story page", lambda: browser.get(story)),
        (10, "lead switch (htmx)", lambda: browser.get(f"{story}?lead={lead}", **htmx)),
        (20, "article page", lambda: browser.get(rng.choice(catalogue.articles))),
        (10, "statement page", lambda: browser.get(rng.choice(catalogue.groups or [story]))),
        (5, "overview", lambda: browser.get(f"{story}overview/")),
        (5, "export JSON", lambda: browser.get(f"{story}export.json")),
        (5, "jobs (htmx poll)", lambda: browser.get(f"{story}jobs/", **htmx)),
    ]  # fmt: skip
    weights = [weight for weight, _, _ in actions]
    _, kind, call = rng.choices(actions, weights=weights)[0]
    results.record(kind, call)


def upload(
    browser: Browser, results: Results, n: int, texts: dict[int, str], seeds: list[str]
) -> None:
    """Open the upload form, send an article (every DUPLICATE_EVERY-th: an earlier one again)."""
    form = results.record("upload form", lambda: browser.get("/upload/"))
    if form is None:
        return
    duplicate = n >= DUPLICATE_EVERY and n % DUPLICATE_EVERY == 0
    source = n - DUPLICATE_EVERY + 1 if duplicate else n
    text, marker = upload_text(seeds, source)
    story = story_options(form.text).get(f"Load story {source % LOAD_STORIES + 1}", "")  # type: ignore[attr-defined]
    fields = {"story": story, "outlet": f"Load outlet {source % 5}", "text": text}
    response = results.record("upload (POST)", lambda: browser.post("/upload/", fields))
    if response is None:
        results.markers.setdefault(marker, "unknown")
        return
    if response.status == 302:  # type: ignore[attr-defined]
        results.markers[marker] = "accepted"
        results.duplicates_sent += duplicate
        results.record("story page", lambda: browser.get(response.location))  # type: ignore[attr-defined]
    else:
        results.failures.append(f"upload {n} refused: HTTP {response.status}")  # type: ignore[attr-defined]
    texts[n] = text


def editor_loop(
    base_url: str,
    budget: Budget,
    results: Results,
    work: Callable[[Browser, random.Random], None],
    seed: int,
) -> None:
    browser = Browser(base_url)
    browser.sign_in(RUN_USER, RUN_PASSWORD)
    rng = random.Random(seed)
    while budget.take():
        work(browser, rng)
    browser.close()


def run_one(kind: str, args: argparse.Namespace) -> dict[str, object]:
    url = database_url(kind, "newsdiff_load")
    logs = Path(tempfile.mkdtemp(prefix="newsdiff-load-logs-"))
    config = StackConfig(
        database_url=url,
        port=free_port(),
        workers=args.workers,
        web_workers=args.web_workers,
        web_threads=args.web_threads,
        log_dir=logs,
        extra_env={"NEWSDIFF_PASSWORD": RUN_PASSWORD},
    )
    stack = Stack(config)
    print(f"[{kind}] preparing a fresh database and the demo stories ...", flush=True)
    stack.prepare()
    stack.manage("load_demo")
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    for k in range(LOAD_STORIES):
        stack.manage("ingest", seeds[k % 5], seeds[(k + 1) % 5], "--story", f"Load story {k + 1}")
    stack.manage("create_account", RUN_USER, "--role", "editor")
    stack.start()
    django_for(url)
    try:
        return _measure(stack, kind, args, logs)
    finally:
        stack.stop()


def _measure(stack: Stack, kind: str, args: argparse.Namespace, logs: Path) -> dict[str, object]:
    scout = Browser(stack.base_url)
    scout.sign_in(RUN_USER, RUN_PASSWORD)
    catalogue = discover(scout)
    texts: dict[int, str] = {}
    results, seeds = Results(), seed_texts()
    counter = iter(range(10**9))
    lock = threading.Lock()

    def browsing(browser: Browser, rng: random.Random) -> None:
        browse(browser, results, catalogue, rng)

    def uploading(browser: Browser, rng: random.Random) -> None:
        with lock:
            n = next(counter)
        upload(browser, results, n, texts, seeds)
        time.sleep(args.upload_every * rng.uniform(0.5, 1.5))

    print(f"[{kind}] {_setting(args)} against {stack.base_url} (logs: {logs}) ...", flush=True)
    budget = Budget(time.monotonic() + args.seconds, args.max_requests)
    started = time.monotonic()
    threads = [
        threading.Thread(target=editor_loop, args=(stack.base_url, budget, results, work, n))
        for n, work in enumerate([browsing] * args.users + [uploading] * args.uploaders)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    drain = _drain(args.drain_timeout)
    state = stored_state(results.markers)
    return _report(kind, args, results, elapsed, drain, state)


def _drain(timeout: float) -> float:
    """Seconds until no upload job is waiting or running (or the timeout)."""
    from newsdiff.articles.models import IngestJob

    started = time.monotonic()
    while IngestJob.objects.unfinished().exists() and time.monotonic() - started < timeout:
        time.sleep(1)
    return time.monotonic() - started


def _report(
    kind: str,
    args: argparse.Namespace,
    results: Results,
    elapsed: float,
    drain: float,
    state: dict[str, int],
) -> dict[str, object]:
    by_kind: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for sample_kind, status, seconds in results.samples:
        by_kind[sample_kind].append((status, seconds))
    by_kind["all requests"] = [(status, seconds) for _, status, seconds in results.samples]
    rows = [_latency_row(name, samples, elapsed) for name, samples in sorted(by_kind.items())]
    headers = ["request", "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "5xx", "errors"]
    print(f"\n== {kind}: {elapsed:.0f} s measured; {_setting(args)} ==")
    print(table(headers, rows))
    after = {"duplicates sent": results.duplicates_sent, **state, "drain s": round(drain, 1)}
    print()
    print(table(["after the run", "value"], list(after.items())))
    for failure in results.failures[:10]:
        print("  failure:", failure)
    overall = next(row for row in rows if row[0] == "all requests")
    return {
        "database": kind,
        "requests": overall[1],
        "rps": overall[2],
        "p50": overall[3],
        "p95": overall[4],
        "p99": overall[5],
        "5xx": overall[7],
        "errors": overall[8],
        **after,
    }


def _setting(args: argparse.Namespace) -> str:
    return (
        f"{args.seconds:.0f} s, {args.users} browsing + {args.uploaders} uploading editors, "
        f"gunicorn {args.web_workers}x{args.web_threads} threads, {args.workers} db_worker(s)"
    )


def _latency_row(name: str, samples: list[tuple[int, float]], elapsed: float) -> list[object]:
    times = [seconds * 1000 for _, seconds in samples]
    server_errors = sum(1 for status, _ in samples if status >= 500)
    errors = sum(1 for status, _ in samples if status == 0 or (400 <= status < 500))
    return [
        name,
        len(samples),
        round(len(samples) / elapsed, 1),
        round(percentile(times, 50)),
        round(percentile(times, 95)),
        round(percentile(times, 99)),
        round(max(times, default=0)),
        server_errors,
        errors,
    ]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--users", type=int, default=6, help="editors browsing without pause")
    parser.add_argument("--uploaders", type=int, default=2, help="editors uploading")
    parser.add_argument("--upload-every", type=float, default=4.0, help="seconds between uploads")
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2, help="db_worker processes")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--web-threads", type=int, default=4)
    parser.add_argument("--drain-timeout", type=float, default=600.0)
    return parser.parse_args()


def main() -> None:
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    args = parse_args()
    if args.database != "both":
        result = run_one(args.database, args)
        print("RESULT " + json.dumps(result), flush=True)
        sys.exit(0 if _clean(result) else 1)
    results = [_child(kind) for kind in ("sqlite", "postgres")]
    keys = list(results[0])
    print("\n== summary ==")
    print(
        table(
            ["", *[str(r["database"]) for r in results]],
            [[k, *[r[k] for r in results]] for k in keys[1:]],
        )
    )
    sys.exit(0 if all(_clean(r) for r in results) else 1)


def _child(kind: str) -> dict[str, object]:
    """Each database in its own process (Django is set up once per process)."""
    argv = " ".join(sys.argv[1:]).replace("--database both", "").replace("--database=both", "")
    process = subprocess.run(
        [sys.executable, "-m", "scripts.loadtest", *argv.split(), "--database", kind],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, check=False,
    )  # fmt: skip
    lines = process.stdout.splitlines()
    print("\n".join(line for line in lines if not line.startswith("RESULT ")), flush=True)
    found = [line for line in lines if line.startswith("RESULT ")]
    if not found:
        raise SystemExit(f"the {kind} run failed (exit status {process.returncode})")
    result: dict[str, object] = json.loads(found[-1].removeprefix("RESULT "))
    return result


def _clean(result: dict[str, object]) -> bool:
    bad = ("5xx", "lost", "duplicated", "partial", "unaligned", "unfinished jobs")
    return all(result.get(key) == 0 for key in bad)


if __name__ == "__main__":
    main()
