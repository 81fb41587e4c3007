"""Batches written as drafts (cold-dec7d, cold-dec7e): build the gold from the drafts, and
check the spans.

A draft marks each error as [[wrong|fix|category|note]]; a category ending in "?" marks an
optional line. `build` turns NAME.draft into NAME.marked, runs mark.py on the folder and adds
the notes to the gold lines (mark.py alone drops them). `check` checks every gold span
against its text and the source alignment and prints counts per document.

Usage (from the repository root): python3 bench/heldout/drafts.py build|check FOLDER
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys
from pathlib import Path

DRAFT = re.compile(r"\[\[([^|\]]*)\|([^|\]]*)\|([a-z-]+)(\??)\|([^|\]]*)\]\]")


def build(folder: Path) -> None:
    for draft in sorted(folder.glob("*.draft")):
        src = draft.read_text(encoding="utf-8")
        notes = []

        def repl(m):
            notes.append(m.group(5).strip())
            opt = "|optional" if m.group(4) else ""
            return f"[[{m.group(1)}|{m.group(2)}|{m.group(3)}{opt}]]"

        marked = DRAFT.sub(repl, src)
        assert "[[" not in DRAFT.sub("", src), f"malformed mark in {draft.name}"
        draft.with_suffix(".marked").write_text(marked, encoding="utf-8")
        draft.with_suffix(".notes").write_text(json.dumps(notes, ensure_ascii=False), encoding="utf-8")

    subprocess.run([sys.executable, str(folder.parent / "mark.py"), str(folder)], check=True)

    for notes_file in sorted(folder.glob("*.notes")):
        notes = json.loads(notes_file.read_text(encoding="utf-8"))
        gold_file = notes_file.with_suffix(".gold.jsonl")
        rows = [json.loads(l) for l in gold_file.read_text(encoding="utf-8").splitlines() if l.strip()]
        assert len(rows) == len(notes), notes_file
        for row, note in zip(rows, notes):
            row["note"] = note
        gold_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        notes_file.unlink()


def check(folder: Path) -> None:
    os.chdir(folder)
    tot, n, req = collections.Counter(), 0, 0
    for g in sorted(glob.glob("*.gold.jsonl")):
        stem = g[: -len(".gold.jsonl")]
        t = open(stem + ".txt", encoding="utf-8").read()
        rows = [json.loads(l) for l in open(g, encoding="utf-8")]
        for r in rows:
            assert t[r["start"]:r["end"]] == r["text"], (g, r)
            assert r["text"] and r["note"] and r["category"], (g, r)
        assert "[[" not in t and "]]" not in t and "|" not in t, g
        assert all(a["end"] <= b["start"] for a, b in zip(rows, rows[1:])), ("overlap", g)
        for src in glob.glob(stem + ".src.*"):
            assert len(open(src, encoding="utf-8").read().splitlines()) == len(t.splitlines()), ("align", src)
        for r in rows:
            tot[r["category"]] += 1
        n += len(rows); req += sum(not r["optional"] for r in rows)
        print(f"{stem:28} words={len(t.split()):4} gold={len(rows):3} required={sum(not r['optional'] for r in rows):3}")
    print(n, req, sorted(tot.items(), key=lambda kv: -kv[1]))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("build", "check"):
        sys.exit("usage: python3 bench/heldout/drafts.py build|check FOLDER")
    (build if sys.argv[1] == "build" else check)(Path(sys.argv[2]).resolve())
