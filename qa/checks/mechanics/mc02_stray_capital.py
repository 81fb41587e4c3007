"""MC02: capitals left mid-sentence by the source language (German nouns, English title
case), and the « de » dropped after a noun of quantity or « près »."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._capitals import (
    DATA_FILES,
    capital_sets,
    capitals_inside_names,
    continues_name,
    designation,
    field_of,
    in_acronyms,
    in_titles,
    inside_names,
    may_be_stray,
    name_shape,
    titles_in,
)
from qa.checks.mechanics._capital_runs import RUN_FILES, widen_lowerings
from qa.checks.mechanics._quantities import part_nouns
from qa.checks.mechanics._shared import mechanics_data
from qa.checks.mechanics._word_classes import adjective_base, is_adjective, is_verb_form, pos_lemmas
from qa.checks.scope import paragraph_words
from qa.knowledge.nlp import Analysis, Token
from qa.knowledge.wordlists import is_french_form, zipf
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import fold_key, is_sentence_start, lower_first, starts_with_vowel_sound, words

_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ]{2,}")
_NEAR_NUMBER = re.compile(r"\b(près|autour)[ \u00a0]+(?=\d)")


# Words before a capitalised noun that show it has no determiner: French common nouns
# have one there, names need none.
_BARE_BEFORE = frozenset({"PUNCT", "VERB", "AUX", "PRON", "SCONJ"})
# What follows a stray capital but rarely a name's head word.
_BREAKS = frozenset({"VERB", "AUX", "PUNCT"})
_GERMAN_HABIT, _GERMAN_DENSITY = 2, 80  # a habit: more than two, and at least one every 80 words
_STRONG_NEXT = frozenset(["à", "au", "aux", "avec", "contre", "dans", "en", "par", "pour", "sans", "selon", "sous", "sur", "vers"])


def _breaks(nxt: Token) -> bool:
    """A verb, a participle, punctuation or a preposition other than « de » after the noun."""
    if nxt.pos in _BREAKS or nxt.text.lower() in _STRONG_NEXT:
        return True
    return nxt.text.isalpha() and nxt.text.islower() and is_verb_form(nxt.text)


_OF_COMMON = re.compile(r"[ \u00a0]+(?:du|des|de la|de l['’])[ \u00a0]?([a-zà-öø-ÿœ][\w-]+)")


def _of_common_noun(doc: Document, t: Token) -> bool:
    m = _OF_COMMON.match(doc.text, t.end)
    return m is not None and is_french_form(m.group(1))


# Finite verbs that end a ministry's name: « Le ministre veut … », « la ministre a … ».
_FINITE = re.compile(r"\b(?:a|ont|est|sont|veut|veulent|va|vont|doit|doivent|peut|peuvent|fait|font|souhaite|entend|compte|prévoit)\b")


@cache
def _single_lists() -> tuple[tuple[str, ...], frozenset[str]]:
    caps = mechanics_data()["capitals"]
    return tuple(caps["single_suffixes"]), frozenset(w.lower() for w in caps["single_exceptions"])


_DET_BEFORE = frozenset(["la", "le", "l'", "l’", "les", "un", "une", "des", "du", "au", "aux", "sa", "son", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "ce", "cet", "cette", "ces"])
_OF_THEN_COMMON = re.compile(
    r"[ \u00a0]+(?:du|des|de la|de l['’]|d['’]un|d['’]une|de (?:ses|son|sa|leur|leurs|ces|cette|ce|nos|notre)|de|d['’])[ \u00a0]?([a-zà-öø-ÿœ][\w-]+)"
)


def _deverbal(singular: str) -> bool:
    """A noun of action made from a verb's stem (« commande » of « commander », « hausse »
    of « hausser »). Only its plural counts (« les Commandes »): the singular names bodies
    and papers too (« la Poste », « la Presse », « la Réforme »)."""
    return singular.endswith("e") and singular + "r" in pos_lemmas("verb") and singular in pos_lemmas("noun")


def _single_german_capital(doc: Document, analysis: Analysis, t: Token, keep: frozenset[str]) -> bool:
    """One capitalised abstract noun after a determiner (« leur Production en Allemagne »),
    followed by a verb, punctuation, a preposition or « de » + a common noun: a German
    noun capital even when it is the only one in the text. Abstract nouns of action or
    state are rarely names; those French writes with a capital are listed as exceptions.
    In the plural, nouns of action made from a verb's stem count too (« les Commandes »),
    and so does a determiner opening the sentence (« Les Exportations vers la Chine »)."""
    suffixes, exceptions = _single_lists()
    low = t.text.lower()
    prev = analysis.tokens[t.i - 1]
    singular = low.removesuffix("s")
    if prev.text.lower() not in _DET_BEFORE or low in exceptions or singular in exceptions or low in keep or t.ent == "PER":
        return False
    plural = low != singular
    if is_sentence_start(doc.text, prev.start) and not plural:
        return False  # « Le Monument pour les victimes… »: a name opening the sentence
    for j in range(t.i - 1, max(-1, t.i - 13), -1):
        w = analysis.tokens[j]
        if (w.pos in ("VERB", "AUX") and w.morph.get("VerbForm") != "Part") or w.para != t.para:
            break  # « Le ministre veut limiter la Consommation »: the minister is the subject
        if w.text.lower().startswith(("ministère", "ministre", "portefeuille", "secrétaire", "secrétariat")):
            return False  # « ministre déléguée à la Cohésion sociale et à la Parité »
    if not (singular.endswith(suffixes) or (plural and _deverbal(singular))) or max(zipf(low), zipf(singular)) < 3.5:
        return False  # plural too: « les Exportations vers la Chine », « des Commandes de pièces »
    nxt = analysis.tokens[t.i + 1] if t.i + 1 < len(analysis.tokens) else None
    if nxt is None or nxt.para != t.para:
        return True
    if nxt.text.lower() in ("de", "du", "des", "d'", "d’"):
        m = _OF_THEN_COMMON.match(doc.text, t.end)
        return m is not None and (is_french_form(m.group(1)) or zipf(m.group(1)) >= 3.5)
    return _breaks(nxt) or (nxt.pos == "ADP" and nxt.text.islower())


_BEFORE_CAPITAL = re.compile(r"[ \u00a0]+[A-ZÀ-ÖØ-ÞŒ]")
_CAPITALISED_WORD = re.compile(r"(?<![^\W\d_])[A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ]{2,}(?![^\W\d_])")


@cache
def _title_case_heads() -> frozenset[str]:
    return frozenset(fold_key(w) for w in mechanics_data()["capitals"]["title_case_heads"])


class StrayCapital(Check):
    """A common noun with a capital in the middle of a sentence.

    German capitalises every noun and English writes names of ministries in title case;
    French does neither: « ministère de la Justice », « la production ». Names of
    institutions (« la Banque centrale européenne »), the field of a ministry
    (« ministère de la Défense ») and words used as names (« l’Occident ») keep theirs;
    adjectives inside such names lose the title case English gives them (« Banque
    Centrale Européenne » → « Banque centrale européenne »). One capital alone is
    reported when it is an abstract noun of action or state after a determiner (« leur
    Production en Allemagne »), since those are rarely names. The capital of a designation
    stays (qa/data/designations.toml): the head of a body, an event or a work with its
    complement (« le Secrétariat d’État à l’économie », « la Guerre froide »), a field after
    « musée de », « rue de », « ministères de … et de », a title after « la série », a name
    beside its acronym, a word after a spaced dash or with no determiner. The same check
    restores the « de » a translation drops after a noun of quantity or « près » before a
    number.

    Mauvais : « comprend également des Munitions pour les batteries Patriot »
    Bon :     « comprend également des munitions pour les batteries Patriot »
    """

    code = "MC02"
    priority = 190
    paragraph_local = True
    data_files = (*DATA_FILES, *RUN_FILES, "missing_words.toml")
    name = "mechanics.stray-capital"
    category = Category.CAPITALIZATION
    summary = "Capitalised common noun mid-sentence; missing « de » after a quantity"
    needs_nlp = True
    autofix = "all"

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        """Paragraphs with a noun of quantity, a head of a title-cased name, or a capitalised
        word that could be a stray common noun (the word tests of _capitals, without spaCy)."""
        quantity = capital_sets()[3]
        heads = _title_case_heads()
        named = titles_in(doc)
        found = set()
        for k, present in enumerate(paragraph_words(doc, ctx)):
            if not present.isdisjoint(quantity) or not present.isdisjoint(heads):
                found.add(k)
                continue
            para = doc.paragraphs[k]
            for m in _CAPITALISED_WORD.finditer(doc.text, para.start, para.end):
                low = m.group().lower()
                if low in named or not may_be_stray(low) or is_sentence_start(doc.text, m.start()):
                    continue
                if low not in capital_sets()[1] and _BEFORE_CAPITAL.match(doc.text, m.end(), para.end):
                    continue  # part of a multiword name: the next token starts with a capital
                found.add(k)
                break
        return found

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        analysis = ctx.analysis(doc)
        used: set[int] = set()
        named = capitals_inside_names(doc)
        for start, end, right, name in named:
            yield self.finding(doc, Span(start, end), f"« {doc.text[start:end]} »: the name « {name} » has one capital, on its first word", [right], autofix=True)
        starts = {start for start, _, _, _ in named}
        used.update(t.i for t in analysis.tokens if t.start in starts)
        yield from self._quantities(doc, analysis, used)
        lowered = [*self._title_case(doc, analysis, used), *self._capitals(doc, analysis, used, ctx)]
        yield from widen_lowerings(doc, analysis, lowered, stops=starts)  # a known name's own finding stands
        for m in _NEAR_NUMBER.finditer(doc.text):
            before = doc.text[max(0, m.start() - 12) : m.start()].lower().split()
            if before and before[-1] in ("peu", "tout", "très", "plus", "si", "aussi"):
                continue
            span = Span(m.start(1), m.end(1))
            yield self.finding(
                doc, span, f"« {m.group(1)} » before a number needs « de »", [f"{m.group(1)} de"],
                autofix=True, category=Category.MISSING_WORD,
            )

    def _title_case(self, doc: Document, analysis: Analysis, used: set[int]) -> Iterator[Finding]:
        """« la Banque Centrale Européenne » → « Banque centrale européenne »: in a French
        name only the first word takes a capital (English title case does not carry over)."""
        institutions = set(mechanics_data()["capitals"]["title_case_heads"])
        tokens = analysis.tokens
        for t in tokens[1:]:
            prev = tokens[t.i - 1]
            head = prev
            while head.i in used and head.i > 0:
                head = tokens[head.i - 1]  # a chain: « Fonds Monétaire International »
            if not _CAPITALISED.fullmatch(t.text) or head.text not in institutions or prev.para != t.para:
                continue
            if t.start - prev.end > 1 or not adjective_base(t.text.lower()) or t.ent == "PER":
                continue
            nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
            if nxt is not None and nxt.para == t.para and _CAPITALISED.fullmatch(nxt.text) and not adjective_base(nxt.text.lower()):
                continue  # « Union Saint-Gilloise », « Banque Populaire Caisse… »: a foreign or brand name
            used.add(t.i)
            low = t.text.lower()
            yield self.finding(doc, Span(t.start, t.end), f"« {t.text} » inside a French name takes no capital", [low], autofix=True)

    def _quantities(self, doc: Document, analysis: Analysis, used: set[int]) -> Iterator[Finding]:
        quantity = capital_sets()[3]
        tokens = analysis.tokens
        for t, nxt in zip(tokens, tokens[1:], strict=False):
            if t.text.lower() not in quantity or nxt.para != t.para or nxt.start - t.end > 1:
                continue
            if not nxt.text.isalpha() or nxt.pos not in ("NOUN", "PROPN"):
                continue
            low = nxt.text.lower()
            if not is_french_form(low) or (nxt.pos == "PROPN" and not nxt.text[:1].isupper()):
                continue
            if nxt.text.islower() and (adjective_base(low) or is_verb_form(low)):
                continue  # « une quantité finie », « un nombre obscur »: an adjective, no missing « de »
            noun = lower_first(nxt.text) if _CAPITALISED.fullmatch(nxt.text) else nxt.text
            de = "d’" if starts_with_vowel_sound(noun) else "de "
            if t.text.lower() in part_nouns() and noun.endswith(("s", "x")):
                de = "des "  # « la plupart des projets », « la majorité des électeurs »: a part of a known whole
            used.add(nxt.i)
            span = Span(t.start, nxt.end)
            yield self.finding(
                doc, span, f"« {t.text} » needs « de » before « {nxt.text} »", [f"{t.text} {de}{noun}"],
                autofix=True, category=Category.MISSING_WORD,
            )

    def _capitals(self, doc: Document, analysis: Analysis, used: set[int], ctx: Context) -> Iterator[Finding]:
        keep, titles, heads, _ = capital_sets()
        named = titles_in(doc)
        inside = inside_names(doc) | in_titles(doc) | in_acronyms(doc)
        lowered = {w for _, _, w in words(doc.text) if w[:1].islower()}
        tokens = analysis.tokens
        strong: list[Token] = []
        weak: list[Token] = []
        titled: list[Token] = []
        for t in tokens:
            if t.i in used or not _CAPITALISED.fullmatch(t.text) or t.i == 0 or t.start in inside:
                continue
            prev = tokens[t.i - 1]
            if prev.para != t.para or is_sentence_start(doc.text, t.start):
                continue
            low = t.text.lower()
            if low in named or not may_be_stray(low):  # the word tests, shared with nlp_paragraphs
                continue
            if prev.text[:1] in "«“\"(" or (prev.text[:1].isupper() and not is_sentence_start(doc.text, prev.start)):
                continue
            if continues_name(doc, t) or name_shape(doc, t) or field_of(doc, t) or designation(doc, analysis, t):
                continue
            nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) and tokens[t.i + 1].para == t.para else None
            if low in titles:
                titled.append(t)
                continue
            if prev.pos in _BARE_BEFORE:
                continue  # « négociations, Rabat bénéficiant … »: a noun with no determiner is a name
            if nxt is not None and nxt.text[:1].isupper():
                continue  # part of a multiword name: « Conflict Armament Research »
            if t.pos != "NOUN" or t.ent == "PER" or is_adjective(low) or self._ministry_field(doc, t, heads):
                continue
            # A name goes on with an adjective or « de » + name (« Coupe du monde »,
            # « Revue américaine »); a stray capital sits between an article and a
            # preposition, a verb or a comma (« des Munitions pour », « la Livraison prévue »).
            if prev.pos in ("DET", "ADP") and (nxt is None or _breaks(nxt)):
                strong.append(t)
            else:
                weak.append(t)
        # One capital after an article is often a name; several in one text (one of them
        # a word the text also writes in lower case), are a habit of the source language:
        # German capitalises every noun.
        echoed = [t for t in strong if t.text.lower() in lowered]
        german = ctx.source_lang == "de" or (len(strong) > _GERMAN_HABIT or (len(strong) == _GERMAN_HABIT and bool(echoed))) and len(strong) * _GERMAN_DENSITY >= len(doc.text.split())
        # In such a text, a capital before « du / de la » + common noun goes too
        # (« la Production du fabricant »); names go on with a capital (« Tour d’Italie »).
        extra = weak if ctx.source_lang == "de" else [t for t in weak if german and _of_common_noun(doc, t)]
        if not german:
            strong = [t for t in strong + weak if _single_german_capital(doc, analysis, t, keep)]
        for t in sorted(titled + strong + extra, key=lambda t: t.i):
            low = t.text.lower()
            if low not in titles and not german and low not in lowered and t not in strong:
                continue
            span = Span(t.start, t.end)
            yield self.finding(doc, span, f"« {t.text} » is a common noun: no capital mid-sentence", [low], autofix=True)

    @staticmethod
    def _ministry_field(doc: Document, t: Token, heads: frozenset[str]) -> bool:
        """« ministère de la Défense », « ministre des Affaires étrangères »."""
        before = re.findall(r"[\w-]+", doc.text[max(0, t.start - 60) : t.start].lower())[-5:]
        if not any(w.startswith(h) for w in before for h in heads):
            return False
        # « Le ministre veut limiter la Consommation »: a finite verb in between makes the
        # minister a subject, not the head of a ministry's name.
        between = doc.text[max(0, t.start - 60) : t.start]
        cut = max((between.lower().rfind(h) for h in heads), default=-1)
        return not _FINITE.search(between[cut:]) if cut >= 0 else True
