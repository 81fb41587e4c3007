"""Shared fixtures: golden files and paths to the shared material."""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from dictd_fixture import write as write_dictd

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLDEN = Path(__file__).parent / "golden"
# No disk cache (qa.knowledge.cache) unless a test asks for one: a test must see the code it runs,
# not answers stored by an earlier version or by a real engine it replaced with a fake.
os.environ.setdefault("QA_NO_CACHE", "1")
# The bilingual dictionary (qa.knowledge.bilingual) is a small fixture, not whatever dict-freedict-*
# packages this machine has: SA08's cases give the same answers everywhere.
_DICTD = tempfile.TemporaryDirectory(prefix="qa-dictd-")
os.environ["QA_DICTD_DIR"] = str(write_dictd(Path(_DICTD.name)))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite the tests/golden/* files that differ, show the diff and fail, for review")


def _diff(name: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), f"golden/{name}", "output")
    return "".join(lines)


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare an output with tests/golden/NAME, written by hand-reviewed runs of the code.

    The files are never rewritten silently. A plain run only compares and, on a difference,
    fails with the unified diff. To accept a change, run the test with --update-goldens (or
    QA_UPDATE_GOLDENS=1): each file that differs is rewritten and the test still fails, showing
    the diff, so that it is read before the file is committed; the next run passes.
    """
    update = request.config.getoption("--update-goldens") or os.environ.get("QA_UPDATE_GOLDENS") == "1"

    def compare(name: str, actual: str) -> None:
        path = GOLDEN / name
        expected = path.read_bytes().decode("utf-8") if path.exists() else ""
        if actual == expected:
            return
        diff = _diff(name, expected, actual)
        if update:
            path.write_bytes(actual.encode("utf-8"))
            pytest.fail(f"golden/{name} rewritten; review this diff before committing it:\n{diff}", pytrace=False)
        pytest.fail(f"output differs from golden/{name} (review, then accept with --update-goldens):\n{diff}",
                    pytrace=False)

    return compare


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
