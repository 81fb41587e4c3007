"""PA01/PA02: « Il » and past participles that do not agree with the country or
organisation they stand for (« La Chine nie … Il affirme … s’est abstenu »).

Dutch « het » and German « es » are neuter; MT renders them « il » even when the
antecedent (« la Chine », « l’Allemagne ») is feminine in French. The antecedent is
the subject of the sentence before, in the same paragraph, found with spaCy and the
gender list qa/data/gender.tsv; a chain of pronouns keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from qa.checks.base import Check, Context, once_per_document
from qa.data import load_toml, load_tsv
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.knowledge.nlp import Analysis, Token
from qa.model.textutil import PhraseMatcher, fold

PRONOUNS = {"il": ("m", "s"), "ils": ("m", "p"), "elle": ("f", "s"), "elles": ("f", "p")}
_PRONOUN_FOR = {v: k for k, v in PRONOUNS.items()}
_CLITICS = {"ne", "n'", "se", "s'", "y", "en", "lui", "leur", "l'", "le", "la", "les", "me", "m'", "nous", "vous"}
_SUBJECTS = {"nsubj", "nsubj:pass"}
_RELATIVES = {"qui", "que", "qu'", "dont", "où", "lorsque", "lorsqu'", "si", "quand", "car", ";", ":"}
_CLEFT = re.compile(r"\b[Cc]['’]est\s+(?:le\s+|la\s+|l['’]|les\s+)?$")
_DETERMINERS = {"le", "la", "l'", "les"}
# Names used without an article (« Chypre », « Cuba », « Israël ») have an unsettled
# gender in use; only a name with its article, or an acronym, is trusted.
_ARTICLE_BEFORE = re.compile(r"(?:\b[Ll]a\s+|\b[Ll]e\s+|\b[Ll]es\s+|\b[Ll]['’])$")


@dataclass(frozen=True)
class Antecedent:
    span: Span
    text: str
    gender: str  # m, f
    number: str  # s, p


@cache
def _lexicon() -> PhraseMatcher[tuple[str, str, str]]:
    return PhraseMatcher((name, (name, g, n)) for name, g, n in load_tsv("gender.tsv"))


@cache
def _data() -> dict[str, frozenset[str]]:
    raw = load_toml("pronouns.toml")
    return {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}


def _norm(text: str) -> str:
    return text.lower().replace("’", "'")


def _mentions(doc: Document, sent: Span) -> list[Antecedent]:
    out = []
    for m in _lexicon().finditer(doc[sent]):
        name, gender, number = m.payloads[0]
        text = doc.text[sent.start + m.start : sent.start + m.end]
        # A lower-case entry (« armée ») is a common noun: it needs its article to be a
        # subject; a capitalised one must be capitalised in the text (« Chine », not « chine »).
        # A lower-case entry also names the institution in capitals (« la Banque a relevé »).
        if name[:1].isupper() and not text[:1].isupper():
            continue
        out.append(Antecedent(Span(sent.start + m.start, sent.start + m.end), text, gender, number))
    return out


# « La British Medical Association », « la Food and Drug Administration »: a foreign name
# whose last word is a known noun takes that noun's French gender, the whole name being
# the antecedent.
_NAME_RUN = re.compile(r"(?:\b[Ll]a|\b[Ll]e|\b[Ll]es)\s+((?:[A-Z][\w’'-]*\s+(?:(?:and|of|for|&)\s+)?){1,3})$|"
                       r"\b[Ll]['’]((?:[A-Z][\w’'-]*\s+(?:(?:and|of|for|&)\s+)?){1,3})$")


def _named(doc: Document, sent: Span, m: Antecedent) -> Antecedent:
    if not m.text[:1].isupper():
        return m
    run = _NAME_RUN.search(doc.text, max(sent.start, m.span.start - 60), m.span.start)
    if run is None:
        return m
    start = run.start(1) if run.group(1) else run.start(2)
    return Antecedent(Span(start, m.span.end), doc.text[start : m.span.end], m.gender, m.number)


def _tokens(analysis: Analysis, span: Span) -> list[Token]:
    return [t for t in analysis.tokens if t.start >= span.start and t.end <= span.end]


def _subject(doc: Document, sent: Span, toks: list[Token]) -> Antecedent | None:
    """The known entity the sentence is about: its subject, or the focus of « c’est … qui »."""
    mentions = _mentions(doc, sent)
    for m in mentions:
        after = doc.text[m.span.end : m.span.end + 5]
        if _CLEFT.search(doc.text[sent.start : m.span.start]) and re.match(r"\s+qui\b", after):
            return m
    first_subject = next((t for t in toks if t.dep in _SUBJECTS and t.pos in ("NOUN", "PROPN", "PRON")), None)
    mentions = [_named(doc, sent, m) for m in mentions]
    mentions = [m for m in mentions if m.text.isupper() or _ARTICLE_BEFORE.search(doc.text[max(0, m.span.start - 5) : m.span.start])]
    for m in mentions:
        after = doc.text[m.span.end : m.span.end + 4]
        if re.match(r"\s+(?:du|de|des|d['’])\s*", after):
            continue  # « l’Opep du gaz »: the subject is a longer name than the entry
        if re.match(r"\s+(?:et|ou)\s", doc.text[m.span.end : m.span.end + 5]):
            continue  # « Les banques et établissements … » : a coordinated subject agrees otherwise
        inside = [t for t in toks if m.span.start <= t.start < m.span.end]
        lead = doc.text[sent.start : m.span.start].strip()
        at_start = _norm(lead) in _DETERMINERS or lead == ""
        if at_start or any(t.dep in _SUBJECTS for t in inside):
            if first_subject is not None and first_subject.end <= m.span.start:
                return None  # another subject comes first: « Le président de la Chine … »
            return m
    return None


# « se dire » / « se montrer » + adjective agree (« elle s’est dite prête »); + « que » or an
# infinitive they do not (« elle s’est dit que… »).
_ATTRIBUTE_VERBS = frozenset({"dit", "déclaré", "montré", "voulu"})


def _invariable(p: Token, nxt: Token | None, data: dict[str, frozenset[str]]) -> bool:
    if _norm(p.text) not in data["invariable_pronominal"]:
        return False
    return not (_norm(p.text) in _ATTRIBUTE_VERBS and nxt is not None and nxt.pos == "ADJ")


def _guess_infinitive(word: str) -> set[str]:
    w = _norm(word)
    out = {w}
    for end, inf in (("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"), ("ent", "er"), ("e", "er"),
                     ("es", "er"), ("ait", "er"), ("era", "er"), ("it", "ir"), ("is", "ir"), ("i", "ir")):
        if w.endswith(end):
            out.add(w[: -len(end)] + inf)
    return out


def _verb_after(toks: list[Token], k: int) -> tuple[list[Token], int]:
    """Verb tokens of the clause whose subject is toks[k]: auxiliaries and the main verb."""
    verbs = []
    j = k + 1
    while j < len(toks) and (_norm(toks[j].text) in _CLITICS or toks[j].pos == "ADV" or _norm(toks[j].text) in ("pas", "plus", "jamais")):
        j += 1
    while j < len(toks) and toks[j].pos in ("AUX", "VERB", "NOUN", "ADJ") and len(verbs) < 4:
        verbs.append(toks[j])
        j += 1
        while j < len(toks) and (toks[j].pos == "ADV" or _norm(toks[j].text) in ("pas", "plus", "jamais")):
            j += 1
        if verbs[-1].pos not in ("AUX",) and _norm(verbs[-1].text) not in ("a", "avait", "aura", "est", "été", "va", "doit", "peut", "veut"):
            break
    return verbs, j


def _agentive(toks: list[Token], k: int, kind: str = "agent_verbs") -> bool:
    """« Il » at toks[k] is followed by a verb a state or an organisation does."""
    verbs, end = _verb_after(toks, k)
    if not verbs:
        return False
    lemmas = [{_norm(v.lemma)} | _guess_infinitive(v.text) for v in verbs]
    data = _data()
    if any("être" in ls for ls in lemmas[:-1]) or _norm(verbs[0].text) in ("est", "était", "sera", "serait"):
        # « Il est prévu de / que » is impersonal.
        if end < len(toks) and _norm(toks[end].text) in ("de", "d'", "que", "qu'"):
            return False
    main = set().union(*lemmas)
    if main & data["modal_verbs"] and end < len(toks) and toks[end].morph.get("VerbForm") == "Inf":
        main = main | {_norm(toks[end].lemma)} | _guess_infinitive(toks[end].text)
    return bool(main & data[kind])


def _person_near(doc: Document, para: Span, start: int, gender: str) -> bool:
    """A man (for « il ») or a woman (for « elle ») named earlier in the paragraph: the
    pronoun may well stand for that person."""
    raw = doc.text[para.start : start]
    text = _norm(raw)
    if gender == "m":
        title, dets, nouns = r"\bM\.\s+[A-Z]", "le|l'|du|au|un", _data()["male_nouns"]
    else:
        title, dets, nouns = r"\bMme\s+[A-Z]", "la|l'|une|cette", _data()["female_nouns"]
    if re.search(title, raw):
        return True
    if any(re.search(rf"\b(?:{dets}) ?(?:\w+ )?{re.escape(n)}\b", text) for n in nouns):
        return True
    # « deux suspects », « des soldats »: people in the plural stand for « ils » / « elles ».
    plural = r"les|des|ces|deux|trois|quatre|cinq|plusieurs|\d+"
    return any(re.search(rf"\b(?:{plural}) (?:\w+ )?{re.escape(n)}[sx]\b", text) for n in nouns if " " not in n)


_TIME_NOUNS = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet "
    "août septembre octobre novembre décembre an matin soir midi week-end mois jour".split()
)


_MASC_DETS = frozenset({"un", "le", "ce", "cet", "du", "au"})
_FEM_DETS = frozenset({"une", "la", "cette"})


def _noun_gender(toks: list[Token], t: Token) -> str | None:
    """The determiner says more than the small model's guess (« un satellite »)."""
    dets = {_norm(d.text) for d in toks if d.head == t.i and d.dep == "det"}
    if dets & _MASC_DETS:
        return "m"
    if dets & _FEM_DETS:
        return "f"
    return t.gender


