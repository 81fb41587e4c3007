"""The word classes spaCy's lemma tables give: a verb form, an adjective in any gender and
number, the lemmas of a part of speech. The capitals (MC02, MC10) and the missing words (MC15)
ask them of the words around a suspect."""

from __future__ import annotations

from functools import cache

from qa.knowledge.lemmas import lemma_tables


def is_verb_form(word: str) -> bool:
    """A past participle or other inflected verb form (« prévue » of « prévoir »)."""
    lookups = lemma_tables()
    if lookups is None:
        return False
    lemmas = lookups.get_table("lemma_lookup").get(word, [])  # type: ignore[attr-defined]
    lemmas = [lemmas] if isinstance(lemmas, str) else lemmas
    return any(
        lemma != word and lemma.endswith(("er", "ir", "re", "oir")) and word.endswith(_PARTICIPLE)
        for lemma in lemmas
    )


_PARTICIPLE = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "t", "te", "ts", "tes", "ant")


def is_adjective(low: str) -> bool:
    """Nouns that are also adjectives: peoples and groups (« les Arabes », « les Alliés »)."""
    lookups = lemma_tables()
    if lookups is None:
        return False
    table = lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
    lemmas = table.get(low, [low])
    lemmas = [lemmas] if isinstance(lemmas, str) else lemmas
    return low in pos_lemmas("adj") or any(lemma in pos_lemmas("adj") for lemma in lemmas)


def adjective_base(low: str) -> bool:
    """An adjective in any gender and number: « nationales » → « national »."""
    stem = low[:-1] if low.endswith(("s", "x")) else low
    candidates = {low, stem, stem[:-1] if stem.endswith("e") else stem}
    if stem.endswith("nne"):
        candidates.add(stem[:-2])
    if low.endswith("aux"):
        candidates.add(low[:-3] + "al")
    return any(is_adjective(c) for c in candidates)


@cache
def pos_lemmas(pos: str) -> frozenset[str]:
    """The lemmas the tables know for a part of speech: "noun", "verb", "adj"."""
    lookups = lemma_tables()
    return frozenset(lookups.get_table("lemma_index")[pos]) if lookups is not None else frozenset()  # type: ignore[attr-defined]

