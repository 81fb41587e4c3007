"""XLIFF 1.2 (<trans-unit>) and 2.0 (<unit>/<segment>) reader.

Inline codes are left out of the target text but recorded for tag parity: paired
containers (<g>, <mrk>, <pc>) keep their content, native-code elements (<bpt>, <ept>,
<ph>, <it>) drop theirs, and XLIFF 2.0 <cp hex="…"/> stands for one character.
"""

from __future__ import annotations

from collections.abc import Sequence

from qa.formats import Builder, FormatError, Parsed, Segment, line_of
from qa.formats.markup import Token, add_cdata, add_text, escape_xml, tokens

_CONTAINERS = {"g", "mrk", "pc", "hi"}  # content is translatable text (hi: TMX)
_NATIVE = {"bpt", "ept", "ph", "it", "sub", "ut"}  # content is the original format's code
_STANDALONE = {"x", "bx", "ex", "sc", "ec", "sm", "em"}


def tag_key(tok: Token) -> str:
    ident = tok.attr("id") or tok.attr("rid") or tok.attr("startRef")
    return f"{tok.name}#{ident}" if ident else tok.name


def inline(text: str, toks: Sequence[Token], i: int, name: str, path: str) -> tuple[Builder, int]:
    """Text of the element whose start tag is toks[i]; returns the builder and the index
    of its end tag."""
    b = Builder()
    depth = 0
    skip = 0
    j = i + 1
    while j < len(toks):
        tok = toks[j]
        if tok.kind == "end" and tok.name == name and depth == 0:
            return b, j
        if tok.kind == "text" and not skip:
            add_text(b, text, tok.start, tok.end, name=path)
        elif tok.kind == "cdata" and not skip:
            add_cdata(b, text, tok)
        elif tok.kind in ("start", "empty"):
            if tok.name == "cp" and tok.kind == "empty" and not skip:
                try:
                    b.add(chr(int(tok.attr("hex"), 16)), tok.start, tok.end)
                except ValueError:
                    raise FormatError(f"{path}:{line_of(text, tok.start)}: bad <cp hex>") from None
            elif tok.name in _CONTAINERS | _NATIVE | _STANDALONE and not skip:
                b.tags.append(tag_key(tok))
            if tok.kind == "start":
                depth += 1
                if tok.name in _NATIVE or skip:
                    skip += 1
        elif tok.kind == "end":
            depth -= 1
            if skip:
                skip -= 1
        j += 1
    raise FormatError(f"{path}:{line_of(text, toks[i].start)}: <{name}> is not closed")


def read(text: str, path: str) -> Parsed:
    toks = list(tokens(text))
    root = next((t for t in toks if t.kind in ("start", "empty")), None)
    if root is None or root.name.rpartition(":")[2] != "xliff":
        # An .xlf holding something else would lint nothing and pass: say so instead.
        found = f"the root element is <{root.name}>" if root else "there is no root element"
        line = line_of(text, root.start) if root else 1
        raise FormatError(f"{path}:{line}: not an XLIFF file: {found}, not <xliff>")
    segments: list[Segment] = []
    source_lang = target_lang = None
    unit_id = ""
    seg_id = ""
    source: Builder | None = None
    version = "1.2"
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.kind in ("start", "empty"):
            if tok.name == "xliff":
                version = tok.attr("version", "1.2")
                source_lang = tok.attr("srcLang") or source_lang
                target_lang = tok.attr("trgLang") or target_lang
            elif tok.name == "file" and version.startswith("1"):
                source_lang = tok.attr("source-language") or source_lang
                target_lang = tok.attr("target-language") or target_lang
            elif tok.name in ("trans-unit", "unit"):
                unit_id, seg_id, source = tok.attr("id") or f"L{line_of(text, tok.start)}", "", None
            elif tok.name == "segment":
                seg_id, source = tok.attr("id"), None
            elif tok.name == "ignorable" and tok.kind == "start":
                # XLIFF 2.0 whitespace or codes between segments: not translatable text
                while i < len(toks) and not (toks[i].kind == "end" and toks[i].name == "ignorable"):
                    i += 1
            elif tok.name in ("source", "target") and tok.kind == "start" and unit_id:
                b, end = inline(text, toks, i, tok.name, path)
                if tok.name == "source":
                    source = b
                else:
                    ident = unit_id if not seg_id else f"{unit_id}/{seg_id}"
                    if version.startswith("2") and not seg_id:
                        ident = f"{unit_id}/{len([s for s in segments if s.id.startswith(unit_id + '/')]) + 1}"
                    segments.append(
                        b.segment(ident, source.text() if source else None, tuple(source.tags) if source else ())
                    )
                i = end
        elif tok.kind == "end" and tok.name in ("trans-unit", "unit"):
            unit_id = ""
        i += 1
    return Parsed(path, text, tuple(segments), escape_xml, source_lang=source_lang, target_lang=target_lang)
