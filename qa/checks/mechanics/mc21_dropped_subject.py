"""MC21: a sentence that opens with a third-person singular verb and no subject (« Le maire a
défendu le projet. A rappelé que… » → « Il a rappelé », « Affirme qu'un navire… » → « Il
affirme », « Doit mettre en relation… » → « Elle doit »)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._finders import token_findings
from qa.checks.mechanics._word_classes import pos_lemmas
from qa.checks.mechanics._sentences import pronoun_for, sentence
from qa.data import load_toml
from qa.knowledge.conjugation import conjugate
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import is_sentence_start

# Modal verbs whose third person singular opens no French sentence without a subject (« Doit-on »
# has its hyphen); « falloir », « rester », « venir » open impersonal or inverted sentences.
_MODALS = frozenset(["devoir", "pouvoir", "vouloir"])
_CLITICS = frozenset(["ne", "n'", "n’", "se", "s'", "s’", "y", "en", "le", "la", "les", "l'", "l’", "lui", "leur", "pas", "plus", "jamais"])
_QUE = frozenset(["que", "qu'", "qu’"])


@cache
def _saying() -> frozenset[str]:
    return frozenset(load_toml("function_words.toml")["saying"]["verbs"])


def _participle(t: Token) -> bool:
    """A past participle of its lemma (any agreement) that is not also an adjective or a noun."""
    try:
        pp = conjugate(t.lemma.lower()).get("pp", "")
    except (ValueError, KeyError):
        return False
    low = t.text.lower()
    return bool(pp) and low in (pp, pp + "e", pp + "s", pp + "es") and low not in pos_lemmas("adj") and low not in pos_lemmas("noun")


class DroppedSubject(Check):
    """A sentence opens with a singular verb whose subject a literal translation dropped.

    German and Dutch sentences that continue a subject (« Er erinnerte daran », « Sie soll ») and
    SMT's word-by-word output lose the pronoun: « Le maire a défendu le projet. A rappelé que… »,
    « L'opérateur s'est excusé. Affirme qu'un navire… ». French opens a sentence with a finite
    verb only in inversions (« Reste que », « Vient ensuite », `function_words.toml`
    [subject] inverted) and questions. Three shapes are reported, at a sentence start, with
    no hyphen after the verb and no « ? » in the sentence: « A » followed by a past participle
    that is not also an adjective or a noun (« A rappelé »; « A présent », « A côté » are
    « À » without its accent); the third person singular of a verb of saying
    (`function_words.toml` [saying]) followed by « que »; « Doit », « Peut », « Veut » (and
    their other tenses) followed by an infinitive. The pronoun takes the gender of the
    previous sentence's subject (MC18's rule).

    Mauvais : « Le maire a défendu le projet. A rappelé que la ligne sera prête en 2026. »
    Bon :     « Le maire a défendu le projet. Il a rappelé que la ligne sera prête en 2026. »
    """

    code = "MC21"
    priority = 212
    data_files = ("function_words.toml", "conjugation.toml")
    name = "mechanics.dropped-subject"
    category = Category.MISSING_WORD
    summary = "A sentence opening with a singular verb and no subject (« A rappelé que », « Doit mettre »)"
    needs_nlp = True
    autofix = "none"
    paragraph_local = True

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        tokens = ctx.analysis(doc).tokens
        yield from token_findings(self, doc, tokens, lambda t: (self._opening(doc, t, tokens),))

    @staticmethod
    def _opening(doc: Document, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        if not t.text[:1].isupper() or (len(t.text) > 1 and not t.text[1:].islower()) or not t.text.isalpha() or not is_sentence_start(doc.text, t.start):
            return None
        if t.i + 1 >= len(tokens) or tokens[t.i + 1].para != t.para or doc.text[t.end : t.end + 1] == "-":
            return None
        if t.i == 0 or tokens[t.i - 1].para != t.para:
            return None  # a headline or a paragraph's first word: the previous sentence is elsewhere
        sent = sentence(tokens, t.i)
        if any(s.text == "?" for s in sent):
            return None
        nxt = tokens[t.i + 1]
        low, lemma = t.text.lower(), t.lemma.lower()
        if low == "a":
            if not _participle(nxt):
                return None
        elif t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") == "Fin" and t.morph.get("Number") == "Sing" and t.morph.get("Person", "3") == "3":
            if lemma in _saying():
                if nxt.text.lower() not in _QUE:
                    return None
            elif lemma in _MODALS:
                k = t.i + 1
                while k < len(tokens) and tokens[k].text.lower() in _CLITICS and k - t.i <= 3:
                    k += 1
                if k >= len(tokens) or tokens[k].morph.get("VerbForm") != "Inf" or tokens[k].pos not in ("VERB", "AUX"):
                    return None
            else:
                return None
        else:
            return None
        pronoun = pronoun_for(t, tokens, False)
        return Span(t.start, t.end), f"the verb « {t.text} » opens the sentence with no subject", f"{pronoun} {low}"
