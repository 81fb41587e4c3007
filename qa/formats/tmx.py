"""TMX 1.4 reader: each <tu> gives one segment, its French <tuv> against the source one.

The source is the <tuv> in the header's ``srclang`` (DGT writes ``EN-GB``, and the
legacy ``lang`` attribute instead of ``xml:lang``); the target is the first French one.
"""

from __future__ import annotations

from qa.formats import Builder, Parsed, Segment, line_of
from qa.formats.markup import escape_xml, tokens
from qa.formats.xliff import inline

TARGET = "fr"


def _lang(value: str) -> str:
    return value.lower().replace("_", "-")


def read(text: str, path: str) -> Parsed:
    toks = list(tokens(text))
    segments: list[Segment] = []
    srclang = ""
    tu_id = ""
    tu_count = 0
    lang = ""
    variants: dict[str, Builder] = {}
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.kind in ("start", "empty") and tok.name == "header":
            srclang = _lang(tok.attr("srclang"))
        elif tok.kind == "start" and tok.name == "tu":
            tu_count += 1
            tu_id = tok.attr("tuid") or str(tu_count)
            variants = {}
        elif tok.kind == "start" and tok.name == "tuv":
            lang = _lang(tok.attr("lang"))
        elif tok.kind == "start" and tok.name == "seg" and lang:
            b, i = inline(text, toks, i, "seg", path)
            variants.setdefault(lang, b)
        elif tok.kind == "end" and tok.name == "tu":
            target = next((b for k, b in variants.items() if k.split("-")[0] == TARGET), None)
            if target is not None:
                src = variants.get(srclang) or next(
                    (b for k, b in variants.items() if k.split("-")[0] == srclang.split("-")[0]), None
                )
                if src is None and srclang in ("", "*all*"):
                    src = next((b for k, b in variants.items() if k.split("-")[0] != TARGET), None)
                segments.append(target.segment(tu_id, src.text() if src else None, tuple(src.tags) if src else ()))
        i += 1
    source_lang = srclang if srclang not in ("", "*all*") else None
    if not segments and "<tu" in text:
        notes: tuple[str, ...] = (f"{path}:{line_of(text, text.find('<tu'))}: no French <tuv> in this file",)
    else:
        notes = ()
    return Parsed(path, text, tuple(segments), escape_xml, source_lang=source_lang, target_lang=TARGET, notes=notes)
