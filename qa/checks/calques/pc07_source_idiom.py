"""PC07: an idiom of the source language rendered word for word (qa/data/idioms.toml)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.prose import in_code
from qa.checks.calques._verbal import adapted as _adapted, infinitive as _infinitive, split_verbal as _split_verbal
from qa.knowledge.conjugation import slots_of
from qa.knowledge.idioms import Idiom, idioms, key, lemma_keys, paragraph_words, paragraphs_with, source_words
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import match_case

_FIX_TOKEN = re.compile(r"[^\W\d_]+'|[^\W\d_]+(?:-[^\W\d_]+)*|[^\w\s]")
_DETERMINERS = frozenset("le la les l' un une des du de d' son sa ses leur leurs ce cette ces".split())
_PREPOSITIONS = frozenset("à au aux dans sur sous en par pour avec entre".split())  # « au dernier moment » replaces « sur le dernier revers »
# How far up the parse the verb governing a nominal rendering is looked for, and how many
# words may stand between it and the rendering.
_HOPS = 2
_BETWEEN = 3


@cache
def _wanted(idiom: Idiom) -> frozenset[str]:
    """Every key of the idiom's literal rendering."""
    return frozenset().union(*idiom.literal)


def _match(words: list[Token], keys: list[frozenset[str]], i: int, idiom: Idiom, ordered: bool) -> list[Token] | None:
    """Distinct words from words[i] on, within the idiom's window and one sentence, one per
    literal group, words[i] among them; ``ordered``: the groups in the data's order, words[i]
    the first (None when no such choice exists)."""
    window = range(i + 1, min(len(words), i + idiom.window))

    def assign(groups: tuple[frozenset[str], ...], used: tuple[int, ...]) -> tuple[int, ...] | None:
        if not groups:
            return used
        for j in window:
            if j not in used and keys[j] & groups[0] and (not ordered or j > used[-1]):
                found = assign(groups[1:], (*used, j))
                if found is not None:
                    return found
        return None

    for g, group in enumerate(idiom.literal[:1] if ordered else idiom.literal):
        if keys[i] & group:
            found = assign(idiom.literal[:g] + idiom.literal[g + 1 :], (i,))
            if found is not None and not any(words[j].sent_start for j in found if j != i):
                return [words[j] for j in sorted(found)]
    return None


def _same(word: str, token: Token, keys: frozenset[str]) -> bool:
    """A word of the French equivalent stands as token: the same word or lemma, or any
    determiner for a determiner (« une fuite en avant » for « la fuite en avant »)."""
    return word in keys or (word in _DETERMINERS and key(token.text) in _DETERMINERS)


def _mentions(tokens: list[Token], keys: list[frozenset[str]], fix: str) -> bool:
    """The French equivalent stands in the sentence already (its words in a row, each by its
    form or its lemma: « en ont assez » for « en avoir assez »)."""
    wanted = [key(w) for w in _FIX_TOKEN.findall(fix)]
    wanted = [w for w in wanted if w not in ("se", "s'")] or wanted
    n = len(wanted)
    for j in range(len(tokens) - n + 1):
        if all(_same(wanted[k], tokens[j + k], keys[j + k]) for k in range(n)):
            return True
    return False


def _has_source(ctx: Context) -> bool:
    return bool(ctx.source and ctx.source.strip())


