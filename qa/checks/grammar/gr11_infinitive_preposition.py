"""GR11: the wrong preposition before a verb's infinitive complement (« ont essayé à obtenir »
→ « d'obtenir », « a réussi de garder » → « à garder »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Finding
from qa.model.textutil import starts_with_vowel_sound

_SCOPE = re.compile(r"(?:\bà|\bde|\bd['’])\s*\w", re.I)
_DE = frozenset(["de", "d'", "d’"])
_REFLEXIVE = frozenset(["se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"])
# Object pronouns that may stand between the preposition and its infinitive (« de les aider »).
_CLITICS = frozenset(["le", "la", "l'", "l’", "les", "lui", "leur", "y", "en", "se", "s'", "s’", "me", "m'", "m’", "te", "nous", "vous"])


@cache
def _data() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    d = load_toml("grammar.toml")["infinitive_preposition"]
    return frozenset(d["de"]), frozenset(d["a"]), frozenset(d["locutions"])


def _reflexive(toks: list[Token], verb: Token) -> bool:
    """A pronominal use: a reflexive clitic before the verb or its auxiliary (« s'est essayé à »)."""
    k = verb.i - 1
    while k >= 0 and toks[k].para == verb.para and verb.i - k <= 4:
        low = toks[k].text.lower()
        if low in _REFLEXIVE and toks[k].pos == "PRON":
            return low not in ("nous", "vous") or (k > 0 and toks[k - 1].text.lower() == low)  # « nous avons »: the subject
        if toks[k].pos not in ("AUX", "ADV", "PRON") or low in (",", "qui", "que"):
            return False
        k -= 1
    return False


def _after_auxiliary(toks: list[Token], verb: Token) -> bool:
    """« avoir » or « être » before the participle, adverbs and « pas » between."""
    k = verb.i - 1
    while k >= 0 and toks[k].pos == "ADV" and verb.i - k <= 3:
        k -= 1
    return k >= 0 and toks[k].pos == "AUX"


class InfinitivePreposition(GrammarCheck):
    """The preposition that joins an infinitive complement to its verb.

    « essayer de », « refuser de », « éviter de » take « de » before their infinitive;
    « réussir à », « renoncer à », « parvenir à », « hésiter à » take « à » (TLFi, each verb's
    entry; grammar.toml [infinitive_preposition], which leaves out the verbs that take both,
    « commencer », « continuer », « décider »). MT swaps them after a source that joins the
    infinitive with one word for both (« zu », « te », « to »). The verb (any form, adverbs
    between) must be followed by the other preposition and, clitics aside, an infinitive; a
    pronominal use (« s'essayer à », « se refuser à ») and a locution (« à partir de », « à
    savoir ») are left alone. The fix swaps the preposition, elided before a vowel.

    Mauvais : « Les riverains ont essayé à obtenir des informations. »
    Bon :     « Les riverains ont essayé d'obtenir des informations. »
    """

    code = "GR11"
    priority = 254
    name = "grammar.infinitive-preposition"
    summary = "« essayer à », « réussir de »: the wrong preposition before an infinitive"

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _SCOPE)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        de_verbs, a_verbs, locutions = _data()
        for verb in toks:
            if verb.para not in paragraphs or not verb.text.isalpha():
                continue
            if verb.pos != "VERB" and not (verb.pos in ("ADV", "ADJ") and verb.i > 0 and toks[verb.i - 1].pos == "AUX"):
                continue  # « avons réussi » tagged an adverb
            lemma = verb.lemma.lower()
            wants = "de" if lemma in de_verbs else "à" if lemma in a_verbs else None
            if wants is None:
                continue
            k = verb.i + 1
            while k < len(toks) and toks[k].pos == "ADV" and toks[k].text.isalpha() and k - verb.i <= 2:
                k += 1  # « a toujours refusé », « ont finalement renoncé »
            if k >= len(toks) or toks[k].para != verb.para:
                continue
            prep = toks[k]
            low = prep.text.lower()
            if not ((wants == "de" and low == "à") or (wants == "à" and low in _DE)):
                continue
            j = k + 1
            while j < len(toks) and toks[j].text.lower() in _CLITICS and toks[j].pos == "PRON" and j - k <= 2:
                j += 1
            if j >= len(toks) or toks[j].para != verb.para:
                continue
            inf = toks[j]
            if inf.pos not in ("VERB", "AUX") or inf.morph.get("VerbForm") != "Inf" or not inf.text.islower():
                continue
            if wants == "de" and (inf.lemma.lower() in locutions or _reflexive(toks, verb)):
                continue  # « à partir de »; « s'essayer à », « se refuser à »
            if verb.morph.get("VerbForm") == "Part" and not _after_auxiliary(toks, verb):
                continue  # a participle as an adjective: « les exceptions non prévues à se propager »
            nxt = toks[k + 1]
            word = doc.text[nxt.start : inf.end]
            if wants == "de" and starts_with_vowel_sound(word):
                new = ("d’" if "’" in doc[doc.paragraphs[verb.para]] else "d'") + word
            else:
                new = f"{wants} {word}"
            yield self.finding(doc, Span(prep.start, inf.end),
                               f"« {lemma} » takes « {wants} » before an infinitive, not « {prep.text} »: « {new} »", [new], autofix=True)
