"""IC03: one source compound rendered two ways in one bilingual file (« Aufsichtsrat » →
« conseil de surveillance », then « comité de supervision »)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from qa.checks.base import Check, Context
from qa.knowledge.bilingual import back_translations, compound_splits, entry, lookup
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity

_LANGS = ("de", "nl")
_MIN_COMPOUND = 8
_MIN_PART = 3
# Linking elements between the parts of a German or Dutch compound (« Aufsicht-s-rat »).
_LINKS = ("", "s", "es", "n", "en", "e", "er")
# How many translations of a part are read: the first senses are the common ones.
_SENSES = 12
_WORD = re.compile(r"[^\W\d_]+")
_MIN_FRENCH = 4  # shorter French words (« de », « une », « port ») tie too loosely
_STEM = 7  # two words sharing this many first letters are one (« surveillance », « surveiller »)


@dataclass(frozen=True)
class Rendering:
    line: int
    start: int  # offsets in the line
    end: int
    word: str
    other: str  # the word another line renders the same part with
    source: str  # the source compound


def _norm(word: str) -> str:
    """A French word without its plural and feminine endings (« industrielles » → « industriel »)."""
    w = word.lower()
    if len(w) > _MIN_FRENCH and w[-1] in "sx":
        w = w[:-1]
    if len(w) > _MIN_FRENCH and w[-1] == "e" and not w.endswith("ée"):
        w = w[:-1]
        if len(w) > 2 and w[-1] == w[-2] and w[-1] in "lnt":
            w = w[:-1]
    return w


def _same(a: str, b: str) -> bool:
    return a == b or (len(a) >= _STEM and len(b) >= _STEM and a[:_STEM] == b[:_STEM])


def _parts(key: str, lang: str) -> tuple[set[str], set[str], str, str] | None:
    """The French words of a compound's modifier and head: their own translations, and the
    words of the compound's translation (French puts the head first: « conseil de
    surveillance »: « conseil » the head, « surveillance » the modifier)."""
    for first, last in compound_splits(key, lambda w: entry(w, lang), _LINKS, least=_MIN_PART):
        mod = {_norm(w) for t in entry(first, lang).translations[:_SENSES] for w in t.split()}  # type: ignore[union-attr]
        head = {_norm(w) for t in entry(last, lang).translations[:_SENSES] for w in t.split()}  # type: ignore[union-attr]
        whole = entry(key, lang)
        for t in whole.translations[:_SENSES] if whole else ():
            words = [w for w in _WORD.findall(t) if len(w) >= _MIN_FRENCH]
            if len(words) >= 2:
                head.add(_norm(words[0]))
                mod.add(_norm(words[-1]))
        return ({w for w in mod if len(w) >= _MIN_FRENCH}, {w for w in head if len(w) >= _MIN_FRENCH}, first, last)
    return None


def _ties(word: str, french: set[str], part: str, lang: str) -> bool:
    n = _norm(word)
    if any(_same(n, f) for f in french):
        return True
    return part in {b.lower() for b in back_translations(word.lower(), lang)}


def renderings(text: str, source: str, lang: str) -> list[Rendering]:
    """The words that render a part of a source compound otherwise than the compound's first
    rendering in the file: each line aligned with its source line, the compound standing in
    two lines or more, its part rendered in both by words the dictionaries tie to it, and
    no word in common."""
    if lang not in _LANGS:
        return []
    targets, sources = text.split("\n"), source.split("\n")
    if len(targets) != len(sources):
        return []
    lines: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(sources):
        for m in _WORD.finditer(line):
            w = m.group()
            if len(w) < _MIN_COMPOUND or (lang == "de" and not w[0].isupper()) or w.isupper():
                continue
            found = lookup(w, lang)
            key = found[0] if found else w.lower()
            if i not in lines[key]:
                lines[key].append(i)
    out = []
    for key, where in lines.items():
        if len(where) < 2:
            continue
        parts = _parts(key, lang)
        if parts is None:
            continue
        mod, head, first, last = parts
        for french, part in ((mod, first), (head, last)):
            seen: dict[int, list[re.Match[str]]] = {}
            for i in where:
                seen[i] = [m for m in _WORD.finditer(targets[i]) if len(m.group()) >= _MIN_FRENCH and _ties(m.group(), french, part, lang)]
            ref = next((i for i in where if seen[i]), None)
            if ref is None:
                continue
            kept = {_norm(m.group()) for m in seen[ref]}
            for i in where:
                if i == ref or not seen[i] or any(_same(k, _norm(m.group())) for k in kept for m in seen[i]):
                    continue
                other = seen[ref][0].group().lower()
                out += [Rendering(i, m.start(), m.end(), m.group(), other, key) for m in seen[i]]
    return out


class SourceTermVariant(Check):
    """One source compound rendered two ways in the same bilingual file.

    A term keeps one French form in an article. MT renders each sentence on its own and may
    change it: « Aufsichtsrat » is « le conseil de surveillance » in one sentence and « le
    comité de supervision » in another. With a German or Dutch source, a compound (two
    headwords of the FreeDict dictionary) that stands in two source lines or more is
    followed into the aligned French lines: the words the dictionaries tie to each of its
    parts (its translations, its parts' translations, the French word's own back
    translations). When one part is rendered in two lines by words that share nothing, the
    later rendering is reported, with the first one. No suggestion: the noun phrase around
    it may change too.

    Mauvais : « Le conseil de surveillance se prononcera en mars. … Le comité de supervision
               avait rejeté un premier plan. »
    Bon :     « Le conseil de surveillance se prononcera en mars. … Le conseil de surveillance
               avait rejeté un premier plan. »
    """

    code = "IC03"
    priority = 62
    name = "consistency.source-term"
    category = Category.INCONSISTENCY
    severity = Severity.INFO
    summary = "Source term rendered two ways in one file"
    autofix = "none"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        # In a bilingual file each segment is a document: the file's targets and sources, one
        # segment a line, are read together; else the document and its source, line by line.
        whole = ctx.file_targets is not None and ctx.file_source is not None
        text = ctx.file_targets if whole else doc.text
        source, lang = (ctx.file_source if whole else ctx.source), ctx.source_lang
        if not text or not source or lang not in _LANGS:
            return
        found = ctx.memo(f"IC03:{hash(text)}:{hash(source)}", lambda: renderings(text, source, lang))
        targets = text.split("\n")
        for r in found:
            if whole:
                if targets[r.line] != doc.text:
                    continue
                start = 0
            else:
                start = sum(len(t) + 1 for t in targets[: r.line])
            yield self.finding(
                doc, Span(start + r.start, start + r.end),
                f"« {r.word} » renders a part of « {r.source} », which the text renders « {r.other} » elsewhere: keep one rendering",
            )
