"""Fuzz the reader and every check with generated inputs (hypothesis at scale).

Usage: python fuzz/run.py [--examples N]
Each input goes through qa.reading.decode (as bytes) and, when it decodes, through
every registered check; the properties of tests/test_properties.py are asserted.
A failure prints the shrunk input and exits 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from qa.api import Config, active_checks, fix_document, lint_text, make_context  # noqa: E402
from qa.document import Document  # noqa: E402
from qa.reading import DecodeError, decode  # noqa: E402

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
    run_markdown()
    print(f"{count} inputs checked in {time.perf_counter() - t0:.0f} s: no failure")


if __name__ == "__main__":
    main()
