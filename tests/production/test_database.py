"""The database: SQLite in WAL mode with a busy timeout, or PostgreSQL from DATABASE_URL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh process with DATABASE_URL pointing at a SQLite file (the default set-up).
SQLITE_PROBE = """
import json, threading, time, django
django.setup()
from django.db import connection, connections, transaction
from django.core.management import call_command
call_command("migrate", "articles", verbosity=0)
from newsdiff.articles.models import Story
cursor = connection.cursor()
pragmas = {}
for name in ("journal_mode", "busy_timeout", "synchronous"):
    cursor.execute(f"PRAGMA {name}")
    pragmas[name] = cursor.fetchone()[0]
def hold_the_write_lock():
    with transaction.atomic():
        Story.objects.create(title="holder")
        time.sleep(1.0)
    connections.close_all()
holder = threading.Thread(target=hold_the_write_lock)
holder.start()
time.sleep(0.2)
started = time.monotonic()
with transaction.atomic():
    Story.objects.create(title="waiter")
waited = time.monotonic() - started
holder.join()
print(json.dumps({**pragmas, "waited": waited, "stories": Story.objects.count()}))
"""

SHOW_DATABASE = (
    "import json, django; django.setup(); from django.conf import settings;"
    "db = settings.DATABASES['default'];"
    "print(json.dumps({k: db.get(k) for k in ('ENGINE', 'NAME', 'HOST', 'PORT', 'USER',"
    " 'CONN_HEALTH_CHECKS', 'CONN_MAX_AGE')}))"
)


def python(code: str, database_url: str, **env: str) -> str:
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsdiff.settings", **env}
    full_env["DATABASE_URL"] = database_url
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    probe = json.loads(python(SQLITE_PROBE, f"sqlite:///{tmp_path / 'probe.sqlite3'}"))
    assert probe["journal_mode"] == "wal"
    assert probe["busy_timeout"] == 20_000
    assert probe["synchronous"] == 1  # NORMAL: safe in WAL mode, a process crash loses nothing
    assert probe["waited"] >= 0.5  # the second writer waited for the lock instead of failing
    assert probe["stories"] == 2


def test_postgres_is_chosen_by_database_url() -> None:
    url = "postgres://news:secret@db.internal:6432/newsdiff"
    shown = json.loads(python(SHOW_DATABASE, url, CONN_MAX_AGE="60"))
    assert shown == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "newsdiff",
        "HOST": "db.internal",
        "PORT": 6432,
        "USER": "news",
        "CONN_HEALTH_CHECKS": True,
        "CONN_MAX_AGE": 60,
    }


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_database_url_names() -> None:
    url = os.environ.get("DATABASE_URL", "sqlite://")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected
