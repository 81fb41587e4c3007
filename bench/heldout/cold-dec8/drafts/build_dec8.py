"""Own builder for cold-dec8 drafts: NAME.draft -> NAME.txt, NAME.ref.txt, NAME.gold.jsonl.
Marker [[wrong|fix|category|note]], category ending '?' = optional. fix alternatives: 'a;;b'."""
import json, re, sys
from pathlib import Path
DRAFT = re.compile(r"\[\[([^|\]]*)\|([^|\]]*)\|([a-z-]+)(\??)\|([^|\]]*)\]\]")
CATS = set("name-translated acronym-source untranslated mistranslation calque transliteration inconsistency pronoun-agreement capitalization missing-word spacing punctuation artifact grammar spelling typography".split())
folder = Path(sys.argv[1]); out = Path(sys.argv[2])
for d in sorted(folder.glob("*.draft")):
    s = d.read_text(encoding="utf-8")
    txt, ref, rows, pos = [], [], [], 0
    off = 0
    for m in DRAFT.finditer(s):
        plain = s[pos:m.start()]
        txt.append(plain); ref.append(plain); off += len(plain)
        wrong, fix, cat, opt, note = m.groups()
        assert cat in CATS, (d.name, cat)
        assert wrong, (d.name, m.group(0))
        fixes = fix.split(";;")
        rows.append({"start": off, "end": off + len(wrong), "text": wrong, "category": cat,
                     "fix": fixes[0], "accept": fixes[1:], "optional": bool(opt), "note": note.strip()})
        txt.append(wrong); ref.append(wrong if opt else fixes[0]); off += len(wrong)
        pos = m.end()
    txt.append(s[pos:]); ref.append(s[pos:])
    t = "".join(txt)
    assert "[[" not in t and "]]" not in t and "|" not in t, d.name
    stem = d.name[:-len(".draft")]
    (out / f"{stem}.txt").write_text(t, encoding="utf-8")
    (out / f"{stem}.ref.txt").write_text("".join(ref), encoding="utf-8")
    (out / f"{stem}.gold.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for r in rows: assert t[r["start"]:r["end"]] == r["text"]
    print(stem, len(rows))
