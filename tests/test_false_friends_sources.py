"""MT01's false friends held by the source word (« source » lists) and the institutional
vocabulary of NL, BE and DE: for each mechanism, failing and passing cases from unrelated
texts, and invariants of the data (qa/data/false_friends.toml)."""

from __future__ import annotations

import re
import tomllib

import pytest

from qa.api import Config, lint_document, make_context
from qa.checks.base import Context
from qa.checks.mistranslation.mt01_false_friend import FalseFriend
from qa.data import read_text
from qa.engine.session import Session
from qa.knowledge.source_terms import source_mentions
from qa.model.document import Document

_BASE = make_context(Config())


def _found(target: str, source: str | None = None, lang: str | None = None) -> list[tuple[str, str]]:
    ctx = Context(Session(_BASE.glossary), source=source, source_lang=lang)  # fresh: analyses are per document
    return [(f.text, f.suggestions[0] if f.suggestions else "")
            for f in lint_document(Document("t.txt", target), ctx, [FalseFriend()]).findings]


# --- the source names the word: the French cognate is its false friend --------------------------

FAILING = [
    # English: a museum, then a rugby ground, a hospital report, a council vote
    ("en", "There is no evidence that the collection was damaged.",
     "Il n'y a aucune évidence que la collection ait été endommagée.", "évidence", "preuve"),
    ("en", "More than 2,000 fans attended the protest.",
     "Plus de 2 000 fans ont attendu la manifestation.", "attendu la", "assisté à la"),
    ("en", "The delay was caused by a strike at the airport.",
     "Le délai a été causé par une grève à l'aéroport.", "délai", "retard"),
    ("en", "The figures show a rise in burglaries.",
     "Les figures montrent une hausse des cambriolages.", "figures", "chiffres"),
    # German: a district council, then a prosecution, a pharmacy
    ("de", "Der Kreistag des Landkreises Göttingen hat den Haushalt beschlossen.",
     "Le conseil du cercle de Göttingen a adopté le budget.", "du cercle", "de l'arrondissement"),
    ("de", "Die Staatsanwaltschaft Köln hat Anklage erhoben.",
     "L'avocat de l'État de Cologne a engagé des poursuites.", "L'avocat de l'État", "Le parquet"),
    ("de", "Nehmen Sie zwei Tabletten täglich ein.",
     "Prenez deux tablettes par jour.", "tablettes", "comprimés"),
    ("de", "Der Mann soll Kunden um ihre Rente betrogen haben.",
     "L'homme aurait escroqué des clients de leur rente.", "rente", "retraite"),
    # Dutch: a hospital fraud, then a provincial executive
    ("nl", "Het ziekenhuis krijgt jaarlijks miljoenen van het Rijk.",
     "L'hôpital reçoit chaque année des millions de l'Empire.", "l'Empire", "l'État"),
    ("nl", "Gedeputeerde Jan de Boer verdedigde het plan.",
     "Le député Jan de Boer a défendu le projet.", "député", "député provincial"),
]


@pytest.mark.parametrize(("lang", "source", "target", "span", "fix"), FAILING)
def test_false_friend_named_by_the_source_is_flagged(lang: str, source: str, target: str, span: str, fix: str) -> None:
    found = _found(target, source, lang)
    assert [s for s, _ in found] == [span]
    assert found[0][1].replace("’", "'") == fix


PASSING = [
    # the same French words where the source gives them their French sense
    ("en", "The council is currently looking for a new tenant.",
     "La municipalité cherche actuellement un nouveau locataire."),
    ("en", "A car rental agency has shown interest in the premises.",
     "Une agence de location de voitures s'est montrée intéressée par les locaux."),
    ("en", "He is a central figure of the party.", "C'est une figure centrale du parti."),
    ("en", "The deadline was extended by two weeks.", "Le délai a été prolongé de deux semaines."),
    ("de", "Im Freundeskreis wurde lange gefeiert.", "On a longtemps fait la fête dans le cercle d'amis."),
    ("de", "Die Tafel Schokolade kostet zwei Euro.", "La tablette de chocolat coûte deux euros."),
    ("de", "Die Fabrik beschäftigt derzeit 1.200 Menschen.", "L'usine emploie actuellement 1 200 personnes."),
    ("nl", "Het museum toont werken van Rubens.", "Le musée montre des œuvres de Rubens."),
    ("nl", "Het Romeinse Rijk viel in 476.", "L'Empire romain est tombé en 476."),
]


@pytest.mark.parametrize(("lang", "source", "target"), PASSING)
def test_french_sense_given_by_the_source_is_left_alone(lang: str, source: str, target: str) -> None:
    assert _found(target, source, lang) == []


