"""The source-acronym table and AC01's determiner handling."""

from __future__ import annotations

import unicodedata

from qa.api import lint_document
from qa.checks.acronyms.ac01_source_acronym import SourceAcronym, acronyms, with_article
from qa.data import load_toml
from qa.model.document import Document

DATA = load_toml("acronyms.toml")


def test_table_invariants() -> None:
    assert DATA["schema"] == 1
    rows = DATA["acronyms"]
    names = [r["acronym"] for r in rows]
    assert names == sorted(names, key=str.lower)
    assert len({n.lower() for n in names}) == len(names)
    for r in rows:
        for key in ("acronym", "lang", "french", "gender", "expansion"):
            assert r[key] == r[key].strip() and unicodedata.normalize("NFC", r[key]) == r[key], r
        assert r["acronym"] != r["french"], r
        assert r["gender"] in {"m", "f", "mp", "fp"}, r
        assert r["lang"] in {"en", "nl", "de"}, r
        assert isinstance(r["definite"], bool) and isinstance(r["strict"], bool), r


def test_table_is_broad() -> None:
    assert len(DATA["acronyms"]) >= 110


def test_other_spellings() -> None:
    assert _found("Les alliés de la Nato se réunissent.") == ["la Nato"]
    assert acronyms()["Opec"].french == "OPEP"


def test_with_article() -> None:
    onu = acronyms()["VN"]
    assert with_article(onu, "la") == "l’ONU"
    assert with_article(onu, "De") == "De l’ONU"
    assert with_article(acronyms()["IMF"], "de") == "du FMI"
    assert with_article(acronyms()["IMF"], "à") == "au FMI"
    assert with_article(acronyms()["VS"], "de") == "des États-Unis"
    assert with_article(acronyms()["WHO"], "au") == "à l’OMS"


def _found(text: str) -> list[str]:
    return [f.text for f in lint_document(Document("t.txt", text), checks=[SourceAcronym()]).findings]


def test_strict_acronyms_need_a_determiner() -> None:
    assert _found("UN homme est venu.") == []
    assert _found("Le rapport de la UN est sévère.") == ["la UN"]
    assert _found("Il a eu raison.") == []


def test_unambiguous_acronym_anywhere() -> None:
    assert _found("Le sommet NATO de juillet.") == ["NATO"]


def test_not_inside_words_or_names() -> None:
    assert _found("Le NATOphile et l’US Open.") == []


def test_autofix_only_when_not_strict() -> None:
    findings = lint_document(Document("t.txt", "La NAVO et la EU."), checks=[SourceAcronym()]).findings
    assert [(f.text, f.autofix) for f in findings] == [("La NAVO", True), ("la EU", False)]


def test_kept_preposition_stays_out_of_the_span() -> None:
    from qa.api import lint_document
    from qa.checks.acronyms.ac01_source_acronym import SourceAcronym
    from qa.model.document import Document

    doc = Document("t.txt", "Les ministres se tournent vers NAVO et contre VN.")
    found = [(doc[f.span], f.suggestions[0]) for f in lint_document(doc, checks=[SourceAcronym()]).findings]
    assert found == [("NAVO", "l’OTAN"), ("VN", "l’ONU")]


def test_belgian_and_swiss_bodies_in_their_country_only() -> None:
    doc = Document("t.txt", "À Anvers, le syndicat ABVV et l'ACV exigent des garanties. En Suisse, les SBB ont "
                            "mis en place des bus.")
    found = [(doc[f.span], f.suggestions[0]) for f in lint_document(doc, checks=[SourceAcronym()]).findings]
    assert found == [("ABVV", "FGTB"), ("l'ACV", "la CSC"), ("les SBB", "les CFF")]
    # « BFS » and « ACV » are also a search of graphs and a life-cycle analysis: only in a text
    # about Switzerland or Belgium are they its federal office or its union.
    assert _found("Un parcours en largeur (ou BFS) et une ACV du produit ont été réalisés.") == []


def test_a_source_that_writes_the_acronym_stands_for_the_context_words() -> None:
    from dataclasses import replace

    from qa.api import Config, make_context

    check = SourceAcronym()
    text = "Le syndicat socialiste et l'ACV exigent des garanties d'emploi."
    assert _found(text) == []  # nothing says the text is about Belgium
    ctx = replace(make_context(Config(source_lang="nl"), [check]),
                  source="De socialistische vakbond en het ACV eisen werkgarantie.")
    doc = Document("t.txt", text)
    assert [doc[f.span] for f in lint_document(doc, ctx=ctx, checks=[check]).findings] == ["l'ACV"]
