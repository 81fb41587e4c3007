"""The French an editor writes for a source noun left in the text (« le Wahlkampf » → « la
campagne électorale »): a translation from the bilingual dictionary (qa.knowledge.bilingual),
chosen and inflected by the slot the word fills in the French sentence.

The slot is read from the French words before it: a determiner, maybe with adjectives
before the noun (« le premier Windrad »), a number (« 40 Anlagen »), « de » (« moins de
Bürokratie ») or a preposition before a bare noun (« en Kita »). Only such noun slots get a
suggestion: the translation that French knows as a common noun (qa.knowledge.article_gender
gives its gender) the text writes elsewhere, else the first (or a far more frequent one of as
many senses), in the number the
determiner or number imposes (else the number the source ending shows: « kitchens »,
« Gemeinden »). When the French noun's gender differs from the one the determiner and
adjectives show, they are rewritten with it and the suggestion covers them. Adverbs,
verbs and adjectives left untranslated get none: their dictionary senses depend on a
context these rules do not read, and a wrong first suggestion is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from qa.data import load_toml
from qa.knowledge.article_gender import article_gender, listed_gender
from qa.knowledge.bilingual import french_noun_gender, french_nouns, lookup
from qa.knowledge.forms import feminine
from qa.knowledge.inflection import plural_phrase
from qa.knowledge.wordlists import is_french_form, zipf
from qa.model.textutil import capitalize_first, starts_with_vowel_sound

# Singular determiners by gender, and before a vowel sound.
_SINGULAR = {
    "le": ("le", "la", "l'"), "la": ("le", "la", "l'"), "l": ("le", "la", "l'"),
    "un": ("un", "une", None), "une": ("un", "une", None),
    "du": ("du", "de la", "de l'"), "au": ("au", "à la", "à l'"),
    "ce": ("ce", "cette", "cet"), "cet": ("ce", "cette", "cet"), "cette": ("ce", "cette", "cet"),
    "son": ("son", "sa", "son"), "sa": ("son", "sa", "son"), "mon": ("mon", "ma", "mon"), "ma": ("mon", "ma", "mon"),
    "ton": ("ton", "ta", "ton"), "ta": ("ton", "ta", "ton"), "notre": ("notre",) * 3, "votre": ("votre",) * 3,
    "leur": ("leur",) * 3, "chaque": ("chaque",) * 3,
}
# Feminine endings of nouns of persons and the masculine the dictionaries list.
_PERSON_ENDINGS = (("trice", "teur"), ("euse", "eur"), ("ienne", "ien"), ("ère", "er"), ("ante", "ant"), ("ente", "ent"))
# How frequent a French word missing from the lemma forms must be (« au », « du »).
_FUNCTION_WORD = 4.0
# The share of a word's dictionary senses its first French noun must stand in.
_SURE = 1 / 3
_NUMBERS = frozenset("deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente "
                     "quarante cinquante soixante cent cents mille".split())
_PLURAL = frozenset("les des aux ces ses leurs mes tes nos vos plusieurs quelques certains certaines nombreux nombreuses".split())
# Adjectives French puts before the noun, which agree with it (« le premier Windrad »).
_BEFORE_NOUN = frozenset(
    "premier première dernier dernière nouveau nouvel nouvelle nouveaux nouvelles grand grande grands grandes petit petite "
    "petits petites seul seule seuls seules autre autres même mêmes jeune jeunes vieux vieil vieille vieilles bon bonne "
    "bons bonnes mauvais mauvaise mauvaises gros grosse grosses long longue longs longues haut haute hauts hautes "
    "beau bel belle beaux belles prochain prochaine prochains prochaines".split()
)
_QUANTIFIERS = {"nombreux": ("nombreux", "nombreuses"), "nombreuses": ("nombreux", "nombreuses"),
                "certains": ("certains", "certaines"), "certaines": ("certains", "certaines")}
_IRREGULAR_FEMININE = {"nouveau": "nouvelle", "nouvel": "nouvelle", "vieux": "vieille", "vieil": "vieille",
                       "beau": "belle", "bel": "belle", "gros": "grosse", "long": "longue"}
# Prepositions French puts before a bare noun (« en crèche », « sans autorisation », « par habitant »).
_BARE_PREPOSITIONS = frozenset(("en", "sans", "par"))
# How much more frequent in French (wordfreq zipf) a translation of as many senses as the
# dictionary's first must be to come first (« stad »: « ville » 5.7, not « localité » 3.8).
# A first translation wordfreq does not know (« navetteur ») cannot be weighed: it stays.
_MORE_FREQUENT = 1.5
_WORD_BEFORE = re.compile(r"([^\W\d_]+|\d[\d .,]*)(['’]|[ \u00a0]+)$")
# Endings of a plural noun in the source, which lookup strips to find the headword.
_PLURAL_ENDINGS = {"en": ("s", "es"), "nl": ("s", "en", "'s"), "de": ("en", "n", "e", "er", "s")}


@cache
def _quantity_words() -> frozenset[str]:
    """Scales, currencies and units of the source languages (qa/data/numbers.toml): after a
    number they are the number checks' (NF01), which write the amount the French way."""
    data = load_toml("numbers.toml")
    words = [f for scale in data["scale"] for f in scale["forms"]]
    words += [w for currency in data["currency"] for w in currency.get("words", [])]
    words += list(data["units"])
    return frozenset(w.lower() for w in words)


