"""Where a capital mid-sentence belongs to a name, a title or a designation rather than to a
stray common noun: the shapes MC02 and MC10 both leave alone (mechanics.toml [capitals],
designations.toml, and the places of gender.tsv, gazetteer.tsv and exonyms.toml)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from qa.checks.mechanics._shared import mechanics_data
from qa.checks.mechanics._word_classes import adjective_base, is_verb_form
from qa.data import load_toml, load_tsv
from qa.knowledge.nlp import Analysis, Token
from qa.knowledge.wordlists import is_french_form, zipf
from qa.model.document import Document
from qa.model.textutil import PhraseMatcher, is_sentence_start, words

# The files read here: a check that calls these helpers declares them among its data_files.
DATA_FILES = ("mechanics.toml", "designations.toml", "gender.tsv", "gazetteer.tsv", "exonyms.toml", "places.toml", "caps_rules.toml")


@cache
def capital_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    caps = mechanics_data()["capitals"]
    keep = frozenset(w.lower() for w in caps["institutions"] + caps["proper_uses"])
    titles = frozenset(w.lower() for w in caps["titles"])
    heads = frozenset(caps["ministry_heads"])
    quantity = frozenset(mechanics_data()["quantity"]["nouns"])
    return keep, titles, heads, quantity


@cache
def geographic_generics() -> frozenset[str]:
    """The generic nouns of geographic names (caps_rules.toml [geography]: « lac », « canton »)."""
    return frozenset(load_toml("caps_rules.toml")["geography"]["generic"])


def after_generic(tokens: list[Token], t: Token) -> bool:
    """« le lac de Constance »: the word is the specific element after « GENERIC de »."""
    return (t.i >= 2 and tokens[t.i - 1].text.lower() in ("de", "d'", "d’") and tokens[t.i - 2].para == t.para
            and tokens[t.i - 2].text.lower() in geographic_generics())


@cache
def place_words() -> frozenset[str]:
    """Capitalised words of the places, states and peoples qa knows (gender list,
    gazetteer, exonyms), lower-cased: « Argentine », « Bavière », « Émirats » are names
    even where the lower-case word is common French (« argentine », « émirats »)."""
    found: set[str] = set()
    names = [row[0] for row in load_tsv("gender.tsv")]
    names += [row[0] for row in load_tsv("gazetteer.tsv")]
    names += [v for values in load_toml("exonyms.toml").get("names", {}).values() for v in values]
    # the French forms of places.toml in one word (« Valais », « Brandebourg »): names, though
    # « valais » is a form of « valoir » and « brandebourg » a common noun; the words of a longer
    # form (« La Haye », « Forêt-Noire », « Haute-Autriche ») are common words of their own
    names += [v for v in load_toml("places.toml").get("places", {}).values() if isinstance(v, str) and v.isalpha()]
    for name in names:
        for word in re.findall(r"[^\W\d_]+", name):
            if word[:1].isupper():
                found.add(word.lower())
    return frozenset(found)


@cache
def _name_matcher() -> PhraseMatcher[str]:
    return PhraseMatcher((n, n) for n in mechanics_data()["capitals"]["names"])


def inside_names(doc: Document) -> frozenset[int]:
    """Start offsets of words inside known names with one capital (« Médecins sans frontières »)."""
    out: set[int] = set()
    for m in _name_matcher().finditer(doc.text, doc.folded):
        out.update(s for s, _, _ in words(doc.text, m.start, m.end))
    return frozenset(out)


def capitals_inside_names(doc: Document) -> list[tuple[int, int, str, str]]:
    """Words of a known name with one capital written with a capital of their own (« le
    Premier Ministre », « les Nations Unies »): (start, end, the word as the name writes
    it, the name)."""
    out = []
    for m in _name_matcher().finditer(doc.text, doc.folded):
        name = list(words(m.payloads[0]))
        found = list(words(doc.text, m.start, m.end))
        if len(name) != len(found) or not found[0][2][:1].isupper():
            continue  # « les droits de l’Homme »: the text does not write the name as one
        for (start, end, word), (_, _, right) in list(zip(found, name))[1:]:
            if right.islower() and word[:1].isupper() and word[1:].islower():
                out.append((start, end, right, m.payloads[0]))
    return out


_NAME_LINK = re.compile(r"(?:\b(?:de|des|du|d['’]|et|la|l['’])[ ]?)+$")


def continues_name(doc: Document, t: Token) -> bool:
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
    if any(not adjective_base(w) or is_verb_form(w) for w in head.group(2).split()):
        return False  # « la Fermeture de l’usine de la Production »: not adjectives of a name
    return not is_sentence_start(doc.text, t.start - len(before) + head.start(1))


@cache
def _designations() -> dict[str, dict[str, list[str]]]:
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


def designation(doc: Document, analysis: Analysis, t: Token) -> bool:
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
    if word.isalpha() and word.islower() and nxt.pos not in ("VERB", "AUX") and adjective_base(word) and not is_verb_form(word):
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


def field_of(doc: Document, t: Token) -> bool:
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
        r"(?:[ \u00a0]*:)?[ \u00a0]+(?=[A-ZÀ-ÖØ-ÞŒ])"  # « le film : Plus long, plus grand »
    )


_CLAUSE_END = re.compile(r"[,.;:!?()«»\"“”\n]")


def in_titles(doc: Document) -> frozenset[int]:
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
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def spells(acronym: str, found: list[tuple[int, int, str]]) -> bool:
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


def in_acronyms(doc: Document) -> frozenset[int]:
    """Start offsets of the words of a name spelled out next to its acronym: « le Produit
    intérieur brut (PIB) », « la loi organique des Finances (LOF) », « l’ARE (Association
    pour le Retournement des Entreprises) »."""
    out: set[int] = set()
    text = doc.text
    for m in _ACRONYM.finditer(text):
        stop = max((text.rfind(c, 0, m.start()) for c in ".;:!?()«»\"\n"), default=-1)
        found = list(words(text, max(stop + 1, m.start() - 160), m.start()))
        for k, (_, _, w) in enumerate(found):
            if _fold(w) not in _FUNCTION and spells(m.group(1), found[k:]):
                out.update(s for s, _, _ in found[k:])
                break
    for m in _BEFORE_ACRONYM.finditer(text):
        found = list(words(text, m.start(2), m.end(2)))
        if spells(m.group(1), found):
            out.update(s for s, _, _ in found)
    return frozenset(out)


_AFTER_DASH = re.compile(r"(?:^|[ \u00a0])[-–—][ \u00a0]+$")


@cache
def _compass() -> re.Pattern[str]:
    points = "|".join(_designations()["places"]["compass"])
    return re.compile(rf"[ \u00a0]+(?:du|de[ \u00a0]l['’])[ \u00a0]?(?:{points})\b")


def name_shape(doc: Document, t: Token) -> bool:
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


def titles_in(doc: Document) -> frozenset[str]:
    """Words the document uses as a title after a capitalised article mid-sentence
    (« selon Le Temps »): the same word elsewhere is that name, not a stray capital."""
    found = set()
    for m in re.finditer(r"(?<=[^\W\d_] )(?:Le|La|Les|L['’])[ ]?([A-ZÀ-ÖØ-Þ][\w-]+)", doc.text):
        found.add(m.group(1).lower())
    return frozenset(found)


@cache
def may_be_stray(low: str) -> bool:
    """The word tests _capitals makes before it looks at the analysis."""
    keep, titles = capital_sets()[:2]
    singular = low[:-1] if low.endswith(("s", "x")) else low
    if low in keep or singular in keep or low in place_words():
        return False
    return low in titles or (is_french_form(low) and zipf(low) >= 3.0 and zipf(low, "en") <= zipf(low) + 0.5)
