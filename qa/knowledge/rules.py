"""The phrase-rule engine behind MT01 (false friends) and PC02 (source constructions).

A rule is a short token pattern over the spaCy analysis (verbs matched through every conjugated
form, adjectives with their agreement) plus context conditions, and fix templates that keep
tense, person, agreement and the article before the match. Pattern items, separated by spaces:
  ``a|b*``      a word among alternatives (``*``: prefix);  ``<faire|prendre>`` any form of a verb;
  ``{INF}`` an infinitive;  ``{PP}`` a past participle by its form;  ``/regex/`` a word matching
  the regular expression;  ``{VERB:VerbForm=Inf}`` a part of speech with morphology;  ``supposé~``
  the word with its agreement endings, captured;  ``%`` a key of ``forms``;  trailing ``?``: optional.
Fix templates: ``<avoir>`` conjugated like the matched verb; ``$2`` the text of item 2;
``%`` the ``forms`` value of the matched word; ``chargé~`` agreed with the capture or subject.
The context fields (require, forbid, window, not_before, not_after, start, propagate…): the top of
qa/data/false_friends.toml; ``source`` (source words that confirm it): qa/knowledge/source_terms.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from qa.knowledge.conjugation import AGREE_ENDINGS, form_slots, is_past_participle
from qa.knowledge.source_terms import source_mentions
from qa.knowledge.conditions import mentions, window
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category
from qa.knowledge.nlp import Analysis, Token
from qa.model.textutil import (
    fold_key,
    is_sentence_start,
)

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
    forbid_after: tuple[str, ...] = ()  # phrases that may not follow within after_window words
    after_window: int = 8
    thing_subject: bool = False  # a non-human noun subject of the matched verb counts as required context
    autofix: bool = False
    propagate: bool = False  # once confirmed in a text, other uses lacking context count too
    start: bool = False  # only at the start of a sentence
    category: Category | None = None
    domains: tuple[str, ...] = ()  # the kinds of text the rule applies to (DOMAINS); () = all
    source: tuple[str, ...] = ()  # source words that confirm the rule; with a known source, required
    source_context: tuple[str, ...] = ()  # with a known source, one must stand there too; source_unless: none
    source_unless: tuple[str, ...] = ()
    capitals: bool = False  # capitals may match mid-sentence (« la Deuxième Chambre »)


# What a text is, as far as rules care: "software" for strings of a program (PO, XLIFF: « implémenter
# une fonction » is standard there), "news" for prose (plain text, Markdown, HTML, subtitles, TMX).
DOMAINS = ("news", "software")


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
        forbid_after=tuple(d.get("forbid_after", ())), thing_subject=d.get("thing_subject", False),
        after_window=d.get("after_window", 8),
        autofix=d.get("autofix", False), propagate=d.get("propagate", False), start=d.get("start", False),
        category=Category(d["category"]) if "category" in d else None,
        domains=tuple(d.get("domains", ())),
        source=tuple(d.get("source", ())), capitals=d.get("capitals", False),
        source_context=tuple(d.get("source_context", ())), source_unless=tuple(d.get("source_unless", ())))


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
        return key.startswith(item.values[0]) and key[len(item.values[0]):] in AGREE_ENDINGS
    if item.kind == "forms":
        return key in rule.forms
    if item.kind == "regex":
        return re.fullmatch(item.values[0], key) is not None
    if item.values == ("INF",):  # the small model tags some infinitives ADP or NOUN
        return tok.morph.get("VerbForm") == "Inf" or (
            re.search(r"[a-zéèêëîïôûç](er|ir|re|oir)$", key) is not None
            and tok.pos not in ("NOUN", "PROPN", "ADJ", "DET", "PRON", "NUM"))
    if item.values == ("PP",):  # by its form: the small model tags « accueilli » ADV after an adverb
        return is_past_participle(tok.text)
    return tok.pos in item.values and all(tok.morph.get(k) == v for k, v in item.morph)


def match_at(tokens: tuple[Token, ...], keys: Mapping[int, str], i: int, rule: Rule, end: int) -> list[Token | None] | None:
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


_UNSET = object()


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
        self._required: object = _UNSET  # built on first use (paragraphs)
        self._anchors: dict[str, list[int]] | None = None

    def _requirements(self) -> list[tuple[Any, ...]] | None:
        """For each rule, what a paragraph must hold for the rule to match there: one set of
        words per required item with known words (then one pattern per regex item, which
        some word must match whole); None when some rule requires no known word."""
        if self._required is _UNSET:
            out: list[tuple[Any, ...]] | None = []
            for rule in self.rules:
                sets: list[frozenset[str]] = []
                patterns: list[re.Pattern[str]] = []
                for item in rule.items:
                    if item.optional:
                        continue
                    if item.kind == "word" and not any(v.endswith("*") for v in item.values):
                        sets.append(frozenset(item.values))
                    elif item.kind == "verb":
                        sets.append(frozenset(f for v in item.values for f in form_slots(v)))
                    elif item.kind == "forms" and rule.forms:
                        sets.append(frozenset(rule.forms))
                    elif item.kind == "agree":
                        sets.append(frozenset(item.values[0] + e for e in AGREE_ENDINGS))
                    elif item.kind == "regex":
                        patterns.append(re.compile(item.values[0]))
                if not sets:
                    out = None
                    break
                out.append((*sorted(sets, key=len), *patterns))
            self._required = out
        return self._required  # type: ignore[return-value]

    def paragraphs(self, words: list[frozenset[str]]) -> set[int] | None:
        """Paragraphs (given as their words, qa.checks.scope) where some rule may match."""
        required = self._requirements()
        if required is None:
            return None
        if self._anchors is None:
            self._anchors = {}
            for r, needs in enumerate(required):
                for w in needs[0]:
                    self._anchors.setdefault(w, []).append(r)

        def holds(present: frozenset[str], need: Any) -> bool:
            if isinstance(need, frozenset):
                return not present.isdisjoint(need)
            return any(need.fullmatch(w) for w in present)

        found = set()
        for k, present in enumerate(words):
            candidates = {r for w in present for r in self._anchors.get(w, ())}
            if any(all(holds(present, need) for need in required[r][1:]) for r in candidates):
                found.add(k)
        return found

    def hits(
        self, doc: Document, analysis: Analysis, lang: str | None = None, domain: str | None = None,
        source: str | None = None, within: tuple[int, int] | None = None,
    ) -> Iterator[Hit]:
        """Matches whose context is not forbidden; with ``lang`` (the known source
        language), rules written for other source languages are skipped, and with
        ``domain`` (DOMAINS), rules limited to other domains. A rule with ``source`` words
        holds where the known source segment names one of them and nowhere else; without a
        source, it falls back on its ``require`` words (none: no match). With ``within``
        (token indices, from and to), only the matches that start there: a sentence ends
        at its paragraph's end, so those read no key further than the token after."""
        toks = analysis.tokens
        lo, hi = within or (0, len(toks))
        keys = {j: fold_key(toks[j].text) for j in range(max(0, lo - 1), min(len(toks), hi + 1))}
        sent_end = _sentence_ends(toks, lo, hi)
        for i in range(lo, hi):
            first = self.by_first.get(keys[i])
            for rule in self.anywhere if first is None else first + self.anywhere:
                if lang and rule.lang and lang not in rule.lang:
                    continue
                if domain and rule.domains and domain not in rule.domains:
                    continue
                if rule.source and (not source_mentions(source, rule.source) or not _source_sense(rule, source)
                                    if source is not None else not rule.require):
                    continue
                got = match_at(toks, keys, i, rule, sent_end[i - lo])
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
                if flagged[0].text[:1].isupper() and not rule.capitals \
                        and not is_sentence_start(doc.text, flagged[0].start):
                    continue  # a name or a quoted foreign title (« Digital Subscriber Line »)
                span = Span(flagged[0].start, flagged[-1].end)
                whole = Span(real[0].start, real[-1].end)
                fw = rule.window if rule.forbid_window is None else rule.forbid_window
                # forbid phrases may include the match itself (« cabinet du », « grenades à main »)
                if rule.forbid and mentions(doc, _area(doc, whole, fw), rule.forbid):
                    continue
                if rule.forbid_after and last + 1 < sent_end[i - lo]:
                    after = Span(toks[last + 1].start, toks[min(last + rule.after_window, sent_end[i - lo] - 1)].end)
                    if mentions(doc, after, rule.forbid_after):
                        continue
                ok = not rule.require or (bool(rule.source) and source is not None) or \
                    mentions(doc, _area(doc, whole, rule.window), rule.require, exclude=whole)
                if rule.thing_subject:
                    kind = _subject_kind(toks, got, rule)
                    if kind == "person":
                        continue  # « le juge prend place »: seated, whatever the context
                    ok = ok or kind == "thing"
                yield Hit(rule, span, got, i, ok)

    def confirmed(
        self, doc: Document, analysis: Analysis, lang: str | None = None, domain: str | None = None,
        source: str | None = None, ranges: Sequence[tuple[int, int]] | None = None,
    ) -> list[Hit]:
        """Hits whose context holds, plus, for propagating rules, the other uses in a text
        where the rule was confirmed once (MT repeats its wrong term). With ``ranges``
        (token ranges of whole paragraphs, in order), only the matches that start there."""
        hits = [h for r in ([None] if ranges is None else ranges) for h in self.hits(doc, analysis, lang, domain, source, r)]
        sure = {h.rule.id for h in hits if h.context_ok}
        return [h for h in hits if h.context_ok or (h.rule.propagate and h.rule.id in sure)]


