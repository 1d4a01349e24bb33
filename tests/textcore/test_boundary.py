"""The text core stays free of Django, so it can be tested, benchmarked and reused alone, and
the rest of newsdiff uses it only through what its packages export."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsdiff.textcore

ROOT = Path(newsdiff.textcore.__file__).resolve().parents[2]
CORE_MODULES = sorted(
    info.name for info in pkgutil.walk_packages(newsdiff.textcore.__path__, "newsdiff.textcore.")
)
SUBPACKAGES = sorted(
    f"newsdiff.textcore.{info.name}"
    for info in pkgutil.iter_modules(newsdiff.textcore.__path__)
    if info.ispkg
)
# Modules at the top of the core, used as they are: the shared types, word helpers, the pipeline.
TOP_MODULES = {"newsdiff.textcore.types", "newsdiff.textcore.lexical", "newsdiff.textcore.pipeline"}
# Code outside the core: the Django apps, the benchmarks and the scripts (tests of the core may
# reach inside it; tests of the apps may not).
OUTSIDE = [
    path
    for folder in ("newsdiff", "bench", "scripts", "tests")
    for path in sorted((ROOT / folder).rglob("*.py"))
    if "textcore" not in path.relative_to(ROOT).parts and "migrations" not in path.parts
]


def test_text_core_never_imports_django() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert len(SUBPACKAGES) >= 5
    assert len(CORE_MODULES) >= 30
    assert result.stdout.strip() == ""


def _core_imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every `from newsdiff.textcore... import names` and
    `import newsdiff.textcore...` in a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsdiff.textcore"):
            found.append((node.lineno, node.module or "", [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("newsdiff.textcore."):
                    found.append((node.lineno, alias.name, []))
    return found


def _outside_the_api(module: str, names: list[str]) -> list[str]:
    if module in TOP_MODULES:
        return []
    if module == "newsdiff.textcore":
        return [n for n in names if f"{module}.{n}" not in TOP_MODULES | set(SUBPACKAGES)]
    if module in SUBPACKAGES:
        exported = set(importlib.import_module(module).__all__)
        return [f"{module}.{n}" for n in names if n not in exported]
    return [module]


@pytest.mark.parametrize("path", OUTSIDE, ids=lambda p: str(p.relative_to(ROOT)))
def test_outside_code_imports_only_what_the_core_exports(path: Path) -> None:
    wrong = [
        f"line {line}: {name}"
        for line, module, names in _core_imports(path)
        for name in _outside_the_api(module, names)
    ]
    assert wrong == []


def test_every_export_exists() -> None:
    for name in SUBPACKAGES:
        package = importlib.import_module(name)
        assert package.__doc__, f"{name} says what it is for"
        for exported in package.__all__:
            assert hasattr(package, exported), f"{name}.{exported}"
