"""bench/mine_noun_genders.py counts a lemma's gender from its own forms: a feminine form of a
noun of persons, which UD lemmatises to the masculine (« patientes », lemma « patient »), says
nothing of the lemma's gender."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from mine_noun_genders import _feminine_form  # noqa: E402

from qa.data import load_tsv  # noqa: E402


def test_feminine_forms_of_a_masculine_lemma_are_told_apart() -> None:
    for form, lemma in (("patiente", "patient"), ("patientes", "patient"), ("équipière", "équipier"),
                        ("lectrice", "lecteur"), ("gardienne", "gardien"), ("sportive", "sportif")):
        assert _feminine_form(form, lemma), (form, lemma)
    for form, lemma in (("patient", "patient"), ("patients", "patient"), ("boîte", "boîte"), ("animaux", "animal")):
        assert not _feminine_form(form, lemma), (form, lemma)


def test_the_mined_table_gives_no_feminine_to_a_masculine_noun_of_persons() -> None:
    mined = dict(load_tsv("noun_genders.tsv"))
    # Nouns whose feminine UD writes with its own ending: the table may leave them out or call
    # them masculine, never feminine.
    assert all(mined.get(noun) != "f" for noun in ("patient", "marié", "étudiant", "client", "habitant"))
