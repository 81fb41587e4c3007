"""PA04: a participle or an attribute after « être » left masculine for a feminine subject."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from qa.checks.agreement._attributes import SCOPE as ATTRIBUTE_SCOPE
from qa.checks.agreement._attributes import attributes
from qa.checks.agreement._participle_forms import feminine, lost_auxiliary
from qa.checks.agreement.pa05_person_gender import known_people
from qa.checks.base import Context
from qa.checks.scope import ScopedCheck
from qa.checks.split import ByParagraph, shifted
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.knowledge.article_gender import listed_gender
from qa.knowledge.conjugation import form_slots
from qa.knowledge.nlp import Analysis, Token
from qa.knowledge.person_gender import first_name_gender
from qa.knowledge.wordlists import is_french_form

_FEMININE_DETERMINERS = frozenset({"la", "une", "cette", "l’une", "l'une"})
_MASCULINE_DETERMINERS = frozenset({"le", "un", "ce", "cet", "du", "au"})
_SUBJECTS = ("nsubj", "nsubj:pass")
_OTHER_CLAUSE = frozenset({"nsubj", "nsubj:pass", "ccomp", "csubj", "parataxis", "conj"})
_CLITICS = frozenset({"s’", "s'", "se", "ne", "n’", "n'", "y", "en", "l’", "l'", "lui", "leur"})
# The third-person, participle and infinitive forms of « être », from the conjugation tables.
_ETRE = frozenset(k for k, slots in form_slots("être").items()
                  if any(s.endswith(("3", "6")) or s in ("pp", "ppr", "inf") for s in slots))
# Cheap look before the analysis: a form of « être » before a word that may be a participle.
_SCOPE = re.compile(r"\b(?:est|était|sera|serait|fut|été|sont|étaient|seront|seraient|être)\s+(?:[\w'’]+\s+){0,2}"
                    r"\w+(?:é|i|u|is|it|t|s)\b", re.I)
# Determiners of a plural noun phrase: with one, the subject is plural whatever the tagger says.
_PLURAL_DETERMINERS = frozenset({"les", "des", "ces", "leurs", "plusieurs", "certains", "certaines", "nos", "vos",
                                 "ses", "mes", "tes", "aux"})
_PRONOUNS = {"elle": ("f", "s"), "elles": ("f", "p"), "ils": ("m", "p")}
_TITLES = frozenset({"M.", "Mme", "Monsieur", "Madame"})
# Pronouns that take an article (« la sienne », « la même », « la plupart », « l'une »).
_DETERMINED_PRONOUN = re.compile(r"(?:leurs?|(?:mien|tien|sien)n?e?s?|nôtres?|vôtres?|mêmes?|plupart|autres?|une?s?|lequel|laquelle|quelle)$")

# A noun with a feminine or plural determiner, then a participle in -é (« les règles, publié »).
# Also with a place's name as its complement (« la bibliothèque de Canton, fermé en 2019 »).
_APPOSED = re.compile(r"\b(?:[Ll]es|[Dd]es|[Cc]es|[Ll]a|[Uu]ne|[Cc]ette)\s+\w+(?:\s+d(?:e\s+|['’])[A-ZÀ-Þ]\w+)?,?\s+\w+é\b")


def _scope(doc: Document) -> set[int]:
    return {k for k in range(len(doc.paragraphs)) if _in_scope(doc, k)}


def _in_scope(doc: Document, k: int) -> bool:
    p = doc.paragraphs[k]
    return bool(_SCOPE.search(doc.text, p.start, p.end) or _APPOSED.search(doc.text, p.start, p.end)
                or ATTRIBUTE_SCOPE.search(doc.text[p.start : p.end]))


@cache
def _data() -> tuple[frozenset[str], frozenset[str]]:
    data = load_toml("first_names.toml")
    invariable = frozenset(load_toml("pronouns.toml")["invariable_pronominal"])
    return frozenset(data["female"]), invariable


class SubjectAgreement(ByParagraph, ScopedCheck):
    """A participle or an attribute left masculine for a feminine subject.

    After « être » (passive, or a pronominal verb whose reflexive is the direct object), the
    participle agrees with the subject; so does the attribute of « se dire », « se montrer »,
    « se déclarer ». MT from English, and from Dutch and German, whose participles do not
    agree, often leaves them masculine. The subject is feminine when spaCy's parse gives
    « elle », a noun with « la », « une » or « cette » (also through « qui »), or a woman's
    first name (`first_names.toml`). Pronominal participles whose reflexive is an indirect
    object (« elle s’est permis de », « s’est dit que ») and participles followed by a direct
    object (« s’est lavé les mains ») never agree.

    Mauvais : « La ministre s’est dit prêt à négocier. » ; « Elle s’est engagé à agir. »
    Bon :     « La ministre s’est dite prête à négocier. » ; « Elle s’est engagée à agir. »
    """

    code = "PA04"
    priority = 100
    name = "agreement.subject"
    category = Category.PRONOUN_AGREEMENT
    summary = "Participle or attribute left masculine for a feminine subject"
    data_files = ("first_names.toml", "pronouns.toml", "conjugation.toml", "missing_words.toml", "persons.toml",
                  "noun_genders.tsv", "lexicon.tsv", "gender.tsv")
    nlp_components = ("parser",)

    def scope(self, doc: Document) -> set[int]:
        return _scope(doc)

    # Split (qa.checks.split): the surnames of women the whole file or its source names
    # (« La ministre …, Zuhal Demir, ») are the facts; a paragraph's part reads those its
    # own text holds, so an editor server computes it again when a woman is named elsewhere.
    def facts(self, doc: Document, ctx: Context) -> frozenset[str]:
        return frozenset(name for name, g in known_people(doc, ctx).items() if g == "f")

    def facts_key(self, doc: Document, facts: frozenset[str], k: int) -> frozenset[str]:
        para = doc.text[doc.paragraphs[k].start : doc.paragraphs[k].end]
        return frozenset(name for name in facts if name in para)

    def part(self, doc: Document, ctx: Context, k: int, facts: frozenset[str]) -> tuple[Finding, ...]:
        if not _in_scope(doc, k):  # paragraph k alone: a part never reads the whole text
            return ()
        analysis = ctx.analysis(doc)
        if not analysis.covers(k):
            return ()
        return shifted(list(self._scan(doc, analysis, {k}, facts)), -doc.paragraphs[k].start)

    def combine(self, doc: Document, ctx: Context, parts: Sequence[tuple[Finding, ...]],
                facts: frozenset[str]) -> Iterator[Finding]:
        for para, part in zip(doc.paragraphs, parts, strict=True):
            yield from shifted(part, para.start)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        yield from self._scan(doc, analysis, paragraphs, self.facts(doc, ctx))

    def _scan(self, doc: Document, analysis: Analysis, paragraphs: set[int], women: frozenset[str]) -> Iterator[Finding]:
        toks = [t for k in sorted(paragraphs) for t in analysis.of_paragraph(k)]
        if not toks:
            return
        by_index = analysis.by_index
        for t in toks:
            kids = analysis.children(t.i)
            # « La fillette … est complètement rétabli »: an adjective the parse makes the root of
            # « être » (a participle the tagger calls an adjective, or an adjective).
            copula = (t.pos == "ADJ" and t.morph.get("Gender") != "Fem" and t.text.isalpha() and t.text.islower()
                      and any(k.dep == "cop" and k.lemma == "être" and k.i < t.i for k in kids))
            if not copula and (t.pos not in ("VERB", "AUX") or t.morph.get("VerbForm") != "Part" or t.text.lower() in _ETRE):
                continue
            after = by_index.get(t.i + 1)
            if after is not None and (after.morph.get("VerbForm") == "Inf" or after.pos == "VERB" and after.text.lower()
                                      == after.lemma.lower() and after.text.lower().endswith(("er", "ir", "re", "oir"))):
                continue  # « s’est vu infliger », « s’est fait construire »: agrees only when the subject acts
            if copula and not _opens_sentence(kids, analysis):
                continue  # the parse's subject of « est » may be the nearest noun (« un vol entre Munich et la capitale était moins cher »)
            auxiliaries = [k for k in kids if (k.dep.startswith("aux") or copula and k.dep == "cop") and k.i < t.i]
            if not auxiliaries or max(auxiliaries, key=lambda k: k.i).text.lower() not in _ETRE:
                continue  # no « être » right before the participle (« accusés d’avoir espionné »)
            verb, verb_kids = t, kids
            if t.dep == "xcomp" and not any(k.dep in _SUBJECTS for k in kids) and t.head in by_index:
                verb = by_index[t.head]  # « les frais puissent être remboursés »: the modal's subject
                verb_kids = analysis.children(verb.i)
            subject = self._subject(verb, verb_kids, by_index, analysis, women)
            if subject is None or not self._adjacent(verb, verb_kids, by_index, analysis):
                subject = _name_opening(verb, verb_kids, by_index, women)
                if subject is None:
                    continue
            phrase, gender, number = subject
            finite = [k for k in (verb, *verb_kids, *kids) if k.morph.get("VerbForm") == "Fin"]
            if number == "p" and not (finite and all(k.morph.get("Number") == "Plur" for k in finite)):
                continue  # a plural subject with a singular verb: the parse took the wrong noun
            for word in self._agreeing(t, kids):
                right = agreed(word.text, gender, number)
                if right is None:
                    continue
                what = {("f", "s"): "feminine", ("f", "p"): "feminine plural", ("m", "p"): "plural"}[(gender, number)]
                yield self.finding(
                    doc, Span(word.start, word.end),
                    f"« {word.text} » agrees with the {what} subject « {phrase} »: « {right} »",
                    [right],
                )
        yield from self._apposed(doc, toks, by_index, analysis)
        yield from self._attributes(doc, toks, women)

    def _attributes(self, doc: Document, toks: list[Token], women: frozenset[str]) -> Iterator[Finding]:
        """Attributes of « elle » or of a woman the parse does not tie to her (_attributes)."""
        sentence: list[Token] = []
        for t in [*toks, None]:
            if t is not None and not (t.sent_start and sentence and not t.text[:1].islower()):  # « dite « déçu » »
                sentence.append(t)
                continue
            for a in attributes(sentence, women):
                yield self.finding(doc, Span(a.word.start, a.word.end),
                                   f"« {a.word.text} » is an attribute of « {a.subject} », a woman or feminine: « {a.right} »",
                                   [a.right])
            sentence = [t] if t is not None else []

    def _apposed(self, doc: Document, toks: list[Token], by_index: dict[int, Token],
                 analysis: Analysis) -> Iterator[Finding]:
        """A past participle in -é right after its noun, or after a comma (« les règles, publié
        après une consultation »): the parse's attachment is trusted only there."""
        for t in toks:
            if t.dep not in ("acl", "amod") or t.morph.get("VerbForm") != "Part" or not t.text.endswith("é"):
                continue
            head = by_index.get(t.head)
            if head is None or head.pos != "NOUN" or head.i >= t.i:
                continue
            between = [by_index[i] for i in range(head.i + 1, t.i) if i in by_index]
            if between[:2] and between[0].text.lower() in ("de", "d'", "d’") and between[1].pos == "PROPN" and between[1].head == head.i \
                    and len(between) == 3 and between[2].text == "," and first_name_gender(between[1].text) is None \
                    and head.lemma.lower() not in _people():
                between = between[2:]  # « la bibliothèque de Canton, fermé »: one name as the noun's complement
            if any(b.text != "," for b in between):
                continue
            if any(k.dep == "case" for k in analysis.children(head.i)) or lost_auxiliary(t, toks):
                continue  # « son message à la nation diffusé mardi »: a noun after a preposition may not be the head
            described = self._described(head, analysis)
            if described is None:
                continue
            phrase, gender, number = described
            right = agreed(t.text, gender, number)
            if right is not None:
                yield self.finding(doc, Span(t.start, t.end), f"« {t.text} » agrees with « {phrase} »: « {right} »", [right])

    @staticmethod
    def _adjacent(t: Token, kids: tuple[Token, ...], by_index: dict[int, Token],
                  analysis: Analysis) -> bool:
        """The words just before the verb group belong to the subject's phrase: in « la
        particularité … est que l’objet est passé », « objet », not « particularité », is the
        subject of « est passé », whatever the parse says."""
        subj = next((k for k in kids if k.dep in _SUBJECTS), None)
        if subj is None:
            return False
        if subj.text.lower() == "qui":
            ante = by_index.get(t.head)
            if ante is None or any(k.dep == "case" for k in analysis.children(ante.i)):
                return False  # « le numéro de la saison qui sera diffusé »: which noun?
            return True
        starts = [k.i for k in kids if k.dep in _SUBJECTS]  # two subjects: one misparsed phrase
        phrase, todo = set(starts), list(starts)
        while todo:
            for k in analysis.children(todo.pop()):
                if k.i not in phrase and k.i != t.i and (k.dep not in _OTHER_CLAUSE or k.text in _TITLES):
                    phrase.add(k.i)
                    todo.append(k.i)
        first = min((k.i for k in kids if k.dep.startswith("aux") or k.dep == "cop" or k.text.lower() in ("s’", "s'", "se")),
                    default=t.i)
        i = first - 1
        while i in by_index and (by_index[i].pos in ("ADV", "PUNCT") or by_index[i].text.lower() in _CLITICS):
            i -= 1
        return i in phrase

    def _agreeing(self, t: Token, kids: tuple[Token, ...]) -> Iterable[Token]:
        """The participle itself (unless its reflexive is indirect or it has a direct object),
        and an attribute that follows it (« s’est dite prête »)."""
        _, invariable = _data()
        reflexive = any(k.text.lower() in ("s’", "s'", "se") for k in kids)
        # Right after the participle, or one adverb on (« s’est montrée très prudente »); further
        # on, an xcomp is a verb of its own (« accusés d’avoir espionné »).
        attribute = [k for k in kids if k.dep == "xcomp" and k.pos in ("ADJ", "VERB") and t.i < k.i <= t.i + 2
                     and k.morph.get("VerbForm") in (None, "Part")]
        # « l’objectif qu’elle s’est fixé »: the relative « que » is the direct object before it.
        has_object = any((k.dep == "obj" and k.start > t.start) or (k.text.lower() in ("que", "qu’", "qu'") and k.i < t.i)
                         for k in kids)
        if not (reflexive and (t.text.lower() in invariable and not attribute or has_object)):
            yield t
        yield from attribute[:1]

    @staticmethod
    def _subject(t: Token, kids: tuple[Token, ...], by_index: dict[int, Token],
                 analysis: Analysis, women: frozenset[str] = frozenset()) -> tuple[str, str, str] | None:
        """The subject's words, gender and number, when they are sure and not masculine singular."""
        subjects = [k for k in kids if k.dep in _SUBJECTS]
        if len(subjects) > 1:
            # Two subjects is a misparse of one phrase (« la rapporteuse du texte, la députée
            # Katrin Weber »): trusted only when every part says the same.
            said = [SubjectAgreement._described(k, analysis, women) for k in subjects]
            if any(d is None for d in said) or len({d[1:] for d in said if d}) != 1:
                return None
            return said[0]
        subj = subjects[0] if subjects else None
        if subj is not None and subj.text.lower() == "qui" and t.dep == "acl:relcl":
            subj = by_index.get(t.head)
        if subj is None:
            return None
        if subj.text.lower() in _PRONOUNS:
            return (subj.text, *_PRONOUNS[subj.text.lower()])
        return SubjectAgreement._described(subj, analysis, women)

    @staticmethod
    def _feminine_complement(subj: Token, analysis: Analysis) -> bool:
        """The « de » complement of a noun of quantity is feminine too, or there is none."""
        for k in analysis.children(subj.i):
            if k.dep == "nmod" and k.i > subj.i:
                kids = analysis.children(k.i)
                words = {w.text.lower() for w in kids}
                if words & {"de", "du", "des", "d’", "d'"}:
                    return k.morph.get("Gender") == "Fem" or bool(words & {"la", "une", "cette"})
        return True

    @staticmethod
    def _described(subj: Token, analysis: Analysis,
                   women: frozenset[str] = frozenset()) -> tuple[str, str, str] | None:
        """A noun phrase's words, gender and number, from its determiner (and the tagger's
        gender for a plural), or a woman's first name or known surname; None when masculine
        singular or unsure."""
        females, _ = _data()
        subj_kids = analysis.children(subj.i)
        # A coordination (« le ministre et la maire ») agrees by rules of its own; a title after
        # a comma is the same person (« La directrice générale, M. Rachel Thompson, »).
        coordinated = any(k.dep == "cc" or (k.dep == "conj" and k.text not in _TITLES) for k in subj_kids)
        if subj.text in _TITLES:
            # « La glaciologue M. Claudia Meier »: the title may be the MT's error; the role noun
            # with its determiner, or the first name, says who the person is.
            for k in subj_kids:
                if k.dep in ("amod", "nmod", "appos") and k.pos == "NOUN" and k.i < subj.i:
                    found = SubjectAgreement._described(k, analysis, women)
                    if found is not None:
                        return found
            if any(k.dep == "flat:name" and k.text in females for k in subj_kids) and not coordinated:
                return subj.text, "f", "s"
            return None
        names = [subj, *(k for k in subj_kids if k.dep in ("flat:name", "appos", "nmod"))]
        # The tagger may call a foreign first name an adjective (« Zuhal Demir »).
        named = subj.pos == "PROPN" or (subj.text[:1].isupper() and any(k.dep == "flat:name" for k in subj_kids))
        surnames = [k.text for k in subj_kids if k.dep == "flat:name"][-1:] or [subj.text]
        if named and not coordinated and (any(n.text in females for n in names) or surnames[0] in women):
            return " ".join(k.text for k in sorted([subj, *(k for k in subj_kids if k.dep == "flat:name")], key=lambda k: k.i)), "f", "s"
        appos = [k for k in subj_kids if k.dep == "appos" and k.pos == "PROPN"]
        if subj.pos == "NOUN" and len(appos) == 1 and not coordinated:
            # « Le directeur de la bibliothèque, Claudia Berger, s’est dite ravi »: the woman in apposition.
            parts = [appos[0], *(k for k in analysis.children(appos[0].i) if k.dep == "flat:name")]
            if parts[0].text in females or parts[-1].text in women:
                return " ".join(k.text for k in parts), "f", "s"
        dets = [k.text.lower() for k in subj_kids if k.dep == "det"]
        if subj.pos == "NOUN" and subj.morph.get("Number") == "Plur" and any(d in _PLURAL_DETERMINERS for d in dets):
            if coordinated:
                return None
            gender = {"Masc": "m", "Fem": "f"}.get(subj.morph.get("Gender") or "")
            return (f"{dets[0]} {subj.text}", gender, "p") if gender else None
        if subj.morph.get("Number") == "Plur" or any(d in _MASCULINE_DETERMINERS for d in dets):
            return None
        # « l’enquête », « l’entreprise »: after an elided article the noun lists tell the gender.
        elided = (dets in (["l'"], ["l’"]) and listed_gender(subj.text.lower()) == "f"
                  and any(k.dep == "det" and k.i == subj.i - 1 for k in subj_kids))  # not « l’objet classe »
        # « la bourgmestre » after a fronted apposition: a noun of the lists the tagger calls a pronoun
        noun = subj.pos == "NOUN" or subj.pos == "PRON" and bool(dets) and subj.text.isalpha() and subj.text.islower() \
            and not _DETERMINED_PRONOUN.match(subj.text.lower())
        if noun and (elided or any(d in _FEMININE_DETERMINERS for d in dets)):
            if subj.text.lower() in _collectives() and not SubjectAgreement._feminine_complement(subj, analysis):
                return None  # « la totalité de l’argent … déposé »: it may agree with the complement
            return f"{dets[0]} {subj.text}", "f", "s"
        return None


