"""No import cycle between the modules of newsdiff/ (imports at module level).

Imports inside functions and under `if TYPE_CHECKING:` are left out: they run later or never,
so they cannot make a cycle at import time. `from package import name` counts as importing
`package.name` when that is a module, else `package`.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "newsdiff"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Import statements run when the module is imported (not in functions or TYPE_CHECKING)."""
    found: list[ast.Import | ast.ImportFrom] = []
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            pending.extend(node.orelse)
        elif isinstance(node, ast.If | ast.Try | ast.With | ast.ClassDef):
            for field in ("body", "orelse", "finalbody", "handlers"):
                for child in getattr(node, field, []):
                    pending.extend(child.body if isinstance(child, ast.ExceptHandler) else [child])
    return found


def imported_modules(name: str, is_package: bool, tree: ast.Module, known: set[str]) -> set[str]:
    targets: set[str] = set()
    for node in module_level_imports(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = name.split(".") if is_package else name.split(".")[:-1]
            anchor = anchor[: len(anchor) - node.level + 1]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            child = f"{base}.{alias.name}"
            targets.add(child if child in known else base)
    return {target for target in targets if target in known}


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    known = {module_name(path) for path in paths}
    return {
        module_name(path): imported_modules(
            module_name(path), path.name == "__init__.py", ast.parse(path.read_text()), known
        )
        for path in paths
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as the list of modules along it, or None (depth-first search)."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_graph_sees_the_imports() -> None:
    graph = import_graph()
    assert "newsdiff.articles.models" in graph["newsdiff.articles.ingest"]
    assert "newsdiff.articles.alignment" in graph["newsdiff.articles.ingest"]
    assert "newsdiff.compare.overview.matrix_svg" in graph["newsdiff.compare.views.overview"]


def test_a_cycle_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_function_and_type_checking_imports_are_left_out() -> None:
    tree = ast.parse(
        "import newsdiff.a\n"
        "if TYPE_CHECKING:\n    import newsdiff.b\n"
        "def f():\n    import newsdiff.c\n"
        "try:\n    import newsdiff.d\nexcept ImportError:\n    pass\n"
    )
    known = {"newsdiff.a", "newsdiff.b", "newsdiff.c", "newsdiff.d"}
    assert imported_modules("newsdiff.x", False, tree, known) == {"newsdiff.a", "newsdiff.d"}


def test_no_import_cycle_in_newsdiff() -> None:
    assert find_cycle(import_graph()) is None
