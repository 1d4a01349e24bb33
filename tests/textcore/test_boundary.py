"""The text core stays free of Django, so it can be tested, benchmarked and reused alone."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import newsdiff.textcore

ROOT = Path(newsdiff.textcore.__file__).resolve().parents[2]


def test_text_core_never_imports_django() -> None:
    modules = [
        f"newsdiff.textcore.{info.name}"
        for info in pkgutil.iter_modules(newsdiff.textcore.__path__)
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert len(modules) >= 6
    assert result.stdout.strip() == ""
