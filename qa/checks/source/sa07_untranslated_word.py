"""SA07: a word of the source sentence copied into the French, neither French nor a name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.prose import in_code, in_quotes
from qa.knowledge.foreign_words import german_name_shape, loanwords, name_words
from qa.knowledge.wordlists import is_french_form, zipf
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import is_sentence_start, word_list

_WORD = re.compile(r"[^\W\d_]{3,}")
# A French determiner right before: a capital after it is a noun, not a name (« la Bahn »).
_DETERMINER = re.compile(r"\b(?i:la|le|les|un|une|des|du|au|aux|ce|cette|ces|son|sa|ses)[ \u00a0]+$")
# How frequent in the source language a copied word must be to be vocabulary, not a name.
_SOURCE_WORD = 2.5
_SENTENCE_START_WORD = 3.5
# How rare in French: below this, the word is no French word.
_FRENCH_WORD = 2.0
# A capitalised word this frequent in French is a name French copy uses.
_KNOWN_IN_FRENCH = 1.1


class SourceWordLeft(Check):
    """A word of the source sentence left as it was in the translation.

    With the source (`--source`), a target word that also stands in the aligned source
    sentence, is a word of the source language (not a rare name), is no French word and is
    not used as a name (a capital without a determiner) was not translated: « les Pendler »,
    « le Lkw », « huurders ». Names, loanwords and the names PN01 knows are left alone.

    Mauvais : source « … auf den Lkw ausweichen. », cible « … se tournent vers le Lkw. »
    Bon :     source « … auf den Lkw ausweichen. », cible « … se tournent vers le camion. »
    """

    code = "SA07"
    priority = 390
    data_files = ("untranslated.toml", "names.toml")
    segment_wide = True
    name = "source.untranslated-word"
    category = Category.UNTRANSLATED
    summary = "Word of the source sentence left untranslated"
    severity = Severity.WARNING
    autofix = "none"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if not ctx.source or not doc.text.strip():
            return
        lang = ctx.source_lang or "en"
        source = {w.lower() for w in _WORD.findall(ctx.source)}
        for s, e, w in word_list(doc.text):
            low = w.lower()
            if len(low) < 3 or low not in source or not self._foreign(low, lang):
                continue
            if any(c.isupper() for c in w[1:]) or w in name_words() or in_code(doc, s) or in_quotes(doc, s):
                continue  # « GDL », « WamS »: an acronym or an abbreviation
            if w[:1].isupper() and zipf(low) >= _KNOWN_IN_FRENCH:
                continue  # a name French copy uses (« Seehofer », « le Burgenland »)
            if w[:1].isupper() and not _DETERMINER.search(doc.text[max(0, s - 8) : s]):
                # A capital without a determiner is a name, unless it opens the sentence
                # with a common word of the source (« Allerdings », « Echter »).
                if not is_sentence_start(doc.text, s) or zipf(low, lang) < _SENTENCE_START_WORD:
                    continue
            elif w[:1].isupper() and german_name_shape(w):
                continue  # after a determiner: a place or a title (« le Burgenland », « la BildZeitung »)
            yield self.finding(doc, Span(s, e), f"« {w} » is copied from the source sentence: translate it")

    @staticmethod
    def _foreign(word: str, lang: str) -> bool:
        if word in loanwords() or is_french_form(word) or zipf(word) >= _FRENCH_WORD:
            return False
        return zipf(word, lang) >= _SOURCE_WORD
