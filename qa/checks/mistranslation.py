"""MT01 false friends and wrong senses, and the phrase-rule engine PC02 shares.

A rule is a short token pattern over the spaCy analysis (verbs matched through every
conjugated form, adjectives with their agreement) plus context conditions, and fix
templates that keep tense, person, agreement and the article before the match.
Pattern items, separated by spaces:
  ``a|b*``      a word among alternatives (``*``: prefix);  ``<faire|prendre>`` any form of a verb;
  ``{INF}`` an infinitive;  ``/regex/`` a word matching the regular expression;
  ``{VERB:VerbForm=Inf}`` a part of speech with morphology;  ``supposé~`` the word with its
  agreement endings, captured;  ``%`` any key of the rule's ``forms``;  trailing ``?``: optional.
Fix templates: ``<avoir>`` conjugated like the matched verb; ``$2`` the text of item 2;
``%`` the ``forms`` value of the matched word; ``chargé~`` agreed with the capture or subject.
The context fields (require, forbid, window, not_before, not_after, start, propagate…) are
described at the top of qa/data/false_friends.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from qa.checks.base import Check, Context
from qa.checks.context import mentions, window
from qa.data import load_toml
from qa.document import Document, Span
from qa.findings import Category, Finding
from qa.nlp import Analysis, Token
from qa.textutil import adjust_determiner, capitalize_first, fold_key, is_sentence_start, starts_with_vowel_sound

PERSONS = ("pres", "impf", "fut", "cond", "subj", "ps")
_ER = {"pres": ("e", "es", "e", "ons", "ez", "ent"), "ps": ("ai", "as", "a", "âmes", "âtes", "èrent")}
_IMPF = ("ais", "ais", "ait", "ions", "iez", "aient")
_FUT = ("ai", "as", "a", "ons", "ez", "ont")
_SUBJ = ("e", "es", "e", "ions", "iez", "ent")
_AGREE = {"": ("m", "s"), "e": ("f", "s"), "s": ("m", "p"), "es": ("f", "p")}
ARTICLE_SWAP = {("un", "f"): "une", ("une", "m"): "un", ("ce", "f"): "cette", ("cet", "f"): "cette",
                ("cette", "m"): "ce", ("sa", "m"): "son", ("aucune", "m"): "aucun",
                ("aucun", "f"): "aucune", ("mon", "f"): "ma", ("ma", "m"): "mon"}


# --- conjugation --------------------------------------------------------------------


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


# --- rules --------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    kind: str  # word | verb | pos | agree | forms
    values: tuple[str, ...] = ()
    morph: tuple[tuple[str, str], ...] = ()
    optional: bool = False


def parse_item(raw: str) -> Item:
    optional = raw.endswith("?") and len(raw) > 1
    raw = raw[:-1] if optional else raw
    if raw.startswith("<") and raw.endswith(">"):
        return Item("verb", tuple(raw[1:-1].split("|")), optional=optional)
    if raw.startswith("{") and raw.endswith("}"):
        pos, _, feats = raw[1:-1].partition(":")
        morph = tuple(tuple(f.split("=")) for f in feats.split(",") if f)
        return Item("pos", tuple(pos.split("|")), morph, optional)  # type: ignore[arg-type]
    if raw == "%":
        return Item("forms", optional=optional)
    if len(raw) > 2 and raw.startswith("/") and raw.endswith("/"):
        return Item("regex", (raw[1:-1],), optional=optional)
    if raw.endswith("~"):
        return Item("agree", (fold_key(raw[:-1]),), optional=optional)
    return Item("word", tuple(fold_key(v) for v in raw.split("|")), optional=optional)


@dataclass(frozen=True)
class Rule:
    id: str
    items: tuple[Item, ...]
    fixes: tuple[str, ...]
    flag: tuple[int, int]
    note: str = ""
    lang: tuple[str, ...] = ()
    forms: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    gender: str | None = None
    require: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    window: int = 0
    forbid_window: int | None = None  # defaults to window
    not_before: tuple[str, ...] = ()  # words that may not come just before the match
    not_after: tuple[str, ...] = ()  # words that may not come just after it
    autofix: bool = False
    propagate: bool = False  # once confirmed in a text, other uses lacking context count too
    start: bool = False  # only at the start of a sentence
    category: Category | None = None


def rule_from_dict(d: dict[str, Any]) -> Rule:
    items = tuple(parse_item(p) for p in d["match"].split())
    return Rule(
        id=d["id"], items=items, fixes=tuple(d["fix"]), flag=tuple(d.get("flag", (0, len(items)))),  # type: ignore[arg-type]
        note=d.get("note", ""), lang=tuple(d.get("lang", ())),
        forms={fold_key(k): v for k, v in d.get("forms", {}).items()}, gender=d.get("gender"),
        require=tuple(d.get("require", ())), forbid=tuple(d.get("forbid", ())), window=d.get("window", 0),
        forbid_window=d.get("forbid_window"),
        not_before=tuple(fold_key(w) for w in d.get("not_before", ())),
        not_after=tuple(fold_key(w) for w in d.get("not_after", ())),
        autofix=d.get("autofix", False), propagate=d.get("propagate", False), start=d.get("start", False),
        category=Category(d["category"]) if "category" in d else None,
    )


@cache
def load_rules(name: str, key: str) -> tuple[Rule, ...]:
    return tuple(rule_from_dict(d) for d in load_toml(name)[key])


def _key(tok: Token) -> str:
    return fold_key(tok.text)


def _item_matches(item: Item, tok: Token, rule: Rule, key: str) -> bool:
    if item.kind == "word":
        return any(key == v or (v.endswith("*") and key.startswith(v[:-1])) for v in item.values)
    if item.kind == "verb":
        return any(key in form_slots(v) for v in item.values)
    if item.kind == "agree":
        return key.startswith(item.values[0]) and key[len(item.values[0]):] in _AGREE
    if item.kind == "forms":
        return key in rule.forms
    if item.kind == "regex":
        return re.fullmatch(item.values[0], key) is not None
    if item.values == ("INF",):  # the small model tags some infinitives ADP or NOUN
        return tok.morph.get("VerbForm") == "Inf" or (
            re.search(r"[a-zéèêëîïôûç](er|ir|re|oir)$", key) is not None
            and tok.pos not in ("NOUN", "PROPN", "ADJ", "DET", "PRON", "NUM"))
    return tok.pos in item.values and all(tok.morph.get(k) == v for k, v in item.morph)


def match_at(tokens: tuple[Token, ...], keys: list[str], i: int, rule: Rule, end: int) -> list[Token | None] | None:
    """The tokens matched by each item (None for a skipped optional one), or None."""
    got: list[Token | None] = []
    j = i
    for item in rule.items:
        if j < end and _item_matches(item, tokens[j], rule, keys[j]):
            got.append(tokens[j])
            j += 1
        elif item.optional:
            got.append(None)
        else:
            return None
    return got


@dataclass
class Hit:
    rule: Rule
    span: Span
    matched: list[Token | None]
    first: int  # token index of the match start
    context_ok: bool  # require satisfied (the rest already passed)


class RuleEngine:
    """Runs a list of rules over a document's analysis."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        # Rules indexed by the words their first item can match; the rest are tried everywhere.
        self.by_first: dict[str, list[Rule]] = {}
        self.anywhere: list[Rule] = []
        for rule in rules:
            first = rule.items[0]
            if first.optional or first.kind in ("pos", "agree", "regex") or \
                    any(v.endswith("*") for v in first.values):
                self.anywhere.append(rule)
                continue
            words = first.values if first.kind == "word" else rule.forms if first.kind == "forms" \
                else [f for v in first.values for f in form_slots(v)]
            for w in set(words):
                self.by_first.setdefault(w, []).append(rule)

    def hits(self, doc: Document, analysis: Analysis, lang: str | None = None) -> Iterator[Hit]:
        """Matches whose context is not forbidden; with ``lang`` (the known source
        language), rules written for other source languages are skipped."""
        toks = analysis.tokens
        keys = [fold_key(t.text) for t in toks]
        sent_end = _sentence_ends(toks)
        for i in range(len(toks)):
            for rule in self.by_first.get(keys[i], []) + self.anywhere:
                if lang and rule.lang and lang not in rule.lang:
                    continue
                got = match_at(toks, keys, i, rule, sent_end[i])
                if got is None:
                    continue
                real = [t for t in got if t is not None]
                if rule.start and not is_sentence_start(doc.text, real[0].start):
                    continue
                last = real[-1].i
                if rule.not_before and i > 0 and keys[i - 1] in rule.not_before:
                    continue
                if rule.not_after and last + 1 < len(toks) and keys[last + 1] in rule.not_after:
                    continue
                flagged = [t for t in got[rule.flag[0]:rule.flag[1]] if t is not None]
                if not flagged:
                    continue
                if flagged[0].text[:1].isupper() and not is_sentence_start(doc.text, flagged[0].start):
                    continue  # a name or a quoted foreign title (« Digital Subscriber Line »)
                span = Span(flagged[0].start, flagged[-1].end)
                whole = Span(real[0].start, real[-1].end)
                fw = rule.window if rule.forbid_window is None else rule.forbid_window
                # forbid phrases may include the match itself (« cabinet du », « grenades à main »)
                if rule.forbid and mentions(doc, _area(doc, whole, fw), rule.forbid):
                    continue
                ok = not rule.require or mentions(doc, _area(doc, whole, rule.window), rule.require, exclude=whole)
                yield Hit(rule, span, got, i, ok)

    def confirmed(self, doc: Document, analysis: Analysis, lang: str | None = None) -> list[Hit]:
        """Hits whose context holds, plus, for propagating rules, the other uses in a text
        where the rule was confirmed once (MT repeats its wrong term)."""
        hits = list(self.hits(doc, analysis, lang))
        sure = {h.rule.id for h in hits if h.context_ok}
        return [h for h in hits if h.context_ok or (h.rule.propagate and h.rule.id in sure)]


