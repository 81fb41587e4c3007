"""UT05: a common source word in a French noun slot, or opening a French sentence, without the source."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.prose import in_code, in_quotes
from qa.checks.untranslated._addresses import address_spans
from qa.data import load_toml
from qa.knowledge.foreign_words import SOURCES, foreign_language, german_name_shape, loanwords, name_words
from qa.knowledge.bilingual import lookup
from qa.knowledge.source_nouns import suggest
from qa.knowledge.wordlists import is_french_form, other_script, zipf
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import is_sentence_start, word_list

# A French determiner right before: the word fills a noun slot (« le council »).
_DETERMINER = re.compile(r"(?:\b(?i:le|la|les|un|une|du|des|au|aux|ce|cet|cette|ces|son|sa|ses|leur|leurs)[ \u00a0]+"
                         r"|\b[lLdD]['’])$")
# In a noun slot: common in English (wordfreq zipf; « lazy » 4.2 is not), this much more than in French
# (where the word stands in names and quotations: « council » 5.1 in English, 3.2 in French).
_SLOT_SOURCE = 4.4
_SLOT_MARGIN = 1.5
# UT01 reports a lone word with this margin already (its _SINGLE_MARGIN).
_UT01_MARGIN = 2.8
# Opening a sentence with a capital: frequent in the source, never written in French.
_START_SOURCE = 3.5
_START_COMMON = 4.5
_LANGUAGE = {"de": "German", "nl": "Dutch", "en": "English"}


@cache
def _first_names() -> frozenset[str]:
    data = load_toml("first_names.toml")
    return frozenset(str(n).lower() for names in (data.get("female", []), data.get("male", [])) for n in names)


def _best(low: str) -> tuple[str, float]:
    lang = max(SOURCES, key=lambda x: zipf(low, x))
    return lang, zipf(low, lang)


def _not_french(low: str) -> bool:
    return len(low) >= 3 and low.isalpha() and not other_script(low) and not is_french_form(low) and low not in loanwords()


def slot_word(low: str) -> str | None:
    """« en » for a lower-case English word French does not write, common in English, in a noun
    slot. English only: French history and culture borrow German and Dutch nouns in lower case
    (« le kommando de Farge »), and UT01's margins report the Dutch and German ones already."""
    if not _not_french(low) or foreign_language(low, _UT01_MARGIN):
        return None  # French, borrowed, or UT01's
    source = zipf(low, "en")
    return "en" if source >= _SLOT_SOURCE and source - zipf(low) >= _SLOT_MARGIN else None


def start_word(word: str) -> str | None:
    """The source language of a capitalised word opening a sentence that French never writes
    (wordfreq's French list lacks it: names of places and people are in it) and that is
    very common in a source language, or common and a headword of the bilingual dictionary
    (« Ondertussen », « Genehmigung »)."""
    low = word.lower()
    if not word.istitle() or not _not_french(low) or zipf(low) > 0:
        return None
    if word in name_words() or german_name_shape(word) or low in _first_names():
        return None
    lang, source = _best(low)
    if source < _START_SOURCE:
        return None
    # A name of a firm or a body is as frequent (« Rijkswaterstaat » 3.7 in Dutch): a common
    # word is very frequent, or a headword of the bilingual dictionary (FreeDict).
    entry = lookup(low, lang) if source < _START_COMMON else None
    if source < _START_COMMON and (entry is None or low in (t.lower() for t in entry[1].translations)):
        return None
    return lang


class SourceNoun(Check):
    """A common word of a source language where French writes a word of its own, read without
    the source: in lower case after a French determiner, more frequent in English than in French
    by 1.5 zipf and common there (≥ 4.4: « le council », « du government »), the margins too
    narrow for UT01's lone words (2.8), unless a bracket glosses it; or with a capital opening a
    sentence (« Ondertussen, … », « Genehmigung … »), absent from wordfreq's French list (which
    holds the names French writes) and very common in a source language (≥ 4.5), or common
    (≥ 3.5) and a headword of the bilingual dictionary (names of firms and bodies are as
    common: « Rijkswaterstaat » 3.7). Loanwords (« le leader », « le staff ») and the French
    lexicon's words (« le board », « le speaker ») stay quiet; a capitalised word that the
    text also writes inside a sentence, or followed by another capital, is a name; first
    names too.

    Mauvais : « Ondertussen, le council a voté le budget. »
    Bon :     « Entre-temps, le conseil a voté le budget. »
    """

    code = "UT05"
    priority = 296
    paragraph_local = False  # a name is known from the rest of the text
    data_files = ("untranslated.toml", "names.toml", "first_names.toml", "gender.tsv", "lexicon.tsv", "noun_genders.tsv", "numbers.toml")
    name = "untranslated.source-noun"
    category = Category.UNTRANSLATED
    summary = "Common source word in a noun slot or opening a sentence"
    severity = Severity.WARNING
    autofix = "none"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = doc.text
        addresses = address_spans(text)
        tokens = word_list(text)
        inside = {w for s, _, w in tokens if w[:1].isupper() and not is_sentence_start(text, s)}
        for i, (s, e, w) in enumerate(tokens):
            if not w[:1].isalpha():
                continue
            if w.islower():
                if not _DETERMINER.search(text[max(0, s - 8) : s]) or self._name_goes_on(text, e, tokens, i):
                    continue
                if re.match(r"(?:[ \u00a0]+[a-z]+)?[ \u00a0]*\(", text[e : e + 30]):
                    continue  # « le lazy bed (littéralement : …) »: a term glossed, mentioned on purpose
                lang = slot_word(w)
                message = f"« {w} » is a common English word French does not write: translate it"
            elif is_sentence_start(text, s) and w not in inside:
                if re.match(r"[ \u00a0]+[A-ZÀ-Þ]", text[e : e + 3]) or "-" in w:
                    continue  # « Waterschap Scheldestromen »: a name of several words
                lang = start_word(w)
                message = f"« {w} » opens the sentence in {_LANGUAGE.get(lang or '', '')}: translate it"
            else:
                continue
            if lang is None or in_quotes(doc, s) or in_code(doc, s) or any(a <= s < b for a, b in addresses):
                continue
            following = re.match(r"[ \u00a0]+([a-zà-ÿ]+)(?![\w'’-])", text[e : e + 40])
            if w.islower() and following and (slot_word(following.group(1)) or foreign_language(following.group(1))):
                # « le chief executive »: two source words, translated together
                yield self.finding(doc, Span(s, e + following.end()), f"« {text[s : e + following.end()]} » is "
                                   f"{_LANGUAGE[lang]}: translate it", [])
                continue
            rewrite = suggest(text, s, e, [lang])
            yield self.finding(doc, Span(rewrite[0] if rewrite else s, e), message, [rewrite[1]] if rewrite else [])

    @staticmethod
    def _name_goes_on(text: str, end: int, tokens: list[tuple[int, int, str]], i: int) -> bool:
        """A capitalised word right after, inside the sentence: the lower-case word is part of a
        name (« la Royal Society of arts »)."""
        return re.match(r"[ \u00a0]+[A-ZÀ-Þ]", text[end : end + 3]) is not None and i + 1 < len(tokens) \
            and not is_sentence_start(text, tokens[i + 1][0])
