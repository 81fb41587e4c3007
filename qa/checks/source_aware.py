"""SA01, SA02, SA05, SA06: checks that compare a target segment with its source.

They run only when the source is known (``ctx.source``: bilingual files, ``--source``)
and stay silent otherwise. A missing term, name or placeholder has no place in the
target to point at, so those findings span the whole segment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from qa.checks.base import Check, Context
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.formats.placeholders import counts, key, placeholders
from qa.knowledge.wordlists import zipf

_TOKEN = re.compile(r"[^\W_]+")


def whole(doc: Document) -> Span:
    text = doc.text
    start = len(text) - len(text.lstrip())
    return Span(start, max(start, len(text.rstrip())))


def strip_placeholders(text: str) -> str:
    out = text
    for s, e, _ in reversed(placeholders(text)):
        out = out[:s] + " " + out[e:]
    return out


# --- stems: inflection-aware matching without a lemmatiser ------------------------------

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
    import unicodedata

    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def stems(text: str, lang: str) -> list[str]:
    """Stems of text's words; an acronym (« WHO ») keeps its capitals so that it does not
    match the common word (« who »)."""
    stem = stem_fr if lang == "fr" else stem_en if lang == "en" else str.lower
    return [w if len(w) > 1 and w.isupper() and lang != "fr" else stem(w) for w in _TOKEN.findall(text)]


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


# --- SA01 -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Term:
    source: str
    targets: tuple[str, ...]
    lang: str  # source language of the term, "" when unknown


@cache
def builtin_terms() -> tuple[Term, ...]:
    from qa.data import load_toml

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


# --- SA02 -----------------------------------------------------------------------------

_CAPITAL = re.compile(r"(?<![\w.@/-])[A-Z][^\W_]*(?![\w@/])")


_ROMAN = re.compile(r"[IVXLC]+")


@cache
def exonyms() -> dict[str, tuple[str, ...]]:
    from qa.data import load_toml

    out = {k: tuple(v) for k, v in load_toml("exonyms.toml")["names"].items()}
    for k, v in load_toml("places.toml")["places"].items():  # UT02's exonyms of places
        out[k] = (*out.get(k, ()), v)
    return out


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", " ", "".join(c for c in decomposed if not unicodedata.combining(c))).strip()


def source_names(source: str, lang: str) -> list[str]:
    """Words of the source that look like names: acronyms, and rare capitalised words
    that do not open a sentence."""
    text = strip_placeholders(source)
    words = [w for w in _TOKEN.findall(text) if len(w) >= 3 and w.isalpha()]
    shouting = sum(w.isupper() for w in words) * 2 > len(words)  # « HAS ADOPTED THIS DECISION »
    title = sum(w[0].isupper() for w in words if len(w) >= 4) * 2 > len([w for w in words if len(w) >= 4])
    out = []
    for m in _CAPITAL.finditer(text):
        word = m.group()
        before = text[: m.start()].rstrip(" \"'“‘(«)]»”")
        opening = not before or before[-1] in ".!?:;\n"
        if not word.isupper() and any(c.isupper() for c in word[1:]):
            out.append(word)  # « PyPI », « iPhone »-like inner capitals: a name wherever it stands
            continue
        if word.isupper():
            common = zipf(word.lower(), lang) >= 3.0 and word not in exonyms()
            if len(word) >= 2 and not shouting and not common and not _ROMAN.fullmatch(word):
                out.append(word)
            continue
        if opening or title or zipf(word.lower(), lang) >= 2.5 or zipf(word.lower(), "fr") >= 2.5:
            continue
        if lang == "de":
            continue  # German capitalises every noun: a rare capitalised word is a compound, not a name
        out.append(word)
    return out


class SourceName(Check):
    """A name of the source that the target neither keeps nor gives in its French form.

    Acronyms and rare capitalised words of the source are names; the target should keep
    them (« Symfony », « PyPI ») or use the official French form (« NATO » → « OTAN »,
    « Antwerpen » → « Anvers »). A name translated word for word, or dropped, is flagged.

    Mauvais : source « Install it from PyPI. », cible « Installez-le depuis l’index. »
    Bon :     source « Install it from PyPI. », cible « Installez-le depuis PyPI. »
    """

    code = "SA02"
    priority = 350
    segment_wide = True
    autofix = "none"  # for `qa rules` and SARIF
    name = "source.proper-name"
    category = Category.NAME_TRANSLATED
    summary = "Source name neither kept nor given its French form"
    severity = Severity.INFO

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if not ctx.source or not doc.text.strip():
            return
        target = f" {_fold(doc.text)} "
        missing = []
        for name in dict.fromkeys(source_names(ctx.source, ctx.source_lang or "en")):
            forms = (name, *exonyms().get(name, ()))
            if any(f" {_fold(f)} " in target for f in forms):
                continue
            missing.append(name)
        if missing:
            listed = ", ".join(f"« {n} »" for n in missing[:4])
            yield self.finding(doc, whole(doc), f"source name{'s' if len(missing) > 1 else ''} {listed} not found in the target")


# --- SA05 -----------------------------------------------------------------------------

def source_language_share(text: str, lang: str) -> tuple[int, int]:
    """(words clearly of ``lang``, words clearly French), by wordfreq frequencies."""
    ours = theirs = 0
    for m in _TOKEN.finditer(strip_placeholders(text)):
        w = m.group().lower()
        if len(w) < 2 or w.isdigit():
            continue
        a, b = zipf(w, lang), zipf(w, "fr")
        if a >= b + 1.0:
            ours += 1
        elif b >= a + 1.0:
            theirs += 1
    return ours, theirs


class Untranslated(Check):
    """A segment left untranslated: the target repeats the source, or is in its language.

    Mauvais : source « This field is missing. », cible « This field is missing. »
    Bon :     source « This field is missing. », cible « Ce champ est manquant. »
    """

    code = "SA05"
    priority = 380
    segment_wide = True
    autofix = "none"  # for `qa rules` and SARIF
    name = "source.untranslated"
    category = Category.UNTRANSLATED
    summary = "Target equal to the source, or written in the source language"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if not ctx.source or not doc.text.strip():
            return
        lang = ctx.source_lang or "en"
        ours, theirs = source_language_share(doc.text, lang)
        if _fold(doc.text) == _fold(ctx.source) and ours >= 2 and ours > theirs:
            yield self.finding(doc, whole(doc), "target is the untranslated source")
        elif ours >= 4 and ours > 3 * theirs:
            yield self.finding(doc, whole(doc), f"target looks written in the source language ({lang}), not French")


# --- SA06 -----------------------------------------------------------------------------

class PlaceholderParity(Check):
    """Placeholders, inline code and tags of the source missing from the target, or added.

    « {{ limit }} », « %(name)s », « {0} », reST roles (« :ref:`label` ») and XLIFF
    inline tags must survive translation: a missing one breaks the message at run time.

    Mauvais : source « At least {{ limit }} characters. », cible « Au moins caractères. »
    Bon :     source « At least {{ limit }} characters. », cible « Au moins {{ limit }} caractères. »
    """

    code = "SA06"
    priority = 400
    segment_wide = True
    autofix = "none"  # for `qa rules` and SARIF
    name = "source.placeholder-parity"
    category = Category.ARTIFACT
    summary = "Placeholder or tag of the source missing from the target, or added"
    severity = Severity.ERROR

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if ctx.source is None or not doc.text.strip():
            return
        src, tgt = counts(ctx.source), counts(doc.text)
        missing = src - tgt
        # Translators may add inline-code markup for clarity (« ``assert`` »); an added
        # reST literal or role is harmless, an added format placeholder is not.
        extra = Counter({k: n for k, n in (tgt - src).items() if not k.startswith(("``", ":", "`"))})
        if missing:
            shown = {key(t): t for _, _, t in reversed(placeholders(ctx.source))}  # as the source writes it
            listed = ", ".join(f"« {shown.get(k, k)} »" for k in sorted(missing.elements())[:4])
            yield self.finding(doc, whole(doc), f"placeholder missing from the target: {listed}")
        if extra:
            listed = ", ".join(f"« {t} »" for _, _, t in placeholders(doc.text) if key(t) in extra)
            yield self.finding(doc, whole(doc), f"placeholder not in the source: {listed}")
        source_tags = Counter(getattr(doc, "source_tags", ()))
        target_tags = Counter(getattr(doc, "target_tags", ()))
        if source_tags and source_tags != target_tags:
            lost = sorted((source_tags - target_tags).elements())
            added = sorted((target_tags - source_tags).elements())
            parts = ([f"missing {', '.join(lost[:4])}"] if lost else []) + ([f"added {', '.join(added[:4])}"] if added else [])
            yield self.finding(doc, whole(doc), f"inline tags differ from the source: {'; '.join(parts)}")
