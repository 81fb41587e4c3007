"""PC05: a head followed by a preposition French does not use with it (qa/data/government.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.calques._heads import governed_elsewhere, head_before, phrase_word
from qa.checks.data_rules import contract
from qa.checks.scope import paragraph_words
from qa.data import load_toml
from qa.knowledge.conjugation import form_slots
from qa.knowledge.nlp import Token
from qa.knowledge.source_terms import source_mentions
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import fold_key, match_case

_LANG = {"en": "English", "nl": "Dutch", "de": "German"}
_ARTICLES = frozenset({"le", "les"})  # contract with « à » and « de »
_CONTRACTED = {"au": "du", "aux": "des"}  # « à » + article, when French wants « de » + article
_REFLEXIVE = frozenset({"se", "s'", "me", "m'", "te", "t'"})
# The clitics of a pronominal verb (« se plaignent », « nous nous réjouissons »).
_PRONOMINAL = _REFLEXIVE | {"nous", "vous"}


@dataclass(frozen=True)
class Head:
    forms: frozenset[str]
    wrong: frozenset[str]
    right: str
    lang: tuple[str, ...]
    unless: frozenset[str]
    quantity: bool
    ref: str
    verb: bool
    # « forms »: the listed forms are a verb's (and its nouns'), so a reflexive clitic before
    # one is the pronominal verb (« se plaignent sur »), not a reason to stay quiet.
    verb_forms: bool = False
    # The head counts only as a pronominal verb, after its reflexive clitic (« se monter à »).
    reflexive: bool = False
    # The head is not read after a reflexive clitic (« se sont rencontrés avec plaisir »).
    not_reflexive: bool = False


@cache
def _table() -> tuple[dict[str, list[Head]], dict[str, frozenset[str]], frozenset[str]]:
    """Heads by form, the words that free each preposition, the units of a quantity."""
    data = load_toml("government.toml")
    by_form: dict[str, list[Head]] = {}
    for entry in data["head"]:
        if entry["pos"] == "verb":
            forms = frozenset(f for w in entry["words"] for f in form_slots(w.removeprefix("s'")))
        else:
            forms = frozenset(fold_key(w) for w in entry["words"])
        head = Head(forms, frozenset(entry["wrong"]), entry["right"], tuple(entry["lang"]),
                    frozenset(fold_key(w) for w in entry.get("unless", ())), entry.get("quantity", False), entry["ref"],
                    entry["pos"] == "verb", entry["pos"] == "forms", entry.get("reflexive", False),
                    entry.get("not_reflexive", False))
        for form in forms:
            by_form.setdefault(form, []).append(head)
    unless = {prep: frozenset(fold_key(w) for w in words) for prep, words in data["unless"].items()}
    return by_form, unless, frozenset(fold_key(w) for w in data["units"]["words"])


@cache
def _prepositions() -> frozenset[str]:
    return frozenset(p for heads in _table()[0].values() for h in heads for p in h.wrong)


class Government(Check):
    """A head with the source language's preposition instead of the one French gives it.

    English « participate in », « depend on », German « reagieren auf », « stolz auf »,
    « Angst vor », Dutch « tevreden met », « stijgen met » come out of MT word for word:
    « participer dans », « dépendre sur », « réagir sur », « fier sur », « peur devant »,
    « satisfait avec », « augmenter avec 5 % ». The table (qa/data/government.toml, each head
    with its reference) gives the preposition French uses. The preposition must follow its head
    directly (adverbs may stand between), and phrases of place, time, frame or medium that any
    head may take stay quiet (« réagir sur Twitter », « participer dans le cadre de »).

    Mauvais : « Les syndicats ont réagi sur la proposition du ministre. »
    Bon :     « Les syndicats ont réagi à la proposition du ministre. »
    """

    code = "PC05"
    priority = 312
    data_files = ("government.toml", "conjugation.toml")
    paragraph_local = True
    name = "calque.government"
    category = Category.CALQUE
    summary = "Preposition of the source language after a verb, adjective or noun"
    needs_nlp = True

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        forms, preps = _table()[0], _prepositions()
        return {k for k, words in enumerate(paragraph_words(doc, ctx))
                if not words.isdisjoint(preps) and not words.isdisjoint(forms)}

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        toks = ctx.analysis(doc).tokens
        by_form, unless, units = _table()
        preps = _prepositions()
        keys = [fold_key(t.text) for t in toks]
        for prep in toks:
            if keys[prep.i] not in preps or prep.pos not in ("ADP", "ADV"):
                continue
            head_tok = head_before(toks, keys, prep.i)
            if head_tok is None:
                continue
            before = toks[head_tok.i - 1] if head_tok.i > 0 else None
            for head in by_form.get(keys[head_tok.i], ()):
                if keys[prep.i] not in head.wrong or (ctx.source_lang and ctx.source_lang not in head.lang):
                    continue
                pronominal = before is not None and (keys[before.i] in _PRONOMINAL or (
                    before.pos == "AUX" and before.i > 0 and keys[before.i - 1] in _PRONOMINAL))  # « s'est excusé »
                if head.not_reflexive and any(keys[k] in _PRONOMINAL for k in range(max(0, head_tok.i - 2), head_tok.i)):
                    continue  # « ils se sont rencontrés avec plaisir »
                if head.reflexive and not pronominal:
                    continue  # « la route monte sur 10 km »: only « se monter sur » copies « sich belaufen auf »
                if before is not None and before.pos == ("DET" if head.verb else "PRON") and not (head.verb_forms and pronominal):
                    continue  # « la demande » is the noun, « il demande » the verb
                after = phrase_word(toks, keys, prep.i)
                if after is None or after in unless.get(keys[prep.i], ()) or after in head.unless:
                    continue
                if not head.quantity and (after[:1].isdigit() or toks[prep.i + 1].pos == "NUM"):
                    continue  # « après le 15 mars », « réagir sur 3 points »: a date or a count
                if not head.verb and not head.verb_forms and head_tok.i > 0 and keys[head_tok.i - 1] in _REFLEXIVE:
                    continue  # « se fier sur » is the verb « fier », not the adjective
                if head.quantity and not _quantity(toks, keys, prep.i, units):
                    continue
                if not head.quantity and governed_elsewhere(toks, prep, head_tok):
                    continue
                evidence = _evidence(ctx.source, keys[prep.i])
                if ctx.source is not None and not evidence:
                    continue  # the source has no preposition this one copies: not a calque of it
                yield self._finding(doc, toks, keys, head_tok, prep, head, evidence)
                break

    def _finding(self, doc: Document, toks: tuple[Token, ...], keys: list[str], head_tok: Token, prep: Token,
                 head: Head, evidence: str) -> Finding:
        nxt = toks[prep.i + 1]
        if head.right == "":
            span, fix = Span(prep.start, nxt.start), ""
        elif keys[prep.i] in _CONTRACTED and head.right == "de":
            span, fix = Span(prep.start, prep.end), _CONTRACTED[keys[prep.i]]
        elif head.right in ("à", "de") and keys[nxt.i] in _ARTICLES and nxt.pos == "DET":
            span = Span(prep.start, nxt.end)
            fix = contract(f"{head.right} {nxt.text}")
        elif head.right == "de" and nxt.pos not in ("NUM", "PUNCT") and contract(f"de {nxt.text}") != f"de {nxt.text}":
            span = Span(prep.start, nxt.end)
            fix = contract(f"de {nxt.text}")
            if "’" not in doc.text and "'" in doc.text:
                fix = fix.replace("’", "'")
        else:
            span, fix = Span(prep.start, prep.end), head.right
        langs = f"source « {evidence} »" if evidence else ", ".join(_LANG[x] for x in head.lang)
        said = f"« {head_tok.text} {head.right} »" if head.right else f"« {head_tok.text} » with a direct object"
        return self.finding(
            doc, span,
            f"« {head_tok.text} {prep.text} »: a construction of the source ({langs}); French says {said} ({head.ref})",
            suggestions=[match_case(doc[span], fix)],
        )


def _evidence(source: str | None, prep: str) -> str:
    """The source word the preposition renders, when the source segment is known and has one."""
    if source is None:
        return ""
    words = load_toml("government.toml")["source_prepositions"].get(prep, ())
    return next((w for w in words if source_mentions(source, (w,))), "")


def _quantity(toks: tuple[Token, ...], keys: list[str], i: int, units: frozenset[str]) -> bool:
    """A number after the preposition (« environ » or « près de » may come first), then a unit."""
    j = i + 1
    while j < len(toks) and j - i <= 3 and keys[j] in ("environ", "près", "de", "d'", "presque", "quelque", "plus", "moins"):
        j += 1
    if j >= len(toks) or not (toks[j].pos == "NUM" or keys[j][:1].isdigit()):
        return False
    k = j + 1
    while k < len(toks) and (keys[k][:1].isdigit() or keys[k] in (",", ".")) and k - j <= 3:
        k += 1
    return k < len(toks) and (keys[k] in units or keys[k].endswith("%"))
