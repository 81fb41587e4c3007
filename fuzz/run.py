"""Fuzz the reader and every check with generated inputs (hypothesis at scale).

Usage: python fuzz/run.py [--examples N]
Each input goes through qa.formats.reading.decode (as bytes) and, when it decodes, through
every registered check; the properties of tests/test_properties.py are asserted.
A failure prints the shrunk input and exits 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from qa.api import Config, active_checks, fix_document, lint_text, make_context  # noqa: E402
from qa.model.document import Document  # noqa: E402
from qa.formats.reading import DecodeError, decode  # noqa: E402

CONFIG = Config()
CTX = make_context(CONFIG)
CHECKS = active_checks(CONFIG)
WORDS = st.sampled_from(
    ["Le", "la", "NAVO", "VN", "Temps Financier", "Gardien", "Poetin", "Tsjaikovski", "a déclaré vers", "Bloomberg",
     "Il", "Elle", "affirme", "La Chine", "nie", "grenades", "roquettes", "analystesla", "ttn-fr-3", "&nbsp;", "<b>",
     "l’", "d'", "UN", "une", "dizaines", "Composants", ".", ",", ";", "«", "»", "\u00a0", "\u202f", "\n", "\r\n",
     "😀", "\u05e9\u05dc\u05d5\u05dd", "\u200f", "e\u0301", "İ", "ß", "ﬁ", "\t", "—", "Kiev", "Kyiv", "Il montre",
     "faire sens", "en charge du", "Le Miroir", "selon", "photo", "[[lien]]", "{0}", "%s"]
)
# Hostile shapes (issue #19): one long token, long runs of one mark, deep nesting of
# Markdown quotes, brackets, list markers and emphasis. Each must lint in linear time;
# a check that backtracks shows up as a slow example (reported, see SLOW).
LONG_TOKEN = st.builds(
    lambda unit, n, before, after: before + unit * n + after,
    st.sampled_from(["a", "A", "Aa-", "l'a", "a.", "Ã©", "a-", "é", "1", "_", "`", "*", "[", "]("]),
    st.integers(100, 20_000), st.sampled_from(["", "Le ", "Selon ", "« "]), st.sampled_from(["", " a dit.", ", un quotidien allemand."]),
)
PUNCT_RUN = st.builds(lambda mark, n: "Il a dit" + mark * n + " Elle part.",
                      st.sampled_from([".", "!", "?…", "»", " ", "\u00a0", "-", "'", "«", ",;:", "M. "]), st.integers(100, 20_000))
NESTING = st.builds(
    lambda marks, depth, lines: "\n".join(marks * depth + "texte" for _ in range(lines)),
    st.sampled_from(["> ", "[", "- ", "* ", "1. ", "> [ - ", "![", "[a](", "`", "_", "**"]),
    st.integers(10, 2_000), st.integers(1, 20),
)
TEXT = st.one_of(st.lists(WORDS, max_size=60).map(" ".join), st.text(max_size=300), LONG_TOKEN, PUNCT_RUN, NESTING)
SLOW = 5.0  # seconds: an input slower than this is printed (linear inputs take well under)
count = 0


def check(text: str) -> None:
    global count
    count += 1
    if count % 2000 == 0:
        print(f"{count} inputs checked", flush=True)
    start = time.perf_counter()
    findings = lint_text(text, ctx=CTX).findings
    if time.perf_counter() - start > SLOW:
        print(f"slow input ({time.perf_counter() - start:.1f} s, {len(text)} characters): {text[:80]!r}…", flush=True)
    for f in findings:
        assert 0 <= f.span.start <= f.span.end <= len(text) and text[f.span.start : f.span.end] == f.text
    once = fix_document(Document("fuzz", text), CTX, CHECKS, CONFIG)[0]
    twice = fix_document(Document("fuzz", once), CTX, CHECKS, CONFIG)[0]
    assert once == twice, (text, once, twice)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=100_000)
    args = parser.parse_args()
    fuzz_settings = settings(max_examples=args.examples, deadline=None, database=None,
                             suppress_health_check=list(HealthCheck))

    @fuzz_settings
    @given(st.one_of(TEXT.map(lambda t: t.encode("utf-8")), st.binary(max_size=300)))
    def run(data: bytes) -> None:
        try:
            text, _ = decode(data, "fuzz")
        except DecodeError:
            return
        check(text)

    @fuzz_settings
    @given(st.one_of(NESTING, LONG_TOKEN))
    def run_markdown(text: str) -> None:
        """The Markdown reader on deep nesting: offsets stay exact (each segment's
        characters come from the text at their offsets)."""
        from qa.formats import markdown

        for seg in markdown.read(text, "fuzz.md").segments:
            for i, (s, e) in enumerate(zip(seg.starts, seg.ends, strict=True)):
                assert 0 <= s <= e <= len(text)
                if e - s == 1 and i not in seg.joints:
                    assert seg.target[i] == text[s], (text, i)

    t0 = time.perf_counter()
    run()
    run_replies(settings(fuzz_settings, max_examples=max(args.examples // 20, 50)))
    run_markdown()
    print(f"{count} inputs checked in {time.perf_counter() - t0:.0f} s: no failure")


# --- backend replies: control characters, deep nesting, huge numbers (issue #19) -----------
# A LanguageTool reply is read by qa.backends.bounded.parse_json and parse_matches, and what it
# says reaches every reporter: either it is refused (BackendError) or no report carries a raw
# control character and every report is valid UTF-8.
HOSTILE_CHARS = st.characters(categories=("Cc", "Cf", "Zl", "Zp", "Cs"))
HOSTILE_STRING = st.lists(st.one_of(HOSTILE_CHARS, st.sampled_from(["x.txt:1:1: ", "::error ", "viendra", "«"])),
                          max_size=12).map("".join)
REPLY_TEXT = "Il a dit qu’il viendrons demain 😀."


def _reply_with(rule: str, message: str, suggestion: str, offset: int, length: int) -> bytes:
    import json

    match = {"offset": offset, "length": length, "message": message, "replacements": [{"value": suggestion}],
             "rule": {"id": rule, "issueType": "grammar", "category": {"id": "GRAMMAR"}}}
    return json.dumps({"matches": [match]}).encode()


def backend_replies() -> st.SearchStrategy[bytes]:
    """Replies with control characters in every field, nested JSON and integers of many digits."""
    deep = st.integers(1, 200_000).map(lambda n: b'{"matches": ' + b"[" * n + b"]" * n + b"}")
    digits = st.integers(1, 20_000).map(lambda n: b'{"matches": [{"offset": ' + b"9" * n + b', "length": 1}]}')
    controls = st.builds(_reply_with, HOSTILE_STRING, HOSTILE_STRING, HOSTILE_STRING,
                         st.integers(0, len(REPLY_TEXT) + 2), st.integers(0, 4))
    return st.one_of(deep, digits, controls)


def check_reply(body: bytes) -> None:
    import json

    from qa.api import Result
    from qa.backends import BackendError
    from qa.backends.bounded import parse_json
    from qa.backends.languagetool import category_of, parse_matches
    from qa.model.findings import Finding
    from qa.report import REPORTERS

    try:
        matches = parse_matches(parse_json(body), REPLY_TEXT, 0)
    except (BackendError, json.JSONDecodeError):
        return
    doc = Document("fuzz\x1b.txt", REPLY_TEXT)
    findings = tuple(Finding(f"LT:{m.rule}", category_of(m.category, m.issue_type), f"LanguageTool: « {m.message} »",
                             m.span, doc[m.span], suggestions=m.suggestions) for m in matches)
    for name, render in REPORTERS.items():
        out = render([Result(doc, findings)])
        out.encode("utf-8")
        raw = [ch for ch in out if ch in "\x1b\x07\r\u2028\u2029\u202e" or "\ud800" <= ch <= "\udfff"]
        assert not raw, (name, body[:200], raw)


def run_replies(fuzz_settings: Any) -> None:
    given(backend_replies())(fuzz_settings(check_reply))()


if __name__ == "__main__":
    main()