@cache
def _people() -> frozenset[str]:
    """Nouns of people (« la fille de Dupont, arrêté »: the participle may be Dupont's)."""
    data = load_toml("pronouns.toml")
    kin = {"fille", "fils", "femme", "mari", "épouse", "époux", "mère", "père", "frère", "sœur", "enfant", "ami",
           "amie", "compagne", "compagnon", "veuve", "veuf", "petite-fille", "petit-fils", "nièce", "neveu", "cousin", "cousine"}
    return frozenset(data["male_nouns"]) | frozenset(data["female_nouns"]) | kin


@cache
def _collectives() -> frozenset[str]:
    """Nouns of quantity (« la totalité », « une dizaine »): with a « de » complement, the verb
    may agree with the complement instead (Grevisse, Le Bon Usage, § 431). The nouns of
    quantity of missing_words.toml and those pronouns.toml keeps out of PA01's antecedents."""
    quantity = load_toml("missing_words.toml")["quantity"]
    return (frozenset(quantity["part"]) | frozenset(quantity["collective"])
            | frozenset(load_toml("pronouns.toml")["quantity_nouns"]))


def _opens_sentence(kids: tuple[Token, ...], analysis: Analysis) -> bool:
    """The subject among kids is a noun whose determiner opens the sentence (« La fillette qui … »)."""
    subj = next((k for k in kids if k.dep in _SUBJECTS), None)
    if subj is None or subj.pos != "NOUN":
        return False
    det = next((k for k in analysis.children(subj.i) if k.dep == "det" and k.i == subj.i - 1), None)
    return det is not None and det.sent_start


