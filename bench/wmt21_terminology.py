"""SA01 on the WMT21 terminology task (EN→FR, TICO-19): term accuracy and precision.

    .venv/bin/python bench/wmt21_terminology.py [--sample N] [--show-ok]

The corpus annotates each source term with its accepted French renderings
(``<term src="runny nose" tgt="nez coule-t-il|nez qui coule">``). We build a qa
glossary from all annotations (source → union of renderings) and run SA01 on the MT
output (Fairseq) with its English source, then report:

- term accuracy as qa measures it: annotated term occurrences SA01 does not flag;
- the task's exact-match accuracy (a rendering occurs verbatim, lower-cased) for comparison;
- the human reference's accuracy under qa (a false-positive rate: the reference is right by
  construction, so every flag there is a false alarm of the matcher);
- with --sample, violations to judge by hand for precision.

Files are read in place from ../shared/corpora; nothing is copied.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import time
from dataclasses import replace
from pathlib import Path

from qa.checks.base import Context
from qa.engine.session import Session
from qa.checks.source.sa01_glossary_term import SourceTerm, terms
from qa.model.document import Document
from qa.knowledge.glossary import Entry, Glossary

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wmt21-terminology-enfr"
_SEG = re.compile(r'<doc[^>]*docid="([^"]+)"|<seg id="?(\d+)"?>(.*?)</seg>', re.S)
_TERM = re.compile(r'<term [^>]*src="([^"]*)" tgt="([^"]*)"[^>]*>(.*?)</term>', re.S)


def segments(path: Path) -> dict[tuple[str, str], str]:
    out = {}
    doc = ""
    for m in _SEG.finditer(path.read_text(encoding="utf-8")):
        if m.group(1):
            doc = m.group(1)
        else:
            out[(doc, m.group(2))] = m.group(3)
    return out


def plain(seg: str) -> str:
    return html.unescape(" ".join(_TERM.sub(lambda m: m.group(3), seg).split()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=0, help="print N random violations to judge")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--misses", action="store_true", help="list the reference's flagged terms (matcher misses)")
    args = ap.parse_args()
    src = segments(CORPUS / "dev.en-fr.en.sgm")
    ref = segments(CORPUS / "dev.en-fr.fr.sgm")
    mt = segments(CORPUS / "en-fr.dev.txt.truecased.sgm")
    annotations = {k: [(html.unescape(s), html.unescape(t).split("|")) for s, t, _ in _TERM.findall(v)] for k, v in src.items()}
    merged: dict[str, set[str]] = {}
    spelled: dict[str, str] = {}  # one spelling per term; an acronym's capitals win (« WHO »)
    for pairs in annotations.values():
        for s, targets in pairs:
            if s.lower() not in spelled or s.isupper():
                spelled[s.lower()] = s
            merged.setdefault(s.lower(), set()).update(t.strip() for t in targets if t.strip())
    merged = {spelled[k]: v for k, v in merged.items()}
    glossary = Glossary()
    glossary.extend(
        Entry(wrong=(), right=tuple(sorted(t)), source=s, lang="en", origin="wmt21") for s, t in sorted(merged.items())
    )
    check = SourceTerm()
    started = time.perf_counter()
    results = {}
    for name, side in (("MT (Fairseq)", mt), ("reference", ref)):
        ctx = Context(Session(glossary), source_lang="en")
        terms(ctx)
        total = flagged = exact = 0
        violations = []
        for key, pairs in annotations.items():
            if not pairs or key not in side:
                continue
            target = plain(side[key])
            segment = replace(ctx, source=plain(src[key]))
            messages = [f.message for f in check.run(Document("seg", target), segment)]
            for s, targets in pairs:
                total += 1
                hit = any(f"« {s} »".lower() in m.lower() for m in messages)
                flagged += hit
                exact += any(t.strip().lower() in target.lower() for t in targets if t.strip())
                if hit:
                    violations.append((key, s, targets, segment.source, target))
        results[name] = (total, flagged, exact, violations)
        if args.misses and name == "reference":
            for key, s, targets, source, target in violations:
                print(f"  missed on the reference: « {s} » → {' | '.join(targets)}\n    EN: {source}\n    FR: {target}")
        print(f"{name}: {total} annotated term occurrences; qa term accuracy {1 - flagged / total:.1%} "
              f"({flagged} flagged); exact-match accuracy {exact / total:.1%}")
    print(f"time: {time.perf_counter() - started:.2f} s for {len(mt)} segments × 2 sides, glossary of {len(merged)} terms")
    if args.sample:
        violations = results["MT (Fairseq)"][3]
        rng = random.Random(args.seed)
        for key, s, targets, source, target in rng.sample(violations, min(args.sample, len(violations))):
            print(f"\n{key[0]}#{key[1]}  « {s} » → {' | '.join(targets)}\n  EN: {source}\n  MT: {target}\n  REF: {plain(ref[key])}")


if __name__ == "__main__":
    main()
