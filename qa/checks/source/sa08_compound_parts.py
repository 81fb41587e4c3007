"""SA08: a source compound rendered part by part, where the dictionary gives its translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.prose import in_code
from qa.checks.source._dictionary import SOURCE_WORD, lookup, mentions, phrase_pattern
from qa.knowledge.bilingual import Entry, compound_splits, entry, french_noun_gender, languages
from qa.knowledge.forms import plural
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import is_sentence_start, match_case

_COMPOUND_LANGS = ("de", "nl")
_MIN_COMPOUND = 7
_MIN_PART = 3
# Linking elements between the parts of a German or Dutch compound (« Arbeit-s-platz »).
_LINKS = ("", "s", "es", "n", "en", "e", "er")
# How many translations of a part are tried: the first senses are the common ones.
_SENSES = 16
# Two words sharing this many first letters render one word (« personne », « personnage »).
_STEM = 5
# A French verb of the first group: its noun is its stem and « e » (« nager » → « nage »).
_VERB = re.compile(r"[a-zéèêîôûç]{3,}er")
# The head's translation, then « de », « à » (with an article) or nothing, then the modifier's.
_JOIN = r"[ \u00a0]+(?:(?:de|du|des|à|au|aux)[ \u00a0]+(?:la[ \u00a0]+|le[ \u00a0]+|les[ \u00a0]+|l')?|d'|)"


def _parts(head: str, lang: str) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(translations of the modifier, translations of the head) of each split of a compound
    into two headwords, the longest head first; then the splits whose modifier is a verb's
    stem (« Lade-station », « zwem-bad »), the modifier rendered by the noun of the verb's
    translation (« charger » → « charge », « nager » → « nage »)."""
    for first, last in compound_splits(head, lambda w: entry(w, lang), _LINKS, least=_MIN_PART):
        yield _modifier(first, lang), entry(last, lang).translations[:_SENSES]  # type: ignore[union-attr]
    for first, last in compound_splits(head, lambda w: entry(w, lang) or _verb_of_stem(w, lang), ("",), least=_MIN_PART):
        verb = _verb_of_stem(first, lang)
        heads = entry(last, lang)
        if verb is None or heads is None:
            continue
        nouns = tuple(dict.fromkeys(t[:-2] + "e" for t in verb.translations[:_SENSES] if _VERB.fullmatch(t)))
        if nouns:
            yield nouns, heads.translations[:_SENSES]


def _modifier(first: str, lang: str) -> tuple[str, ...]:
    """The translations of a compound's first part, and of the shorter headword it holds when
    the linking element was read as its end (« Kranke-n-haus »: « kranke », « personne
    malade », and « krank », « malade »)."""
    out = list(entry(first, lang).translations[:_SENSES])  # type: ignore[union-attr]
    for end in ("e", "n", "en", "s"):
        shorter = entry(first[: -len(end)], lang) if first.endswith(end) and len(first) - len(end) >= _MIN_PART else None
        if shorter is not None:
            out += [t for t in shorter.translations[:_SENSES] if t not in out]
    return tuple(out)


def _verb_of_stem(stem: str, lang: str) -> Entry | None:
    """The verb a compound's first part is the stem of (de « lade » → « laden », nl « zwem »
    → « zwemmen », with the consonant doubled), when the dictionary has it."""
    for inf in (stem + "n", stem + "en", stem + stem[-1:] + "en"):
        found = entry(inf, lang)
        if found is not None and any(_VERB.fullmatch(t) for t in found.translations[:_SENSES]):
            return found
    return None


def _leading_compound(word: str, lang: str) -> tuple[str, Entry] | None:
    """The compound a longer compound opens with, when the rest is a headword too
    (« Straßenbahnlinie »: « straßenbahn » + « linie »), the longest first."""
    low = word.lower()
    for i in range(len(low) - _MIN_PART, _MIN_COMPOUND - 1, -1):
        if lookup(low[i:], lang) is None:
            continue
        found = entry(low[:i], lang)
        if found is not None:
            return low[:i], found
    return None


def _number_of(fix: str, literal: str) -> str:
    """The dictionary's translation in the number of the literal rendering: its first word
    plural, and the second too when it is a noun or an adjective (« maîtres baigneurs »)."""
    words = fix.split()
    if not literal.split()[0].lower().endswith(("s", "x")) or words[0].endswith(("s", "x")):
        return fix
    if len(words) == 2 and "'" not in fix:
        return f"{plural(words[0])} {plural(words[1])}"
    return " ".join([plural(words[0]), *words[1:]])


