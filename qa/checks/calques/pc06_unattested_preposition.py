"""PC06: a head followed by a preposition that clean French never gives it (counts mined from
parsed French, qa/data/government_counts.tsv)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.calques._heads import governed_elsewhere, head_before, phrase_word
from qa.checks.data_rules import contract
from qa.data import load_toml
from qa.knowledge import bilingual
from qa.knowledge.government import Governed, adjunct, governed, is_participle
from qa.knowledge.nlp import Token
from qa.knowledge.source_terms import source_mentions
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import fold_key, match_case

# The prepositions MT copies from en/de/nl (on/auf/op → sur, in → dans, for/für/voor → pour,
# with/mit/met → avec, by/door → par, to/naar → vers, against/gegen → contre, under/unter → sous,
# « à », « de » and « en » are left out: they head too many adjuncts and fixed phrases for a
# missing count to mean anything; « après » too (time and order: « continue après le bloc »).
CALQUE_PREPOSITIONS = frozenset({"sur", "dans", "pour", "avec", "par", "vers", "contre", "sous"})
# How many argument phrases a head needs in the corpus before an unseen preposition counts,
# with the source holding the preposition the French copies, and without a source (measured
# by bench/govern_thresholds.py on clean French and the annotated MT sets: the pair that keeps
# the clean rate at 0.1 per 1,000 words with no MT finding off the gold; README).
LEAST_WITH_SOURCE = 3
LEAST_WITHOUT_SOURCE = 20
# The least share of a head's phrases that are its arguments (Governed.bound): a head that takes
# adjuncts of every kind (« être », « prendre », « passer ») says nothing by a missing preposition.
BOUND = 0.6
_ARTICLES = frozenset({"le", "les"})
_QUANTITY = frozenset({"plus", "davantage", "moins", "beaucoup", "trop", "autant"})


@cache
def _unless() -> dict[str, frozenset[str]]:
    data = load_toml("government.toml")["unless"]
    return {prep: frozenset(fold_key(w) for w in words) for prep, words in data.items()}


def _evidence(source: str, lang: str, prep: str) -> str:
    """A source word whose dictionary translation (or PC05's table) is this preposition."""
    listed = load_toml("government.toml")["source_prepositions"].get(prep, ())
    found = next((w for w in listed if source_mentions(source, (w,))), "")
    if found:
        return found
    for word in {w.strip(".,;:!?«»\"'()").lower() for w in source.split()}:
        if word and len(word) <= 6 and prep in bilingual.translations(word, lang)[:6]:
            return word
    return ""


class UnattestedPreposition(Check):
    """A verb, adjective or noun followed by a preposition French does not use with it.

    MT renders the source's preposition by its dictionary equivalent: « participate in » →
    « participer dans », « sich beschweren über » → « se plaindre sur », « tevreden met » →
    « satisfait avec ». qa/data/government_counts.tsv counts, for each head of parsed clean
    French (UD French-Sequoia, French news), the prepositions that follow it or depend on it.
    A head seen with enough argument phrases, followed by one of the prepositions MT copies
    that the corpus never shows after it, is flagged; the prepositions it does take are the
    suggestions, most frequent first. With a source, the source must hold a word that
    translates to that preposition; without one, the head must be better attested.
    Phrases of number, proper name, place, time or frame stay quiet.

    Mauvais : « Plusieurs agriculteurs participent dans un projet de stockage. »
    Bon :     « Plusieurs agriculteurs participent à un projet de stockage. »
    """

    code = "PC06"
    priority = 313
    data_files = ("government_counts.tsv", "government.toml", "conjugation.toml")
    paragraph_local = True
    name = "calque.unattested_preposition"
    category = Category.CALQUE
    summary = "Preposition never found after this head in clean French"
    needs_nlp = True

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        toks = ctx.analysis(doc).tokens
        keys = [fold_key(t.text) for t in toks]
        least = LEAST_WITH_SOURCE if ctx.source else LEAST_WITHOUT_SOURCE
        for head_tok, prep, head, evidence in self.candidates(doc, ctx, least):
            yield self._finding(doc, toks, keys, head_tok, prep, head, evidence)

    def candidates(self, doc: Document, ctx: Context, least: int,
                   bound: float = BOUND) -> Iterator[tuple[Token, Token, Governed, str]]:
        """Each head with at least ``least`` argument phrases, ``bound`` of its phrases arguments,
        followed by a preposition it never takes, with the source word that gives it
        (bench/govern_thresholds.py reads this with the lowest thresholds)."""
        toks = ctx.analysis(doc).tokens
        keys = [fold_key(t.text) for t in toks]
        unless = _unless()
        for prep in toks:
            p = keys[prep.i]
            if p not in CALQUE_PREPOSITIONS or prep.pos != "ADP":
                continue
            head_tok = head_before(toks, keys, prep.i)
            if head_tok is None or head_tok.pos in ("PROPN", "NUM", "PRON", "AUX"):
                continue
            head = _attested_head(toks, keys, head_tok, least)
            if head is None or head.seen[p] or not head.ranked() or head.bound < bound:
                continue
            if prep.i + 1 >= len(toks) or toks[prep.i + 1].pos in ("NUM", "PROPN", "PUNCT"):
                continue
            after = phrase_word(toks, keys, prep.i)
            if after is None or after[:1].isdigit() or after in unless.get(p, ()):
                continue
            nxt_content = next((t for t in toks[prep.i + 1: prep.i + 4] if t.pos != "DET"), None)
            if nxt_content is not None and nxt_content.pos in ("PROPN", "NUM"):
                continue
            if governed_elsewhere(toks, prep, head_tok) or _free_phrase(toks, keys, prep, head_tok, head):
                continue
            evidence = ""
            if ctx.source and ctx.source_lang:
                evidence = _evidence(ctx.source, ctx.source_lang, p)
                if not evidence:
                    continue
            yield head_tok, prep, head, evidence

    def _finding(self, doc: Document, toks: tuple[Token, ...], keys: list[str], head_tok: Token, prep: Token,
                 head: Governed, evidence: str) -> Finding:
        nxt = toks[prep.i + 1]
        ranked = head.ranked()
        if keys[nxt.i] in _ARTICLES and nxt.pos == "DET" and ranked[0] in ("à", "de"):
            span = Span(prep.start, nxt.end)
            fixes = [contract(f"{r} {nxt.text}") if r in ("à", "de") else f"{r} {nxt.text}" for r in ranked]
        else:
            span = Span(prep.start, prep.end)
            fixes = list(ranked)
        if "’" not in doc.text and "'" in doc.text:
            fixes = [f.replace("’", "'") for f in fixes]
        counts = ", ".join(f"« {r} » ({head.args[r]})" for r in ranked[:3])
        why = f" (source « {evidence} »)" if evidence else ""
        return self.finding(
            doc, span,
            f"« {head_tok.text} {prep.text} »{why}: in clean French « {head.lemma} » takes {counts}, "
            f"never « {prep.text} » (government_counts.tsv)",
            suggestions=[match_case(doc[span], f) for f in fixes[:3]],
        )


def _free_phrase(toks: tuple[Token, ...], keys: list[str], prep: Token, head_tok: Token, head: Governed) -> bool:
    """A phrase any head may take: the agent after a verb (« assurée par »), a purpose
    (« pour réaliser », « pour que »), or a noun clean French uses as an adjunct with this
    preposition (« dans la matinée », « sous le nom de »: the PHRASE rows of the counts)."""
    p = keys[prep.i]
    if p == "par" and head.pos == "VERB":
        return True  # the agent of a passive or of « faire »/« laisser » (« élevé par », « se faire conseiller par »)
    if p in ("pour", "avec", "vers") and head.pos == "VERB" and is_participle(head.lemma, keys[head_tok.i]):
        return True  # a participle's purpose, means or direction: « pensé pour », « fourni avec », « envoyés vers »
    if p == "dans" and head.pos == "VERB" and _passive(toks, keys, head_tok):
        return True  # where the subject ends up: « ont été chargées dans des nanoémulsions », « sera stocké dans »
    if keys[prep.i - 1] in _QUANTITY:
        return True  # the phrase belongs to the quantity: « en apprendre davantage sur »
    nxt = toks[prep.i + 1]
    if p in ("pour", "après", "sans") and (nxt.pos in ("VERB", "AUX") or keys[nxt.i] in ("que", "qu'", "qu’")):
        return True
    noun = toks[prep.head] if prep.dep == "case" and 0 <= prep.head < len(toks) and prep.head > prep.i else None
    return noun is not None and noun.pos == "NOUN" and adjunct(noun.lemma.lower(), p)


_ETRE = frozenset({"été", "est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "soit", "soient", "être", "fut", "furent"})


def _passive(toks: tuple[Token, ...], keys: list[str], tok: Token) -> bool:
    """A participle after a form of « être » (an adverb between): a passive or a state."""
    j = tok.i - 1
    while j >= 0 and toks[j].pos == "ADV":
        j -= 1
    return j >= 0 and keys[j] in _ETRE and is_participle(tok.lemma.lower(), keys[tok.i])


def _attested_head(toks: tuple[Token, ...], keys: list[str], tok: Token, least: int) -> Governed | None:
    """The well-attested head the token is, its part of speech agreeing with the parse."""
    before = toks[tok.i - 1] if tok.i > 0 else None
    for head in governed(keys[tok.i], least):
        if head.pos == "VERB" and before is not None and (
                before.pos == "DET" or (tok.pos == "NOUN" and before.pos in ("ADJ", "ADP"))):
            continue  # « la demande », « aux élèves », « la superbe vue » are nouns
        if head.pos == "VERB" and tok.pos == "ADJ" and not is_participle(head.lemma, keys[tok.i]):
            continue  # « confiant », « suivant » are adjectives here, not « confier », « suivre »
        if head.pos == "NOUN" and tok.pos != "NOUN":
            continue
        if head.pos == "ADJ" and tok.pos not in ("ADJ", "VERB"):
            continue
        return head
    return None
