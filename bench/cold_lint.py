"""`qa lint` on one article in a fresh process, cold cache, no server (issue #15: ≤ 2.5 s).

Each run is a new `python -m qa lint ARTICLE --format json` with an empty $QA_CACHE_DIR, so
no paragraph's analysis or findings come from disk. The tables qa compiles from installed
packages (the word table, the compact lemma tables: like __pycache__, they depend on no
text) are built once beforehand in the default cache folder, which a run reads when
$QA_CACHE_DIR is elsewhere; that build is timed apart. Python's bytecode is written then
too (into a folder of its own, $PYTHONPYCACHEPREFIX), as an installed qa has it, even where
the environment says PYTHONDONTWRITEBYTECODE: compiling qa's sources again in every run
cost some 0.25 s that no user pays. Wall and CPU time (user + system, the fairer figure on
a busy machine), median of --runs; and the CPU time of qa's own process alone, without the
second process qa.engine.foresee may start (the critical path when there are two cores).
--one-process lints with --jobs 1, as before that second process. A run whose output is not a JSON report stops the bench.

--profile FILE writes one more run's cProfile statistics, in CPU time, and prints the top.

Usage: python bench/cold_lint.py [ARTICLE.txt] [--runs 3] [--profile FILE] [--one-process]
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
import cProfile, os, runpy, sys, time
out, sys.argv = sys.argv[1], ["qa", *sys.argv[2:]]
pid, quit_now = os.getpid(), os._exit

def dump():
    if os.getpid() == pid:
        profile.disable()
        profile.dump_stats(out)

def dump_then_quit(code):
    dump()
    quit_now(code)

os._exit = dump_then_quit  # qa.cli.main quits so after a lint; qa's second process too
profile = cProfile.Profile(time.process_time)
profile.enable()
try:
    runpy.run_module("qa", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
dump()
"""


# `python -m qa` that also writes the CPU time of its own process (not of the processes it
# started: qa.engine.foresee's second one) to the file given: the critical path on 2 cores.
# qa may end with os._exit (qa.cli.main), which a second process (forked) calls too.
OWN_CPU = """
import atexit, os, resource, runpy, sys
out, sys.argv = sys.argv[1], ["qa", *sys.argv[2:]]
pid, quit_now = os.getpid(), os._exit

def own():
    if os.getpid() == pid:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        with open(out, "w") as f:
            f.write(str(usage.ru_utime + usage.ru_stime))

def own_then_quit(code):
    own()
    quit_now(code)

atexit.register(own)
os._exit = own_then_quit
runpy.run_module("qa", run_name="__main__", alter_sys=True)
"""


def run(path: Path, env: dict[str, str], profile: Path | None = None, cold: bool = True,
        extra: tuple[str, ...] = ()) -> tuple[float, float, float]:
    """One lint in a new process (cold: with a new, empty $QA_CACHE_DIR): wall seconds, CPU
    seconds of it and the processes it started, CPU seconds of its own process alone."""
    with tempfile.TemporaryDirectory(prefix="qa-cold-") as empty:
        env = {**env, "QA_CACHE_DIR": empty if cold else ""}
        own = Path(empty) / "own-cpu"
        cmd = [sys.executable] + (["-c", PROFILED, str(profile)] if profile else ["-c", OWN_CPU, str(own)])
        cmd += ["lint", str(path), "--format", "json", *extra]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        own_cpu = float(own.read_text()) if own.exists() else 0.0
    try:
        report = json.loads(done.stdout) if not profile else {"files": []}
    except ValueError:
        report = None
    if done.returncode not in (0, 1) or report is None or "files" not in report:
        raise SystemExit(f"qa lint failed ({done.returncode}): {done.stderr.strip()[-800:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), own_cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("article", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--one-process", action="store_true", help="lint with --jobs 1: no second process")
    args = parser.parse_args()
    extra = ("--jobs", "1") if args.one_process else ()
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
        build = run(path, env, cold=False, extra=extra)[0]
        runs = [run(path, env, extra=extra) for _ in range(args.runs)]
        print(f"{words} words; tables built once in {build:.2f} s; load average {os.getloadavg()[0]:.1f}")
        for label, times in (("wall", [r[0] for r in runs]), ("CPU", [r[1] for r in runs]),
                             ("CPU of qa's own process", [r[2] for r in runs])):
            print(f"cold-cache lint, {label}: median {statistics.median(times):.2f} s over {args.runs} "
                  f"({', '.join(f'{t:.2f}' for t in times)}); target ≤ 2.5 s wall")
        if args.profile:
            run(path, env, args.profile)
            import pstats

            pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
