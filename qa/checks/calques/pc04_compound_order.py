"""PC04: a noun-noun compound of the source rendered word for word, in its order (head last)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.calques._shared import section
from qa.checks.prose import in_code, in_quotes
from qa.knowledge.lemmas import lemma_tables
from qa.knowledge.wordlists import is_french_form, zipf
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import fold_key, is_sentence_start, starts_with_vowel_sound, word_list

# A noun whose plural is this much rarer than its singular is a mass noun (« cuir », « acier »).
_MASS_GAP = 0.3
# Feminine endings of adjectives and their masculine (the lemma tables list the masculine).
_FEMININE = (("ière", "ier"), ("euse", "eux"), ("ive", "if"), ("elle", "el"), ("enne", "en"), ("e", ""))


@cache
def _prefixes() -> frozenset[str]:
    return frozenset(fold_key(p) for p in section("compound_order")["prefixes"])


@cache
def _ranges() -> frozenset[str]:
    return frozenset(section("compound_order")["ranges"])


@cache
def _index(pos: str) -> frozenset[str]:
    tables = lemma_tables()
    if tables is None:
        return frozenset()
    return frozenset(tables.get_table("lemma_index")[pos])  # type: ignore[attr-defined]


def _verb_stem(word: str) -> bool:
    """« porte », « lance », « essuie », « abat »: the verb of a French verb-noun compound."""
    verbs = _index("verb")
    return any(v in verbs for v in (word + "r", word + "re", word + "tre", word[:-2] + "yer", word[:-1] + "ir"))


def _adjective(word: str) -> bool:
    """« financière », « publics »: a form of an adjective of the lemma tables."""
    adjectives = _index("adj")
    sing = _singular(word)
    return sing in adjectives or any(sing.endswith(f) and sing[: -len(f)] + m in adjectives for f, m in _FEMININE)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith(("s", "x")) else word


def _noun(word: str) -> bool:
    return word in _index("noun") or _singular(word) in _index("noun")


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    return word + "x" if word.endswith(("eau", "au", "eu")) else word + "s"


def _fold(word: str) -> str:
    return _singular(fold_key(word))


class CompoundOrder(Check):
    """A hyphenated noun-noun compound in the source's order, the head last.

    Dutch and German put the modifier first (« Diamant-Colliers », « Finanz-Diva »);
    MT keeps that order with a hyphen (« diamant-colliers », « Financière-Diva »), where
    French puts the head first and links with « de » (« colliers de diamants »). With a
    German or Dutch source (an English one turns the check off), a hyphenated French word
    that is no French compound, whose last or first part
    stands as a part of a hyphenated source word, is flagged. Without it, the shape alone
    is telling: a singular noun then a plural one (« diamant-colliers »), for French
    noun-noun compounds put both parts in the plural (« wagons-lits ») and verb-noun ones
    start with a verb (« porte-avions »). The fix « N2 de N1 » is given only when the first
    part is a noun and no adjective (« Financière-Diva » gets no fix: « la diva de la finance »).

    Mauvais : « Caviar, art, or, diamant-colliers : le luxe a de nombreuses facettes. »
    Bon :     « Caviar, art, or, colliers de diamants : le luxe a de nombreuses facettes. »
    """

    code = "PC04"
    uses_spacy = True  # the lemma tables (_index), through spaCy's string hashing
    priority = 325
    data_files = ("calques.toml",)
    paragraph_local = True
    name = "calque.compound-order"
    category = Category.CALQUE
    summary = "Noun-noun compound in the source's order (head last), hyphenated"
    autofix = "some"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        # English hyphenates adjectival compounds French keeps as they are (« dose-response »
        # → « dose-réponse »): only German and Dutch hyphenated compounds are read.
        source_parts = _source_parts(ctx.source) if ctx.source and ctx.source_lang in ("de", "nl") else None
        if ctx.source and source_parts is None:
            return
        for s, e, w in word_list(doc.text):
            parts = w.split("-")
            if len(parts) != 2 or not all(p.isalpha() and len(p) >= 3 for p in parts):
                continue
            if in_code(doc, s) or in_quotes(doc, s) or not self._shape(w, doc, s):
                continue
            a, b = (p.lower() for p in parts)
            if source_parts is not None:
                if not (_fold(b) in source_parts[1] or _fold(a) in source_parts[0]):
                    continue
            elif not self._bare_shape(a, b):
                continue
            fix = self._fix(a, b, w)
            yield self.finding(
                doc, Span(s, e),
                f"« {w} » keeps the source's order (the head last); French puts the head first"
                + (f": « {fix[0]} »" if fix else " and links with « de »"),
                suggestions=fix,
            )

    @staticmethod
    def _shape(word: str, doc: Document, s: int) -> bool:
        """Two French words hyphenated into no French compound; capitals only at a sentence
        start or on each part of a title-cased pair (« Financière-Diva »)."""
        a, b = word.split("-")
        if not (word.islower() or (a.istitle() and (b.islower() or b.istitle()) and is_sentence_start(doc.text, s))):
            return False
        if is_french_form(word.lower()) or fold_key(a) in _prefixes() or {a.lower(), b.lower()} & _ranges():
            return False
        return all(is_french_form(p.lower()) and _noun(p.lower()) for p in (a, b))

    @staticmethod
    def _bare_shape(a: str, b: str) -> bool:
        """Without a source: a singular noun, no verb nor adjective, before a plural noun
        (not a noun whose singular ends in « s »: « janvier-mars », « mi-temps »)."""
        if a.endswith(("s", "x")) or not b.endswith(("s", "x")) or _singular(b) == a or b in _index("noun"):
            return False
        return a in _index("noun") and not _adjective(a) and not _verb_stem(a) and _singular(b) in _index("noun") \
            and is_french_form(_singular(b))

    @staticmethod
    def _fix(a: str, b: str, word: str) -> list[str]:
        if _adjective(a) or a not in _index("noun"):
            return []
        # A count noun goes plural after a plural head (« colliers de diamants »), a mass
        # noun stays singular (« sacs de cuir »): told apart by how often the plural is used.
        count = zipf(_plural(a)) >= zipf(a) - _MASS_GAP
        n1 = _plural(a) if b.endswith(("s", "x")) and count else a
        link = "d’" if starts_with_vowel_sound(n1) else "de "
        out = f"{b} {link}{n1}"
        return [out[:1].upper() + out[1:] if word[:1].isupper() else out]


def _source_parts(source: str) -> tuple[set[str], set[str]]:
    """The first and the last parts of the source's hyphenated words, folded."""
    firsts: set[str] = set()
    lasts: set[str] = set()
    for _, _, w in word_list(source):
        parts = [p for p in w.split("-") if p]
        if len(parts) >= 2 and not any(p.isupper() for p in parts):
            firsts.add(_fold(parts[0]))
            lasts.add(_fold(parts[-1]))
    return firsts, lasts


