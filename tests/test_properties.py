"""Property tests: spans, edits and determinism hold for arbitrary Unicode text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.api import Config, active_checks, fix_document, lint_text, make_context
from qa.model.document import Document
from qa.engine.fixes import apply_edits

CTX = make_context(Config())
# Text built from French words, artifacts qa knows, odd spaces, marks, RTL, emoji.
PIECES = st.sampled_from(
    ["Le", "la", "NAVO", "Temps Financier", "Poetin", "a déclaré vers", "Bloomberg", "Il", "affirme",
     "grenades", "analystesla", "ttn-fr-3", "&nbsp;", "l’", "d'", "é", "e\u0301", "\u00a0", "\u202f", " ", "\n",
     "\r\n", ".", ",", "«", "»", "😀", "\u05e9\u05dc\u05d5\u05dd", "\u200f", "İ", "ß", "ﬁ", "\t", "—"]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map(" ".join), st.text(max_size=200))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_spans_lie_in_the_text_and_hold_their_text(text: str) -> None:
    for f in lint_text(text, ctx=CTX).findings:
        assert 0 <= f.span.start <= f.span.end <= len(text)
        assert text[f.span.start : f.span.end] == f.text
        assert "\n" not in f.message


@SETTINGS
@given(TEXTS)
def test_fixing_twice_equals_fixing_once(text: str) -> None:
    config = Config()
    checks = active_checks(config)
    once = fix_document(Document("p", text), CTX, checks, config)[0]
    twice = fix_document(Document("p", once), CTX, checks, config)[0]
    assert twice == once


@SETTINGS
@given(TEXTS)
def test_no_edit_keeps_text_and_lint_is_deterministic(text: str) -> None:
    assert apply_edits(text, [])[0] == text
    assert lint_text(text, ctx=CTX).findings == lint_text(text, ctx=CTX).findings