def _apostrophe(text: str) -> str:
    return "’" if text.count("’") > text.count("'") else "'"


def _slot(text: str, start: int) -> tuple[int, list[str], str] | None:
    """The noun slot before ``start``: where its determiner begins, the words from the
    determiner to the noun (the determiner first, then the adjectives before the noun),
    and its kind: « s » (a singular determiner), « p » (plural), « de » (after « de »), « n »
    (after a number other than one). None: no determiner or number before it."""
    pos, words = start, []
    for _ in range(4):
        m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
        if m is None:
            return None
        word, low = m.group(1).strip(), m.group(1).strip().lower()
        if m.group(2) in "'’":
            low = low + "'"
        words.insert(0, word + ("'" if m.group(2) in "'’" else ""))
        pos = m.start()
        if low.rstrip("'") in _SINGULAR and (low.endswith("'") == (low.rstrip("'") == "l")):
            return pos, words, "s"
        if low in _PLURAL:
            return pos, words, "p"
        if low in ("de", "d'"):
            return pos, words, "de" if len(words) == 1 else "p"  # « de nouvelles kitchens »: « des » before an adjective
        if low in _BARE_PREPOSITIONS:
            return (pos, words, "bare") if len(words) == 1 else None  # « des places en Kita », « sans Genehmigung »
        if low[:1].isdigit() or low in _NUMBERS:
            return (pos, words, "n") if len(words) == 1 and low.strip() not in ("1", "0") else None
        if low not in _BEFORE_NOUN:
            return None
    return None


def _noun_translations(word: str, langs: Iterable[str], text: str = "", span: tuple[int, int] = (0, 0)
                       ) -> tuple[list[str], bool] | None:
    """The French nouns of the first dictionary that knows the word, and whether the source
    word carries a plural ending. A German noun (the dictionary gives parts of speech) may
    keep a translation whose gender no French list knows (« éducatrice »): the caller
    puts it only where the gender does not show. The one translation the text itself uses
    elsewhere (outside ``span``) comes first, even for a word of many senses: the text's own
    rendering (« crèche » in the title, « Kita » left further on). Else, among the
    translations of as many senses as the first, a far more frequent one comes first."""
    for lang in langs:
        low = word.lower()
        found = lookup(word, lang)
        if found is None and lang == "de" and low.endswith("innen"):
            low = low[:-3]  # « Erzieherinnen »: the plural of the headword « Erzieherin »
            found = lookup(low, lang)
        if found is None:
            continue
        head, entry = found
        plural = low != word.lower() or head != low and any(
            low == head + end or low.translate(str.maketrans("äöü", "aou")) == head + end for end in _PLURAL_ENDINGS.get(lang, ()))
        nouns = [t for t in entry.translations if _common_noun(t)]
        if not nouns and lang == "de" and entry.noun and entry.translations and _french_phrase(entry.translations[0]):
            nouns = [entry.translations[0]]
        used = [n for n in nouns if _used_elsewhere(n, text, span)]
        if len(used) == 1:
            return [used[0]] + [n for n in nouns if n != used[0]], plural
        if nouns and not used:
            first = nouns[0]
            tied = [n for n in nouns if entry.share(n) >= entry.share(first) and " " not in n]
            best = max(tied, key=zipf, default=first)
            if " " not in first and 0 < zipf(first) and zipf(best) >= zipf(first) + _MORE_FREQUENT:
                nouns = [best] + [n for n in nouns if n != best]
        if nouns and entry.share(nouns[0]) < _SURE:
            return [], plural  # a noun of one sense among many (« Anlage »: aptitude, annexe, installation…)
        return nouns, plural
    return None


def _used_elsewhere(noun: str, text: str, span: tuple[int, int]) -> bool:
    """The text writes the French noun (singular or plural) outside ``span``."""
    if not text:
        return False
    forms = {noun, plural_phrase(noun)}
    pattern = rf"(?<![\w-])(?:{'|'.join(re.escape(f) for f in forms)})(?![\w-])"
    return any(not (span[0] <= m.start() < span[1]) for m in re.finditer(pattern, text, re.IGNORECASE))


def _french_phrase(phrase: str) -> bool:
    return bool(phrase) and phrase[:1].islower() and "..." not in phrase and all(
        _french(w.lower()) for w in re.split(r"[ '’-]", phrase) if w)


