"""Every check declares the files of qa/data it reads (Check.data_files), and they exist.

What a check reads is found in the code with ast: the file names passed as literals to
load_toml, load_tsv or read_text in its module, in the modules of its family it imports and
in the knowledge modules it imports (and those they import). Checks still directly in
qa/checks/ (not yet in a family folder) are left to the first test only.
"""

from __future__ import annotations

import ast
import importlib.util
from functools import cache
from importlib import resources
from pathlib import Path

import pytest

from qa.checks import ALL_CHECKS

QA = Path(__file__).resolve().parent.parent / "qa"
READERS = {"load_toml", "load_tsv", "read_text"}


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda c: c.code)
def test_declared_data_files_exist(check: type) -> None:
    assert isinstance(check.data_files, tuple)
    for name in check.data_files:
        assert resources.files("qa.data").joinpath(name).is_file(), f"{check.code}: qa/data/{name} does not exist"


def _path(module: str) -> Path | None:
    spec = importlib.util.find_spec(module)
    return Path(spec.origin) if spec is not None and spec.origin else None


@cache
def _tree(module: str) -> ast.Module:
    path = _path(module)
    assert path is not None, module
    return ast.parse(path.read_text(encoding="utf-8"))


def _imported(module: str) -> set[str]:
    """The qa modules module imports (a name imported from a package counts as its module
    when it is one)."""
    out = set()
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("qa"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.add(sub if _is_module(sub) else node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("qa"))
    return out


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _named_files(module: str) -> set[str]:
    found = set()
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in READERS:
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    return found


def _files_read(module: str) -> set[str]:
    """The data files module names, and those of the same-family and knowledge modules it
    reaches through imports."""
    family = module.rsplit(".", 1)[0]
    seen, todo, files = set(), [module], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        files |= _named_files(current)
        todo.extend(m for m in _imported(current) if m.startswith((family + ".", "qa.knowledge")))
    return files


IN_FAMILIES = [c for c in ALL_CHECKS if c.__module__.count(".") >= 3]


def test_the_reader_sees_a_knowledge_read() -> None:
    # Guards the reader: AR01 reads markup.toml only through qa.knowledge.pipeline_tags.
    assert "markup.toml" in _files_read("qa.checks.artifacts.ar01_pipeline_tag")
    assert "markup.toml" not in _named_files("qa.checks.artifacts.ar01_pipeline_tag")


@pytest.mark.parametrize("check", IN_FAMILIES, ids=lambda c: c.code)
def test_a_check_declares_what_its_module_reads(check: type) -> None:
    # A module holding several checks reads for all of them: each declares its own share,
    # so the union of the module's declarations must cover what the module reads.
    module = check.__module__
    declared = {f for c in ALL_CHECKS if c.__module__ == module for f in c.data_files}
    assert _files_read(module) <= declared, f"{module} reads {sorted(_files_read(module) - declared)} undeclared"
