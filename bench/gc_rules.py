"""Grammalecte rule by rule: hits and false positives on MT gold, findings on clean French.

Usage: python bench/gc_rules.py [--types all|default|T,T…] [--min N] [--json FILE] [--show RULE]

MT gold (a finding is a hit when it overlaps a gold span of its document, optional ones
included, as ``qa eval`` scores it; FORMAT.md):
  wmt21    ../shared/eval/real-wmt21 (real WMT21 de→fr output)
  heldout  bench/heldout/* except the cold-dec7-* batches (never read here), clean-* articles aside
  bio      ../shared/corpora/bio-mqm-enfr, converted by bench/bio_mqm.py (MQM spans)
  dev      ../shared/eval/dev MT articles (contaminated: regression only)
Clean French (every finding is a false positive), per 1,000 words:
  ud       UD French-GSD dev + test, 20 sentences a document
  po       the French Python docs (translated strings)
  ref      the WMT21 de→fr human reference (newstest2021 ref.A)
  devc     the two clean dev articles;  hc  the clean-* articles of the heldout batches

Grammalecte runs with every option on (markup options aside) unless --types says otherwise,
so each rule's row is what it finds with its type on; the spelling pass is left out (it is
not a rule). ``qa/data/grammalecte_rules.toml`` records the rows of the rules qa runs by default.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bio_mqm  # noqa: E402
from corpora import CORPORA, SHARED, as_documents, po_paragraphs, ud_sentences  # noqa: E402

from qa.backends.grammalecte import NOTYPE, Grammalecte  # noqa: E402
from qa.backends.options import GC_DEFAULT  # noqa: E402
from qa.model.document import Document  # noqa: E402

HELDOUT = Path(__file__).resolve().parent / "heldout"
MT_SETS = ("wmt21", "heldout", "bio", "dev")
CLEAN_SETS = ("ud", "po", "ref", "devc", "hc")

Gold = list[tuple[int, int, str]]  # (start, end, category)


def _gold(path: Path) -> Gold:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(g["start"], g["end"], g["category"]) for g in rows]


def _folder(folder: Path) -> tuple[list[tuple[str, str, Gold]], list[str]]:
    """(name, text, gold) of the MT documents of an eval folder, and the texts of its clean ones."""
    mt, clean = [], []
    for path in sorted(folder.glob("*.gold.jsonl")):
        txt = path.with_name(path.name[: -len(".gold.jsonl")] + ".txt")
        if not txt.exists():
            continue
        text, gold = txt.read_text(encoding="utf-8"), _gold(path)
        if gold or not txt.name.startswith("clean-") and folder.name != "dev":
            mt.append((txt.stem, text, gold))
        else:
            clean.append(text)
    return mt, clean


def load(bio_dir: Path) -> tuple[dict[str, list[tuple[str, str, Gold]]], dict[str, list[str]]]:
    mt: dict[str, list[tuple[str, str, Gold]]] = defaultdict(list)
    clean: dict[str, list[str]] = defaultdict(list)
    mt["wmt21"], _ = _folder(SHARED / "eval" / "real-wmt21")
    for batch in sorted(p for p in HELDOUT.iterdir() if p.is_dir() and not p.name.startswith("cold-")):
        docs, texts = _folder(batch)
        mt["heldout"] += docs
        clean["hc"] += texts
    for system in bio_mqm.SYSTEMS:
        bio_mqm.convert(system, bio_dir)
    mt["bio"], _ = _folder(bio_dir)
    mt["dev"], clean["devc"] = _folder(SHARED / "eval" / "dev")
    clean["ud"] = as_documents(ud_sentences())
    clean["po"] = as_documents(po_paragraphs())
    ref = (CORPORA / "wmt21-news-defr" / "newstest2021.de-fr.ref.A.fr").read_text(encoding="utf-8").splitlines()
    clean["ref"] = as_documents(ref)
    return mt, clean


def measure(gc: Grammalecte, kinds: set[str], bio_dir: Path) -> dict:
    """Per rule: its type, findings and hits per MT set (with the gold categories hit),
    findings per clean set; and the word counts."""
    mt, clean = load(bio_dir)
    rules: dict[str, dict] = defaultdict(lambda: {
        "type": "", "mt": {s: [0, 0] for s in MT_SETS}, "cats": Counter(), "clean": Counter(), "examples": []})
    words: Counter[str] = Counter()
    for group, docs in mt.items():
        for name, text, gold in docs:
            doc = Document(name, text)
            words[group] += len(text.split())
            for m in gc.check(text, doc.paragraphs, kinds):
                row = rules[m.rule]
                row["type"] = m.kind
                row["mt"][group][0] += 1
                hit = [c for s, e, c in gold if s < m.span.end and m.span.start < e]
                row["mt"][group][1] += bool(hit)
                row["cats"].update(hit[:1])
                if len(row["examples"]) < 6:
                    row["examples"].append(f"{group} {'HIT' if hit else 'fp '} «{text[m.span.start:m.span.end]}» "
                                           f"{hit[:1]} {m.message[:70]}")
    for group, texts in clean.items():
        for i, text in enumerate(texts):
            doc = Document(f"{group}#{i}", text)
            words[group] += len(text.split())
            for m in gc.check(text, doc.paragraphs, kinds):
                row = rules[m.rule]
                row["type"] = m.kind
                row["clean"][group] += 1
                if len(row["examples"]) < 10:
                    row["examples"].append(f"{group} FP  «{text[m.span.start:m.span.end]}» {m.message[:70]}")
    return {"words": dict(words), "rules": {r: {**v, "cats": dict(v["cats"]), "clean": dict(v["clean"])}
                                            for r, v in rules.items()}}


def table(result: dict, min_findings: int) -> list[str]:
    words = result["words"]
    head = ("| rule | type | " + " | ".join(f"{s} hit/n" for s in MT_SETS) + " | MT prec | gold categories | "
            + " | ".join(f"{s} n (/1k)" for s in CLEAN_SETS) + " |")
    lines = ["words: " + ", ".join(f"{k} {v:,}" for k, v in words.items()), "", head,
             "|---|---|" + "---|" * (len(MT_SETS) + 2 + len(CLEAN_SETS))]

    def key(item: tuple[str, dict]) -> tuple[int, int]:
        row = item[1]
        return -sum(h for _, h in row["mt"].values()), sum(row["clean"].values())

    for rule, row in sorted(result["rules"].items(), key=key):
        n = sum(f for f, _ in row["mt"].values())
        if n + sum(row["clean"].values()) < min_findings:
            continue
        hits = sum(h for _, h in row["mt"].values())
        cells = [f"{row['mt'][s][1]}/{row['mt'][s][0]}" for s in MT_SETS]
        prec = f"{hits / n:.2f}" if n else "–"
        cats = ", ".join(f"{c} {k}" for c, k in sorted(row["cats"].items(), key=lambda x: -x[1]))
        clean = [f"{row['clean'].get(s, 0)} ({1000 * row['clean'].get(s, 0) / max(words.get(s, 1), 1):.2f})"
                 for s in CLEAN_SETS]
        lines.append(f"| {rule} | {row['type']} | " + " | ".join(cells) + f" | {prec} | {cats} | " + " | ".join(clean) + " |")
    return lines


def toml_rows(rule: str, row: dict | None) -> list[str]:
    """A rule's measures in the shape of qa/data/grammalecte_rules.toml (category and why to write)."""
    row = row or {"type": "?", "mt": {s: [0, 0] for s in MT_SETS}, "clean": {}}
    clean = row["clean"]
    return [f"[on.{rule}]", f'type = "{row["type"]}"', 'category = ""',
            f"hits = {sum(h for _, h in row['mt'].values())}",
            f"findings = {sum(n for n, _ in row['mt'].values())}",
            *(f"{key} = {clean.get(s, 0)}" for key, s in
              (("ud", "ud"), ("po", "po"), ("ref", "ref"), ("dev_clean", "devc"), ("heldout_clean", "hc"))),
            'why = ""', ""]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--types", default="all", help="all, default (qa's measured default types), or T,T,…")
    parser.add_argument("--min", type=int, default=2, help="leave out rules with fewer findings in all")
    parser.add_argument("--json", type=Path, help="also write the measures as JSON here")
    parser.add_argument("--show", default="", help="print examples of these rules (comma-separated)")
    parser.add_argument("--toml", default="", help="print the measures of these rules as qa/data/grammalecte_rules.toml rows")
    args = parser.parse_args()
    gc = Grammalecte()
    if args.types == "all":
        kinds = set(gc.options) - {"spell"} | {NOTYPE}
    elif args.types == "default":
        kinds = set(GC_DEFAULT)
    else:
        kinds = set(args.types.split(","))
    with tempfile.TemporaryDirectory(prefix="qa-gc-rules-") as tmp:
        result = measure(gc, kinds, Path(tmp))
    print("\n".join(table(result, args.min)))
    for rule in filter(None, args.show.split(",")):
        print(f"\n{rule}:")
        print("\n".join("  " + e for e in result["rules"].get(rule, {}).get("examples", [])))
    for rule in filter(None, args.toml.split(",")):
        print("\n".join(toml_rows(rule, result["rules"].get(rule))))
    print("\n# totals per corpus: " + ", ".join(
        f"{s} {sum(r['clean'].get(s, 0) for r in result['rules'].values())}" for s in CLEAN_SETS))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
