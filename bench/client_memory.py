"""Peak memory of the client of a Dask run (issue #17): the process that runs `qa lint`,
not its workers. A client that keeps every Result grows with the archive; one whose
workers write the Parquet parts should not.

Usage: python bench/client_memory.py [--files N ...]

Starts a LocalCluster of 2 workers in this process, then runs `qa lint --dask ADDRESS
--no-cache --no-grammalecte` in a subprocess for each file count, twice: with `-f json`
(the client gathers the Results: every reporter but the Parquet dataset) and with
`-f parquet -o DIR` (the workers write the parts). The client's RSS is sampled every 50 ms
(psutil, which dask.distributed requires). The files are articles of 10 UD French-GSD
sentences, cycled (the cache is off, so repeats cost the workers what new text would).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from distributed import LocalCluster

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpora import as_documents, ud_sentences  # noqa: E402


def peak_rss(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit code of `python -m qa lint args`."""
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "qa", "lint", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watch = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, watch.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        print(err, file=sys.stderr)
    return time.monotonic() - start, peak / 1e6, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, nargs="+", default=[500, 4000])
    args = parser.parse_args()
    docs = as_documents(ud_sentences(), 10)
    with tempfile.TemporaryDirectory(prefix="qa-client-mem-") as name, LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        tmp = Path(name)
        print(f"load average {psutil.getloadavg()[0]:.1f}; {len(docs)} distinct articles", flush=True)
        for n in args.files:
            folder = tmp / f"n{n}"
            folder.mkdir()
            for i in range(n):
                (folder / f"a{i:06d}.txt").write_text(docs[i % len(docs)], encoding="utf-8")
            mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            base = ["--dask", cluster.scheduler_address, "--no-cache", "--no-grammalecte", str(folder)]
            for label, extra in (("json (Results on the client)", ["-f", "json"]),
                                 ("parquet dataset (parts on the workers)", ["-f", "parquet", "-o", str(tmp / f"out{n}")])):
                wall, rss, code = peak_rss([*extra, *base])
                print(f"  {n} files ({mb:.1f} MB), {label}: client peak RSS {rss:.0f} MB, {wall:.0f} s, exit {code}", flush=True)
        print(f"load average after {psutil.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
