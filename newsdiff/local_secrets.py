"""Secrets for a local install: from the environment, else kept in a gitignored file (0600)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def kept_secret(path: Path, *, env_var: str, nbytes: int) -> str:
    """`env_var` if set, else the value kept at `path`, else a new random one kept there."""
    if os.environ.get(env_var):
        return os.environ[env_var]
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    value = secrets.token_urlsafe(nbytes)
    path.write_text(value + "\n", encoding="utf-8")
    path.chmod(0o600)
    return value