_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(de la|du|la|le|l['’]|une|un)[ \u00a0]*$", re.IGNORECASE)
_VOWEL_START = re.compile(r"[aeiouyéèêâîôûh]", re.IGNORECASE)


def _with_article(text: str, start: int, fix: str) -> tuple[int, str]:
    """The singular article before the literal rendering, when the dictionary's noun needs
    another (« la maison des malades » → « l'hôpital »): the span then takes it in, and the
    fix the article the noun's gender or first letter asks for."""
    m = _ARTICLE_BEFORE.search(text[max(0, start - 8) : start])
    if m is None or fix.split()[0].endswith(("s", "x")):
        return start, fix
    head = fix.split()[0]
    gender = french_noun_gender(head)
    of = m.group(1).lower() in ("de la", "du")
    if m.group(1).lower() in ("un", "une"):
        if gender not in ("m", "f"):
            return start, fix
        article = "un " if gender == "m" else "une "
    elif _VOWEL_START.match(head):
        article = "de l'" if of else "l'"
    elif gender in ("m", "f"):
        article = ("du " if gender == "m" else "de la ") if of else ("le " if gender == "m" else "la ")
    else:
        return start, fix
    at = start - (len(text[max(0, start - 8) : start]) - m.start())
    return at, match_case(text[at:start], article + fix) if text[at].isupper() else article + fix


def _stem(word: str) -> str:
    return word.lower()[:_STEM]


def _same_head(literal: str, wanted: list[str]) -> bool:
    """The dictionary renders the compound with the literal's head noun (« protection des
    consommateurs », « réductions d'impôt », « personne clé » for « personnage clé »): the
    compound is transparent and the literal rendering is French too."""
    head = _stem(re.split(r"[\s']", literal)[0])
    return any(_stem(w) == head for t in wanted for w in re.split(r"[\s'’-]+", t) if len(w) >= _MIN_PART)


def _usable(word: str) -> bool:
    return len(word) >= _MIN_PART and not any(c.isupper() for c in word)


class CompoundParts(Check):
    """A German or Dutch compound translated part by part.

    With the source (`--source`) and a FreeDict dictionary installed (dict-freedict-deu-fra,
    dict-freedict-nld-fra), a source compound whose entry gives a French translation, while
    the French sentence holds none of its translations but the translation of its last part
    followed by that of its first part (« bains libres » for « Freibäder », « peuple
    d'abeilles » for « Bienenvolk »): the compound was rendered word for word. The
    dictionary's translation is suggested. Without the dictionary the check is silent.

    Mauvais : source « Jedes Bienenvolk hat zwölf Kilo geliefert. », cible « Chaque peuple
    d'abeilles a livré douze kilos. »
    Bon :     source « Jedes Bienenvolk hat zwölf Kilo geliefert. », cible « Chaque colonie
    d'abeilles a livré douze kilos. »
    """

    code = "SA08"
    priority = 392
    segment_wide = True
    name = "source.compound-parts"
    category = Category.CALQUE
    summary = "Source compound translated part by part"
    severity = Severity.WARNING
    autofix = "none"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        lang = ctx.source_lang or ""
        if not ctx.source or lang not in _COMPOUND_LANGS or lang not in languages():
            return
        seen: set[int] = set()
        for word in dict.fromkeys(SOURCE_WORD.findall(ctx.source)):
            if len(word) < _MIN_COMPOUND:
                continue
            found = lookup(word, lang) or _leading_compound(word, lang)
            if found is None:
                continue
            head, whole_entry = found
            if not whole_entry.noun:
                continue  # « zeitgleich », « zusammenarbeiten »: no compound noun
            wanted = [t for t in whole_entry.translations if t]
            if not wanted or any(mentions(doc.text, t) for t in wanted):
                continue
            for s, e in self._literal(doc.text, head, lang):
                if s in seen or in_code(doc, s) or (doc.text[s].isupper() and not is_sentence_start(doc.text, s)):
                    continue  # a capital mid-sentence: a name or an institution (« l'État libre »)
                if _same_head(doc.text[s:e], wanted):
                    continue
                seen.add(s)
                fix = _number_of(wanted[0], doc.text[s:e])
                s, fix = _with_article(doc.text, s, fix)
                yield self.finding(
                    doc, Span(s, e), f"« {doc.text[s:e]} » renders « {word} » part by part: « {fix} »", [fix]
                )
                break

    @staticmethod
    def _literal(text: str, head: str, lang: str) -> Iterator[tuple[int, int]]:
        low = text.lower().replace("’", "'")
        for firsts, lasts in _parts(head, lang):
            for last in filter(_usable, lasts):
                for first in filter(_usable, firsts):
                    pattern = rf"(?<![\w-]){phrase_pattern(last)}{_JOIN}{phrase_pattern(first)}(?![\w-])"
                    for m in re.finditer(pattern, low):
                        yield m.start(), m.end()
