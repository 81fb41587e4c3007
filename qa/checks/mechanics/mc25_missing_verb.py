"""MC25: a sentence whose main clause lost its auxiliary — a subject, then a past participle,
and no finite verb (« Le coût estimé à 4,5 millions d'euros par an. »
→ « est estimé », « Selon la protection civile, douze maisons détruites. » → « sont détruites »,
« La conseillère Jane Morris déclaré que… » → « a déclaré »)."""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.mechanics._finders import token_findings
from qa.checks.mechanics._sentences import sentence
from qa.checks.mechanics._word_classes import pos_lemmas
from qa.checks.mechanics._verb_reading import finite, verb_after_subject, verb_read_as_noun
from qa.knowledge.conjugation import conjugate, slots_of, takes_etre
from qa.knowledge.lemmas import lemma_tables
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_DEFINITE = frozenset(["le", "la", "l'", "l’", "les", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
                       "notre", "nos", "votre", "vos"])
_SUBORDINATORS = frozenset(["qui", "que", "qu'", "qu’", "dont", "où", "lorsque", "lorsqu'", "lorsqu’", "quand", "si",
                            "comme", "parce", "puisque", "puisqu'", "puisqu’", "car", "lequel", "laquelle", "lesquels",
                            "lesquelles", "auquel", "duquel", "afin", "pour", "sans", "avant", "après"])
_CLAUSE_WORDS = frozenset(["qui", "que", "qu'", "qu’", "dont", "où", "lorsque", "lorsqu'", "lorsqu’", "quand", "si", "s'",
                           "s’", "puisque", "parce", "lequel", "laquelle", "lesquels", "lesquelles", "auquel", "auxquels",
                           "auxquelles", "duquel", "desquels", "desquelles"])
# « ainsi que », « alors que », « plus que »: « que » joins or compares, it opens no subordinate clause.
_NOT_CLAUSE = frozenset(["ainsi", "alors", "tandis", "bien", "même", "plus", "moins", "autant", "tant"])
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite", "its", "ites",
                       "ert", "erte", "erts", "ertes", "int", "inte", "ints", "intes")
_DE = frozenset(["de", "d'", "d’", "du", "des"])
_QUE = frozenset(["que", "qu'", "qu’"])
_CARDINALS = frozenset(["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
                        "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante", "cent", "mille"])


def _pp(lemma: str) -> str:
    try:
        return conjugate(lemma).get("pp", "")
    except (ValueError, KeyError):
        return ""


def _auxiliary_form(t: Token) -> bool:
    """A finite form of « être » or « avoir »."""
    return t.text.isalpha() and t.pos not in ("DET", "ADP", "PRON") and any(
        (f := slots_of(aux, t.text.lower())) is not None and any(s[-1:].isdigit() for s in f[1]) for aux in ("être", "avoir"))


def _finite_form(t: Token, prev: Token | None = None) -> bool:
    """A word the conjugation tables know as a finite form of a verb whatever spaCy's tag
    (« craint », « reste »): the clause may have its verb."""
    if not t.text.isalpha() or not t.text.islower() or t.pos in ("DET", "ADP", "PRON", "CCONJ", "SCONJ") or (tables := lemma_tables()) is None:
        return False
    if _auxiliary_form(t):
        return True  # « s'est », « a »: whatever the tagger says
    found = tables.get_table("lemma_lookup").get(t.text, [])  # type: ignore[attr-defined]
    lemmas = [found] if isinstance(found, str) else list(found)
    if prev is not None and prev.pos not in ("DET", "ADP", "NUM"):  # « reçue finance », not « la tempête »
        lemmas += [v for v in (t.text + "r", t.text[:-2] + "r") if v.endswith("er") and (v in pos_lemmas("verb") or t.pos == "NOUN")]
    return any((f := slots_of(lemma, t.text)) is not None and any(s[-1:].isdigit() for s in f[1]) for lemma in lemmas)


