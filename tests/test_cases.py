"""Per-check cases from tests/cases/<CODE>.toml: matched texts, suggestions, fixes.

Each case gives the text, the exact spans expected (``expect``) and, for every case with findings
that carry suggestions, the exact list of suggestions of each finding (``suggestions``); a case
without ``suggestions`` asserts that its findings suggest nothing. ``fixed`` is the text after
the autofixes. ``known_bug = "why"`` marks a case whose right answer qa does not give yet: it
runs as a strict xfail, so it fails the day the bug is fixed and the mark must go.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

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


class Served(NamedTuple):
    context: Any
    requests: list[dict[str, str]]  # the form of every /v2/check the server answered


@pytest.fixture(scope="module")
def languagetool_context() -> Iterator[Served]:
    """A context whose LanguageTool is the stand-in server (tests/lt_standin.py): no Java."""
    from lt_standin import StandIn

    server = StandIn()
    yield Served(make_context(Config(backends=BackendOptions(languagetool=server.url, timeout=5.0))), server.checks)
    server.close()


SERVERS = {"languagetool-stand-in": "languagetool_context"}  # a case file's `server`: its fixture


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in spec["case"]:
            marks = [pytest.mark.xfail(reason=case["known_bug"], strict=True)] if "known_bug" in case else []
            out.append(pytest.param(spec["code"], case, spec.get("server"), id=f"{spec['code']}-{case['id']}", marks=marks))
    return out


@pytest.mark.parametrize(("code", "case", "server"), _cases())
def test_case(code: str, case: dict[str, Any], server: str | None, request: pytest.FixtureRequest) -> None:
    assert code in BY_CODE, f"{code} is not registered in qa/checks/__init__.py"
    if not getattr(BY_CODE[code], "available", lambda: True)():
        pytest.skip(f"{code}: its optional backend is not installed here")
    served = None if server is None else request.getfixturevalue(SERVERS[server])
    ctx = _context() if served is None else served.context
    asked = 0 if served is None else len(served.requests)
    doc = Document("case.txt", case["text"])
    # source-aware checks (SA): the segment's source text, and its language when a case needs one
    ctx = replace(ctx, source=case.get("source"), source_lang=case.get("source_lang"))
    result = lint_document(doc, ctx, [BY_CODE[code]()])
    if served is not None:  # the stand-in really answered this case: nothing was skipped or cached
        assert len(served.requests) > asked
    assert result.notes == (), result.notes  # a backend that did not answer fails the case
    assert [doc[f.span] for f in result.findings] == case["expect"], [f.message for f in result.findings]
    wanted = case.get("suggestions", [[] for _ in result.findings])
    assert [list(f.suggestions) for f in result.findings] == wanted, [f.message for f in result.findings]
    if "fixed" in case:
        edits = [f.edit() for f in result.findings if f.autofix]
        assert apply_edits(doc.text, edits)[0] == case["fixed"]
