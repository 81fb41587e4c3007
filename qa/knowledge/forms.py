"""French plural and feminine forms of nouns and adjectives: one place for the rules that
name renderings (qa.knowledge.name_renderings) and replacement fixes (qa.knowledge.inflection) share.

The plural is the regular rule's candidate that the French lexicon knows as a word form
(spaCy's lemmatizer tables, qa.knowledge.wordlists), so the exceptions need no list of
their own: « bleus », « pneus », « festivals », « bijoux », « travaux ». A word the lexicon
does not know (a name, a coinage) takes the first candidate of the rule.
"""

from __future__ import annotations

from functools import cache

from qa.knowledge.wordlists import is_french_form

_FEMININE_ENDINGS = (("ier", "ière"), ("er", "ère"), ("eux", "euse"), ("if", "ive"), ("el", "elle"),
                     ("en", "enne"), ("on", "onne"), ("eau", "elle"))
_LINKED = ("de ", "du ", "d’", "des ")


def _candidates(word: str) -> list[str]:
    out = []
    if word.endswith("al"):
        out.append(word[:-2] + "aux")
    if word.endswith("ail"):
        out.append(word[:-3] + "aux")
    if word.endswith(("au", "eu", "ou")):
        out.append(word + "x")
    out.append(word + "s")
    return out


@cache
def plural(word: str) -> str:
    """The plural of a noun or adjective (« tableau » → « tableaux », « bleu » → « bleus »)."""
    if not word or word.endswith(("s", "x", "z")):
        return word
    candidates = _candidates(word)
    return next((c for c in candidates if is_french_form(c)), candidates[0])


def feminine(adj: str) -> str:
    """The feminine of an adjective (a lexicon entry « m/f » gives it outright)."""
    if "/" in adj:
        return adj.split("/")[1]
    if adj.startswith(_LINKED):
        return adj
    last = adj.split()[-1] if " " in adj else adj
    for a, b in _FEMININE_ENDINGS:
        if last.endswith(a):
            return adj[: len(adj) - len(a)] + b
    return adj if last.endswith("e") else adj + "e"


def agree(adj: str, gender: str) -> str:
    """An adjective agreed with a gender code of the lexicon (« m », « f », « mp », « fp »)."""
    base = adj.split("/")[0]
    form = feminine(adj) if gender.startswith("f") else base
    if gender.endswith("p") and not form.startswith(_LINKED[:3]):
        form = plural(form)
    return form
