"""SY02: a German extended attribute rendered word for word: an article, then the
participle's phrase, then the noun (« le par la ville financé projet »)."""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.scope import paragraph_words
from qa.checks.syntax._shared import is_word, nominal, participle, plural, present_participle, words
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import starts_with_vowel_sound

_REACH = 10  # the noun stands at most this many words after the preposition


def _w(key: str) -> frozenset[str]:
    return words("attribute", key)


def _modifier(t: Token) -> bool:
    return t.pos == "ADJ" or participle(t) is not None or present_participle(t)


def _head(toks: list[Token], det: Token, prep: Token) -> Token | None:
    """The noun the attribute belongs to: the first lower-case noun, two words or more after
    the preposition, right after a participle, an adjective, a noun or a number, and of the
    article's number (« les à distance consultations »: not « distance »)."""
    many = det.text.lower() in ("les", "des", "ces", "ses", "leurs", "nos", "vos")
    for j in range(prep.i + 2, min(prep.i + 2 + _REACH, len(toks))):
        t, before = toks[j], toks[j - 1]
        if t.para != det.para or not is_word(t) or (t.pos in ("VERB", "AUX") and not _modifier(t) and not nominal(t)):
            return None
        verbal = participle(t) is not None or present_participle(t)
        if not t.text.islower() or not t.text.isalpha() or not nominal(t) or (verbal and t.pos != "NOUN"):
            continue
        if before.pos in ("DET", "ADP") or before.text.lower() in _w("prepositions"):
            continue
        if plural(t) == many:
            return t
    return None


class ExtendedAttribute(Check):
    """A German extended attribute kept in its order: article, phrase, participle, noun.

    German puts a participle with its own complements between the article and the noun
    (« der von der Stadt finanzierte Bau », « die aus dem Tessin kommenden Züge »); MT that
    keeps the order writes « le par la ville financé projet », « les du Tessin venant
    trains ». French never writes an article directly before a preposition, save the pairs
    of qa/data/syntax.toml (clitic pronouns « les en empêcher », « un à un », « le pour et
    le contre »). The fix puts the noun after the article and the participle, with its
    phrase, after the noun.

    Mauvais : « Le par le Land promis soutien couvre un tiers des coûts. »
    Bon :     « Le soutien promis par le Land couvre un tiers des coûts. »
    """

    code = "SY02"
    priority = 315
    data_files = ("syntax.toml", "conjugation.toml")
    paragraph_local = True
    name = "calque.extended-attribute"
    category = Category.CALQUE
    summary = "Article, phrase and participle before the noun (German extended attribute)"
    needs_nlp = True
    nlp_components = ()

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        dets = {d.rstrip("'’") for d in _w("determiners")}
        return {k for k, ws in enumerate(paragraph_words(doc, ctx)) if not ws.isdisjoint(dets)}

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        toks = ctx.analysis(doc).tokens
        text = doc.text
        for det, prep in zip(toks, toks[1:], strict=False):
            d, p = det.text.lower(), prep.text.lower()
            if d not in _w("determiners") or p not in _w("prepositions") or prep.para != det.para:
                continue
            if f"{d} {p}" in _w("allowed") or (det.start and text[det.start - 1] in "-‑"):
                continue  # « les en empêcher », « donne-le à Paul »
            if prep.i + 1 < len(toks) and toks[prep.i + 1].text.lower() in ("et", "ou", ","):
                continue  # « le pour et le contre »: the preposition is a noun
            head = _head(toks, det, prep)
            if head is None:
                continue
            between = toks[prep.i : head.i]
            if _modifier(between[-1]) and len(between) > 1:
                moved = f"{between[-1].text} {text[between[0].start:between[-2].end]}"
            else:
                moved = text[between[0].start : between[-1].end]
            article = det.text
            if d in ("le", "la") and starts_with_vowel_sound(head.text):
                article = det.text[0] + ("’" if "’" in text else "'")
                phrase = f"{article}{head.text} {moved}"
            else:
                phrase = f"{article} {head.text} {moved}"
            yield self.finding(doc, Span(det.start, head.end),
                               f"« {det.text} {prep.text} … {head.text} »: the phrase stands between the article and its noun (German word order)", [phrase])
