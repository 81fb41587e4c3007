"""Speed and memory of qa: start-up, words/s (cold, warm and without the disk cache), a
per-check breakdown, the 100k-entry glossary, Grammalecte side by side, peak RSS.

Usage: python bench/run.py [--words N] [--glossary-size N] [--gc-words N] [--skip-gc]
Corpus: the WMT21 German→French system outputs and UD French GSD, as documents of 25
paragraphs, repeated up to N words (1,000,000 for the issue's target; 200,000 by default).
Every run of qa here uses a fresh cache folder, so "cold" means cold.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpora import as_documents, ud_sentences, wmt_outputs

QA = str(Path(sys.executable).parent / "qa")


def corpus(words: int) -> list[str]:
    lines = [line for system in wmt_outputs().values() for line in system] + ud_sentences()
    docs = as_documents(lines, 25)
    out: list[str] = []
    total = 0
    while total < words:
        for d in docs:
            out.append(d)
            total += len(d.split())
            if total >= words:
                break
    return out


def run_qa(args: list[str], cache_dir: Path | None) -> tuple[float, str, float]:
    """Wall time, summary line and peak RSS (MB, worker processes included) of one `qa lint`
    process; cache_dir None: --no-cache."""
    env = dict(os.environ)
    env.pop("QA_NO_CACHE", None)
    extra = ["--no-cache"] if cache_dir is None else []
    if cache_dir is not None:
        env["QA_CACHE_DIR"] = str(cache_dir)
    # A small Python parent reports the peak RSS of its children (qa and its workers).
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
             "sys.stdout.write(f'{r.returncode} {time.perf_counter() - t} "
             "{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n' + r.stderr)")
    cmd = [sys.executable, "-c", probe, QA, "lint", *extra, *args, "--fail-on", "never"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    head, *err = done.stdout.splitlines()
    code, wall, rss = head.split()
    if int(code) not in (0, 1):
        sys.exit(f"qa lint failed ({code}): {' '.join(err)[-500:]}")
    summary = next((line for line in reversed(err) if " in " in line and "file" in line), "")
    return float(wall), summary, int(rss) / 1024


def synthetic_glossary(n: int, path: Path) -> None:
    rng = random.Random(1)
    letters = "abcdefghijklmnopqrstuvwxyzéè"
    seen = set()
    with path.open("w", encoding="utf-8") as fh:
        while len(seen) < n:
            w = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(rng.randint(1, 3)))
            if w in seen:
                continue
            seen.add(w)
            fh.write(f"{w}\t{w}x\n")


def lexical_codes() -> str:
    from qa.checks import ALL_CHECKS

    return ",".join(c.code for c in ALL_CHECKS if c.needs_nlp or getattr(c, "nlp_components", None))


def startup(tmp: Path) -> None:
    article = HERE.parent / "texts" / "nrc-missiles-coree.txt"
    lexical = ["--ignore", lexical_codes(), "--no-grammalecte", str(article)]
    # Warms the OS file cache, and compiles the word table (qa.knowledge.wordlists) into the default
    # cache folder once, as the first run after an install does; every later run reads it.
    run_qa(lexical, None)
    print(f"start-up, one article, no check needs spaCy:       {run_qa(lexical, None)[0]:.2f} s wall")
    full = ["--no-grammalecte", str(article)]
    print(f"start-up, one article, all checks, cache cold:     {run_qa(full, tmp / 'c1')[0]:.2f} s wall")
    print(f"start-up, one article, all checks, cache warm:     {run_qa(full, tmp / 'c1')[0]:.2f} s wall")


MODES = {"none": "no disk cache", "cold": "cache cold", "warm": "cache warm"}


def throughput(tmp: Path, docs: list[str], modes: list[str]) -> None:
    folder = tmp / "corpus"
    folder.mkdir()
    for i, text in enumerate(docs):
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
    n_words = sum(len(d.split()) for d in docs)
    unique = len({p for d in docs for p in d.split("\n") if p.strip()})
    print(f"corpus: {n_words:,} words, {len(docs)} files, {unique:,} distinct paragraphs")
    args = ["--no-grammalecte", str(folder)]
    for label, cache in ((MODES[m], None if m == "none" else tmp / "cc") for m in modes):
        wall, summary, rss = run_qa(args, cache)
        print(f"  qa lint (all offline checks, Grammalecte off, {label}): {wall:.1f} s = {n_words / wall:,.0f} words/s"
              f"  [{summary}; peak RSS {rss:.0f} MB]")


def time_checks(docs: list[str], words: int, grammalecte: bool) -> dict[str, float | int]:
    """Seconds per check and for spaCy's analysis, in this process (one core), over the first
    ``words`` words of docs, with the context lint_document builds; also the words, paragraphs
    and analysed paragraphs counted. Used by ``breakdown`` here and by throughput.py's profile."""
    os.environ["QA_NO_CACHE"] = "1"
    from qa.api import Config, active_checks, make_context
    from qa.backends import BackendOptions
    from qa.engine.lint import for_checks
    from qa.knowledge.nlp import pipeline
    from qa.model.document import Document

    config = Config() if grammalecte else Config(backends=BackendOptions(grammalecte=False))
    checks = active_checks(config)
    ctx = for_checks(make_context(config, checks), checks)  # spaCy analyses what the checks read
    t = time.perf_counter()
    pipeline()
    out: dict[str, float | int] = {"load": time.perf_counter() - t, "nlp": 0.0, "words": 0, "paragraphs": 0, "analysed": 0}
    times = {c.code: 0.0 for c in checks}
    for i, text in enumerate(docs):
        doc = Document(f"bench#{i}", text)
        t = time.perf_counter()
        analysis = ctx.analysis(doc)
        out["nlp"] += time.perf_counter() - t
        out["paragraphs"] += len(doc.paragraphs)
        out["analysed"] += len(doc.paragraphs) if analysis.paragraphs is None else len(analysis.paragraphs)
        for c in checks:
            t = time.perf_counter()
            list(c.run(doc, ctx))
            times[c.code] += time.perf_counter() - t
        out["words"] += len(text.split())
        if out["words"] >= words:
            break
    return {**out, **{f"check:{code}": t for code, t in times.items()}}


