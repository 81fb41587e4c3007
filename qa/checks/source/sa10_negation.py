"""SA10: a negation of the source missing from the target.

Negation is the meaning error MT makes that no French reader can see: « Die Forscher hatten
nicht mit einem so raschen Rückgang gerechnet » → « Les chercheurs s'attendaient à un recul
aussi rapide » is fluent French. The words that negate are few and closed in every language
(qa/data/meaning.toml, after the reference grammars cited there), so their presence can be
compared between a source sentence and its translation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.source._shared import sentence_pairs, whole
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_WORD = re.compile(r"[^\W\d_]+(?:n['’]t)?|\d+")
_FR_WORD = re.compile(r"[^\W\d_]+['’]?|\d+")
# « ne » and « n' » open a negation whose second word (« pas », « plus »…) follows within
# this many words (« ne le leur a pas dit »).
_NE_REACH = 5
@cache
def _data() -> dict:
    return load_toml("meaning.toml")


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Lower-case words, « n't » apart, each with whether a hyphen joins it to the next
    (« never-ending »)."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group().lower().replace("’", "'")
        joined = text[m.end() : m.end() + 1] == "-"
        if w.endswith("n't") and len(w) > 3:
            out += [(w[:-3], False), ("n't", joined)]
        else:
            out.append((w, joined))
    return out


def _words(text: str) -> list[str]:
    return [w for w, _ in _tokens(text)]


def source_negations(text: str, lang: str) -> list[str]:
    """The negation words of a source sentence, those of fixed phrases that French renders
    without a negation (« not only », « nicht selten », « no more than », « whether or not »)
    and those joined by a hyphen (« never-ending ») left out."""
    data = _data()
    markers = set(data["negation"].get(lang, ()))
    skips = data["negation_skip"].get(lang, ())
    before = set(data["negation_skip"]["before"])
    prefixes = tuple(data["negation_skip"]["litotes_prefixes"])
    tokens = _tokens(text)
    words = [w for w, _ in tokens]
    out = []
    for i, (w, joined) in enumerate(tokens):
        if w not in markers or joined or (i > 0 and words[i - 1] in before):
            continue
        if lang == "en" and w == "no" and i + 1 < len(words) and words[i + 1].isdigit():
            continue  # « No. 5 »
        after = " ".join(words[i + 1 : i + 4])
        if any(after == s or after.startswith(s + " ") for s in skips):
            continue
        following = words[i + 1] if i + 1 < len(words) else ""
        if len(following) > 5 and following.startswith(prefixes):
            continue  # litotes: « nicht unwichtig », « not unlike »
        out.append(w)
    return out


def _french_words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _FR_WORD.finditer(text)]


def french_negations(text: str) -> list[tuple[int, int, str]]:
    """The negation words of a French sentence: « jamais », « aucun », « sans »… alone, and
    « plus », « personne », « point » after « ne » (« ne … que » restricts: « que » does not
    count), « pas » alone (« Pas vraiment. »), « ne » alone (« il ne peut le dire »), and the
    words that say a negation with their meaning (« impossible », « sauf »)."""
    data = _data()["negation"]
    strong, weak = set(data["fr_strong"]), set(data["fr_weak"])
    extra = set(data["fr_lexical"])
    words = _french_words(text)
    out = []
    for i, (s, e, w) in enumerate(words):
        bare = w.rstrip("'")
        if bare in strong or bare in extra:
            out.append((s, e, bare))
        elif bare in weak and (bare == "pas" or any(x[2] in ("ne", "n'") for x in words[max(0, i - _NE_REACH) : i])):
            out.append((s, e, bare))  # « Pas vraiment. », « et pas seulement »: elliptic
        elif bare == "personne" and i + 1 < len(words) and words[i + 1][2] in ("ne", "n'"):
            out.append((s, e, bare))  # « personne ne sait »
        elif w in ("ne", "n'"):
            out.append((s, e, bare))
    return out


class NegationParity(Check):
    """A negation of the source that the target lost.

    A sentence of the source holds a word that negates (« nicht », « kein », « niet »,
    « geen », « not », « never », « without »…) and its French translation none: no « ne …
    pas », « jamais », « aucun », « sans », « ni », nor a word that says the negation with its
    meaning (« impossible », « sauf »). Or the other way: the French negates with « ne … pas »,
    « jamais », « aucun » and the source sentence has no negation at all. Sentences are paired
    when both sides have as many; otherwise the segment is compared whole. Fixed phrases that
    French renders without a negation (« not only », « nicht selten », « no more than ») are
    left out. A negation the target adds is not reported: French says with « ne … pas » what
    the source says with a verb or an affix (« ausbleiben », « verfehlt », « outside »), and on
    human translations those were most of what such a finding found. Nothing is suggested:
    where the negation goes is the translator's call.

    Mauvais : source « Die Forscher hatten nicht damit gerechnet. », cible « Les chercheurs s'y attendaient. »
    Bon :     source « Die Forscher hatten nicht damit gerechnet. », cible « Les chercheurs ne s'y attendaient pas. »
    """

    code = "SA10"
    priority = 396
    segment_wide = True
    autofix = "none"
    data_files = ("meaning.toml",)
    name = "source.negation"
    category = Category.MISTRANSLATION
    summary = "Negation of the source missing from the target"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        lang = ctx.source_lang or "en"
        if not ctx.source or lang not in _data()["negation"] or not doc.text.strip():
            return
        for source, offset, target in sentence_pairs(ctx.source, doc.text, lang):
            negations = source_negations(source, lang)
            if negations and set(_words(source)) & set(_data()["negation_skip"]["double"]):
                continue  # a double negation, which French may say positively
            if negations and not french_negations(target):
                listed = ", ".join(f"« {w} »" for w in dict.fromkeys(negations))
                span = whole(doc) if offset == 0 and target == doc.text else Span(offset, offset + len(target.rstrip()))
                yield self.finding(doc, span, f"the source negates ({listed}) and the target does not: meaning reversed?")
