"""SA07: a word of the source sentence copied into the French, neither French nor a name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.prose import in_code, in_quotes
from qa.checks.source._dictionary import lookup
from qa.knowledge.source_nouns import suggest
from qa.knowledge.foreign_words import german_name_shape, learned_endings, loanwords, name_words, source_compound
from qa.knowledge.wordlists import is_french_form, zipf
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import is_sentence_start, starts_with_vowel_sound, word_list

_WORD = re.compile(r"[^\W\d_]{3,}")
# A French determiner right before: a capital after it is a noun, not a name (« la Bahn »).
_DETERMINER = re.compile(
    r"\b(?i:la|le|les|un|une|des|du|au|aux|ce|cette|ces|son|sa|ses|leurs|nombreux|nombreuses|plusieurs|quelques)[ \u00a0]+$"
)
# « M. », « Mme » right before: a title of office may follow, as in German « Herr Präsident ».
_HONORIFIC = re.compile(r"(?<![\w.])(M\.|Mme|Monsieur|Madame)[ \u00a0]+$")
# German « Herr » / « Frau » before a word: the address by a title or a surname.
_SOURCE_HONORIFIC = {"de": r"(?:Herrn?|Frau)", "nl": r"(?:meneer|mevrouw|heer)"}
# How frequent in the source language a copied word must be to be vocabulary, not a name.
_SOURCE_WORD = 2.5
_SENTENCE_START_WORD = 3.5
# How rare in French: below this, the word is no French word.
_FRENCH_WORD = 2.0
# A word this common in the source, this much more than in French (where it stands in names
# and quotations) and below this in French, copied in lower case, is no French word either.
_COMMON_SOURCE = 4.5
_BORROWED_MARGIN = 1.5
_BORROWED_FRENCH = 3.5
# A capitalised word this frequent in French is a name French copy uses.
_KNOWN_IN_FRENCH = 1.1
# A compound of source words (« Volkshochschulträgerverein ») this rare in French is no
# French word even when wordfreq does not know it in the source language either.
_COMPOUND_FRENCH = 1.0
_COMPOUND_LENGTH = 8
# A capitalised part of a hyphenated copy (after a determiner) this much more common in the
# source language than in French is the source's noun, not a name (« le Springer-Blatt »).
_HYPHEN_PART_MARGIN = 2.0
# Inflection endings of the source: the target keeps the stem (« des Volkshochschulträgervereins »).
_ENDINGS = ("", "s", "es", "n", "en", "e", "er", "ern")
# A learned word of the sciences (untranslated.toml [learned]) this long, and rarer than this in
# English (« microbiome » 2.6; « purpose » 4.9 and « database » 4.3 are vocabulary), is French
# too. English only: German compounds end alike (« Arbeitslose », « Steckdose »).
_LEARNED_LENGTH = 7
_LEARNED_SOURCE = 3.5
# A quotation of this many words at most mentions a term; a longer one is translated speech.
_TERM_WORDS = 3


class SourceWordLeft(Check):
    """A word of the source sentence left as it was in the translation.

    With the source (`--source`), a target word that also stands in the aligned source
    sentence (in any of its inflected forms), is a word of the source language or a
    compound of its words (not a rare name), is no French word and is not used as a name
    (a capital without a determiner) was not translated: « les Pendler », « le Lkw »,
    « huurders », « la Volkshochschulträgerverein ». So is a hyphenated word copied whole
    with a common source word in it (« NRW-weit »), or after a determiner with a source noun
    of the dictionary or a long compound of source words in it (« le Springer-Blatt »), and a German adjective of place before
    a noun (« le directeur de Lüdenscheider AGV »: « de l’AGV de Lüdenscheid »). Names,
    loanwords and the names PN01 knows are left alone (a surname after « M. » too, but not a
    title of office the source addresses with « Herr » or « Frau »: « M. Landeshauptmann »); so is a word quoted as a term
    (« le “Kurzarbeit” »), not a word inside a translated quotation.

    Mauvais : source « … auf den Lkw ausweichen. », cible « … se tournent vers le Lkw. »
    Bon :     source « … auf den Lkw ausweichen. », cible « … se tournent vers le camion. »
    """

    code = "SA07"
    priority = 390
    data_files = ("untranslated.toml", "names.toml", "gender.tsv", "lexicon.tsv", "noun_genders.tsv", "numbers.toml")
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
        hyphenated = {w.lower() for _, _, w in word_list(ctx.source) if "-" in w}
        # German capitalised copies passed over as names; one is reported after all when the
        # text writes another form of it as a noun (« les Kitas » … « des places en Kita »).
        passed: list[tuple[int, int, str]] = []
        yield from self._scan(doc, ctx, lang, source, hyphenated, passed)
        for s, e, w in passed:
            if lang == "de" and not _name_goes_on(doc.text, e) and self._noun_elsewhere(w, doc, ctx, lang):
                rewrite = suggest(doc.text, s, e, [lang])
                span = Span(rewrite[0] if rewrite else s, e)
                yield self.finding(doc, span, f"« {w} » is copied from the source sentence, and written as a noun "
                                   "elsewhere in the text: translate it", [rewrite[1]] if rewrite else [])

    def _noun_elsewhere(self, word: str, doc: Document, ctx: Context, lang: str) -> bool:
        """Another form of the word (or the word) after a French determiner somewhere in the file,
        copied from the source, no French word and rare in French (« les Kitas »): a noun there, so
        a noun here too. A name French uses with an article (« la Bundeswehr ») is frequent in French."""
        low = word.lower()
        if is_french_form(low) or low in loanwords() or word in name_words() or german_name_shape(word):
            return False
        text = ctx.file_text or doc.text
        whole_source = {w.lower() for w in _WORD.findall(ctx.file_source or ctx.source or "")}
        stem = re.escape(word[:-2] if len(word) > 6 else word[:-1] if len(word) > 4 else word)
        for m in re.finditer(rf"(?<![\w-]){stem}\w{{0,4}}(?![\w-])", text):
            form = m.group()
            if not _copied(form.lower(), {low}) or not _DETERMINER.search(text[max(0, m.start() - 12) : m.start()]):
                continue
            if _name_goes_on(text, m.end()):
                continue  # « la Süddeutsche Zeitung »: a name after its article
            if form.lower() in whole_source and zipf(form.lower()) < _KNOWN_IN_FRENCH and self._foreign(form.lower(), lang):
                return True
        return False

    def _scan(self, doc: Document, ctx: Context, lang: str, source: set[str], hyphenated: set[str],
              passed: list[tuple[int, int, str]]) -> Iterator[Finding]:
        names = _source_names(ctx.source or "") if lang in ("nl", "en") else frozenset()
        for s, e, w in word_list(doc.text):
            if in_code(doc, s) or _quoted_term(doc, s):
                continue
            if w[:1].isupper() and w.lower() in names:
                continue  # « dans le Rijnhaven » for « in de Rijnhaven »: Dutch and English capitalise names only
            if "-" in w:
                if w.lower() in hyphenated and self._hyphenated_foreign(w, doc, s, lang):
                    yield self.finding(doc, Span(s, e), f"« {w} » is copied from the source sentence: translate it")
                continue
            low = w.lower()
            if len(low) < 3 or not _copied(low, source):
                continue
            if any(c.isupper() for c in w[1:]) or w in name_words():
                continue  # « GDL », « WamS »: an acronym or an abbreviation
            if _place_adjective(w, doc, s, ctx.source, lang):
                yield self.finding(doc, Span(s, e), f"« {w} » is a German adjective of place: « de {w[:-2]} »")
                continue
            if not (self._foreign(low, lang) or (w.islower() and ctx.domain == "news" and _common_source_word(low, lang))):
                if w[:1].isupper() and lang == "de" and zipf(low, lang) >= _SOURCE_WORD:
                    passed.append((s, e, w))  # « Kita »: frequent in French as a name
                continue
            if w[:1].isupper() and zipf(low) >= _KNOWN_IN_FRENCH:
                if not _DETERMINER.search(doc.text[max(0, s - 12) : s]):
                    passed.append((s, e, w))
                continue  # a name French copy uses (« Seehofer », « le Burgenland »)
            title = _HONORIFIC.search(doc.text[max(0, s - 12) : s])
            if title and w[:1].isupper() and _addressed(ctx.source, w, lang):
                # « M. Landeshauptmann » for « Herr Landeshauptmann »: German addresses a person
                # by the title of office, French by « le » and the title translated
                yield self._title(doc, Span(s - len(title.group()), e), w, title.group(1), lang)
                continue
            if w[:1].isupper() and not _DETERMINER.search(doc.text[max(0, s - 12) : s]):
                # A capital without a determiner is a name, unless it opens the sentence
                # with a common word of the source (« Allerdings », « Echter »), or stands
                # after an elided article as a German compound of common words does
                # (« ne versent pas l’Elternbeitrag »).
                if _elided_german_noun(w, doc.text, s, ctx.source, lang):
                    pass
                elif not is_sentence_start(doc.text, s) or zipf(low, lang) < _SENTENCE_START_WORD:
                    passed.append((s, e, w))
                    continue
            elif w[:1].isupper() and (german_name_shape(w) or _name_goes_on(doc.text, e)):
                # after a determiner: a place or a title (« le Burgenland », « la BildZeitung »),
                # or the first word of a name (« la Städtische Wirtschaftsschule »)
                continue
            rewrite = suggest(doc.text, s, e, [lang])
            span = Span(rewrite[0] if rewrite else s, e)
            yield self.finding(doc, span, f"« {w} » is copied from the source sentence: translate it", [rewrite[1]] if rewrite else [])

    def _title(self, doc: Document, span: Span, word: str, honorific: str, lang: str) -> Finding:
        article = "la" if honorific.startswith(("Mme", "Madame")) else "le"
        phrase = f"{article} {word}"
        french = suggest(phrase, len(article) + 1, len(phrase), [lang])
        fixes = []
        if french:
            # the French noun, with the article of the person's sex (« Frau Ministerin »: « la ministre »)
            noun = re.sub(r"^(?:le|la|l[’'])[ \u00a0]?", "", (phrase[: french[0]] + french[1]).strip())
            fixes = [f"l’{noun}" if starts_with_vowel_sound(noun) else f"{article} {noun}"]
        return self.finding(doc, span, f"« {word} » is a title of office copied from the source: translate it", fixes)

    @staticmethod
    def _foreign(word: str, lang: str) -> bool:
        if word in loanwords() or is_french_form(word) or zipf(word) >= _FRENCH_WORD:
            return False
        if lang == "en" and len(word) >= _LEARNED_LENGTH and word.endswith(learned_endings()) and zipf(word, lang) < _LEARNED_SOURCE:
            return False  # « microbiome », « polymérase »-like terms of the sciences: French spells them alike
        if zipf(word, lang) >= _SOURCE_WORD:
            return True
        if zipf(word) < _COMPOUND_FRENCH and lookup(word, lang) is not None:
            return True  # a headword of the bilingual dictionary, rare in wordfreq (« Imker »)
        return len(word) >= _COMPOUND_LENGTH and zipf(word) < _COMPOUND_FRENCH and source_compound(word, lang)

    def _hyphenated_foreign(self, word: str, doc: Document, s: int, lang: str) -> bool:
        """« NRW-weit », « la Corona-Krise »: a lower-case part, or after a determiner a
        capitalised part, that is a common source word and no French word."""
        if word.lower() in loanwords() or is_french_form(word.lower()):
            return False  # « week-end », « check-up »: borrowed whole
        after_determiner = bool(_DETERMINER.search(doc.text[max(0, s - 12) : s]))
        for part in word.split("-"):
            low = part.lower()
            if len(low) < 3 or low in loanwords() or is_french_form(low) or part in name_words():
                continue
            if part.istitle() and after_determiner and _source_noun_part(low, lang):
                return True  # « le Springer-Blatt », « la NRW-Arbeitsschutzverwaltung »
            if zipf(low) >= _FRENCH_WORD or german_name_shape(part) or zipf(low, lang) < _SOURCE_WORD:
                continue
            if part.islower() or (part.istitle() and after_determiner):
                return True
        return False


def _source_noun_part(low: str, lang: str) -> bool:
    """A part of a hyphenated word that is a noun of the source's dictionary, far more common
    in the source language than in French (« blatt »: 4.4 against 2.2, from titles), or a long
    compound of common source words that French does not know (« arbeitsschutzverwaltung »)."""
    if lang not in ("de", "nl") or not lookup(low, lang):
        if lang in ("de", "nl") and len(low) >= _COMPOUND_LENGTH and zipf(low) < _COMPOUND_FRENCH:
            return source_compound(low, lang)
        return False
    return zipf(low, lang) >= _SOURCE_WORD and zipf(low, lang) - zipf(low) >= _HYPHEN_PART_MARGIN


def _addressed(source: str, word: str, lang: str) -> bool:
    """The source puts « Herr » or « Frau » (Dutch « meneer », « mevrouw ») before the word."""
    honorific = _SOURCE_HONORIFIC.get(lang)
    return honorific is not None and re.search(rf"(?<!\w){honorific}[ \u00a0]+{re.escape(word)}(?!\w)", source, re.IGNORECASE) is not None


def _common_source_word(word: str, lang: str) -> bool:
    """« le council d’Argyll »: a common word of the source, copied in lower case, that
    French meets only in names and quotations (wordfreq counts them: « council » 3.2 in
    French, 5.1 in English). News only: technical French borrows such words (« le thread »)."""
    if word in loanwords() or is_french_form(word):
        return False
    french, source = zipf(word), zipf(word, lang)
    return french < _BORROWED_FRENCH and source >= _COMMON_SOURCE and source - french >= _BORROWED_MARGIN


# An elided article before the French word; German determiners before the source word.
_ELIDED = re.compile(r"(?<![\w-])[lLdD]['’]$")
_GERMAN_DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines "
    "sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere unseren jeder jede jeden jedes".split()
)


def _elided_german_noun(word: str, text: str, start: int, source: str, lang: str) -> bool:
    """« l’Elternbeitrag »: after « l’ » or « d’ », a capitalised German compound of common
    words, absent from French, which the source writes after a determiner (« keinen
    Elternbeitrag »), is a common noun left whole. Places and names take no determiner in
    German (« in Arnsberg »), and end as places do (« -berg », « -land »)."""
    if lang != "de" or not _ELIDED.search(text[max(0, start - 2) : start]) or not word[1:].islower():
        return False
    low = word.lower()
    if zipf(low) > 0 or german_name_shape(word) or word in name_words() or not source_compound(low, "de"):
        return False
    for m in re.finditer(rf"(?<![\w-])(\w+)[ \u00a0]+(?:(\w+)[ \u00a0]+)?{re.escape(word)}\w{{0,3}}(?![\w-])", source):
        # the determiner right before, or before one lower-case adjective (« keinen neuen Beitrag »)
        if (m.group(2) or m.group(1)).lower() in _GERMAN_DETERMINERS or (
                m.group(2) and m.group(2).islower() and m.group(1).lower() in _GERMAN_DETERMINERS):
            return True
    return False


def _source_names(source: str) -> frozenset[str]:
    """The words a Dutch or English source writes with a capital inside a sentence and never in
    lower case: names (« de Rijnhaven », « de Martinitoren »). A line in Title Case (a headline)
    tells nothing: it has no lower-case word of four letters or more."""
    capital: set[str] = set()
    lower: set[str] = set()
    for line in source.splitlines():
        words = word_list(line)
        headline = not any(w.islower() and len(w) >= 4 for _, _, w in words)
        for s, _, w in words:
            if w.islower():
                lower.add(w)
            elif w[:1].isupper() and w[1:].islower() and not headline and not is_sentence_start(line, s):
                capital.add(w.lower())
    return frozenset(capital - lower)


def _name_goes_on(text: str, end: int) -> bool:
    """A capitalised word follows: the word opens a name of several words."""
    return re.match(r"[ \u00a0]+[A-ZÄÖÜ][^\W\d_]", text[end : end + 3]) is not None


def _copied(low: str, source: set[str]) -> bool:
    """The word stands in the source, or one of its inflected forms does."""
    return any(low + end in source for end in _ENDINGS) or any(
        low.endswith(end) and low[: -len(end)] in source for end in _ENDINGS[1:]
    )


def _place_adjective(word: str, doc: Document, s: int, source: str, lang: str) -> bool:
    """« Lüdenscheider AGV »: a German adjective of place (a capitalised « -er » word between
    an article or a preposition and a noun in the source) left before a noun in French.
    Surnames in « -er » stand after a first name or open a clause; titles (« Frankfurter
    Allgemeine ») go on with a capitalised word, in the source and in the French."""
    if lang != "de" or len(word) < 7 or not word.endswith("er") or not word.istitle():
        return False
    m = re.search(rf"(?<![\w-])(\w+)[ \u00a0]+{re.escape(word)}[ \u00a0]+([A-ZÄÖÜ][\w-]*)", source)
    if m is None or not m.group(1).islower() or m.group(2).istitle() and "-" not in m.group(2):
        return False
    before = re.search(r"(\w+)[ \u00a0]+$", doc.text[max(0, s - 20) : s])
    after = re.match(r"[ \u00a0]+(\w+)", doc.text[s + len(word) : s + len(word) + 30])
    if before is None or not before.group(1).islower():
        return False
    return after is None or not after.group(1).istitle()


def _quoted_term(doc: Document, start: int) -> bool:
    """Inside a short quotation (« “Kurzarbeit” », « le “Lkw” »): a term mentioned on purpose."""
    if not in_quotes(doc, start):
        return False
    para = doc.paragraph_at(start)
    end = para.end if para is not None else len(doc.text)
    begin = para.start if para is not None else 0
    opening = max(doc.text.rfind(q, begin, start) for q in "«“\"")
    closing = [i for i in (doc.text.find(q, start, end) for q in "»”\"") if i >= 0]
    inner = doc.text[opening + 1 : min(closing) if closing else end]
    return len(inner.split()) <= _TERM_WORDS