def breakdown(docs: list[str], words: int) -> None:
    """Per-check time, in this process (one core), over the first ``words`` words."""
    r = time_checks(docs, words, grammalecte=False)
    n, t_nlp = r["words"], r["nlp"]
    print(f"one core: loading spaCy's model {r['load']:.1f} s")
    print(f"one core, {n:,} words: spaCy analysis {t_nlp:.1f} s ({n / t_nlp:,.0f} words/s) of {r['analysed']:,} of "
          f"{r['paragraphs']:,} paragraphs (the others hold nothing an analysis-based check looks for); checks after it:")
    times = {k[6:]: t for k, t in r.items() if k.startswith("check:")}
    print("  " + ", ".join(f"{code} {t:.2f}" for code, t in sorted(times.items(), key=lambda x: -x[1]) if t >= 0.01))


def glossary_figures(tmp: Path, size: int, text: str) -> Path:
    gpath = tmp / "big.tsv"
    synthetic_glossary(size, gpath)
    os.environ.pop("QA_NO_CACHE", None)
    os.environ["QA_CACHE_DIR"] = str(tmp / "gcache")
    from qa.knowledge.glossary import make_glossary

    loads = []
    for _ in range(2):
        t = time.perf_counter()
        g = make_glossary([gpath])
        matcher = g.matcher
        loads.append(time.perf_counter() - t)
    mb = len(text.encode("utf-8")) / 1e6
    t = time.perf_counter()
    hits = sum(1 for _ in matcher.finditer(text))
    scan = time.perf_counter() - t
    print(f"glossary of {size:,} entries: parse+compile {loads[0]:.2f} s, from the disk cache {loads[1]:.2f} s; "
          f"scan {mb:.1f} MB in {scan:.2f} s = {mb / scan:.1f} MB/s ({hits} hits)")
    os.environ["QA_NO_CACHE"] = "1"
    return gpath


# Grammalecte by itself, as `grammalecte-cli -f FILE` runs it: one process, one core, each line
# of each file a paragraph, Grammalecte's default options and its spelling pass (suggestions
# off, as the CLI's default), start-up included.
_GC_ALONE = """
import sys
from pathlib import Path
import grammalecte
checker = grammalecte.GrammarChecker("fr")
found = 0
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    for para in path.read_text(encoding="utf-8").split("\\n"):
        if para.strip():
            grammar, spelling = checker.getParagraphErrors(para)
            found += len(list(grammar)) + len(spelling)
print(found)
"""


def _gc_alone(folder: Path) -> tuple[float, int]:
    """Wall time and number of errors of Grammalecte alone (_GC_ALONE) on the files of folder."""
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _GC_ALONE, str(folder)], capture_output=True, text=True, check=True)
    return time.perf_counter() - t, int(done.stdout.split()[-1])


