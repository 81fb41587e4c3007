"""GR16: a past participle whose number is not that of the form of « être » before it (« pour que
les frais puissent être remboursé » → « remboursés », « le parking, qui peut accueillir 4 500
bicyclettes, a été construites » → « construite »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.scope import paragraphs_matching
from qa.knowledge.conjugation import conjugate
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Finding

_SCOPE = re.compile(r"\b(?:sont|étaient|seront|seraient|soient|furent|été|être)\b", re.I)
# Third person plural forms of « être », of « avoir » before « été », and of the modals before « être ».
_ETRE = frozenset(["sont", "étaient", "seront", "seraient", "soient", "furent", "fussent"])
_AVOIR = frozenset(["ont", "avaient", "auront", "auraient", "aient", "eurent"])
_MODALS = frozenset(["peuvent", "puissent", "pourraient", "pourront", "doivent", "devraient", "devront", "devaient", "pouvaient",
                     "vont", "allaient", "semblent", "paraissent", "risquent", "méritent"])
# The same in the third person singular: a plural participle after them agreed with another noun.
_ETRE_SG = frozenset(["est", "était", "sera", "serait", "soit", "fut"])
_AVOIR_SG = frozenset(["a", "avait", "aura", "aurait", "ait", "eut"])
_MODALS_SG = frozenset(["peut", "puisse", "pourrait", "pourra", "doit", "devrait", "devra", "devait", "pouvait", "va", "allait", "semble"])
_REFLEXIVE = frozenset(["se", "s'", "s’"])


@cache
def _pp(lemma: str) -> str:
    try:
        return conjugate(lemma).get("pp", "")
    except (ValueError, KeyError):
        return ""


def _etre(toks: list[Token], i: int) -> tuple[int, str] | None:
    """The index after a third person « être » (« sont », « ont été », « puissent être », « a
    été ») starting at i, adverbs between allowed, and its number; None if there is none."""
    low = toks[i].text.lower()
    if low in _ETRE or low in _ETRE_SG:
        return i + 1, "p" if low in _ETRE else "s"
    k = i + 1
    while k < len(toks) and toks[k].pos == "ADV" and k - i <= 3 and toks[k].para == toks[i].para:
        k += 1
    if k >= len(toks):
        return None
    nxt = toks[k].text.lower()
    if (low in _AVOIR and nxt == "été") or (low in _MODALS and nxt == "être"):
        return k + 1, "p"
    if (low in _AVOIR_SG and nxt == "été") or (low in _MODALS_SG and nxt == "être"):
        return k + 1, "s"
    return None


class PluralPassive(GrammarCheck):
    """A past participle left singular after a plural form of « être », or plural after a singular one.

    After « être » the past participle agrees with the subject (Grevisse, Le Bon Usage, the
    agreement of the participle conjugated with « être »); a plural « être » (« sont »,
    « étaient », « ont été », « puissent être », « doivent être ») says the subject is plural
    even when the subject is far or its number unclear to the parse: « pour que les frais pour
    les événements annulés puissent être remboursé ». The participle (a form of the conjugation
    tables' « pp », adverbs between allowed) must be singular; pronominal verbs (« se sont
    succédé ») and a participle before an infinitive (« ont été vus partir ») are left alone.
    The fix adds the plural ending, the gender kept. The reverse too: a plural participle after
    a singular « être » (« est », « a été », « doit être »), which agreed with a plural noun
    nearer than the subject, loses its « s » (not after « on », « nous », « vous », nor with
    « et », « ou » just before: a coordinated subject is GR15's; nor after a plural noun:
    « Les propositions peut être envoyées » lost the verb's number, not the participle's).

    Mauvais : « Les crédits doivent être versé avant l'été. » ; « Le pont, qui relie les deux
    rives, a été rénovés. »
    Bon :     « Les crédits doivent être versés avant l'été. » ; « … a été rénové. »
    """

    code = "GR16"
    priority = 259
    name = "grammar.plural-passive"
    summary = "Participle in the other number than « être » before it (« doivent être versé », « a été rénovés »)"
    data_files = ("conjugation.toml",)

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _SCOPE)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        for t in toks:
            if t.para not in paragraphs or not t.text.isalpha() or t.pos not in ("AUX", "VERB"):
                continue
            found = _etre(toks, t.i)
            if found is None or any(s.text.lower() in _REFLEXIVE for s in toks[max(0, t.i - 2) : t.i]):
                continue
            k, number = found
            if t.i > 0 and toks[t.i - 1].text.lower() in ("ce", "c'", "c’", "on", "vous", "nous"):
                continue  # « ce sont »: the attribute's number; « on est partis », « vous êtes venus »
            while k < len(toks) and toks[k].pos == "ADV" and toks[k].para == t.para and toks[k].text.isalpha():
                k += 1
            if k + 1 >= len(toks) or toks[k].para != t.para:
                continue
            part, nxt = toks[k], toks[k + 1]
            if part.pos != "VERB" or not part.text.isalpha() or not part.text.islower() or nxt.morph.get("VerbForm") == "Inf":
                continue
            pp = _pp(part.lemma.lower())
            if not pp or pp.endswith(("s", "x")) or pp == "été" or part.text not in ((pp, pp + "e") if number == "p" else (pp + "s", pp + "es")):
                continue
            if number == "s" and any(s.text.lower() in ("et", "ou", "ni") for s in toks[max(0, t.i - 6) : t.i]):
                continue  # « la ville et la région est associées »: a coordination is GR15's
            before = next((s for s in reversed(toks[max(0, t.i - 3) : t.i]) if s.text.lower() not in ("ne", "n'", "n’", "y", "en")), None)
            if number == "s" and before is not None and before.pos == "NOUN" and before.morph.get("Number") == "Plur":
                continue  # « Les propositions peut être envoyées »: the verb, not the participle, lost its number
            fix = part.text + "s" if number == "p" else part.text[:-1]
            yield self.finding(doc, Span(part.start, part.end),
                               f"« {part.text} » after « {doc.text[t.start:toks[k - 1].end]} » takes the " + ("plural" if number == "p" else "singular") + f": « {fix} »", [fix], autofix=True)
