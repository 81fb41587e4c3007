"""Conjugation and agreement for the fix templates of the phrase-rule engine.

Fixes keep the tense and person of the matched verb (« ferait sens » → « aurait du
sens »), so every simple form of a verb is generated here, from the regular -er / -ir /
-re patterns or from the irregular tables in qa/data/calques.toml ([conjugation]).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from qa.data import load_toml
from qa.model.textutil import fold_key

PERSONS = ("pres", "impf", "fut", "cond", "subj", "ps")
_ER = {"pres": ("e", "es", "e", "ons", "ez", "ent"), "ps": ("ai", "as", "a", "âmes", "âtes", "èrent")}
_IMPF = ("ais", "ais", "ait", "ions", "iez", "aient")
_FUT = ("ai", "as", "a", "ons", "ez", "ont")
_SUBJ = ("e", "es", "e", "ions", "iez", "ent")
AGREE_ENDINGS = {"": ("m", "s"), "e": ("f", "s"), "s": ("m", "p"), "es": ("f", "p")}


def _regular(verb: str) -> dict[str, str]:
    forms: dict[str, str] = {"inf": verb}
    if verb.endswith("er"):
        stem = verb[:-2]
        def soft(ending: str) -> str:  # lancer → lançons, manger → mangeons
            if ending[:1] in "aâo":
                return stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
            return stem
        def grave(ending: str) -> str:  # régler → règle before a silent ending
            s = soft(ending)
            return s[: s.rfind("é")] + "è" + s[s.rfind("é") + 1:] if re.search(r"é[^aeiouyé]+$", s) else s
        for i in range(6):
            forms[f"pres{i+1}"] = (grave if i in (0, 1, 2, 5) else soft)(_ER["pres"][i]) + _ER["pres"][i]
            forms[f"subj{i+1}"] = (grave if i in (0, 1, 2, 5) else soft)(_SUBJ[i]) + _SUBJ[i]
            forms[f"impf{i+1}"] = soft(_IMPF[i]) + _IMPF[i]
            forms[f"fut{i+1}"] = verb + _FUT[i]
            forms[f"cond{i+1}"] = verb + _IMPF[i]
            forms[f"ps{i+1}"] = soft(_ER["ps"][i]) + _ER["ps"][i]
        forms["pp"], forms["ppr"] = stem + "é", soft("ant") + "ant"
        return forms
    stem = verb[:-2]
    if verb.endswith("ir"):  # finir
        pres = ("is", "is", "it", "issons", "issez", "issent")
        impf_stem, pp = stem + "iss", stem + "i"
        ps = tuple(stem + e for e in ("is", "is", "it", "îmes", "îtes", "irent"))
    else:  # vendre, dépendre
        pres = ("s", "s", "", "ons", "ez", "ent")
        impf_stem, pp = stem, stem + "u"
        ps = tuple(stem + e for e in ("is", "is", "it", "îmes", "îtes", "irent"))
    table = {"pres": [stem + e for e in pres], "impf_stem": impf_stem, "fut_stem": verb.rstrip("e"),
             "ps": list(ps), "pp": pp}
    return _from_table(verb, table)


def _from_table(verb: str, t: dict[str, Any]) -> dict[str, str]:
    forms: dict[str, str] = {"inf": verb, "pp": t["pp"]}
    impf_stem = t.get("impf_stem", t["pres"][3][:-3])
    subj = t.get("subj") or [t["pres"][5][:-3] + e for e in _SUBJ[:3]] + [impf_stem + e for e in _SUBJ[3:5]] + [t["pres"][5][:-3] + "ent"]
    for i in range(6):
        forms[f"pres{i+1}"] = t["pres"][i]
        forms[f"impf{i+1}"] = t.get("impf", [impf_stem + e for e in _IMPF])[i]
        forms[f"fut{i+1}"] = t["fut_stem"] + _FUT[i]
        forms[f"cond{i+1}"] = t["fut_stem"] + _IMPF[i]
        forms[f"subj{i+1}"] = subj[i]
        forms[f"ps{i+1}"] = t["ps"][i]
    forms["ppr"] = t.get("ppr", impf_stem + "ant")
    return forms


@cache
def conjugate(verb: str) -> dict[str, str]:
    """Every simple form of verb by slot ("pres3", "pp", "inf", …)."""
    conf = load_toml("calques.toml")["conjugation"]
    tables: dict[str, Any] = conf["tables"]
    for key in sorted(tables, key=len, reverse=True):
        if verb == key or (verb.endswith(key) and len(key) > 3):
            prefix = verb[: len(verb) - len(key)]
            return {slot: prefix + form for slot, form in _from_table(key, tables[key]).items()}
    if verb.endswith("ir") and verb not in conf["regular_ir"]:
        raise ValueError(f"no conjugation for {verb!r}: add a table or list it in regular_ir")
    return _regular(verb)


@cache
def form_slots(verb: str) -> dict[str, tuple[str, ...]]:
    """Folded surface form → the slots it fills (participles with their agreement)."""
    out: dict[str, list[str]] = {}
    for slot, form in conjugate(verb).items():
        out.setdefault(fold_key(form), []).append(slot)
        if slot == "pp" and form != "été":
            for end in ("e", "es") + (() if form.endswith("s") else ("s",)):
                out.setdefault(fold_key(form + end), []).append("pp")
    return {k: tuple(v) for k, v in out.items()}


def agree(word: str, gender: str, number: str) -> str:
    if gender == "f" and not word.endswith("e"):
        word += "e"
    if number == "p" and not word.endswith(("s", "x")):
        word += "s"
    return word
