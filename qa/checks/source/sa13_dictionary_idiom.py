"""SA13: a multiword entry of the source dictionary rendered word for word."""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.prose import in_code
from qa.knowledge.bilingual import languages
from qa.knowledge.conjugation import conjugate, slots_of
from qa.knowledge.dictionary_idioms import (
    FRENCH_FUNCTION,
    DictIdiom,
    content_words,
    french_expressions,
    in_source,
    literal,
)
from qa.knowledge.idioms import key, paragraph_words, paragraphs_with
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import match_case

# Words that may stand between the literal ones and go with the rendering that replaces them,
# and the negation after a verb, kept after the conjugated verb of the rendering.
_BETWEEN = frozenset("le la les l un une des de du d à au aux en dans sur par pour avec".split())
_NEGATION = frozenset("pas plus jamais point guère".split())


def _said(present: frozenset[str], fixes: tuple[str, ...]) -> bool:
    """A rendering of the dictionary stands in the sentence: all the content words of one of
    them (« vigueur » for « entrer en vigueur », « abandonne » for « abandonner »), by form
    or lemma."""
    for fix in fixes:
        words = content_words(fix)
        if words and all(w in present or any(k.startswith(w[:5]) for k in present if len(w) >= 6) for w in words):
            return True
    return False


def _french(found: list[Token], keys: list[frozenset[str]]) -> bool:
    """The literal rendering is a French expression of the French-to-X dictionaries
    (« prendre en compte », « tenir compte de »): its content words are all among the
    matched words."""
    have = frozenset().union(*keys)
    index = french_expressions()
    for k in have:
        for words in index.get(k, ()):
            if words <= have:
                return True
    return False


def _match(words: list[Token], keys: list[frozenset[str]], i: int, groups: tuple[frozenset[str], ...], window: int) -> list[int] | None:
    """Distinct words from words[i] on, within the window, one per group, words[i] the first
    group it meets."""
    span = range(i + 1, min(len(words), i + window))

    def assign(rest: tuple[frozenset[str], ...], used: tuple[int, ...]) -> tuple[int, ...] | None:
        if not rest:
            return used
        for j in span:
            if j not in used and keys[j] & rest[0] and not words[j].sent_start:
                found = assign(rest[1:], (*used, j))
                if found is not None:
                    return found
        return None

    for g, group in enumerate(groups):
        if keys[i] & group:
            found = assign(groups[:g] + groups[g + 1 :], (i,))
            if found is not None:
                return sorted(found)
    return None


def _conjugated(fix: str, token: Token, verbs: frozenset[str]) -> str:
    """The dictionary's verbal rendering in the tense and person of the literal verb
    (« entre en force » → « entre en vigueur »), ``verbs`` the keys of the literal verb."""
    words = fix.split()
    if not words or slots_of(words[0], words[0]) is None:
        return fix
    infinitives = sorted(w for w in verbs if w.endswith(("er", "ir", "re", "oir")))
    for lemma in (token.lemma, *infinitives):
        found = slots_of(lemma, token.text)
        if found is None:
            continue
        slot = min(found[1], key=lambda x: (not x.endswith("3"), not x.endswith("6"), x != "pp", x))
        try:
            return " ".join([conjugate(words[0])[slot], *words[1:]])
        except (ValueError, KeyError):
            return fix
    return fix


class DictionaryIdiom(Check):
    """A multiword entry of the source dictionary rendered word for word.

    With the source (`--source`) and its FreeDict dictionary installed, an entry of two
    content words or more (« in Kraft treten », « das Handtuch werfen », « in de steek
    laten ») found in the source segment (qa.knowledge.dictionary_idioms), whose content
    words the French sentence renders each by a word the dictionary gives for it, close
    together in one clause, while no rendering of the entry stands in the sentence and the
    literal words make no French expression of the French-to-X dictionaries (« prendre en
    compte »), is reported; the first suggestion is the dictionary's rendering, a verb
    conjugated like the literal one. Without the dictionary the check is silent.

    Mauvais : source « Die Regel tritt im März in Kraft. », cible « La règle entre en force
    en mars. »
    Bon :     « La règle entre en vigueur en mars. »
    """

    code = "SA13"
    priority = 393
    data_files = ("idioms.toml", "conjugation.toml")  # key, the keys of paragraph_words and the conjugated fix
    name = "source.dictionary-idiom"
    category = Category.CALQUE
    summary = "Source multiword expression rendered word for word"
    severity = Severity.WARNING
    needs_nlp = True
    uses_spacy = True
    paragraph_local = True

    def _candidates(self, ctx: Context) -> list[DictIdiom]:
        lang = ctx.source_lang or ""
        if not ctx.source or not ctx.source.strip() or lang not in languages():
            return []
        return [i for i in in_source(ctx.source, lang) if all(literal(i))]

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        return paragraphs_with(doc, (literal(i) for i in self._candidates(ctx)))

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        wanted = self.nlp_paragraphs(doc, ctx)
        if not wanted:
            return
        candidates = self._candidates(ctx)
        analysis = ctx.analysis(doc)
        taken: list[tuple[int, int]] = []
        for words, keys, present in paragraph_words(analysis, wanted):
            for idiom in candidates:
                groups = literal(idiom)
                if not all(present & g for g in groups) or _said(present, idiom.fixes):
                    continue
                for i in range(len(words)):
                    found = _match(words, keys, i, groups, idiom.window)
                    if found is None:
                        continue
                    finding = self._finding(doc, analysis, [words[j] for j in found], [keys[j] for j in found], idiom)
                    if finding is None or any(s < finding.span.end and finding.span.start < e for s, e in taken):
                        continue
                    taken.append((finding.span.start, finding.span.end))
                    yield finding
                    break

    def _finding(self, doc: Document, analysis: Analysis, found: list[Token], keys: list[frozenset[str]], idiom: DictIdiom) -> Finding | None:
        first, last = found[0], found[-1]
        if in_code(doc, first.start) or any(t.text[:1].isupper() and not t.sent_start for t in found):
            return None  # a capital mid-sentence: a name or a title
        if any(t.pos == "PUNCT" and t.text not in "'’-" for t in analysis.in_span(first.start, last.end)):
            return None  # a rendering stands in one clause
        if _french(found, keys):
            return None
        text = doc.text[first.start : last.end]
        inside = {t.start for t in found}
        extra = [key(t.text).rstrip("'") for t in analysis.in_span(first.start, last.end) if t.start not in inside and t.pos != "PUNCT"]
        negation = [w for w in extra if w in _NEGATION]
        fix = idiom.fixes[0]
        verbal = idiom.verb >= 0 and bool(keys[0] & literal(idiom)[idiom.verb])
        if any(w not in _BETWEEN and w not in _NEGATION for w in extra) or (negation and not verbal):
            # another word stands between the literal ones (« prendra les revendications à
            # la connaissance »): the rendering cannot replace the span as it is
            return self.finding(doc, Span(first.start, last.end), f"« {text} » renders « {idiom.idiom} » word for word: « {fix} »")
        if verbal:
            fix = _conjugated(fix, first, keys[0] & literal(idiom)[idiom.verb])
            if negation:  # « ne jetterons pas la serviette » → « ne jetterons pas l'éponge »
                head, _, rest = fix.partition(" ")
                fix = " ".join([head, *negation, rest]).strip()
        fix = match_case(text, fix) if text[:1].isupper() else fix
        return self.finding(
            doc, Span(first.start, last.end), f"« {text} » renders « {idiom.idiom} » word for word: « {fix} »", [fix]
        )
