"""PC08: a noun with the source language's support verb (qa/data/collocations.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.calques._verbal import adapted
from qa.checks.data_rules import contract
from qa.checks.prose import in_code
from qa.checks.scope import paragraph_words
from qa.data import load_toml
from qa.knowledge.conjugation import conjugate, form_slots
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import fold_key, match_case

# The relations that tie a noun to the verb of its collocation: its object, the subject of
# the verb's passive (« une décision a été faite »).
_ARGUMENT = frozenset({"obj", "nsubj:pass"})
# Before the noun, between it and the verb: what an object's noun phrase may hold.
_INSIDE = frozenset({"DET", "ADJ", "ADV", "NUM"})
_PARTITIVE = frozenset({"de", "d'", "du", "des"})


@cache
def _adjectives() -> frozenset[str]:
    """Intensifying adjectives the sm parse may read as nouns before a noun (« une lourde
    défaite »: « lourde » a noun, « défaite » its apposition): every form of those of
    qa/data/intensifiers.toml."""
    return frozenset(fold_key(f) for forms in load_toml("intensifiers.toml")["forms"].values() for f in forms)


def _inside(tok: Token, key: str) -> bool:
    """tok may stand in a noun phrase between the verb and its object noun."""
    return tok.pos in _INSIDE or key in _PARTITIVE or key in _adjectives()
_RELATIVE = frozenset({"que", "qu'"})
# Words after the noun read by ``unless``.
_AFTER = 4


@dataclass(frozen=True, slots=True)
class Entry:
    nouns: frozenset[str]
    wrong: dict[str, str]
    phrase: str
    bare: bool
    before: frozenset[str]
    then: dict[str, str]
    unless: frozenset[str]
    ref: str
    direct: bool = False
    determined: bool = False
    participle: bool = False


@cache
def _entries() -> dict[str, tuple[Entry, ...]]:
    """Entries by noun lemma (folded); a noun of several words by its first word."""
    out: dict[str, list[Entry]] = {}
    for d in load_toml("collocations.toml")["noun"]:
        entry = Entry(
            frozenset(fold_key(n) for n in d["nouns"]), dict(d["wrong"]), d.get("phrase", ""), d.get("bare", False),
            frozenset(d.get("before", ())), dict(d.get("then", {})), frozenset(fold_key(w) for w in d.get("unless", ())),
            d["ref"], d.get("direct", False), d.get("determined", False), d.get("participle", False),
        )
        for noun in entry.nouns:
            out.setdefault(noun.split()[0], []).append(entry)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _verb_forms() -> dict[str, tuple[str, ...]]:
    """Folded form → the wrong verbs it conjugates."""
    out: dict[str, set[str]] = {}
    for entries in _entries().values():
        for entry in entries:
            for verb in entry.wrong:
                for form in form_slots(verb):
                    out.setdefault(form, set()).add(verb)
                    if verb.endswith("ayer") and "aye" in form:  # « paie » beside « paye »
                        out.setdefault(form.replace("aye", "aie"), set()).add(verb)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _noun_forms() -> frozenset[str]:
    out = set()
    for noun in _entries():
        out |= {noun, noun + "s", noun + "x", noun.removesuffix("al") + "aux"}
    return frozenset(out)


def _verb_of(tok: Token, toks: tuple[Token, ...], keys: list[str]) -> Token | None:
    """The verb whose argument the noun is: its governor when the noun is its object or its
    passive subject; a participle right after the noun (« la décision faite »); the verb of
    a relative clause whose object is « que » (« la décision qu'il a faite »); else, where the
    parse went astray, a verb just before the noun with only its determiner and adjectives
    between (« a payé plus d'attention »)."""
    if tok.dep in _ARGUMENT and 0 <= tok.head < len(toks) and (toks[tok.head].pos in ("VERB", "AUX") or keys[tok.head] in _verb_forms()):
        return toks[tok.head]
    for child in toks[tok.i + 1 : tok.i + 12]:
        if child.head != tok.i or child.i <= tok.i or child.pos not in ("VERB", "AUX"):
            continue
        if child.dep == "acl" and child.morph.get("VerbForm") == "Part" and child.i <= tok.i + 2:
            return child
        if child.dep in ("acl", "acl:relcl") and tok.i + 1 < len(toks) and keys[tok.i + 1] in _RELATIVE and toks[tok.i + 1].head == child.i:
            return child  # « la décision que le conseil a rencontrée »
    j = tok.i - 1
    forms = _verb_forms()
    while (j >= 0 and tok.i - j <= 4 and keys[j] not in forms and _inside(toks[j], keys[j])
           and not toks[j + 1].sent_start):
        j -= 1
    if j >= 0 and j < tok.i - 1 and keys[j] in forms and not toks[j + 1].sent_start and not _noun_there(toks, j):
        return toks[j]
    return None


def _noun_there(toks: tuple[Token, ...], j: int) -> bool:
    """A verb form that stands as a noun: tagged so after a preposition or a determiner
    (« en cours d'essais », « le cours »: the noun « cours », not « courir »)."""
    return toks[j].pos == "NOUN" and j > 0 and toks[j - 1].pos in ("ADP", "DET")


def _determined(toks: tuple[Token, ...], verb: Token, noun: Token) -> bool:
    """The noun has a determiner (or a partitive « de ») of its own."""
    lo, hi = (verb.i + 1, noun.i) if verb.i < noun.i else (max(0, noun.i - 3), noun.i)
    return any(t.pos == "DET" or fold_key(t.text) in _PARTITIVE for t in toks[lo:hi] if t.head == noun.i or t.i == noun.i - 1)


class SupportVerb(Check):
    """A noun whose support verb is the source language's, rendered word for word.

    French gives a predicative noun its own verb: « prendre une décision », « poser une
    question », « prêter attention », « porter plainte », « rendre visite ». MT renders the
    source's verb instead (« make a decision », « pay attention », « eine Entscheidung
    treffen », « Anzeige erstatten », « een bezoek brengen »): « faire une décision »,
    « payer attention », « rencontrer une décision », « rembourser une plainte », « apporter
    une visite ». The table (qa/data/collocations.toml, each noun with its reference) lists
    the verbs MT puts in place of French's; the parse ties verb and noun (the noun its object,
    its passive subject, a participle or a relative clause after it), so any determiner or
    adjective may stand between. The suggestion is French's verb in the same tense and person.

    Mauvais : « Le conseil a fait une décision difficile. »
    Bon :     « Le conseil a pris une décision difficile. »
    """

    code = "PC08"
    priority = 312
    data_files = ("collocations.toml", "conjugation.toml", "intensifiers.toml")
    name = "calque.support-verb"
    category = Category.CALQUE
    summary = "Noun with the source language's support verb"
    severity = Severity.WARNING
    needs_nlp = True
    uses_spacy = True
    paragraph_local = True

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        nouns, verbs = _noun_forms(), _verb_forms()
        return {k for k, words in enumerate(paragraph_words(doc, ctx)) if words & nouns and any(w in verbs for w in words)}

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        wanted = self.nlp_paragraphs(doc, ctx)
        if not wanted:
            return
        analysis = ctx.analysis(doc)
        toks = analysis.tokens
        keys = [fold_key(t.text) for t in toks]
        entries = _entries()
        for tok in toks:
            # a bare noun the parse takes for a pronoun or an interjection (« pris adieu ») counts too
            if tok.para not in wanted or tok.pos not in ("NOUN", "PROPN", "PRON", "INTJ") or tok.text[:1].isupper() and not tok.sent_start:
                continue
            lemma = fold_key(tok.lemma)
            candidates = entries.get(lemma, ()) or entries.get(keys[tok.i], ())
            if not candidates:
                continue
            verb = _verb_of(tok, toks, keys)
            if verb is None or in_code(doc, verb.start):
                continue
            finding = self._finding(doc, analysis, keys, tok, verb, lemma, candidates)
            if finding is not None:
                yield finding

    def _finding(self, doc: Document, analysis: Analysis, keys: list[str], noun: Token, verb: Token, lemma: str,
                 candidates: tuple[Entry, ...]) -> Finding | None:
        toks = analysis.tokens
        own = set(_verb_forms().get(keys[verb.i], ())) | {fold_key(verb.lemma)}
        after = keys[noun.i + 1 : noun.i + 1 + _AFTER]
        nxt = after[0] if after else ""
        for entry in candidates:
            noun_len = _noun_length(entry, keys, noun)
            if noun_len is None:
                continue
            wrong = next((v for v in entry.wrong if v in own and (v in _verb_forms().get(keys[verb.i], ()) or v == fold_key(verb.lemma))), None)
            if wrong is None:
                continue
            last = toks[noun.i + noun_len - 1]
            rest = keys[last.i + 1 : last.i + 1 + _AFTER]
            nxt = rest[0] if rest else ""
            while last.i + 1 < len(toks) and toks[last.i + 1].pos == "ADJ" and toks[last.i + 1].head == noun.i and (
                    entry.before or entry.then) and nxt not in entry.before:
                last = toks[last.i + 1]  # « une critique acérée sur »: the adjective goes with the noun
                nxt = keys[last.i + 1] if last.i + 1 < len(toks) else ""
            if entry.unless & set(rest) or (entry.before and nxt not in entry.before):
                continue
            determined = _determined(toks, verb, noun)
            if entry.bare and determined or entry.determined and not determined:
                continue
            if entry.direct and verb.i < noun.i and any(keys[t.i] in _PARTITIVE for t in toks[verb.i + 1 : noun.i]):
                continue  # « souffrir d'une défaite »
            if entry.participle and not _participle(toks, verb):
                continue
            if any(t.sent_start for t in toks[min(verb.i, noun.i) + 1 : max(verb.i, noun.i) + 1]):
                continue
            if verb.i < noun.i and not all(_inside(t, keys[t.i]) for t in toks[verb.i + 1 : noun.i]):
                continue  # « mettre en pratique les exemples »: a phrase of its own stands between
            return self._report(doc, toks, verb, noun, last, entry, wrong, nxt)
        return None

    def _report(self, doc: Document, toks: tuple[Token, ...], verb: Token, noun: Token, last: Token, entry: Entry,
                wrong: str, nxt: str) -> Finding | None:
        right = entry.wrong[wrong]
        if verb.i > noun.i:  # a passive, a participle or a relative clause after the noun: the verb alone
            if " " in right:
                return None
            span, fix = Span(verb.start, verb.end), _conjugated(right, wrong, verb.text, _participle(toks, verb), _person(toks, verb))
        else:
            inside = toks[verb.i + 1 : noun.i]
            end = last.end
            if entry.phrase and all(t.pos == "DET" or fold_key(t.text) in _PARTITIVE for t in inside):
                fix = _conjugated(entry.phrase, wrong, verb.text, _participle(toks, verb), _person(toks, verb))
            elif " " in right:  # « répondre à », « faire preuve de »: the preposition before the noun phrase
                verb_part, prep = _conjugated(right, wrong, verb.text, _participle(toks, verb), _person(toks, verb)).rsplit(" ", 1)
                phrase = doc.text[inside[0].start if inside else noun.start : last.end]
                if prep == "de":  # « de la retenue » → « de retenue »
                    k = 0
                    while k < len(inside) and fold_key(inside[k].text) in _PARTITIVE | {"la", "l'"}:
                        k += 1
                    if k:
                        phrase = doc.text[inside[k].start if k < len(inside) else noun.start : last.end]
                fix = f"{verb_part} {contract(f'{prep} {phrase}')}"
            else:
                fix = _conjugated(right, wrong, verb.text, _participle(toks, verb), _person(toks, verb)) + doc.text[verb.end : last.end]
            if _bare_preposition(nxt) in entry.then:
                fix, end = _with_preposition(doc, toks, last, fix, entry.then[_bare_preposition(nxt)])
            span = Span(verb.start, end)
        if "’" not in doc.text:  # the document's own apostrophe
            fix = fix.replace("’", "'")
        fix = match_case(doc[span], fix) if doc[span][:1].isupper() else fix
        return self.finding(
            doc, span,
            f"« {doc[span]} »: French says « {right} » with « {noun.text} », not « {wrong} » "
            f"(the source's support verb rendered word for word)",
            [fix],
        )


def _bare_preposition(word: str) -> str:
    return {"au": "à", "aux": "à", "du": "de", "des": "de"}.get(word, word)


def _participle(toks: tuple[Token, ...], verb: Token) -> bool:
    """The verb is a past participle: the parse says so, or an auxiliary stands just before it."""
    if verb.morph.get("VerbForm") == "Part":
        return True
    j = verb.i - 1
    while j >= 0 and toks[j].pos in ("ADV", "PART"):
        j -= 1
    return j >= 0 and toks[j].pos == "AUX"


_PERSON = {("1", "Sing"): "1", ("2", "Sing"): "2", ("3", "Sing"): "3", ("1", "Plur"): "4", ("2", "Plur"): "5",
           ("3", "Plur"): "6"}


def _person(toks: tuple[Token, ...], verb: Token) -> str:
    """The verb's person ("1" to "6") as the parse reads it on the verb or its auxiliary."""
    for tok in (verb, toks[verb.i - 1] if verb.i else verb):
        found = _PERSON.get((tok.morph.get("Person", ""), tok.morph.get("Number", "")))
        if found:
            return found
    return ""


def _conjugated(fix: str, wrong: str, form: str, participle: bool = False, person: str = "") -> str:
    """fix's verb in the tense and person of ``form`` (a form of ``wrong``), a participle with
    its agreement (« faite » → « prise »); ``participle``: the parse reads form as one (« a
    fait », not « il fait »); ``person``: the parse's person, for a form several persons share;
    a possessive of the fix's phrase in the plural persons (« faire ses adieux » → « ont fait
    leurs adieux »)."""
    if wrong.endswith("ayer"):
        form = form.replace("aie", "aye")  # the tables spell « paye », « payent »
    if person in ("4", "5", "6") and " ses " in fix:
        fix = fix.replace(" ses ", {"4": " nos ", "5": " vos ", "6": " leurs "}[person])
    out = adapted(fix, wrong, form, person)
    try:
        if participle and fold_key(form) in form_slots(wrong) and any(
                sl == "pp" for sl in form_slots(wrong)[fold_key(form)]):
            out = " ".join([conjugate(fix.split()[0])["pp"], *fix.split()[1:]])
        base, target = conjugate(wrong)["pp"], conjugate(fix.split()[0])["pp"]
    except (ValueError, KeyError):
        return out
    low = form.lower()
    if low == base:
        return out
    ending = next((e for e in ("es", "e", "s") if low == base + e or (base.endswith("s") and low == base + e.lstrip("s"))), "")
    if not ending or not out.startswith(target + " ") and out != target:
        return out
    ending = ending if not target.endswith("s") else ending.lstrip("s") or ("" if ending == "s" else ending)
    return target + ending + out[len(target):]


def _noun_length(entry: Entry, keys: list[str], noun: Token) -> int | None:
    """How many tokens the entry's noun spans from noun (« date limite »: 2); None when the
    entry's nouns do not stand there."""
    for name in sorted(entry.nouns, key=lambda n: -len(n.split())):
        words = name.split()
        if len(words) == 1:
            if keys[noun.i] in {name, name + "s", name + "x"} or fold_key(noun.lemma) == name:
                return 1
            continue
        got = keys[noun.i : noun.i + len(words)]
        if len(got) == len(words) and all(g.rstrip("s") == w.rstrip("s") for g, w in zip(got, words, strict=True)):
            return len(words)
    return None


def _with_preposition(doc: Document, toks: tuple[Token, ...], last: Token, fix: str, new: str) -> tuple[str, int]:
    """The fix with the preposition after the noun replaced by ``new``, contracted with the
    article after it (« porter compte aux » → « tenir compte des »); the span's new end."""
    prep = toks[last.i + 1]
    contracted = {"au": "le", "aux": "les", "du": "le", "des": "les"}.get(fold_key(prep.text))
    if contracted is not None:
        return f"{fix} {contract(f'{new} {contracted}')}", prep.end
    art = toks[last.i + 2] if last.i + 2 < len(toks) else None
    if art is not None and fold_key(art.text) in ("le", "la", "les", "l'"):
        return f"{fix} {contract(f'{new} {art.text}')}", art.end
    return f"{fix} {new}", prep.end
