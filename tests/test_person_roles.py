"""PA05's source roles and PA01's person check (qa/checks/agreement/_source_roles.py,
qa/knowledge/person_gender.py): the data's invariants and the counting rules."""

from __future__ import annotations

import unicodedata

from qa.checks.agreement._source_roles import _counts, source_roles
from qa.data import load_toml
from qa.knowledge.gazetteer import strip_accents
from qa.knowledge.person_gender import people


def test_source_roles_name_french_roles_with_lower_case_feminine_source_nouns() -> None:
    data = load_toml("persons.toml")
    roles, table = data["roles"], data["source_roles"]
    keys = list(table)
    assert keys == sorted(keys, key=lambda s: (strip_accents(s).casefold(), s))
    for noun, forms in table.items():
        assert noun in roles, noun
        assert forms and len(set(forms)) == len(forms), noun
        assert all(f == f.lower().strip() and unicodedata.is_normalized("NFC", f) for f in forms), noun
    # Nouns shared by both genders say nothing about the person.
    shared = {"vorsitzende", "abgeordnete", "minister", "wethouder", "burgemeester"}
    assert not shared & {f for forms in table.values() for f in forms}


def test_counts_women_and_the_masculine_of_the_same_role() -> None:
    forms = ("ministerin",)
    assert _counts("Die Familienministerin sagte, die Ministerin sei zufrieden.", forms) == (2, False)
    assert _counts("Die Ministerin und der Minister sprachen.", forms) == (1, True)
    assert _counts("Der Ministerrat tagte.", forms) == (0, False)
    # An umlaut in the feminine, none in the masculine: « Ärztin », « Arzt ».
    assert _counts("Die Ärztin rief den Arzt.", ("ärztin",)) == (1, True)


def test_a_french_line_with_as_many_feminine_phrases_is_left_alone() -> None:
    text = "La ministre a parlé, puis le ministre a répondu."
    assert [f.right for f in source_roles(text, 0, len(text), "Die Ministerin sprach, dann antwortete sie.")] == []
    text = "Le ministre a parlé."
    assert [f.right for f in source_roles(text, 0, len(text), "Die Ministerin sprach.")] == ["La ministre"]


def test_a_particle_before_the_surname_keeps_the_first_name() -> None:
    assert people("Ingrid de Boer a parlé ; Thomas van Dijk aussi.") == {"Boer": "f", "Dijk": "m"}


def test_nouns_of_both_genders_count_by_their_article() -> None:
    forms = ("präsidentin", "die vorsitzende")
    assert _counts("Die Vorsitzende des Rats sprach.", forms) == (1, False)
    assert _counts("Die stellvertretende Parteivorsitzende sprach.", forms) == (1, False)
    assert _counts("Der Vorsitzende des Rats sprach.", forms) == (0, True)
    assert _counts("Die Vorsitzenden der Fraktionen sprachen.", forms) == (0, False)
