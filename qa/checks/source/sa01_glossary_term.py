"""SA01: a glossary term of the source without its required French rendering in the target.

Terms are matched on stems, on both sides, so inflected forms meet without a lemmatiser.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.source._shared import TOKEN, whole
from qa.data import load_toml
from qa.model.document import Document
from qa.model.findings import Category, Finding


# Stems: inflection-aware matching without a lemmatiser.

def stem_en(word: str) -> str:
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def stem_fr(word: str) -> str:
    """Fold number, gender, common verb endings and accents, the same way on both sides:
    « infectieuses » and « infectieux », « touchent » and « toucher », « aigüe » and
    « aiguë » all meet. Over-merging only makes SA01 more lenient, never noisier."""
    w = _strip_accents(word.lower())
    if len(w) <= 3:
        return _FR_FUNCTION.get(w, w)
    for suffix, repl in _FR_IRREGULAR:
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            return w[: -len(suffix)] + repl
    if w[-1] in "sx":
        w = w[:-1]
    for suffix, repl in _FR_ENDINGS:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + repl
    return w


_FR_FUNCTION = {"du": "de", "des": "de", "d": "de", "au": "a", "aux": "a"}  # « pandémie du coronavirus »
_FR_IRREGULAR = (("euses", "eu"), ("euse", "eu"), ("eux", "eu"), ("aux", "al"))
_FR_ENDINGS = (("ive", "if"), ("elle", "el"), ("enne", "en"), ("ent", ""), ("ez", ""), ("er", ""), ("ee", ""), ("e", ""))


def _strip_accents(word: str) -> str:
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def stems(text: str, lang: str) -> list[str]:
    """Stems of text's words; an acronym (« WHO ») keeps its capitals so that it does not
    match the common word (« who »)."""
    stem = stem_fr if lang == "fr" else stem_en if lang == "en" else str.lower
    return [w if len(w) > 1 and w.isupper() and lang != "fr" else stem(w) for w in TOKEN.findall(text)]


def contains(haystack: list[str], needle: tuple[str, ...], gap: int = 0) -> bool:
    """needle's stems in order in haystack, with at most ``gap`` other words between two
    of them (« lavez-vous souvent les mains » renders « lavez-vous les mains »)."""
    if not needle:
        return False
    for i, word in enumerate(haystack):
        if word != needle[0]:
            continue
        pos = i
        for part in needle[1:]:
            window = haystack[pos + 1 : pos + 2 + gap]
            if part not in window:
                break
            pos += 1 + window.index(part)
        else:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Term:
    source: str
    targets: tuple[str, ...]
    lang: str  # source language of the term, "" when unknown


@cache
def builtin_terms() -> tuple[Term, ...]:
    return tuple(Term(t["source"], tuple(t["target"]), "en") for t in load_toml("source_terms.toml")["term"])


def terms(ctx: Context) -> list[tuple[Term, tuple[str, ...], list[tuple[str, ...]]]]:
    """Glossary terms with a source, merged by source term, with their stems (once per run)."""
    return ctx.memo("SA01.terms", lambda: _terms(ctx))


def _terms(ctx: Context) -> list[tuple[Term, tuple[str, ...], list[tuple[str, ...]]]]:
    merged: dict[str, Term] = {}
    user = [Term(e.source, e.right, e.lang) for e in ctx.glossary.entries if e.source and e.right]
    for t in (*builtin_terms(), *user):
        k = t.source.casefold()
        old = merged.get(k)
        merged[k] = Term(t.source, tuple(dict.fromkeys((*(old.targets if old else ()), *t.targets))), t.lang)
    out = []
    for t in sorted(merged.values(), key=lambda t: t.source.casefold()):
        src = tuple(stems(t.source, t.lang or "en"))
        out.append((t, src, [tuple(stems(x, "fr")) for x in t.targets]))
    return out


class SourceTerm(Check):
    """A glossary term of the source without its required French rendering in the target.

    Glossary entries with a ``source`` (from --glossary or ``qa glossary import``) say how
    a source term must be translated. Matching is inflection-aware on both sides: « masks »
    finds the entry « mask », and « masques chirurgicaux » satisfies « masque chirurgical ».

    Mauvais : source « Enter your password. », cible « Saisissez votre code secret. »
    Bon :     source « Enter your password. », cible « Saisissez votre mot de passe. »
    """

    code = "SA01"
    priority = 340
    data_files = ("source_terms.toml",)
    segment_wide = True
    autofix = "none"  # for `qa rules` and SARIF
    name = "source.glossary-term"
    category = Category.MISTRANSLATION
    summary = "Source glossary term not rendered as the glossary requires"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if not ctx.source or not doc.text.strip():
            return
        lang = ctx.source_lang or "en"
        source_stems = stems(ctx.source, lang)
        target_stems = stems(doc.text, "fr")
        for term, src, targets in terms(ctx):
            if term.lang and term.lang != lang:
                continue
            if not contains(source_stems, src) or any(contains(target_stems, t, gap=1) for t in targets):
                continue
            shown = " | ".join(term.targets[:3])
            yield self.finding(doc, whole(doc), f"source term « {term.source} » should be rendered « {shown} »")
