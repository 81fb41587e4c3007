"""Choose PC06's thresholds on data: every candidate it would report at the lowest threshold,
on clean French (false alarms) and on annotated MT (hits and misses), with its features.

Usage: python bench/govern_thresholds.py [--limit N]

Clean: UD French-GSD (sentences in documents of 20) and the WMT21 human reference with its
German source. MT: ../shared/eval/real-wmt21 and the older bench/heldout batches named in
SETS, each text with its aligned source when one lies beside it. Prints, per threshold pair
(without source, with source), the hits on the MT sets, the MT findings on no gold line and
the clean false alarms per 1,000 words.
"""

from __future__ import annotations

import argparse
import sys
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


def _candidates(text: str, source: str | None, lang: str | None, ctx0) -> list[tuple[int, int, int, int]]:
    """(start, end, argument count, with source) of each candidate at threshold 1."""
    check = UnattestedPreposition()
    out = []
    for k, para in enumerate(text.split("\n")):
        if not para.strip():
            continue
        src = None
        if source is not None:
            lines = source.split("\n")
            src = lines[k] if k < len(lines) else ""
        ctx = Context(Session(ctx0.glossary), source=src, source_lang=lang if src else None)
        doc = Document("t.txt", para)
        base = sum(len(p) + 1 for p in text.split("\n")[:k])
        for head_tok, prep, head, _ in check.candidates(doc, ctx, 1):
            out.append((base + prep.start, base + prep.end, head.arguments, int(bool(src))))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    ctx0 = make_context(Config())
    clean_words, clean = 0, []
    for text in as_documents(ud_sentences(args.limit)):
        clean_words += len(text.split())
        clean += [(n, s) for _, _, n, s in _candidates(text, None, None, ctx0)]
    ref = (CORPORA / "wmt21-news-defr" / "newstest2021.de-fr.ref.A.fr").read_text(encoding="utf-8").splitlines()
    src = (CORPORA / "wmt21-news-defr" / "newstest2021.de-fr.src.de").read_text(encoding="utf-8").splitlines()
    ref, src = ref[: args.limit], src[: args.limit]
    for i in range(0, len(ref), 20):
        text = "\n".join(ref[i:i + 20])
        clean_words += 2 * len(text.split())  # linted twice: with its source, without
        clean += [(n, s) for _, _, n, s in _candidates(text, "\n".join(src[i:i + 20]), "de", ctx0)]
        clean += [(n, 0) for _, _, n, _ in _candidates(text, None, None, ctx0)]
    mt = []
    for folder in SETS:
        for gold_path in sorted(folder.glob("*.gold.jsonl")):
            txt = gold_path.with_name(gold_path.name[: -len(".gold.jsonl")] + ".txt")
            doc, _ = read_document(txt)
            golds = load_gold(gold_path, doc.text)
            source = source_beside(txt)
            src_text, lang = (source[0].read_text(encoding="utf-8"), source[1]) if source else (None, None)
            for start, end, n, s in _candidates(doc.text, src_text, lang, ctx0):
                hit = any(g.span.start < end and start < g.span.end for g in golds)
                mt.append((n, s, hit, f"{txt.name}: {doc.text[max(0, start - 30):end + 20]!r}"))
    print(f"clean words {clean_words}")
    for least_plain in (3, 5, 8, 12, 20):
        for least_src in (1, 3, 5, 8):
            def kept(n: int, s: int) -> bool:
                return n >= (least_src if s else least_plain)
            hits = sum(1 for n, s, h, _ in mt if h and kept(n, s))
            wrong = sum(1 for n, s, h, _ in mt if not h and kept(n, s))
            false = sum(1 for n, s in clean if kept(n, s))
            print(f"without source ≥{least_plain:2} with source ≥{least_src}: MT hits {hits:3}, MT off gold "
                  f"{wrong:3}, clean {false:3} = {1000 * false / clean_words:.2f}/1k")
    for n, s, h, where in sorted(mt):
        print("HIT " if h else "OFF ", n, s, where)


if __name__ == "__main__":
    main()
