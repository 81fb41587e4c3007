"""SY04: the verb second and its noun subject after it, behind a fronted adverbial (German
and Dutch V2 order: « Hier a le conseil adopté », « Ensuite a dit le bourgmestre que »)."""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.scope import paragraph_words
from qa.checks.syntax._shared import finite, infinitive, is_word, nominal, participle, words
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_NP_REACH = 7  # at most this many words in the subject between the verb and its participle
_OPENER_REACH = 8  # at most this many words in the fronted adverbial
_JOINS = frozenset(["de", "d'", "d’", "du", "des"])  # the complement of the subject's noun
_QUOTES = frozenset(["«", "»", "\"", "“", "”", "„", "—", "–", "-"])


def _w(key: str) -> frozenset[str]:
    return words("verb_second", key)


def _v(key: str) -> frozenset[str]:
    return words("verb_final", key)


def _opener_end(toks: list[Token], s: int) -> int | None:
    """The index after a fronted adverbial that opens the sentence at s: adverbs (« Hier »,
    « Ensuite »), a prepositional phrase (« En 2023 », « Dans le village »), or a phrase of
    time (« Mardi », « Cette semaine »); None when the sentence opens with anything else
    (a subject, a pronoun, a conjunction)."""
    first = toks[s]
    low = first.text.lower()
    if low in _w("not_openers") or not is_word(first):
        return None
    j = s
    if first.pos == "ADV" or low in _w("adverbs"):
        while j < len(toks) and j - s < _OPENER_REACH and (
                toks[j].pos == "ADV" or toks[j].text.lower() in _v("time_nouns") or (j == s and low in _w("adverbs"))):
            if toks[j].text.lower() in _w("not_openers"):
                return None
            j += 1
        return j
    if first.pos == "ADP":
        j += 1
        nominal = False
        while j < len(toks) and j - s < _OPENER_REACH:
            t = toks[j]
            if t.pos in ("NOUN", "PROPN", "NUM"):
                nominal = True
            elif not (t.pos in ("DET", "ADJ", "ADP") or t.text.lower() in _JOINS):
                break
            j += 1
        return j if nominal else None
    k = j + 1 if low in _v("determiners") else j
    if k < len(toks) and toks[k].text.lower() in _v("time_nouns"):
        k += 1
        while k < len(toks) and toks[k].pos == "ADJ":
            k += 1  # « La semaine dernière »
        return k
    return None


def _subject_end(toks: list[Token], j: int, para: int) -> int | None:
    """The index after a noun phrase that starts at j with a determiner (« le conseil
    municipal », « la directrice de la crèche »), or None."""
    if j >= len(toks) or toks[j].text.lower() not in _v("determiners") or toks[j].para != para:
        return None
    k, noun = j + 1, False
    while k < len(toks) and k - j <= _NP_REACH and toks[k].para == para:
        t = toks[k]
        if t.pos in ("NOUN", "PROPN") or (t.text.islower() and nominal(t) and participle(t) is None):
            noun = True  # « le bourgmestre/VERB »: a noun of the tables whose tag the order spoiled
        elif not (t.pos in ("ADJ", "DET", "NUM") or t.text.lower() in _JOINS):
            break
        k += 1
    return k if noun else None


