"""Gettext PO reader: msgstr (and msgstr[N] plural forms) against msgid / msgid_plural.

A msgstr is a run of C string literals (« "…" » on continuation lines); each decoded
character maps back to its escape (« \\" » is two file characters for one). The header
entry and obsolete (#~) entries are not segments. Fuzzy ones are: their French is text a
reviewer reads. But a fuzzy msgstr was written for an earlier msgid (gettext's msgmerge
flags it so when the msgid changed, and msgfmt leaves it out of the compiled catalogue),
so the segment is marked fuzzy and the source checks compare it with the previous msgid
(« #| msgid ») when the entry records one, and with nothing otherwise.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.formats import Builder, FormatError, Parsed, Segment

_KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]*(?=")')
_PREVIOUS = re.compile(r'#\|[ \t]*(?:(msgctxt|msgid_plural|msgid)[ \t]*)?(?=")')  # « #| msgid "…" », « #| "…" »
_EMPHASIS = re.compile(r"\*\*[^*\n]+\*\*|(?<![\w*])\*[^*\s][^*\n]*\*(?![\w*])")
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
           "f": "\f", "v": "\v", "'": "'", "?": "?"}


def _literal(b: Builder, text: str, start: int, line: int, path: str) -> int:
    """Decode the string literal starting at text[start] == '"'; return the offset after it."""
    i = start + 1
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == '"':
            return i + 1
        if ch in "\r\n":
            break
        if ch == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt in _SIMPLE:
                b.add(_SIMPLE[nxt], i, i + 2)
                i += 2
                continue
            m = re.compile(r"[0-7]{1,3}|x[0-9a-fA-F]{1,2}").match(text, i + 1)
            if m:
                code = int(m.group()[1:], 16) if m.group()[0] == "x" else int(m.group(), 8)
                b.add(chr(code), i, m.end())
                i = m.end()
                continue
            raise FormatError(f"{path}:{line}: unknown escape \\{nxt}")
        b.add_raw(text, i, i + 1)
        i += 1
    raise FormatError(f"{path}:{line}: unterminated string")


def escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\t", "\\t").replace("\r", "\\r"))


def read(text: str, path: str) -> Parsed:
    segments: list[Segment] = []
    fields: dict[str, Builder] = {}
    field_line: dict[str, int] = {}
    current: str | None = None
    ref = ""
    fuzzy = False
    previous: Builder | None = None  # the « #| msgid » of a fuzzy entry
    previous_field = ""
    target_lang: str | None = None

    def flush() -> None:
        nonlocal target_lang
        msgid = fields.get("msgid")
        if msgid is None:
            return
        if not msgid.chars:  # the header: only read the target language from it
            header = fields.get("msgstr")
            m = re.search(r"^Language:\s*([\w-]+)", header.text() if header else "", re.M)
            target_lang = m.group(1) if m else target_lang
            return
        plural = fields.get("msgid_plural")
        ident = ref or f"L{field_line['msgid']}"
        for key, b in sorted(fields.items()):
            if not key.startswith("msgstr") or not b.chars:
                continue
            # Documentation catalogues carry reST/Markdown emphasis: « **pas** » is markup.
            b.protected.extend(m.span() for m in _EMPHASIS.finditer(b.text()))
            index = int(key[7:-1]) if "[" in key else 0
            source = plural if index > 0 and plural is not None else msgid
            seg = b.segment(ident if "[" not in key else f"{ident}[{index}]", source.text())
            if fuzzy:
                seg = replace(seg, fuzzy=True, previous=previous.text() if previous is not None else None)
            segments.append(seg)

    pos = 0
    lineno = 0
    for line in text.splitlines(keepends=True):
        lineno += 1
        start = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        stripped = body.lstrip()
        lead = start + len(body) - len(stripped)
        if not stripped:
            continue
        if stripped.startswith("#"):
            if current is not None and current.startswith("msgstr"):
                flush()
                fields, field_line, current, ref = {}, {}, None, ""
                fuzzy, previous, previous_field = False, None, ""
            if stripped.startswith("#~"):
                # An obsolete entry (« #~ msgid … », « #~| » its previous msgid) is a
                # comment to the reader: nothing of it, not even the reference above it,
                # belongs to the next entry.
                ref = ""
            elif stripped.startswith("#:") and not ref:
                ref = stripped[2:].split()[0] if stripped[2:].split() else ""
            elif stripped.startswith("#,"):
                fuzzy = fuzzy or "fuzzy" in (flag.strip() for flag in stripped[2:].split(","))
            elif stripped.startswith("#|"):
                prev = _PREVIOUS.match(stripped)
                if prev and prev.group(1):
                    previous_field = prev.group(1)
                    if previous_field == "msgid":
                        previous = Builder()
                if prev and previous_field == "msgid" and previous is not None:
                    _literal(previous, text, lead + prev.end(), lineno, path)
            continue
        m = _KEYWORD.match(stripped)
        if m:
            key = m.group(1)
            if key in ("msgctxt", "msgid") and current is not None and current.startswith("msgstr"):
                flush()
                fields, field_line, ref = {}, {}, ""
                fuzzy, previous, previous_field = False, None, ""
            if key in fields:
                raise FormatError(f"{path}:{lineno}: duplicate {key} in one entry")
            current = key
            fields[key] = Builder()
            field_line[key] = lineno
            end = _literal(fields[key], text, lead + m.end(), lineno, path)
        elif stripped.startswith('"') and current is not None:
            end = _literal(fields[current], text, lead, lineno, path)
        else:
            raise FormatError(f"{path}:{lineno}: expected a keyword or a string, got {stripped[:40]!r}")
        if text[end:start + len(body)].strip():
            raise FormatError(f"{path}:{lineno}: unexpected text after the string")
    if current is not None:
        flush()
    return Parsed(path, text, tuple(segments), escape, source_lang="en", target_lang=target_lang)
