"""Calques: source-language prepositions (PC01), constructions (PC02) and neuter pronouns (PC03)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from qa.knowledge.conjugation import form_slots
from qa.knowledge.rules import engine_for
from qa.checks.data_rules import run_rules
from qa.checks.base import Check, Context
from qa.checks.scope import paragraph_words
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.knowledge.nlp import Analysis, Token
from qa.model.textutil import fold_key, is_sentence_start, match_case


@cache
def _conf(section: str) -> dict[str, Any]:
    return load_toml("calques.toml")[section]


@cache
def _reporting_forms() -> frozenset[str]:
    return frozenset(f for v in _conf("reporting")["verbs"] for f in form_slots(v))


# The word that closes a compound preposition: « vis-à-vis de », « face à ».
_LINKS = {False: ("de", "du", "des", "d'"), True: ("à", "au", "aux")}


@cache
def _a_compounds() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold_key(w) for w in c.split()) for c in _conf("reporting")["compound_prepositions_a"])


def _compound_words() -> list[str]:
    return [*_conf("reporting")["compound_prepositions"], *_conf("reporting")["compound_prepositions_a"]]


def _folded_set(key: str, section: str = "reporting") -> frozenset[str]:
    return frozenset(fold_key(w) for w in _conf(section)[key])


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
        conf = _conf("reporting")
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


class SourceConstruction(Check):
    """A construction copied word for word from English, Dutch or German.

    The list (qa/data/calques.toml) holds frames such as « faire sens » (make sense,
    Sinn machen), « en charge de » (in charge of), « être supposé » (be supposed to),
    « prendre place » for an event (take place), « dans 2024 » (in 2024). Verbs are matched in every tense and the fix keeps
    tense, person and agreement (« ferait sens » → « aurait du sens », « la chercheuse
    en charge du » → « chargée du »).

    Mauvais : « Un euro numérique ferait sens. »
    Bon :     « Un euro numérique aurait du sens. »
    """

    code = "PC02"
    priority = 310
    paragraph_local = True
    name = "calque.construction"
    category = Category.CALQUE
    summary = "Construction copied from the source language"
    needs_nlp = True

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int] | None:
        return engine_for(ctx.memo, "calques.toml", "rule").paragraphs(paragraph_words(doc, ctx))

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        engine = engine_for(ctx.memo, "calques.toml", "rule")
        yield from run_rules(self, engine, doc, ctx)


_IL = re.compile(r"\bIl\s+(?:ne\s+|n['’]\s*)?([^\W\d_]+)")


class NeuterPronoun(Check):
    """« Il » where the source had a neuter pronoun (nl « het », de « es », en « it »).

    « Het laat zien » / « Es zeigt » become « Il montre » with no masculine noun before
    to refer to: French says « Cela montre ». « Het is de dodelijkste aanval » becomes
    « Il est l’attaque… »: French says « C’est ». Impersonal « il » stays right (« Il y
    a », « Il faut », « Il est clair que », « Il s’agit », « Il semble »), and so does
    « Il » after a masculine subject or a person in the previous sentence.

    Mauvais : « Les chars reviennent. Il montre à quel point la politique a changé. »
    Bon :     « Les chars reviennent. Cela montre à quel point la politique a changé. »
    """

    code = "PC03"
    priority = 320
    paragraph_local = True
    name = "calque.neuter-pronoun"
    category = Category.CALQUE
    summary = "« Il » for a neuter source pronoun where French needs « Cela » or « C’est »"
    needs_nlp = True
    autofix = "none"

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        """Paragraphs with « Il » before a verb this check knows; when it opens the first or
        second sentence of its paragraph, the two paragraphs before too (the sentence it
        looks back to may be there, past a heading)."""
        conf = _conf("neuter")
        heads = {fold_key(v) for v in (*conf["verbs"], *conf["copulas"])} | {"a", "veut"}
        found: set[int] = set()
        for m in _IL.finditer(doc.text):
            if fold_key(m.group(1)) not in heads:
                continue
            k = doc.paragraph_index(m.start())
            if k is None:
                continue
            found.add(k)
            para = doc.paragraphs[k]
            if len(doc.sentences_in(Span(para.start, m.start() + 1))) <= 2:
                found.update(j for j in (k - 1, k - 2) if j >= 0)
        return found

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        analysis = ctx.analysis(doc)
        toks = analysis.tokens
        conf = _conf("neuter")
        verbs = {fold_key(v) for v in conf["verbs"]}
        participles = {fold_key(v) for v in conf["participles"]}
        copulas = {fold_key(k): v for k, v in conf["copulas"].items()}
        for tok in toks:
            if tok.text != "Il" or tok.i + 1 >= len(toks) or not is_sentence_start(doc.text, tok.start):
                continue
            nxt = toks[tok.i + 1]
            key = fold_key(nxt.text)
            after = fold_key(toks[tok.i + 2].text) if tok.i + 2 < len(toks) else ""
            if key in verbs or (key in ("ne", "n'") and after in verbs):
                fix = "Cela " + nxt.text  # « Il ne signifie pas » → « Cela ne signifie pas »
            elif key == "a" and after in participles:
                fix = "Cela a"
            elif key in copulas and self._predicate(toks, nxt.i + 1, conf["impersonal_nouns"]):
                fix = copulas[key]
            elif key == "veut" and after == "dire":
                fix = "Cela veut"
            else:
                continue
            if _has_antecedent(doc, analysis, tok):
                continue
            span = Span(tok.start, nxt.end)
            yield self.finding(
                doc, span,
                f"« {doc[span]} » renders a neuter source pronoun (nl « het », de « es »); "
                f"with no masculine antecedent French says « {fix} »",
                suggestions=[fix, fix.replace("Cela", "Ceci")] if fix.startswith("Cela") else [fix],
            )

    @staticmethod
    def _predicate(toks: tuple[Token, ...], j: int, impersonal: list[str]) -> bool:
        """« Il est [adverb] le/la/un/une + noun », or an adjective that ends the clause
        (« Il est important. »); not « il est clair que », « il est temps de », « il est l’heure »."""
        while j < len(toks) and toks[j].pos == "ADV" and fold_key(toks[j].text) not in ("ne", "n'"):
            j += 1
        if j + 1 < len(toks) and toks[j].pos == "ADJ" and toks[j + 1].text in (".", "!", "?", "»", ";", "…"):
            return fold_key(toks[j].text) not in impersonal
        if j + 1 >= len(toks) or fold_key(toks[j].text) not in ("le", "la", "l'", "un", "une"):
            return False
        k = j + 1
        while k < len(toks) and toks[k].pos == "ADJ":
            k += 1
        if k >= len(toks):
            return False
        noun = toks[k]
        return noun.pos in ("NOUN", "ADJ") and fold_key(noun.text) not in impersonal


def _has_antecedent(doc: Document, analysis: Analysis, il: Token) -> bool:
    """True when the previous sentence has something « il » may stand for: a masculine
    singular subject or object, a person, or « il » itself."""
    sentences = doc.sentences_before(il.start)
    if not sentences:
        return False
    prev = sentences[-1]
    if len(sentences) > 1 and not doc[prev].rstrip().endswith((".", "!", "?", "»", "…", ":", ";")):
        prev = Span(sentences[-2].start, prev.end)  # a heading between: « il » may refer beyond it
    for t in analysis.in_span(prev.start, prev.end):
        if fold_key(t.text).lstrip("-") in ("il", "t-il"):
            return True  # « poursuit-il. Il souligne que » : the same person
        if t.dep not in ("nsubj", "nsubj:pass", "obj", "expl:subj", "ROOT") and t.ent != "PER":
            continue
        if t.ent == "PER" or fold_key(t.text) == "il":
            return True
        if t.gender == "f" or t.number == "p" or t.pos not in ("NOUN", "PROPN"):
            continue
        if t.pos == "NOUN" and not t.ent:
            return True
        # A place or an organisation stands for « il » only with a masculine article
        # (« le Japon … Il »); a bare city name (« Moscou ») does not.
        if t.i > 0 and fold_key(analysis.tokens[t.i - 1].text) in ("le", "du", "au", "ce"):
            return True
    return False
