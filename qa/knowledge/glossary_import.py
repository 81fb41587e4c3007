"""Glossary import (TBX, CSV/TSV) into qa's TOML format, and glossary checking.

An imported term becomes an entry with ``source``, ``lang`` and ``right`` (the French
renderings) and an empty ``wrong``: SA01 then requires one of the renderings wherever the
source has the term. TBX terms marked deprecated or superseded go to ``wrong`` instead,
so GL01 flags them in any French text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qa.knowledge.glossary import Entry
from qa.model.textutil import fold_key


class GlossaryImportError(ValueError):
    """A glossary file that cannot be imported; the message names the file (and line)."""


@dataclass
class Term:
    source: str
    right: list[str]
    wrong: list[str] = field(default_factory=list)
    note: str = ""
    where: str = ""  # file:line, for messages


@dataclass
class Imported:
    terms: list[Term]
    skipped: list[str]  # one message per term that is prose rather than a term
    languages: tuple[str, ...] = ()  # the TBX language sets seen, for a hint when none matched


_DEPRECATED = ("deprecated", "superseded", "obsolete", "forbidden")
_SPLIT = re.compile(r"\s*[;,]\s*|\s+ou\s+|\s*\|\s*")


def split_alternatives(value: str) -> list[str] | None:
    """« relire, vérifier, réviser » → three terms; prose (a definition, quotes,
    parentheses, a line break, or more than eight words a piece) → None."""
    value = " ".join(value.split()) if "\n" not in value else value
    if "\n" in value or re.search(r"[\"“”«»()\[\]:]", value):
        return None
    parts = [p.strip(" .") for p in _SPLIT.split(value) if p.strip(" .")]
    if not parts or any(len(p.split()) > 8 for p in parts):
        return None
    return list(dict.fromkeys(parts))


def _lang_matches(value: str, wanted: str) -> bool:
    return value.lower().replace("_", "-").split("-")[0] == wanted.lower().split("-")[0]


# --- TBX ------------------------------------------------------------------------------

def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _text(el: object) -> str:
    return "".join(el.itertext()).strip()  # type: ignore[attr-defined]


def parse_tbx(path: Path, source_lang: str = "en", target_lang: str = "fr") -> Imported:
    """TBX-Basic / TBX v2 (martif, termEntry, langSet, tig|ntig) and TBX 2019 core
    (tbx, conceptEntry, langSec, termSec), read with entity expansion and network off."""
    from lxml import etree

    from qa.formats import FormatError
    from qa.formats.markup import check_xml

    data = path.read_bytes()
    try:
        check_xml(data, str(path))
    except FormatError as exc:
        raise GlossaryImportError(str(exc)) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    root = etree.fromstring(data, parser)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    terms: list[Term] = []
    skipped: list[str] = []
    languages: set[str] = set()
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        where = f"{path}:{entry.sourceline}"
        notes = [_text(n) for n in entry if _local(n.tag) in ("note", "descrip") and _text(n)]
        sources: list[str] = []
        right: list[str] = []
        wrong: list[str] = []
        for lang_set in entry:
            if _local(lang_set.tag) not in ("langSet", "langSec"):
                continue
            lang = lang_set.get(xml_lang) or lang_set.get("lang") or ""
            languages.add(lang)
            for t in lang_set.iter():
                if _local(t.tag) != "term":
                    continue
                group = t.getparent()
                status = " ".join(
                    (n.text or "") for n in group.iter() if _local(n.tag) == "termNote"
                    and n.get("type") in ("administrativeStatus", "normativeAuthorization")
                ).lower()
                value = _text(t)
                if not value:
                    continue
                if _lang_matches(lang, source_lang):
                    sources.append(value)
                elif _lang_matches(lang, target_lang):
                    (wrong if any(d in status for d in _DEPRECATED) else right).append(value)
            notes += [_text(n) for n in lang_set.iter() if _local(n.tag) == "note" and _text(n)]
        if not sources or not (right or wrong):
            continue
        _add(terms, skipped, sources, right, wrong, "; ".join(dict.fromkeys(notes)), where)
    return Imported(terms, skipped, tuple(sorted(languages - {""})))


def _add(terms: list[Term], skipped: list[str], sources: list[str], right: list[str], wrong: list[str],
         note: str, where: str) -> None:
    alternatives: list[str] = []
    for value in right:
        parts = split_alternatives(value)
        if parts is None:
            skipped.append(f"{where}: « {' '.join(value.split())[:60]} » is prose, not a term; not imported")
            continue
        alternatives += parts
    wrong = [w for w in wrong if split_alternatives(w) is not None]
    if not alternatives and not wrong:
        return
    for source in sources:
        terms.append(Term(" ".join(source.split()), list(dict.fromkeys(alternatives)), wrong, note, where))


# --- CSV / TSV ------------------------------------------------------------------------

_SOURCE_HEADERS = ("sourcestring", "source", "term", "en", "english", "src")
_TARGET_HEADERS = ("targetstring", "target", "translation", "fr", "french", "fr-fr", "tgt")
_NOTE_HEADERS = ("description", "note", "notes", "definition", "comment")


def _column(header: list[str], wanted: str | None, guesses: Sequence[str], what: str, path: Path) -> int | None:
    lowered = [h.strip().lower() for h in header]
    if wanted is not None:
        if wanted.isdigit() and 1 <= int(wanted) <= len(header):
            return int(wanted) - 1
        if wanted.lower() in lowered:
            return lowered.index(wanted.lower())
        raise GlossaryImportError(f"{path}:1: no {what} column {wanted!r} (columns: {', '.join(header)})")
    for guess in guesses:
        if guess in lowered:
            return lowered.index(guess)
    return None


def parse_table(
    path: Path, source_column: str | None = None, target_column: str | None = None,
    note_column: str | None = None, delimiter: str | None = None,
) -> Imported:
    """CSV or TSV with a header row; columns by name or 1-based number, else guessed."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GlossaryImportError(f"{path}: not UTF-8 (byte {exc.start})") from None
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" or "\t" in raw.split("\n", 1)[0] else ","
    reader = csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as exc:  # e.g. a field over csv.field_size_limit() (128 KB): no glossary term
        raise GlossaryImportError(f"{path}:{reader.line_num}: not a readable CSV/TSV table ({exc})") from None
    if not rows:
        raise GlossaryImportError(f"{path}: empty file")
    header = rows[0]
    src = _column(header, source_column, _SOURCE_HEADERS, "source", path)
    tgt = _column(header, target_column, _TARGET_HEADERS, "target", path)
    note = _column(header, note_column, _NOTE_HEADERS, "note", path)
    if src is None or tgt is None:
        raise GlossaryImportError(
            f"{path}:1: cannot tell the source and target columns from the header ({', '.join(header)}); "
            "name them with --source-column and --target-column"
        )
    terms: list[Term] = []
    skipped: list[str] = []
    for n, row in enumerate(rows[1:], 2):
        if not any(c.strip() for c in row):
            continue
        if max(src, tgt) >= len(row):
            raise GlossaryImportError(f"{path}:{n}: {len(row)} columns, expected at least {max(src, tgt) + 1}")
        source, target = row[src].strip(), row[tgt].strip()
        if not source or not target:
            continue
        text = row[note].strip() if note is not None and note < len(row) else ""
        _add(terms, skipped, [source], [target], [], text, f"{path}:{n}")
    return Imported(terms, skipped)