def _gc_engines(texts: list[str], kinds: frozenset[str]) -> tuple[float, float, int, bool]:
    """One core, in this process: Grammalecte's own engine with qa's options (plain) against
    qa's pruned engine, on the same paragraphs, one document each in turn (so that a busy
    machine slows both alike). Their seconds, the findings, and whether the two found
    exactly the same (spans, rules, messages, suggestions)."""
    from qa.backends.grammalecte import Grammalecte
    from qa.model.document import Document

    engines = (Grammalecte(pruned=False), Grammalecte())
    warm = Document("-", "Il viendrons.")
    for engine in engines:
        engine.check(warm.text, warm.paragraphs, kinds)  # rules loaded, graphs pruned
    seconds, same, found = [0.0, 0.0], True, 0
    for i, text in enumerate(texts):
        doc = Document(f"gc#{i}", text)
        out = []
        for k, engine in enumerate(engines):
            t = time.perf_counter()
            out.append(engine.check(doc.text, doc.paragraphs, kinds))
            seconds[k] += time.perf_counter() - t
        same = same and out[0] == out[1]
        found += len(out[1])
    return seconds[0], seconds[1], found, same


def grammalecte_side_by_side(tmp: Path, docs: list[str], words: int) -> None:
    """Grammalecte alone against qa with Grammalecte on, on the same files, in one run."""
    try:
        import grammalecte  # noqa: F401
    except ImportError:
        print("Grammalecte: not installed, skipped")
        return
    from qa.backends import GC_DEFAULT, BackendOptions

    chosen, n = [], 0
    for d in docs:
        chosen.append(d)
        n += len(d.split())
        if n >= words:
            break
    folder = tmp / "gc"
    folder.mkdir()
    for i, text in enumerate(chosen):
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
    paragraphs = sum(1 for t in chosen for p in t.split("\n") if p.strip())
    print(f"Grammalecte side by side: {n:,} words, {len(chosen)} files, {paragraphs:,} paragraphs")
    alone, errors = _gc_alone(folder)
    print(f"  Grammalecte alone, its default analysis (as grammalecte-cli -f: default options and spelling, "
          f"one core, start-up included): {alone:.1f} s = {n / alone:,.0f} words/s  [{errors:,} errors]")
    os.environ["QA_NO_CACHE"] = "1"
    for label, kinds in (("qa's default types (" + " ".join(sorted(GC_DEFAULT)) + ")", GC_DEFAULT),
                         ("--grammalecte's types and spelling", BackendOptions(grammalecte=True).gc_kinds())):
        plain, pruned, found, same = _gc_engines(chosen, kinds)
        print(f"  Grammalecte alone with {label}, one core: {plain:.1f} s = {n / plain:,.0f} words/s; "
              f"qa's pruned engine: {pruned:.1f} s = {n / pruned:,.0f} words/s ({plain / pruned:.2f}×); "
              f"findings {'identical' if same else 'DIFFERENT'} ({found:,})")
    runs = [
        ("qa lint --select GC00 (Grammalecte's findings only, default types)", ["--select", "GC00"], ("none",)),
        ("qa lint --select GC00 --grammalecte", ["--select", "GC00", "--grammalecte"], ("none",)),
        ("qa lint (all checks, Grammalecte's default types)", [], ("none", "warm")),
        ("qa lint --grammalecte (all checks)", ["--grammalecte"], ("none", "cold", "warm")),
    ]
    for k, (label, args, modes) in enumerate(runs):
        cache = tmp / f"gcc{k}"
        for mode in modes:
            if mode == "warm" and not cache.exists():
                run_qa([*args, str(folder)], cache)  # fills the cache
            wall, _, _ = run_qa([*args, str(folder)], None if mode == "none" else cache)
            print(f"  {label}, {MODES[mode]}: {wall:.1f} s = {n / wall:,.0f} words/s = "
                  f"{alone / wall:.2f}× Grammalecte alone's speed")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--glossary-size", type=int, default=100_000)
    parser.add_argument("--gc-words", type=int, default=20_000)
    parser.add_argument("--breakdown-words", type=int, default=20_000)
    parser.add_argument("--skip-gc", action="store_true")
    parser.add_argument("--modes", default="none,cold,warm", help="cache modes to time, in order: none,cold,warm")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        startup(tmp)
        docs = corpus(args.words)
        gpath = glossary_figures(tmp, args.glossary_size, "".join(docs))
        modes = args.modes.split(",")
        throughput(tmp, docs, modes)
        for label, cache in ((MODES[m], None if m == "none" else tmp / "cc") for m in modes if m != "cold"):
            wall, _, rss = run_qa(["--no-grammalecte", "--glossary", str(gpath), str(tmp / "corpus")], cache)
            print(f"  with the {args.glossary_size:,}-entry glossary too ({label}): {wall:.1f} s; peak RSS {rss:.0f} MB")
        breakdown(docs, args.breakdown_words)
        if not args.skip_gc:
            grammalecte_side_by_side(tmp, docs, args.gc_words)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this script (spaCy and the glossary in one process): {own:.0f} MB")


if __name__ == "__main__":
    main()