def _masculine_object(toks: list[Token], topic: Antecedent) -> bool:
    """A masculine singular object (« a lancé un satellite ») is another candidate for « Il »."""
    return any(
        t.dep == "obj" and t.pos == "NOUN" and _noun_gender(toks, t) == "m" and t.number != "p"
        and _norm(t.text) not in _TIME_NOUNS and not topic.span.start <= t.start < topic.span.end
        for t in toks
    )


@dataclass(frozen=True)
class Agreement:
    pronoun: Token | None  # the sentence-initial pronoun that should change, if any
    antecedent: Antecedent
    participles: tuple[Token, ...]  # past participles that should agree with it
    verb: Token | None = None  # a singular verb to make plural with the pronoun
    verb_plural: str = ""


def plural_verb(form: str) -> str | None:
    """Third-person plural of a third-person singular form, when it can be told."""
    table = load_toml("pronouns.toml")["plural_verbs"]
    low = form.lower()
    if low in table:
        return table[low]
    if low.endswith("ait"):
        return form[:-3] + "aient"
    if low.endswith("ra"):
        return form[:-1] + "ont"
    if low.endswith("e"):
        return form + "nt"
    return None


def _participles(doc: Document, toks: list[Token], subj_end: int, ante: Antecedent) -> list[Token]:
    """Past participles after « être » in the clause of the subject ending at subj_end."""
    out = []
    data = _data()
    i = next((i for i, t in enumerate(toks) if t.start >= subj_end), len(toks))
    pronominal = False
    while i < len(toks):
        t = toks[i]
        low = _norm(t.text)
        if low in _RELATIVES or (t.dep in _SUBJECTS and t.start >= subj_end):
            break
        if low in ("s'", "se"):
            pronominal = True
        if t.lemma == "être" and t.pos == "AUX":
            j = i + 1
            while j < len(toks) and (toks[j].pos == "ADV" or (toks[j].lemma == "être" and toks[j].pos == "AUX")):
                j += 1
            if j < len(toks):
                p = toks[j]
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                number = {"Sing": "s", "Plur": "p"}
                # « se sont entendus » after a singular subject: another, plural subject.
                aux_number = number.get(t.morph.get("Number", ""), ante.number)
                part_number = number.get(p.morph.get("Number", ""), ante.number)
                if (
                    p.morph.get("VerbForm") == "Part"
                    and p.morph.get("Tense", "Past") == "Past"
                    and aux_number == ante.number
                    and (part_number == ante.number or not p.text.lower().endswith("s"))
                    and not (pronominal and (_invariable(p, nxt, data) or (nxt and nxt.pos in ("DET", "NOUN"))))
                    and not (nxt and nxt.morph.get("VerbForm") == "Inf")
                    and _expected(p.text, ante) is not None
                ):
                    out.append(p)
            i = j
            pronominal = False
            continue
        i += 1
    return out


