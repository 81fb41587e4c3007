"""The engine (qa.engine): the session's memo, the per-segment Context, the one chunker,
and settling decided by what checks declare (priority, segment_wide, opt_in)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from qa.api import Config, lint_file, make_context
from qa.checks.base import Check, Context
from qa.engine.lint import chunk_bounds, lint_document
from qa.engine.session import Session
from qa.knowledge.glossary import make_glossary
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding


def _session() -> Session:
    return Session(make_glossary([], builtin=False))


def test_memo_computes_once_per_session_and_per_document_once_per_document() -> None:
    session, calls = _session(), []
    for _ in range(3):
        assert session.memo("k", lambda: calls.append("m") or 7) == 7
    one, two = Document("a", "un"), Document("b", "deux")
    for doc in (one, one, two, two, one):
        session.per_document("d", doc, lambda doc=doc: calls.append(doc.path) or doc.path)
    assert calls == ["m", "a", "b", "a"]  # the last document only is remembered
    assert _session().memo("k", lambda: 8) == 8  # another run, another memo


def test_the_context_is_frozen_and_segments_get_their_own() -> None:
    ctx = Context(_session(), source_lang="en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.source = "x"  # type: ignore[misc]
    segment = dataclasses.replace(ctx, source="The cat.", domain="software")
    assert (segment.source, segment.domain, segment.session) == ("The cat.", "software", ctx.session)
    assert (ctx.source, ctx.domain) == (None, "news")


def test_a_structured_file_leaves_the_run_context_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Save the file"\nmsgstr "Enregistrer le fichier"\n',
                    encoding="utf-8")
    config = Config()
    ctx = make_context(config)
    result = lint_file(path, ctx, [], config)
    assert result.error is None
    assert (ctx.source, ctx.source_lang, ctx.domain) == (None, None, "news")


@pytest.mark.parametrize("size", [50, 80])
def test_chunk_bounds_cover_the_text_and_cut_after_line_ends(size: int) -> None:
    text = "".join(f"Ligne numéro {i} du texte.\n" for i in range(40))
    bounds = chunk_bounds(text, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text) and len(bounds) > 1
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(text[end - 1] == "\n" for _, end in bounds)
    assert chunk_bounds("Une ligne.\n", size) == [(0, len("Une ligne.\n"))]


def test_chunk_bounds_are_even_in_number_and_nearly_equal_in_length() -> None:
    # Five full pieces and a tail took two workers three rounds; six equal pieces take three
    # rounds of equal work. The cuts come from the text alone, whatever the number of workers.
    text = "".join(f"Ligne numéro {i} du texte.\n" for i in range(1000))
    bounds = chunk_bounds(text, 5_000)
    lengths = [b - a for a, b in bounds]
    assert len(bounds) % 2 == 0 and len(bounds) >= -(-len(text) // 5_000)
    assert max(lengths) - min(lengths) <= 2 * len("Ligne numéro 999 du texte.\n")
    assert max(lengths) <= 5_000


def _check(code: str, rank: int, suggestion: str, **declared: object) -> Check:
    def run(self: Check, doc: Document, ctx: Context) -> Iterator[Finding]:
        yield self.finding(doc, Span(0, 4), f"{code} here", (suggestion,))

    cls = type(f"Fake{code}", (Check,), {
        "code": code, "priority": rank, "name": code.lower(), "category": Category.GRAMMAR, "summary": "s",
        "run": run, **declared,
    })
    return cls()


@pytest.mark.parametrize(("first", "second"), [(10, 20), (20, 10)])
def test_the_declared_priority_decides_who_keeps_a_span(first: int, second: int) -> None:
    doc = Document("t.txt", "Mots ici.")
    checks = [_check("ZA01", first, "Mot"), _check("ZB01", second, "Motss")]
    found = lint_document(doc, Context(_session()), checks, Config()).findings
    assert [f.code for f in found] == (["ZA01"] if first < second else ["ZB01"])


def test_segment_wide_findings_stand_beside_the_others() -> None:
    doc = Document("t.txt", "Mots ici.")
    checks = [_check("ZA01", 10, "Mot"), _check("ZB01", 20, "Motss", segment_wide=True)]
    found = lint_document(doc, Context(_session()), checks, Config()).findings
    assert sorted(f.code for f in found) == ["ZA01", "ZB01"]


def test_an_opt_in_check_is_merged_into_the_finding_on_its_span() -> None:
    doc = Document("t.txt", "Mots ici.")
    checks = [_check("ZA01", 10, "Mot"), _check("ZB01", 20, "Motz", opt_in=True)]
    found = lint_document(doc, Context(_session()), checks, Config()).findings
    assert [(f.code, f.suggestions, f.extra.get("also")) for f in found] == [("ZA01", ("Mot", "Motz"), "ZB01")]