def _area(doc: Document, span: Span, size: int) -> Span:
    """size words each side; 0: the sentence; -1: the paragraph."""
    return window(doc, span, size) if size >= 0 else (doc.paragraph_at(span.start) or span)


def _sentence_ends(toks: tuple[Token, ...]) -> list[int]:
    ends = [len(toks)] * len(toks)
    end = len(toks)
    for t in reversed(toks):
        ends[t.i] = end
        if t.sent_start or (t.i > 0 and toks[t.i - 1].para != t.para):
            end = t.i
    return ends


# --- building suggestions --------------------------------------------------------------


def _verb_slot(matched: list[Token | None], rule: Rule, toks: tuple[Token, ...]) -> str | None:
    for item, tok in zip(rule.items, matched, strict=True):
        if item.kind != "verb" or tok is None:
            continue
        slots = next(form_slots(v)[_key(tok)] for v in item.values if _key(tok) in form_slots(v))
        prev = _key(toks[tok.i - 1]) if tok.i > 0 else ""
        aux = prev in form_slots("avoir") or prev in form_slots("être") or prev in ("pas", "jamais", "déjà", "bien")
        if "pp" in slots and (aux or len(slots) == 1):
            return "pp"
        person = {"je": "1", "j'": "1", "tu": "2", "nous": "4", "vous": "5"}.get(prev)
        person = person or {"1": "1", "2": "2"}.get(tok.morph.get("Person", ""), "")
        finite = [s for s in slots if s != "pp"] or list(slots)
        for want in ((person,) if person else ("3", "6")):
            for s in finite:
                if s.endswith(want):
                    return s
        return finite[0]
    return None


