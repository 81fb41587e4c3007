"""SY05: the English passive of the recipient (« were given a chance ») rendered word for word:
« Les élèves ont été donnés une chance »."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.scope import paragraph_words
from qa.checks.syntax._shared import _candidates, _forms, nominal, words
from qa.knowledge.conjugation import conjugate
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_ADVERBS = frozenset(["déjà", "aussi", "également", "encore", "finalement", "enfin", "récemment", "ensuite", "alors",
                      "désormais", "toujours", "souvent", "bien", "même", "pas", "jamais", "plus", "ne", "n'", "n’"])
_CLITICS = frozenset(["il", "leur", "lui", "nous", "vous", "me", "m'", "m’", "te", "t'", "t’", "se", "s'", "s’", "y", "en"])
_TO = frozenset(["à", "au", "aux"])


def _w(key: str) -> frozenset[str]:
    return words("recipient_passive", key)


@cache
def _etre_slots() -> dict[str, str]:
    """The finite forms of « être » and their slot (« sont » → « pres6 »)."""
    return {form: slot for slot, form in conjugate("être").items() if slot[:1] != "p" or slot.startswith("pres")}


def _giving(t: Token) -> bool:
    """A past participle of a verb of giving (qa/data/syntax.toml), in any agreement."""
    low = t.text.lower()
    if not low.isalpha():
        return False
    for lemma in _candidates(low, t.lemma.lower()):
        pp = _forms(lemma).get("pp")
        if lemma in _w("verbs") and pp and low in (pp, pp + "e", pp + "s", pp + "es"):
            return True
    return False


class RecipientPassive(Check):
    """The recipient made the subject of a passive, as English does.

    English turns the recipient of « give », « offer », « grant », « award » into the
    subject of a passive (« The pupils were given a second chance »); French cannot: its
    passive takes the object as subject, never the recipient, and a direct object cannot
    follow it (Le Bon Usage § 772; BDL, « Passif »). MT that follows the English writes
    « Les élèves ont été donnés une seconde chance ». The check looks for a passive
    (« être », or « avoir été ») of a verb of giving followed by a determiner and a noun
    that is not a phrase of time or a date; an impersonal « il » (« il a été accordé une
    aide ») and an indirect object before the verb (« À chacun a été remis un badge ») are
    French and stay quiet. The fix uses « recevoir » in the same tense.

    Mauvais : « Les élèves ont été donnés une seconde chance. »
    Bon :     « Les élèves ont reçu une seconde chance. »
    """

    code = "SY05"
    priority = 318
    data_files = ("syntax.toml", "conjugation.toml")
    paragraph_local = True
    name = "calque.recipient-passive"
    category = Category.CALQUE
    summary = "The recipient as the subject of a passive (English « were given »)"
    needs_nlp = True
    nlp_components = ()

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        heads = frozenset(_etre_slots()) | {"été"}
        return {k for k, ws in enumerate(paragraph_words(doc, ctx)) if not ws.isdisjoint(heads)}

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        toks = ctx.analysis(doc).tokens
        for t in toks:
            if _giving(t) and t.i > 0:
                found = self._at(doc, toks, t)
                if found is not None:
                    yield found

    def _at(self, doc: Document, toks: list[Token], part: Token) -> Finding | None:
        aux = toks[part.i - 1]
        low = aux.text.lower()
        if low == "été" and part.i > 1 and toks[part.i - 2].text.lower() in _w("avoir"):
            start, fix = toks[part.i - 2], f"{toks[part.i - 2].text} reçu"
        elif low in _etre_slots():
            slot = _etre_slots()[low]
            start, fix = aux, conjugate("recevoir").get(slot, "")
        else:
            return None
        if not fix or start.i == 0 or start.para != part.para:
            return None
        before = toks[start.i - 1]
        if before.text.lower() in _CLITICS or before.pos == "PUNCT" and before.text not in ("»", "”", ")"):
            return None  # « il a été accordé une aide », « leur a été donné », a verb opening its clause
        if before.pos not in ("NOUN", "PROPN", "PRON") and before.text.lower() not in _ADVERBS:
            return None
        k = start.i - 1
        while k >= 0 and not toks[k].sent_start and toks[k].para == part.para:
            if toks[k].text.lower() in _TO:
                return None  # « À chaque participant a été remis un diplôme »: a fronted indirect object
            k -= 1
        if k >= 0 and toks[k].text.lower() in _TO:
            return None
        j = part.i + 1
        while j < len(toks) and toks[j].text.lower() in _ADVERBS:
            j += 1
        if j + 1 >= len(toks) or toks[j].text.lower() not in _w("determiners") or toks[j].para != part.para:
            return None
        noun = toks[j + 1]
        nlow = noun.text.lower()
        if noun.pos == "NUM" or nlow[:1].isdigit() or nlow in words("verb_final", "time_nouns") or not nominal(noun):
            return None  # « a été remis le 5 mai », « la semaine dernière »
        if start.text[:1].isupper():
            fix = fix[:1].upper() + fix[1:]
        return self.finding(doc, Span(start.start, part.end),
                            f"« {doc.text[start.start:part.end]} {toks[j].text} {noun.text} »: the recipient as the subject of a passive (English « were given »); French says « recevoir »",
                            [fix])
