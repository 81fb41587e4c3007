"""Time and peak memory of `qa lint` on hostile inputs (issue #19: items 1, 12, 14).

Usage: python bench/hostile.py [--scale F] [--only NAME ...]
Each case is written to a temporary folder and linted by the CLI in a fresh process with a
fresh cache folder (so times are cold: spaCy loading included, about 5-10 s here), stdout
piped. Prints one line per case: size, seconds, peak RSS, exit code, and the progress lines
stderr received. --scale shrinks or grows every case (1.0: the sizes of the issue).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = {
    # name: (file name, text of scale s)
    "long word 100k": ("w.txt", lambda s: "Le " + "a" * int(100_000 * s) + " a dit.\n"),
    "long word 30k": ("w30.txt", lambda s: "Le " + "a" * int(30_000 * s) + " a dit.\n"),
    "run of marks 100k": ("p.txt", lambda s: "Il a dit " + "?!…»)" * int(20_000 * s) + " Elle part.\n"),
    "md nested 300 KB": ("n.md", lambda s: ("> " * 40 + "[ " * 40 + "- " * 40 + "a\n") * int(1240 * s)),
    "md '*a '*50000": ("s.md", lambda s: "*a " * int(50_000 * s) + "\n"),
    "md '[a](' 300 KB": ("l.md", lambda s: "[a](" * int(75_000 * s) + "\n"),
    "short lines 20k": ("lines.txt", lambda s: "".join(f"Le chat {i} dort près de la porte.\n" for i in range(int(20_000 * s)))),
    "one line 2 MB": ("line.txt", lambda s: "Le ministre a dit que la réunion aura lieu demain. " * int(40_000 * s) + "\n"),
}


def run(path: Path, cache: str) -> tuple[float, int, int, str]:
    """(seconds, peak RSS in MB, exit code, last progress line on stderr) of one `qa lint`."""
    env = dict(os.environ, QA_CACHE_DIR=cache)
    err_path = Path(cache) / "stderr"
    with open(os.devnull, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "qa", "lint", str(path)], stdout=out, stderr=err, env=env,
                                cwd=Path(__file__).resolve().parent.parent)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    lines = [ln for ln in err_path.read_text("utf-8", "replace").splitlines() if "words/s" in ln]
    return seconds, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status), lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, (file, make) in CASES.items():
            if args.only and not any(o in name for o in args.only):
                continue
            path = Path(tmp) / file
            text = make(args.scale)
            path.write_text(text, encoding="utf-8")
            seconds, rss, code, last = run(path, tempfile.mkdtemp(dir=tmp))
            print(f"{name:20} {len(text):>10,} chars {seconds:7.1f} s  peak RSS {rss:5} MB  exit {code}  {last}", flush=True)


if __name__ == "__main__":
    main()