class SourceIdiom(Check):
    """An idiom of the source language rendered word for word.

    The list (qa/data/idioms.toml) holds about 250 German, Dutch and English idioms with the
    content words of their literal French rendering and their French equivalents. With the
    source (`--source`), an idiom that stands in the source segment and whose literal
    rendering (the lemmas of its words, close together, in any order) stands in the French
    segment, while none of its French equivalents does, is reported on the literal words;
    the first suggestion is the French equivalent, its verb conjugated like the rendering's.
    Without a source, only the renderings no French sentence holds (« une goutte sur la
    pierre chaude », « jeter le fusil dans le blé ») are reported, their words in order.

    Mauvais : source « Die Hilfen sind ein Tropfen auf den heißen Stein. », cible « Les aides
    sont une goutte sur la pierre chaude. »
    Bon :     « Les aides sont une goutte d'eau dans l'océan. »
    """

    code = "PC07"
    priority = 311  # after PC02: a construction its rules know keeps PC02's adapted fix
    data_files = ("idioms.toml", "conjugation.toml")
    name = "calque.source-idiom"
    category = Category.CALQUE
    summary = "Source idiom rendered word for word"
    severity = Severity.WARNING
    needs_nlp = True
    uses_spacy = True
    paragraph_local = True  # each paragraph is matched on its own, against the segment's source

    def _candidates(self, ctx: Context) -> list[Idiom]:
        lang = ctx.source_lang or ""
        if _has_source(ctx):
            words = source_words(ctx.source or "")
            return [i for i in idioms() if i.lang == lang and i.in_source(words)]
        return [i for i in idioms() if i.alone and (not lang or i.lang == lang)]

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        return paragraphs_with(doc, (i.literal for i in self._candidates(ctx)), parts=True)

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        wanted = self.nlp_paragraphs(doc, ctx)
        if not wanted:
            return
        candidates = self._candidates(ctx)
        analysis = ctx.analysis(doc)
        taken: list[tuple[int, int]] = []
        for words, keys, present in paragraph_words(analysis, wanted):
            for idiom in candidates:
                if not all(present & g for g in idiom.literal):
                    continue  # a word of the rendering is missing from the paragraph: no match
                if any(_mentions(words, keys, f) for f in idiom.fixes):
                    continue
                wanted = _wanted(idiom)
                for i in range(len(words)):
                    if not keys[i] & wanted:
                        continue
                    found = _match(words, keys, i, idiom, ordered=not _has_source(ctx))
                    if found is None:
                        continue
                    finding = self._finding(doc, analysis, words, found, idiom)
                    if finding is None or any(s < finding.span.end and finding.span.start < e for s, e in taken):
                        continue
                    taken.append((finding.span.start, finding.span.end))
                    yield finding
                    break

    def _finding(self, doc: Document, analysis: Analysis, words: list[Token], found: list[Token], idiom: Idiom) -> Finding | None:
        first, last = found[0], found[-1]
        if in_code(doc, first.start) or any(t.text[:1].isupper() and not t.sent_start for t in found):
            return None  # a capital mid-sentence: a name or a title (« la Pomme d'or »)
        if any(t.pos == "PUNCT" and t.text not in "'’-" for t in analysis.in_span(first.start, last.end)):
            return None  # a rendering stands in one clause
        start, fix = first.start, idiom.fixes[0]
        verbal = _split_verbal(fix) is not None
        own = _verb_lemma(first, idiom)
        governor = None if own or not verbal else _governing_verb(analysis, words, first)
        if own:
            fix = _adapted(fix, own, first.text)
        elif governor is not None:
            start = governor.start
            fix = _adapted(fix, governor.lemma, governor.text)
        else:
            start = _with_article(words, words.index(first), key(fix.split()[0]))
        text = doc.text[start : last.end]
        fix = match_case(text, fix) if text[:1].isupper() else fix
        return self.finding(
            doc, Span(start, last.end), f"« {text} » renders « {idiom.idiom} » word for word: « {fix} »", [fix]
        )


def _verb_lemma(token: Token, idiom: Idiom) -> str | None:
    """The infinitive of the literal rendering that token conjugates (« battent » for
    « battre »), None when token is no verb of the rendering."""
    wanted = _wanted(idiom)
    if key(token.text) not in wanted and not lemma_keys(token.text, token.lemma) & wanted:
        return None
    for lemma in sorted(w for w in wanted if w.endswith(("er", "ir", "re", "oir"))):
        if _infinitive(lemma) and slots_of(lemma, token.text) is not None:
            return lemma
    return None


def _governing_verb(analysis: Analysis, words: list[Token], first: Token) -> Token | None:
    """The verb the rendering's first word depends on, just before it (« jeté la serviette
    dans le ring »: « jeté »), when the French equivalent is a verb phrase; where the parse
    gives none (« a une mauvaise constitution » parsed with the noun as root), the verb a few
    words before."""
    token = first
    for _ in range(_HOPS):
        head = analysis.tokens[token.head]
        if head.i == token.i or head.start > first.start:
            break
        if head.pos in ("VERB", "AUX") and slots_of(head.lemma, head.text) is not None:
            between = sum(1 for w in words if head.start < w.start < first.start)
            return head if between <= _BETWEEN else None
        token = head
    at = words.index(first)
    for w in reversed(words[max(0, at - _BETWEEN - 1) : at]):  # the parse made the noun its root
        if w.pos in ("VERB", "AUX") and slots_of(w.lemma, w.text) is not None:
            return w
    return None


def _with_article(words: list[Token], at: int, head: str) -> int:
    """Where the finding starts: the rendering's first word, with the determiner (and the
    preposition) before it when the French equivalent brings its own."""
    start, j = words[at].start, at - 1
    if head in _DETERMINERS and j >= 0 and key(words[j].text) in _DETERMINERS:
        return words[j].start
    if head in _PREPOSITIONS and j >= 0 and key(words[j].text) in _DETERMINERS | _PREPOSITIONS:
        start = words[j].start
        if key(words[j].text) in _DETERMINERS and j >= 1 and key(words[j - 1].text) in _PREPOSITIONS:
            start = words[j - 1].start
    return start
