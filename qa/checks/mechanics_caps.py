"""MC02: capitals left mid-sentence by the source language (German nouns, English title
case), and the « de » dropped after a noun of quantity or « près »."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.scope import paragraph_words
from qa.checks.mechanics import _data
from qa.knowledge.lemmas import lemma_tables
from qa.knowledge.wordlists import is_french_form, zipf
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.knowledge.nlp import Analysis, Token
from qa.model.textutil import (
    PhraseMatcher,
    fold_key,
    is_sentence_start,
    lower_first,
    starts_with_vowel_sound,
    words,
)

_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ]{2,}")
_NEAR_NUMBER = re.compile(r"\b(près|autour)[ \u00a0]+(?=\d)")


@cache
def _capital_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    caps = _data()["capitals"]
    keep = frozenset(w.lower() for w in caps["institutions"] + caps["proper_uses"])
    titles = frozenset(w.lower() for w in caps["titles"])
    heads = frozenset(caps["ministry_heads"])
    quantity = frozenset(_data()["quantity"]["nouns"])
    return keep, titles, heads, quantity


@cache
def _place_words() -> frozenset[str]:
    """Capitalised words of the places, states and peoples qa knows (gender list,
    gazetteer, exonyms), lower-cased: « Argentine », « Bavière », « Émirats » are names
    even where the lower-case word is common French (« argentine », « émirats »)."""
    from qa.data import load_toml, load_tsv

    found: set[str] = set()
    names = [row[0] for row in load_tsv("gender.tsv")]
    names += [row[0] for row in load_tsv("gazetteer.tsv")]
    names += [v for values in load_toml("exonyms.toml").get("names", {}).values() for v in values]
    for name in names:
        for word in re.findall(r"[^\W\d_]+", name):
            if word[:1].isupper():
                found.add(word.lower())
    return frozenset(found)


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
    return nxt.text.isalpha() and nxt.text.islower() and _is_verb_form(nxt.text)


def _is_verb_form(word: str) -> bool:
    """A past participle or other inflected verb form (« prévue » of « prévoir »)."""
    lookups = lemma_tables()
    if lookups is None:
        return False
    lemmas = lookups.get_table("lemma_lookup").get(word, [])  # type: ignore[attr-defined]
    lemmas = [lemmas] if isinstance(lemmas, str) else lemmas
    return any(
        lemma != word and lemma.endswith(("er", "ir", "re", "oir")) and word.endswith(_PARTICIPLE)
        for lemma in lemmas
    )


_PARTICIPLE = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "t", "te", "ts", "tes", "ant")


def _is_adjective(low: str) -> bool:
    """Nouns that are also adjectives: peoples and groups (« les Arabes », « les Alliés »)."""
    lookups = lemma_tables()
    if lookups is None:
        return False
    table = lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
    lemmas = table.get(low, [low])
    lemmas = [lemmas] if isinstance(lemmas, str) else lemmas
    return low in _adjectives() or any(lemma in _adjectives() for lemma in lemmas)


def _adjective_base(low: str) -> bool:
    """An adjective in any gender and number: « nationales » → « national »."""
    stem = low[:-1] if low.endswith(("s", "x")) else low
    candidates = {low, stem, stem[:-1] if stem.endswith("e") else stem}
    if stem.endswith("nne"):
        candidates.add(stem[:-2])
    if low.endswith("aux"):
        candidates.add(low[:-3] + "al")
    return any(_is_adjective(c) for c in candidates)


@cache
def _adjectives() -> frozenset[str]:
    lookups = lemma_tables()
    if lookups is None:
        return frozenset()
    return frozenset(lookups.get_table("lemma_index")["adj"])  # type: ignore[attr-defined]


@cache
def _name_matcher() -> PhraseMatcher[str]:
    return PhraseMatcher((n, n) for n in _data()["capitals"]["names"])


def _inside_names(doc: Document) -> frozenset[int]:
    """Start offsets of words inside known names with one capital (« Médecins sans frontières »)."""
    out: set[int] = set()
    for m in _name_matcher().finditer(doc.text, doc.folded):
        out.update(s for s, _, _ in words(doc.text, m.start, m.end))
    return frozenset(out)


_NAME_LINK = re.compile(r"(?:\b(?:de|des|du|d['’]|et|la|l['’])[ ]?)+$")


_OF_COMMON = re.compile(r"[ \u00a0]+(?:du|des|de la|de l['’])[ \u00a0]?([a-zà-öø-ÿœ][\w-]+)")


def _of_common_noun(doc: Document, t: Token) -> bool:
    m = _OF_COMMON.match(doc.text, t.end)
    return m is not None and is_french_form(m.group(1))


def _continues_name(doc: Document, t: Token) -> bool:
    """« Académie des Sciences », « Division d’Infanterie », « Organisation mondiale de la
    Santé »: a capital after « de » that follows a capitalised word, or a capitalised word
    and its adjectives, belongs to that name."""
    before = doc.text[max(0, t.start - 80) : t.start]
    link = _NAME_LINK.search(before)
    if not link or not link.group().strip():
        return False
    head = re.search(r"([^\W\d_][\w-]*)((?:[ ][a-zà-öø-ÿœ][\w-]*){0,2})[ ]*$", before[: link.start()])
    if not head or not head.group(1)[:1].isupper():
        return False
    if any(not _adjective_base(w) or _is_verb_form(w) for w in head.group(2).split()):
        return False  # « la Fermeture de l’usine de la Production »: not adjectives of a name
    return not is_sentence_start(doc.text, t.start - len(before) + head.start(1))


@cache
def _designations() -> dict[str, dict[str, list[str]]]:
    from qa.data import load_toml

    return load_toml("designations.toml")


@cache
def _head_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    heads = _designations()["heads"]
    unique, bodies, named = (frozenset(w.lower() for w in heads[k]) for k in ("unique", "bodies", "named"))
    return unique, bodies, named, frozenset(heads["named_complements"])


_DEFINITE = frozenset(["le", "la", "l'", "l’", "les", "du", "des", "au", "aux"])
_COMPLEMENT = re.compile(
    r"[ \u00a0]+(de|du|des|d['’]|à|au|aux|pour)[ \u00a0]?(?:(?:la|les|l['’])[ \u00a0]?)?([^\W\d_][\w-]*)"
)


def _designation(doc: Document, analysis: Analysis, t: Token) -> bool:
    """The capitalised head of a designation: a unique body after a definite article (« le
    Gouvernement »), a body with its complement (« la Faculté de médecine », « le Code
    civil »), an event, a work or a region with an adjective or « de » + a name (« la Guerre
    froide », « la Coupe d’Europe »). A capital without its complement stays a common noun
    (« la Guerre des prix », « l’Hôpital a fermé »)."""
    unique, bodies, named, complements = _head_sets()
    low = t.text.lower()
    forms = {low, low[:-1] if low.endswith(("s", "x")) else low}
    if not forms & (unique | bodies | named):
        return False
    if forms & unique and analysis.tokens[t.i - 1].text.lower() in _DEFINITE:
        return True
    nxt = analysis.tokens[t.i + 1] if t.i + 1 < len(analysis.tokens) else None
    if nxt is None or nxt.para != t.para:
        return False
    word = nxt.text
    if word.isalpha() and word.islower() and nxt.pos not in ("VERB", "AUX") and _adjective_base(word) and not _is_verb_form(word):
        return True  # « le Code civil », « la Guerre froide »
    m = _COMPLEMENT.match(doc.text, t.end)
    if m is None:
        return False
    if forms & (unique | bodies):
        return True  # « le Secrétariat d’État à l’économie », « l’Hôpital pour enfants »
    word = m.group(2)
    return m.group(1) not in ("à", "au", "aux", "pour") and (word[:1].isupper() or word.lower() in complements)


_LINK = r"(?:de|du|des|d['’]|à|au|aux)[ \u00a0]?(?:(?:la|les|l['’])[ \u00a0]?)?"
_ITEM = r"[A-ZÀ-ÖØ-ÞŒ][\w-]*(?:[ \u00a0][a-zà-öø-ÿœ][\w-]*){0,2}"
_FIELD = re.compile(
    rf"([^\W\d_][\w-]*)(?:[ \u00a0]([a-zà-öø-ÿœ][\w-]*))?[ \u00a0]+{_LINK}(?:{_ITEM}(?:,[ \u00a0]+|[ \u00a0]+et[ \u00a0]+){_LINK})*"
)


@cache
def _field_heads() -> tuple[str, ...]:
    return tuple(_designations()["fields"]["heads"])


def _field_of(doc: Document, t: Token) -> bool:
    """The field or name after the head of a ministry, a museum, a street, a feast (« le
    musée d’Histoire », « la rue de la Paix », « la fête du Travail »), and the fields
    coordinated with it (« les ministères de l’Intérieur, de l’Économie et de la Justice »)."""
    before = doc.text[max(0, t.start - 160) : t.start]
    heads = _field_heads()
    for start, _, _ in words(before):
        m = _FIELD.fullmatch(before, start)
        if m is None:
            continue
        # the head, or the head and one adjective or participle (« ministre déléguée à la »)
        for head in (m.group(1).lower(), (m.group(2) or "").lower()):
            if head in heads or head.removesuffix("s") in heads:
                return True
    return False


@cache
def _cue_pattern() -> re.Pattern[str]:
    cues = sorted(_designations()["titles"]["cues"], key=len, reverse=True)
    return re.compile(
        rf"(?<![\w-])(?:{'|'.join(map(re.escape, cues))})"
        r"(?:[ \u00a0]+(?:des|(?:de|du|des)(?:[ \u00a0]+(?!(?:la|le|les|leur|leurs|sa|ses|son|un|une)\b)[a-zà-öø-ÿœ][\w-]*){1,2}))?"
        r"[ \u00a0]+(?=[A-ZÀ-ÖØ-ÞŒ])"
    )


_CLAUSE_END = re.compile(r"[,.;:!?()«»\"“”\n]")


def _in_titles(doc: Document) -> frozenset[int]:
    """Start offsets of the words of a title after a cue (« la trilogie Retour vers le
    futur », « le projet Héritage mendélien chez l’Homme »), up to the next punctuation."""
    out: set[int] = set()
    for m in _cue_pattern().finditer(doc.text):
        end = _CLAUSE_END.search(doc.text, m.end())
        out.update(s for s, _, _ in words(doc.text, m.end(), end.start() if end else len(doc.text)))
    return frozenset(out)


_FUNCTION = frozenset(["à", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "pour", "sur"])
_ACRONYM = re.compile(r"\(([A-ZÀ-Þ][\wÀ-ÿ&-]{1,11})\)")
_BEFORE_ACRONYM = re.compile(r"(?<![\w-])([A-ZÀ-Þ][\wÀ-ÿ&-]{1,11})[ \u00a0]*\(([^()\n]{3,160})\)")


def _fold(word: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def _spells(acronym: str, found: list[tuple[int, int, str]]) -> bool:
    """The capitals of the acronym are the initials of the words, in order, the first one
    first (« Produit intérieur brut » → PIB, « Journal du dimanche » → JDD)."""
    letters = _fold("".join(c for c in acronym if c.isupper()))
    if len(letters) < 2 or not found or _fold(found[0][2])[:1] != letters[0]:
        return False
    content = [w for _, _, w in found if _fold(w) not in _FUNCTION]
    if len(content) > len(letters) + 1:
        return False
    it = iter(_fold(w)[:1] for _, _, w in found)
    return all(c in it for c in letters)


def _in_acronyms(doc: Document) -> frozenset[int]:
    """Start offsets of the words of a name spelled out next to its acronym: « le Produit
    intérieur brut (PIB) », « la loi organique des Finances (LOF) », « l’ARE (Association
    pour le Retournement des Entreprises) »."""
    out: set[int] = set()
    text = doc.text
    for m in _ACRONYM.finditer(text):
        stop = max((text.rfind(c, 0, m.start()) for c in ".;:!?()«»\"\n"), default=-1)
        found = list(words(text, max(stop + 1, m.start() - 160), m.start()))
        for k, (_, _, w) in enumerate(found):
            if _fold(w) not in _FUNCTION and _spells(m.group(1), found[k:]):
                out.update(s for s, _, _ in found[k:])
                break
    for m in _BEFORE_ACRONYM.finditer(text):
        found = list(words(text, m.start(2), m.end(2)))
        if _spells(m.group(1), found):
            out.update(s for s, _, _ in found)
    return frozenset(out)


_AFTER_DASH = re.compile(r"(?:^|[ \u00a0])[-–—][ \u00a0]+$")


@cache
def _compass() -> re.Pattern[str]:
    points = "|".join(_designations()["places"]["compass"])
    return re.compile(rf"[ \u00a0]+(?:du|de[ \u00a0]l['’])[ \u00a0]?(?:{points})\b")


def _name_shape(doc: Document, t: Token) -> bool:
    """Capitals that the shape of the text shows to be names or titles: the first word after
    a spaced dash (« Wirecard – Fuite en avant »), the second part of a compound whose first
    part has a capital (« Sperr-Division », « Cent-Jours »), a word after a foreign one
    (« Stop Hate for Profit »), a town after « à » with no article, a place with its point
    of the compass (« Caroline du Nord »)."""
    text = doc.text
    if _AFTER_DASH.search(text, max(0, t.start - 4), t.start):
        return True
    if t.start > 1 and text[t.start - 1] == "-":
        first = re.search(r"([\w]+)-$", text[max(0, t.start - 40) : t.start])
        if first and (first.group(1)[:1].isupper() or first.group(1)[:1].isdigit()):
            return True
    prev = re.search(r"(?<![\w'’-])([A-Za-z][a-z]+)[ \u00a0]+$", text[max(0, t.start - 30) : t.start])
    if prev and zipf(prev.group(1), "en") > zipf(prev.group(1)) + 1.5:
        return True
    if re.search(r"(?<![\w'’-])à[ \u00a0]+$", text[max(0, t.start - 4) : t.start]):
        return True  # « à Rabat »: a common noun after « à » takes an article, a town none
    return _compass().match(text, t.end) is not None


def _titles_in(doc: Document) -> frozenset[str]:
    """Words the document uses as a title after a capitalised article mid-sentence
    (« selon Le Temps »): the same word elsewhere is that name, not a stray capital."""
    found = set()
    for m in re.finditer(r"(?<=[^\W\d_] )(?:Le|La|Les|L['’])[ ]?([A-ZÀ-ÖØ-Þ][\w-]+)", doc.text):
        found.add(m.group(1).lower())
    return frozenset(found)


# Finite verbs that end a ministry's name: « Le ministre veut … », « la ministre a … ».
_FINITE = re.compile(r"\b(?:a|ont|est|sont|veut|veulent|va|vont|doit|doivent|peut|peuvent|fait|font|souhaite|entend|compte|prévoit)\b")


@cache
def _single_lists() -> tuple[tuple[str, ...], frozenset[str]]:
    caps = _data()["capitals"]
    return tuple(caps["single_suffixes"]), frozenset(w.lower() for w in caps["single_exceptions"])


_DET_BEFORE = frozenset(["la", "le", "l'", "l’", "les", "un", "une", "des", "du", "au", "aux", "sa", "son", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "ce", "cet", "cette", "ces"])
_OF_THEN_COMMON = re.compile(
    r"[ \u00a0]+(?:du|des|de la|de l['’]|d['’]un|d['’]une|de (?:ses|son|sa|leur|leurs|ces|cette|ce|nos|notre)|de|d['’])[ \u00a0]?([a-zà-öø-ÿœ][\w-]+)"
)


def _deverbal(singular: str) -> bool:
    """A noun of action made from a verb's stem (« commande » of « commander », « hausse »
    of « hausser »). Only its plural counts (« les Commandes »): the singular names bodies
    and papers too (« la Poste », « la Presse », « la Réforme »)."""
    return singular.endswith("e") and singular + "r" in _lemmas("verb") and singular in _lemmas("noun")


@cache
def _lemmas(pos: str) -> frozenset[str]:
    lookups = lemma_tables()
    return frozenset(lookups.get_table("lemma_index")[pos]) if lookups is not None else frozenset()  # type: ignore[attr-defined]


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
    return frozenset(fold_key(w) for w in _data()["capitals"]["title_case_heads"])


@cache
def _may_be_stray(low: str) -> bool:
    """The word tests _capitals makes before it looks at the analysis."""
    keep, titles = _capital_sets()[:2]
    singular = low[:-1] if low.endswith(("s", "x")) else low
    if low in keep or singular in keep or low in _place_words():
        return False
    return low in titles or (is_french_form(low) and zipf(low) >= 3.0 and zipf(low, "en") <= zipf(low) + 0.5)


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
    name = "mechanics.stray-capital"
    category = Category.CAPITALIZATION
    summary = "Capitalised common noun mid-sentence; missing « de » after a quantity"
    needs_nlp = True
    autofix = "all"

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        """Paragraphs with a noun of quantity, a head of a title-cased name, or a capitalised
        word that could be a stray common noun (the word tests of _capitals, without spaCy)."""
        quantity = _capital_sets()[3]
        heads = _title_case_heads()
        named = _titles_in(doc)
        found = set()
        for k, present in enumerate(paragraph_words(doc, ctx)):
            if not present.isdisjoint(quantity) or not present.isdisjoint(heads):
                found.add(k)
                continue
            para = doc.paragraphs[k]
            for m in _CAPITALISED_WORD.finditer(doc.text, para.start, para.end):
                low = m.group().lower()
                if low in named or not _may_be_stray(low) or is_sentence_start(doc.text, m.start()):
                    continue
                if low not in _capital_sets()[1] and _BEFORE_CAPITAL.match(doc.text, m.end(), para.end):
                    continue  # part of a multiword name: the next token starts with a capital
                found.add(k)
                break
        return found

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        analysis = ctx.analysis(doc)
        used: set[int] = set()
        yield from self._quantities(doc, analysis, used)
        yield from self._title_case(doc, analysis, used)
        yield from self._capitals(doc, analysis, used, ctx)
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
        institutions = set(_data()["capitals"]["title_case_heads"])
        tokens = analysis.tokens
        for t in tokens[1:]:
            prev = tokens[t.i - 1]
            head = prev
            while head.i in used and head.i > 0:
                head = tokens[head.i - 1]  # a chain: « Fonds Monétaire International »
            if not _CAPITALISED.fullmatch(t.text) or head.text not in institutions or prev.para != t.para:
                continue
            if t.start - prev.end > 1 or not _adjective_base(t.text.lower()) or t.ent == "PER":
                continue
            nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
            if nxt is not None and nxt.para == t.para and _CAPITALISED.fullmatch(nxt.text) and not _adjective_base(nxt.text.lower()):
                continue  # « Union Saint-Gilloise », « Banque Populaire Caisse… »: a foreign or brand name
            used.add(t.i)
            low = t.text.lower()
            yield self.finding(doc, Span(t.start, t.end), f"« {t.text} » inside a French name takes no capital", [low], autofix=True)

    def _quantities(self, doc: Document, analysis: Analysis, used: set[int]) -> Iterator[Finding]:
        quantity = _capital_sets()[3]
        tokens = analysis.tokens
        for t, nxt in zip(tokens, tokens[1:], strict=False):
            if t.text.lower() not in quantity or nxt.para != t.para or nxt.start - t.end > 1:
                continue
            if not nxt.text.isalpha() or nxt.pos not in ("NOUN", "PROPN"):
                continue
            low = nxt.text.lower()
            if not is_french_form(low) or (nxt.pos == "PROPN" and not nxt.text[:1].isupper()):
                continue
            if nxt.text.islower() and (_adjective_base(low) or _is_verb_form(low)):
                continue  # « une quantité finie », « un nombre obscur »: an adjective, no missing « de »
            noun = lower_first(nxt.text) if _CAPITALISED.fullmatch(nxt.text) else nxt.text
            de = "d’" if starts_with_vowel_sound(noun) else "de "
            used.add(nxt.i)
            span = Span(t.start, nxt.end)
            yield self.finding(
                doc, span, f"« {t.text} » needs « de » before « {nxt.text} »", [f"{t.text} {de}{noun}"],
                autofix=True, category=Category.MISSING_WORD,
            )

    def _capitals(self, doc: Document, analysis: Analysis, used: set[int], ctx: Context) -> Iterator[Finding]:
        keep, titles, heads, _ = _capital_sets()
        named = _titles_in(doc)
        inside = _inside_names(doc) | _in_titles(doc) | _in_acronyms(doc)
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
            if low in named or not _may_be_stray(low):  # the word tests, shared with nlp_paragraphs
                continue
            if prev.text[:1] in "«“\"(" or (prev.text[:1].isupper() and not is_sentence_start(doc.text, prev.start)):
                continue
            if _continues_name(doc, t) or _name_shape(doc, t) or _field_of(doc, t) or _designation(doc, analysis, t):
                continue
            nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) and tokens[t.i + 1].para == t.para else None
            if low in titles:
                titled.append(t)
                continue
            if prev.pos in _BARE_BEFORE:
                continue  # « négociations, Rabat bénéficiant … »: a noun with no determiner is a name
            if nxt is not None and nxt.text[:1].isupper():
                continue  # part of a multiword name: « Conflict Armament Research »
            if t.pos != "NOUN" or t.ent == "PER" or _is_adjective(low) or self._ministry_field(doc, t, heads):
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
