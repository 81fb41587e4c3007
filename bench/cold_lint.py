"""`qa lint` on one article in a fresh process, cold cache, no server (issue #15: ≤ 2.5 s).

Each run is a new `python -m qa lint ARTICLE --format json` with an empty $QA_CACHE_DIR, so
no paragraph's analysis or findings come from disk. The tables qa compiles from installed
packages (the word table, the compact lemma tables: like __pycache__, they depend on no
text) are built once beforehand in the default cache folder, which a run reads when
$QA_CACHE_DIR is elsewhere; that build is timed apart. Python's bytecode is written then
too (into a folder of its own, $PYTHONPYCACHEPREFIX), as an installed qa has it, even where
the environment says PYTHONDONTWRITEBYTECODE: compiling qa's sources again in every run
cost some 0.25 s that no user pays. Wall and CPU time (user + system, the fairer figure on
a busy machine), median of --runs. A run whose output is not a JSON report stops the bench.

--profile FILE writes one more run's cProfile statistics, in CPU time, and prints the top.

Usage: python bench/cold_lint.py [ARTICLE.txt] [--runs 3] [--profile FILE]
(default article: the dev articles joined until 1,500 words)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"


def article(words: int = 1500) -> str:
    """Paragraphs of the dev articles (MT output, not the references), up to ``words``."""
    out: list[str] = []
    count = 0
    for path in sorted(p for p in DEV.glob("*.txt") if not p.name.endswith(".ref.txt")):
        for para in path.read_text(encoding="utf-8").splitlines():
            if count >= words:
                return "\n".join(out) + "\n"
            out.append(para)
            count += len(para.split())
    return "\n".join(out) + "\n"


# cProfile counting CPU time, not wall time: on a shared machine the wall clock also counts
# the other processes' turns.
PROFILED = """
import cProfile, runpy, sys, time
out, sys.argv = sys.argv[1], ["qa", *sys.argv[2:]]
profile = cProfile.Profile(time.process_time)
profile.enable()
try:
    runpy.run_module("qa", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
profile.disable()
profile.dump_stats(out)
"""


def run(path: Path, env: dict[str, str], profile: Path | None = None, cold: bool = True) -> tuple[float, float]:
    """One lint in a new process (cold: with a new, empty $QA_CACHE_DIR): wall and CPU seconds."""
    with tempfile.TemporaryDirectory(prefix="qa-cold-") as empty:
        env = {**env, "QA_CACHE_DIR": empty if cold else ""}
        cmd = [sys.executable] + (["-c", PROFILED, str(profile)] if profile else ["-m", "qa"])
        cmd += ["lint", str(path), "--format", "json"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        report = json.loads(done.stdout) if not profile else {"files": []}
    except ValueError:
        report = None
    if done.returncode not in (0, 1) or report is None or "files" not in report:
        raise SystemExit(f"qa lint failed ({done.returncode}): {done.stderr.strip()[-800:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("article", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="qa-cold-bench-") as tmp:
        path = args.article or Path(tmp) / "article.txt"
        if args.article is None:
            path.write_text(article(), encoding="utf-8")
        words = len(path.read_text(encoding="utf-8").split())
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "xdg"), "PYTHONPATH": str(ROOT),
               "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")}
        env.pop("QA_NO_CACHE", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        # The compiled tables, built into the default folder ($XDG_CACHE_HOME/qa).
        build, _ = run(path, env, cold=False)
        runs = [run(path, env) for _ in range(args.runs)]
        print(f"{words} words; tables built once in {build:.2f} s")
        for label, times in (("wall", [w for w, _ in runs]), ("CPU", [c for _, c in runs])):
            print(f"cold-cache lint, {label}: median {statistics.median(times):.2f} s over {args.runs} "
                  f"({', '.join(f'{t:.2f}' for t in times)}); target ≤ 2.5 s wall")
        if args.profile:
            run(path, env, args.profile)
            import pstats

            pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
