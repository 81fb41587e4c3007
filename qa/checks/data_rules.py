"""Suggestions for the phrase-rule engine's hits: fix templates rendered with the
matched verb's tense and person, the subject's agreement, the article before the match
retargeted (« la roquette » → « le missile »), contraction and elision (« de le » → « du »).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from qa.knowledge.conjugation import AGREE_ENDINGS, agree, avoir_for, conjugate, form_slots, takes_etre
from qa.knowledge.inflection import noun_gender, plural_phrase, reagree
from qa.knowledge.rules import Hit, Rule, RuleEngine
from qa.checks.base import Check, Context
from qa.checks.scope import paragraph_words
from qa.model.document import Document, Span
from qa.model.findings import Finding
from qa.knowledge.nlp import Token
from qa.model.textutil import (
    is_sentence_start,
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


def render(template: str, hit: Hit, toks: tuple[Token, ...], pp_agrees: bool = True) -> str:
    rule, matched = hit.rule, hit.matched
    slot = _verb_slot(matched, rule, toks)
    cap = next(((it, t) for it, t in zip(rule.items, matched, strict=True) if it.kind == "agree" and t), None)
    if cap:
        gender, number = AGREE_ENDINGS[_key(cap[1])[len(cap[0].values[0]):]]
    else:
        gender, number = subject_agreement(toks, hit.first)
    forms_tok = next((t for t in matched[rule.flag[0]:rule.flag[1]] if t is not None and _key(t) in rule.forms), None)
    pp_end = _pp_ending(matched, rule) if slot == "pp" and pp_agrees else ""
    out = []
    for piece in template.split():
        piece = re.sub(r"<([^>]+)>", lambda m: _inflect(m.group(1), slot, pp_end), piece)
        piece = re.sub(r"\$(\d)", lambda m: (matched[int(m.group(1))] or _EMPTY).text, piece)
        if piece == "%" and forms_tok is not None:
            piece = rule.forms[_key(forms_tok)]
        if piece.endswith("~"):
            piece = agree(piece[:-1], gender, number)
        out.append(piece)
    return contract(" ".join(_negation_order([p for p in out if p], slot)))


def _negation_order(words: list[str], slot: str | None) -> list[str]:
    """« ne pas en démord » → « ne en démord pas » (elided by ``contract``): a conjugated verb
    goes between « ne » and « pas », with the pronouns before it."""
    if words[:2] != ["ne", "pas"] or slot in (None, "inf", "pp"):
        return words
    k = 2
    while k < len(words) and words[k] in ("en", "y", "le", "la", "les", "lui", "leur", "se", "s’"):
        k += 1
    return ["ne", *words[2:k + 1], "pas", *words[k + 1:]]


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


def suggestions_for(
    doc: Document, hit: Hit, toks: tuple[Token, ...], file_text: str | None = None,
) -> tuple[Span, list[str]]:
    """The span to replace and the suggestions, case, article and agreement fixed. A
    suggestion whose agreement cannot be made right is left out. ``file_text``: the whole
    file when the document is one of its segments (its apostrophes set the suggestion's)."""
    span = hit.span
    head = _replaced_noun(hit)
    rewrites = []
    for template in hit.rule.fixes:
        aux = _etre_auxiliary(hit, toks, template)
        if aux is not None:  # « est sortie » → « a dégénéré »: the auxiliary changes too
            rewrites.append((aux.start, f"{avoir_for(aux.text)} {render(template, hit, toks, pp_agrees=False)}", span.end))
            continue
        text, end, gender = render(template, hit, toks), span.end, hit.rule.gender
        if head is not None and _bare_phrase(template):
            agreed = _agree_noun(doc, toks, head, text, gender)
            if agreed is None:
                continue
            text, end, gender = agreed
        if doc.text[span.start].isupper() and not doc[span].isupper() and \
                (not hit.rule.capitals or is_sentence_start(doc.text, span.start)):
            text = capitalize_first(text)  # a capital the rule matched mid-sentence (« son Handy ») is not kept
        rewrites.append((*retarget_article(doc, span.start, text, gender), end))
    if not rewrites:
        return span, []
    start, stop = min(s for s, _, _ in rewrites), max(e for _, _, e in rewrites)
    out = []
    for new_start, text, end in rewrites:
        text = doc.text[start:new_start] + text + doc.text[end:stop]  # every suggestion replaces the same span
        if _straight_apostrophes(doc, span, file_text):
            text = text.replace("’", "'")
        if doc[span][-1:] in "'’" and text[-1:] not in "'’":
            text += " "  # the span ended on an elided word glued to the next one
        if text not in out:
            out.append(text)
    return Span(start, stop), out


def _straight_apostrophes(doc: Document, span: Span, file_text: str | None = None) -> bool:
    """The text writes its apostrophes straight: the span's own, or, where the span has
    none, those of its paragraph, else of the whole text, else of the whole file of which
    the text is a segment (« selon les navires » → « l'échevin » in a text with « l' »)."""
    here = doc[span]
    if "'" in here or "’" in here:
        return "'" in here and "’" not in here
    start = doc.text.rfind("\n", 0, span.start) + 1
    end = doc.text.find("\n", span.end)
    for around in (doc.text[start : end if end >= 0 else len(doc.text)], doc.text, file_text or ""):
        if "'" in around or "’" in around:
            return around.count("'") > around.count("’")
    return False


_REFLEXIVE = frozenset({"se", "s’", "s'", "me", "m’", "m'", "te", "t’", "t'", "nous", "vous"})


def _etre_auxiliary(hit: Hit, toks: tuple[Token, ...], template: str) -> Token | None:
    """The « être » before a matched participle of a verb that takes it, when the fix's verb
    takes « avoir » instead (« est sortie de la main » → « a échappé à tout contrôle »)."""
    new = re.match(r"<([^>]+)>", template)
    if new is None or takes_etre(new.group(1)):
        return None
    for item, tok in zip(hit.rule.items, hit.matched, strict=True):
        if item.kind != "verb" or tok is None:
            continue
        verbs = [v for v in item.values if "pp" in form_slots(v).get(_key(tok), ())]
        if not verbs or not takes_etre(verbs[0]) or tok.i == 0:
            return None
        aux = toks[tok.i - 1]
        if avoir_for(aux.text) is None or (tok.i > 1 and _key(toks[tok.i - 2]) in _REFLEXIVE):
            return None
        return aux
    return None


_FUNCTION_WORDS = frozenset({
    "un", "une", "le", "la", "les", "l’", "des", "du", "de", "d’", "à", "au", "aux", "en", "ce", "cet",
    "cette", "ces", "son", "sa", "ses", "leur", "leurs", "par", "pour", "sur", "selon", "dans", "entre",
    "avec", "sans", "ne", "n’", "y", "se", "s’", "plusieurs", "quelques", "certains", "certaines"})


def _replaced_noun(hit: Hit) -> Token | None:
    """The word a rule replaces, when its flagged words are that one word (a noun, since the
    fixes that use it are bare noun phrases; the small model tags some nouns ADJ)."""
    flagged = [t for t in hit.matched[hit.rule.flag[0]:hit.rule.flag[1]] if t is not None]
    return flagged[0] if len(flagged) == 1 and flagged[0].pos in ("NOUN", "ADJ") else None


def _noun_features(toks: tuple[Token, ...], head: Token) -> tuple[str | None, str]:
    """Gender and number of a replaced noun: its determiner's when it shows them, else the
    noun lists' and the word's ending."""
    det = toks[head.i - 1] if head.i > 0 and toks[head.i - 1].pos == "DET" else None
    number = (det.number if det else None) or ("p" if head.text[-1:] in "sx" else "s")
    gender = (det.gender if det else None) or noun_gender(head.text[:-1] if number == "p" else head.text)
    return gender, number


def _bare_phrase(template: str) -> bool:
    """A fix that is a bare noun phrase (« tableau », « état des lieux »): no verb, no capture,
    no determiner or preposition of its own."""
    first = template.split(" ")[0].lower().replace("'", "’")
    return not re.search(r"[<$%~]", template) and first not in _FUNCTION_WORDS and not first.endswith("’")


def _agree_noun(
    doc: Document, toks: tuple[Token, ...], head: Token, text: str, gender: str | None,
) -> tuple[str, int, str | None] | None:
    """A replacement noun phrase in the number of the noun it replaces and, when its gender
    differs, the adjectives right after that noun agreed with it: (text, end, gender); None
    when an adjective cannot be agreed."""
    old, number = _noun_features(toks, head)
    gender = gender or noun_gender(text.split(" ")[0])
    if number == "p":
        text = plural_phrase(text)
    if gender is None or old is None or gender == old:
        return text, head.end, gender
    if head.i > 0 and toks[head.i - 1].pos == "ADJ":
        return None  # « une nouvelle image »: the adjective before would need agreeing too
    agreed, end, j = text, head.end, head.i + 1
    subject = head.dep.startswith("nsubj")
    while j < len(toks) and not toks[j].sent_start and (
            toks[j].pos == "ADJ" or (toks[j].pos == "VERB" and not subject)):
        new = reagree(toks[j].text, toks[j].lemma, (old, number), (gender, number))
        if new is None and toks[j].pos == "VERB":
            break  # a verb after its object
        if new is None:
            return None
        agreed += doc.text[toks[j - 1].end:toks[j].start] + new
        if new != toks[j].text:
            text, end = agreed, toks[j].end  # the span reaches the last word that changes
        j += 1
    return text, end, gender


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


def _inside_another(hit: Hit, hits: list[Hit]) -> bool:
    """A hit within a longer one (« planche » in « percer une planche épaisse »): the longer
    rule says it all."""
    return any(o.span.start <= hit.span.start and hit.span.end <= o.span.end and o.span != hit.span for o in hits)


# A paragraph's matches (qa.checks.split), spans relative to its start: the rule's id, whether
# it propagates, whether its context held, the matched span and the finding it would give.
RulePart = tuple[tuple[str, bool, bool, Span, Finding], ...]


def rule_paragraphs(engine: RuleEngine, doc: Document, ctx: Context) -> set[int] | None:
    """The paragraphs of doc where some rule of engine may match (a superset: those that
    hold a word each of its required items needs, RuleEngine.paragraphs); None: any."""
    return ctx.per_document(f"rules.paragraphs:{id(engine)}", doc,
                            lambda: engine.paragraphs(paragraph_words(doc, ctx)))


def rules_part(check: Check, engine: RuleEngine, doc: Document, ctx: Context, k: int) -> RulePart:
    """The matches of paragraph k, confirmed or not: whether a propagating rule holds is
    known only once every paragraph is (rules_combined)."""
    where = rule_paragraphs(engine, doc, ctx)
    if where is not None and k not in where:
        return ()  # no rule can match here
    analysis = ctx.analysis(doc)
    toks = analysis.tokens
    mine = analysis.of_paragraph(k)
    if not mine:
        return ()
    by = -doc.paragraphs[k].start
    out = []
    for hit in engine.hits(doc, analysis, ctx.source_lang, ctx.domain, ctx.source, (mine[0].i, mine[-1].i + 1)):
        span, sugg = suggestions_for(doc, hit, toks, ctx.file_text)
        note = f" ({hit.rule.note})" if hit.rule.note else ""
        fix = f"should read « {sugg[0].strip()} »" if sugg else "needs rewording"
        found = check.finding(
            doc, span, f"« {doc[span]} » {fix}{note}", suggestions=sugg,
            autofix=hit.rule.autofix, category=hit.rule.category,
        )
        where = Span(hit.span.start + by, hit.span.end + by)
        out.append((hit.rule.id, hit.rule.propagate, hit.context_ok, where, replace(found, span=Span(span.start + by, span.end + by))))
    return tuple(out)


def rules_combined(doc: Document, parts: Sequence[RulePart]) -> Iterator[Finding]:
    """run_rules's findings from the parts of every paragraph (rules_part)."""
    sure = {rule for part in parts for rule, _, ok, _, _ in part if ok}
    for para, part in zip(doc.paragraphs, parts, strict=True):
        kept = [(where, found) for rule, spreads, ok, where, found in part if ok or (spreads and rule in sure)]
        seen: set[Span] = set()
        for where, found in kept:
            if where in seen or any(o.start <= where.start and where.end <= o.end and o != where for o, _ in kept):
                continue
            seen.add(where)
            yield replace(found, span=Span(found.span.start + para.start, found.span.end + para.start))


def run_rules(check: Check, engine: RuleEngine, doc: Document, ctx: Context) -> Iterator[Finding]:
    """The engine's findings in doc, read only in the paragraphs where some rule may match
    (rule_paragraphs): no rule matches in the others, so the findings are the same."""
    analysis = ctx.analysis(doc)
    toks = analysis.tokens
    seen: set[tuple[int, int]] = set()
    where = rule_paragraphs(engine, doc, ctx)
    ranges = None if where is None else [
        (mine[0].i, mine[-1].i + 1) for k in sorted(where) for mine in (analysis.of_paragraph(k),) if mine]
    hits = engine.confirmed(doc, analysis, ctx.source_lang, ctx.domain, ctx.source, ranges)
    for hit in hits:
        if (hit.span.start, hit.span.end) in seen or _inside_another(hit, hits):
            continue
        seen.add((hit.span.start, hit.span.end))
        span, sugg = suggestions_for(doc, hit, toks, ctx.file_text)
        note = f" ({hit.rule.note})" if hit.rule.note else ""
        fix = f"should read « {sugg[0].strip()} »" if sugg else "needs rewording"
        yield check.finding(
            doc, span, f"« {doc[span]} » {fix}{note}", suggestions=sugg,
            autofix=hit.rule.autofix, category=hit.rule.category,
        )