class VerbSecond(Check):
    """The verb second after a fronted adverbial, and the noun subject after it.

    German and Dutch main clauses put the finite verb in second place: when an adverbial
    opens the sentence, the subject follows the verb (« Gestern hat der Stadtrat ein Paket
    beschlossen », « Daarna zei de burgemeester dat … »). MT that keeps the order writes
    « Hier a le conseil municipal adopté un paquet », « Ensuite a dit le bourgmestre que ».
    French puts a noun subject after the verb only after the whole verb and never before an
    object or a « que » clause (Le Bon Usage §§ 386-388; qa/data/syntax.toml). The check
    looks for a sentence opened by an adverb, a prepositional phrase or a phrase of time,
    then a finite « avoir » or modal, then a noun phrase with its determiner, then the
    participle or the infinitive; or a verb of saying, then the noun phrase, then « que ».
    The fix puts the subject first, after the adverbial and a comma.

    Mauvais : « Hier a le conseil municipal adopté un nouveau plan. »
    Bon :     « Hier, le conseil municipal a adopté un nouveau plan. »
    """

    code = "SY04"
    priority = 317
    data_files = ("syntax.toml", "conjugation.toml")
    paragraph_local = True
    name = "calque.verb-second"
    category = Category.CALQUE
    summary = "Verb before its noun subject after a fronted adverbial (verb-second order)"
    needs_nlp = True
    nlp_components = ()

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        heads = _v("auxiliaries") | _w("modals") | _w("saying")
        return {k for k, ws in enumerate(paragraph_words(doc, ctx)) if not ws.isdisjoint(heads)}

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        toks = ctx.analysis(doc).tokens
        for t in toks:
            if t.sent_start:
                found = self._sentence(doc, toks, t.i)
                if found is not None:
                    yield found

    def _sentence(self, doc: Document, toks: list[Token], s: int) -> Finding | None:
        while s < len(toks) and toks[s].text in _QUOTES:
            s += 1
        if s >= len(toks):
            return None
        para = toks[s].para
        j = _opener_end(toks, s)
        if j is None or j == s or j >= len(toks) or toks[j - 1].para != para:
            return None
        opener_end = toks[j - 1].end
        if toks[j].text == ",":
            j += 1
        if j >= len(toks) or toks[j].para != para:
            return None
        verb = toks[j]
        low = verb.text.lower()
        if j + 1 < len(toks) and toks[j + 1].text.startswith(("-", "‑")):
            return None  # « Aussi a-t-il », « Peut-être veut-elle »: the clitic inversion French uses
        if low in _v("auxiliaries") and j + 1 < len(toks) and toks[j + 1].text.lower() in _w("saying"):
            return self._saying(doc, toks, s, opener_end, verb, j)
        if low in _v("auxiliaries") or low in _w("modals"):
            np_end = _subject_end(toks, j + 1, para)
            if np_end is None or np_end >= len(toks):
                return None
            nxt = toks[np_end]
            wanted = participle(nxt) is not None if low in _v("auxiliaries") else infinitive(nxt)
            if wanted and nxt.text.lower() not in _v("time_nouns"):
                return self._report(doc, toks, s, opener_end, verb, j + 1, np_end, nxt)
            return None
        if low in _w("saying") and finite(verb):
            return self._saying(doc, toks, s, opener_end, verb, j)
        return None

    def _saying(self, doc: Document, toks: list[Token], s: int, opener_end: int, verb: Token, j: int) -> Finding | None:
        """« Ensuite a dit le bourgmestre que », « Puis déclare la ministre que »."""
        k = j + 1
        part = None
        if verb.text.lower() in _v("auxiliaries"):
            if k >= len(toks) or toks[k].text.lower() not in _w("saying"):
                return None
            part, k = toks[k], k + 1
        np_end = _subject_end(toks, k, verb.para)
        if np_end is None or np_end >= len(toks) or toks[np_end].text.lower() not in ("que", "qu'", "qu’"):
            return None
        text = doc.text
        verbs = verb.text if part is None else f"{verb.text} {part.text}"
        fix = f"{text[toks[s].start:opener_end]}, {text[toks[k].start:toks[np_end - 1].end]} {verbs}"
        return self.finding(doc, Span(toks[s].start, toks[np_end - 1].end),
                            f"« {verbs} » before its subject after « {text[toks[s].start:opener_end]} »: the source's verb-second order", [fix])

    def _report(self, doc: Document, toks: list[Token], s: int, opener_end: int, verb: Token, np_start: int,
                np_end: int, last: Token) -> Finding:
        text = doc.text
        subject = text[toks[np_start].start:toks[np_end - 1].end]
        fix = f"{text[toks[s].start:opener_end]}, {subject} {verb.text} {last.text}"
        return self.finding(doc, Span(toks[s].start, last.end),
                            f"« {verb.text} » before its subject « {subject} » after a fronted adverbial: the source's verb-second order", [fix])