# Past participles whose masculine singular ends in « s » (« pris », « mis », « clos »).
_S_STEMS = ("is", "os")


def _expected(participle: str, ante: Antecedent) -> str | None:
    """The participle agreed with ante, or None when it already agrees or cannot be judged."""
    low = participle.lower()
    if low.endswith("e") or low.endswith("es") or not low[-1:].isalpha():
        return None  # already marked feminine, or not a simple form
    if low.endswith("s") and ante.number == "s" and not low.endswith(_S_STEMS):
        return None  # a plural form: another subject, or a number error this check does not judge
    if ante.gender == "f":
        if ante.number == "p" and low.endswith("s") and not low.endswith(_S_STEMS):
            return participle[:-1] + "es"  # « appelés » → « appelées »
        return participle + ("es" if ante.number == "p" else "e")
    if ante.number == "p" and not low.endswith(("s", "x")):
        return participle + "s"
    return None


def _pronoun_index(toks: list[Token]) -> int | None:
    """The subject pronoun of the main clause: first in the sentence, or after a connector
    (« Mais il », « Pourtant, il ») or an introductory phrase (« Selon Pékin, il »)."""
    i = 0
    while i < len(toks) and toks[i].pos == "PUNCT":
        i += 1
    if i < len(toks) and _norm(toks[i].text) in PRONOUNS:
        return i
    j = next((j for j in range(i, len(toks)) if toks[j].dep in _SUBJECTS), None)
    if j is None or j == i or _norm(toks[j].text) not in PRONOUNS or toks[j].pos != "PRON":
        return None
    before = toks[i:j]
    if any(t.pos == "SCONJ" or _norm(t.text) in _RELATIVES for t in before):
        return None  # « Quand il … », « Si il … »: a subordinate clause
    if toks[j - 1].text == "," or all(t.pos in ("CCONJ", "ADV") for t in before):
        return j
    return None


