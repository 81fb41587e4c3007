"""Turn NAME.draft (marks with notes) into NAME.marked, then run ../mark.py and add the notes.

Draft mark: [[wrong|fix|category|note]]; a category ending in "?" marks an optional line.
Usage (from the repository root): python3 bench/heldout/cold-dec7e/build.py
"""
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DRAFT = re.compile(r"\[\[([^|\]]*)\|([^|\]]*)\|([a-z-]+)(\??)\|([^|\]]*)\]\]")

for draft in sorted(HERE.glob("*.draft")):
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

subprocess.run([sys.executable, str(HERE.parent / "mark.py"), str(HERE)], check=True)

for notes_file in sorted(HERE.glob("*.notes")):
    notes = json.loads(notes_file.read_text(encoding="utf-8"))
    gold_file = notes_file.with_suffix(".gold.jsonl")
    rows = [json.loads(l) for l in gold_file.read_text(encoding="utf-8").splitlines() if l.strip()]
    assert len(rows) == len(notes), notes_file
    for row, note in zip(rows, notes):
        row["note"] = note
    gold_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    notes_file.unlink()
