"""With a source: « leur » / « leurs » for the possessive of one owner, for PA01.

English « its », German « sein- » and Dutch « z'n » say that the owner is one; MT reading a
collective subject as plural writes « leur » (« La chambre de commerce a indiqué que leurs
membres » for « its members »). In a French sentence whose main clause has a singular noun
subject (or whose subject the possessive determines, « Leurs membres », after a sentence with
one), a possessive « leur » / « leurs » is wrong when the aligned source sentence holds a
possessive of one owner and none that may be of several (pronouns.toml
`source_possessives`; German « ihr- » and Dutch « ze » / « zij » count as possibly plural).
The source is split into sentences like the French paragraph; a paragraph whose sentence
count differs from its source line's is left alone.
"""

from __future__ import annotations

import re
from functools import cache

from qa.checks.agreement._antecedents import Antecedent, norm, tokens_in
from qa.checks.agreement._source_antecedent import Found, source_line, source_sentences
from qa.data import load_toml
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_VOWEL_START = tuple("aeiouyàâäéèêëîïôöùûüœhAEIOUYÀÂÉÈÊÎÔÛH")


@cache
def _possessives() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    raw = load_toml("pronouns.toml")["source_possessives"]
    return {lang: (frozenset(v["singular"]), frozenset(v["plural"])) for lang, v in raw.items()}


def _one_owner(lang: str, sentence: str) -> bool:
    """The source sentence has a possessive of one owner and none that may be of several."""
    singular, plural = _possessives()[lang]
    words = [(m.group(), sentence[m.end() : m.end() + 2]) for m in _WORD.finditer(sentence.replace("’", "'"))]
    low = [w.lower() for w, _ in words]
    if any(w in plural for w in low):
        return False
    for (w, after), lw in zip(words, low):
        if lw in singular and not (lang == "de" and lw == "sein" and not after[1:2].isupper()):
            return True
    return False


def _main_subject(toks: list[Token]) -> Token | None:
    root = next((t for t in toks if t.dep == "ROOT"), None)
    if root is None:
        return None
    return next((t for t in toks if t.head == root.i and t.dep in ("nsubj", "nsubj:pass")), None)


def _subject(doc: Document, toks: list[Token]) -> Antecedent | None:
    """The main clause's singular noun subject, with its determiner."""
    subj = _main_subject(toks)
    if subj is None or subj.pos not in ("NOUN", "PROPN") or subj.morph.get("Number") == "Plur":
        return None
    det = next((t for t in toks if t.head == subj.i and t.dep == "det" and t.i < subj.i), None)
    start = det.start if det is not None else subj.start
    gender = "f" if subj.morph.get("Gender") == "Fem" else "m"
    return Antecedent(Span(start, subj.end), doc.text[start : subj.end], gender, "s")


def _right(t: Token, toks: list[Token]) -> str:
    if norm(t.text) == "leurs":
        word = "ses"
    else:
        noun = next((n for n in toks if n.i == t.head), None)
        feminine = noun is not None and noun.morph.get("Gender") == "Fem"
        word = "sa" if feminine and not noun.text.startswith(_VOWEL_START) else "son"
    return word.capitalize() if t.text[:1].isupper() else word


def possessives(doc: Document, para: int, analysis: Analysis, source: str | None, lang: str | None) -> list[Found]:
    line = source_line(doc, para, source)
    if line is None or lang not in _possessives():
        return []
    src = source_sentences(line)
    sents = doc.sentences_in(doc.paragraphs[para])
    if len(src) != len(sents):
        return []
    out = []
    prev: list[Token] = []
    for sent, source_sentence in zip(sents, src):
        toks, before = tokens_in(analysis, sent), prev
        prev = toks
        mine = [t for t in toks if norm(t.text) in ("leur", "leurs") and t.pos == "DET" and t.morph.get("Poss") == "Yes"]
        if not mine or not _one_owner(lang, source_sentence):
            continue
        subj = _main_subject(toks)
        # « La communauté … Leurs membres ont recueilli »: the owner of the subject itself is the
        # subject of the sentence before.
        owned = subj is not None and any(t.head == subj.i for t in mine)
        subject = _subject(doc, before) if owned else _subject(doc, toks)
        if subject is None:
            continue
        out.extend(Found(t, subject, (), _right(t, toks)) for t in mine)
    return out