@pytest.mark.parametrize(("target", "span"), [
    ("Prenez deux tablettes par jour avec un verre d'eau.", "tablettes"),
    ("Le conseil du cercle de Göttingen a adopté le budget.", "du cercle"),
    ("Les enquêteurs ont trouvé des preuves sur son Handy.", "Handy"),
])
def test_source_only_entries_without_a_source(target: str, span: str) -> None:
    """Entries with no ``require`` hold only where a source names the word: the same
    sentence without its source is left alone, unless the word is foreign (« Handy »)."""
    assert [s for s, _ in _found(target)] == ([span] if span == "Handy" else [])


# --- context alone selects the wrong sense (no source needed) ------------------------------------

@pytest.mark.parametrize(("target", "want"), [
    # a bench in a park, then in a square
    ("Il était assis sur une banque dans le parc.", [("une banque", "un banc")]),
    ("Une femme dormait sur la banque du square.", [("la banque", "un banc")]),
    ("Il a déposé l'argent sur la banque en ligne.", []),
    # the family, in a resignation and in a business
    ("Elle a démissionné pour des raisons familières.", [("familières", "familiales")]),
    ("L'entreprise familière a été fondée en 1920.", [("familière", "familiale")]),
    ("Ce visage familier rassure les électeurs.", []),
    # Belgian aldermen: ships that speak, a portfolio
    ("Selon les navires, la circulation dans le centre diminuera d'un tiers.", [("les navires", "l'échevin")]),
    ("Navire de la Culture Jan Peeters a inauguré l'exposition.", [("Navire", "Échevin")]),
    ("Selon les navires, le port d'Anvers attend une hausse du trafic.", []),
    # a judge, and the law named
    ("Selon le droit, les preuves sont solides.", [("le droit", "le juge")]),
    ("Selon le droit européen, la mesure est illégale.", []),
])
def test_wrong_sense_selected_by_context(target: str, want: list[tuple[str, str]]) -> None:
    assert [(s, f.replace("’", "'")) for s, f in _found(target, None, "nl")] == want


# --- suggestions take the text's apostrophes; a capital matched mid-sentence is not copied ------

def test_suggestion_uses_the_paragraphs_apostrophe() -> None:
    straight = _found("Selon les navires, la circulation diminuera d'un tiers.", None, "nl")
    curly = _found("Selon les navires, la circulation diminuera d’un tiers.", None, "nl")
    assert straight == [("les navires", "l'échevin")]
    assert curly == [("les navires", "l’échevin")]
    # a paragraph without apostrophes takes the text's
    two = _found("Le conseil l'a voté.\nSelon les navires, la circulation diminuera.", None, "nl")
    assert two == [("les navires", "l'échevin")]
    # a segment without apostrophes takes its file's (a bilingual file is linted segment by segment)
    segment = "Selon les navires, la circulation diminuera."
    ctx = Context(Session(_BASE.glossary), source_lang="nl", file_text="Le conseil l'a voté.\n" + segment)
    found = lint_document(Document("t.txt", segment), ctx, [FalseFriend()]).findings
    assert [f.suggestions[0] for f in found] == ["l'échevin"]


def test_capital_matched_mid_sentence_is_not_kept() -> None:
    found = _found("Les enquêteurs ont trouvé des preuves sur son Handy.", "Beweise auf seinem Handy.", "de")
    assert found == [("Handy", "téléphone portable")]


# --- data invariants ---------------------------------------------------------------------------

_ENTRIES = tomllib.loads(read_text("false_friends.toml"))["entry"]
_REFERENCES = ("Koessler", "Van Roey", "BDL", "DND", "Duden", "Van Dale", "Collins", "TLFi", "faux-amis",
               "Constitution", "usage", "calque", "Court of Justice")


@pytest.mark.parametrize("entry", [e for e in _ENTRIES if e.get("source")], ids=lambda e: e["id"])
def test_source_entries_are_well_formed(entry: dict) -> None:
    """A source list belongs to the languages the entry names, its terms are lower case and
    match themselves, and the note cites a reference."""
    assert entry.get("lang") or entry["id"] in ("actuellement-source", "éventuellement-source", "coronaire-coronavirus")
    for term in entry["source"]:
        assert term == term.strip().lower(), (entry["id"], term)
        plain = re.sub(r"\*", "", term)
        probe = ("xyz" + plain) if term.startswith("*") else plain
        assert source_mentions(probe, [term]), (entry["id"], term)
    assert any(r in entry["note"] for r in _REFERENCES), entry["id"]

