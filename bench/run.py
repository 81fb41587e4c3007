"""Speed and memory of qa: words/s per check, start-up time, peak RSS.

Usage: python bench/run.py [--words N] [--glossary-size N]
Corpus: the WMT21 German→French system outputs and UD French GSD, repeated up to N words.
"""

from __future__ import annotations

import argparse
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

from corpora import as_documents, ud_sentences, wmt_outputs  # noqa: E402

from qa.api import Config, active_checks, make_context  # noqa: E402
from qa.document import Document  # noqa: E402


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


def startup(args: list[str], text: str) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write(text)
    qa = str(Path(sys.executable).parent / "qa")
    t0 = time.perf_counter()
    subprocess.run([qa, "lint", *args, fh.name, "--fail-on", "never"], capture_output=True, check=False)
    return time.perf_counter() - t0


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--glossary-size", type=int, default=100_000)
    args = parser.parse_args()

    article = (HERE.parent / "texts" / "nrc-missiles-coree.txt").read_text(encoding="utf-8")
    print(f"start-up, one article, lexical checks only: {startup(['--ignore', 'PA,PC03,MC02'], article):.2f} s wall")
    print(f"start-up, one article, all checks:          {startup([], article):.2f} s wall")

    docs = corpus(args.words)
    n_words = sum(len(d.split()) for d in docs)
    config = Config()
    ctx = make_context(config)
    checks = active_checks(config)
    times = {c.code: 0.0 for c in checks}
    t_nlp = 0.0
    t0 = time.perf_counter()
    for i, text in enumerate(docs):
        doc = Document(f"bench#{i}", text)
        if any(c.needs_nlp for c in checks):
            t = time.perf_counter()
            ctx.analysis(doc)
            t_nlp += time.perf_counter() - t
        for c in checks:
            t = time.perf_counter()
            list(c.run(doc, ctx))
            times[c.code] += time.perf_counter() - t
    total = time.perf_counter() - t0
    print(f"corpus: {n_words:,} words in {len(docs)} documents: {total:.1f} s = {n_words / total:,.0f} words/s")
    print(f"  spaCy analysis: {t_nlp:.1f} s ({n_words / max(t_nlp, 1e-9):,.0f} words/s)")
    for code, t in sorted(times.items(), key=lambda x: -x[1]):
        print(f"  {code}: {t:.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        gpath = Path(tmp) / "big.tsv"
        synthetic_glossary(args.glossary_size, gpath)
        from qa.glossary import load_glossary, Glossary

        t = time.perf_counter()
        g = Glossary()
        g.extend(load_glossary(gpath))
        matcher = g.matcher
        load = time.perf_counter() - t
        blob = "".join(docs)
        t = time.perf_counter()
        hits = sum(1 for _ in matcher.finditer(blob))
        scan = time.perf_counter() - t
        mb = len(blob.encode("utf-8")) / 1e6
        print(f"glossary of {args.glossary_size:,} entries: load+compile {load:.2f} s; scan {mb:.1f} MB in {scan:.2f} s = {mb / scan:.1f} MB/s ({hits} hits)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
