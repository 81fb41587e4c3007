"""PC01: a verb of saying followed by the source language's preposition before its addressee."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.knowledge.conjugation import form_slots
from qa.checks.base import Check, Context
from qa.checks.calques._shared import section
from qa.checks.scope import paragraph_words
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.knowledge.nlp import Token
from qa.model.textutil import fold_key, match_case


@cache
def _reporting_forms() -> frozenset[str]:
    return frozenset(f for v in section("reporting")["verbs"] for f in form_slots(v))


# The word that closes a compound preposition: « vis-à-vis de », « face à ».
_LINKS = {False: ("de", "du", "des", "d'"), True: ("à", "au", "aux")}


@cache
def _a_compounds() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold_key(w) for w in c.split()) for c in section("reporting")["compound_prepositions_a"])


def _compound_words() -> list[str]:
    return [*section("reporting")["compound_prepositions"], *section("reporting")["compound_prepositions_a"]]


def _folded_set(key: str) -> frozenset[str]:
    return frozenset(fold_key(w) for w in section("reporting")[key])


class ReportingPreposition(Check):
    """A verb of saying followed by the source language's « to ».

    Dutch « zei tegen », « verklaarde tegenover » and German « sagte gegenüber » come
    out of MT as « a dit vers », « a déclaré contre », « envers ». French gives the
    addressee with « à » (contracted: « aux journalistes », « au quotidien »). Only an
    addressee is flagged (a person, a medium, « les journalistes »): « vers 10 heures »
    and « expulsé vers la Turquie » keep their time and direction senses.

    Mauvais : « a déclaré le ministre vers Bloomberg »
    Bon :     « a déclaré le ministre à Bloomberg »
    """

    code = "PC01"
    priority = 300
    data_files = ("calques.toml", "conjugation.toml")
    paragraph_local = True
    name = "calque.reporting-preposition"
    category = Category.CALQUE
    summary = "Verb of saying with a source-language preposition before its addressee"
    needs_nlp = True
    autofix = "all"

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        preps = _folded_set("prepositions")
        compounds = [frozenset(fold_key(w) for w in c.split()) for c in _compound_words()]
        return {
            k for k, words in enumerate(paragraph_words(doc, ctx))
            if not words.isdisjoint(preps) or any(c <= words for c in compounds)
        }

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        toks = ctx.analysis(doc).tokens
        preps = _folded_set("prepositions")
        keys = [fold_key(t.text) for t in toks]
        compounds = [tuple(fold_key(w) for w in c.split()) for c in _compound_words()]
        for tok in toks[:-1]:
            last = self._preposition_end(keys, tok.i, preps, compounds)
            if last is None:
                continue
            verb = self._verb_before(toks, tok.i)
            if verb is None:
                continue  # before the addressee: its entity labels cost a run of the NER
            strict = keys[tok.i] not in ("vers", "tegen", "tegenover", "gegenüber")
            obj = self._addressee(toks, last, strict)
            if obj is None:
                continue
            if last > tok.i:  # « vis-à-vis du » → « au », « en face de la » → « à la », « face au » → « au »
                fix = {"du": "au", "des": "aux", "d'": "à ", "au": "au", "aux": "aux"}.get(keys[last], "à")
                span = Span(tok.start, toks[last].end)
            elif keys[tok.i + 1] in ("le", "les") and toks[tok.i + 1].pos == "DET":
                span, fix = Span(tok.start, toks[tok.i + 1].end), {"le": "au", "les": "aux"}[keys[tok.i + 1]]
            else:
                span, fix = Span(tok.start, tok.end), "à"
            if "\n" in doc.text[verb.start : max(span.end, obj.end)]:
                continue  # a verb and an addressee in two paragraphs are not one construction
            yield self.finding(
                doc, span,
                f"« {verb.text} {doc[span]} »: source preposition (nl « tegen », de « gegenüber ») "
                f"before the addressee; French says « {verb.text} {fix.strip()} »",
                suggestions=[match_case(doc[span], fix)], autofix=True,
            )

    @staticmethod
    def _preposition_end(keys: list[str], i: int, preps: frozenset[str], compounds: list[tuple[str, ...]]) -> int | None:
        """Index of the last token of a source-style preposition starting at i, or None."""
        if keys[i] in preps:
            return i
        for words in compounds:
            n = len(words)
            if tuple(keys[i:i + n]) == words and i + n < len(keys) and keys[i + n] in _LINKS[words in _a_compounds()]:
                return i + n
        return None

    @staticmethod
    def _verb_before(toks: tuple[Token, ...], i: int) -> Token | None:
        """The verb of saying this preposition depends on, with only its inverted subject,
        a date or adverbs in between (an object noun means « vers » is not about speech)."""
        speakers, times = _folded_set("speakers"), _folded_set("times_between")
        if not any(fold_key(toks[j].text) in _reporting_forms() for j in range(max(0, i - 14), i)):
            return None  # no verb of saying in reach: no need to ask for entity labels below
        seen_speaker = False
        j = i - 1
        while j >= 0 and i - j <= 14:
            t = toks[j]
            key = fold_key(t.text)
            if key in _reporting_forms():
                return t
            if t.pos == "VERB" or key in ("que", "qu'", "qui", "«", "»", ":", ";", "(", ")") or t.sent_start:
                return None
            if t.pos in ("NOUN", "PROPN") and key not in times:
                if key in speakers or t.ent == "PER":
                    seen_speaker = True
                elif not seen_speaker and not _after_speaker(toks, j, speakers):
                    return None
            j -= 1
        return None

    @staticmethod
    def _addressee(toks: tuple[Token, ...], i: int, strict: bool) -> Token | None:
        """The head of the phrase after the preposition when it is someone spoken to;
        ``strict`` (« contre », « envers »: also « against », « towards ») admits media only."""
        conf = section("reporting")
        addressees, times = _folded_set("media_nouns" if strict else "addressees"), _folded_set("times")
        media = {fold_key(m) for m in conf["media"]}
        for t in toks[i + 1 : i + 4]:
            key = fold_key(t.text)
            if t.pos == "NUM" or key in times or key in ("où", "quel", "quelle", "quels", "quelles"):
                return None
            if t.pos == "NOUN" and not (t.text[:1].isupper() or t.ent in ("PER", "ORG")):
                return t if key in addressees or fold_key(t.lemma) in addressees else None
            if t.pos in ("PROPN", "NOUN"):
                if key in media:
                    return t
                acronym = len(t.text) > 1 and t.text.isupper()  # « NAVO », « NOS »: organisations
                if not strict and (t.ent in ("PER", "ORG", "MISC") or acronym or (not t.ent and t.text[:1].isupper())):
                    return t
                return None
            if t.pos not in ("DET", "ADJ"):
                return None
        return None


def _after_speaker(toks: tuple[Token, ...], j: int, speakers: frozenset[str]) -> bool:
    """True when toks[j] is a complement of an inverted subject further left
    (« a déclaré le directeur artistique de l’orchestre vers … »)."""
    for k in range(j - 1, max(-1, j - 8), -1):
        key = fold_key(toks[k].text)
        if key in speakers or toks[k].ent == "PER":
            return True
        if toks[k].pos == "VERB" or key in _reporting_forms():
            return False
    return False
