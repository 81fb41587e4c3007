"""PC10: a head whose prepositional dependent has the source language's preposition, read by
lemma through the dependency parse (qa/data/government_heads.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.calques._heads import governed_elsewhere, head_before, phrase_word
from qa.checks.data_rules import contract
from qa.checks.scope import paragraph_words
from qa.data import load_toml
from qa.knowledge.government_heads import GovernedHead, forms, heads_of, prepositions
from qa.knowledge.nlp import Token
from qa.knowledge.source_terms import source_mentions
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import fold_key, match_case

# « au », « aux » are « à » with the article: « doutent aux résultats », « manque aux moyens ».
_FUSED = {"au": ("à", "le"), "aux": ("à", "les")}
_ARTICLES = frozenset({"le", "les"})
# How far (in tokens) the parse may reach back from the preposition to its head.
_REACH = 6
# What may not stand between a head and the preposition the parse gives it: another clause or
# verb (« a répondu à leurs critiques et compte sur »), punctuation.
_BARRIER = frozenset({"PUNCT", "VERB", "AUX", "CCONJ", "SCONJ", "PRON"})
# Endings only a finite verb has (« doutent », « attendaient », « renonçons »).
_FINITE = ("ent", "ons", "ez", "ait", "aient", "ront", "rait", "raient")
_QUE = frozenset({"que", "qu'", "qu’"})
_OBJECT_PRONOUNS = frozenset({"que", "qu'", "qu’", "le", "la", "les", "l'", "l’"})
# The word classes each kind of head may have in spaCy's parse.
_TAGS = {"verb": ("VERB",), "part": ("VERB", "ADJ"), "adj": ("ADJ",), "noun": ("NOUN",)}


@cache
def _unless() -> dict[str, frozenset[str]]:
    """Words after a preposition that make a free phrase whatever the head (PC05's list)."""
    return {p: frozenset(fold_key(w) for w in words) for p, words in load_toml("government.toml")["unless"].items()}


class HeadPreposition(Check):
    """A verb, participle, adjective or noun with the source's preposition, found by lemma.

    MT keeps the preposition the source head governs: « warten auf », « wachten op » →
    « attendre sur »; « faced with », « geconfronteerd met » → « confronté avec »; « Mangel
    an » → « manque à »; « twijfelen aan » → « douter à ». The table
    (qa/data/government_heads.toml, each head with its dictionary reference) gives, by lemma,
    the prepositions French uses and those MT copies. The head is the word the preposition's
    phrase depends on in the parse, or the word before it (adverbs aside), in any tense or
    agreement; phrases of place, time, number or proper name stay quiet, and an aligned source
    holding the copied preposition is quoted in the message (it is not required).

    Mauvais : « Les passagers attendaient sur une décision de la compagnie. »
    Bon :     « Les passagers attendaient une décision de la compagnie. »
    """

    code = "PC10"
    priority = 319
    data_files = ("government_heads.toml", "government.toml", "conjugation.toml")
    paragraph_local = True
    name = "calque.head_preposition"
    category = Category.CALQUE
    summary = "Source-language preposition after a head, read by lemma and parse"
    needs_nlp = True

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        preps = prepositions() | set(_FUSED)
        return {k for k, words in enumerate(paragraph_words(doc, ctx)) if not words.isdisjoint(preps)}

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        toks = ctx.analysis(doc).tokens
        keys = [fold_key(t.text) for t in toks]
        preps = prepositions()
        for prep in toks:
            p, article = _FUSED.get(keys[prep.i], (keys[prep.i], ""))
            if p not in preps or prep.pos not in ("ADP", "DET") or prep.i + 1 >= len(toks):
                continue
            found = self._match(toks, keys, prep, p, article)
            if found is None:
                continue
            head_tok, head = found
            evidence = _evidence(ctx.source, head, p)
            yield self._finding(doc, toks, keys, head_tok, prep, article, head, evidence)

    def _match(self, toks: tuple[Token, ...], keys: list[str], prep: Token, p: str,
               article: str) -> tuple[Token, GovernedHead] | None:
        after = phrase_word(toks, keys, prep.i)
        if after is None or after[:1].isdigit() or after in _unless().get(p, ()):
            return None
        nxt = toks[prep.i + 1]
        content = next((t for t in toks[prep.i + 1: prep.i + 4] if t.pos != "DET"), nxt)
        if nxt.pos in ("NUM", "PROPN", "PUNCT") or content.pos in ("PROPN", "NUM"):
            return None
        for head_tok, adjacent in _candidates(toks, keys, prep):
            for head in heads_of(keys[head_tok.i], head_tok.lemma.lower()):
                if p not in head.wrong or after in head.unless or not _tag_fits(toks, keys, head_tok, head):
                    continue
                if head.pos in ("verb", "part") and head_tok.i > 0 and toks[head_tok.i - 1].pos == "DET":
                    continue  # « la demande », « le choisi »: a noun
                if head.support and not _supported(toks, head_tok, head.support):
                    continue  # « attirer l'attention sur » is French; « faire attention sur » is not
                if head.right[0] == "" and (_has_object(toks, keys, head_tok) or _passive(toks, keys, head_tok, head)):
                    continue  # « les produits qu'elle a choisis pour la fête », « une décision attendue pour »
                if head.noun_phrase and not article and (
                        content.pos in ("VERB", "AUX", "PRON") or keys[content.i] in _QUE):
                    continue  # « attendre pour voir », « demander pour lui »
                if adjacent and governed_elsewhere(toks, prep, head_tok):
                    continue
                return head_tok, head
        return None

    def _finding(self, doc: Document, toks: tuple[Token, ...], keys: list[str], head_tok: Token, prep: Token,
                 article: str, head: GovernedHead, evidence: str) -> Finding:
        nxt = toks[prep.i + 1]
        if article:  # « aux » → « des », « au » → « le »
            span = Span(prep.start, prep.end)
            fixes = [contract(f"{r} {article}") if r else article for r in head.right]
        elif (keys[nxt.i] in _ARTICLES and nxt.pos == "DET") or (
                head.right[0] == "de" and nxt.pos not in ("NUM", "PUNCT") and contract(f"de {nxt.text}") != f"de {nxt.text}"):
            span = Span(prep.start, nxt.end)  # « sur les » → « aux », « à un » → « d’un »
            fixes = [contract(f"{r} {nxt.text}") if r else nxt.text for r in head.right]
        elif head.right[0] == "":
            span, fixes = Span(prep.start, nxt.start), list(head.right)
        else:
            span, fixes = Span(prep.start, prep.end), list(head.right)
        if "’" not in doc.text and "'" in doc.text:
            fixes = [f.replace("’", "'") for f in fixes]
        word = head.lemma if head.pos == "verb" else head_tok.text
        said = " or ".join(f"« {word} {r} »" if r else f"« {word} » with a direct object" for r in head.right)
        why = f"source « {evidence} »" if evidence else "a construction of English, German or Dutch"
        return self.finding(
            doc, span,
            f"« {head_tok.text} {prep.text} » ({why}): French says {said} ({head.ref})",
            suggestions=[match_case(doc[span], f) for f in dict.fromkeys(fixes)],
        )


def _evidence(source: str | None, head: GovernedHead, prep: str) -> str:
    """The source word the preposition renders (« op » for « sur » after « attendre »): one of
    the head's source prepositions that PC05's table gives as this preposition's equivalent."""
    if not source:
        return ""
    renders = set(load_toml("government.toml")["source_prepositions"].get(prep, ()))
    return next((w for w in head.source if w in renders and source_mentions(source, (w,))), "")


def _candidates(toks: tuple[Token, ...], keys: list[str], prep: Token) -> Iterator[tuple[Token, bool]]:
    """The head the preposition's phrase depends on in the parse as its argument (« obl:arg »:
    « attendaient depuis des mois sur une décision »), then the word before it."""
    near = head_before(toks, keys, prep.i)
    if prep.dep == "case" and prep.head > prep.i and prep.head < len(toks):
        phrase = toks[prep.head]
        gov = toks[phrase.head] if 0 <= phrase.head < len(toks) else phrase
        if (gov.i < prep.i and prep.i - gov.i <= _REACH and (near is None or gov.i != near.i)
                and phrase.dep in ("obl:arg", "iobj")
                and not any(t.pos in _BARRIER or t.sent_start for t in toks[gov.i + 1: prep.i + 1])):
            yield gov, False
    if near is not None:
        yield near, True


def _tag_fits(toks: tuple[Token, ...], keys: list[str], tok: Token, head: GovernedHead) -> bool:
    """The parse's word class agrees with the head's; a verb form spaCy mistags (« doutent »
    read as an adverb, « souffre » as a noun) counts as the verb unless a determiner, an
    adjective, a preposition or a noun before it makes it a noun (« un doute sur »)."""
    if tok.pos in _TAGS[head.pos] or (head.pos == "verb" and tok.pos == "ADJ" and keys[tok.i] in forms(head.lemma, "part")):
        return True  # « n'a pas encore répondu » read as an adjective
    if head.pos != "verb" or tok.i == 0 or toks[tok.i - 1].pos in ("DET", "ADJ", "ADP", "NUM"):
        return False
    if tok.pos == "NOUN":  # « la Flandre souffre à », « et doute sur »
        return toks[tok.i - 1].pos != "NOUN"
    return keys[tok.i].endswith(_FINITE)  # « les ménages doutent à »


def _has_object(toks: tuple[Token, ...], keys: list[str], tok: Token) -> bool:
    """The verb already has its direct object: a dependent « obj », or an object pronoun or
    relative « que » just before it (« qu'elle a choisis pour »)."""
    if any(t.head == tok.i and t.dep in ("obj", "ccomp", "xcomp") for t in toks[max(0, tok.i - 8): tok.i + 8]):
        return True
    return any(keys[t.i] in _OBJECT_PRONOUNS and t.pos == "PRON" for t in toks[max(0, tok.i - 4): tok.i])


def _passive(toks: tuple[Token, ...], keys: list[str], tok: Token, head: GovernedHead) -> bool:
    """A past participle with no « avoir » before it: passive or adjectival, it has no object
    to lose (« une décision est attendue pour la zone »)."""
    if keys[tok.i] not in forms(head.lemma, "part"):
        return False
    return not any(t.lemma.lower() == "avoir" for t in toks[max(0, tok.i - 3): tok.i])


def _supported(toks: tuple[Token, ...], head_tok: Token, verbs: frozenset[str]) -> bool:
    """One of the support verbs within three words before the noun (« font pas attention »)."""
    return any(t.lemma.lower() in verbs for t in toks[max(0, head_tok.i - 3): head_tok.i])
