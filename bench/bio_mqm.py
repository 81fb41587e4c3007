"""qa against professional MQM error spans: bio-mqm-enfr (en→fr biomedical MT, four systems).

Usage: python bench/bio_mqm.py [--out DIR] [--systems A,B] [--wrong FILE.tsv]

The corpus is research data and stays in ../shared: this script converts it into eval folders
(NAME.txt, NAME.gold.jsonl, NAME.src.en; ../shared/eval/FORMAT.md) under a temporary folder, or
under --out, then lints every document twice (qa.api, in one process), without and with its
English source, and scores the findings by MQM category with the span-overlap rules of FORMAT.md:
a gold span is found when a finding overlaps it by one code point; a finding is correct when it
overlaps any gold span of its document.

Typographic house conventions (which space before high punctuation, a spaced hyphen as a dash)
are a document's choice, not a translation error: their findings are counted, and the precision
is printed a second time with them set aside (house_style).

bench/bio_mqm_judged.tsv judges, one by one, every finding counted wrong (--wrong writes them):
a real error the annotators missed, a house-style point, or a false alarm.

Conversion choices:
- One document per DOC_ID, one segment per line in SEG_ID order; the source file is aligned by line.
- A segment annotated twice (two annotators) keeps its first record, so no span is counted twice.
- `endIndex` is inclusive in most records; the span is taken where `term` actually stands
  (end + 1, end, or the nearest occurrence of the term), and dropped when the term is absent.
- MQM categories map onto FORMAT.md's for the gold files (so `qa eval DIR` runs on them too);
  Style/Non_fluent and Neutral-severity spans are marked optional: an editor may or may not act on
  them, so they neither count as misses nor make a finding false.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "bio-mqm-enfr"
SYSTEMS = ("TMT_run1", "LISN_run1", "mtcarousel", "Huawei_AGI_run1")

CATEGORY = {
    ("Accuracy", "Mistranslation"): "mistranslation",
    ("Accuracy", "Addition"): "mistranslation",
    ("Accuracy", "Omission"): "missing-word",
    ("Accuracy", "Untranslated"): "untranslated",
    ("Terminology", "Wrong_term"): "mistranslation",
    ("Terminology", "Inconsistent"): "inconsistency",
    ("Linguistic_conventions", "Grammar"): "grammar",
    ("Linguistic_conventions", "Spelling"): "spelling",
    ("Linguistic_conventions", "Punctuation"): "punctuation",
    ("Locale_conventions", "Number_format"): "typography",
}


def locate(target: str, err: dict) -> tuple[int, int] | None:
    term, s, e = err["term"], err["startIndex"], err["endIndex"]
    for end in (e + 1, e):
        if 0 <= s <= end <= len(target) and target[s:end] == term:
            return s, end
    hits = [i for i in range(len(target)) if target.startswith(term, i)] if term else []
    if not hits:
        return None
    i = min(hits, key=lambda h: abs(h - s))
    return i, i + len(term)


def convert(system: str, out: Path) -> list[str]:
    """Write one eval folder per system; return the document names."""
    records = json.loads((CORPUS / f"{system}.json").read_text(encoding="utf-8"))
    docs: dict[str, dict[int, dict]] = defaultdict(dict)
    for r in records:
        docs[r["DOC_ID"]].setdefault(int(r["SEG_ID"]), r)
    names = []
    for doc_id, segs in sorted(docs.items()):
        name = f"{system}-{doc_id}"
        lines, sources, gold, offset = [], [], [], 0
        for _, r in sorted(segs.items()):
            target = r["target"].replace("\n", " ")
            for err in r["target_errors"]:
                span = locate(target, err)
                if span is None:
                    continue
                key = (err["error_category"], err["error_subcategory"])
                gold.append({
                    "start": offset + span[0], "end": offset + span[1], "text": target[span[0]:span[1]],
                    "category": CATEGORY.get(key, "grammar"), "fix": target[span[0]:span[1]], "accept": [],
                    "optional": key == ("Style", "Non_fluent") or err["severity"] == "Neutral",
                    "note": f"MQM {key[0]}/{key[1]} {err['severity']}",
                })
            lines.append(target)
            sources.append(r["source"].replace("\n", " "))
            offset += len(target) + 1
        (out / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (out / f"{name}.src.en").write_text("\n".join(sources) + "\n", encoding="utf-8")
        (out / f"{name}.gold.jsonl").write_text(
            "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
        names.append(name)
    return names


def lint(path: Path, source: Path | None) -> list[tuple[int, int, str, str]]:
    """(start, end, code, message) of qa's findings on one file, in process (the models load once)."""
    from qa import api

    config = api.Config(source_file=source, source_lang="en" if source else None, jobs=1)
    (result,) = api.lint_paths([path], config)
    if result.error:
        raise SystemExit(result.error)
    return [(f.span.start, f.span.end, f.code, f.message) for f in result.findings]


