"""SA09: a French word that looks like a word of the source sentence but is none of its
translations: a false friend by form (« librairies » for « libraries »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from qa.checks.base import Check, Context
from qa.checks.prose import in_code
from qa.checks.source._alignment import french_lemmas as _lemmas
from qa.checks.source._cognates import cognate, kin
from qa.checks.source._dictionary import lookup
from qa.knowledge.bilingual import Entry, back_translations, languages
from qa.knowledge.forms import feminine, plural
from qa.knowledge.foreign_words import name_words
from qa.knowledge.wordlists import is_french_form, zipf
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import is_sentence_start, match_case, word_list

_SOURCE_WORD = re.compile(r"[^\W\d_]{4,}")
# The source languages whose FreeDict pairs are large enough to tell a sense the dictionary
# leaves out from a false friend: German (47,000 headwords, 40,000 back) and Dutch (17,000,
# 9,000). English is left out by measurement: eng-fra and fra-eng hold about 8,000 headwords
# each, rare senses first (« associate » → « s'accoupler », « medicine » → « remède »), and on
# the bio-mqm en→fr systems 3 to 7 % of SA09's findings were errors (7 of 78 again on 7 December;
# a German-cognate pivot or an English round trip does not separate them: see README). English
# false friends are MT01's entries held by the source word.
LANGUAGES = ("de", "nl")
# How frequent the French word and the source word must be (wordfreq's Zipf scale): rarer
# words are names, terms or coinages whose dictionary entry says too little.
_FRENCH_ZIPF = 2.5
_SOURCE_ZIPF = 2.5
_MIN_LENGTH = 5
# A word spelled as in the source and this much more frequent there than in French was copied
# (« le training »): SA07's untranslated word, not a false friend (« provision »: 3.6 and 3.3).
_COPIED_MARGIN = 1.0
_SUGGESTIONS = 3
# A translation of this many words at most is a replacement; a longer one is a definition.
_REPLACEMENT_WORDS = 3
_AUXILIARY = frozenset("a ai as avons avez ont avait avaient aura auront été est sont était étaient".split())
# Endings of a conjugated verb in -er, longest first (« résumerait » = « résum » + « erait »).
_ER_ENDINGS = ("eraient", "erions", "eriez", "erait", "erons", "eront", "aient", "erai", "eras", "era", "ait",
               "ais", "ons", "ent", "ant", "ées", "és", "ée", "ez", "é", "es", "e")
# A sister language whose French dictionary answers when the source language's does not know
# a French word.
_SISTER = {"nl": ("de",)}
# English and Dutch forms the dictionary lists under another headword.
_UNDO = {
    "en": (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", "")),
    "nl": (("eerde", "eren"), ("eert", "eren"), ("de", "en"), ("te", "en"), ("e", "")),
    "de": (("iert", "ieren"), ("ierte", "ieren"), ("ierten", "ieren")),
}


@dataclass(frozen=True, slots=True)
class _Source:
    word: str
    entry: Entry


def _double_vowel(stem: str) -> str:
    """Dutch open syllables write one vowel: « actuele » is « actueel » without its « e »."""
    if len(stem) >= 3 and stem[-1] not in "aeiou" and stem[-2] in "aeou" and stem[-3] not in "aeiou":
        return stem[:-1] + stem[-2] + stem[-1]
    return stem


def source_entry(word: str, lang: str) -> Entry | None:
    """The dictionary entry of a source word, with its inflection undone where the plain
    lookup (qa.checks.source._dictionary) does not: English plurals and verb forms, Dutch
    adjectives in « -e » (« actuele »), German and Dutch participles in « -t »."""
    found = lookup(word, lang)
    if found is not None:
        return found[1]
    low = word.lower()
    for end, base in _UNDO.get(lang, ()):
        if low.endswith(end) and len(low) - len(end) >= 3:
            stem = low[: -len(end)]
            candidates = [stem + base] + ([_double_vowel(stem) + base] if lang == "nl" else [])
            for candidate in candidates:
                found = lookup(candidate, lang)
                if found is not None:
                    return found[1]
    return None


def _words(translation: str) -> list[str]:
    return [w for w in re.split(r"[\s'’-]+", translation.lower()) if len(w) >= 4]


def _renders(french: str, entry: Entry) -> bool:
    """One of the entry's translations is the French word's own stem (« critique » for
    « Kritik »): the cognate is a true one."""
    return any(cognate(french, w, "fr") for t in entry.translations for w in _words(t))


def _back_renders(french: str, word: str, lang: str) -> bool:
    """Unless the French-to-source dictionary knows the French word (or its lemma) and gives
    neither the source word nor a word of its stem for it (« gymnase » → « Turnhalle »), the
    cognate may be a true one: « immobilier » → « Immobilien » is one the source-to-French
    dictionary leaves out, and a word it does not know at all is no evidence of a false
    friend. Both dictionaries must agree. Where the French-to-Dutch dictionary (9,000
    headwords) does not know the word, the French-to-German one answers for its Dutch
    cognate (« contrôler » → « kontrollieren » for « controleren »)."""
    for source_lang in (lang, *_SISTER.get(lang, ())):
        found = [t for lemma in _lemmas(french) for t in back_translations(lemma, source_lang)]
        if found:
            return any(
                w.lower() == word.lower() or kin(w, word, lang, source_lang)
                for t in found
                for w in re.split(r"[\s'’-]+", t)
                if len(w) >= 4
            )
    return True


def _adverb(phrase: str) -> bool:
    return phrase.endswith("ment") or phrase.split()[0] in ("en", "à", "au", "par", "de", "sans")


def _verb(phrase: str) -> bool:
    """An infinitive opens the phrase (« assister à », « être présent », « se retrancher »)."""
    first = phrase.split()[0]
    return first in ("se", "s'") or (first.endswith(("er", "ir", "re", "oir")) and is_french_form(first))


def _er_ending(french: str) -> str | None:
    """The ending of a form of a verb in « -er » (« résumerait » → « erait »), when its
    infinitive is French."""
    for ending in _ER_ENDINGS:
        if french.endswith(ending) and is_french_form(french[: -len(ending)] + "er"):
            return ending
    return None


def _frequency(french: str) -> float:
    """The word's frequency, or its infinitive's for a verb in « -er » (« résumerait »)."""
    ending = _er_ending(french)
    infinitive = french[: -len(ending)] + "er" if ending else french
    return max(zipf(french), zipf(infinitive))


def _fitted(french: str, translation: str, before: str) -> tuple[int, str]:
    """(how badly it fits, the translation in the French word's form): an adverb for an
    adverb, a verb conjugated like the verb it replaces, an adjective or a noun agreed."""
    words = translation.split()
    if french.endswith("ment"):
        if _adverb(translation):
            return 0, translation
        if len(words) == 1 and not _verb(translation):
            adverb = feminine(translation) + "ment"
            return (1, adverb) if is_french_form(adverb) else (3, translation)
        return 3, translation
    ending = _er_ending(french)
    participle = before in _AUXILIARY
    if participle or (ending is not None and ending not in ("e", "es", "é", "ée", "és", "ées")):
        if not _verb(translation):
            return 2, translation
        if words[0].endswith("er") and (ending is not None or participle):
            agreement = french[len(french.rstrip("es")) :] if participle and ending is None else ""
            conjugated = words[0][:-2] + (ending if ending is not None else "é" + agreement)
            return 0, " ".join([conjugated, *words[1:]])
        return 1, translation
    if _verb(translation) or _adverb(translation):
        return 2, translation
    form = words[0]
    if french.endswith(("e", "es")) and not form.endswith("e") and is_french_form(french.rstrip("s")[:-1]):
        form = feminine(form)  # « conséquente »: the adjective agrees with a feminine noun
    if french.endswith(("s", "x")) and not form.endswith(("s", "x")):
        form = plural(form)
    return 0, " ".join([form, *words[1:]])


def suggestions(french: str, entry: Entry, before: str) -> tuple[str, ...]:
    """The entry's translations, those that fit the French word's place first, in its form."""
    usable = [t for t in entry.translations if len(t.split()) <= _REPLACEMENT_WORDS]
    fitted = sorted((_fitted(french.lower(), t, before.lower()) + (i,) for i, t in enumerate(usable)), key=lambda x: (x[0], x[2]))
    out = [match_case(french, form) for _, form, _ in fitted]
    return tuple(dict.fromkeys(out))[:_SUGGESTIONS]


class FalseCognate(Check):
    """A false friend by form, found with the source and the bilingual dictionaries.

    With a German or Dutch source (`--source`) and FreeDict's dictionaries installed, a
    French word that shares its stem with a word of the aligned source sentence (accents,
    doubled letters and the regular suffix correspondences aside: -tion/-tie, -ité/-ität/
    -iteit, -el/-ell/-eel, -er/-ieren/-eren) is a false friend when both dictionaries agree:
    the source word's translations hold neither it nor its stem, no other word of the
    sentence translates to it, and the French-to-source dictionary knows the French word and
    gives neither the source word nor its stem for it: « gymnase » for « Gymnasium »,
    « provision » for « Provision ». The source word's translations are suggested, those that
    fit the French word's place first, in its form. Frequent words only, on both sides; names
    (a capital mid-sentence, a place) are left alone.

    Mauvais : source « Der Makler verlangt eine Provision. », cible « L'agent exige une provision. »
    Bon :     source « Der Makler verlangt eine Provision. », cible « L'agent exige une commission. »
    """

    code = "SA09"
    data_files = ("untranslated.toml", "names.toml")  # qa.knowledge.foreign_words: the names PN01 knows
    priority = 394  # after MT01: a false friend its list knows keeps MT01's finding and suggestion
    name = "source.false-cognate"
    category = Category.MISTRANSLATION
    summary = "French word shaped like a source word it does not translate (false friend)"
    severity = Severity.WARNING
    autofix = "none"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        lang = ctx.source_lang or ""
        if not ctx.source or lang not in LANGUAGES or lang not in languages() or not doc.text.strip():
            return
        sources = self._sources(ctx.source, lang)
        if not sources:
            return
        previous = ""
        for s, e, w in word_list(doc.text):
            before, previous = previous, w.lower()
            if len(w) < _MIN_LENGTH or not w.isalpha() or in_code(doc, s):
                continue
            if (w[0].isupper() and not is_sentence_start(doc.text, s)) or any(c.isupper() for c in w[1:]):
                continue  # a name, an acronym
            low = w.lower()
            if _frequency(low) < _FRENCH_ZIPF:
                continue
            match = next((src for src in sources if cognate(low, src.word, lang)), None)
            if match is None or _renders(low, match.entry):
                continue
            if low == match.word.lower() and zipf(low, lang) > zipf(low) + _COPIED_MARGIN:
                continue  # the source word copied (« training »): SA07's, not a false friend
            if any(_renders(low, other.entry) for other in sources if other is not match):
                continue  # the word translates another word of the sentence
            if _back_renders(low, match.word, lang):
                continue
            fixes = suggestions(w, match.entry, before)
            if fixes:
                yield self.finding(
                    doc, Span(s, e), f"« {w} » looks like « {match.word} » but does not translate it: « {fixes[0]} »", fixes
                )

    @staticmethod
    def _sources(source: str, lang: str) -> list[_Source]:
        out: list[_Source] = []
        for m in _SOURCE_WORD.finditer(source):
            word = m.group()
            if word in name_words() or any(c.isupper() for c in word[1:]):
                continue
            if lang != "de" and word[0].isupper() and not is_sentence_start(source, m.start()):
                continue  # a name (German capitalises its nouns)
            if zipf(word.lower(), lang) < _SOURCE_ZIPF:
                continue
            found = source_entry(word, lang)
            if found is None or not found.translations or all(t[:1].isupper() for t in found.translations):
                continue  # no entry, or a place whose French name is no false friend (« Indiens »: « indienne »)
            out.append(_Source(word, found))
        return out
