"""AR02: markup left in the copy — HTML entities and tags, wiki and Markdown links, BBCode,
templates, escaped characters, double-encoded letters."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.data import load_toml
from qa.knowledge.pipeline_tags import alternation
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity

_ENTITY = re.compile(r"&(?:amp;)?(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31})(;?)")
# From a token's start only (lazy to the first double-encoded pair): linear on long tokens.
_MOJIBAKE = re.compile(r"(?<!\S)\S*?(?:Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]|â€|Â[\u00a0-\u00bf])\S*+")
_WIKI = re.compile(r"\[\[(?:[^\[\]|\n]*\|)?([^\[\]|\n]+)\]\]")
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\((?:https?://|www\.|/)[^()\s]{0,500}\)")
_MD_BOLD = re.compile(r"(?<![*\w])\*\*([^*\n]{1,200}?)\*\*(?![*\w])")
_MD_HEADING = re.compile(r"^#{1,6}[ \u00a0]+(?=\w)", re.M)
_MD_FENCE = re.compile(r"^[ \t]*(?:```|~~~)[\w+-]*[ \t]*$", re.M)  # a model's answer wrapped as code
# A Markdown rule between a model's preamble and its answer (« *** » and « * * * » are left:
# the section break of literary copy).
_MD_RULE = re.compile(r"^[ \t]*(?:-{3,}|_{3,})[ \t]*$", re.M)
_TEMPLATE = re.compile(r"\{\{[^{}\n]{1,300}\}\}")
_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|[nrt\"'])")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


@cache
def _markup_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load_toml("markup.toml")["html"]
    block = re.compile(rf"</?(?:{alternation(data['block'])})(?:\s[^<>]{{0,300}})?/?>", re.I)
    inline = re.compile(rf"</?(?:{alternation(data['inline'])})(?:\s[^<>]{{0,300}})?/?>", re.I)
    bb = alternation(load_toml("markup.toml")["bbcode"]["tags"])
    bbcode = re.compile(rf"\[/?(?:{bb})(?:=[^\]\n]{{0,200}})?\]", re.I)
    return block, inline, bbcode


def entity_replacement(entity: str) -> str | None:
    """The character(s) an HTML entity stands for, as French copy writes them; None if unknown."""
    inner = entity.replace("&amp;", "&", 1) if entity.startswith("&amp;") and len(entity) > 5 else entity
    overrides: dict[str, str] = load_toml("markup.toml")["entity_overrides"]
    key = inner if inner.endswith(";") else inner + ";"
    if key in overrides:
        return overrides[key]
    decoded = html.unescape(key)
    return None if decoded == key else decoded


def _gap_for(doc: Document, span: Span) -> str:
    """A removed block tag leaves a space when it was the only thing between two words."""
    before = doc.text[span.start - 1 : span.start]
    after = doc.text[span.end : span.end + 1]
    return " " if before and after and not before.isspace() and not after.isspace() else ""


class MarkupResidue(Check):
    """Markup left in the copy: HTML entities and tags, wiki and Markdown links, BBCode,
    templates, escaped characters, double-encoded (mojibake) letters.

    Each finding offers what the markup stood for: the entity's character, the link's
    label, nothing for a bare tag.

    Mauvais : « plafonné à 3&nbsp;000 euros »
    Bon :     « plafonné à 3 000 euros »
    """

    code = "AR02"
    priority = 130
    paragraph_local = True
    data_files = ("markup.toml",)
    name = "artifact.markup"
    category = Category.ARTIFACT
    summary = "HTML, wiki or Markdown residue, escaped or double-encoded characters"
    severity = Severity.ERROR
    autofix = "some"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = doc.text
        seen: list[Span] = []

        def fresh(span: Span) -> bool:
            if any(s.overlaps(span) for s in seen):
                return False
            seen.append(span)
            return True

        bare = set(load_toml("markup.toml")["entity_bare"]["names"])
        for m in _ENTITY.finditer(text):
            name, semi = m.group(1), m.group(2)
            if not semi and (name.lower() not in bare or text[m.end() : m.end() + 1].isalnum()):
                continue
            right = entity_replacement(m.group())
            span = Span(*m.span())
            if right is not None and fresh(span):
                shown = {"\u00a0": "no-break space", "\u202f": "narrow no-break space"}.get(right, right)
                yield self.finding(doc, span, f"HTML entity « {m.group()} » left in the text: write « {shown} »", [right], autofix=True)
        for m in _COMMENT.finditer(text):
            if fresh(Span(*m.span())):
                yield self.finding(doc, Span(*m.span()), "HTML comment left in the text: delete it", [""], autofix=True)
        block, inline, bbcode = _markup_patterns()
        for pattern, gap in ((block, True), (inline, False), (bbcode, False)):
            for m in pattern.finditer(text):
                span = Span(*m.span())
                if fresh(span):
                    right = _gap_for(doc, span) if gap else ""
                    yield self.finding(doc, span, f"markup tag « {m.group()} » left in the text: delete it", [right], autofix=True)
        labelled = ((_WIKI, "wiki link"), (_MD_LINK, "Markdown link"), (_MD_BOLD, "Markdown emphasis"))
        for pattern, what in labelled:
            for m in pattern.finditer(text):
                span = Span(*m.span())
                if fresh(span):
                    label = m.group(1).strip()
                    yield self.finding(doc, span, f"{what} « {m.group()} » left in the text: keep « {label} »", [label], autofix=True)
        for m in _MD_HEADING.finditer(text):
            span = Span(*m.span())
            if fresh(span):
                yield self.finding(doc, span, f"Markdown heading mark « {m.group().strip()} » left in the text: delete it", [""], autofix=True)
        for pattern, what in ((_MD_FENCE, "Markdown code fence"), (_MD_RULE, "Markdown rule")):
            for m in pattern.finditer(text):
                span = Span(*m.span())
                if fresh(span):
                    yield self.finding(doc, span, f"{what} « {m.group().strip()} » left in the text: delete it", [""], autofix=True)
        for m in _TEMPLATE.finditer(text):
            span = Span(*m.span())
            if fresh(span):
                yield self.finding(doc, span, f"wiki template « {m.group()} » left in the text: delete it", [""])
        for m in _ESCAPE.finditer(text):
            span = Span(*m.span())
            if not fresh(span):
                continue
            seq = m.group()
            right = chr(int(seq[2:], 16)) if seq[1] == "u" else {"n": " ", "r": " ", "t": " ", '"': '"', "'": "’"}[seq[1]]
            yield self.finding(doc, span, f"escaped sequence « {seq} » left in the text", [right], autofix=True)
        for m in _MOJIBAKE.finditer(text):
            span = Span(*m.span())
            fixed = _fix_encoding(m.group())
            if fixed and fixed != m.group() and fresh(span):
                yield self.finding(doc, span, f"double-encoded text « {m.group()} »: read « {fixed} »", [fixed], autofix=True)


def _fix_encoding(word: str) -> str | None:
    try:
        import ftfy  # installed with wordfreq; optional all the same
    except ImportError:  # pragma: no cover - depends on the environment
        return None
    return str(ftfy.fix_encoding(word))
