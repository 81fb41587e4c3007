"""MC23: the « que » of a comparison and the « se » of a pronominal verb, two words a literal
translation drops (« la rame est plus longue l'ancienne » → « que l'ancienne », « ils sont
plaints » → « ils se sont plaints », « il est rendu compte » → « il s'est rendu compte »)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._bare_nouns import calendar_words
from qa.checks.mechanics._finders import token_findings
from qa.checks.mechanics._sentences import sentence
from qa.data import load_toml
from qa.knowledge.conjugation import conjugate
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import starts_with_vowel_sound

_QUE = frozenset(["que", "qu'", "qu’"])
_NE = frozenset(["ne", "n'", "n’"])
_REFLEXIVE = frozenset(["se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"])
# Words before « plus »/« moins » that make it a superlative, a locution or a negation
# (« la plus longue », « au moins », « de plus », « non plus », « sans plus »).
_NOT_COMPARATIVE = frozenset(["le", "la", "les", "l'", "l’", "du", "des", "au", "aux", "de", "d'", "d’", "à", "en",
                              "non", "sans", "et", "ou", "autant", "bien", "beaucoup", "encore"])
_DETERMINERS = frozenset(["le", "la", "les", "l'", "l’", "un", "une", "des", "ce", "cet", "cette", "ces",
                          "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos"])
# Time nouns beyond the calendar's: a noun phrase of time after the adjective is an adverbial
# (« plus fort le soir », « plus nombreux cette année »).
_TIME = frozenset(["an", "ans", "année", "années", "jour", "jours", "nuit", "nuits", "matin", "matins", "soir", "soirs",
                   "semaine", "semaines", "mois", "fois", "saison", "hiver", "été", "automne", "printemps", "week-end",
                   "week-ends", "moment", "heure", "heures", "décennie", "siècle", "veille", "lendemain", "fin", "début",
                   "temps", "époque", "période", "périodes", "journée", "soirée", "matinée", "trimestre", "semestre"])
_PRONOUN_OF = {"suis": "me", "étais": "me", "serai": "me", "serais": "me", "sois": "me",
               "es": "te", "seras": "te", "sommes": "nous", "étions": "nous", "serons": "nous", "serions": "nous",
               "soyons": "nous", "êtes": "vous", "étiez": "vous", "serez": "vous", "seriez": "vous", "soyez": "vous"}


@cache
def _data() -> dict[str, dict[str, list]]:
    return load_toml("function_words.toml")


@cache
def _etre_forms() -> frozenset[str]:
    """The finite forms of « être » and its infinitive (« sont », « était », « être »)."""
    forms = conjugate("être")
    return frozenset(f for slot, f in forms.items() if slot not in ("pp", "ppr")) | {"être"}


@cache
def _participles() -> dict[str, str]:
    """Participle form → lemma, for the verbs French uses only pronominally (« efforcés »)."""
    out: dict[str, str] = {}
    for lemma in _data()["pronominal"]["essential"]:
        try:
            pp = conjugate(lemma).get("pp", "")
        except (ValueError, KeyError):
            continue
        if pp:
            out.update({form: lemma for form in (pp, pp + "e", pp + "s", pp + "es")})
    return out


@cache
def _idioms() -> dict[str, str]:
    """Participle form → the noun of its pronominal idiom (« rendu » → « compte »)."""
    out: dict[str, str] = {}
    for verb, noun in _data()["pronominal"]["idioms"]:
        pp = conjugate(verb).get("pp", "")
        out.update({form: noun for form in (pp, pp + "e", pp + "s", pp + "es")})
    return out


class DroppedQueOrReflexive(Check):
    """The « que » of a comparison or the « se » of a pronominal verb is missing.

    English « than », German « als » and Dutch « dan » stand where French needs « que », and a
    literal translation drops it when the compared term is a bare noun phrase (« la rame est plus
    longue l'ancienne »). German and Dutch reflexives (« sich beschweren », « zich beklagen »)
    and English verbs with no reflexive (« complained ») lose the French « se »: « ils sont
    plaints » is no French, « ils se sont plaints » is. Reported: « plus »/« moins » (not a
    superlative, not a negation, no « que » later in the sentence) then an adjective and a
    determined noun phrase that is not of time, unless a verb whose object follows its
    attribute comes before (« rend plus sûres les routes »); a form of « être » then the
    participle of a verb French uses only pronominally (`function_words.toml` [pronominal]) or
    of a pronominal idiom (« rendu compte ») with no reflexive pronoun before it.

    Mauvais : « La nouvelle rame est plus longue l'ancienne. Les commerçants sont plaints du bruit. »
    Bon :     « La nouvelle rame est plus longue que l'ancienne. Les commerçants se sont plaints du bruit. »
    """

    code = "MC23"
    priority = 213
    data_files = ("function_words.toml", "conjugation.toml", "caps_rules.toml", "gender.tsv", "lexicon.tsv", "noun_genders.tsv")
    name = "mechanics.dropped-que-or-reflexive"
    category = Category.MISSING_WORD
    summary = "« que » of a comparison or « se » of a pronominal verb missing (« plus longue l'ancienne », « sont plaints »)"
    needs_nlp = True
    autofix = "none"
    paragraph_local = True

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        tokens = ctx.analysis(doc).tokens
        yield from token_findings(self, doc, tokens, lambda t: (self._comparison(t, tokens), self._reflexive(doc, t, tokens)))

    @staticmethod
    def _comparison(t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« est plus longue l'ancienne »: « plus »/« moins », an adjective, then a determined
        noun phrase with no « que »."""
        if t.text.lower() not in ("plus", "moins") or t.i == 0 or t.i + 3 >= len(tokens):
            return None
        prev = tokens[t.i - 1]
        if prev.para != t.para or prev.text.lower() in _NOT_COMPARATIVE:
            return None
        adj, det = tokens[t.i + 1], tokens[t.i + 2]
        comparison = _data()["comparison"]
        if adj.pos != "ADJ" or not adj.text.isalpha() or not adj.text.islower() or adj.text.lower() in comparison["not_compared"]:
            return None
        if det.text.lower() not in _DETERMINERS or det.pos != "DET" or det.para != t.para:
            return None
        head = tokens[t.i + 3]
        j = t.i + 3
        while head.pos == "ADJ" and j + 1 < len(tokens) and tokens[j + 1].pos in ("NOUN", "ADJ") and tokens[j + 1].para == t.para:
            j += 1
            head = tokens[j]
        if head.pos not in ("NOUN", "ADJ", "PROPN") or not head.text.replace("-", "").isalpha():
            return None
        low = head.text.lower()
        if low in _TIME or low in calendar_words() or head.lemma.lower() in _TIME:
            return None  # « plus fort le soir », « plus nombreux cette année »
        sent = sentence(tokens, t.i)
        before = [s for s in sent if s.i < t.i]
        after = [s for s in sent if s.i > t.i]
        if any(s.text.lower() in _QUE for s in after) or any(s.text.lower() in ("plus", "moins") for s in sent if s.i != t.i):
            return None  # « plus longue que … », « plus … plus »: the comparison is built
        if any(s.text.lower() in _NE for s in before[-5:]):
            return None  # « n'est plus ouverte le … »: a negation
        if any(s.lemma.lower() in comparison["attribute_verbs"] for s in before[-4:]):
            return None  # « rend plus sûres les routes »: the object follows its attribute
        if any(s.pos in ("VERB", "AUX") and s.morph.get("VerbForm") == "Fin" for s in after[2 : j - t.i + 2]):
            return None
        fix = ("qu’" if starts_with_vowel_sound(det.text) else "que ") + det.text
        return Span(det.start, det.end), f"« {t.text} {adj.text} » needs « que » before the term it is compared with", fix

    @staticmethod
    def _reflexive(doc: Document, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« ils sont plaints », « il est rendu compte »: « être » then the participle of a
        verb used only pronominally, with no reflexive pronoun."""
        low = t.text.lower()
        if t.i == 0 or not t.text.isalpha() or not t.text.islower():
            return None
        aux = tokens[t.i - 1]
        if aux.para != t.para or aux.text.lower() not in _etre_forms():
            return None
        if low in _idioms():
            nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
            if nxt is None or nxt.text.lower() != _idioms()[low]:
                return None
        elif low not in _participles():
            return None
        first = aux
        k = aux.i - 1
        if k >= 0 and tokens[k].para == t.para and tokens[k].text.lower() in _NE:
            first, k = tokens[k], k - 1
        if k >= 0 and tokens[k].para == t.para and tokens[k].text.lower() in _REFLEXIVE:
            return None
        pronoun = _PRONOUN_OF.get(aux.text.lower(), "se")
        joined = (pronoun[0] + "’" + aux.text) if starts_with_vowel_sound(aux.text) else f"{pronoun} {aux.text}"
        neg = "ne " if first is not aux else ""
        fix = f"{neg}{joined} {t.text}"
        return Span(first.start, t.end), f"« {t.text} » is the participle of a pronominal verb: « {pronoun} » is missing", fix
