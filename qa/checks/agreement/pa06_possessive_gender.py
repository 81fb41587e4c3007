"""PA06: a possessive determiner in the owner's gender instead of its noun's (« sa rapport »), and a
demonstrative in the source noun's gender (« L'accord doit remplacer celle de 2019 » → « celui »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.agreement._antecedents import pronoun_data
from qa.checks.agreement._demonstrative import demonstratives
from qa.checks.agreement._object_participle import object_participles
from qa.checks.base import Context
from qa.checks.scope import ScopedCheck, paragraphs_matching
from qa.data import load_toml
from qa.knowledge.article_gender import sure_gender
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_SCOPE = re.compile(r"\b(?:[smt]a|[smt]on|celui|celles?|ceux)\s|\bl['’](?:a|avait|ont|avaient|aura|aurait)\b", re.I)
# The determiner of each gender for each person (Le Bon Usage § 612).
_OTHER = {"sa": "son", "ma": "mon", "ta": "ton", "son": "sa", "mon": "ma", "ton": "ta"}
_FEMININE = frozenset({"sa", "ma", "ta"})
# A word opening with a vowel or an h takes « mon, ton, son » in both genders (« son équipe »),
# or « sa » before an aspirated h (« sa honte »): never judged.
_VOWEL_OR_H = frozenset("aeiouyhàâäéèêëîïôöûùüœæ")


@cache
def _data() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    table = load_toml("pronouns.toml")["possessive"]
    people = pronoun_data()
    persons = frozenset(table["epicene"]) | people["male_nouns"] | people["female_nouns"]
    return frozenset(table["double_gender"]), persons, tuple(table["person_endings"])


def _gender(noun: Token) -> str | None:
    """The noun lists' gender of a lower-case singular common noun, None for a noun of both
    genders or one that may name a woman as well as a man (« sa ministre »)."""
    word = noun.text.lower()
    if noun.pos != "NOUN" or not noun.text.isalpha() or not noun.text.islower() or word[0] in _VOWEL_OR_H:
        return None
    if noun.morph.get("Number") == "Plur" or word.endswith(("s", "x")) and word != noun.lemma.lower():
        return None
    double, persons, endings = _data()
    if word in double or word in persons or noun.lemma.lower() in persons:
        return None
    gender = sure_gender(word)
    if gender == "m" and word.endswith(endings):
        return None
    return gender


class PossessiveGender(ScopedCheck):
    """A possessive determiner in the gender of the owner, not of the noun it stands before.

    English « his / her / its », German « sein / ihr » and Dutch « zijn / haar » agree with the
    owner; a French possessive agrees with the possessed noun (Grevisse & Goosse, Le Bon Usage,
    § 612). MT that keeps the owner's gender writes « Le régulateur … sa rapport » for « its
    report » or « La commune présente son politique ». The noun's gender comes from the noun
    lists when they agree (qa.knowledge.article_gender.sure_gender), never from spaCy, whose
    reading follows the determiner. Only a determiner right before its noun is judged, and
    never before a vowel or an h (« son équipe », « sa hauteur »), a noun of both genders (« son
    mémoire », `pronouns.toml` [possessive] double_gender) or a noun for people that a woman
    also bears (« sa ministre », « sa collègue », « sa professeur »: epicene, person_endings).

    A demonstrative « celui / celle » after a verb of replacing or an adjective of comparing
    takes the gender of the subject it is set beside (qa/checks/agreement/_demonstrative.py:
    « Le nouvel accord doit remplacer celle de 2019 » → « celui »).

    A participle after « l’ » and « avoir » agrees with the noun « l’ » stands for, when the
    sentence before has nouns of one gender only (qa/checks/agreement/_object_participle.py:
    « La nouvelle construction a coûté 25 millions. Le Land l’a financé » → « financée »).

    Mauvais : « Le régulateur publiera sa rapport en juin. »
    Bon :     « Le régulateur publiera son rapport en juin. »
    """

    code = "PA06"
    priority = 101
    name = "agreement.possessive"
    category = Category.PRONOUN_AGREEMENT
    summary = "Possessive determiner in the owner's gender, not its noun's"
    data_files = ("pronouns.toml", "noun_genders.tsv", "lexicon.tsv", "gender.tsv", "first_names.toml", "persons.toml")

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _SCOPE)

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        # « l’a financé » opening a paragraph reads the last sentences of the two before.
        wanted = self.scope(doc)
        return wanted | {k - d for k in wanted for d in (1, 2) if k - d >= 0}

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        by_index = analysis.by_index
        _, persons, endings = _data()
        for k in sorted(paragraphs):
            for part, right, gender in object_participles(analysis, k):
                what = "a feminine" if gender == "f" else "a masculine"
                yield self.finding(
                    doc, Span(part.start, part.end),
                    f"« {part.text} » agrees with « l’ », which can only stand for {what} noun of the sentence "
                    f"before: « {right} »", [right])
            for pron, right, subject in demonstratives(analysis, k, persons, endings):
                if pron.text[0].isupper():
                    right = right.capitalize()
                yield self.finding(
                    doc, Span(pron.start, pron.end),
                    f"« {pron.text} » is set beside « {subject.text} », the subject, whose gender it takes: « {right} »",
                    [right])
            for det in analysis.of_paragraph(k):
                low = det.text.lower()
                if low not in _OTHER or det.pos != "DET":
                    continue
                noun = by_index.get(det.i + 1)
                if noun is None or noun.head == det.i or doc.text[det.end:noun.start] != " ":
                    continue
                gender = _gender(noun)
                if gender is None or (gender == "f") == (low in _FEMININE):
                    continue
                right = _OTHER[low]
                if det.text[0].isupper():
                    right = right.capitalize()
                what = "masculine" if gender == "m" else "feminine"
                yield self.finding(
                    doc, Span(det.start, det.end),
                    f"« {det.text} {noun.text} »: « {noun.text} » is {what}, and the possessive agrees with "
                    f"its noun, not with the owner: « {right} »", [right])
