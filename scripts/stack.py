"""A production-like newsdiff on loopback: gunicorn serving `newsdiff.wsgi`, db_worker processes.

Used by `make serve` (scripts/serve.py) and by the load and fault runs, which start their own
stack on a throw-away database (`free_port` is `scripts.client.free_port`):

    stack = Stack(StackConfig(database_url="sqlite:////tmp/x/db.sqlite3", port=free_port()))
    stack.prepare()          # collectstatic, migrate, recover_jobs
    stack.start()            # gunicorn + workers, waits until the site answers
    stack.kill_workers(signal.SIGKILL)
    stack.stop()             # SIGTERM to everything, SIGKILL to what is left
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from newsdiff.local_secrets import kept_secret

ROOT = Path(__file__).resolve().parents[1]
SECRET_KEY_FILE = ROOT / ".secret-key"
HOST = "127.0.0.1"


def local_secret_key(path: Path = SECRET_KEY_FILE) -> str:
    """SECRET_KEY from the environment, else from the gitignored file, else a new one kept there."""
    return kept_secret(path, env_var="SECRET_KEY", nbytes=50)


@dataclass
class StackConfig:
    database_url: str = ""
    port: int = 8000
    workers: int = 1  # db_worker processes
    web_workers: int = 2  # gunicorn worker processes
    web_threads: int = 4  # threads per gunicorn worker
    log_dir: Path | None = None  # None: inherit the terminal
    extra_env: dict[str, str] = field(default_factory=dict)


class Stack:
    """The processes of one stack; every child is in its own session, so it can be signalled."""

    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self.web: subprocess.Popen[bytes] | None = None
        self.workers: list[subprocess.Popen[bytes]] = []

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.config.port}"

    def env(self) -> dict[str, str]:
        env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": local_secret_key(),
            # Plain HTTP on loopback: no TLS to redirect to. Behind a TLS proxy leave it on.
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "DJANGO_SETTINGS_MODULE": "newsdiff.settings",
            "PYTHONUNBUFFERED": "1",
            # Keep database connections between requests (each gunicorn thread holds one).
            "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE", "60"),
            **self.config.extra_env,
        }
        if self.config.database_url:
            env["DATABASE_URL"] = self.config.database_url
        return env

    def manage(self, *args: str, check: bool = True) -> str:
        """Run `manage.py ARGS` with the stack's settings; its output."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout + result.stderr

    def prepare(self, *, recover_older_than: float = 0.0) -> None:
        """Static files, database schema, and the uploads a stopped stack left unfinished."""
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("recover_jobs", "--older-than", str(recover_older_than))

    def start(self, *, timeout: float = 60.0) -> None:
        self.start_web()
        self.start_workers()
        self.wait_until_up(timeout=timeout)

    def start_web(self) -> None:
        command = [
            sys.executable, "-m", "gunicorn", "newsdiff.wsgi:application",
            "--bind", f"{HOST}:{self.config.port}",
            "--workers", str(self.config.web_workers),
            "--worker-class", "gthread",
            "--threads", str(self.config.web_threads),
            "--timeout", "120",
            "--graceful-timeout", "20",
            "--no-control-socket",
            "--access-logfile", "-" if self.config.log_dir else "/dev/null",
        ]  # fmt: skip
        self.web = self._spawn(command, "web")

    def start_workers(self) -> None:
        self.workers = [self._start_worker(n) for n in range(self.config.workers)]

    def _start_worker(self, n: int) -> subprocess.Popen[bytes]:
        worker_id = f"{socket.gethostname()[:30]}-{os.getpid()}-{n}-{time.time_ns() % 10**6}"
        command = [
            sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.5",
            "--worker-id", worker_id,
        ]  # fmt: skip
        return self._spawn(command, f"worker-{n}")

    def _spawn(self, command: list[str], name: str) -> subprocess.Popen[bytes]:
        out = None
        if self.config.log_dir:
            self.config.log_dir.mkdir(parents=True, exist_ok=True)
            out = (self.config.log_dir / f"{name}.log").open("ab")
        return subprocess.Popen(
            command, cwd=ROOT, env=self.env(), stdout=out, stderr=out, start_new_session=True
        )

    def wait_until_up(self, *, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.web and self.web.poll() is not None:
                raise RuntimeError("gunicorn exited while starting (see its log)")
            try:
                with urllib.request.urlopen(f"{self.base_url}/accounts/login/", timeout=5):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        raise RuntimeError(f"{self.base_url} did not answer within {timeout:.0f} s")

    def kill_web(self, sig: int = signal.SIGKILL) -> None:
        """Signal the gunicorn master and its workers (the whole web server)."""
        if self.web and self.web.poll() is None:
            _signal_group(self.web, sig)
            self.web.wait(timeout=30)

    def kill_workers(self, sig: int = signal.SIGKILL) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                _signal_group(worker, sig)
                worker.wait(timeout=60)

    def running(self) -> list[subprocess.Popen[bytes]]:
        return [p for p in [self.web, *self.workers] if p is not None and p.poll() is None]

    def stop(self, *, grace: float = 20.0) -> None:
        """SIGTERM to all (workers finish their task), then SIGKILL what is still running."""
        for process in self.running():
            _signal_group(process, signal.SIGTERM)
        deadline = time.monotonic() + grace
        while self.running() and time.monotonic() < deadline:
            time.sleep(0.2)
        for process in self.running():
            _signal_group(process, signal.SIGKILL)
            process.wait(timeout=30)


def stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    """SIGTERM as Ctrl-C: `finally` blocks run, so a run's stack is stopped with it."""
    raise KeyboardInterrupt


def _signal_group(process: subprocess.Popen[bytes], sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
