"""SA10: a negation of the source missing from the target, or a negation the target adds.

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
from qa.checks.prose import in_code
from qa.checks.source._shared import aligned, strip_placeholders, whole
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


def _words(text: str) -> list[str]:
    out = []
    for m in _WORD.finditer(text):
        w = m.group().lower().replace("’", "'")
        if w.endswith("n't") and len(w) > 3:
            out += [w[:-3], "n't"]
        else:
            out.append(w)
    return out


def source_negations(text: str, lang: str) -> list[str]:
    """The negation words of a source sentence, those of fixed phrases that French renders
    without a negation (« not only », « nicht selten », « no more than ») left out."""
    data = _data()
    markers = set(data["negation"].get(lang, ()))
    skips = data["negation_skip"].get(lang, ())
    prefixes = tuple(data["negation_skip"]["litotes_prefixes"])
    words = _words(text)
    out = []
    for i, w in enumerate(words):
        if w not in markers:
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


def french_negations(text: str, lexical: bool) -> list[tuple[int, int, str]]:
    """The negation words of a French sentence: « jamais », « aucun », « sans »… alone, and
    « pas », « plus », « personne », « point » after « ne » (« ne … que » restricts and
    « ne » explétif negates nothing: neither counts). ``lexical`` adds the words that say a
    negation with their meaning (« impossible », « sauf »), and « ne » alone (« il ne peut
    le dire »)."""
    data = _data()["negation"]
    strong, weak = set(data["fr_strong"]), set(data["fr_weak"])
    extra = set(data["fr_lexical"]) if lexical else set()
    words = _french_words(text)
    out = []
    for i, (s, e, w) in enumerate(words):
        bare = w.rstrip("'")
        if bare in strong or bare in extra:
            out.append((s, e, bare))
        elif bare in weak and ((lexical and bare == "pas") or any(x[2] in ("ne", "n'") for x in words[max(0, i - _NE_REACH) : i])):
            out.append((s, e, bare))  # « Pas vraiment. », « et pas seulement »: elliptic
        elif bare == "personne" and i + 1 < len(words) and words[i + 1][2] in ("ne", "n'"):
            out.append((s, e, bare))  # « personne ne sait »
        elif lexical and w in ("ne", "n'"):
            out.append((s, e, bare))
    return out


class NegationParity(Check):
    """A negation of the source that the target lost, or one the target added.

    A sentence of the source holds a word that negates (« nicht », « kein », « niet »,
    « geen », « not », « never », « without »…) and its French translation none: no « ne …
    pas », « jamais », « aucun », « sans », « ni », nor a word that says the negation with its
    meaning (« impossible », « sauf »). Or the other way: the French negates with « ne … pas »,
    « jamais », « aucun » and the source sentence has no negation at all. Sentences are paired
    when both sides have as many; otherwise the segment is compared whole. Fixed phrases that
    French renders without a negation (« not only », « nicht selten », « no more than ») are
    left out. Nothing is suggested: where the negation goes is the translator's call.

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
    summary = "Negation of the source missing from the target, or added by it"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        lang = ctx.source_lang or "en"
        if not ctx.source or lang not in _data()["negation"] or not doc.text.strip():
            return
        for source, offset, target in aligned(strip_placeholders(ctx.source), doc.text):
            negations = source_negations(source, lang)
            if negations and set(_words(source)) & set(_data()["negation_skip"]["double"]):
                continue  # a double negation, which French may say positively
            if negations and not french_negations(target, lexical=True):
                listed = ", ".join(f"« {w} »" for w in dict.fromkeys(negations))
                span = whole(doc) if offset == 0 and target == doc.text else Span(offset, offset + len(target.rstrip()))
                yield self.finding(doc, span, f"the source negates ({listed}) and the target does not: meaning reversed?")
            elif not negations and not _negative_source(source, lang):
                added = [(s, e, w) for s, e, w in french_negations(target, lexical=False) if w not in ("sans", "non", "ni")]
                if added and not in_code(doc, offset + added[0][0]):
                    s, e, w = added[0]
                    yield self.finding(
                        doc, Span(offset + s, offset + e), f"« {w} » negates, and the source sentence has no negation: meaning reversed?"
                    )


def _negative_source(text: str, lang: str) -> bool:
    """The source negates with a fixed phrase or an affix French may render by « ne … pas »
    (« not only », « unknown », « kaum », « fail »), which source_negations leaves out."""
    words = _words(text)
    markers = set(_data()["negation"].get(lang, ()))
    if any(w in markers for w in words):
        return True
    return any(
        w.startswith(("un", "on", "in", "im", "ir", "il", "dis", "non")) and len(w) > 6 or w.endswith(("los", "loos", "less", "frei", "vrij", "free"))
        or w in _RESTRICTIVE
        or w in _data()["negation_skip"]["double"]
        for w in words
    )


# Source words French often renders with a negation: « only » (« ne … que » is no negation,
# but « nur noch » → « ne … plus que »), « hardly », « fail », « until », « before », « lack ».
_RESTRICTIVE = frozenset(
    "only just kaum nauwelijks hardly barely scarcely fail fails failed failing lack lacks lacking unless until bis tot "
    "erst pas before bevor voordat avoid avoided vermeiden vermijden refuse refused weigern weigerde verweigert "
    "stop stopped stoppen aufhören ophouden deny denied leugnen ontkennen nur alleen slechts remain still noch nog "
    "anymore longer mehr meer lost verloren missing fehlt fehlen ontbreekt ontbreken absent".split()
)
