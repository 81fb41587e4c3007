"""With a source: the subject pronoun whose antecedent the source shows, for PA01/PA02.

German « Die Regierung hat … Sie will … » and Dutch « Het onderzoek … Het beveelt aan … »
say by their article and pronoun that the pronoun stands for the subject of the sentence
before. MT carries the source pronoun's gender into French (« Le gouvernement … Elle veut »,
« L’enquête … Il recommande »). When the source's article and pronoun agree, the French
pronoun that renders the source pronoun's gender stands for the French sentence's opening
noun phrase, whatever other noun of its gender the French sentence holds: a pronoun of the
other gender than that noun is wrong.

The source is split into sentences like the French paragraph; a paragraph whose sentence
count differs from its source line's is left alone. Only sentence-initial pronouns are judged
(in the source also one right after the finite verb of a sentence another phrase opens,
« Dort leitete sie »; in French also one after an opening phrase and a comma, « Mardi, il »),
and never an impersonal one (« Il faut », « Il est prévu de »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from qa.checks.agreement._antecedents import (
    PRONOUNS,
    Antecedent,
    agentive,
    guess_infinitive,
    norm,
    person_near,
    pronoun_data,
    tokens_in,
)
from qa.checks.agreement._noun_topic import impersonal
from qa.checks.base import Context
from qa.data import load_toml
from qa.knowledge.article_gender import listed_gender
from qa.knowledge.bilingual import french_noun_gender
from qa.knowledge.inflection import noun_gender
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"»“”]?\s+(?=[\"„“«‚A-ZÄÖÜÀ-Þ])")
_WORD = re.compile(r"[^\W\d_]+")
_FRENCH_DETS = {"la": "f", "une": "f", "cette": "f", "le": "m", "un": "m", "ce": "m", "cet": "m"}
# What each source gender becomes in French when MT follows the source.
_RENDERED = {"m": "m", "f": "f", "n": "m"}
# « être » in the verb group, then « de » or « que »: « Il a été décidé de », « Il est clair que ».
_IMPERSONAL_FRAME = frozenset({"de", "d'", "que", "qu'"})
# What may stand between « de » and its infinitive: negation and clitics (« de ne pas le faire »).
_INFINITIVE_LEAD = frozenset({"ne", "n'", "pas", "plus", "jamais", "se", "s'", "le", "la", "l'", "les", "lui", "leur", "y", "en"})
# Source demonstratives that open a sentence for a noun of the one before (German « dieser »,
# Dutch « deze » / « dit »), their gender read in `source_articles`.
_DEMONSTRATIVE_WORDS = frozenset({"dieser", "diese", "dieses", "deze", "dit"})
_FRENCH_DEMONSTRATIVES = {"celui": ("m", "Celle"), "celle": ("f", "Celui")}
# A sentence that opens with a plural pronoun cannot hold a singular pronoun's antecedent:
# the one before it may (« Le syndicat … Celles-ci doivent … Elle réclame »).
_PLURAL_OPENINGS = frozenset({"ils", "elles", "ceux", "celles"})
# A sentence of direct speech opens with a quotation mark.
_QUOTES = frozenset({"«", '"', "“", "„"})


@dataclass(frozen=True)
class Found:
    """A pronoun (of a sentence or clause whose tokens are given) and what it stands for."""

    pronoun: Token
    antecedent: Antecedent
    tokens: tuple[Token, ...]
    right: str = ""  # the corrected pronoun when it is not « il » / « elle » (« Celui-ci »)


@cache
def _tables() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    raw = load_toml("pronouns.toml")
    return raw["source_pronouns"], raw["source_articles"]


def source_sentences(line: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(line.strip()) if s]


def _first_words(sentence: str, n: int = 2) -> list[str]:
    return [w.lower() for w in _WORD.findall(sentence)[:n]]


def _source_pair(lang: str, before: str, after: str) -> str | None:
    """The source pronoun's gender when `after` opens with a subject pronoun that agrees with
    the article opening `before` (or with a bare name or noun opening it: any gender)."""
    pronouns, articles = _tables()
    if lang not in pronouns:
        return None
    words = _first_words(after, 1)
    if words and words[0] in _DEMONSTRATIVE_WORDS and words[0] in articles[lang]:
        gender = articles[lang][words[0]]  # « Diese », « Deze »: a demonstrative pronoun
    elif words and words[0] in pronouns[lang]:
        gender = pronouns[lang][words[0]]
    else:
        gender = _inverted(lang, after)
        if gender is None:
            return None
    opening = _WORD.match(before.lstrip("\"„“«‚ "))
    if opening is None:
        return None
    first = opening.group().lower()
    if first in articles[lang]:
        return gender if set(gender) <= set(articles[lang][first]) else None
    if first in pronouns[lang] or not opening.group()[:1].isupper() or lang == "en" and gender != "n":
        return None  # a pronoun chain, or a lower-case word: no subject to read
    return gender  # « Zorgverzekeraar CZ heeft … Hij »: a bare noun or a name


def _inverted(lang: str, sentence: str) -> str | None:
    """German and Dutch put the subject pronoun after the finite verb when another phrase opens
    the sentence (« Dort leitete sie », « In een reactie laat het weten »): the first pronoun
    right after a lower-case word, within the first six words and before any comma."""
    if lang not in ("de", "nl"):
        return None
    pronouns, articles = _tables()[0][lang], _tables()[1][lang]
    words = _WORD.findall(sentence.split(",", 1)[0])[:6]
    if not words or words[0].lower() in articles:
        return None  # a noun phrase opens it, most likely its subject
    for before, word in zip(words, words[1:]):
        if word in pronouns and before[:1].islower():
            return pronouns[word]
    return None


def _french_pronoun(toks: list[Token]) -> int | None:
    """The subject « il » / « elle » opening the sentence, or right after an opening phrase
    closed by a comma (« Dans une réaction, il »), no subordinate clause before it."""
    if toks and norm(toks[0].text) in ("il", "elle"):
        return 0
    for k in range(1, min(len(toks), 10)):
        t = toks[k]
        if t.pos == "SCONJ" or norm(t.text) in ("qui", "que", "qu'", "dont", "où") or t.pos == "PRON" and k == 1:
            return None
        if norm(t.text) in ("il", "elle") and t.dep in ("nsubj", "expl:subj") and toks[k - 1].text == ",":
            return k
    return None


def opening_phrase(doc: Document, toks: list[Token]) -> Antecedent | None:
    """The singular noun phrase that opens a French sentence (« La mutuelle CZ », « L’enquête
    du Médiateur »), its gender from the determiner or, after « l’ », from the noun lists."""
    if len(toks) < 2 or toks[0].pos == "PUNCT":
        return None
    det, noun = norm(toks[0].text), toks[1]
    if not _WORD.fullmatch(noun.text) or noun.text[:1].isupper() and noun.pos == "PROPN":
        return None
    word = noun.text.lower()
    if word in pronoun_data()["quantity_nouns"] or word.endswith(("s", "x")) and noun.morph.get("Number") == "Plur":
        return None
    gender = _FRENCH_DETS.get(det)
    if gender is None and det == "l'":
        # The installed FreeDict French-to-X dictionaries last (« l’éolienne »); « n » is either gender.
        gender = noun_gender(word) or listed_gender(word) or (french_noun_gender(word) or "").strip("n") or None
    if gender is None:
        return None
    if len(toks) > 2 and norm(toks[2].text) in ("et", "ou"):
        return None  # « La ville et le département »: a coordinated subject
    span = Span(toks[0].start, noun.end)
    return Antecedent(span, doc[span], gender, "s")


def _fronted_subject(doc: Document, toks: list[Token]) -> Antecedent | None:
    """The subject noun phrase right after a phrase the French sentence opens with, closed by a
    comma (« Selon l’administration, l’éolienne aurait rapporté »), where the source opens
    with the subject itself."""
    comma = next((c for c, t in enumerate(toks[:10]) if t.text == ","), None)
    if comma is None or comma == 0 or any(t.pos in ("VERB", "AUX") for t in toks[:comma]):
        return None
    found = opening_phrase(doc, toks[comma + 1 :])
    if found is None or toks[comma + 2].dep not in ("nsubj", "nsubj:pass"):
        return None
    return found


def _verb_group(toks: list[Token], k: int) -> tuple[bool, Token | None, bool]:
    """After the pronoun toks[k]: whether « être » is in the verb group, its participle, and
    whether « de » or « que » follows it (« Il a été décidé de », « Il est clair que »)."""
    j, etre, participle = k + 1, False, None
    # An adverbial locution may stand inside the group (« serait en outre intervenu »).
    while j < len(toks) and (toks[j].pos in ("AUX", "VERB", "ADV", "PRON", "ADJ") or toks[j].dep in ("advmod", "fixed")) and j < k + 6:
        etre = etre or toks[j].lemma == "être"
        verbal = toks[j].pos == "ADJ" and toks[j].lemma.endswith(("er", "ir", "re")) and toks[j].lemma != toks[j].text.lower()
        if etre and (toks[j].pos == "VERB" or verbal):
            participle = toks[j]  # the tagger may call it finite (« sera agrandi ») or an adjective (« opposé »)
        j += 1
    return etre, participle, etre and j < len(toks) and _frame(toks, j)


def _frame(toks: list[Token], j: int) -> bool:
    """« que » at toks[j], or « de » opening an infinitive (« Il a été décidé de reporter »,
    « de ne pas »), not « de » as a preposition (« Il doit être tranché d’ici juin »)."""
    low = norm(toks[j].text)
    if low not in _IMPERSONAL_FRAME:
        return False
    if low in ("que", "qu'"):
        return True
    rest = toks[j + 1 : j + 5]
    for t in rest:
        if t.morph.get("VerbForm") == "Inf":
            return True
        if norm(t.text) not in _INFINITIVE_LEAD:
            return False
    return False


def fact(toks: list[Token], k: int) -> bool:
    """« Il montre à quel point … »: a neuter pronoun for a fact (PC03's calque), not for a noun,
    unless the verb is one an organisation does (« Il souligne »)."""
    return agentive(toks, k, "fact_verbs") and not agentive(toks, k)


def impersonal_frame(toks: list[Token], k: int) -> bool:
    return _verb_group(toks, k)[2]


def _impersonal(toks: list[Token], k: int) -> bool:
    """« Il faut », « Il y a », « Il a été décidé de ». The small model reads « Il » before a
    passive as expletive (« Il sera agrandi »), which the source's personal pronoun belies: there
    only the verb list and the « de » / « que » frame count."""
    etre, participle, frame = _verb_group(toks, k)
    if frame:
        return True
    if etre and participle is not None:
        return bool(({norm(participle.lemma)} | guess_infinitive(participle.text)) & pronoun_data()["impersonal_verbs"])
    if toks[k].dep == "expl:subj":
        # The parse's expletive is belied by the source's personal pronoun (« Es will », « It
        # will apply »): the verb list and « y » decide.
        toks = [*toks[:k], replace(toks[k], dep="nsubj"), *toks[k + 1 :]]
    return impersonal(toks, k)


def source_line(doc: Document, para: int, source: str | None) -> str | None:
    if not source:
        return None
    lines = [line for line in source.splitlines() if line.strip()]
    return lines[para] if len(lines) == len(doc.paragraphs) else None


def source_agreements(doc: Document, para: int, analysis: Analysis, source: str | None,
                      lang: str | None) -> list[Found]:
    """Sentence-initial pronouns of paragraph para whose antecedent the source shows, when
    their gender is not that antecedent's French gender."""
    line = source_line(doc, para, source)
    if line is None or lang is None:
        return []
    src = source_sentences(line)
    sents = doc.sentences_in(doc.paragraphs[para])
    if len(src) != len(sents) or len(sents) < 2:
        return []
    out = []
    for i in range(1, len(sents)):
        toks = tokens_in(analysis, sents[i])
        j = _antecedent_sentence(analysis, sents, i)
        gender = _source_pair(lang, src[j], src[i])
        prev = tokens_in(analysis, sents[j])
        if gender is None or not toks:
            continue
        if norm(toks[0].text) in _FRENCH_DEMONSTRATIVES and len(toks) > 3 and doc.text[toks[0].end : toks[2].end] == "-ci":
            said, other = _FRENCH_DEMONSTRATIVES[norm(toks[0].text)]
            topic = opening_phrase(doc, prev)
            if topic is not None and topic.gender != said and (gender in _RENDERED or len(gender) > 1):
                pron = replace(toks[0], end=toks[2].end, text=doc.text[toks[0].start : toks[2].end])
                right = other + "-ci" if pron.text[:1].isupper() else other.lower() + "-ci"
                out.append(Found(pron, topic, tuple(toks), right))
            continue
        found = _judge(doc, toks, doc, prev, Span(sents[j].start, toks[0].start), gender, lang)
        if found is not None:
            out.append(found)
    return out


def _judge(doc: Document, toks: list[Token], before_doc: Document, prev: list[Token], between: Span,
           gender: str, lang: str) -> Found | None:
    """The sentence-initial pronoun of toks when it does not agree with the noun phrase opening
    the sentence before (prev, in before_doc), which the source pair shows it stands for."""
    k = _french_pronoun(toks)
    if gender not in _RENDERED or k is None:
        return None
    said, number = PRONOUNS[norm(toks[k].text)]
    topic = opening_phrase(before_doc, prev) or _fronted_subject(before_doc, prev)
    if topic is None or topic.gender == said or _impersonal(toks, k) or fact(toks, k):
        return None
    if person_near(before_doc, between, between.end, said, number == "p") or before_doc is not doc and person_near(
            doc, Span(0, toks[k].start), toks[k].start, said, number == "p"):
        return None  # « Le président de la commission, Ingrid de Boer, … Elle »: the person
    if lang != "en" and said != _RENDERED[gender] and topic.gender != _RENDERED[gender]:
        return None  # the French pronoun does not follow the source, nor does the noun: MT chose both
    return Found(toks[k], topic, tuple(toks))


def segment_agreement(doc: Document, analysis: Analysis, ctx: Context) -> list[Found]:
    """A segment of a bilingual file (a line and its source line: news writes a sentence a
    paragraph) that opens with a pronoun whose antecedent opens the last sentence of the
    segment before (« Das Mädchen war … » / « Es konnte … » → « La fillette avait … » /
    « Il ne pouvait … »): the file's targets and sources give that segment, aligned line by line."""
    if not ctx.source or not ctx.source_lang or not ctx.file_targets or not ctx.file_source or len(doc.paragraphs) != 1:
        return []
    targets = [line for line in ctx.file_targets.split("\n") if line.strip()]
    sources = [line for line in ctx.file_source.split("\n") if line.strip()]
    here = next((i for i, line in enumerate(targets) if line == doc.text), None)
    if not here or len(targets) != len(sources) or sources[here].strip() != ctx.source.strip():
        return []
    src, before_src = source_sentences(ctx.source), source_sentences(sources[here - 1])
    sents = doc.sentences_in(doc.paragraphs[0])
    prev_doc = Document(f"{doc.path}#previous", targets[here - 1])
    if not sents or not before_src or len(src) != len(sents) or not prev_doc.sentences:
        return []
    last = prev_doc[prev_doc.sentences[-1]].rstrip()
    if not last.endswith((".", "!", "?")) or not before_src[-1].rstrip().endswith((".", "!", "?")):
        return []  # a headline before: nothing it opens stands for the pronoun
    gender = _source_pair(ctx.source_lang, before_src[-1], src[0])
    toks = tokens_in(analysis, sents[0])
    if gender is None or not toks:
        return []
    prev_analysis = ctx.analysis(prev_doc, range(len(prev_doc.paragraphs)))
    prev = tokens_in(prev_analysis, prev_doc.sentences[-1])
    found = _judge(doc, toks, prev_doc, prev, Span(prev_doc.sentences[-1].start, prev_doc.sentences[-1].end), gender, ctx.source_lang)
    return [found] if found is not None else []


def source_vetoes(doc: Document, para: int, analysis: Analysis, source: str | None, lang: str | None) -> dict[int, Span]:
    """French sentence-initial pronouns (by offset) whose source pronoun does not agree with the
    article opening the source sentence before (« Die Stadt investiert in das Café. Es soll … »),
    with the opening words of the French sentence before: the noun phrase there is not what the
    pronoun stands for, whatever the French says (another noun of that sentence may be)."""
    line = source_line(doc, para, source)
    if line is None or lang not in ("de", "nl"):
        return {}
    src = source_sentences(line)
    sents = doc.sentences_in(doc.paragraphs[para])
    if len(src) != len(sents):
        return {}
    pronouns, articles = _tables()[0][lang], _tables()[1][lang]
    out = {}
    for i in range(1, len(sents)):
        first, before = _first_words(src[i], 1), _first_words(src[i - 1], 1)
        if not first or not before or first[0] not in pronouns or before[0] not in articles:
            continue
        if _source_pair(lang, src[i - 1], src[i]) is not None:
            continue
        toks, before_toks = tokens_in(analysis, sents[i]), tokens_in(analysis, sents[i - 1])
        k = _french_pronoun(toks)
        if k is not None and len(before_toks) > 2:
            out[toks[k].start] = Span(sents[i - 1].start, before_toks[2].end)
    return out


def _antecedent_sentence(analysis: Analysis, sents: list[Span], i: int) -> int:
    """The sentence before sentence i, or the one before that when it opens with a plural
    pronoun (« Ceux-ci », « Ils ») and i with a singular one, or with a quotation."""
    if i < 2:
        return i - 1
    first = tokens_in(analysis, sents[i])[:1]
    before = tokens_in(analysis, sents[i - 1])[:1]
    if first and before and norm(first[0].text) in ("il", "elle", "celui", "celle") and norm(before[0].text) in _PLURAL_OPENINGS:
        return i - 2
    if first and before and before[0].text in _QUOTES:
        return i - 2  # « Nous n’avons pas le choix », a-t-elle déclaré. Elle a promis …: the quotation is no antecedent
    return i - 1
