"""qa.knowledge.bilingual: the dictd reader, and the checks' silence without a dictionary."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from dictd_fixture import write
from typer.testing import CliRunner

from qa.api import Config, lint_document, make_context
from qa.checks.source.sa08_compound_parts import CompoundParts
from qa.cli import app
from qa.knowledge import bilingual
from qa.model.document import Document


@pytest.fixture
def dictd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("QA_DICTD_DIR", str(tmp_path))
    bilingual.clear()
    yield tmp_path
    monkeypatch.undo()
    bilingual.clear()


def test_numbered_senses_keep_translations_and_drop_definitions() -> None:
    article = "aktuell /x/ <adj>\nactuel 2.\njetzt, in dieser Zeit\n 3.\nauf dem neuesten Stand\n"
    assert bilingual.parse_entry(article).translations == ("actuel",)
    article = "Rathaus /x/ <n, neut>\n1. hôtel de ville, mairie\nAmtsgebäude\n2. mairie\nVerwaltung\n"
    entry = bilingual.parse_entry(article)
    assert entry.translations == ("hôtel de ville", "mairie") and entry.noun


def test_dutch_articles_without_part_of_speech() -> None:
    entry = bilingual.parse_entry("gemeente /x/\n1. commune\n2. paroisse\n")
    assert entry.translations == ("commune", "paroisse") and entry.noun


def test_reads_index_and_gzip(dictd: Path) -> None:
    write(dictd)
    assert bilingual.languages() == ["de", "nl", "en"]
    assert bilingual.translations("Bienenvolk", "de") == ("colonie d'abeilles", "ruche")
    assert bilingual.translations("tuin", "nl") == ("jardin",)
    assert bilingual.translations("Bienenvolk", "en") == ()
    assert bilingual.back_translations("immobilier", "de") == ("Immobilie", "Immobilien")
    assert bilingual.back_translations("immobilier", "nl") == ()


def test_base64_numbers() -> None:
    assert bilingual.decode_number("B") == 1 and bilingual.decode_number("BA") == 64


def test_no_dictionary_no_finding(dictd: Path) -> None:
    assert bilingual.languages() == []
    config = Config(select=("SA08",))
    ctx = make_context(config)
    ctx = replace(ctx, source="Jedes Bienenvolk hat zwölf Kilo geliefert.", source_lang="de")
    doc = Document("t.txt", "Chaque peuple d'abeilles a livré douze kilos.")
    assert lint_document(doc, ctx, [CompoundParts()]).findings == ()
    write(dictd)
    bilingual.clear()
    assert [f.text for f in lint_document(doc, ctx, [CompoundParts()]).findings] == ["peuple d'abeilles"]


def test_damaged_dictionary_is_absent_not_a_crash(dictd: Path) -> None:
    write(dictd)
    (dictd / "freedict-deu-fra.dict.dz").write_bytes(b"not gzip")
    assert bilingual.translations("Bienenvolk", "de") == ()
    assert "freedict-deu-fra.dict.dz" in bilingual.BROKEN["de"]
    assert bilingual.languages() == ["nl", "en"]


def test_backends_listing_says_whether_the_dictionary_is_there(dictd: Path) -> None:
    runner = CliRunner()
    line = next(x for x in runner.invoke(app, ["lint", "--backends"]).stdout.splitlines() if x.startswith("dictionary"))
    assert line.split()[1] == "inactive" and "SA08 is silent" in line
    write(dictd)
    bilingual.clear()
    line = next(x for x in runner.invoke(app, ["lint", "--backends"]).stdout.splitlines() if x.startswith("dictionary"))
    assert line.split()[1] == "active" and "de, nl" in line


def test_senses_count_how_sure_a_translation_is() -> None:
    entry = bilingual.parse_entry("Anlage /x/ <n, fem>\n1. aptitude, don\nVeranlagung\n2. annexe\nBeilage\n3. installation\nEinrichtung\n")
    assert entry.sense_count == 3 and entry.share("aptitude") == pytest.approx(1 / 3)
    entry = bilingual.parse_entry("Gemeinde /x/ <n, fem>\n1. commune, communauté\nGemeinschaft\n2. commune\nOrt\n")
    assert entry.share("commune") == 1.0 and entry.share("communauté") == 0.5
    assert bilingual.parse_entry("Imker /x/ <n, masc>\napiculteur\nBienenhalter\n").share("apiculteur") == 1.0


def test_french_nouns_and_their_gender(dictd: Path) -> None:
    assert bilingual.french_noun_gender("éolienne") is None  # no dictionary: nothing known
    write(dictd)
    bilingual.clear()
    assert bilingual.french_noun_gender("éolienne") == "f" and bilingual.french_noun_gender("Apiculteur") == "m"
    assert bilingual.french_noun_gender("cycliste") == "n"  # a noun of either gender
    assert bilingual.french_noun_gender("libre") is None  # an adjective
