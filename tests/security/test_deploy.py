"""Production settings (DEBUG=0): `check --deploy` clean, secure cookies, HSTS, a key required."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k" * 20 + "-a-long-random-test-secret-key-not-real-9f8e7d6c",
}
SHOW = (
    "import json, django; from django.conf import settings; django.setup(); print(json.dumps({"
    "'session_secure': settings.SESSION_COOKIE_SECURE, 'csrf_secure': settings.CSRF_COOKIE_SECURE,"
    "'hsts': settings.SECURE_HSTS_SECONDS, 'ssl_redirect': settings.SECURE_SSL_REDIRECT,"
    "'whitenoise': 'whitenoise.middleware.WhiteNoiseMiddleware' in settings.MIDDLEWARE,"
    "'static': settings.STORAGES['staticfiles']['BACKEND'], 'debug': settings.DEBUG}))"
)


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    dropped = {"DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the browser tests set it
    inherited = {k: v for k, v in os.environ.items() if k not in dropped}
    full_env = {**inherited, "DJANGO_SETTINGS_MODULE": "newsdiff.settings", **env}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("database", ["", "postgres://user:secret@127.0.0.1:5432/newsdiff"])
def test_check_deploy_is_clean_with_the_production_settings(database: str) -> None:
    env = {**PRODUCTION, **({"DATABASE_URL": database} if database else {})}
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_secure_the_cookies_and_serve_static_files() -> None:
    result = run(["-c", SHOW], PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "session_secure": True,
        "csrf_secure": True,
        "hsts": 31536000,
        "ssl_redirect": True,
        "whitenoise": True,
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "debug": False,
    }


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = run(["manage.py", "check"], {"DEBUG": "0", "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_is_off_unless_set() -> None:
    unset = run(["-c", SHOW], {"SECRET_KEY": PRODUCTION["SECRET_KEY"]})
    assert unset.returncode == 0, unset.stderr
    assert json.loads(unset.stdout)["debug"] is False
    local = run(["-c", SHOW], {"DEBUG": "1"})
    assert json.loads(local.stdout)["debug"] is True
