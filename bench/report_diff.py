"""Record qa's JSON reports on every shared corpus, and diff two recordings.

A refactoring must not change what qa reports. Record before, record after, compare:

    python bench/report_diff.py record OUT_BEFORE
    ... change the code ...
    python bench/report_diff.py record OUT_AFTER
    python bench/report_diff.py compare OUT_BEFORE OUT_AFTER

`record` runs the real command line (`python -m qa lint --format json --no-cache`) once per
corpus, so the whole path (discovery, readers, engine, reporter) is covered. The corpora are
read in place from ../shared; the plain-text ones (one sentence or line per paragraph) are
written to a temporary folder first, in documents of 20 paragraphs as an article would be.
`compare` prints the first differing findings per corpus and exits 1 when any report differs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import CORPORA, SHARED, as_documents, ud_sentences, wmt_outputs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _write_docs(folder: Path, stem: str, lines: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, doc in enumerate(as_documents(lines)):
        (folder / f"{stem}-{i:03d}.txt").write_text(doc, encoding="utf-8")


def _jobs(tmp: Path) -> dict[str, list[list[str]]]:
    """Corpus name -> the `qa lint` argument lists that cover it."""
    wmt = tmp / "wmt21"
    for system, lines in wmt_outputs().items():
        _write_docs(wmt / system, system, lines)
    ref = (CORPORA / "wmt21-news-defr" / "newstest2021.de-fr.ref.A.fr").read_text(encoding="utf-8")
    _write_docs(tmp / "wmt21-ref", "ref", ref.splitlines())
    _write_docs(tmp / "ud", "ud", ud_sentences())
    dev = SHARED / "eval" / "dev"
    real = SHARED / "eval" / "real-wmt21"
    real_runs = []
    for text in sorted(real.glob("*.txt")):
        sources = sorted(real.glob(f"{text.stem}.src.*"))
        extra = ["--source", str(sources[0]), "--source-lang", sources[0].suffix[1:]] if sources else []
        real_runs.append([str(text), *extra])
    return {
        "dev": [sorted(str(p) for p in dev.glob("*.txt"))],
        "real-wmt21": real_runs,
        "wmt21-outputs": [[str(wmt)]],
        "wmt21-reference": [[str(tmp / "wmt21-ref")]],
        "ud-french-gsd": [[str(tmp / "ud")]],
        "python-docs-po": [[str(CORPORA / "python-docs-fr-po")]],
        "xliff": [[str(CORPORA / "symfony-validator-xliff" / "validators.fr.xlf")]],
        "tmx": [sorted(str(p) for p in (CORPORA / "dgt-tm-tmx").glob("*.tmx"))],
    }


def _normalise(report: dict, tmp: Path) -> dict:
    """Paths relative to the temporary folder or ../shared, so two recordings compare."""
    for entry in report.get("files", []):
        path = entry.get("path", "")
        for base in (str(tmp), str(SHARED)):
            if path.startswith(base):
                entry["path"] = path[len(base) :].lstrip("/")
    return report


def record(out: Path, extra: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QA_NO_PROGRESS="1", PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for corpus, runs in _jobs(tmp).items():
            started = time.perf_counter()
            reports = []
            for args in runs:
                cmd = [sys.executable, "-m", "qa", "lint", "--format", "json", "--no-cache", "--fail-on", "never"]
                proc = subprocess.run(cmd + extra + args, capture_output=True, text=True, env=env, cwd=ROOT)
                if proc.returncode not in (0, 1):
                    sys.exit(f"{corpus}: qa lint exited {proc.returncode}: {proc.stderr.strip()[-400:]}")
                reports.append(_normalise(json.loads(proc.stdout), tmp))
            (out / f"{corpus}.json").write_text(json.dumps(reports, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            count = sum(len(f["findings"]) for r in reports for f in r["files"])
            print(f"{corpus:18} {count:6} findings  {time.perf_counter() - started:6.1f} s")


def _flat(path: Path) -> list[str]:
    reports = json.loads(path.read_text(encoding="utf-8"))
    return [
        json.dumps({"path": f["path"], **finding}, ensure_ascii=False, sort_keys=True)
        for r in reports
        for f in r["files"]
        for finding in f["findings"]
    ]


def compare(before: Path, after: Path) -> int:
    differ = 0
    for old in sorted(before.glob("*.json")):
        new = after / old.name
        if not new.exists():
            print(f"{old.stem}: missing in {after}")
            differ += 1
            continue
        a, b = _flat(old), _flat(new)
        if a == b:
            print(f"{old.stem:18} identical ({len(a)} findings)")
            continue
        differ += 1
        gone, added = [x for x in a if x not in set(b)], [x for x in b if x not in set(a)]
        print(f"{old.stem:18} DIFFERS: {len(gone)} gone, {len(added)} new, order changed: {not gone and not added}")
        for line in gone[:5]:
            print("  -", line[:300])
        for line in added[:5]:
            print("  +", line[:300])
    return 1 if differ else 0


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "record":
        record(Path(sys.argv[2]), sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit("usage: report_diff.py record OUT [qa lint options] | compare BEFORE AFTER")


if __name__ == "__main__":
    main()
