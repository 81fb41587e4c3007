"""Choose PC06's thresholds on data: every candidate it would report at the lowest threshold,
on clean French (false alarms) and on annotated MT (hits and findings off the gold), with its
features, then the counts for each setting.

Usage: python bench/govern_thresholds.py [--limit N] [--show N]

Features of a candidate: the head's argument phrases in the counts (n), the share of its
phrases that are arguments (bound, qa.knowledge.government.Governed.bound), whether a source
was given. Clean: UD French-GSD (sentences in documents of 20, no source) and the WMT21 human
reference (documents of 20 lines, linted twice: with its German source and without). MT:
../shared/eval/real-wmt21 and the bench/heldout batches in SETS, with the aligned source
beside a text when there is one. Never run it on the cold batches.
"""

from __future__ import annotations

import argparse
import sys
from itertools import product
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpora import CORPORA, SHARED, as_documents, ud_sentences  # noqa: E402

from qa.api import Config, make_context, read_document  # noqa: E402
from qa.checks.base import Context  # noqa: E402
from qa.checks.calques.pc06_unattested_preposition import UnattestedPreposition  # noqa: E402
from qa.engine.session import Session  # noqa: E402
from qa.evaluate import load_gold, source_beside  # noqa: E402
from qa.model.document import Document  # noqa: E402

HELDOUT = Path(__file__).resolve().parent / "heldout"
SETS = [SHARED / "eval" / "real-wmt21"] + [HELDOUT / n for n in (
    "govern-fresh", "calques-false-friends", "syntax-fresh", "mixed-final", "dict-fresh", "fix-fresh")]
Cand = tuple[int, int, int, float, int, str]  # start, end, n, bound, with source, where


def _candidates(text: str, source: str | None, lang: str | None, ctx0) -> list[Cand]:
    check = UnattestedPreposition()
    out: list[Cand] = []
    lines = text.split("\n")
    src_lines = source.split("\n") if source is not None else []
    base = 0
    for k, para in enumerate(lines):
        if para.strip():
            src = (src_lines[k] if k < len(src_lines) else "") if source is not None else None
            ctx = Context(Session(ctx0.glossary), source=src, source_lang=lang if src else None)
            for head_tok, prep, head, _ in check.candidates(Document("t.txt", para), ctx, 1, 0.0):
                where = f"{head.lemma}/{head.pos} {prep.text}: {para[max(0, head_tok.start - 40):prep.end + 30]!r}"
                out.append((base + prep.start, base + prep.end, head.arguments, head.bound, int(bool(src)), where))
        base += len(para) + 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="sentences of UD and lines of the reference")
    parser.add_argument("--show", type=int, default=10**9, help="print candidates with this many arguments")
    args = parser.parse_args()
    ctx0 = make_context(Config())
    words, clean = 0, []
    for text in as_documents(ud_sentences(args.limit)):
        words += len(text.split())
        clean += _candidates(text, None, None, ctx0)
    ref = (CORPORA / "wmt21-news-defr" / "newstest2021.de-fr.ref.A.fr").read_text(encoding="utf-8").splitlines()
    src = (CORPORA / "wmt21-news-defr" / "newstest2021.de-fr.src.de").read_text(encoding="utf-8").splitlines()
    ref, src = ref[: args.limit], src[: args.limit]
    for i in range(0, len(ref), 20):
        text = "\n".join(ref[i:i + 20])
        words += 2 * len(text.split())
        clean += _candidates(text, "\n".join(src[i:i + 20]), "de", ctx0) + _candidates(text, None, None, ctx0)
    mt: list[tuple[Cand, bool]] = []
    for folder in SETS:
        for gold_path in sorted(folder.glob("*.gold.jsonl")):
            txt = gold_path.with_name(gold_path.name[: -len(".gold.jsonl")] + ".txt")
            doc, _ = read_document(txt)
            golds = load_gold(gold_path, doc.text)
            source = source_beside(txt)
            src_text, lang = (source[0].read_text(encoding="utf-8"), source[1]) if source else (None, None)
            for c in _candidates(doc.text, src_text, lang, ctx0):
                mt.append((c, any(g.span.start < c[1] and c[0] < g.span.end for g in golds)))
    print(f"clean words {words}")
    for plain, with_src, bound in product((8, 12, 20, 30), (3, 5, 8), (0.0, 0.5, 0.6, 0.7)):
        def kept(c: Cand) -> bool:
            return c[2] >= (with_src if c[4] else plain) and c[3] >= bound
        hits = sum(1 for c, h in mt if h and kept(c))
        off = sum(1 for c, h in mt if not h and kept(c))
        false = sum(1 for c in clean if kept(c))
        print(f"n without source ≥{plain:2}, with source ≥{with_src}, bound ≥{bound:.1f}: MT hits {hits:3}, "
              f"off gold {off:3}, clean {false:3} = {1000 * false / words:.2f}/1k")
    for c, h in sorted(mt, key=lambda x: (x[0][2], x[0][3])):
        if c[2] >= args.show:
            print("HIT " if h else "OFF ", c[2], f"{c[3]:.2f}", c[4], c[5])
    for c in sorted(clean, key=lambda x: (x[2], x[3])):
        if c[2] >= args.show:
            print("CLEAN", c[2], f"{c[3]:.2f}", c[4], c[5])


if __name__ == "__main__":
    main()