def _opened(sent: list[Token], word: int, verb: int) -> bool:
    """A word that opens a clause (« que », « qui », « dont »…) stands between the participle
    and the verb, and no comma closes that clause before the verb."""
    between = [s for s in sent if word < s.i < verb]
    opener = next((k for k, s in enumerate(between) if s.text.lower() in _CLAUSE_WORDS
                   and not (k and between[k - 1].text.lower() in _NOT_CLAUSE)), None)
    if opener is None or any(s.text == "," for s in between[opener:]):
        return False
    clause = between[opener + 1 :]
    last = max((k for k, s in enumerate(clause) if finite(s) or _auxiliary_form(s)), default=None)
    # a verb already in that clause: the one after it is the main clause's (« L'aide liée au virus que la
    # ville a reçue protège »), unless « et », « ou » joins them
    return last is None or any(s.text.lower() in ("et", "ou", "mais") for s in clause[last + 1 :])


def _subject_end(sent: list[Token], start: int, fronted: bool) -> int | None:
    """The index after the subject noun phrase that starts at ``start``: a determiner (any
    after a fronted complement, a definite one at the sentence start) or a number, adjectives,
    a lower-case noun or a run of names, and « de » complements."""
    toks = {s.i: s for s in sent}
    k = start
    while k in toks and toks[k].pos == "ADV" and fronted and k - start < 2:
        k += 1  # « au moins douze maisons »
    if k in toks and toks[k].text.lower() == "au" and k + 1 in toks and toks[k + 1].text.lower() == "moins":
        k += 2
    first = toks.get(k)
    if first is None or not (first.pos in ("DET", "NUM") or first.text.isdigit() or first.text.lower() in _CARDINALS):
        return None
    if not fronted and first.text.lower() not in _DEFINITE:
        return None  # « Une décision saluée par les syndicats. »: a nominal sentence of the press
    k += 1
    while k in toks and (toks[k].pos in ("ADJ", "NUM") or toks[k].text.isdigit() or toks[k].text.lower() in _CARDINALS) and k - start < 6:
        k += 1
    if k not in toks or toks[k].pos not in ("NOUN", "PROPN"):
        if k - 1 > start and toks[k - 1].pos == "ADJ" and toks[k - 1].text.islower() and k in toks and toks[k].pos == "VERB":
            return k  # « plusieurs toits arrachés »: the noun tagged as an adjective
        return None
    while k in toks and toks[k].pos in ("NOUN", "PROPN"):
        k += 1
    while k in toks and toks[k].text.lower() in _DE and k + 1 in toks:  # « une partie de la collection »
        j = k + 1
        while j in toks and toks[j].pos == "DET":
            j += 1
        if j not in toks or toks[j].pos not in ("NOUN", "PROPN"):
            break
        k = j + 1
    while k + 1 in toks and toks[k].pos == "ADJ" and toks[k + 1].pos == "VERB" and toks[k + 1].morph.get("VerbForm") == "Part":
        k += 1  # « le montant total estimé »
    return k


