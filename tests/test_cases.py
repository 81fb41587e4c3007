"""Per-check cases from tests/cases/<CODE>.toml: matched texts, first suggestions, fixes."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from qa.api import lint_document, make_context, Config
from qa.checks import BY_CODE
from qa.document import Document
from qa.fixes import apply_edits

CASES = Path(__file__).parent / "cases"
_CTX = None


def _context() -> Any:
    global _CTX
    if _CTX is None:
        _CTX = make_context(Config())
    return _CTX


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in spec["case"]:
            out.append(pytest.param(spec["code"], case, id=f"{spec['code']}-{case['id']}"))
    return out


@pytest.mark.parametrize(("code", "case"), _cases())
def test_case(code: str, case: dict[str, Any]) -> None:
    assert code in BY_CODE, f"{code} is not registered in qa/checks/__init__.py"
    if not getattr(BY_CODE[code], "available", lambda: True)():
        pytest.skip(f"{code}: its optional backend is not installed here")
    doc = Document("case.txt", case["text"])
    _context().source = case.get("source")  # source-aware checks (SA): the segment's source text
    _context().source_lang = case.get("source_lang")  # and its language, when a case needs one
    result = lint_document(doc, _context(), [BY_CODE[code]()])
    assert [doc[f.span] for f in result.findings] == case["expect"], [f.message for f in result.findings]
    if "suggestions" in case:
        for finding, wanted in zip(result.findings, case["suggestions"], strict=False):
            if wanted:
                assert finding.suggestions[: len(wanted)] == tuple(wanted), finding.message
    if "fixed" in case:
        edits = [f.edit() for f in result.findings if f.autofix]
        assert apply_edits(doc.text, edits)[0] == case["fixed"]
