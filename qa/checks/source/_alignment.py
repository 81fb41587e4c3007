"""A word alignment of a source sentence with its French translation, read from the bilingual
dictionaries both ways (SA12).

Each content word of the source (not one of spaCy's stop words for its language) is

- ``R``, rendered: the target holds its number, its own first letters (a name, a cognate),
  the first letters of one of its dictionary translations, or a word whose French-to-source
  translations give it back; the target offsets where it was found go with it;
- ``U``, unrendered: the dictionary knows it (or both parts of it, for a compound) and none
  of the above holds;
- ``?``, unknown: the dictionary does not know it, so nothing can be said.

Words are compared on their first four letters, folded (« Verwaltung » meets « verwaltet »,
« tombés » meets « tomber »), which errs towards finding a word rendered: a check that reads
``U`` as evidence of loss must not be fed paraphrase as loss.
"""

from __future__ import annotations

import importlib.util
import re
import runpy
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from qa.checks.source._shared import fold
from qa.knowledge.bilingual import back_translations, compound_splits, lookup
from qa.knowledge.lemmas import lemma_tables

STEM = 4
_SOURCE_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_TARGET_WORD = re.compile(r"[^\W_]+")
# French words of a translation that say nothing of which word it renders.
_FRENCH_FRAME = frozenset("le la les l se s un une de du des d être avoir faire en à".split())
# Linking elements of German and Dutch compounds (« Arbeit-s-platz », « Tier-en-arts »).
_LINKS = ("", "s", "n", "en", "e", "es")
# Inflections the dictionaries list under another headword (English and Dutch verbs and
# plurals, German participles of verbs in -ieren), as SA09 undoes them.
_UNDO = {
    "en": (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", "")),
    "nl": (("eerde", "eren"), ("eert", "eren"), ("de", "en"), ("te", "en"), ("e", "")),
    "de": (("iert", "ieren"), ("ierte", "ieren"), ("ierten", "ieren"), ("ten", "en"), ("te", "en"), ("et", "en"), ("t", "en")),
}
# A participle in ge-, after a separable particle or none (« aufgezeichnet » → « aufzeichnen »,
# « gestald » → « stallen »), for German and Dutch.
_PARTICIPLE = re.compile(r"^([a-zäöü]{0,5}?)ge([a-zäöü]{3,}?)(?:et|en|t|d)$")


@dataclass(frozen=True, slots=True)
class Word:
    start: int  # offsets in the source sentence
    end: int
    text: str
    status: str  # "R", "U" or "?"
    where: tuple[tuple[int, int], ...] = ()  # target offsets of its rendering, when R


@cache
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of the language (spacy/lang/LANG/stop_words.py, shipped with spaCy,
    MIT; built by spaCy's contributors from the Snowball and stopwords-iso lists). The file is
    run on its own: importing it through its package would load the language's tokenizer
    exceptions, seconds of regex compiling for French."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / lang / "stop_words.py"
    return frozenset(runpy.run_path(str(path))["STOP_WORDS"]) if path.is_file() else frozenset()


def _key(word: str) -> str:
    folded = fold(word)
    return folded if folded.isdigit() else folded[:STEM]


def target_keys(target: str) -> dict[str, list[tuple[int, int]]]:
    """The first letters of every target word of three letters or more (whole numbers), with
    where each stands."""
    out: dict[str, list[tuple[int, int]]] = {}
    for m in re.finditer("%", target):
        out.setdefault("%", []).append((m.start(), m.end()))
    for m in _TARGET_WORD.finditer(target):
        if len(m.group()) >= 3 or m.group().isdigit():
            out.setdefault(_key(m.group()), []).append((m.start(), m.end()))
    return out


def _entries(word: str, lang: str) -> list[tuple[str, tuple[str, ...]]] | None:
    """(headword, translations) of the source word, with its inflection undone, or of both
    parts of a compound; None when the dictionary knows neither."""
    found = lookup(word, lang)
    if found is None:
        low = word.lower()
        for end, repl in _UNDO.get(lang, ()):
            if low.endswith(end) and len(low) - len(end) >= 3 and (found := lookup(low[: -len(end)] + repl, lang)):
                break
    if found is None and lang in ("de", "nl") and (m := _PARTICIPLE.match(word.lower())):
        found = lookup(m.group(1) + m.group(2) + "en", lang)
    if found is not None:
        return [(found[0], found[1].translations)]
    if len(word) <= 6:
        return None
    for first, head in compound_splits(word, lambda w: lookup(w, lang), _LINKS):
        return [(part, lookup(part, lang)[1].translations) for part in (first, head)]  # type: ignore[index]
    return None


# A French word in -s longer than this may be a plural its lemma tables leave as it is.
_PLURAL_LENGTH = 5


def french_lemmas(french: str) -> list[str]:
    """The French word, its lemmas (spaCy's tables), its singular and, for a participle in
    « -u » or « -i », the infinitive it may come from (« attendu » → « attendre »). No
    feminine is undone by rule: « médecine » is no form of « médecin »."""
    out = [french]
    tables = lemma_tables()
    if tables is not None:
        found = tables.get_table("lemma_lookup").get(french, [])  # type: ignore[attr-defined]
        out += [found] if isinstance(found, str) else list(found)
    if french.endswith("s") and len(french) > _PLURAL_LENGTH:
        out.append(french[:-1])  # « médias »: a plural the tables leave as it is
    if french.endswith(("u", "us", "ue", "ues")):
        out.append(french[: french.rindex("u")] + "re")
    if french.endswith(("i", "is", "ie", "ies")):
        out.append(french[: french.rindex("i")] + "ir")
    return list(dict.fromkeys(out))


@cache
def _back_keys(french: str, lang: str) -> frozenset[str]:
    """The folded source words the French-to-source dictionary gives for a French word or its
    lemmas."""
    out = set()
    for lemma in french_lemmas(french.lower()):
        for t in back_translations(lemma, lang):
            out.update(fold(w) for w in re.split(r"[\s'’-]+", t) if len(w) >= 3)
    return frozenset(out)


# The word for « per cent », which French writes as a sign.
_PERCENT = frozenset(("prozent", "procent", "percent"))


def _rendered(word: str, lang: str, keys: dict[str, list[tuple[int, int]]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    folded = fold(word)
    if folded in _PERCENT and "%" in keys:
        return "R", tuple(keys["%"])
    if folded.isdigit():
        return ("R", tuple(keys[folded])) if folded in keys else ("U", ())
    parts = folded.split()
    for part in parts:
        if part[:STEM] in keys:
            return "R", tuple(keys[part[:STEM]])
    entries = _entries(word, lang) if len(parts) == 1 else None
    if entries is None:
        return "?", ()
    for head, translations in entries:
        if fold(head)[:STEM] in keys:
            return "R", tuple(keys[fold(head)[:STEM]])
        for t in translations:
            words = [w for w in _TARGET_WORD.findall(fold(t)) if w not in _FRENCH_FRAME]
            if any(w[:STEM] in keys for w in words[:1] + [w for w in words[1:] if len(w) >= 5]):
                # every word of the translation found, so that « campagne électorale » is one
                return "R", tuple(p for w in words if len(w) >= 3 and w[:STEM] in keys for p in keys[w[:STEM]])
    return "U", ()


def align(source: str, target: str, lang: str) -> list[Word]:
    """The content words of the source sentence, in order, each with its status."""
    keys = target_keys(target)
    # Where each back-translation stands, by its first letters and whole (a word of four
    # letters or more may be part of a source compound): looked up per source word, so the
    # alignment stays linear in a long segment compared whole.
    by_stem: dict[str, list[tuple[int, int]]] = {}
    by_word: dict[str, list[tuple[int, int]]] = {}
    for m in re.finditer(r"[^\W\d_]{3,}", target):
        for b in _back_keys(m.group(), lang):
            by_stem.setdefault(b[:STEM], []).append((m.start(), m.end()))
            if len(b) >= STEM:
                by_word.setdefault(b, []).append((m.start(), m.end()))
    stops = stop_words(lang)
    out = []
    for m in _SOURCE_WORD.finditer(source):
        word = m.group()
        if word.lower() in stops or not (len(word) >= 3 or word.isdigit()):
            continue
        status, where = _rendered(word, lang, keys)
        if status != "R":
            folded = fold(word)
            parts = {folded[a:b] for a in range(len(folded)) for b in range(a + STEM, len(folded) + 1)}
            found = tuple(sorted({*by_stem.get(folded[:STEM], ()), *(p for part in parts for p in by_word.get(part, ()))}))
            if found:
                status, where = "R", found
        out.append(Word(m.start(), m.end(), word, status, where))
    return out


def is_name(word: str, lang: str) -> bool:
    """The dictionary renders the source word with a capital: a place or a person (« Kanada »
    → « Canada »)."""
    found = lookup(word, lang)
    return found is not None and bool(found[1].translations) and found[1].translations[0][:1].isupper()


def content_between(target: str, start: int, end: int) -> list[str]:
    """The French content words (not stop words) between two offsets of the target."""
    stops = stop_words("fr")
    return [w for w in _TARGET_WORD.findall(target[start:end]) if w.lower() not in stops and (len(w) >= 3 or w.isdigit())]
