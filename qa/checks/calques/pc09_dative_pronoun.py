"""PC09: a dative pronoun rendered « à lui » after the verb instead of a clitic before it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.calques._shared import section
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import fold_key

# The stressed pronoun after « à » and the clitic French puts before the verb instead.
_CLITIC = {"lui": "lui", "elle": "lui", "eux": "leur", "elles": "leur"}
# Words after « à lui » that make the stressed pronoun French: « à lui seul », « à elle
# aussi », « à eux deux » (plural only), « à lui-même »; a contrast (« à lui, pas à elle »).
_AFTER = frozenset({"seul", "seule", "seuls", "seules", "même", "aussi", "tout", "toute", "tous", "toutes",
                    "non", "et", "ou", "ni", "plutôt", "également", "-même", "-mêmes"})
# Clitics before the verb group: with « me, te, se, nous, vous » French must say « à lui »
# (« il m'a présenté à lui »), and with « le, la, les » the fix would move two pronouns.
_CLITICS_BEFORE = frozenset({"me", "m'", "te", "t'", "se", "s'", "nous", "vous", "le", "la", "les", "l'",
                             "lui", "leur", "y", "en"})
_PROSE = re.compile(r"[^\W\d_]")


def _dative_verbs() -> frozenset[str]:
    return frozenset(section("dative")["verbs"])


class DativePronoun(Check):
    """« a donné à lui » for German « hat ihm gegeben », Dutch « heeft hem gegeven ».

    German and Dutch put the dative pronoun after the verb as a full word; French puts a
    clitic before it: « lui a donné », « leur a dit ». After a verb that takes this clitic
    (qa/data/calques.toml, [dative]: donner, dire, montrer, promettre…), « à lui », « à
    elle », « à eux » right after the verb group is the source's order; the fix puts « lui »
    or « leur » before the verb group, after « ne ». « à lui seul », « à elle aussi », a
    contrast (« à lui, pas à elle ») and verbs that refuse the clitic (« penser à lui »)
    are French and kept, and so is « à lui » after « me, te, se, nous, vous ».

    Mauvais : « Son père a donné à lui jusqu'à l'été pour décider. »
    Bon :     « Son père lui a donné jusqu'à l'été pour décider. »
    """

    code = "PC09"
    priority = 322
    data_files = ("calques.toml",)
    paragraph_local = True
    name = "calque.dative-pronoun"
    category = Category.CALQUE
    summary = "« à lui » after the verb where French puts « lui » before it"
    severity = Severity.WARNING
    needs_nlp = True
    autofix = "none"

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        found = set()
        for m in re.finditer(r"\b[àÀ] (?:lui|elle|eux|elles)\b", doc.text):
            k = doc.paragraph_index(m.start())
            if k is not None:
                found.add(k)
        return found

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        toks = ctx.analysis(doc).tokens
        verbs = _dative_verbs()
        for tok in toks:
            if fold_key(tok.text) != "à" or tok.i < 2 or tok.i + 1 >= len(toks):
                continue
            pron, verb = toks[tok.i + 1], toks[tok.i - 1]
            clitic = _CLITIC.get(fold_key(pron.text))
            if clitic is None or verb.lemma not in verbs or verb.pos not in ("VERB", "AUX"):
                continue
            nxt = fold_key(toks[tok.i + 2].text) if tok.i + 2 < len(toks) else ""
            if nxt in _AFTER or (clitic == "leur" and nxt in ("deux", "trois", "quatre", "cinq")) or (nxt == "," and tok.i + 3 < len(toks) and fold_key(toks[tok.i + 3].text) in ("pas", "et", "non", "mais")):
                continue
            group = _verb_group(toks, verb)
            if group is None:
                continue
            span = Span(group[0].start, pron.end)
            yield self.finding(
                doc, span,
                f"« {doc[span]} » keeps the source's dative after the verb (de « ihm, ihr, ihnen », "
                f"nl « hem, haar, hun »): French puts « {clitic} » before the verb",
                suggestions=[_fixed(doc, group, clitic)],
            )


def _verb_group(toks: tuple[Token, ...], verb: Token) -> list[Token] | None:
    """The verb and what stands before it in its group (auxiliaries, « ne », the adverbs of
    the negation); None when a clitic is there already or the group opens the sentence (an
    imperative: « Donne à lui » → « Donne-lui »)."""
    i = verb.i
    while i > 0 and not toks[i].sent_start and (
        toks[i - 1].pos == "AUX" or fold_key(toks[i - 1].text) in ("ne", "n'", "pas", "plus", "jamais", "déjà", "encore", "toujours", "rien")
    ):
        i -= 1
    if toks[i].sent_start or toks[i].pos not in ("VERB", "AUX") and fold_key(toks[i].text) not in ("ne", "n'"):
        return None
    if i > 0 and fold_key(toks[i - 1].text) in _CLITICS_BEFORE:
        return None
    return list(toks[i : verb.i + 1])


def _fixed(doc: Document, group: list[Token], clitic: str) -> str:
    """The verb group with the clitic before it, after « ne » (« n'a » → « ne lui a »)."""
    text = doc.text[group[0].start : group[-1].end]
    first = fold_key(group[0].text)
    if first in ("ne", "n'"):
        rest = doc.text[group[1].start : group[-1].end] if len(group) > 1 else ""
        return f"ne {clitic} {rest}".strip()
    return f"{clitic} {text}" if _PROSE.match(text) else text
