"""Check.data_files: each check declares the files of qa/data it reads, and they exist.

A check reads its data directly (a file named in its module or its family's _shared.py)
or through the knowledge it calls; the declaration holds both. This test sees the first
kind in the source, so a file a check names but does not declare fails here.
"""

from __future__ import annotations

import ast
import re
import sys
from importlib import resources
from pathlib import Path

import pytest

from qa.checks import ALL_CHECKS, Check

DATA = resources.files("qa.data")
_DATA_NAME = re.compile(r"[\w-]+\.(?:toml|tsv)")


def _named_files(path: Path) -> set[str]:
    """Data file names written as string literals in a module: « load_toml("calques.toml") »."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _DATA_NAME.fullmatch(node.value)
    }


def _family_modules(check: type[Check]) -> list[Path]:
    """The check's module and, when it lives in a family folder, the family's _shared.py."""
    path = Path(sys.modules[check.__module__].__file__ or "")
    shared = path.parent / "_shared.py"
    in_family = path.parent.name != "checks"
    return [path, shared] if in_family and shared.exists() else [path]


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda c: c.code)
def test_declared_data_files_exist(check: type[Check]) -> None:
    assert isinstance(check.data_files, tuple)
    missing = [name for name in check.data_files if not DATA.joinpath(name).is_file()]
    assert missing == [], f"{check.code} declares files qa/data does not hold"


@pytest.mark.parametrize("check", [c for c in ALL_CHECKS if "." in c.__module__.removeprefix("qa.checks.")], ids=lambda c: c.code)
def test_a_family_check_declares_the_files_it_names(check: type[Check]) -> None:
    named = set().union(*(_named_files(p) for p in _family_modules(check)))
    named = {n for n in named if DATA.joinpath(n).is_file()}  # a user's file (« qa-glossary.toml ») is no data
    assert named <= set(check.data_files), f"{check.code} reads {sorted(named - set(check.data_files))} undeclared"


def test_the_reader_sees_a_named_file(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('from qa.data import load_toml\n\ndef f():\n    return load_toml("calques.toml")["x"]\n', encoding="utf-8")
    assert _named_files(module) == {"calques.toml"}
