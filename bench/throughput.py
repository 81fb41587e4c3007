"""Throughput on distinct text, all figures of issue #17 in one run (docs/scale.md).

Usage: python bench/throughput.py [--words N] [--skip-dask] [--skip-gc] [--profile-words N]

Corpus: every distinct paragraph of the shared corpora (WMT21 de→fr system outputs and the
human reference, the French originals of fr→de, UD French-GSD, the Python docs PO strings,
the bio-mqm targets, the eval articles, the TICO-19 terminology references), in documents of 25 paragraphs, cut at N words
(250,000 by default; about 270,000 exist). No
paragraph repeats, so no cache (there is none: every qa run is --no-cache) can help.

Runs, one after the other in one process (a busy machine slows them alike only roughly:
read the ratios of neighbouring lines), each with wall time, words/s and peak RSS of the
largest process (a worker, with --jobs or --dask):
- Grammalecte alone, its default options, one process (as grammalecte-cli -f);
- qa lint default (Grammalecte on) and --no-grammalecte, on one file and on many files;
- --jobs 1 against --jobs 2 on one 1 MB file;
- --dask local:1 against local:2 against --jobs 2, on the many files;
- a per-check profile, in this process, on one core.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpora import CORPORA, as_documents, po_paragraphs, ud_sentences, wmt_outputs  # noqa: E402
from run import _gc_alone, run_qa, time_checks  # noqa: E402


def bio_targets() -> list[str]:
    """The French targets of bio-mqm: four systems and the reference (v2), one system (v1)."""
    base = CORPORA / "bio-mqm-enfr"
    out = []
    for path in sorted(base.glob("*.json")):
        out.extend(r["target"] for r in json.loads(path.read_text(encoding="utf-8")) if r.get("target"))
    with (base / "v1_TMT_run1_abstract_en2fr_fr.tsv").open(encoding="utf-8", newline="") as f:
        out.extend(row["Target"] for row in csv.DictReader(f, delimiter="\t") if row.get("Target"))
    return out


def eval_articles() -> list[str]:
    """The lines of the dev and real-WMT21 articles (MT output and references)."""
    folders = [CORPORA.parent / "eval" / name for name in ("dev", "real-wmt21")]
    return [line for folder in folders for path in sorted(folder.glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def terminology_refs() -> list[str]:
    """The French side of WMT21's terminology dev set (TICO-19), detokenised: tags dropped,
    « l' un » → « l'un », no space before « , . ) » or after « ( »."""
    text = (CORPORA / "wmt21-terminology-enfr" / "dev.en-fr.fr.sgm").read_text(encoding="utf-8")
    out = []
    for seg in re.findall(r"<seg[^>]*>(.*?)</seg>", text):
        seg = re.sub(r"<[^>]+>", "", seg)
        seg = re.sub(r"\s+([,.)])", r"\1", re.sub(r"([(])\s+", r"\1", re.sub(r"(\w[’'])\s+", r"\1", seg)))
        out.append(" ".join(seg.split()))
    return out


def distinct_documents(words: int) -> list[str]:
    """Documents of 25 distinct paragraphs, up to words words."""
    wmt = CORPORA / "wmt21-news-defr"
    reference = (wmt / "newstest2021.de-fr.ref.A.fr").read_text(encoding="utf-8").splitlines()
    lines = [line for system in wmt_outputs().values() for line in system]
    french_source = (wmt / "newstest2021.fr-de.src.fr").read_text(encoding="utf-8").splitlines()
    lines += reference + french_source + ud_sentences() + po_paragraphs() + bio_targets() + eval_articles() + terminology_refs()
    seen: dict[str, None] = {}
    for line in lines:
        if line.strip():
            seen.setdefault(line.strip(), None)
    out, total = [], 0
    for doc in as_documents(list(seen), 25):
        out.append(doc)
        total += len(doc.split())
        if total >= words:
            break
    return out


def lay_out(tmp: Path, docs: list[str], everything: list[str]) -> tuple[Path, Path, Path, int, int]:
    """The corpus as many files and as one file, and the first 1 MB of every distinct
    document as one file (cut at a paragraph, whatever --words says); their word counts."""
    many = tmp / "many"
    many.mkdir()
    for i, text in enumerate(docs):
        (many / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
    one = tmp / "one.txt"
    whole = "".join(d + "\n" for d in docs)
    one.write_text(whole, encoding="utf-8")
    alltext = "".join(d + "\n" for d in everything)
    cut = alltext.rfind("\n\n", 0, 1_000_000) + 2
    mb = tmp / "one-mb.txt"
    mb.write_text(alltext[:cut], encoding="utf-8")
    return many, one, mb, len(whole.split()), len(alltext[:cut].split())


def line(label: str, words: int, wall: float, rss: float | None = None, extra: str = "") -> float:
    mem = f"; peak RSS {rss:.0f} MB" if rss is not None else ""
    print(f"  {label}: {wall:.1f} s = {words / wall:,.0f} words/s{mem}{extra}", flush=True)
    return wall


def qa(args: list[str], words: int, label: str) -> float:
    wall, _summary, rss = run_qa(args, None)  # --no-cache
    return line(label, words, wall, rss)


def profile(docs: list[str], words: int) -> None:
    """Seconds per check (Grammalecte's GC00 included) and for spaCy's analysis, one core."""
    r = time_checks(docs, words, grammalecte=True)
    n, t_nlp = r["words"], r["nlp"]
    times = {k[6:]: t for k, t in r.items() if k.startswith("check:")}
    total = t_nlp + sum(times.values())
    print(f"per-check profile, one core, {n:,} words, {total:.1f} s ({n / total:,.0f} words/s); share of the time:")
    ranked = [("spaCy analysis", t_nlp), *sorted(times.items(), key=lambda x: -x[1])]
    print("  " + ", ".join(f"{code} {t:.2f} s ({t / total:.0%})" for code, t in ranked if t >= 0.01))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=250_000)
    parser.add_argument("--profile-words", type=int, default=20_000)
    parser.add_argument("--skip-gc", action="store_true", help="no Grammalecte-alone line")
    parser.add_argument("--skip-dask", action="store_true", help="no --dask lines")
    args = parser.parse_args()
    docs = distinct_documents(args.words)
    with tempfile.TemporaryDirectory(prefix="qa-throughput-") as name:
        tmp = Path(name)
        many, one, mb, words, mb_words = lay_out(tmp, docs, distinct_documents(10**9))
        print(f"corpus: {words:,} distinct words, {len(docs)} files; one file of "
              f"{one.stat().st_size / 1e6:.1f} MB; the 1 MB file: {mb_words:,} words; {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        if not args.skip_gc:
            wall, errors = _gc_alone(many)
            line("Grammalecte alone, default options, one process", words, wall, extra=f" [{errors:,} errors]")
        qa([str(one)], words, "qa lint default, one file")
        qa([str(many)], words, "qa lint default, many files")
        qa(["--no-grammalecte", str(one)], words, "qa lint --no-grammalecte, one file")
        qa(["--no-grammalecte", str(many)], words, "qa lint --no-grammalecte, many files")
        j1 = qa(["--jobs", "1", str(mb)], mb_words, "qa lint default --jobs 1, the 1 MB file")
        j2 = qa(["--jobs", "2", str(mb)], mb_words, "qa lint default --jobs 2, the 1 MB file")
        print(f"  --jobs 2 against --jobs 1: {j1 / j2:.2f}× faster")
        if not args.skip_dask:
            local = qa(["--jobs", "2", str(many)], words, "qa lint default --jobs 2, many files")
            d1 = qa(["--dask", "local:1", str(many)], words, "qa lint default --dask local:1, many files")
            d2 = qa(["--dask", "local:2", str(many)], words, "qa lint default --dask local:2, many files")
            print(f"  Dask local:2 against local:1: {d1 / d2:.2f}× faster; against --jobs 2: "
                  f"{d2 / local - 1:+.0%} time")
        print(f"  load average after: {os.getloadavg()[0]:.1f}")
    profile(docs, args.profile_words)


if __name__ == "__main__":
    main()
