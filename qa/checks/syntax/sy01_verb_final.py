"""SY01: the participle or the infinitive left at the end of its clause, after its object
(German and Dutch verb-final order: « Il a hier le rapport publié »)."""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.scope import paragraph_words
from qa.checks.syntax._shared import finite, infinitive, is_word, nominal, participle, plural, words
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_GAP = 14  # at most this many words between the auxiliary and its participle
_QUANTITY = frozenset(["beaucoup", "peu", "trop", "assez", "tant", "autant", "plus", "moins"])
# The negation German and Dutch put before the verb at the end of the clause (« dass sie nicht
# genug Personal fanden », « qu'elles pas assez de personnel trouvaient »): French puts « ne »
# before the finite verb and the adverb after it.
_NE = frozenset(["ne", "n'", "n’"])
_NEGATIONS = frozenset(["pas", "plus", "jamais", "guère", "point"])
_VOWELS = tuple("aeiouyhéèêëàâîïôûù")


def _w(key: str) -> frozenset[str]:
    return words("verb_final", key)


def _bare_object(rest: list[Token]) -> bool:
    """A noun phrase with no preposition before it, not a phrase of time: an object that
    French puts after the verb (« la rénovation », « de nouvelles reines », « beaucoup
    d'abeilles »), not « à plusieurs reprises » nor « cette semaine »."""
    dets, parts, preps = _w("determiners"), _w("partitives"), _w("prepositions")
    for k, t in enumerate(rest):
        low = t.text.lower()
        before = rest[k - 1] if k else None
        before_low = before.text.lower() if before is not None else ""
        if low in dets or t.pos == "NUM":
            opens = before is None or (before_low not in preps and before_low not in dets and not before_low.isdigit())
        elif low in parts:
            after = rest[k + 1].text.lower() if k + 1 < len(rest) else ""
            opens = (before is None or before_low in _QUANTITY or after == "autres"
                     or (before.pos in ("ADV", "ADJ") and before_low not in preps))
        else:
            opens = False
        if not opens:
            continue
        phrase = rest[k + 1 :]
        head = next((n for n in phrase if n.pos in ("NOUN", "PROPN")), None) or next((n for n in phrase if nominal(n) and n.pos != "NUM"), None)
        if head is not None and head.text.lower() not in _w("time_nouns"):
            return True
    return False


def _last_noun(rest: list[Token]) -> Token | None:
    for k in range(len(rest) - 1, -1, -1):
        t = rest[k]
        if k and nominal(rest[k - 1]) and (t.pos == "ADJ" or participle(t) is not None):
            continue  # « la piscine couverte »: the noun, not its adjective
        return t if nominal(t) else None
    return None


def _may_agree(t: Token, k: int, rest: list[Token]) -> bool:
    """A common noun, not of time, that a masculine singular participle may qualify."""
    if t.pos in ("PROPN", "NUM") or not nominal(t) or t.text.lower() in _w("time_nouns"):
        return False
    if t.pos == "ADJ" and k and nominal(rest[k - 1]):
        return False  # « la piscine couverte »: the adjective of the noun before it
    return t.gender != "f" and not plural(t)


def _boundary(toks: list[Token], j: int, para: int) -> bool:
    """The word after the verb ends its clause: punctuation, the end of the paragraph, a
    conjunction, a preposition."""
    if j >= len(toks) or toks[j].para != para or not is_word(toks[j]):
        return True
    low = toks[j].text.lower()
    return low in _w("stops") or low in _w("prepositions") or toks[j].pos in ("ADP", "CCONJ", "SCONJ")


