"""Server time and HTML size of the story pages, measured on a running server.

Builds a throw-away SQLite database with the seed story and a 30-article story (the seeds
in six versions each: the same reporting with one added line, as outlets' updates look),
starts `manage.py runserver` on a free loopback port, signs in, and requests each page
repeatedly. Prints one table: median and p90 of the server's response time, and the size.

    .venv/bin/python -m bench.bench_page [--repeat 20]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-password-123"
VERSIONS = 6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3", "DEBUG": "1"}
        _prepare(env, Path(tmp))
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            opener = _signed_in(base)
            rows = [_measure(opener, base + path, args.repeat, name) for name, path in _pages(opener, base)]
        finally:
            server.terminate()
            server.wait(timeout=10)
    _print_table(rows, args.repeat)


def _prepare(env: dict[str, str], tmp: Path) -> None:
    manage = [sys.executable, "manage.py"]
    run = lambda *a: subprocess.run([*manage, *a], cwd=ROOT, env=env, check=True, capture_output=True)  # noqa: E731
    run("migrate", "--noinput")
    run("load_demo")
    folder = tmp / "versions"
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for n in range(VERSIONS):
            extra = f"\n\nThis version {n + 1} of the report was updated with new details on Friday.\n"
            (folder / f"{seed.stem}-v{n + 1}.txt").write_text(text + extra, encoding="utf-8")
    run("ingest", str(folder), "--story", "Thirty versions")
    code = (
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_superuser('bench', password='{PASSWORD}')"
    )
    run("shell", "-c", code)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _signed_in(base: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    for _ in range(100):
        try:
            page = opener.open(base + "/accounts/login/").read().decode()
            break
        except OSError:
            time.sleep(0.1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    data = urllib.parse.urlencode({"username": "bench", "password": PASSWORD, "csrfmiddlewaretoken": token})
    request = urllib.request.Request(base + "/accounts/login/", data.encode(), headers={"Referer": base})
    opener.open(request).read()
    return opener


def _pages(opener: urllib.request.OpenerDirector, base: str) -> list[tuple[str, str]]:
    listing = opener.open(base + "/").read().decode()
    slugs = dict((title, slug) for slug, title in re.findall(r'href="/stories/([^/]+)/">([^<]+)</a>', listing))
    seed = next(slug for title, slug in slugs.items() if "Thirty" not in title)
    thirty = slugs["Thirty versions"]
    return [
        ("story list", "/"),
        ("seed story (5 articles)", f"/stories/{seed}/"),
        ("seed overview", f"/stories/{seed}/overview/"),
        ("30-article story", f"/stories/{thirty}/"),
        ("30-article overview", f"/stories/{thirty}/overview/"),
    ]


def _measure(opener: urllib.request.OpenerDirector, url: str, repeat: int, name: str) -> tuple:
    times, size = [], 0
    opener.open(url).read()  # warm up
    for _ in range(repeat):
        started = time.perf_counter()
        body = opener.open(url).read()
        times.append((time.perf_counter() - started) * 1000)
        size = len(body)
    times.sort()
    return name, statistics.median(times), times[int(0.9 * (len(times) - 1))], size


def _print_table(rows: list[tuple], repeat: int) -> None:
    print(f"Story pages on a running server (runserver, SQLite, DEBUG on), {repeat} requests each")
    print(f"{'page':<26} {'median ms':>10} {'p90 ms':>8} {'HTML KB':>9}")
    for name, median, p90, size in rows:
        print(f"{name:<26} {median:>10.1f} {p90:>8.1f} {size / 1024:>9.1f}")


if __name__ == "__main__":
    main()