# --- writing ----------------------------------------------------------------------------

def _toml_string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _toml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_toml_string(v) for v in values) + "]"


def to_toml(imported: Imported, lang: str, origin: str) -> str:
    """qa's glossary format; entries sorted by source term, merged when a source repeats."""
    merged: dict[str, Term] = {}
    for t in imported.terms:
        k = fold_key(t.source)
        if k in merged:
            old = merged[k]
            old.right = list(dict.fromkeys(old.right + t.right))
            old.wrong = list(dict.fromkeys(old.wrong + t.wrong))
            old.note = "; ".join(x for x in dict.fromkeys([old.note, t.note]) if x)
        else:
            merged[k] = Term(t.source, list(t.right), list(t.wrong), t.note, t.where)
    out = [f"# Imported from {origin} by `qa glossary import`.", "schema = 1", ""]
    for k in sorted(merged):
        t = merged[k]
        wrong = [w for w in t.wrong if fold_key(w) not in {fold_key(r) for r in t.right}]
        out.append("[[entry]]")
        out.append(f"source = {_toml_string(t.source)}")
        out.append(f"lang = {_toml_string(lang)}")
        out.append(f"right = {_toml_list(t.right or [t.source])}")
        out.append(f"wrong = {_toml_list(wrong)}")
        if t.note:
            out.append(f"note = {_toml_string(' '.join(t.note.split()))}")
        out.append("")
    return "\n".join(out)


# --- checking -----------------------------------------------------------------------------

def check_entries(entries: Sequence[Entry]) -> list[str]:
    """Duplicates, conflicts and entries mapping to themselves, one message each."""
    problems: list[str] = []
    by_source: dict[str, list[Entry]] = defaultdict(list)
    by_wrong: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        if e.source:
            by_source[fold_key(e.source) + "\x00" + e.lang].append(e)
        for w in e.wrong:
            by_wrong[fold_key(w)].append(e)
        for w in e.wrong:
            if w in e.right:
                problems.append(f"{e.origin}: « {w} » maps to itself")
    for groups, what in ((by_source, "source term"), (by_wrong, "wrong form")):
        for k in sorted(groups):
            group = groups[k]
            if len(group) < 2:
                continue
            shown = k.split("\x00")[0]
            rights = {tuple(fold_key(r) for r in e.right) for e in group}
            where = ", ".join(e.origin for e in group[1:])
            if len(rights) == 1:
                problems.append(f"{group[0].origin}: duplicate {what} « {shown} » (again at {where})")
            else:
                options = " / ".join(" | ".join(e.right) for e in group)
                problems.append(f"{group[0].origin}: conflicting {what} « {shown} »: {options} (at {where})")
    return problems
