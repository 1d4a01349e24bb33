"""The helpers of `make serve`, `make loadtest` and `make faulttest` (scripts/)."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest

from scripts import client, runs, stack
from scripts.client import story_options

ROOT = Path(__file__).resolve().parents[2]


def test_percentiles_by_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert [runs.percentile(values, q) for q in (50, 95, 99, 100)] == [50.0, 95.0, 99.0, 100.0]
    assert runs.percentile([], 95) == 0.0


def test_tables_line_up() -> None:
    text = runs.table(["kind", "count"], [["story page", 12], ["all", 1.5]])
    lines = text.splitlines()
    assert len({len(line) for line in lines}) == 1
    assert lines[2].startswith("story page") and lines[3].endswith("1.500")


def test_each_upload_text_is_new_and_carries_its_marker_in_the_body() -> None:
    seeds = runs.seed_texts()
    texts = [runs.upload_text(seeds, n) for n in range(20)]
    assert len({text for text, _ in texts}) == 20
    for text, marker in texts:
        paragraphs = text.split("\n\n")
        assert paragraphs.index(marker) == 2


def test_a_local_secret_key_is_made_once_and_kept_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    path = tmp_path / ".secret-key"
    key = stack.local_secret_key(path)
    assert len(key) >= 50 and stack.local_secret_key(path) == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert stack.local_secret_key(path) == "from-the-environment"


def test_the_stack_runs_with_production_settings_on_loopback() -> None:
    config = stack.StackConfig(database_url="sqlite:////tmp/x.sqlite3", port=client.free_port())
    env = stack.Stack(config).env()
    assert (env["DEBUG"], env["SECURE_SSL_REDIRECT"]) == ("0", "0")
    assert env["ALLOWED_HOSTS"] == "127.0.0.1,localhost"
    assert stack.Stack(config).base_url.startswith("http://127.0.0.1:")


def test_story_options_are_read_from_the_upload_form() -> None:
    page = '<option value="">— a new story —</option><option value="7">Bob&#x27;s story</option>'
    assert story_options(page) == {"Bob's story": "7"}


@pytest.mark.parametrize("command", ["url"])
def test_the_postgres_script_names_its_database(command: str) -> None:
    result = subprocess.run(
        ["bash", "scripts/postgres.sh", command], cwd=ROOT, capture_output=True, text=True
    )
    assert result.stdout.strip() == "postgres://postgres@127.0.0.1:55432/newsdiff"
