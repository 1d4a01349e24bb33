"""A throw-away newsdiff on loopback for benchmarks and screenshots: own SQLite, demo data, a user.

with demo_server(prepare=prepare) as server:
    browser = server.signed_in()

`demo_server` runs Django's runserver with DEBUG on, as `make run` does; `production_server`
runs gunicorn with DEBUG off, as `make serve` does (scripts/stack.py), for timing pages.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from scripts.client import Browser, free_port, signed_in
from scripts.stack import Stack, StackConfig

ROOT = Path(__file__).resolve().parents[1]
USER, PASSWORD = "bench", "bench-password-123"


@dataclass(frozen=True, slots=True)
class DemoServer:
    base: str
    env: dict[str, str]
    tmp: Path

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout

    def signed_in(self) -> Browser:
        """An HTTP client with a session of the demo user."""
        return signed_in(self.base, USER, PASSWORD)


@contextmanager
def demo_server(prepare: Callable[[DemoServer], None] | None = None) -> Iterator[DemoServer]:
    """Migrate a fresh database, load the demo story, run `prepare`, then serve it."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/demo.sqlite3", "DEBUG": "1"}
        port = free_port()
        server = DemoServer(base=f"http://127.0.0.1:{port}", env=env, tmp=Path(tmp))
        server.manage("migrate", "--noinput")
        _demo_data(server, prepare)
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for(server.base)
            yield server
        finally:
            process.terminate()
            process.wait(timeout=10)


@contextmanager
def production_server(
    prepare: Callable[[DemoServer], None] | None = None, *, web_workers: int = 1
) -> Iterator[DemoServer]:
    """As `demo_server`, served as in production: gunicorn (gthread), DEBUG off, whitenoise."""
    with tempfile.TemporaryDirectory() as tmp:
        config = StackConfig(
            database_url=f"sqlite:///{tmp}/demo.sqlite3",
            port=free_port(),
            workers=0,
            web_workers=web_workers,
            log_dir=Path(tmp) / "logs",
        )
        stack = Stack(config)
        stack.prepare()
        server = DemoServer(base=stack.base_url, env=stack.env(), tmp=Path(tmp))
        _demo_data(server, prepare)
        stack.start()
        try:
            yield server
        finally:
            stack.stop()


def _demo_data(server: DemoServer, prepare: Callable[[DemoServer], None] | None) -> None:
    server.manage("load_demo")
    code = (
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_superuser({USER!r}, password={PASSWORD!r})"
    )
    server.manage("shell", "-c", code)
    if prepare:
        prepare(server)


def _wait_for(base: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/accounts/login/").read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server at {base} did not start")
