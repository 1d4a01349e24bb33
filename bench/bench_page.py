"""Server time and HTML size of the story pages, measured on a running server.

A throw-away SQLite database holds the seed story and a 30-article story (the seeds in six
versions each: the same reporting with one added line, as outlets' updates look); the pages
are requested repeatedly over HTTP on loopback. Prints median and p90 time and the size.

    .venv/bin/python -m bench.bench_page [--repeat 20]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time

from bench.demo_server import ROOT, DemoServer, demo_server
from scripts.client import Browser

VERSIONS = 6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with demo_server(prepare=_thirty_versions) as server:
        browser = server.signed_in()
        pages = _pages(browser)
        rows = [_measure(browser, path, args.repeat, name) for name, path in pages]
    _print_table(rows, args.repeat)


def _thirty_versions(server: DemoServer) -> None:
    folder = server.tmp / "versions"
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for n in range(VERSIONS):
            extra = (
                f"\n\nThis version {n + 1} of the report was updated with new details on Friday.\n"
            )
            (folder / f"{seed.stem}-v{n + 1}.txt").write_text(text + extra, encoding="utf-8")
    server.manage("ingest", str(folder), "--story", "Thirty versions")


def _pages(browser: Browser) -> list[tuple[str, str]]:
    listing = browser.get("/").text
    found = re.findall(r'href="/stories/([^/]+)/">([^<]+)</a>', listing)
    slugs = {title: slug for slug, title in found}
    seed = next(slug for title, slug in slugs.items() if "Thirty" not in title)
    thirty = slugs["Thirty versions"]
    return [
        ("story list", "/"),
        ("seed story (5 articles)", f"/stories/{seed}/"),
        ("seed overview", f"/stories/{seed}/overview/"),
        ("30-article story", f"/stories/{thirty}/"),
        ("30-article overview", f"/stories/{thirty}/overview/"),
    ]


def _measure(browser: Browser, path: str, repeat: int, name: str) -> tuple[str, float, float, int]:
    times, size = [], 0
    browser.get(path)  # warm up
    for _ in range(repeat):
        started = time.perf_counter()
        body = browser.get(path).body
        times.append((time.perf_counter() - started) * 1000)
        size = len(body)
    times.sort()
    return name, statistics.median(times), times[int(0.9 * (len(times) - 1))], size


def _print_table(rows: list[tuple[str, float, float, int]], repeat: int) -> None:
    print(f"Story pages on a running server (runserver, SQLite, DEBUG on), {repeat} requests each")
    print(f"{'page':<26} {'median ms':>10} {'p90 ms':>8} {'HTML KB':>9}")
    for name, median, p90, size in rows:
        print(f"{name:<26} {median:>10.1f} {p90:>8.1f} {size / 1024:>9.1f}")


if __name__ == "__main__":
    main()