def subject_agreement(toks: tuple[Token, ...], first: int) -> tuple[str, str]:
    """Gender and number of the noun a phrase at token ``first`` describes: the nearest
    noun or pronoun before it, climbing out of « de » complements (« le membre du
    directoire de la BCE » → membre)."""
    j = first - 1
    found: Token | None = None
    while j >= 0 and first - j < 15 and not toks[j + 1].sent_start:
        t = toks[j]
        nominal = t.pos in ("NOUN", "PROPN", "PRON") or (t.pos == "ADJ" and j > 0 and toks[j - 1].pos == "DET")
        if nominal and t.text.lower() not in ("qui", "que", "qu'", "se", "s'"):
            found = t
            k = j - 1
            while k >= 0 and toks[k].pos in ("DET", "ADJ"):
                k -= 1
            if k >= 0 and _key(toks[k]) in ("de", "du", "des", "d'") and k > 0:
                j = k - 1
                continue
            break
        j -= 1
    if found is None:
        return "m", "s"
    return found.gender or "m", found.number or "s"


def render(template: str, hit: Hit, toks: tuple[Token, ...]) -> str:
    rule, matched = hit.rule, hit.matched
    slot = _verb_slot(matched, rule, toks)
    cap = next(((it, t) for it, t in zip(rule.items, matched, strict=True) if it.kind == "agree" and t), None)
    if cap:
        gender, number = _AGREE[_key(cap[1])[len(cap[0].values[0]):]]
    else:
        gender, number = subject_agreement(toks, hit.first)
    forms_tok = next((t for t in matched[rule.flag[0]:rule.flag[1]] if t is not None and _key(t) in rule.forms), None)
    pp_end = _pp_ending(matched, rule) if slot == "pp" else ""
    out = []
    for piece in template.split():
        piece = re.sub(r"<([^>]+)>", lambda m: _inflect(m.group(1), slot, pp_end), piece)
        piece = re.sub(r"\$(\d)", lambda m: (matched[int(m.group(1))] or _EMPTY).text, piece)
        if piece == "%" and forms_tok is not None:
            piece = rule.forms[_key(forms_tok)]
        if piece.endswith("~"):
            piece = agree(piece[:-1], gender, number)
        out.append(piece)
    return contract(" ".join(p for p in out if p))


