"""XML and HTML scanning with offsets: tags, text, entities, and the safety check.

lxml (or any tree parser) gives line numbers but not character offsets, and it decodes
« &amp; » before we see it. So the readers scan the decoded text themselves with the
tokenizer below, after ``check_xml`` has let lxml prove the file well-formed with every
dangerous feature off. Entity declarations are refused outright: a translation file has
no use for them, and they are how XXE and « billion laughs » attacks are written.
"""

from __future__ import annotations

import html.entities
import re
from collections.abc import Iterator
from dataclasses import dataclass

from qa.formats.segments import Builder, FormatError, line_of

_NAME = r"[A-Za-z_:][\w:.\-]*"
_ATTR = re.compile(rf"({_NAME})\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+))")
TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<\?.*?(?:\?>|\Z)"
    r"|<![A-Za-z](?:[^\[>]|\[.*?\])*>"
    rf"|</?{_NAME}(?:\s+{_NAME}(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>",
    re.S,
)
XML_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_REF = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "text", "start", "end", "empty", "cdata", "comment", "other"
    start: int
    end: int
    name: str = ""  # local name, lower-cased for HTML
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, key: str, default: str = "") -> str:
        for k, v in self.attrs:
            if k == key or k.rpartition(":")[2] == key:
                return v
        return default


def tokens(text: str, html_mode: bool = False) -> Iterator[Token]:
    """Tokens of text in order; text tokens cover everything between markup."""
    pos = 0
    raw_until: str | None = None  # inside <script>/<style>: everything is text up to the end tag
    for m in TOKEN.finditer(text):
        if raw_until is not None:
            if not (m.group().lower().startswith(f"</{raw_until}")):
                continue
            raw_until = None
        if m.start() > pos:
            yield Token("text", pos, m.start())
        pos = m.end()
        raw = m.group()
        if raw.startswith("<!--"):
            yield Token("comment", m.start(), m.end())
        elif raw.startswith("<![CDATA["):
            yield Token("cdata", m.start(), m.end())
        elif raw.startswith(("<?", "<!")):
            yield Token("other", m.start(), m.end())
        else:
            closing = raw.startswith("</")
            empty = raw.endswith("/>")
            name_m = re.match(rf"</?({_NAME})", raw)
            name = name_m.group(1) if name_m else ""
            name = name.lower() if html_mode else name.rpartition(":")[2]
            body = raw[len(name_m.group()) if name_m else 0 :]
            attrs = tuple(
                (a.group(1), _unescape_attr(next(g for g in a.groups()[1:] if g is not None)))
                for a in _ATTR.finditer(body)
            )
            kind = "end" if closing else "empty" if empty else "start"
            yield Token(kind, m.start(), m.end(), name, attrs)
            if html_mode and kind == "start" and name in ("script", "style"):
                raw_until = name
    if pos < len(text):
        yield Token("text", pos, len(text))


def _unescape_attr(value: str) -> str:
    return _REF.sub(lambda m: _entity(m.group(1), True) or m.group(), value)


def _entity(ref: str, html_mode: bool) -> str | None:
    if ref.startswith("#"):
        code = _code_point(ref)
        if code is None or _is_surrogate(code):  # a surrogate is no character
            return None
        try:
            return chr(code)
        except (ValueError, OverflowError):
            return None
    if html_mode:
        return html.entities.html5.get(ref + ";")
    return XML_ENTITIES.get(ref)


def _code_point(ref: str) -> int | None:
    """The number of a character reference (``#233``, ``#xE9``); None for a named one."""
    if not ref.startswith("#"):
        return None
    try:
        return int(ref[2:], 16) if ref[1:2] in "xX" else int(ref[1:])
    except ValueError:
        return None


def _is_surrogate(code: int | None) -> bool:
    return code is not None and 0xD800 <= code <= 0xDFFF


def add_text(b: Builder, text: str, start: int, end: int, html_mode: bool = False, name: str = "") -> None:
    """Decode file[start:end] (character data with entity references) into b."""
    pos = start
    for m in _REF.finditer(text, start, end):
        if m.start() > pos:
            b.add_raw(text, pos, m.start())
        value = _entity(m.group(1), html_mode)
        if value is None and _is_surrogate(_code_point(m.group(1))):
            raise FormatError(f"{name}:{line_of(text, m.start())}: {m.group()} names a surrogate code point, not a character")
        if value is None:
            if not html_mode:
                raise FormatError(f"{name}:{line_of(text, m.start())}: unknown entity {m.group()}")
            b.add_raw(text, m.start(), m.end())
        else:
            b.add(value, m.start(), m.end())
        pos = m.end()
    if pos < end:
        b.add_raw(text, pos, end)


def add_cdata(b: Builder, text: str, tok: Token) -> None:
    first = len(b)
    b.add_raw(text, tok.start + 9, tok.end - 3)
    b.verbatim.append((first, len(b)))


def escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- safety ---------------------------------------------------------------------------

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_ENTITY_DECL16 = re.compile("<!ENTITY", re.I)


def check_xml(data: bytes, name: str) -> None:
    """Refuse entity declarations, then let lxml prove the file well-formed with network,
    DTD loading, entity resolution and huge trees all off."""
    head = data[:1_000_000]
    if _ENTITY_DECL.search(head) or _ENTITY_DECL16.search(_lenient(head)):
        raise FormatError(f"{name}: XML entity declarations are refused (external entities, entity expansion)")
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
        dtd_validation=False, remove_comments=False,
    )
    try:
        etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        message = str(exc.msg).split(", line ")[0]
        raise FormatError(f"{name}:{line}: not well-formed XML: {message}") from None


def _lenient(data: bytes) -> str:
    for codec in ("utf-16", "utf-8"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return ""
