"""UT04: a word French does not have at all, which a source language has."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.prose import in_code, in_quotes
from qa.checks.untranslated._addresses import address_spans
from qa.knowledge.source_nouns import suggest
from qa.data import load_toml
from qa.knowledge.bilingual import compound_splits, files, lookup
from qa.knowledge.foreign_words import SOURCES, german_compound, german_name_shape, loanwords, source_compound
from qa.knowledge.wordlists import is_french_form, other_script, zipf
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import word_list

# wordfreq's French list holds every word seen a few times in French text, names of places
# and firms included (« Wachau » 1.8, « Zermatt » 2.4, « Herengracht » 1.0): a word absent
# from it, long, and attested in a source language is a source word, not a French rarity.
_SOURCE_MIN = 1.9
_LENGTH = 6
# A compound of German or Dutch words this long, absent from every frequency list, with no letter
# that only French writes (« é », « ç »…), is a source compound left whole.
_COMPOUND_LENGTH = 12
# No French word is longer (« anticonstitutionnellement » has 25 letters); no compound read
# as one is longer than _LONGEST_COMPOUND, so a run of thousands of letters costs no more.
_LONGEST_WORD = 30
_LONGEST_COMPOUND = 60
_FRENCH_LETTERS = re.compile("[éèêàâçîôûùœæ]")
# A French determiner or elided article before a capitalised word: a German noun left in
# the text (« les Lawinen », « la Kurzarbeit »), not a name standing alone.
# An elided « l’ » or « d’ » is left out: it stands before place names (« d’Arnsberg »).
_DETERMINER = re.compile(r"\b(?i:le|la|les|des|du|au|aux|un|une|ces|cette|leur|leurs|sa|son|ses)[ \u00a0]+$")


# « NRW-weit », « VHS-Kurse », « UK-based »: an acronym and a source word glued by a hyphen,
# the way German, Dutch and English build compounds; French writes « dans toute la NRW ».
_ACRONYM_COMPOUND = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ0-9]{1,5}-([^\W\d_]{4,})")
_TAIL_MIN = 3.5  # the source word is common there
_TAIL_FRENCH = 1.5  # and rare in French
_LANGUAGE = {"de": "German", "nl": "Dutch", "en": "English"}


def _source_tail(tail: str) -> str | None:
    """The source language of the word after an acronym's hyphen, when French lacks it."""
    low = tail.lower()
    if is_french_form(low) or zipf(low) >= _TAIL_FRENCH or low in loanwords():
        return None
    if tail[:1].isupper() and not tail[1:].islower() or not tail[:1].isupper() and not tail.islower():
        return None  # « SARS-CoV »: a name of its own
    best = max(SOURCES, key=lambda lang: zipf(low, lang))
    return best if zipf(low, best) >= _TAIL_MIN else None


def _cited(doc: Document, start: int) -> bool:
    """Inside a short quotation (four words at most): a term cited as the source writes it;
    a compound inside quoted speech is as untranslated as outside it."""
    if not in_quotes(doc, start):
        return False
    para = doc.paragraph_at(start)
    if para is None:
        return True
    text = doc.text
    opened = max(text.rfind(m, para.start, start) for m in "«“\"")
    closes = [i for i in (text.find(m, start, para.end) for m in "»”\"") if i >= 0]
    return len(text[opened + 1 : min(closes, default=para.end)].split()) <= 4


def _french_head(low: str) -> bool:
    """The word ends with a French word of five letters or more (« gigawatt|heures »): a French
    compound of a unit, not a source compound."""
    return any(is_french_form(low[-n:]) and zipf(low[-n:]) >= 3.0 for n in range(5, min(len(low), _LONGEST_WORD + 1)))


