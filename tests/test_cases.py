"""Per-check cases from tests/cases/<CODE>.toml: matched texts, first suggestions, fixes."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from qa.api import lint_document, make_context, Config
from qa.backends import BackendOptions
from qa.checks import BY_CODE
from qa.model.document import Document
from qa.engine.fixes import apply_edits

CASES = Path(__file__).parent / "cases"
_CTX = None


def _context() -> Any:
    global _CTX
    if _CTX is None:
        _CTX = make_context(Config())
    return _CTX


@pytest.fixture(scope="module")
def languagetool_context() -> Iterator[Any]:
    """A context whose LanguageTool is the stand-in server (tests/lt_standin.py)."""
    pytest.importorskip("language_tool_python")
    from lt_standin import StandIn

    server = StandIn()
    yield make_context(Config(backends=BackendOptions(languagetool=server.url, timeout=5.0)))
    server.close()


SERVERS = {"languagetool-stand-in": "languagetool_context"}  # a case file's `server`: its fixture


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in spec["case"]:
            out.append(pytest.param(spec["code"], case, spec.get("server"), id=f"{spec['code']}-{case['id']}"))
    return out


@pytest.mark.parametrize(("code", "case", "server"), _cases())
def test_case(code: str, case: dict[str, Any], server: str | None, request: pytest.FixtureRequest) -> None:
    assert code in BY_CODE, f"{code} is not registered in qa/checks/__init__.py"
    if not getattr(BY_CODE[code], "available", lambda: True)():
        pytest.skip(f"{code}: its optional backend is not installed here")
    ctx = _context() if server is None else request.getfixturevalue(SERVERS[server])
    doc = Document("case.txt", case["text"])
    # source-aware checks (SA): the segment's source text, and its language when a case needs one
    ctx = replace(ctx, source=case.get("source"), source_lang=case.get("source_lang"))
    result = lint_document(doc, ctx, [BY_CODE[code]()])
    assert result.notes == (), result.notes  # a backend that did not answer fails the case
    assert [doc[f.span] for f in result.findings] == case["expect"], [f.message for f in result.findings]
    if "suggestions" in case:
        for finding, wanted in zip(result.findings, case["suggestions"], strict=False):
            if wanted:
                assert finding.suggestions[: len(wanted)] == tuple(wanted), finding.message
    if "fixed" in case:
        edits = [f.edit() for f in result.findings if f.autofix]
        assert apply_edits(doc.text, edits)[0] == case["fixed"]