def _name_opening(t: Token, kids: tuple[Token, ...], by_index: dict[int, Token],
                  women: frozenset[str]) -> tuple[str, str, str] | None:
    """A woman's full name opening the sentence right before the verb group, which the parse
    left without a role (« Zuhal Demir s’est dit prêt »: « Zuhal » taken for an adjective)."""
    if any(k.dep in _SUBJECTS for k in kids):
        return None
    first = min((k.i for k in kids if k.dep.startswith("aux") or k.text.lower() in ("s’", "s'", "se")), default=t.i)
    i = first - 1
    while i in by_index and by_index[i].text.lower() in _CLITICS:
        i -= 1
    last = by_index.get(i)
    head = by_index.get(last.head) if last is not None and last.dep == "flat:name" else None
    if head is None or not head.sent_start or not head.text[:1].isupper() or head.i != last.i - 1:
        return None
    females, _ = _data()
    if last.text in women or head.text in females:
        return f"{head.text} {last.text}", "f", "s"
    return None


def agreed(word: str, gender: str, number: str) -> str | None:
    """The form of a participle or adjective agreed with a subject of this gender and number,
    or None when the word already agrees, or its form is not sure (a word in -s or -x)."""
    if gender == "f":
        form = word if word.endswith("e") else feminine(word)  # None for a word in -s or -x
        if form is None:
            return None
    elif word.endswith(("s", "x", "ée")):
        return None  # already plural; or feminine for a masculine subject, where the tagger is the doubt
    else:
        form = word
    if number == "p":
        form = form[:-2] + "aux" if gender == "m" and form.endswith("al") else form + "s"
    return form if form != word and is_french_form(form) else None