def _common_noun(phrase: str) -> bool:
    words = phrase.split()
    if not words or not _french_phrase(phrase):
        return False
    return noun_gender(phrase) is not None or noun_gender(words[0]) is not None


def _french(word: str) -> bool:
    return is_french_form(word) or zipf(word) >= _FUNCTION_WORD


def noun_gender(word: str) -> str | None:
    """« m », « f », « n » (either gender: « cycliste ») for a French common noun, None for a
    word that is not one: the French-to-X dictionaries when installed, else qa's noun lists."""
    if not french_nouns():
        return article_gender(word)
    found = french_noun_gender(word) or listed_gender(word)
    if found is None and is_french_form(word):
        # The dictionaries list persons under their masculine: « éducatrice » under « éducateur ».
        for fem, masc in _PERSON_ENDINGS:
            masculine = word[: len(word) - len(fem)] + masc
            if word.endswith(fem) and (french_noun_gender(masculine) or listed_gender(masculine)) in ("m", "n"):
                return "f"
    return found


def _agree(adjective: str, gender: str, plural: bool) -> str | None:
    """An adjective before the noun in the gender of the French noun, or None when its
    masculine cannot be found back."""
    low = adjective.lower()
    masculine = {v: k for k, v in _IRREGULAR_FEMININE.items()}
    base = low.rstrip("s") if plural and low not in ("gros", "mauvais") else low
    if base in masculine:
        base = masculine[base]
    elif base.endswith(("ière", "ère")):
        base = base[:-3] + "er"
    elif base.endswith("e") and feminine(base[:-1]) == base:
        base = base[:-1]
    if gender == "f":
        form = _IRREGULAR_FEMININE.get(base) or feminine(base)
    else:
        form = base
    if plural and not form.endswith(("s", "x")):
        form = form + ("x" if form.endswith("eau") else "s")
    return form if is_french_form(form) else None


def suggest(text: str, start: int, end: int, langs: Iterable[str]) -> tuple[int, str] | None:
    """(where the rewrite starts, the French) for the source noun at text[start:end], or None
    when the slot is no noun slot or no translation fits it (see the module's docstring)."""
    word = text[start:end]
    if not word.isalpha():
        return None
    slot = _slot(text, start)
    if slot is None:
        return None
    found = _noun_translations(word, langs, text, (start, end))
    if found is None or not found[0]:
        return None
    nouns, source_plural = found
    begin, words, kind = slot
    if kind == "n" and word.lower() in _quantity_words():
        return None
    plural = kind in ("p", "n") or (kind in ("de", "bare") and source_plural)
    french = nouns[0]
    gender = noun_gender(french) or noun_gender(french.split()[0])
    if gender is None and not (kind in ("n", "de", "bare") or kind == "p" and len(words) == 1 and words[0].lower() not in _QUANTIFIERS):
        return None  # a noun of unknown gender only where its gender does not show (« des », « trois »)
    if plural:
        french = plural_phrase(french)
    apostrophe = _apostrophe(text)
    if kind in ("n", "de", "bare"):
        if kind == "de" and starts_with_vowel_sound(french) and words[0].lower() == "de":
            return begin, _cased(f"d{apostrophe}{french}", words[0])
        return start, french
    det, adjectives = words[0], words[1:]
    low = det.lower().rstrip("'’")
    if gender == "n":  # a noun of either gender (« porte-parole »): the determiner stays as it is
        return (start, french) if not (kind == "s" and starts_with_vowel_sound(french) != starts_with_vowel_sound(word)) else None
    new_adjectives = []
    for adj in adjectives:
        form = _agree(adj, gender or "m", plural)
        if form is None:
            return None
        new_adjectives.append(form)
    if kind == "p":
        if low in _QUANTIFIERS:
            det = _cased(_QUANTIFIERS[low][gender == "f"], det)
        out = " ".join([det, *new_adjectives, french])
    else:
        forms = _SINGULAR[low]
        following = new_adjectives[0] if new_adjectives else french
        vowel = starts_with_vowel_sound(following)
        if vowel and (forms[2] or "").endswith("'") or vowel and low in ("son", "sa", "mon", "ma", "ton", "ta"):
            chosen = forms[2]
        elif vowel and low in ("ce", "cet", "cette"):
            chosen = "cette" if gender == "f" else "cet"
        else:
            chosen = forms[1] if gender == "f" else forms[0]
        chosen = chosen.replace("'", apostrophe)
        rest = " ".join([*new_adjectives, french])
        out = chosen + rest if chosen.endswith(apostrophe) else f"{chosen} {rest}"
    out = _cased(out, det)
    if out.lower() == text[begin:end].lower():
        return None
    if " ".join(text[begin:start].split()) == " ".join(out[: len(out) - len(french)].split()):
        return start, french  # the determiner and adjectives stay: the word alone is replaced
    return begin, out


def _cased(out: str, first: str) -> str:
    return capitalize_first(out) if first[:1].isupper() else out

