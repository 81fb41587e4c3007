"""The gender of the article a fix puts before a common noun (« a démantelé bande » →
« une bande »): the lists qa.knowledge.inflection reads, then the nouns mined from UD
French-GSD (qa/data/noun_genders.tsv, bench/mine_noun_genders.py), then spaCy's reading.

noun_gender, which decides what the agreement checks report, keeps its narrower sources;
this one only chooses the words of a suggestion, where a wider lexicon costs no precision.
"""

from __future__ import annotations

from functools import cache

from qa.data import load_tsv
from qa.knowledge.inflection import _listed, noun_gender


@cache
def _mined() -> dict[str, str]:
    return {lemma: gender for lemma, gender in load_tsv("noun_genders.tsv")}


@cache
def article_gender(word: str) -> str | None:
    """« m » or « f » for a French common noun (its singular), None when unsure."""
    mined = _mined()
    return _listed().get(word) or mined.get(word) or noun_gender(word)


def listed_gender(word: str) -> str | None:
    """« m » or « f » from the noun lists alone (qa.knowledge.inflection's and the nouns mined
    from UD French-GSD), without spaCy's reading of a word out of context."""
    return _listed().get(word) or _mined().get(word)


def sure_gender(word: str) -> str | None:
    """« m » or « f » when the noun lists (qa.knowledge.inflection's) and the nouns mined from UD
    French-GSD do not disagree: a noun of both genders (« la critique », « le critique »; « le
    poste », « la poste ») gets None. For the agreement checks that report on the gender alone."""
    listed, mined = _listed().get(word), _mined().get(word)
    if listed is not None and mined is not None and listed != mined:
        return None
    return listed or mined
