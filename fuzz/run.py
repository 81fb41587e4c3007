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
TEXT = st.one_of(st.lists(WORDS, max_size=60).map(" ".join), st.text(max_size=300))
count = 0


def check(text: str) -> None:
    global count
    count += 1
    if count % 2000 == 0:
        print(f"{count} inputs checked", flush=True)
    findings = lint_text(text, ctx=CTX).findings
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

    t0 = time.perf_counter()
    run()
    print(f"{count} inputs checked in {time.perf_counter() - t0:.0f} s: no failure")


if __name__ == "__main__":
    main()