def _pp_ending(matched: list[Token | None], rule: Rule) -> str:
    """The agreement ending of a matched past participle (« implémentées » → « es »)."""
    for item, tok in zip(rule.items, matched, strict=True):
        if item.kind == "verb" and tok is not None:
            for v in item.values:
                base = fold_key(conjugate(v)["pp"])
                if _key(tok).startswith(base) and _key(tok)[len(base):] in ("e", "s", "es"):
                    return _key(tok)[len(base):]
    return ""


def _inflect(verb: str, slot: str | None, pp_end: str) -> str:
    form = conjugate(verb).get(slot or "inf", verb)
    if slot == "pp" and pp_end and form != "été":
        form += "e" if "e" in pp_end else ""
        return form + ("s" if "s" in pp_end and not form.endswith("s") else "")
    return form


@dataclass(frozen=True)
class _Empty:
    text: str = ""


_EMPTY = _Empty()
_CONTRACT = ((r"\bà les\b", "aux"), (r"\bà le\b", "au"), (r"\bde les\b", "des"), (r"\bde le\b", "du"),
             (r"\bde des\b", "de"), (r"\bde du\b", "du"))
_ELIDE = re.compile(r"\b(de|le|la|que|ne|se|je)\s+(?=(\S+))", re.IGNORECASE)


