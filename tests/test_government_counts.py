"""PC06: the mined government counts' invariants, and the check on texts of different kinds."""

from __future__ import annotations

import unicodedata

from qa.api import Config, lint_document, make_context
from qa.checks.base import Context
from qa.checks.calques.pc06_unattested_preposition import UnattestedPreposition
from qa.data import load_tsv, read_text
from qa.engine.session import Session
from qa.knowledge.government import heads
from qa.model.document import Document

_CTX = make_context(Config())


def _lint(text: str, source: str | None = None, lang: str | None = None) -> list[tuple[str, str]]:
    ctx = Context(Session(_CTX.glossary), source=source, source_lang=lang)
    found = lint_document(Document("t.txt", text), ctx, [UnattestedPreposition()]).findings
    return [(f.text, f.suggestions[0]) for f in found]


def test_counts_are_sound_and_cited() -> None:
    header = [line for line in read_text("government_counts.tsv").splitlines() if line.startswith("#")]
    assert "UD French-Sequoia" in "".join(header) and "LGPL-LR" in "".join(header)
    assert any("bench/mine_government.py" in line for line in header)
    seen: set[tuple[str, str, str]] = set()
    for lemma, pos, prep, total, args in load_tsv("government_counts.tsv"):
        assert pos in ("VERB", "ADJ", "NOUN", "PHRASE"), lemma
        assert lemma == lemma.strip().lower() and unicodedata.normalize("NFC", lemma) == lemma, lemma
        assert prep not in ("au", "aux", "du", "des"), prep  # contractions are counted as « à », « de »
        assert 0 <= int(args) <= int(total) and int(total) > 0, (lemma, prep)
        assert (lemma, pos, prep) not in seen, (lemma, pos, prep)
        seen.add((lemma, pos, prep))


def test_well_known_governments_are_attested() -> None:
    table = heads()
    assert table[("participer", "VERB")].ranked()[0] == "à"
    assert table[("dépendre", "VERB")].ranked()[0] == "de"
    assert table[("penser", "VERB")].args["que"] > 0


def test_flags_a_copied_preposition_in_unrelated_texts() -> None:
    # without a source, a head with many argument phrases: a brewery story, a research story
    assert _lint("Une porte-parole a dit contre la radio publique que la brasserie fermera.") == [("contre", "à")]
    assert _lint("Les chercheurs pensent sur une nouvelle méthode de mesure.") == [("sur", "à")]
    # a water story: « dépendre sur » with the English source's « on »
    assert _lint("La production dépend sur le niveau du ruisseau.",
                 "Production depends on the level of the burn.", "en") == [("sur le", "du")]


def test_french_governments_and_adjuncts_stay_quiet() -> None:
    for text in ("Une porte-parole a dit à la radio publique que la brasserie fermera.",
                 "Les chercheurs pensent à une nouvelle méthode de mesure.",
                 "Plusieurs agriculteurs participent dans un projet de stockage.",  # too few phrases without source
                 "La production dépend du niveau du ruisseau.",
                 "Les élus ont participé dans la matinée au vote.",  # a phrase of time
                 "Le ministre a répondu pour la première fois aux critiques.",
                 "Les habitants participent depuis 2019 sur place."):
        assert _lint(text) == [], text


def test_with_a_source_the_source_must_hold_the_preposition() -> None:
    # the German « an » does not translate to « dans »: the MT did not copy it
    assert _lint("Plusieurs agriculteurs participent dans un projet de stockage.",
                 "Mehrere Landwirte beteiligen sich an einem Speicherprojekt.", "de") == []
    assert _lint("Plusieurs agriculteurs participent dans un projet de stockage.",
                 "Several farmers take part in a storage project.", "en") == [("dans", "à")]
