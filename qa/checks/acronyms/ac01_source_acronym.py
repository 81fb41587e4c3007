"""AC01: a source-language acronym where French has its own (NAVO → OTAN)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from qa.checks.base import Check, Context
from qa.data import load_toml
from qa.knowledge.names import plain_lower
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import adjust_determiner, capitalize_first, fold_key, starts_with_vowel_sound

LANGS = {"nl": "Dutch", "en": "English", "de": "German"}
# The word before an acronym that shows it is used as a noun (« la VN », « de l’EU »).
_DET = re.compile(
    r"(?:^|(?<=[\s«“\"(]))(le|la|les|l['’]|du|de|des|d['’]|au|aux|à|par|pour|avec|sans|contre|entre|"
    r"vers|chez|dans|sur|selon|et|ou)([ \u00a0]+|(?<=['’]))$",
    re.I,
)


# Prepositions that stay unchanged before the French form (unlike « de »/« à », which
# contract with its article, or an article, which the French form replaces).
_KEEPS_PREP = frozenset("par pour avec sans contre entre vers chez dans sur selon et ou".split())


@dataclass(frozen=True)
class Acronym:
    acronym: str
    lang: str
    french: str
    gender: str
    definite: bool
    strict: bool
    expansion: str
    spellings: tuple[str, ...] = ()
    # An acronym French also uses for something else (« l’OM », Olympique de Marseille)
    # is reported only in a text that has one of `require` and none of `forbid`
    # (folded words; trailing * = prefix), and never when the source language is
    # known to be another.
    require: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()

    @property
    def plural(self) -> bool:
        return self.gender.endswith("p")


@cache
def acronyms() -> dict[str, Acronym]:
    out = {}
    for d in load_toml("acronyms.toml")["acronyms"]:
        acr = Acronym(**{**d, **{k: tuple(d.get(k, ())) for k in ("spellings", "require", "forbid")}})
        out.update({form: acr for form in (acr.acronym, *acr.spellings)})
    return out


@cache
def _pattern() -> re.Pattern[str]:
    alts = sorted(map(re.escape, acronyms()), key=len, reverse=True)
    # Not inside a longer word or a hyphenated compound's tail; a Dutch compound
    # head (« NAVO-top ») still counts.
    return re.compile(r"(?<![\w\-/.])(" + "|".join(alts) + r")(?![\w/]|\.\w)")


def _mentions_any(folded: str, words: tuple[str, ...]) -> bool:
    for w in words:
        w = fold_key(w)
        stem = w[:-1] if w.endswith("*") else w
        tail = "" if w.endswith("*") else r"(?!\w)"
        if re.search(r"(?<!\w)" + re.escape(stem) + tail, folded):
            return True
    return False


def context_allows(acr: Acronym, doc: Document, source_lang: str | None, source: str | None = None) -> bool:
    """Whether the text is one where a context-bound acronym means the source body: the
    context words say so, or a source in its language writes the acronym (a segment linted
    alone holds too few words to say which country it is about)."""
    if not (acr.require or acr.forbid):
        return True
    if source_lang and source_lang != acr.lang:
        return False
    if source and re.search(r"(?<![\w-])" + re.escape(acr.acronym) + r"(?![\w])", source):
        return True
    folded = fold_key(doc.text)
    return _mentions_any(folded, acr.require) and not _mentions_any(folded, acr.forbid)


def with_article(acr: Acronym, det: str) -> str:
    """« de » + ONU → « de l’ONU »: the determiner before a definite French form."""
    fr, low = acr.french, det.lower().replace("’", "'")
    vowel = starts_with_vowel_sound(fr)
    if acr.plural:
        art, de, a = "les ", "des ", "aux "
    elif vowel:
        art, de, a = "l’", "de l’", "à l’"
    elif acr.gender.startswith("f"):
        art, de, a = "la ", "de la ", "à la "
    else:
        art, de, a = "le ", "du ", "au "
    if low in ("le", "la", "les", "l'"):
        out = art + fr
    elif low in ("du", "de", "des", "d'"):
        out = de + fr
    elif low in ("au", "aux", "à"):
        out = a + fr
    else:
        return det + " " + art + fr if not det.endswith(("'", "’")) else det + art + fr
    return capitalize_first(out) if det[:1].isupper() else out


_NEXT = re.compile(r"[ \u00a0]+([A-Z][a-z]+)")


def in_foreign_name(doc: Document, end: int) -> bool:
    """« l’US Navy », « UN Women »: the acronym opens a foreign proper name."""
    m = _NEXT.match(doc.text, end)
    if not m:
        return False
    from qa.knowledge.wordlists import zipf  # wordfreq's answers, from the compiled table

    word = m.group(1).lower()
    return zipf(word, "en") > zipf(word, "fr") + 0.5


def shouting(doc: Document, offset: int) -> bool:
    """A line in capitals (a headline, a caption credit): « UN » may be the French « un »."""
    para = doc.paragraph_at(offset)
    letters = [c for c in doc[para] if c.isalpha()] if para else []
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


class SourceAcronym(Check):
    """A source-language acronym where French has its own.

    MT often keeps the Dutch, English or German acronym of an organisation or a
    common term: NAVO/NATO → OTAN, VN/UN → ONU, EU → UE, VS/US → États-Unis,
    WHO → OMS, IMF/IWF → FMI, ECB/EZB → BCE, AI/KI → IA, GDP/BBP/BIP → PIB.
    The suggestion fixes the article before it (« la NAVO » → « l’OTAN »,
    « de VN » → « de l’ONU »). Acronyms that are also French words (UN, EU, US, AI)
    are reported only after a determiner or preposition and never in a line of capitals.

    Mauvais : « La Haye répond à la pression croissante au sein de la NAVO. »
    Bon :     « La Haye répond à la pression croissante au sein de l’OTAN. »
    """

    code = "AC01"
    priority = 40
    name = "acronym.source"
    category = Category.ACRONYM_SOURCE
    summary = "Source-language acronym where French has its own"
    data_files = ("acronyms.toml", "names.toml", "lexicon.tsv")  # names.toml, lexicon.tsv: the name knowledge (qa.knowledge.names)

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        table = acronyms()
        for m in _pattern().finditer(doc.text):
            acr = table[m.group(1)]
            det = _DET.search(doc.text, max(0, m.start() - 12), m.start())
            if acr.strict and (det is None or shouting(doc, m.start())):
                continue
            if not context_allows(acr, doc, ctx.source_lang, ctx.source):
                continue
            # « le US-India Business Council »: an English compound opening a foreign name
            # (a Dutch compound head is lower-case: « NAVO-top »).
            if in_foreign_name(doc, m.end()) or re.match(r"-[A-Z]", doc.text[m.end() : m.end() + 2]):
                continue
            if acr.definite and det is not None and plain_lower(det.group(1)) in _KEEPS_PREP:
                # « vers NAVO » → « vers l’OTAN »: the preposition stays, so the span
                # starts at the acronym and the suggestion brings its own article.
                start, text = m.start(), with_article(acr, "le")
            elif acr.definite and det is not None:
                start, text = det.start(), with_article(acr, det.group(1))
            elif acr.definite:
                start, text = m.start(), acr.french
            else:
                rw = adjust_determiner(doc.text, m.start(), acr.french, acr.gender[:1] or None)
                start, text = rw.start, rw.replacement
            lang = LANGS.get(acr.lang, acr.lang)
            yield self.finding(
                doc,
                Span(start, m.end()),
                f"« {m.group(1)} » is the {lang} acronym ({acr.expansion}); French writes « {acr.french} »",
                suggestions=[text],
                autofix=not acr.strict,
            )
