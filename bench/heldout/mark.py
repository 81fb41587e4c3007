"""Build eval files from an annotated draft: NAME.marked → NAME.txt, NAME.gold.jsonl, NAME.ref.txt.

Usage: python bench/heldout/mark.py FOLDER

A draft is the MT text with each artifact written in place as
``[[wrong|fix|category]]`` (an optional fourth field ``optional`` marks an optional line;
alternatives to the fix are separated by ``/``, the first being the primary fix). Where the
wrong text holds brackets or bars (« [FIN] », « <|im_end|> »), write ``⟦wrong¦fix¦category⟧``.
Offsets are computed here, in code points of the text as written, so a gold line always
holds exactly the span it names (../shared/eval/FORMAT.md).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

MARK = re.compile(
    r"\[\[([^|\]]*)\|([^|\]]*)\|([a-z-]+)(?:\|(optional))?\]\]"
    r"|⟦([^¦⟧]*)¦([^¦⟧]*)¦([a-z-]+)(?:¦(optional))?⟧"
)


def build(draft: str) -> tuple[str, str, list[dict]]:
    text, ref, gold, pos = [], [], [], 0
    out_len = 0
    for m in MARK.finditer(draft):
        before = draft[pos : m.start()]
        text.append(before)
        ref.append(before)
        out_len += len(before)
        g = m.groups()[4:] if m.group(1) is None else m.groups()[:4]
        wrong, fixes, category, optional = g[0], g[1].split("/"), g[2], bool(g[3])
        gold.append({"start": out_len, "end": out_len + len(wrong), "text": wrong, "category": category,
                     "fix": fixes[0], "accept": fixes[1:], "optional": optional})
        text.append(wrong)
        ref.append(wrong if optional else fixes[0])
        out_len += len(wrong)
        pos = m.end()
    text.append(draft[pos:])
    ref.append(draft[pos:])
    return "".join(text), "".join(ref), gold


def main() -> None:
    folder = Path(sys.argv[1])
    for draft in sorted(folder.glob("*.marked")):
        text, ref, gold = build(draft.read_text(encoding="utf-8"))
        for g in gold:
            assert text[g["start"] : g["end"]] == g["text"], (draft, g)
        stem = draft.with_suffix("")
        stem.with_suffix(".txt").write_text(text, encoding="utf-8")
        stem.with_suffix(".ref.txt").write_text(ref, encoding="utf-8")
        stem.with_suffix(".gold.jsonl").write_text(
            "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")


if __name__ == "__main__":
    main()
