"""Shared fixtures: golden files and paths to the shared material."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLDEN = Path(__file__).parent / "golden"
# No disk cache (qa.knowledge.cache) unless a test asks for one: a test must see the code it runs,
# not answers stored by an earlier version or by a real engine it replaced with a fake.
os.environ.setdefault("QA_NO_CACHE", "1")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/* from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    def compare(name: str, actual: str) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-goldens"):
            path.write_bytes(actual.encode("utf-8"))
        assert actual == path.read_bytes().decode("utf-8")

    return compare


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
