"""Time from pasting five URLs into the upload form to five columns on the story page, and to
the five aligned (every job done).

A throw-away newsdiff (own SQLite, runserver and one db_worker, as `make run` has) and a
loopback web server serving the five seed articles as HTML pages (each with a menu and a
footer); the server is allowed through NEWSDIFF_FETCH_ALLOW_HOSTS. Each run posts the five URLs
into a new story and polls every 0.1 s: the story page until it shows five columns (the
articles are stored, their statements not yet aligned), then the story's jobs component until
no job is running (the alignment is stored). A run starts when the one before is done. Prints
each run and the medians.

    .venv/bin/python -m bench.bench_add_by_url [--runs 3]
"""

from __future__ import annotations

import argparse
import html
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bench.demo_server import ROOT, DemoServer, demo_server
from scripts.client import Browser

URLS = 5
POLL_SECONDS = 0.1
GIVE_UP_SECONDS = 300.0
HTMX_STOP_POLLING = 286  # the jobs component's answer once no job is running
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))[:URLS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ["NEWSDIFF_FETCH_ALLOW_HOSTS"] = "127.0.0.1"
    with seed_pages() as base, demo_server() as server, worker(server):
        browser = server.signed_in()
        urls = [f"{base}/news/{seed.stem}" for seed in SEEDS]
        times = [_run(browser, urls, f"Five URLs, run {n}") for n in range(1, args.runs + 1)]
    print(f"| run | seconds to {URLS} columns | seconds to {URLS} aligned (jobs done) |")
    print("|---|---|---|")
    for n, (columns, aligned) in enumerate(times, start=1):
        print(f"| {n} | {columns:.2f} | {aligned:.2f} |")
    median_columns = statistics.median(t[0] for t in times)
    median_aligned = statistics.median(t[1] for t in times)
    print(f"| median | {median_columns:.2f} | {median_aligned:.2f} |")


def _run(browser: Browser, urls: list[str], title: str) -> tuple[float, float]:
    """Seconds from posting the URLs to five columns, and to every job done."""
    browser.get("/upload/")
    started = time.perf_counter()
    response = browser.post("/upload/", {"new_story": title, "urls": "\n".join(urls)})
    if response.status != 302:
        raise RuntimeError(f"the upload was refused ({response.status})")
    story_path = response.location
    _wait(lambda: browser.get(story_path).text.count('class="col-head') == len(urls))
    columns_seconds = time.perf_counter() - started
    _wait(lambda: browser.get(story_path + "jobs/").status == HTMX_STOP_POLLING)
    page = browser.get(story_path).text
    if "job-failed" in page:
        raise RuntimeError("a URL job failed: " + page[page.index("job-failed") :][:300])
    return columns_seconds, time.perf_counter() - started


def _wait(done: Callable[[], bool]) -> None:
    started = time.perf_counter()
    while time.perf_counter() - started < GIVE_UP_SECONDS:
        if done():
            return
        time.sleep(POLL_SECONDS)
    raise RuntimeError(f"still waiting after {GIVE_UP_SECONDS:.0f} s")


@contextmanager
def worker(server: DemoServer) -> Iterator[None]:
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-reload"],
        cwd=ROOT,
        env=server.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


class _SeedPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        seed = next((s for s in SEEDS if self.path == f"/news/{s.stem}"), None)
        if seed is None:
            self.send_error(404)
            return
        lines = seed.read_text(encoding="utf-8").splitlines()
        body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
        page = (
            "<!doctype html><html><head><meta charset='utf-8'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article>{body}</article><footer>Copyright 2026</footer></body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def seed_pages() -> Iterator[str]:
    """The seed articles as web pages on loopback (an OS-assigned port)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SeedPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
