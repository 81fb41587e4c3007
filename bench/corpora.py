"""Readers for the shared corpora used by the benchmarks (read in place, never copied)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPORA = SHARED / "corpora"


def ud_sentences(limit: int | None = None) -> list[str]:
    """Sentences of UD French GSD (clean, human-written French)."""
    out: list[str] = []
    for name in ("fr_gsd-ud-dev.conllu", "fr_gsd-ud-test.conllu"):
        path = CORPORA / "ud-french-gsd" / name
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                out.append(line[len("# text = ") :])
                if limit and len(out) >= limit:
                    return out
    return out


def _po_strings(text: str) -> Iterator[str]:
    for block in re.finditer(r'^msgstr ((?:".*"\n?)+)', text, re.M):
        parts = re.findall(r'"(.*)"', block.group(1))
        s = "".join(parts).replace('\\"', '"').replace("\\n", "\n")
        if s.strip():
            yield s


def po_paragraphs() -> list[str]:
    """Translated strings of the French Python documentation (human translation)."""
    out: list[str] = []
    for path in sorted((CORPORA / "python-docs-fr-po").rglob("*.po")):
        out.extend(p for s in _po_strings(path.read_text(encoding="utf-8")) for p in s.split("\n") if p.strip())
    return out


def wmt_outputs() -> dict[str, list[str]]:
    """German→French WMT21 system outputs, one list of lines per system."""
    base = CORPORA / "wmt21-news-defr"
    return {
        p.name.split(".hyp.")[1][:-3]: p.read_text(encoding="utf-8").splitlines()
        for p in sorted(base.glob("newstest2021.de-fr.hyp.*.fr"))
    }


def as_documents(lines: list[str], size: int = 20) -> list[str]:
    """Group lines into documents of ``size`` paragraphs (context for pronoun and consistency checks)."""
    return ["\n\n".join(lines[i : i + size]) + "\n" for i in range(0, len(lines), size)]


Row = tuple[str, str, str, int, str]  # form, lemma, upos, head (0-based, -1 root), deprel


def parse_conllu(text: str) -> list[list[Row]]:
    """The sentences of a CoNLL-U file, each a list of its words' rows; comments, multiword
    token lines (« au » = « à le ») and empty nodes are left out."""
    out: list[list[Row]] = []
    rows: list[Row] = []
    for line in text.splitlines():
        if not line.strip():
            if rows:
                out.append(rows)
            rows = []
            continue
        cols = line.split("\t")
        if line.startswith("#") or not cols[0].isdigit():
            continue
        rows.append((cols[1], cols[2], cols[3], int(cols[6]) - 1, cols[7]))
    if rows:
        out.append(rows)
    return out
