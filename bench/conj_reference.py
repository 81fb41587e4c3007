"""Grammalecte's conjugator as a reference for qa's (qa.knowledge.conjugation): the verbs to
compare, their forms in qa's slots, and the comparison of the two. Used by bench/conj_vs_grammalecte.py and by the
invariant test tests/test_conjugation_reference.py (skipped when Grammalecte is missing)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from qa.data import load_toml
from qa.knowledge.conjugation import conjugate
from qa.knowledge.rules import load_rules

# qa's slot prefixes → Grammalecte's tense tags; persons in qa's order
TENSES = {"pres": ":Ip", "impf": ":Iq", "fut": ":If", "cond": ":K", "subj": ":Sp", "ps": ":Is"}
PERSONS = (":1s", ":2s", ":3s", ":1p", ":2p", ":3p")
_VERB = re.compile(r"^[a-zàâçéèêëîïôûùüÿœ]+(?:er|ir|re|oir)$")


def _words(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value} if _VERB.match(value) else set()
    if isinstance(value, list):
        return {w for v in value for w in _words(v)}
    return set()


def data_verbs() -> set[str]:
    """The verbs qa's data names: rule patterns and fix templates, government heads,
    reporting verbs, the verb lists of pronouns.toml, the conjugation data itself."""
    out: set[str] = set()
    for name, key in (("false_friends.toml", "entry"), ("calques.toml", "rule")):
        for rule in load_rules(name, key):
            out.update(v for item in rule.items if item.kind == "verb" for v in item.values)
            out.update(v for fix in rule.fixes for v in re.findall(r"<([^>]+)>", fix))
    for head in load_toml("government.toml")["head"]:
        if head["pos"] == "verb":
            out.update(w.removeprefix("s'") for w in head["words"])
    out.update(load_toml("calques.toml")["reporting"]["verbs"])
    for key, value in load_toml("pronouns.toml").items():
        if key.endswith("_verbs"):
            out.update(_words(value))
    conj = load_toml("conjugation.toml")
    out.update(conj["tables"], conj["regular_ir"], conj["etre_verbs"])
    return {v for v in out if _VERB.match(v)}


def all_verbs() -> set[str]:
    """Every verb Grammalecte knows (spaCy's lemma index adds none it could check)."""
    from grammalecte.fr import conj

    return {v for v in conj._dVerb if _VERB.match(v)}  # noqa: SLF001 - no public list of its verbs


def reference_forms(verb: str) -> dict[str, str] | None:
    """Grammalecte's forms of verb in qa's slots, None when Grammalecte does not know it."""
    from grammalecte.fr import conj

    if not conj.isVerb(verb):
        return None
    table = conj.Verb(verb).dConj
    out = {"inf": verb, "ppr": table[":P"][":P"], "pp": table[":Q"][":m:s"]}
    for slot, tag in TENSES.items():
        for i, person in enumerate(PERSONS):
            out[f"{slot}{i + 1}"] = table[tag][person]
    return {k: v for k, v in out.items() if v}


@dataclass
class Comparison:
    """qa's conjugations against Grammalecte's, over the verbs both know."""

    compared: int = 0  # verbs qa conjugates
    refused: int = 0  # verbs qa's tables refuse (ValueError)
    # (verb, slot, qa's form or None when qa has no such slot, Grammalecte's form)
    differences: list[tuple[str, str, str | None, str]] = field(default_factory=list)


def compare(verbs: Iterable[str]) -> Comparison:
    """Every slot of every verb (in alphabetical order) that Grammalecte knows and qa
    conjugates, where qa's form is not Grammalecte's."""
    out = Comparison()
    for verb in sorted(verbs):
        ref = reference_forms(verb)
        if ref is None:
            continue
        try:
            ours = conjugate(verb)
        except ValueError:
            out.refused += 1
            continue
        out.compared += 1
        out.differences += [(verb, slot, ours.get(slot), want) for slot, want in ref.items() if ours.get(slot) != want]
    return out


def pattern_of(verb: str) -> str:
    """The table or regular pattern qa's conjugator uses for verb."""
    conj = load_toml("conjugation.toml")
    for key in sorted(conj["tables"], key=len, reverse=True):
        if verb == key or (verb.endswith(key) and len(key) > 3):
            return f"table {key}"
    return "regular -" + ("er" if verb.endswith("er") else "ir" if verb.endswith("ir") else "re")