class MissingVerb(Check):
    """A main clause with a subject and a past participle but no finite verb.

    A literal translation drops the auxiliary of a passive or a compound tense where the
    source's verb stands far from its participle (German « wurde … ausgestellt », Dutch
    « worden … geraamd ») or is contracted (English « homes destroyed » in a headline style
    carried into running text): « Le coût estimé à 4,5 millions d'euros par an. » French news
    writes nominal sentences, but they open with an indefinite noun phrase (« Une décision
    saluée par les syndicats. ») or carry no complement. So the sentence must end with a full
    stop, hold no quotation, colon or question, and no finite verb (spaCy's tags, a third
    person form it reads as a noun: MC18's rule, any finite form of the conjugation tables)
    except in a clause that « que », « qui », « dont », « où », « si » opens after the
    participle; its main clause opens with a definite noun phrase, or with a fronted
    complement and a comma and then any noun phrase, and the word right after that noun
    phrase is a past participle that agrees with it (not also a finite form), followed by a
    complement. The fix puts back the present of « être » (a passive, a verb of
    `conjugation.toml`'s etre_verbs), or of « avoir » before a participle that does not agree
    and « que », in the subject's number. A dropped copula before an adjective is left out:
    an attributive adjective in a sentence whose verb the tagger missed looks the same.

    Mauvais : « Le coût estimé à 4,5 millions d'euros par an. »
    Bon :     « Le coût est estimé à 4,5 millions d'euros par an. »
    """

    code = "MC25"
    priority = 213
    data_files = ("conjugation.toml",)
    name = "mechanics.missing-verb"
    category = Category.MISSING_WORD
    summary = "A clause with a subject and a participle but no auxiliary (« Le coût estimé à 4 millions. »)"
    needs_nlp = True
    nlp_components = ("parser",)
    autofix = "none"
    paragraph_local = True

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        tokens = ctx.analysis(doc).tokens
        yield from token_findings(self, doc, tokens, lambda t: (self._clause(doc, t, tokens),))

    @staticmethod
    def _clause(doc: Document, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        if not t.sent_start:
            return None
        if not doc[doc.paragraphs[t.para]].rstrip().endswith("."):
            return None  # a headline, a caption, a list item
        sent = sentence(tokens, t.i)
        after = tokens[sent[-1].i + 1] if sent[-1].i + 1 < len(tokens) else None
        if after is not None and after.para == t.para and after.text[:1].islower():
            return None  # « la m.t.b. a été détectée »: the full stop of an abbreviation ends no sentence
        if len(sent) < 6 or sent[-1].text != "." or any(s.text in ("«", "»", "\"", "“", "”", ":", ";", "?", "!", "(") for s in sent):
            return None
        start, fronted = sent[0].i, False
        if sent[0].pos == "ADP" or sent[0].text.lower() in ("selon", "pendant", "depuis"):
            comma = next((s.i for s in sent if s.text == ","), None)
            if comma is None or any(s.text.lower() in _SUBORDINATORS for s in sent if start < s.i < comma):
                return None
            start, fronted = comma + 1, True
        end = _subject_end(sent, start, fronted)
        if end is None or end >= sent[-1].i:
            return None
        head = tokens[end - 1]
        while head.pos == "ADJ" and head.i > start and tokens[head.i - 1].pos in ("NOUN", "PROPN", "ADJ"):
            head = tokens[head.i - 1]
        while end < sent[-1].i - 1 and tokens[end].pos == "ADV" and tokens[end].text.lower() not in ("pas", "plus", "jamais"):
            end += 1  # « la circulation très difficile »
        word = tokens[end]
        if word.para != t.para or not word.text.isalpha() or not word.text.islower():
            return None
        if finite(word) or _finite_form(word):
            return None
        for s in sent:
            if s.i != word.i and (finite(s) or verb_read_as_noun(s) or verb_after_subject(s, tokens)
                                     or _finite_form(s, tokens[s.i - 1] if s.i else None)):
                if s.i < word.i or not _opened(sent, word.i, s.i):
                    return None  # the clause has its verb
        plural = head.number == "p" or head.text.endswith(("s", "x")) and head.pos == "NOUN" and head.number != "s"
        nxt = tokens[end + 1]
        lemma = word.lemma.lower()
        pp = _pp(lemma) if word.pos in ("VERB", "ADJ") and lemma.endswith(("er", "ir", "re")) else ""
        participle = bool(pp) and word.text in (pp, pp + "e", pp + "s", pp + "es") or \
            not pp and word.text.endswith(_PARTICIPLE_ENDINGS) and (word.pos == "VERB" and word.morph.get("VerbForm") == "Part"
                                                                    or lemma.endswith(("er", "ir", "re")) and lemma != word.text)
        if participle:
            found = slots_of(lemma, word.text) if pp else None
            if found is not None and any(s[-1:].isdigit() for s in found[1]):
                return None  # « dit », « permet »: also a finite form
            if nxt.text.lower() in _QUE and not takes_etre(lemma) and not word.text.endswith(("e", "s")):
                aux = "ont" if plural else "a"  # « La conseillère Jane Morris déclaré que »
            elif (word.text.endswith("s") and not pp.endswith("s") if pp else word.morph.get("Number") == "Plur") == plural \
                    or pp.endswith("s"):
                aux = "sont" if plural else "est"
            else:
                return None
        else:
            return None
        if not fronted and nxt.pos not in ("ADP", "ADV") and nxt.text.lower() not in _QUE:
            return None  # « Les comptes arrêtés. », « Le personnel accueillant et souriant. »: no complement follows
        return Span(word.start, word.end), f"the clause « {head.text} {word.text} … » has no verb: « {aux} » is missing", f"{aux} {word.text}"
