"""MC22: an article dropped inside a prepositional phrase — after a locution that needs one before a
noun with a complement (« à cause de panne du seul navire » → « d'une panne »/« de la panne »,
« grâce à soutien du Land »), or before « premier », « dernier », « prochain », « nouveau »
(« pendant premières 24 heures » → « les premières »)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._bare_nouns import common_noun, determiner, join_article
from qa.checks.mechanics._finders import token_findings
from qa.data import load_toml
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import starts_with_vowel_sound

# Locutions whose noun phrase takes a determiner (Grevisse, Le Bon Usage, the prepositional
# locutions; « en cas de panne », « faute de temps », « en raison de travaux » take a bare
# noun and are not here). Each is the last words before the noun, the first one or two words
# checked before it.
_LOCUTIONS = {("cause", "de"): "à", ("cause", "d'"): "à", ("cause", "d’"): "à", ("grâce", "à"): "", ("lors", "de"): "", ("lors", "d'"): "",
              ("lors", "d’"): "", ("cours", "de"): "au", ("cours", "d'"): "au", ("cours", "d’"): "au", ("dépit", "de"): "en", ("dépit", "d'"): "en",
              ("dépit", "d’"): "en", ("issue", "de"): "l'", ("issue", "d'"): "l'", ("issue", "d’"): "l'"}
# Adjectives that stand before their noun and never open a noun phrase without a determiner in
# clean French (« le premier », « les dernières », « la prochaine », « un nouveau »).
_ORDINALS = frozenset(["premier", "première", "premiers", "premières", "dernier", "dernière", "derniers", "dernières", "prochain",
                       "prochaine", "prochains", "prochaines", "précédent", "précédente", "précédents", "précédentes"])
_DEFINITE_AFTER = frozenset(["du", "des", "de"])


@cache
def _prepositions() -> frozenset[str]:
    """The prepositions clean French follows with a determiner (mined in missing_words.toml)."""
    return frozenset(load_toml("missing_words.toml")["prepositions"]["need_determiner"])


class BarePhrase(Check):
    """An article missing in a prepositional phrase, where clean French always writes one.

    Two shapes a literal translation leaves: a locution that takes a determined noun phrase
    (« à cause de », « grâce à », « lors de », « au cours de », « en dépit de », « à l'issue
    de ») before a singular noun with a complement in « du », « de la », « des » (« à cause de
    panne du seul navire »; « en cas de panne », « faute de temps » are other locutions);
    and a preposition of missing_words.toml's `need_determiner` (mined from UD French-GSD and
    the WMT21 reference) before « premier », « dernier », « prochain », « précédent » with no
    determiner (« pendant premières 24 heures »; « en premier » is not such a preposition).
    The article put back is definite, in the noun's or the adjective's gender and number.

    Mauvais : « Le trafic a été interrompu à cause de panne du système. »
    Bon :     « Le trafic a été interrompu à cause de la panne du système. »
    """

    code = "MC22"
    priority = 213
    data_files = ("missing_words.toml", "caps_rules.toml", "conjugation.toml", "noun_genders.tsv", "gender.tsv", "lexicon.tsv")
    name = "mechanics.bare-phrase"
    category = Category.MISSING_WORD
    summary = "Article missing after « à cause de », « grâce à », « lors de »…, or before « premier », « dernier » after a preposition"
    needs_nlp = True
    autofix = "none"
    paragraph_local = True

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        tokens = ctx.analysis(doc).tokens
        yield from token_findings(self, doc, tokens, lambda t: (self._locution(t, tokens), self._ordinal(t, tokens)), first_only=True)

    @staticmethod
    def _locution(t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        if t.i < 2 or t.i + 1 >= len(tokens) or tokens[t.i - 2].para != t.para or tokens[t.i + 1].para != t.para:
            return None
        head, prep = tokens[t.i - 2].text.lower(), tokens[t.i - 1].text.lower()
        before = _LOCUTIONS.get((head, prep))
        if before is None or (before and (t.i < 3 or tokens[t.i - 3].text.lower().replace("’", "'") != before)):
            return None
        if t.pos != "NOUN" or t.number == "p" or t.text.endswith(("s", "x")) or not common_noun(t, trust_tag=True):
            return None
        if tokens[t.i + 1].text.lower() not in _DEFINITE_AFTER:
            return None
        art = determiner(t, False)
        if prep in ("de", "d'", "d’"):
            phrase = f"du {t.text}" if art == "le" else "de " + join_article(art, t.text)
        else:
            phrase = f"au {t.text}" if art == "le" else "à " + join_article(art, t.text)
        return Span(tokens[t.i - 1].start, t.end), f"« {head} {prep} » needs an article before « {t.text} »", phrase

    @staticmethod
    def _ordinal(t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        low = t.text.lower()
        if low not in _ORDINALS or t.text != low or t.i == 0 or t.i + 1 >= len(tokens):
            return None
        prep = tokens[t.i - 1]
        if prep.para != t.para or prep.text.lower() not in _prepositions() or tokens[t.i + 1].para != t.para:
            return None
        nxt = tokens[t.i + 1]
        if nxt.pos not in ("NOUN", "NUM") and not nxt.text[:1].isdigit():
            return None  # « après dernier avis »? no: « pour premier » alone, « depuis dernier » read otherwise
        plural = low.endswith("s")
        art = "les" if plural else ("la" if low.endswith("e") and low != "premier" else "le")
        art_word = ("l’" + t.text) if not plural and starts_with_vowel_sound(t.text) else f"{art} {t.text}"
        return Span(t.start, t.end), f"« {prep.text} {t.text} » needs an article", art_word
