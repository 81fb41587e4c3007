"""What a pronoun may stand for, for PA01/PA02: the country or organisation a sentence is
about (its subject, found with spaCy and the gender list qa/data/gender.tsv), the verbs that
say a state or an organisation acts, and the rivals (a person, a masculine object) that
make « il » stand for something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from qa.data import load_toml, load_tsv
from qa.knowledge.nlp import Analysis, Token
from qa.knowledge.person_gender import first_name_gender
from qa.model.document import Document, Span
from qa.model.textutil import PhraseMatcher

PRONOUNS = {"il": ("m", "s"), "ils": ("m", "p"), "elle": ("f", "s"), "elles": ("f", "p")}
_CLITICS = {"ne", "n'", "se", "s'", "y", "en", "lui", "leur", "l'", "le", "la", "les", "me", "m'", "nous", "vous"}
SUBJECTS = {"nsubj", "nsubj:pass"}
RELATIVES = {"qui", "que", "qu'", "dont", "où", "lorsque", "lorsqu'", "si", "quand", "car", ";", ":"}
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
def gender_lexicon() -> PhraseMatcher[tuple[str, str, str]]:
    return PhraseMatcher((name, (name, g, n)) for name, g, n in load_tsv("gender.tsv"))


@cache
def pronoun_data() -> dict[str, frozenset[str]]:
    raw = load_toml("pronouns.toml")
    return {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}


def norm(text: str) -> str:
    """Lower case with straight apostrophes."""
    return text.lower().replace("’", "'")


def _mentions(doc: Document, sent: Span) -> list[Antecedent]:
    out = []
    for m in gender_lexicon().finditer(doc[sent]):
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


def tokens_in(analysis: Analysis, span: Span) -> list[Token]:
    return analysis.in_span(span.start, span.end)


def sentence_topic(doc: Document, sent: Span, toks: list[Token]) -> Antecedent | None:
    """The known entity the sentence is about: its subject, or the focus of « c’est … qui »."""
    mentions = _mentions(doc, sent)
    for m in mentions:
        after = doc.text[m.span.end : m.span.end + 5]
        if _CLEFT.search(doc.text[sent.start : m.span.start]) and re.match(r"\s+qui\b", after):
            return m
    first_subject = next((t for t in toks if t.dep in SUBJECTS and t.pos in ("NOUN", "PROPN", "PRON")), None)
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
        at_start = norm(lead) in _DETERMINERS or lead == ""
        if at_start or any(t.dep in SUBJECTS for t in inside):
            if first_subject is not None and first_subject.end <= m.span.start:
                return None  # another subject comes first: « Le président de la Chine … »
            return m
    return None


# « se dire » / « se montrer » + adjective agree (« elle s’est dite prête »); + « que » or an
# infinitive they do not (« elle s’est dit que… »).
_ATTRIBUTE_VERBS = frozenset({"dit", "déclaré", "montré", "voulu"})


def stays_invariable(p: Token, nxt: Token | None, data: dict[str, frozenset[str]]) -> bool:
    """A pronominal participle whose reflexive is an indirect object (« s’est permis de »)."""
    if norm(p.text) not in data["invariable_pronominal"]:
        return False
    return not (norm(p.text) in _ATTRIBUTE_VERBS and nxt is not None and nxt.pos == "ADJ")


def guess_infinitive(word: str) -> set[str]:
    w = norm(word)
    out = {w}
    for end, inf in (("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"), ("ent", "er"), ("e", "er"),
                     ("es", "er"), ("ait", "er"), ("era", "er"), ("it", "ir"), ("is", "ir"), ("i", "ir")):
        if w.endswith(end):
            out.add(w[: -len(end)] + inf)
    return out


def verb_after(toks: list[Token], k: int) -> tuple[list[Token], int]:
    """Verb tokens of the clause whose subject is toks[k]: auxiliaries and the main verb."""
    verbs = []
    j = k + 1
    while j < len(toks) and (norm(toks[j].text) in _CLITICS or toks[j].pos == "ADV" or norm(toks[j].text) in ("pas", "plus", "jamais")):
        j += 1
    while j < len(toks) and toks[j].pos in ("AUX", "VERB", "NOUN", "ADJ") and len(verbs) < 4:
        verbs.append(toks[j])
        j += 1
        while j < len(toks) and (toks[j].pos == "ADV" or norm(toks[j].text) in ("pas", "plus", "jamais")):
            j += 1
        if verbs[-1].pos not in ("AUX",) and norm(verbs[-1].text) not in ("a", "avait", "aura", "est", "été", "va", "doit", "peut", "veut"):
            break
    return verbs, j


def agentive(toks: list[Token], k: int, kind: str = "agent_verbs") -> bool:
    """« Il » at toks[k] is followed by a verb a state or an organisation does."""
    verbs, end = verb_after(toks, k)
    if not verbs:
        return False
    lemmas = [{norm(v.lemma)} | guess_infinitive(v.text) for v in verbs]
    data = pronoun_data()
    if any("être" in ls for ls in lemmas[:-1]) or norm(verbs[0].text) in ("est", "était", "sera", "serait"):
        # « Il est prévu de / que » is impersonal.
        if end < len(toks) and norm(toks[end].text) in ("de", "d'", "que", "qu'"):
            return False
    main = set().union(*lemmas)
    if main & data["modal_verbs"] and end < len(toks) and toks[end].morph.get("VerbForm") == "Inf":
        main = main | {norm(toks[end].lemma)} | guess_infinitive(toks[end].text)
    return bool(main & data[kind])


def person_near(doc: Document, para: Span, start: int, gender: str, plural: bool = True) -> bool:
    """A man (for « il ») or a woman (for « elle ») named earlier in the paragraph: the
    pronoun may well stand for that person. People in the plural count unless `plural` is
    False (a singular pronoun the source shows: « 60 salariés … Il » is not about them)."""
    raw = doc.text[para.start : start]
    text = norm(raw)
    if gender == "m":
        title, dets, nouns = r"\bM\.\s+[A-Z]", "le|l'|du|au|un", pronoun_data()["male_nouns"]
    else:
        title, dets, nouns = r"\bMme\s+[A-Z]", "la|l'|une|cette", pronoun_data()["female_nouns"]
    if re.search(title, raw):
        return True
    # A full name whose first name says the gender (« Ingrid de Boer », `first_names.toml`).
    for m in re.finditer(r"(?<![\w.’'-])([A-ZÀ-Þ][\w-]+)\s+(?:(?:van|von|de|der|den|ter|ten|zu)\s+)*[A-ZÀ-Þ]", raw):
        if first_name_gender(m.group(1)) == gender:
            return True
    if any(re.search(rf"\b(?:{dets}) ?(?:\w+ )?{re.escape(n)}\b", text) for n in nouns):
        return True
    if not plural:
        return False
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
    dets = {norm(d.text) for d in toks if d.head == t.i and d.dep == "det"}
    if dets & _MASC_DETS:
        return "m"
    if dets & _FEM_DETS:
        return "f"
    return t.gender


def masculine_object(toks: list[Token], topic: Antecedent) -> bool:
    """A masculine singular object (« a lancé un satellite ») is another candidate for « Il »."""
    return any(
        t.dep == "obj" and t.pos == "NOUN" and _noun_gender(toks, t) == "m" and t.number != "p"
        and norm(t.text) not in _TIME_NOUNS and not topic.span.start <= t.start < topic.span.end
        for t in toks
    )


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


def singular_verb(form: str, lemma: str = "") -> str | None:
    """Third-person singular of a third-person plural form (« annoncent » → « annonce »): from
    the table, or by rule for the imperfect, the future and the present of verbs in -er."""
    table = {v: k for k, v in load_toml("pronouns.toml")["plural_verbs"].items()}
    low = form.lower()
    if low in table:
        return table[low]
    for plural, singular in (("aient", "ait"), ("ront", "ra")):
        if low.endswith(plural):
            return form[: len(form) - len(plural)] + singular
    if low.endswith("ent") and lemma.lower().endswith("er") and lemma.lower() != "aller":
        return form[:-3] + "e"
    return None


def collective(topic: Antecedent) -> bool:
    """The antecedent's head noun, its first word after the determiner (« L’association de
    logement »), or its last (« la Police nationale » aside), is an organisation English
    « they » and Dutch « zij » make plural (pronouns.toml `collective_nouns`)."""
    words = norm(topic.text).split()
    if not words:
        return False
    first = words[0].split("'", 1)[1] if "'" in words[0] else words[1] if len(words) > 1 else words[0]
    return bool({first, words[-1]} & pronoun_data()["collective_nouns"])
