"""Suggestions for the phrase-rule engine's hits: fix templates rendered with the
matched verb's tense and person, the subject's agreement, the article before the match
retargeted (« la roquette » → « le missile »), contraction and elision (« de le » → « du »).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from qa.knowledge.conjugation import AGREE_ENDINGS, agree, conjugate, form_slots
from qa.knowledge.rules import Hit, Rule, RuleEngine
from qa.checks.base import Check, Context
from qa.model.document import Document, Span
from qa.model.findings import Finding
from qa.knowledge.nlp import Token
from qa.model.textutil import (
    adjust_determiner,
    capitalize_first,
    fold_key,
    starts_with_vowel_sound,
)

ARTICLE_SWAP = {("un", "f"): "une", ("une", "m"): "un", ("ce", "f"): "cette", ("cet", "f"): "cette",
                ("cette", "m"): "ce", ("sa", "m"): "son", ("aucune", "m"): "aucun",
                ("aucun", "f"): "aucune", ("mon", "f"): "ma", ("ma", "m"): "mon"}


def _key(tok: Token) -> str:
    return fold_key(tok.text)


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
        gender, number = AGREE_ENDINGS[_key(cap[1])[len(cap[0].values[0]):]]
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
    for hit in engine.confirmed(doc, analysis, ctx.source_lang, ctx.domain, ctx.source):
        if (hit.span.start, hit.span.end) in seen:
            continue
        seen.add((hit.span.start, hit.span.end))
        span, sugg = suggestions_for(doc, hit, toks)
        note = f" ({hit.rule.note})" if hit.rule.note else ""
        yield check.finding(
            doc, span, f"« {doc[span]} » should read « {sugg[0].strip()} »{note}", suggestions=sugg,
            autofix=hit.rule.autofix, category=hit.rule.category,
        )