class VerbFinal(Check):
    """A past participle or an infinitive left at the end of its clause, after its object.

    German and Dutch put the participle of a compound tense and the infinitive after a modal
    at the end of the clause (« hat am Dienstag die Sanierung beschlossen », « wil volgend
    jaar extra geld vrijmaken »); statistical MT and some neural MT keep that order:
    « a mardi la rénovation approuvé », « veut l'année prochaine de l'argent libérer ». The
    check looks for « avoir » or a modal (qa/data/syntax.toml), then, in the same clause, a
    noun phrase with no preposition before it (an object, not a phrase of time such as
    « cette semaine »), then the participle or the infinitive, which ends the clause. A
    participle that agrees with the noun before it is an attribute (« a les mains liées »)
    and is left alone: the participle must be masculine singular after a feminine or plural
    noun, a name or a number. The fix puts the verb back after the auxiliary or the modal
    and the adverbs French allows there (« a déjà approuvé »).

    Mauvais : « Le conseil a mardi soir la rénovation de la piscine approuvé. »
    Bon :     « Le conseil a approuvé mardi soir la rénovation de la piscine. »
    """

    code = "SY01"
    priority = 314
    data_files = ("syntax.toml", "conjugation.toml")
    paragraph_local = True
    name = "calque.verb-final"
    category = Category.CALQUE
    summary = "Participle or infinitive left at the end of the clause, after its object (verb-final order)"
    needs_nlp = True
    nlp_components = ()

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        heads = _w("auxiliaries") | {"peut", "peuvent", "pouvait", "pouvaient", "pourra", "pourront", "pourrait", "pourraient",
                                     "doit", "doivent", "devait", "devaient", "devra", "devront", "devrait", "devraient",
                                     "veut", "veulent", "voulait", "voulaient", "voudrait", "voudraient", "faut", "fallait",
                                     "va", "vont", "allait", "allaient", "sait", "savent", "peux", "dois", "veux", "pouvons",
                                     "devons", "voulons", "pouvez", "devez", "voulez", "allons", "allez", "vais"}
        heads |= {w.replace("’", "'") for w in _w("subordinators")} | {"qui"}
        return {k for k, ws in enumerate(paragraph_words(doc, ctx)) if not ws.isdisjoint(heads)}

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        toks = ctx.analysis(doc).tokens
        for head in toks:
            found = self._at(doc, toks, head) or self._subordinate(doc, toks, head)
            if found is not None:
                yield found

    def _subordinate(self, doc: Document, toks: list[Token], sub: Token) -> Finding | None:
        """« que la ville les coûts trop bas a estimé », « qu'il plus longtemps dans la ruche
        reste »: the finite verb of a subordinate clause at its end (German and Dutch
        Nebensatz order), after its subject and an object or adverbials."""
        relative = sub.text.lower() == "qui" and sub.i > 0 and toks[sub.i - 1].pos not in ("ADP", "PRON") \
            and toks[sub.i - 1].text.lower() not in _w("prepositions") and not sub.sent_start
        if (sub.text.lower() not in _w("subordinators") and not relative) or sub.i + 2 >= len(toks):
            return None
        first = sub if relative else toks[sub.i + 1]  # « qui la ville depuis 2019 dirige »: « qui » is the subject
        if first.para != sub.para:
            return None
        pronoun = first.text.lower() in _w("subject_pronouns")
        if relative:
            end = sub.i + 1
        elif pronoun:
            end = first.i + 1
        elif first.text.lower() in _w("determiners") and toks[first.i + 1].pos == "NOUN" and toks[first.i + 1].text.islower():
            end = first.i + 2
            while end < len(toks) and toks[end].pos == "ADJ" and toks[end].text.islower() and participle(toks[end]) is None:
                end += 1
        else:
            return None
        gap: list[Token] = []
        j = end
        while j < len(toks) and toks[j].para == sub.para and len(gap) <= _GAP:
            t = toks[j]
            tl = t.text.lower()
            if not is_word(t) or tl in _w("stops") or t.pos == "PRON" or tl in _w("clitics"):
                return None  # « autant que ses ressources le lui permettent »
            if finite(t) and not (gap and gap[-1].text.lower() in _w("determiners")):
                break
            gap.append(t)
            j += 1
        else:
            return None
        verb_start = j
        if gap and gap[-1].text.lower() in ("ne", "n'", "n’"):
            gap.pop()
            verb_start -= 1
        k = j + 1
        while k < len(toks) and toks[k].para == sub.para and (participle(toks[k]) is not None or infinitive(toks[k]) or toks[k].text.lower() in ("pas", "plus", "jamais")):
            k += 1
        if len(gap) < 2 or not _boundary(toks, k, sub.para):
            return None
        lead = 1 if gap[0].text.lower() in _NE else 0  # « que les travaux ne pas trop le tourisme affectent »
        core = gap[lead:]
        if not core or (lead and core[0].text.lower() not in _NEGATIONS):
            return None
        # « pas assez de personnel » is a negation; « plus » without « ne » a comparison or a
        # quantity (« plus longtemps », « plus de toilettes »)
        negated = bool(lead) or (core[0].text.lower() in _NEGATIONS and core[0].text.lower() != "plus")
        if pronoun:
            if gap[0].pos not in ("ADV", "ADJ", "NOUN", "DET") and not negated:
                return None  # « qu'en ... »: a preposition after the pronoun is not this order
        else:
            obj = core[1:] if negated else core
            while len(obj) > 1 and obj[0].pos == "ADV" and obj[1].text.lower() not in _w("partitives"):
                obj = obj[1:]  # « ne pas trop le tourisme »
            opener = obj[0].text.lower() if obj else ""
            quantity = opener in _QUANTITY and len(obj) > 1 and obj[1].text.lower() in _w("partitives")
            if not obj or not _bare_object(obj) or not (opener in _w("determiners") or quantity):
                return None  # « que le président de la République a signé »: the subject's complement
        text = doc.text
        subject = text[first.start : toks[end - 1].end]
        verb = text[toks[verb_start].start:toks[k - 1].end]
        if negated and toks[verb_start].text.lower() not in _NE:
            ne = ("n’" if "’" in text and "'" not in text else "n'") if verb.lower().startswith(_VOWELS) else "ne "
            verb = ne + verb
        fix = f"{subject} {verb} {text[core[0].start:gap[-1].end]}"
        return self.finding(doc, Span(first.start, toks[k - 1].end),
                            f"the verb « {toks[j].text} » stands at the end of the clause, after its object (source word order)", [fix])

    def _at(self, doc: Document, toks: list[Token], head: Token) -> Finding | None:
        low = head.text.lower()
        if low in _w("auxiliaries"):
            if head.i > 0 and toks[head.i - 1].text.lower() == "y":
                return None  # « il y a »
            kind = "aux"
        elif head.lemma.lower() in _w("modals") and head.pos in ("VERB", "AUX") and not infinitive(head) and participle(head) is None:
            kind = "modal"
        else:
            return None
        j = head.i + 1
        while j < len(toks) and toks[j].text.lower() in _w("adverbs") and toks[j].para == head.para:
            j += 1
        lead_end = toks[j - 1].end
        rest: list[Token] = []
        while j < len(toks) and toks[j].para == head.para and len(rest) <= _GAP:
            t = toks[j]
            tl = t.text.lower()
            if not is_word(t) or tl in _w("stops") or tl in _w("auxiliaries"):
                return None
            previous = rest[-1].text.lower() if rest else ""
            if previous not in _w("determiners") and previous not in _w("prepositions") and (participle(t) if kind == "aux" else infinitive(t)):
                break
            rest.append(t)
            j += 1
        else:
            return None
        verb = toks[j]
        if not rest or not _boundary(toks, j + 1, head.para) or not _bare_object(rest):
            return None
        last = rest[-1]
        if not (nominal(last) or last.pos == "ADJ" or participle(last) is not None):
            return None
        if kind == "aux":
            noun = _last_noun(rest)
            if noun is None or participle(verb) != "ms":
                return None
            if any(_may_agree(t, k, rest) for k, t in enumerate(rest)):
                return None  # « a le cœur brisé », « a le niveau d'instruction requis »: an attribute
        text = doc.text
        fix = f"{text[head.start:lead_end]} {verb.text} {text[rest[0].start:rest[-1].end]}"
        what = "participle" if kind == "aux" else "infinitive"
        return self.finding(doc, Span(head.start, verb.end),
                            f"the {what} « {verb.text} » stands at the end of the clause, after its object (source word order)", [fix])
