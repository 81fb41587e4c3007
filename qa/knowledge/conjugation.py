"""Conjugation and agreement for the fix templates of the phrase-rule engine.

Fixes keep the tense and person of the matched verb (« ferait sens » → « aurait du
sens »), so every simple form of a verb is generated here, from the regular -er / -ir /
-dre endings or from the irregular tables, all in qa/data/conjugation.toml; the spelling
changes of -er stems (« lançons », « mangeons », « règle », « mène », « emploie », « jette »)
are applied here. A verb the tables cannot conjugate right is refused (ValueError) rather
than given wrong forms; tests/test_conjugation_reference.py checks every verb they accept
against Grammalecte's conjugator where it is installed (bench/conj_vs_grammalecte.py lists
the disagreements). The tables, not Grammalecte, are used at run time, so findings do not
depend on that optional package.
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


_CONSONANT = "(?:ch|gn|ph|th|[bcdfghjklmnpqrstvz])"
_MUTE_E = re.compile(rf"(?<![aeiouyéèêâîôû])e(?:{_CONSONANT}|[bcdfgptv][lr])$")  # mener, peser, sevrer
_CLOSED_E = re.compile(rf"é(?:{_CONSONANT}|[bcdfgptv][lr]|[gq]u)$")  # céder, régler, déléguer


def _listed(verb: str, verbs: list[str]) -> int:
    """The length of the longest of verbs that verb is or ends with (0: none)."""
    return max((len(v) for v in verbs if verb.endswith(v)), default=0)


def _er_silent(verb: str, stem: str) -> tuple[str, str]:
    """The stem of an -er verb before a silent ending and its future stem
    (« mèn », « mèner »; « règl », « régler »; « emploi », « emploier »)."""
    conf = _data()
    if re.search(r"e[lt]$", stem) and not re.search(r"[eé]e[lt]$", stem):
        double, grave = _listed(verb, conf["eler_eter_double"]), _listed(verb, conf["eler_eter_grave"])
        if double > grave:
            return stem + stem[-1], stem + stem[-1] + "er"
        if grave:
            grave = stem[:-2] + "è" + stem[-1]
            return grave, grave + "er"
        raise ValueError(f"no conjugation for {verb!r}: list it in eler_eter_double or eler_eter_grave")
    if stem.endswith(("oy", "uy")):
        return stem[:-1] + "i", stem[:-1] + "ier"
    if _MUTE_E.search(stem):
        k = stem.rfind("e")
        grave = stem[:k] + "è" + stem[k + 1:]
        return grave, grave + "er"
    closed = _CLOSED_E.search(stem)
    if closed:
        k = closed.start()
        return stem[:k] + "è" + stem[k + 1:], verb
    return stem, verb


def _regular(verb: str) -> dict[str, str]:
    forms: dict[str, str] = {"inf": verb}
    endings = _endings()
    impf, fut, subj = endings["imperfect"], endings["future"], endings["subjunctive"]
    if verb.endswith("er"):
        er = endings["er"]
        stem = verb[:-2]
        silent, fut_stem = _er_silent(verb, stem)
        def soft(ending: str) -> str:  # lancer → lançons, manger → mangeons
            if ending[:1] in "aâo":
                return stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
            return stem
        for i in range(6):
            mute = i in (0, 1, 2, 5)  # je, tu, il, ils: a silent ending
            forms[f"pres{i+1}"] = (silent if mute else soft(er["present"][i])) + er["present"][i]
            forms[f"subj{i+1}"] = (silent if mute else soft(subj[i])) + subj[i]
            forms[f"impf{i+1}"] = soft(impf[i]) + impf[i]
            forms[f"fut{i+1}"] = fut_stem + fut[i]
            forms[f"cond{i+1}"] = fut_stem + impf[i]
            forms[f"ps{i+1}"] = soft(er["past_simple"][i]) + er["past_simple"][i]
        forms["pp"], forms["ppr"] = stem + "é", soft("ant") + "ant"
        return forms
    if verb.endswith("re") and (not verb.endswith("dre") or verb.endswith(("indre", "oudre"))):
        raise ValueError(f"no conjugation for {verb!r}: only verbs in -dre are regular in -re, add a table")
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
    if verb in conf["unlike_table"]:
        raise ValueError(f"no conjugation for {verb!r}: its ending matches a table it does not follow")
    if _listed(verb, conf["regular_ir"]):
        return _regular(verb)
    for key in sorted(tables, key=len, reverse=True):
        if verb == key or (verb.endswith(key) and len(key) > 3 and not tables[key].get("exact")):
            prefix = verb[: len(verb) - len(key)]
            return {slot: prefix + form for slot, form in _from_table(key, tables[key]).items()}
    if verb.endswith("ir") and not _listed(verb, conf["regular_ir"]):
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


def slots_of(lemma: str, form: str) -> tuple[dict[str, str], tuple[str, ...]] | None:
    """The forms of lemma by slot and the slots form fills (« affirme »: pres1, pres3, subj1,
    subj3), whatever their case; None when the tables do not know the verb or the form."""
    lemma = lemma.lower()
    if not lemma.endswith(("er", "ir", "re", "oir")):
        return None
    try:
        slots = form_slots(lemma).get(fold_key(form.lower()), ())
        forms = conjugate(lemma)
    except ValueError:
        return None
    return (forms, slots) if slots else None


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


# The infinitives a past participle may come from, by the ending of its masculine singular
# (« accueilli » → « accueillir », « perdu » → « perdre », « perdir », « perdoir »): the
# tables then say which verb has it.
_PP_GUESSES = (("é", ("er",)), ("i", ("ir",)), ("u", ("re", "ir", "oir")), ("is", ("ir",)), ("ris", ("rendre",)),
               ("mis", ("mettre",)), ("uit", ("uire",)), ("it", ("ire",)), ("ert", ("rir",)), ("int", ("indre",)),
               ("çu", ("cevoir",)), ("lu", ("lire",)), ("vu", ("voir",)), ("eu", ("avoir",)), ("été", ("être",)))


@cache
def is_past_participle(form: str) -> bool:
    """form is a past participle of a French verb (agreed or not) by the conjugation tables,
    whatever a tagger reads (the small model tags « accueilli » after an adverb ADV): the
    infinitive its ending points to must be a French word the tables conjugate to that form."""
    from qa.knowledge.wordlists import is_french_form  # the lexicon loads on first use

    low = form.lower()
    for agreement in ("", "e", "s", "es"):
        base = low[: len(low) - len(agreement)] if agreement else low
        if agreement and not low.endswith(agreement):
            continue
        for end, infinitives in _PP_GUESSES:
            if not base.endswith(end):
                continue
            for inf in infinitives:
                verb = base[: len(base) - len(end)] + inf  # « pris » → « p » + « rendre »
                if not is_french_form(verb):
                    continue
                try:
                    pp = conjugate(verb).get("pp", "")
                except (ValueError, KeyError):
                    continue
                if pp == base:
                    return True
    return False
