"""Meta-tests over the registry: codes, documentation, case files, determinism."""

from __future__ import annotations

import pkgutil
import re
import tomllib
from pathlib import Path

import pytest

import qa.checks
from qa.api import Config, lint_text
from qa.checks import ALL_CHECKS

CASES = Path(__file__).parent / "cases"


def test_codes_are_unique_and_well_formed() -> None:
    codes = [c.code for c in ALL_CHECKS]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{2}\d{2}", c) for c in codes)
    names = [c.name for c in ALL_CHECKS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda c: c.code)
def test_docstring_has_mauvais_bon_pair(check: type) -> None:
    doc = check.__doc__ or ""
    assert "Mauvais" in doc and "Bon" in doc, check.code


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda c: c.code)
def test_every_check_has_failing_and_passing_cases(check: type) -> None:
    # Backend checks too: their case file names a stand-in server (LT00: tests/lt_standin.py).
    path = CASES / f"{check.code}.toml"
    assert path.exists(), f"missing {path.name}"
    cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    assert any(c["expect"] for c in cases), "no failing case"
    assert any(not c["expect"] for c in cases), "no passing case"


def test_every_check_module_is_registered() -> None:
    registered = {c.__module__ for c in ALL_CHECKS}
    # The check base: modules directly in qa/checks/ that every family may import.
    helpers = {"qa.checks.base", "qa.checks.data_rules", "qa.checks.prose", "qa.checks.scope", "qa.checks.split"}
    for info in pkgutil.iter_modules(qa.checks.__path__):
        module = f"qa.checks.{info.name}"
        if module in helpers or info.name.startswith("_"):
            continue
        if info.ispkg:  # a family folder: its modules register the checks
            assert any(r.startswith(module + ".") for r in registered), f"{module} registers no check"
            continue
        assert module in registered, f"{module} defines no registered check"


def test_findings_are_deterministic() -> None:
    text = "Selon le Temps Financier, la NAVO a déclaré vers Bloomberg que Poetin ment.\nttn-fr-1"
    first = lint_text(text, Config())
    second = lint_text(text, Config())
    assert first.findings == second.findings
