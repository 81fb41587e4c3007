"""Conjugation and agreement for the fix templates of the phrase-rule engine.

Fixes keep the tense and person of the matched verb (« ferait sens » → « aurait du
sens »), so every simple form of a verb is generated here, from the regular -er / -ir /
-re endings or from the irregular tables, all in qa/data/conjugation.toml; the spelling
changes of -er stems (« lançons », « mangeons », « règle ») are applied here.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from qa.data import load_toml
from qa.model.textutil import fold_key


def _data() -> dict[str, Any]:
    return load_toml("conjugation.toml")


def _endings() -> dict[str, Any]:
    return _data()["endings"]  # type: ignore[no-any-return]


# ending of an agreed participle or adjective → (gender, number)
AGREE_ENDINGS: dict[str, tuple[str, str]] = {k: (v[0], v[1]) for k, v in _data()["agreement"].items()}


def _regular(verb: str) -> dict[str, str]:
    forms: dict[str, str] = {"inf": verb}
    endings = _endings()
    impf, fut, subj = endings["imperfect"], endings["future"], endings["subjunctive"]
    if verb.endswith("er"):
        er = endings["er"]
        stem = verb[:-2]
        def soft(ending: str) -> str:  # lancer → lançons, manger → mangeons
            if ending[:1] in "aâo":
                return stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
            return stem
        def grave(ending: str) -> str:  # régler → règle before a silent ending
            s = soft(ending)
            return s[: s.rfind("é")] + "è" + s[s.rfind("é") + 1:] if re.search(r"é[^aeiouyé]+$", s) else s
        for i in range(6):
            forms[f"pres{i+1}"] = (grave if i in (0, 1, 2, 5) else soft)(er["present"][i]) + er["present"][i]
            forms[f"subj{i+1}"] = (grave if i in (0, 1, 2, 5) else soft)(subj[i]) + subj[i]
            forms[f"impf{i+1}"] = soft(impf[i]) + impf[i]
            forms[f"fut{i+1}"] = verb + fut[i]
            forms[f"cond{i+1}"] = verb + impf[i]
            forms[f"ps{i+1}"] = soft(er["past_simple"][i]) + er["past_simple"][i]
        forms["pp"], forms["ppr"] = stem + "é", soft("ant") + "ant"
        return forms
    stem = verb[:-2]
    group = endings["ir" if verb.endswith("ir") else "re"]  # finir; vendre, dépendre
    table = {"pres": [stem + e for e in group["present"]], "impf_stem": stem + group["imperfect_stem"],
             "fut_stem": verb.rstrip("e"), "ps": [stem + e for e in group["past_simple"]],
             "pp": stem + group["past_participle"]}
    return _from_table(verb, table)


def _from_table(verb: str, t: dict[str, Any]) -> dict[str, str]:
    forms: dict[str, str] = {"inf": verb, "pp": t["pp"]}
    endings = _endings()
    impf, fut, regular_subj = endings["imperfect"], endings["future"], endings["subjunctive"]
    impf_stem = t.get("impf_stem", t["pres"][3][:-3])
    ils = t["pres"][5][:-3]
    subj = t.get("subj") or [ils + e for e in regular_subj[:3]] + [impf_stem + e for e in regular_subj[3:5]] + [ils + "ent"]
    for i in range(6):
        forms[f"pres{i+1}"] = t["pres"][i]
        forms[f"impf{i+1}"] = t.get("impf", [impf_stem + e for e in impf])[i]
        forms[f"fut{i+1}"] = t["fut_stem"] + fut[i]
        forms[f"cond{i+1}"] = t["fut_stem"] + impf[i]
        forms[f"subj{i+1}"] = subj[i]
        forms[f"ps{i+1}"] = t["ps"][i]
    forms["ppr"] = t.get("ppr", impf_stem + "ant")
    return forms


@cache
def conjugate(verb: str) -> dict[str, str]:
    """Every simple form of verb by slot ("pres3", "pp", "inf", …)."""
    conf = _data()
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


def takes_etre(verb: str) -> bool:
    """Whether the compound tenses of verb (not pronominal) take « être »."""
    return verb in _data()["etre_verbs"]


def avoir_for(etre_form: str) -> str | None:
    """The form of « avoir » in the tense and person of a form of « être » (« est » → « a »,
    « étaient » → « avaient »), None when etre_form is none."""
    slots = form_slots("être").get(fold_key(etre_form))
    if not slots or "pp" in slots or "inf" in slots:
        return None
    return conjugate("avoir").get(slots[0])


_LEQUEL = {("m", "s"): "lequel", ("f", "s"): "laquelle", ("m", "p"): "lesquels", ("f", "p"): "lesquelles"}


def agree(word: str, gender: str, number: str) -> str:
    if word == "lequel":  # the relative pronoun: « selon laquelle »
        return _LEQUEL[(gender, number)]
    if gender == "f" and not word.endswith("e"):
        word += "e"
    if number == "p" and not word.endswith(("s", "x")):
        word += "s"
    return word
