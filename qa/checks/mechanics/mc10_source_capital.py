"""MC10: capitals that French never writes mid-sentence, whatever the source did — months
and days, an article after a word, a nationality adjective after its noun, the first word
after a colon, a title of office after its article, and common nouns capitalised the way
German writes them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.split import ByParagraph, shifted
from qa.knowledge.wordlists import is_french_form, zipf
from qa.checks.mechanics._capitals import (
    DATA_FILES,
    after_generic,
    continues_name,
    designation,
    field_of,
    in_acronyms,
    in_titles,
    inside_names,
    may_be_stray,
    name_shape,
    place_words,
    titles_in,
)
from qa.checks.mechanics._capital_runs import RUN_FILES, widen_lowerings
from qa.checks.mechanics._source_common import renders_source_noun, source_line
from qa.checks.mechanics._word_classes import adjective_base
from qa.model.caches import word_cache
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.knowledge.nlp import Analysis, Token
from qa.model.textutil import is_sentence_start, lower_first

_ANY_WORD = re.compile(r"(?<![\w'’./-])([^\W\d_][\w-]*)")
_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ'’-]+")
_ARTICLE = re.compile(r"(?<![\w'’-])(Le|La|Les|Un|Une|Des|Du|L['’])(?:[ \u00a0]+|(?<=['’]))([a-zà-öø-ÿœ][\w-]*)")
_COLON = re.compile(r"[ \u00a0]?:[ \u00a0]+([A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ'’-]+)")
# Words after which a capitalised noun is plainly in running text: an article, a
# possessive or demonstrative, « de » and its contractions.
_DETERMINERS = frozenset(
    ["le", "la", "l'", "l’", "les", "un", "une", "des", "du", "au", "aux", "de", "d'", "d’", "ce", "cet", "cette",
     "ces", "sa", "son", "ses", "leur", "leurs", "notre", "nos", "votre", "vos",
     # indefinite determiners (« de nombreux Citoyens », « plusieurs Habitants »)
     "nombreux", "nombreuses", "plusieurs", "quelques", "chaque", "certains", "certaines"]
)
_OPENERS = "«“\"(‘[—–-`*_/"
# Words after which an article starts a noun phrase in running text (« et La police »);
# after a noun, a comma or a pronoun a capital article more often opens a title.
# (« sur Le sublime du comédien », « dans Le Manipulateur »: titles follow « sur » and « dans ».)
_LEAD_INS = frozenset(["et", "ou", "mais", "avec", "pour", "par", "que", "contre", "selon", "vers", "depuis", "après", "avant", "pendant", "sans", "car", "donc", "puis"])
_TITLE_BEFORE = re.compile(r"(?<=[^\W\d_] )(?:Le|La|Les|L['’]|Un|Une)(?=[ \u00a0]?[^\W\d_])")
_MONTH_BEFORE = frozenset(["en", "de", "d'", "d’", "depuis", "fin", "début", "mi", "dès", "avant", "après", "jusqu'en", "jusqu’en", "mois", "courant", "1er", "er", "ici"])
# Adjectives that stand before the noun (« les jeunes Irlandais »): the capitalised word
# after them is the people, not an adjective.
_BEFORE_NOUN = frozenset(["jeune", "vieux", "vieil", "vieille", "grand", "petit", "gros", "bon", "mauvais", "beau", "nouveau", "autre", "premier", "dernier", "nombreux", "seul", "même", "certain", "plusieurs"])
# Three stray capitals in one text, at least one every _DENSITY words, show the source's
# habit (German writes every noun so); fewer are names far more often.
_HABIT = 4
_DENSITY = 80


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    from qa.data import load_toml

    return load_toml("caps_rules.toml")


@cache
def _calendar() -> frozenset[str]:
    cal = _data()["calendar"]
    return frozenset(cal["months"] + cal["days"])


@cache
def _offices() -> frozenset[str]:
    return frozenset(_data()["offices"]["nouns"])


# See SourceCapital.facts and .part.
_Facts = tuple[frozenset[int], tuple[int, ...], frozenset[str], frozenset[str]]
_Part = tuple[tuple[Finding, ...], int, tuple[Finding, ...]]


def _feast(doc: Document, t: Token) -> bool:
    """« Mardi gras », « le 14 Juillet », « la révolution d’Octobre »: a feast or event."""
    cal = _data()["calendar"]
    after = doc.text[t.end : t.end + 20].lstrip(" \u00a0")
    before = doc.text[max(0, t.start - 20) : t.start].rstrip(" \u00a0")
    return any(after.startswith(w) for w in cal["after"]) or any(before.endswith(w) for w in cal["before"])


def _named_office(doc: Document, t: Token) -> bool:
    around = doc.text[t.start : t.start + 30]
    return any(around.startswith(n) for n in _data()["offices"]["named"])


def _proper(doc: Document, analysis: Analysis, t: Token, skip: frozenset[int]) -> bool:
    """The capital belongs to a name or a title: the shapes MC02 knows (inside a known name,
    a title after a cue, a designation, a field of a ministry, a place)."""
    low = t.text.lower()
    if t.start in skip or low in place_words() or after_generic(analysis.tokens, t):
        return True  # a place qa knows, or the name in « le lac de Constance »
    return continues_name(doc, t) or name_shape(doc, t) or field_of(doc, t) or designation(doc, analysis, t)


def _next(analysis: Analysis, t: Token) -> Token | None:
    nxt = analysis.tokens[t.i + 1] if t.i + 1 < len(analysis.tokens) else None
    return nxt if nxt is not None and nxt.para == t.para else None


class SourceCapital(ByParagraph, Check):
    """A capital French does not write in running text.

    Months and days are common nouns (« lundi », « en novembre »), except in a feast
    (« le 14 Juillet », « Mardi gras »). An article mid-sentence takes no capital when a
    common word follows (« et la police »). An adjective of nationality after its noun is
    lower case (« les experts néerlandais »). After a colon French goes on in lower case,
    unless a quotation or a name follows. A title of office or a body after its article
    (« le ministre », « la police d’Amsterdam ») and common nouns capitalised the way German
    writes them (« la Politique Économique ») lose the capital; a text with two such nouns,
    or one it also writes in lower case, shows the source's habit. Names stay quiet: places
    qa knows, known names, titles after a cue, designations (qa/data/designations.toml).

    Mauvais : « Le syndicat a appelé à la grève à partir de Mercredi : Les trains resteront au dépôt. »
    Bon :     « Le syndicat a appelé à la grève à partir de mercredi : les trains resteront au dépôt. »
    """

    code = "MC10"
    priority = 200
    data_files = ("caps_rules.toml", *DATA_FILES, *RUN_FILES)
    name = "mechanics.source-capital"
    category = Category.CAPITALIZATION
    summary = "Capital on a month, a day, an article, a nationality, an office or a noun mid-sentence"
    needs_nlp = True
    autofix = "all"

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        found = set()
        for k, para in enumerate(doc.paragraphs):
            if _COLON.search(doc.text, para.start, para.end):
                found.add(k)
                continue
            for m in _WORD.finditer(doc.text, para.start, para.end):
                if not is_sentence_start(doc.text, m.start()):
                    found.add(k)
                    break
        return found

    # In two steps (qa.checks.split). The facts of the whole text: the positions inside
    # names, titles and spelled-out acronyms (a title after a cue runs to its clause's end,
    # across paragraphs), the words it uses as titles, those it writes with a capital only.
    def facts(self, doc: Document, ctx: Context) -> _Facts:
        skip = inside_names(doc) | in_titles(doc) | in_acronyms(doc)
        often = frozenset(w for w, n in self._capital_only(doc).items() if n >= 3)
        return skip, tuple(sorted(skip)), titles_in(doc), often

    def facts_key(self, doc: Document, facts: _Facts, k: int) -> Hashable:
        para = doc.paragraphs[k]
        ordered = facts[1]
        inside = ordered[bisect_left(ordered, para.start) : bisect_left(ordered, para.end)]
        return tuple(s - para.start for s in inside), facts[2], facts[3]

    # A part: the paragraph's findings, its stray capitals' count and the findings they
    # give if the text shows the source's habit (the count over the whole text tells).
    def part(self, doc: Document, ctx: Context, k: int, facts: _Facts) -> _Part:
        para = doc.paragraphs[k]
        analysis = ctx.analysis(doc)
        skip, _, named, often = facts
        done: set[int] = set()
        out: list[Finding] = []
        for m in _COLON.finditer(doc.text, para.start, para.end):
            t = analysis.at(m.start(1))
            if t is None or t.start != m.start(1) or not self._after_colon(doc, analysis, t, skip):
                continue
            done.add(t.start)
            out.append(self._lower(doc, t, "after a colon French goes on in lower case"))
        for m in _ARTICLE.finditer(doc.text, para.start, para.end):
            start = m.start(1)
            if start in done or start in skip or is_sentence_start(doc.text, start):
                continue
            before = doc.text[max(0, start - 3) : start].rstrip(" \u00a0")
            if before[-1:] in _OPENERS or before.endswith(":") or not before:
                continue
            t = analysis.at(start)
            if t is None or t.i == 0 or analysis.tokens[t.i - 1].text not in _LEAD_INS:
                continue  # « les albums Un homme nature », « : Border-line, Le journal du séducteur »
            if self._after_title(doc, start):
                continue  # « dans Le Manipulateur et L’amour égaré »: a list of titles
            nxt = _next(analysis, t)
            if nxt is None or nxt.pos in ("VERB", "AUX"):
                continue  # « pourquoi Le bénirais-je »: a pronoun
            done.add(start)
            out.append(self.finding(doc, Span(start, m.end(1)), f"« {m.group(1)} » mid-sentence takes no capital", [m.group(1).lower()], autofix=True))
        stray: list[Token] = []
        for t in analysis.of_paragraph(k):
            if t.start in done or t.i == 0 or not _WORD.fullmatch(t.text) or is_sentence_start(doc.text, t.start):
                continue
            prev = analysis.tokens[t.i - 1]
            if prev.para != t.para or prev.text[:1] in _OPENERS or t.start in skip:
                continue
            low = t.text.lower()
            if low in _calendar():
                if low in _data()["calendar"]["months"] and not self._month_context(prev):
                    continue  # « rejoindre Mars »: the planet
                if not _feast(doc, t) and not continues_name(doc, t) and not (prev.text[:1].isupper() and not is_sentence_start(doc.text, prev.start)):
                    done.add(t.start)
                    out.append(self._lower(doc, t, "months and days take no capital in French"))
                continue
            if prev.text[:1].isupper() and not is_sentence_start(doc.text, prev.start):
                continue
            if self._nationality(prev, t, low):
                done.add(t.start)
                out.append(self._lower(doc, t, "an adjective of nationality after its noun takes no capital"))
                continue
            nxt = _next(analysis, t)
            titled = nxt is not None and _WORD.fullmatch(nxt.text) is not None and self._title_case(nxt)
            if nxt is not None and nxt.text[:1].isupper() and nxt.text.isalpha() and not titled:
                continue  # a multiword name: « Conflict Armament Research »
            if prev.text.lower() not in _DETERMINERS or low in named or _proper(doc, analysis, t, skip):
                continue
            if low in _offices() or low.removesuffix("s") in _offices():
                if prev.text.lower() in ("de", "d'", "d’"):
                    continue  # « la préfecture de Police »: part of a body's name
                if not _named_office(doc, t) and (nxt is None or nxt.pos in ("VERB", "AUX", "PUNCT", "ADJ") or self._of_place(doc, analysis, nxt)):
                    done.add(t.start)
                    out.append(self._lower(doc, t, "a title of office or a body after its article takes no capital"))
                continue
            if t.pos not in ("NOUN", "PROPN") or low in _DETERMINERS or not may_be_stray(low):
                continue
            # A participle made a noun (« les Assurés », « des Blessés »; German « die Versicherten »)
            # names no people and no party.
            participle = low.endswith(("és", "ées"))
            people = low in _place_adjectives() or low in _data()["peoples"]["groups"]
            if people or (low.endswith(("s", "x")) and adjective_base(low) and not participle
                                              and prev.text.lower() in ("les", "aux", "des")
                                              and not renders_source_noun(low, source_line(ctx, doc, k), ctx.source_lang)):
                continue  # « les Américains », « des Noirs », « les Démocrates »: peoples, groups, parties
            if doc.text[t.end : t.end + 1] == "-" and doc.text[t.end + 1 : t.end + 2].isupper():
                continue  # « la Comédie-Française »: capitals joined by a hyphen make a name
            if nxt is not None and nxt.text.lower() in ("de", "du", "des", "d'", "d’") and self._name_after(doc, nxt):
                continue  # « le Tunnel de Rebaix »: a name's complement
            if low in often:
                continue  # « Python » all through a text, never in lower case: a name
            stray.append(t)
        habit: list[Finding] = []
        for t in stray:
            habit.append(self._lower(doc, t, "a common noun takes no capital mid-sentence (a source-language habit)"))
            nxt = _next(analysis, t)
            if nxt is not None and nxt.start not in done and _WORD.fullmatch(nxt.text) and self._title_case(nxt):
                done.add(nxt.start)
                habit.append(self._lower(doc, nxt, "an adjective after a common noun takes no capital"))
        return shifted(out, -para.start), len(stray), shifted(habit, -para.start)

    def combine(self, doc: Document, ctx: Context, parts: Sequence[_Part], facts: _Facts) -> Iterator[Finding]:
        out: list[Finding] = []
        if_habit: list[Finding] = []
        for para, (found, _, habit) in zip(doc.paragraphs, parts, strict=True):
            out.extend(shifted(found, para.start))
            if_habit.extend(shifted(habit, para.start))
        stray = sum(n for _, n, _ in parts)
        words = max(len(doc.text.split()), 1)
        found_all = stray + len(out)  # every capital French does not write counts as the habit's evidence
        if ctx.source_lang == "de" or (stray >= 1 and found_all >= _HABIT and found_all * _DENSITY >= words):
            out.extend(if_habit)
        # a lowering widened over the run of capitals it opens covers the findings inside it
        yield from sorted(widen_lowerings(doc, ctx.analysis(doc), out), key=lambda f: f.span.start)

    def _lower(self, doc: Document, t: Token, why: str) -> Finding:
        return self.finding(doc, Span(t.start, t.end), f"« {t.text} »: {why}", [lower_first(t.text)], autofix=True)

    @staticmethod
    def _after_title(doc: Document, start: int) -> bool:
        """Another capitalised article earlier in the same sentence opens a title."""
        before = doc.text[max(0, start - 160) : start]
        cut = max((before.rfind(c) for c in ".!?\n"), default=-1)
        return _TITLE_BEFORE.search(before, cut + 1) is not None

    @staticmethod
    def _month_context(prev: Token) -> bool:
        """« en Mars », « le 19 Septembre », « depuis Janvier »: a month, not a planet or a name."""
        return prev.text[:1].isdigit() or prev.text.lower() in _MONTH_BEFORE

    @staticmethod
    def _capital_only(doc: Document) -> dict[str, int]:
        """Words the text writes with a capital mid-sentence, how often, if never in lower case."""
        capital: Counter[str] = Counter()
        lower: set[str] = set()
        for line in doc.text.split("\n"):
            counts, low = _capitals_of_line(line)
            capital.update(counts)
            lower |= low
        return {w: n for w, n in capital.items() if w not in lower}

    def _of_place(self, doc: Document, analysis: Analysis, nxt: Token) -> bool:
        """« de » and a common noun or a place: « le Porte-parole de la police », « la Police d’Amsterdam »."""
        if nxt.text.lower() not in ("de", "du", "des", "d'", "d’"):
            return False
        if self._of_common(doc, nxt):
            return True
        after = _next(analysis, nxt)
        return after is not None and (after.text.lower() in place_words() or after.ent in ("LOC", "GPE"))

    @staticmethod
    def _name_after(doc: Document, nxt: Token) -> bool:
        """« de » and a capitalised word that is no common French word (« de Rebaix »)."""
        m = re.compile(r"(?:de|du|des|d['’])[ \u00a0]?(?:(?:la|le|les|l['’])[ \u00a0]?)?([^\W\d_][\w-]*)").match(doc.text, nxt.start)
        return m is not None and m.group(1)[:1].isupper() and not may_be_stray(m.group(1).lower())

    @staticmethod
    def _of_common(doc: Document, nxt: Token) -> bool:
        """« de » followed by a lower-case word (« de l’Infrastructure » is not)."""
        m = re.compile(r"(?:de|du|des|d['’])[ \u00a0]?(?:(?:la|le|les|l['’])[ \u00a0]?)?([^\W\d_])").match(doc.text, nxt.start)
        return m is not None and m.group(1).islower()

    @staticmethod
    def _title_case(t: Token) -> bool:
        """« la Politique Économique »: an adjective written with the capital of English title case."""
        low = t.text.lower()
        return adjective_base(low) and is_french_form(low) and low not in place_words() and zipf(low) >= 3.0

    @staticmethod
    def _nationality(prev: Token, t: Token, low: str) -> bool:
        """« les experts Néerlandais »: an adjective of people after a lower-case noun."""
        if prev.pos != "NOUN" or not prev.text.isalpha() or not prev.text.islower() or prev.lemma in _BEFORE_NOUN:
            return False
        return low in _place_adjectives()

    @staticmethod
    def _after_colon(doc: Document, analysis: Analysis, t: Token, skip: frozenset[int]) -> bool:
        """Running text after a colon; not a label (« Photo : Reuters »), not a name."""
        para = doc.paragraph_at(t.start)
        start = para.start if para is not None else 0
        head = doc.text[start : t.start]
        if len(head.split()) <= 3 or "\n" in head.strip():
            return False  # « Légende : », « MIDDELBURG – Le porte-parole : »
        low = t.text.lower()
        if low in ("je", "tu", "nous", "vous"):
            return False  # « qui lui disait : Je vous installe »: words reported, quotation marks or not
        function = t.pos in ("PRON", "DET", "ADV", "ADP", "CCONJ", "SCONJ")  # « : Il exige », « : Les blocs »
        body = doc.text[para.start : para.end].rstrip() if para is not None else ""
        if para is not None and not body.endswith((".", "!", "…")):
            # A title (« Partout où je passe, les mêmes erreurs: Conseils … ») or a question
            # keeps its capital; a headline with no final mark goes on in lower case after
            # its subject when a function word follows (« Katja Eckardt : avec ces actions »).
            if not function or body.endswith(("?", "»", '"', "”", ")", ";", ":")):
                return False
        if t.start in skip or low in place_words() or not (function or is_french_form(low)) or zipf(low) < 3.0:
            return False
        nxt = _next(analysis, t)
        if t.pos == "PROPN" and t.ent in ("LOC", "GPE", "PER", "ORG") and not _enumeration(doc, analysis, t):
            return False  # « une seule ville : Paris »
        return not (nxt is not None and nxt.text[:1].isupper() and nxt.text.isalpha())


def _enumeration(doc: Document, analysis: Analysis, t: Token) -> bool:
    """« : Meubles, vêtements, fleurs »: the first item of a list whose next items are
    written in lower case is a common noun, whatever the tagger took it for."""
    nxt = _next(analysis, t)
    after = _next(analysis, nxt) if nxt is not None and nxt.text == "," else None
    return after is not None and after.text.isalpha() and after.text.islower() and after.pos == "NOUN"


@word_cache(4096)
def _capitals_of_line(line: str) -> tuple[dict[str, int], frozenset[str]]:
    """SourceCapital._capital_only's counts for one line, remembered (an edit reads its
    line alone): a word holds no line break, and a line break ends a sentence."""
    capital: dict[str, int] = {}
    lower = set()
    for m in _ANY_WORD.finditer(line):
        w = m.group(1)
        if w[:1].isupper() and not is_sentence_start(line, m.start()):
            capital[w.lower()] = capital.get(w.lower(), 0) + 1
        elif w[:1].islower():
            lower.add(w)
    return capital, frozenset(lower)


@cache
def _place_adjectives() -> frozenset[str]:
    """Every form of the adjectives of nationality in caps_rules.toml."""
    out = set()
    for w in _data()["peoples"]["adjectives"]:
        if w.endswith("ien"):
            fem = w + "ne"
        elif w.endswith("e"):
            fem = w
        else:
            fem = {"grec": "grecque", "turc": "turque"}.get(w, w + "e")
        plural = w if w.endswith(("s", "x")) else w + "s"
        out.update((w, fem, plural, fem + "s"))
    return frozenset(out)