def contract(text: str) -> str:
    """French contraction and elision inside a built suggestion (« de le » → « du »)."""
    text = text.replace("'", "’")
    for pat, rep in _CONTRACT:
        text = re.sub(pat, rep, text)
    def elide(m: re.Match[str]) -> str:
        nxt = m.group(2)
        if starts_with_vowel_sound(nxt) and not (m.group(1).lower() in ("le", "la") and nxt[:1].isdigit()):
            return m.group(1)[0] + "’"
        return m.group(0)
    text = re.sub(r"\bà le\b", "au", _ELIDE.sub(elide, text))
    return re.sub(r"\s+", " ", text).strip()


def suggestions_for(doc: Document, hit: Hit, toks: tuple[Token, ...]) -> tuple[Span, list[str]]:
    """The span to replace and the suggestions, case and article fixed."""
    span = hit.span
    rewrites = []
    for k, template in enumerate(hit.rule.fixes):
        text = render(template, hit, toks)
        if doc.text[span.start].isupper() and not doc[span].isupper():
            text = capitalize_first(text)
        rewrites.append(retarget_article(doc, span.start, text, hit.rule.gender if k == 0 else None))
    start = min(s for s, _ in rewrites)
    out = []
    for new_start, text in rewrites:
        text = doc.text[start:new_start] + text  # every suggestion replaces the same span
        if "'" in doc[span] and "’" not in doc[span]:
            text = text.replace("’", "'")
        if doc[span][-1:] in "'’" and text[-1:] not in "'’":
            text += " "  # the span ended on an elided word glued to the next one
        out.append(text)
    return Span(start, span.end), out


def retarget_article(doc: Document, start: int, text: str, gender: str | None) -> tuple[int, str]:
    m = re.search(r"(?:^|(?<=[\s’'«(]))(\w+) $", doc.text[max(0, start - 12):start])
    if gender and m and (m.group(1).lower(), gender) in ARTICLE_SWAP:
        word = m.group(1)
        new = ARTICLE_SWAP[(word.lower(), gender)]
        if new == "ce" and starts_with_vowel_sound(text):
            new = "cet"
        new = capitalize_first(new) if word[0].isupper() else new
        return start - len(word) - 1, f"{new} {text}"
    rewrite = adjust_determiner(doc.text, start, text, gender)
    return rewrite.start, rewrite.replacement


def run_rules(check: Check, engine: RuleEngine, doc: Document, ctx: Context) -> Iterator[Finding]:
    analysis = ctx.analysis(doc)
    toks = analysis.tokens
    seen: set[tuple[int, int]] = set()
    for hit in engine.confirmed(doc, analysis, ctx.source_lang):
        if (hit.span.start, hit.span.end) in seen:
            continue
        seen.add((hit.span.start, hit.span.end))
        span, sugg = suggestions_for(doc, hit, toks)
        note = f" ({hit.rule.note})" if hit.rule.note else ""
        yield check.finding(
            doc, span, f"« {doc[span]} » should read « {sugg[0].strip()} »{note}", suggestions=sugg,
            autofix=hit.rule.autofix, category=hit.rule.category,
        )


class FalseFriend(Check):
    """A false friend or a wrong sense of a polysemous word, taken from the source language.

    Each entry in qa/data/false_friends.toml names the words around that make the wrong
    reading certain (« grenades » next to artillery, munitions or « tirent ») and those
    that make the French sense right (« grenades à main », « roquettes Grad », « cabinet
    du ministre »). A term confirmed once in a text is flagged wherever else it is used
    without a sign of the right sense: MT repeats its wrong term. The suggestion keeps
    the number and fixes the article (« de grenades » → « d’obus »).

    Mauvais : « Les forces russes tirent chaque jour dix mille grenades. »
    Bon :     « Les forces russes tirent chaque jour dix mille obus. »
    """

    code = "MT01"
    name = "mistranslation.false-friend"
    category = Category.MISTRANSLATION
    summary = "False friend or wrong sense carried over from the source language"
    needs_nlp = True

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        engine = ctx.cache.setdefault("MT01.engine", RuleEngine(load_rules("false_friends.toml", "entry")))
        yield from run_rules(self, engine, doc, ctx)
