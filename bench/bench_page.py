"""Server time and HTML size of the story pages, measured on a running server.

A throw-away SQLite database holds the seed story and a 30-article story (the seeds in six
versions each: the same reporting with one added line, as outlets' updates look); the pages
are requested repeatedly over HTTP on loopback from one kept-alive connection.

The server is the production one (`make serve`: gunicorn, DEBUG off, whitenoise), one worker.
Server time is what the application reports in its Server-Timing header (newsdiff/
server_timing.py: from the first middleware in to the response out); the round trip is the
client's, from sending the request to the last byte (it adds gunicorn, loopback and reading).
`--runserver` serves with Django's runserver and DEBUG on instead (`make run`), whose replies
wait about 40 ms each on a delayed ACK (wsgiref sends headers and body apart, Nagle on).

    .venv/bin/python -m bench.bench_page [--repeat 20] [--runserver]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from dataclasses import dataclass

from bench.demo_server import ROOT, DemoServer, demo_server, production_server
from newsdiff.server_timing import app_milliseconds
from scripts.client import Browser

VERSIONS = 6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--runserver", action="store_true", help="runserver with DEBUG on, not gunicorn"
    )
    args = parser.parse_args()
    serve = demo_server if args.runserver else production_server
    with serve(prepare=_thirty_versions) as server:
        browser = server.signed_in()
        pages = _pages(browser)
        rows = [_measure(browser, path, args.repeat, name) for name, path in pages]
    server_name = "runserver, DEBUG on" if args.runserver else "gunicorn, DEBUG off"
    _print_table(rows, args.repeat, server_name)


@dataclass(frozen=True, slots=True)
class Measured:
    page: str
    server_ms: list[float]  # the Server-Timing header's app duration, sorted
    round_trip_ms: list[float]  # sorted
    size: int


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


def _measure(browser: Browser, path: str, repeat: int, name: str) -> Measured:
    server, round_trip, size = [], [], 0
    browser.get(path)  # warm up
    for _ in range(repeat):
        started = time.perf_counter()
        response = browser.get(path)
        round_trip.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
        reported = app_milliseconds(response.headers.get("server-timing", ""))
        if reported is None:
            raise RuntimeError(f"{path} sent no Server-Timing app duration")
        server.append(reported)
        size = len(response.body)
    return Measured(name, sorted(server), sorted(round_trip), size)


def _p90(times: list[float]) -> float:
    return times[int(0.9 * (len(times) - 1))]


def _print_table(rows: list[Measured], repeat: int, server_name: str) -> None:
    print(f"Story pages on a running server ({server_name}, SQLite), {repeat} requests each")
    print("server ms: the app's Server-Timing; round trip: the client's, over loopback HTTP")
    print(
        f"{'page':<26} {'server ms':>10} {'p90':>7} {'round trip ms':>14} {'p90':>7} {'HTML KB':>8}"
    )
    for row in rows:
        print(
            f"{row.page:<26} {statistics.median(row.server_ms):>10.1f} {_p90(row.server_ms):>7.1f}"
            f" {statistics.median(row.round_trip_ms):>14.1f} {_p90(row.round_trip_ms):>7.1f}"
            f" {row.size / 1024:>8.1f}"
        )


if __name__ == "__main__":
    main()
