"""The CPU time of one-paragraph edits in the server's engine, in process (issue #15).

The same 50 edits as bench/server.py (a sentence added to a paragraph, in turn), each
linted by qa.server.state.Engine with qa's own checks (the diagnostics the server
publishes first), timed as CPU time of this process (user + system), which a machine
shared with other jobs inflates far less than wall time. Prints p50 and p95, and the
median of the two phases (the paragraph checks, the whole-document checks).

To compare two trees, run this file with PYTHONPATH set to each in turn, several times,
alternating: python bench/server_edit_cpu.py [--rounds N] [ARTICLE.txt ...]
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from server import edited, warm_engine  # bench/server.py, next to this file


def cpu() -> float:
    return time.process_time()  # user + system, finer than os.times()'s clock ticks


def main(rounds: int = 50) -> None:
    engine, lines, paras = warm_engine()
    times, local, whole = [], [], []
    for k in range(rounds):
        lines = edited(lines, paras, k)
        t0 = cpu()
        engine.lint("article.txt", "\n".join(lines), False)
        times.append(cpu() - t0)
        local.append(engine.linter.seconds[0])
        whole.append(engine.linter.seconds[1])
    times.sort()
    ms = lambda x: round(x * 1000)  # noqa: E731
    words = sum(len(line.split()) for line in lines)
    print(f"{words} words, {rounds} one-paragraph edits, CPU time per edit: "
          f"p50 {ms(statistics.median(times))} ms, p95 {ms(times[int(0.95 * len(times)) - 1])} ms; "
          f"wall, median: paragraph checks {ms(statistics.median(local))} ms, "
          f"whole-document checks {ms(statistics.median(whole))} ms; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    n = 50
    if "--rounds" in sys.argv:
        i = sys.argv.index("--rounds")
        n = int(sys.argv[i + 1])
        del sys.argv[i : i + 2]
    main(n)