_COORDINATORS = {"mais", "et", "puis", "donc", "car"}


def _coordinated_pronoun(toks: list[Token], topic: Antecedent) -> int | None:
    """« La Chine nie …, mais il affirme … »: a wrong-gender « il » coordinated with the
    clause whose subject is the topic, in the same sentence."""
    start = next((i for i, t in enumerate(toks) if t.start >= topic.span.end), len(toks))
    for c in range(start + 1, len(toks)):
        t = toks[c]
        if t.dep in _SUBJECTS and _norm(t.text) not in PRONOUNS:
            return None  # another subject takes over
        if _norm(t.text) in _RELATIVES:
            return None
        if _norm(t.text) in PRONOUNS and t.pos == "PRON" and _norm(toks[c - 1].text) in _COORDINATORS:
            gender, number = PRONOUNS[_norm(t.text)]
            if number == topic.number and gender != topic.gender and _agentive(toks, c):
                return c
            return None
    return None


@cache
def _pronoun_or_etre() -> re.Pattern[str]:
    """Subject pronouns and the forms of « être » (participles agree after it), folded; « fût »,
    which the conjugation tables leave out, added."""
    from qa.knowledge.conjugation import form_slots

    words = sorted({*PRONOUNS, *form_slots("être"), "fût"}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


@once_per_document("pronouns.scope")
def scope(doc: Document, ctx: Context) -> set[int]:
    """Paragraphs where an agreement can be found: a known name or noun the sentence may be
    about (the antecedent never comes from another paragraph), with a subject pronoun or
    « être » after which a participle agrees."""
    found = set()
    for k, para in enumerate(doc.paragraphs):
        text = doc[para]
        folded, where = fold(text)
        last = None
        for last in _pronoun_or_etre().finditer(folded):
            pass
        if last is None:
            continue
        for m in _lexicon().finditer(text[: where[last.start()]]):  # the antecedent comes first
            if not m.payloads[0][0][:1].isupper() or text[m.start : m.start + 1].isupper():
                found.add(k)
                break
    return found


@once_per_document("pronouns.agreements")
def agreements(doc: Document, ctx: Context) -> list[Agreement]:
    analysis = ctx.analysis(doc)
    out: list[Agreement] = []
    for para in doc.paragraphs:
        topic: Antecedent | None = None
        blocked = False
        for sent in doc.sentences_in(para):
            toks = _tokens(analysis, sent)
            if not toks:
                continue
            k = _pronoun_index(toks)
            if k is not None:
                first = toks[k]
                low = _norm(first.text)
                if blocked and topic is not None and _agentive(toks, k, "intent_verbs"):
                    blocked = False  # a thing does not « affirm » or « want »
                if blocked and topic is not None and PRONOUNS[low] == (topic.gender, topic.number) == ("f", "s"):
                    blocked = False  # the masculine rival cannot be « elle »: « La Hongrie a bloqué le texte. Elle s’est opposé »
                if (
                    topic is None or blocked or not _agentive(toks, k)
                    or _person_near(doc, para, sent.start, PRONOUNS[_norm(toks[k].text)][0])
                ):
                    topic = None
                    continue
                gender, number = PRONOUNS[low]
                verb, verb_plural = None, ""
                if number != topic.number:
                    # « Les Pays-Bas … Il veut »: the verb changes with the pronoun.
                    verbs, _ = _verb_after(toks, k)
                    plural = plural_verb(verbs[0].text) if verbs and number == "s" else None
                    if plural is None:
                        topic = None
                        continue
                    verb, verb_plural = verbs[0], plural
                wrong = first if (gender, number) != (topic.gender, topic.number) else None
                parts = _participles(doc, toks, first.end, topic)
                if wrong is not None or parts:
                    out.append(Agreement(wrong, topic, tuple(parts), verb, verb_plural))
                blocked = _masculine_object(toks, topic)
                continue
            topic = _subject(doc, sent, toks)
            blocked = topic is not None and _masculine_object(toks, topic)
            if topic is not None:
                parts = _participles(doc, toks, topic.span.end, topic)
                if parts:
                    out.append(Agreement(None, topic, tuple(parts)))
                coordinated = _coordinated_pronoun(toks, topic)
                if coordinated is not None and not blocked and not _person_near(doc, para, toks[coordinated].start, "m"):
                    pron = toks[coordinated]
                    parts = _participles(doc, toks, pron.end, topic)
                    out.append(Agreement(pron, topic, tuple(parts)))
    return out


def _pronoun_for(token: Token, ante: Antecedent) -> str:
    right = _PRONOUN_FOR[(ante.gender, ante.number)]
    return right.capitalize() if token.text[:1].isupper() else right


class PronounAgreement(Check):
    """A subject pronoun whose gender does not match the country or organisation it stands for.

    Dutch « het » and German « es » are neuter, and MT writes « Il » for them, even
    after a feminine antecedent. The antecedent is the subject of the sentence before
    (« La Chine nie … », « c’est l’Allemagne qui … ») when it is in the gender list
    and no man is named in between; the verb must be one a state or an organisation
    does (affirmer, annoncer, fournir…). Impersonal « Il y a », « Il faut », « Il est
    prévu de » are never touched.

    Mauvais : « La Chine nie soutenir la Russie. Il affirme respecter l’Ukraine. »
    Bon :     « La Chine nie soutenir la Russie. Elle affirme respecter l’Ukraine. »
    """

    code = "PA01"
    priority = 70
    paragraph_local = True
    name = "agreement.pronoun"
    category = Category.PRONOUN_AGREEMENT
    summary = "Pronoun gender differs from its antecedent's"
    needs_nlp = True
    nlp_components = ("parser",)  # dependencies only: no entities (qa.knowledge.nlp)

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        return scope(doc, ctx)

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for a in agreements(doc, ctx):
            if a.pronoun is None:
                continue
            right = _pronoun_for(a.pronoun, a.antecedent)
            span = Span(a.pronoun.start, a.pronoun.end)
            what = ("feminine" if a.antecedent.gender == "f" else "masculine") + (" plural" if a.antecedent.number == "p" else "")
            if a.verb is not None:
                span = Span(a.pronoun.start, a.verb.end)
                right = right + doc.text[a.pronoun.end : a.verb.start] + a.verb_plural
            yield self.finding(
                doc, span,
                f"« {doc[span]} » stands for « {a.antecedent.text} », which is {what}: « {right} »",
                suggestions=[right],
            )


class ParticipleAgreement(Check):
    """A past participle after « être » that does not agree with its feminine subject.

    The subject may be the country or organisation itself (« La Chine s’est abstenu »)
    or a pronoun standing for it (« La Chine nie … Il s’est abstenu »). Pronominal
    verbs whose reflexive is an indirect object (« s’est permis de ») do not agree.

    Mauvais : « La Chine s’est abstenu lors du vote. »
    Bon :     « La Chine s’est abstenue lors du vote. »
    """

    code = "PA02"
    priority = 80
    paragraph_local = True
    name = "agreement.participle"
    category = Category.PRONOUN_AGREEMENT
    summary = "Participle does not agree with its subject"
    needs_nlp = True
    nlp_components = ("parser",)  # dependencies only: no entities (qa.knowledge.nlp)

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        return scope(doc, ctx)

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for a in agreements(doc, ctx):
            for p in a.participles:
                right = _expected(p.text, a.antecedent)
                if right is None:
                    continue
                yield self.finding(
                    doc, Span(p.start, p.end),
                    f"« {p.text} » agrees with « {a.antecedent.text} »: « {right} »",
                    suggestions=[right],
                )