def house_style(code: str, flagged: str) -> bool:
    """A typographic convention a document may choose (as ../shared/eval/real-wmt21/INDEX.md lists
    them): which space stands before high punctuation, a plain or a no-break one (a TY01 finding
    on the space itself), and a spaced hyphen used as a dash (TY03 on « - »). A missing space
    before « ; : ? ! % » is not one here: this corpus's annotators mark it as a punctuation
    error (49 of the 67 times qa reports it, 7 December)."""
    return (code == "TY01" and not flagged.strip()) or (code == "TY03" and flagged.strip() == "-")


def overlaps(s: int, e: int, g: dict) -> bool:
    return s < g["end"] and g["start"] < e or (s == e and g["start"] <= s < g["end"])


def score(folder: Path, names: list[str], with_source: bool,
          rows: list[str] | None = None) -> tuple[Counter, Counter, int, int, Counter]:
    """Recall per MQM category and precision per code; every finding counted wrong is appended to rows."""
    gold_n, gold_hit, correct_by_code = Counter(), Counter(), Counter()
    found = correct = 0
    for name in names:
        golds = [json.loads(x) for x in (folder / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines()]
        src = folder / f"{name}.src.en" if with_source else None
        findings = lint(folder / f"{name}.txt", src)
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        for g in golds:
            hit = any(overlaps(s, e, g) for s, e, _, _ in findings)
            if not g["optional"]:
                cat = g["note"].split()[1]
                gold_n[cat] += 1
                gold_hit[cat] += hit
        for s, e, code, message in findings:
            found += 1
            ok = any(overlaps(s, e, g) for g in golds)
            correct += ok
            correct_by_code[(code, ok)] += 1
            if house_style(code, text[s:e]):
                correct_by_code[("house style", ok)] += 1
            if not ok and rows is not None:
                line = text.count("\n", 0, s) + 1
                around = text[max(0, s - 30):e + 30].replace("\n", " ").replace("\t", " ")
                rows.append("\t".join((
                    "src" if with_source else "nosrc", name, str(line), code,
                    text[s:e].replace("\t", " "), around, message.replace("\t", " ").replace("\n", " "))))
    return gold_n, gold_hit, found, correct, correct_by_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="write the eval folders here and keep them")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--wrong", type=Path, help="write every finding counted wrong here (TSV)")
    args = parser.parse_args()
    rows: list[str] = []
    if not CORPUS.is_dir():
        raise SystemExit(f"bio-mqm-enfr not found beside the repository ({CORPUS.name})")
    root = args.out or Path(tempfile.mkdtemp(prefix="qa-bio-mqm-"))
    try:
        for with_source in (False, True):
            gold_n, gold_hit, found, correct, by_code = Counter(), Counter(), 0, 0, Counter()
            for system in args.systems.split(","):
                folder = root / system
                folder.mkdir(parents=True, exist_ok=True)
                names = convert(system, folder)
                g, h, f, c, b = score(folder, names, with_source, rows)
                gold_n += g
                gold_hit += h
                found += f
                correct += c
                by_code += b
            print(f"\n## {'with' if with_source else 'without'} the English source")
            print(f"{'MQM category':40} {'gold':>5} {'found':>5} {'recall':>6}")
            for cat in sorted(gold_n):
                print(f"{cat:40} {gold_n[cat]:5} {gold_hit[cat]:5} {gold_hit[cat] / gold_n[cat]:6.3f}")
            total, hit = sum(gold_n.values()), sum(gold_hit.values())
            print(f"{'all':40} {total:5} {hit:5} {hit / total if total else 0:6.3f}")
            print(f"findings {found}, correct {correct}, precision {correct / found if found else 1:.3f}")
            house, house_ok = by_code[("house style", True)] + by_code[("house style", False)], by_code[("house style", True)]
            rest = found - house
            print(f"house-style typography apart ({house} findings, {house_ok} on a gold span): findings {rest}, "
                  f"correct {correct - house_ok}, precision {(correct - house_ok) / rest if rest else 1:.3f}")
            codes = sorted({code for code, _ in by_code} - {"house style"})
            print("per code (correct/all): " + ", ".join(
                f"{c} {by_code[(c, True)]}/{by_code[(c, True)] + by_code[(c, False)]}" for c in codes))
        if args.wrong:
            args.wrong.write_text("mode\tdocument\tline\tcode\tflagged\taround\tmessage\n"
                                  + "".join(r + "\n" for r in rows), encoding="utf-8")
    finally:
        if args.out is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
