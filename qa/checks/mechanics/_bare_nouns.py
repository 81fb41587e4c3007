"""What MC15 and MC18 share: whether a word stands as a bare common noun, a verb form or an
infinitive (spaCy's tag of a noun whose determiner was dropped is often wrong, so the lexicons
decide), and the article to put back before it."""

from __future__ import annotations

from functools import cache

from qa.checks.mechanics._word_classes import adjective_base, is_adjective, is_verb_form, pos_lemmas
from qa.data import load_toml
from qa.knowledge.article_gender import article_gender, listed_gender
from qa.knowledge.conjugation import conjugate
from qa.knowledge.lemmas import lemma_tables
from qa.knowledge.nlp import Token
from qa.knowledge.wordlists import is_french_form, zipf
from qa.model.caches import word_cache
from qa.model.textutil import starts_with_vowel_sound

_TIME = frozenset(["jour", "nuit", "début", "fin", "mi", "hier", "matin", "soir", "midi", "minuit", "courant", "lendemain", "veille"])


@cache
def calendar_words() -> frozenset[str]:
    cal = load_toml("caps_rules.toml")["calendar"]
    return frozenset(cal["months"] + cal["days"]) | _TIME


@cache
def noun_form(low: str) -> bool:
    """The lexicon knows the word as a noun (« bande », « loyer »): spaCy's tag of a noun
    whose determiner was dropped is often wrong (VERB, ADJ), so the lexicon decides."""
    lookups = lemma_tables()
    if lookups is None or not is_french_form(low):
        return False
    lemmas = lookups.get_table("lemma_lookup").get(low, [low])  # type: ignore[attr-defined]
    lemmas = [lemmas] if isinstance(lemmas, str) else lemmas
    return low in pos_lemmas("noun") or any(lemma in pos_lemmas("noun") for lemma in lemmas)


# Suffixes of nouns that no adjective or verb form has: a word with one is a noun whatever
# spaCy's tag (« approvisionnement », « mortalité »).
NOUN_SUFFIXES = ("ment", "tion", "sion", "ité", "age")
# Cardinals are determiners themselves (« renforcer douze kilomètres »), and the nouns of large
# numbers take « de » (« deux millions d'euros »): neither is a bare noun.
NUMBER_WORDS = frozenset(["cent", "cents", "mille", "million", "millions", "milliard", "milliards",
                          *"deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt vingts "
                           "trente quarante cinquante soixante".split()])


def common_noun(t: Token, strict: bool = False, trust_tag: bool = False) -> bool:
    """A lower-case noun, not a time word or a number. spaCy often tags a noun whose
    determiner was dropped as a verb or an adjective: the lexicon and a noun suffix decide
    then, and a word that is also an infinitive, a verb form or an adjective is left alone.
    ``strict`` (the second of two nouns): no adjective or verb reading at all."""
    return common_form(t.text, t.pos, t.lemma, strict, trust_tag)


@word_cache(1 << 15)
def common_form(low: str, pos: str, lemma: str, strict: bool = False, trust_tag: bool = False) -> bool:
    """common_noun of a token with this text, part of speech and lemma, all it reads of one:
    each word is judged once."""
    if len(low) < 3 or not low.isalpha() or not low.islower() or low in calendar_words() or lemma in calendar_words() or low in NUMBER_WORDS:
        return False
    if pos not in ("NOUN", "VERB", "ADJ", "PROPN", "AUX", "PRON") or not ((trust_tag and pos == "NOUN") or noun_form(low)):
        return False
    if zipf(low, "en") > zipf(low) + 0.5:  # an English word (« interview »), not « production »
        return False
    if pos in ("PRON", "AUX") and (zipf(low) >= 5.5 or low in pos_lemmas("adv")):
        return False  # « les », « rien », « ensemble »: a pronoun or an adverb, not a mis-tagged noun
    if low.endswith(("amment", "emment")) or (low.endswith("ment") and is_adjective(low[:-4]) and not inflected_verb(low[:-4])):
        return False  # « intelligemment », « considérablement »: adverbs
    suffixed = low.removesuffix("s").endswith(NOUN_SUFFIXES)
    if pos != "NOUN" and not suffixed:
        if pos == "VERB" or inflected_verb(low) or adjective_base(low) or low.endswith(("er", "ir", "re", "oir")):
            return False
    if is_verb_form(low) or adjective_base(low):
        return False
    return not strict or suffixed or (not inflected_verb(low) and pos == "NOUN")


