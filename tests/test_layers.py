"""The import structure of qa, read from the code with ast: layers point down, no cycles.

model ← knowledge ← checks ← engine ← api ← {report, cli and the other front ends}.
A module may import its own layer or a lower one, never a higher one, and the import
graph has no cycle (imports inside functions count: a late import is still a dependency).
Inside `qa.checks`, a check family imports only itself and the check base (the modules
directly in qa/checks/), never another family's helpers. docs/architecture.md draws it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

QA = Path(__file__).resolve().parent.parent / "qa"

# The first prefix that matches a module gives its layer (lower numbers are lower layers).
LAYERS: list[tuple[str, int]] = [
    ("qa.model", 0),
    ("qa.data", 0),
    ("qa.knowledge", 1),
    ("qa.formats", 1),
    ("qa.backends", 1),
    ("qa.checks", 2),
    ("qa.engine", 3),
    ("qa.config", 3),
    ("qa.api", 4),
    ("qa", 5),  # report, cli, review, server, web, evaluate, metrics, progress, __main__
]
NAMES = {0: "model", 1: "knowledge", 2: "checks", 3: "engine", 4: "api", 5: "front end"}
# qa/__init__.py re-exports the api facade for `import qa` users; it sits with the api.
PACKAGE_LAYER = 4


def _modules() -> dict[str, Path]:
    out = {}
    for path in QA.rglob("*.py"):
        parts = list(path.relative_to(QA.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def layer(module: str) -> int:
    if module == "qa":
        return PACKAGE_LAYER
    for prefix, rank in LAYERS:
        if module == prefix or module.startswith(prefix + "."):
            return rank
    raise AssertionError(f"no layer for {module}")


def _targets(module: str, node: ast.Import | ast.ImportFrom, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            base = module.split(".")
            if not is_package:
                base.pop()
            base = base[: len(base) - (node.level - 1)]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module or ""
        names = [f"{prefix}.{a.name}" if f"{prefix}.{a.name}" in MODULES else prefix for a in node.names]
    out = []
    for name in names:
        if name.split(".")[0] != "qa":
            continue
        while name not in MODULES and "." in name:
            name = name.rsplit(".", 1)[0]
        out.append(name)
    return out


def imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.update(_targets(module, node, path.name == "__init__.py"))
        found.discard(module)
        graph[module] = found
    return graph


GRAPH = imports()


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_graph_is_read() -> None:
    # Guards the reader itself: a known edge of each kind must be seen.
    assert "qa.model.document" in GRAPH["qa.checks.base"]
    assert any(t.startswith("qa.engine") for t in GRAPH["qa.api"])


def test_no_import_cycle() -> None:
    assert _cycles(GRAPH) == []


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_imports_point_down() -> None:
    upward = [
        f"{module} ({NAMES[layer(module)]}) imports {target} ({NAMES[layer(target)]})"
        for module, targets in GRAPH.items()
        for target in sorted(targets)
        if layer(target) > layer(module)
    ]
    assert upward == []


def _family(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) >= 4 and parts[1] == "checks":
        return parts[2]
    return None


def test_check_families_import_only_themselves_and_the_base() -> None:
    crossing = []
    for module, targets in GRAPH.items():
        family = _family(module)
        if family is None:
            continue
        for target in sorted(targets):
            if target == "qa.checks":
                crossing.append(f"{module} imports the registry qa.checks")
            other = _family(target)
            if other is not None and other != family:
                crossing.append(f"{module} imports {target}")
    assert crossing == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_is_short(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= 400, f"{module} has {lines} lines"
