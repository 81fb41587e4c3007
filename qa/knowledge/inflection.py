"""Gender and number of the nouns a fix puts in place of others, and the agreement of the
words around them, so a replacement noun of another gender or number keeps its determiner
and adjectives in agreement (« une image précise » → « un tableau précis », « leurs
concepts » → « leurs protocoles »).

Genders come from qa/data/gender.tsv, then the French nouns of qa/data/lexicon.tsv, then
spaCy's morphology of the noun read alone and after « chaque » when both readings agree;
None when nothing is sure, and the caller then offers no agreement it cannot check.
"""

from __future__ import annotations

from functools import cache

from qa.data import load_tsv
from qa.knowledge.forms import agree as agree_adjective
from qa.knowledge.forms import plural
from qa.knowledge.name_renderings import lexicon
from qa.knowledge.nlp import pipeline
from qa.knowledge.wordlists import is_french_form

# The words after a noun that end the words agreeing with it (« état des lieux »).
_LINKS = frozenset({"de", "des", "du", "d’", "d'", "à", "au", "aux", "en", "pour", "sur"})


@cache
def listed_names() -> frozenset[str]:
    """The proper names of gender.tsv: countries, regions, institutions (« France », « AIEA »)."""
    return frozenset(name for name, _, _ in load_tsv("gender.tsv") if name[:1].isupper())


@cache
def _listed() -> dict[str, str]:
    out = {}
    for fr, gender, _number in load_tsv("gender.tsv"):
        if fr[:1].islower():
            out[fr] = gender
    for senses in lexicon().values():
        for sense in senses:
            if sense.pos == "noun" and sense.gender[:1] in ("m", "f"):
                out.setdefault(sense.fr.split()[0], sense.gender[:1])
    return out


@cache
def noun_gender(word: str) -> str | None:
    """« m » or « f » for a French common noun (its singular), None when unsure."""
    listed = _listed().get(word)
    if listed is not None:
        return listed
    nlp = pipeline()
    readings = set()
    for frame in ("", "chaque "):
        # The tagger's reading only: the parser and the NER set no part of speech nor gender
        # (the same readings on 3,000 words of wordfreq's list) and cost 60 % of the call.
        tok = nlp(frame + word, disable=["parser", "ner"])[len(frame.split())]
        if tok.pos_ != "NOUN" or len(tok.morph.get("Gender")) != 1:
            return None
        readings.add(tok.morph.get("Gender")[0])
    return {"Masc": "m", "Fem": "f"}.get(readings.pop()) if len(readings) == 1 else None


def plural_phrase(phrase: str) -> str:
    """A bare noun phrase in the plural: the head and its adjectives, up to the first
    preposition (« détail technique » → « détails techniques », « état des lieux » →
    « états des lieux »)."""
    words = phrase.split(" ")
    for k, w in enumerate(words):
        if w.lower() in _LINKS or w.startswith(("d’", "d'")):
            break
        words[k] = plural(w)
    return " ".join(words)


def reagree(text: str, lemma: str, old: tuple[str, str], new: tuple[str, str]) -> str | None:
    """An adjective agreed with ``old`` (gender, number) given in ``new``, or None when its
    masculine singular cannot be found back by the same rules (« précise » → « précis »)."""
    low = text.lower()
    candidates = [lemma.lower(), low[:-1], low[:-2], low]
    base = next((c for c in candidates if c and agree_adjective(c, old[0] + _n(old[1])) == low), None)
    if base is None:
        return None
    form = agree_adjective(base, new[0] + _n(new[1]))
    return form if form == low or is_french_form(form) else None


def _n(number: str) -> str:
    return "p" if number == "p" else ""