@word_cache(1 << 14)
def lexical_noun(low: str) -> bool:
    """The lexicon knows ``low`` as a noun and as no verb form or adjective (« hiver »,
    « retard », « commune »): a noun whatever spaCy's tag, once its determiner is gone."""
    return noun_form(low) and not is_verb_form(low) and not adjective_base(low) and not inflected_verb(low)


def listed_noun(t: Token) -> bool:
    """A noun the lists give a gender (« soutien », « ministère », « liste », plural
    « joueurs »), whatever spaCy's tag: a word also read as an adjective counts only in the
    plural (« a remercié joueurs »; « a jugé utile » is an attribute), and never a participle,
    an adverb or a time word."""
    return listed_form(t.text, t.pos, t.lemma)


@word_cache(1 << 15)
def listed_form(low: str, pos: str, lemma: str) -> bool:
    """listed_noun of a token with this text, part of speech and lemma."""
    if len(low) < 3 or not low.isalpha() or not low.islower() or low in calendar_words() or lemma in calendar_words() or low in NUMBER_WORDS:
        return False
    if pos not in ("NOUN", "VERB", "ADJ"):
        return False  # « une », « son »: a determiner, also a noun in the lists
    plural = low.endswith(("s", "x"))
    singular = low[:-3] + "al" if low.endswith("aux") else low[:-1] if plural else low
    if listed_gender(low) is None and listed_gender(singular) is None:
        return False
    if low in pos_lemmas("adv") or is_verb_form(low) or inflected_verb(low) or zipf(low, "en") > zipf(low) + 0.5:
        return False
    return (plural or not adjective_base(low)) and not infinitive(low)


@cache
def infinitive(low: str) -> bool:
    """« aller », « devoir », « sourire »: an infinitive whose participle is a French word."""
    if not low.endswith(("er", "ir", "re", "oir")):
        return False
    try:
        participle = conjugate(low).get("pp", "")
    except (ValueError, KeyError):
        return False
    return bool(participle) and is_french_form(participle)


@cache
def inflected_verb(low: str) -> bool:
    """A form of a verb (« sera », « privés »): its lemma is another word that ends as an
    infinitive does and is not a noun."""
    lookups = lemma_tables()
    if low in pos_lemmas("verb"):
        return True
    if lookups is None:
        return False
    lemmas = lookups.get_table("lemma_lookup").get(low, [])  # type: ignore[attr-defined]
    lemmas = [lemmas] if isinstance(lemmas, str) else lemmas
    return any(lemma != low and (lemma in pos_lemmas("verb") or (lemma.endswith(("er", "ir", "re", "oir")) and lemma not in pos_lemmas("noun"))) for lemma in lemmas)


def determiner(t: Token, indefinite: bool, after: Token | None = None) -> str:
    """The article for ``t``. Its gender comes from the lexicons (qa.knowledge.inflection:
    « bande » f, which spaCy reads as masculine once its article is gone), then from an
    adjective after it (« offre généreuse »), then from spaCy's guess."""
    plural = t.number == "p" if t.pos == "NOUN" and t.number else t.text.endswith(("s", "x"))
    if plural:
        return "des" if indefinite else "les"
    gender = article_gender(t.text.lower()) or (after.gender if after is not None and after.pos == "ADJ" and after.gender else t.gender)
    fem = gender == "f"
    if indefinite:
        return "une" if fem else "un"
    if starts_with_vowel_sound(t.text):
        return "l’"
    return "la" if fem else "le"


def join_article(det: str, word: str) -> str:
    return f"{det}{word}" if det.endswith("’") else f"{det} {word}"