def _source_sense(rule: Rule, source: str) -> bool:
    """The source shows the rule's sense: a ``source_context`` word (« Gericht » by « Speisekarte »:
    a dish), no ``source_unless`` word (« also » by « auch », which « aussi » renders)."""
    return (not rule.source_context or source_mentions(source, rule.source_context)) and \
        not (rule.source_unless and source_mentions(source, rule.source_unless))


# Agent suffixes (« spectateur », « manifestante », « journaliste »): a subject so built is a person.
HUMAN_SUFFIXES = ("eur", "eurs", "euse", "euses", "trice", "trices", "iste", "istes")


@cache
def _humans() -> frozenset[str]:
    return frozenset(fold_key(w) for w in load_toml("calques.toml")["human_nouns"]["nouns"])


def _subject_kind(toks: tuple[Token, ...], got: list[Token | None], rule: Rule) -> str | None:
    """« thing » when the subject of the rule's matched verb is a common noun naming no
    person (« la transition prendra place »): then the event reading is certain without a
    context word; « person » for « les invités ont pris place », which keeps its seating
    sense whatever the context; None when unknown (a pronoun, a name). The
    subject is the noun just before the verb group (auxiliaries, modals, adverbs and
    negation skipped), climbing out of complements (« les représentants des pays »,
    « les discussions entre les délégations »)."""
    verb = next((t for it, t in zip(rule.items, got, strict=True) if it.kind == "verb" and t), None)
    if verb is None:
        return None
    j = verb.i - 1
    while j >= 0 and not toks[j + 1].sent_start and (
            toks[j].pos in ("AUX", "ADV") or fold_key(toks[j].text) in _VERB_GROUP
            or (toks[j].pos in ("VERB", "AUX") and fold_key(toks[j].lemma) in _MODALS)):
        j -= 1
    subj: Token | None = None
    while j >= 0 and toks[j].pos in ("NOUN", "ADJ") and not toks[j + 1].sent_start:
        if toks[j].pos == "NOUN" and subj is None:
            subj = toks[j]
        k = j - 1
        while k >= 0 and toks[k].pos in ("ADJ", "DET", "NUM") and fold_key(toks[k].text) not in ("des", "du"):
            k -= 1
        if subj is not None and k > 0 and (toks[k].pos == "ADP" or fold_key(toks[k].text) in ("du", "des")):
            subj, j = None, k - 1  # a complement: the subject is further left
            continue
        break
    if subj is None:  # the parser's subject, when the words before are no noun phrase
        subj = next((t for t in toks if t.head == verb.i and t.dep == "nsubj" and t.pos == "NOUN"), None)
    if subj is None:
        return None
    if subj.ent == "PER":
        return "person"
    if subj.ent or subj.text[:1].isupper():
        return None
    key, lemma = fold_key(subj.text), fold_key(subj.lemma)
    human = key in _humans() or lemma in _humans() or key.endswith(HUMAN_SUFFIXES) or lemma.endswith(HUMAN_SUFFIXES)
    return "person" if human else "thing"


_VERB_GROUP = frozenset({"ne", "n'", "pas", "plus", "jamais", "y", "se", "s'", "en"})
_MODALS = frozenset({"aller", "devoir", "pouvoir", "vouloir", "sembler", "devrait", "pourrait"})


def _area(doc: Document, span: Span, size: int) -> Span:
    """size words each side; 0: the sentence; -1: the paragraph."""
    return window(doc, span, size) if size >= 0 else (doc.paragraph_at(span.start) or span)


def _sentence_ends(toks: tuple[Token, ...], lo: int, hi: int) -> list[int]:
    """For each token from lo to hi (whole paragraphs), the index after its sentence (from lo)."""
    ends = [hi] * (hi - lo)
    end = hi
    for t in reversed(toks[lo:hi]):
        ends[t.i - lo] = end
        if t.sent_start or (t.i > 0 and toks[t.i - 1].para != t.para):
            end = t.i
    return ends


def engine_for(memo: Callable[[str, Callable[[], RuleEngine]], RuleEngine], name: str, key: str) -> RuleEngine:
    """The RuleEngine of a data file, built once per run (``memo`` is the run's, Context.memo):
    building it compiles every rule."""
    return memo(f"engine:{name}", lambda: RuleEngine(load_rules(name, key)))
