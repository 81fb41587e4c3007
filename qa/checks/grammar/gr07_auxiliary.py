"""GR07: « avoir » as the auxiliary of a verb whose compound tenses take « être » (« ils ont
venus », « elle a allé »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.conjugation import conjugate, takes_etre
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Finding

_ADVERBS = frozenset(["pas", "plus", "jamais", "déjà", "encore", "aussi", "bien", "toujours", "souvent", "enfin", "finalement", "également", "même", "vite"])
_FEMININE = frozenset(["elle", "elles"])
_PLURAL = frozenset(["ils", "elles", "nous", "vous"])
_MANY = frozenset(["beaucoup", "plusieurs", "certains", "certaines", "tous", "toutes", "la plupart"])


@cache
def _data() -> tuple[frozenset[str], dict[str, str]]:
    data = load_toml("grammar.toml")["auxiliary"]
    return frozenset(data["transitive_too"]), dict(data["etre_for"])


@cache
def _participles() -> dict[str, tuple[str, str]]:
    """Each form of the participle of an « être » verb → (its verb, the masculine singular):
    spaCy reads « partis » after « ont » as the noun, so the form decides."""
    out: dict[str, tuple[str, str]] = {}
    for lemma in load_toml("conjugation.toml")["etre_verbs"]:
        if not takes_etre(lemma) or lemma in _data()[0]:
            continue
        try:
            pp = conjugate(lemma).get("pp", "")
        except (ValueError, KeyError):
            continue
        for form in (pp, pp + "e", pp + "s", pp + "es") if pp and not pp.endswith("s") else (pp, pp + "e", pp + "es"):
            out[form] = (lemma, pp)
    return out


def _agreed(written: str, pp: str, subject: Token | None) -> str:
    """The participle agreeing with its subject (« allée », « venus »); as written when the
    subject's gender or number is unknown."""
    if subject is None:
        return written
    low = subject.text.lower()
    fem = low in _FEMININE or (subject.pos in ("NOUN", "PROPN") and subject.gender == "f")
    plural = low in _PLURAL or low in _MANY or (subject.pos in ("NOUN", "PRON") and subject.number == "p" and low not in ("je", "tu", "il", "elle", "on"))
    if not (fem or plural or subject.gender == "m" or low in ("il", "on")):
        return written
    return pp + ("e" if fem and not pp.endswith("e") else "") + ("s" if plural and not pp.endswith("s") else "")


class WrongAuxiliary(GrammarCheck):
    """« avoir » where the verb's compound tenses take « être ».

    German and Dutch take « sein »/« zijn » with some of these verbs and « haben »/« hebben »
    with others, English « have » with all: MT then writes « ils ont venus », « une infirmière a
    allé », « les initiateurs ont partis ». The verbs are those of conjugation.toml's
    etre_verbs (Grevisse, § 812), less those that take « avoir » with a direct object
    (« il a sorti la voiture »); the participle must follow the form of « avoir » (adverbs
    may stand between) and spaCy must read that form as its auxiliary. The fix is « être » in
    the same tense and person, the participle agreeing with its subject.

    Mauvais : « Beaucoup d'habitants ont venus à la réunion. »
    Bon :     « Beaucoup d'habitants sont venus à la réunion. »
    """

    code = "GR07"
    priority = 250
    name = "grammar.auxiliary"
    summary = "« avoir » as the auxiliary of « aller », « venir », « partir »… (« ils ont venus »)"
    data_files = ("grammar.toml", "conjugation.toml")

    def scope(self, doc: Document) -> set[int]:
        forms = "|".join(sorted(_data()[1], key=len, reverse=True))
        return paragraphs_matching(doc, re.compile(rf"\b(?:{forms})\s", re.I))

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        transitive, etre_for = _data()
        for aux in toks:
            low = aux.text.lower()
            if aux.para not in paragraphs or low not in etre_for or aux.lemma.lower() != "avoir":
                continue
            k = aux.i + 1
            while k < len(toks) and toks[k].text.lower() in _ADVERBS and k - aux.i < 3:
                k += 1
            if k >= len(toks) or toks[k].para != aux.para:
                continue
            part = toks[k]
            found = _participles().get(part.text.lower())
            if found is None or part.pos not in ("VERB", "NOUN", "ADJ"):
                continue
            lemma, pp = found
            if aux.i > 0 and toks[aux.i - 1].text.lower() in ("y", "en"):
                continue  # « il y a venu … »: « il y a », not an auxiliary
            if part.pos == "VERB" and aux.head != part.i and part.lemma.lower() != lemma:
                continue
            subjects = [t for t in analysis.children(part.i) if t.dep in ("nsubj", "nsubj:pass")]
            etre = etre_for[low]
            etre = etre[0].upper() + etre[1:] if aux.text[0].isupper() else etre
            between = doc.text[aux.end : part.start]
            fix = f"{etre}{between}{_agreed(part.text, pp, subjects[0] if len(subjects) == 1 else None)}"
            yield self.finding(doc, Span(aux.start, part.end), f"« {lemma} » takes « être » in its compound tenses: « {fix} »", [fix])
