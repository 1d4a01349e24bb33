"""`make serve`: newsdiff as in production, on loopback: DEBUG off, gunicorn, static files
through whitenoise, and db_worker processes; Ctrl-C stops them all.

    python -m scripts.serve [--port 8000] [--workers 2] [--web-workers 2] [--recover-older-than 0]

DATABASE_URL picks the database as everywhere; SECRET_KEY is read from the environment, else
from the gitignored `.secret-key` (created on first use). Every few minutes uploads untouched
for 15 minutes are queued again (a worker on another machine may have died).
"""

from __future__ import annotations

import argparse
import signal
import threading
import time
from types import FrameType

from scripts.stack import Stack, StackConfig

RECOVER_EVERY_SECONDS = 300.0
RECOVER_OLDER_THAN_SECONDS = 900.0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=2, help="db_worker processes")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn processes")
    parser.add_argument("--web-threads", type=int, default=4, help="threads per gunicorn process")
    parser.add_argument(
        "--recover-older-than",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="at start, re-queue only uploads untouched this long (other machines' workers run)",
    )
    return parser.parse_args()


def recover_periodically(stack: Stack, stopping: threading.Event) -> None:
    while not stopping.wait(RECOVER_EVERY_SECONDS):
        stack.manage("recover_jobs", "--older-than", str(RECOVER_OLDER_THAN_SECONDS), check=False)


def main() -> None:
    args = parse_args()
    config = StackConfig(
        port=args.port,
        workers=args.workers,
        web_workers=args.web_workers,
        web_threads=args.web_threads,
    )
    stack = Stack(config)
    print("Collecting static files, migrating, recovering unfinished uploads ...", flush=True)
    stack.prepare(recover_older_than=args.recover_older_than)
    url = f"http://127.0.0.1:{args.port}/"
    print(stack.manage("ensure_editor", "--url", url).strip(), flush=True)
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    stack.start()
    print(
        f"Serving {stack.base_url}/ (gunicorn: {args.web_workers} x {args.web_threads} threads; "
        f"{args.workers} db_worker(s)). Ctrl-C stops everything.",
        flush=True,
    )
    threading.Thread(target=recover_periodically, args=(stack, stopping), daemon=True).start()
    while not stopping.is_set() and len(stack.running()) == 1 + args.workers:
        time.sleep(0.5)
    if not stopping.is_set():
        print("A process of the stack exited: stopping the rest.", flush=True)
    print("Stopping ...", flush=True)
    stack.stop()


if __name__ == "__main__":
    main()
