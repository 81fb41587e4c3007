"""SA10, SA11 and SA12 on human translations with their source: every finding is a false alarm or
an error of the reference, and the rate per line is what a clean translation costs.

Usage: python bench/meaning_parallel.py [--select SA10,SA11,SA12] [--show N]

Pairs: the WMT21 de→fr news test set's source with its human reference ref.A (1,000 lines of
../shared/corpora/wmt21-news-defr; no system output is read), the bio-mqm-enfr reference
(English MEDLINE abstracts and their professional French translation, 384 segments), and the
WMT21 terminology task's en→fr development set (TICO-19: 971 segments of COVID-19 dialogues,
Wikipedia and public-health pages with their human French, ../shared/corpora/wmt21-terminology-enfr;
the term annotations are stripped). MT01's rules held by the source (`--select MT01`) are
measured on them too: a false friend named by the source must not fire on its human translation.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.api import Config, lint_document, make_context  # noqa: E402
from qa.checks import BY_CODE  # noqa: E402
from qa.model.document import Document  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"


def pairs() -> dict[str, list[tuple[str, str, str]]]:
    wmt = SHARED / "wmt21-news-defr"
    src = (wmt / "newstest2021.de-fr.src.de").read_text(encoding="utf-8").splitlines()
    ref = (wmt / "newstest2021.de-fr.ref.A.fr").read_text(encoding="utf-8").splitlines()
    bio = json.loads((SHARED / "bio-mqm-enfr" / "reference.json").read_text(encoding="utf-8"))
    seen, bio_pairs = set(), []
    for r in bio:
        key = (r["DOC_ID"], r["SEG_ID"])
        if key not in seen:
            seen.add(key)
            bio_pairs.append((r["source"], r["target"], "en"))
    term = SHARED / "wmt21-terminology-enfr"
    en, fr = (_segments(term / f"dev.en-fr.{lang}.sgm") for lang in ("en", "fr"))
    return {"wmt21-ref": [(s, t, "de") for s, t in zip(src, ref)], "bio-ref": bio_pairs,
            "term-ref": [(en[k], fr[k], "en") for k in en if k in fr]}


def _segments(path: Path) -> dict[tuple[str, str], str]:
    """The segments of an SGML file by (document, segment id), without their term tags."""
    out, doc = {}, ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if (m := re.match(r'<doc [^>]*docid="([^"]+)"', line)) is not None:
            doc = m.group(1)
        elif (m := re.match(r'<seg id="([^"]+)">(.*)</seg>', line.strip())) is not None:
            out[(doc, m.group(1))] = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(2))).split())
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--select", default="SA10,SA11,SA12")
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    codes = tuple(args.select.split(","))
    checks = [BY_CODE[c]() for c in codes if c in BY_CODE]
    base = make_context(Config(select=codes))
    for name, rows in pairs().items():
        found, shown = 0, 0
        for source, target, lang in rows:
            ctx = replace(base, source=source, source_lang=lang)
            for f in lint_document(Document("t.txt", target), ctx, checks).findings:
                found += 1
                if shown < args.show:
                    shown += 1
                    print(f"  {f.code} {f.message}\n    SRC {source[:200]}\n    TGT {target[:200]}")
        print(f"{name}: {found} findings on {len(rows)} lines ({found / max(1, len(rows)):.3f} per line)")


if __name__ == "__main__":
    main()
