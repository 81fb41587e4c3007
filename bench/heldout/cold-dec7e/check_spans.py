"""Check every gold span against its text and the source alignment; print counts per document."""
import collections
import glob
import json
import os

os.chdir(os.path.dirname(os.path.abspath(__file__)))
tot, n, req = collections.Counter(), 0, 0
for g in sorted(glob.glob("*.gold.jsonl")):
    stem = g[: -len(".gold.jsonl")]
    t = open(stem + ".txt", encoding="utf-8").read()
    rows = [json.loads(l) for l in open(g, encoding="utf-8")]
    for r in rows:
        assert t[r["start"]:r["end"]] == r["text"], (g, r)
        assert r["text"] and r["note"] and r["category"], (g, r)
    assert "[[" not in t and "]]" not in t and "|" not in t, g
    ends = [r["start"] for r in rows[1:]]
    assert all(a["end"] <= b["start"] for a, b in zip(rows, rows[1:])), ("overlap", g)
    for src in glob.glob(stem + ".src.*"):
        assert len(open(src, encoding="utf-8").read().splitlines()) == len(t.splitlines()), ("align", src)
    for r in rows:
        tot[r["category"]] += 1
    n += len(rows); req += sum(not r["optional"] for r in rows)
    print(f"{stem:28} words={len(t.split()):4} gold={len(rows):3} required={sum(not r['optional'] for r in rows):3}")
print(n, req, sorted(tot.items(), key=lambda kv: -kv[1]))
