"""PC11: a noun with the source language's intensifier (qa/data/intensifiers.toml)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.prose import in_code
from qa.checks.scope import paragraph_words
from qa.data import load_toml
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import fold_key, match_case

# What links a noun to its attribute: « le risque est haut », « les loyers restent hauts ».
_COPULA = frozenset({
    "est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "été", "reste", "restent",
    "restait", "restaient", "demeure", "demeurent", "semble", "semblent", "paraît", "paraissent",
})
# Adverbs that may stand between the copula and the attribute.
_DEGREE = frozenset({"très", "trop", "si", "assez", "particulièrement", "extrêmement", "plutôt", "bien", "encore",
                     "toujours", "aussi", "relativement", "beaucoup", "jugé", "jugée", "jugés", "jugées"})
# What may stand between a noun and the copula of its attribute: its complements.
_CHAIN = frozenset({"DET", "ADP", "NOUN", "ADJ", "PROPN", "NUM"})
# Before a wrong adjective: a superlative, a comparative (« le plus haut »).
_COMPARED = frozenset({"plus", "moins"})
_MODIFIER = frozenset({"à", "au", "aux", "en"})  # « à haut risque »
_DE = frozenset({"de", "d'", "d’"})
_VOWEL = tuple("aeéèêiîoôuhâ")


@dataclass(frozen=True, slots=True)
class Entry:
    nouns: frozenset[str]
    wrong: dict[str, str]
    place: str
    predicative: bool
    before: frozenset[str]
    phrase: str
    ref: str


@dataclass(frozen=True, slots=True)
class Table:
    forms: dict[str, tuple[str, ...]]  # adjective → its four forms
    wrong_forms: dict[str, tuple[str, int]]  # folded form of a wrong adjective → (adjective, slot)
    nouns: dict[str, tuple[tuple[Entry, bool], ...]]  # folded noun form → (entry, plural)
    sources: dict[str, re.Pattern[str]]  # wrong adjective → the source words it renders
    adverbs: dict[tuple[str, str], tuple[str, re.Pattern[str]]]  # (adverb, head form) → the French one, the source words


@cache
def _table() -> Table:
    raw = load_toml("intensifiers.toml")
    forms = {adj: tuple(f) for adj, f in raw["forms"].items()}
    nouns: dict[str, list[tuple[Entry, bool]]] = {}
    wrong_adjs: set[str] = set()
    for d in raw["noun"]:
        entry = Entry(frozenset(d["nouns"]), dict(d["wrong"]), d["place"], d.get("predicative", False),
                      frozenset(d.get("before", ())), d.get("phrase", ""), d["ref"])
        wrong_adjs |= set(entry.wrong)
        for noun in entry.nouns:
            plural = noun if noun.endswith(("s", "x")) else noun + ("x" if noun.endswith(("eau", "au")) else "s")
            nouns.setdefault(fold_key(noun), []).append((entry, False))
            if plural != noun:
                nouns.setdefault(fold_key(plural), []).append((entry, True))
    wrong_forms = {fold_key(f): (adj, k) for adj in wrong_adjs for k, f in enumerate(forms[adj])}
    sources = {adj: _words(words) for adj, words in raw["source"].items()}
    adverbs: dict[tuple[str, str], tuple[str, re.Pattern[str]]] = {}
    for d in raw.get("adverb", ()):
        for adverb, right in d["wrong"].items():
            for head in d["heads"]:
                adverbs[(fold_key(adverb), fold_key(head))] = (right, _words(d["source"]))
    return Table(forms, wrong_forms, {k: tuple(v) for k, v in nouns.items()}, sources, adverbs)


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)


class Intensifier(Check):
    """A noun intensified by the source language's adjective, rendered word for word.

    French gives a noun its own intensifier (Mel'čuk's Magn): « une forte pluie », « un
    risque élevé », « un grave accident », « de lourdes pertes », « de vives critiques »,
    « de la grosse grêle », « il y a de fortes chances que ». MT renders the source's
    adjective instead (« heavy rain », « high risk », « schwerer Unfall », « hohe Verluste »,
    « zware kritiek », « großer Hagel », « a good chance that »): « de lourdes pluies », « un
    haut risque », « un lourd accident », « de hautes pertes », « de lourdes critiques ». The
    table (qa/data/intensifiers.toml, each noun family with its reference) lists the
    adjectives MT puts in the place of French's; the pair is read right before or after the
    noun, or as its attribute (« le risque est haut »), in any gender and number, and with a
    source only when the source holds the word the adjective renders. The suggestion is
    French's adjective in the noun's gender and number, in its place (« un risque élevé »).
    « à haut risque », « de haut niveau », « lourdes pertes », « hautes températures » are French.

    Mauvais : « Le Met Office a mis en garde contre un haut risque d'inondations. »
    Bon :     « Le Met Office a mis en garde contre un risque élevé d'inondations. »
    """

    code = "PC11"
    priority = 314
    data_files = ("intensifiers.toml",)
    name = "calque.intensifier"
    category = Category.CALQUE
    summary = "Noun with the source language's intensifying adjective"
    severity = Severity.WARNING
    needs_nlp = True
    uses_spacy = True
    paragraph_local = True

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        table = _table()
        heads = {h for _, h in table.adverbs}
        return {k for k, words in enumerate(paragraph_words(doc, ctx))
                if any(w in table.wrong_forms for w in words) and any(w in table.nouns for w in words)
                or any(w in heads for w in words)}

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        wanted = self.nlp_paragraphs(doc, ctx)
        if not wanted:
            return
        table = _table()
        toks = ctx.analysis(doc).tokens
        keys = [fold_key(t.text) for t in toks]
        source = ctx.source if ctx.source else None
        for tok in toks:
            if tok.para not in wanted or in_code(doc, tok.start):
                continue
            if tok.text[:1].isupper() and not tok.sent_start:
                continue  # « la Haute Cour »
            i = tok.i
            nxt = keys[i + 1] if i + 1 < len(toks) else ""
            if (keys[i], nxt) in table.adverbs:
                right, rendered = table.adverbs[(keys[i], nxt)]
                if source is None or rendered.search(source):
                    yield self._report(doc, Span(tok.start, tok.end), match_case(tok.text, right), tok.text, toks[i + 1].text, right)
                continue
            if keys[i] not in table.wrong_forms or i > 0 and keys[i - 1] in _COMPARED:
                continue
            adj, slot = table.wrong_forms[keys[i]]
            if source is not None and not table.sources[adj].search(source):
                continue
            finding = self._attributive(doc, toks, keys, i, adj, slot, table) or self._predicative(doc, toks, keys, i, adj, slot, table)
            if finding is not None:
                yield finding

    def _attributive(self, doc: Document, toks: tuple[Token, ...], keys: list[str], i: int, adj: str, slot: int,
                     table: Table) -> Finding | None:
        tok = toks[i]
        for j, before_noun in ((i + 1, True), (i - 1, False)):
            if not 0 <= j < len(toks) or toks[j].sent_start and j > i:
                continue
            for entry, plural in table.nouns.get(keys[j], ()):
                if adj not in entry.wrong or (entry.before and (keys[j + 1] if j + 1 < len(toks) else "") not in entry.before):
                    continue
                noun = toks[j]
                right = entry.wrong[adj]
                form = table.forms[right][slot]
                if not before_noun:  # « des pluies lourdes » → « des pluies fortes »
                    return self._report(doc, Span(tok.start, tok.end), form, tok.text, noun.text, right)
                prev = keys[i - 1] if i > 0 else ""
                if prev in _MODIFIER or prev in _DE and not plural:
                    return None  # « à haut risque », « de haut prix »
                if entry.phrase:
                    if prev not in ("un", "une"):
                        return None
                    start = toks[i - 1].start
                    return self._report(doc, Span(start, noun.end), match_case(toks[i - 1].text, entry.phrase),
                                        doc.text[start:noun.end], noun.text, right)
                if entry.place == "before":
                    return self._report(doc, Span(tok.start, tok.end), match_case(tok.text, form), tok.text, noun.text, right)
                start, fix = tok.start, f"{noun.text} {form}"
                if prev in _DE:  # « craignent de hauts coûts » → « des coûts élevés »
                    partitive = i >= 2 and toks[i - 2].pos in ("VERB", "AUX") and keys[i - 2] != "pas"
                    start = toks[i - 1].start
                    fix = f"des {fix}" if partitive else ("d'" if noun.text.lower().startswith(_VOWEL) else "de ") + fix
                    if "’" in doc.text:
                        fix = fix.replace("d'", "d’")
                return self._report(doc, Span(start, noun.end), match_case(doc.text[start:tok.end], fix),
                                    doc.text[start:noun.end], noun.text, right)
        return None

    def _predicative(self, doc: Document, toks: tuple[Token, ...], keys: list[str], i: int, adj: str, slot: int,
                     table: Table) -> Finding | None:
        """« Le risque d'incendie de forêt est haut »: the adjective attribute of a listed noun."""
        j = i - 1
        while j >= 0 and keys[j] in _DEGREE and not toks[j + 1].sent_start:
            j -= 1
        after = keys[i + 1] if i + 1 < len(toks) else ""
        if j < 1 or keys[j] not in _COPULA or toks[j + 1].sent_start or after in table.nouns or after in _DE:
            return None
        k = j - 1
        while k >= 0 and j - k <= 8 and not toks[k + 1].sent_start:
            for entry, _ in table.nouns.get(keys[k], ()):
                if entry.predicative and adj in entry.wrong and k > 0 and toks[k - 1].pos == "DET":
                    right = entry.wrong[adj]
                    return self._report(doc, Span(toks[i].start, toks[i].end), table.forms[right][slot], toks[i].text,
                                        toks[k].text, right)
            if toks[k].pos not in _CHAIN and keys[k] not in _DE | {"l'", "l’"}:
                return None
            k -= 1
        return None

    def _report(self, doc: Document, span: Span, fix: str, wrong: str, noun: str, right: str) -> Finding:
        return self.finding(
            doc, span,
            f"« {wrong} »: French intensifies « {noun} » with « {right} » (the source's adjective rendered word for word)",
            [fix],
        )