def _german_noun(word: str) -> bool:
    """A headword of the German dictionary (FreeDict), a compound of two common German words, or
    a word with a German noun ending (« -ung », « -heit »): a noun, not the name of a river or a
    valley (« la Dreisam », « du Stubai »). Without the dictionary installed, any word."""
    low = word.lower()
    if files("de") is None:
        return True
    suffixes = tuple(load_toml("untranslated.toml")["german_nouns"]["suffixes"])
    if lookup(low, "de") is not None or german_compound(word) or low.endswith(suffixes):
        return True
    # two headwords glued (« Stände|rat »: « rat » is French too, so german_compound refuses it)
    splits = compound_splits(low, lambda part: lookup(part, "de"), ("", "s", "n", "en", "e"))
    return not german_name_shape(word) and any(len(modifier) >= 4 for modifier, _ in splits)


def source_only(word: str) -> str | None:
    """The source language of a word French never writes, when it is attested there."""
    low = word.lower()
    if len(low) < _LENGTH or not low.isalpha() or other_script(low) or low in loanwords() or is_french_form(low):
        return None
    if zipf(low) > 0:
        return None
    best = max(SOURCES, key=lambda lang: zipf(low, lang))
    if zipf(low, best) >= _SOURCE_MIN:
        return best
    # A long compound too rare for wordfreq even in the source (« hoogwaterbeschermingsprogramma »):
    # its parts are common words of German or Dutch, glued as French never glues them.
    if _COMPOUND_LENGTH <= len(low) <= _LONGEST_COMPOUND and not _FRENCH_LETTERS.search(low) and not _french_head(low):
        return next((lang for lang in ("de", "nl") if source_compound(low, lang)), None)
    return None


class RareSourceWord(Check):
    """A word that French never writes (absent from wordfreq's French list and from the
    lexicon) and that a source language has (« glastuinbouw », « eindtermen »,
    « les Lawinen », « la Kurzarbeit »): a source word left in the text, too rare for the
    frequency margins of UT01. In lower case anywhere; with a capital only when German and
    after a French determiner (« les Lawinen »), since a capitalised word alone, or after
    « l’ » or « d’ », is a name (« d’Arnsberg »). Also an acronym glued by a hyphen to a
    word common in a source language (zipf ≥ 3.5) and rare in French (« NRW-weit »,
    « VHS-Kurse »), the way the source builds compounds. Quotations, code and addresses are
    left alone.

    Mauvais : « La glastuinbouw consomme 7 % du gaz ; les Lawinen menacent la vallée. »
    Bon :     « La culture sous serre consomme 7 % du gaz ; les avalanches menacent la vallée. »
    """

    code = "UT04"
    priority = 295
    paragraph_local = True
    data_files = ("untranslated.toml", "names.toml", "gender.tsv", "lexicon.tsv", "noun_genders.tsv", "numbers.toml")  # loanwords; genders
    name = "untranslated.source-only-word"
    category = Category.UNTRANSLATED
    summary = "Word absent from French and attested in a source language"
    autofix = "none"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = doc.text
        addresses = address_spans(text)
        for s, e, w in word_list(text):
            if not w[:1].isalpha():
                continue
            tail = _ACRONYM_COMPOUND.fullmatch(w)
            if tail is not None:
                lang = _source_tail(tail.group(1))
                if lang is not None and not _cited(doc, s) and not any(a <= s < b for a, b in addresses):
                    yield self.finding(doc, Span(s, e), f"« {w} »: an acronym and a {_LANGUAGE[lang]} word glued as the "
                                       "source writes its compounds: translate it", [])
                continue
            capital = w[:1].isupper()
            if capital:
                if not w[1:].islower() or not _DETERMINER.search(text[max(0, s - 8) : s]):
                    continue
                if re.match(r"[ \u00a0]+[A-ZÀ-ÖØ-Þ]", text[e : e + 3]):
                    continue  # « la Volks Bank »: a multiword name
            elif not w.islower():
                continue
            lang = source_only(w)
            if lang is None or in_quotes(doc, s) or in_code(doc, s) or any(a <= s < b for a, b in addresses):
                continue
            if capital and (lang != "de" or not _german_noun(w)):
                continue  # only German capitalises its common nouns; « la Dreisam », « du Stubai »: a river, a valley
            rewrite = suggest(text, s, e, [lang])
            span = Span(rewrite[0] if rewrite else s, e)
            yield self.finding(doc, span, f"« {w} » is not French: a {lang} word left untranslated", [rewrite[1]] if rewrite else [])
