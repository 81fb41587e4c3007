"""MC15's quantity and locution rules and MC16 (bare names): behaviour on texts unrelated to
the case files, with and without a source, and the invariants of their hand-written data."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qa.api import Config, lint_document, make_context
from qa.checks.base import Check, Context
from qa.checks.mechanics.mc15_missing_word import MissingWord
from qa.checks.mechanics.mc16_bare_name import BareName
from qa.data import load_toml
from qa.model.document import Document

_CTX: Context | None = None


def _ctx() -> Context:
    global _CTX
    if _CTX is None:
        _CTX = make_context(Config())
    return _CTX


def found(check: Check, text: str, source: str | None = None) -> list[str]:
    ctx = _ctx() if source is None else replace(_ctx(), source=source, source_lang="de")
    doc = Document("t.txt", text)
    return [doc[f.span] for f in lint_document(doc, ctx, [check]).findings]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Selon la fédération, la majorité exploitations laitières perdent de l’argent.", ["majorité exploitations"]),
        ("Le séisme a détruit des centaines maisons dans la vallée.", ["centaines maisons"]),
        ("Le pétrolier transportait 2 000 tonnes brut quand il a coulé.", ["tonnes brut"]),
        ("Le chantier a pris du retard à cause la pluie et en raison la grève.", ["à cause la", "en raison la"]),
        ("La compagnie annonce une baisse environ 5 % de ses tarifs.", ["environ"]),
    ],
)
def test_mc15_quantities_and_locutions_on_unrelated_texts(text: str, expect: list[str]) -> None:
    assert found(MissingWord(), text) == expect


@pytest.mark.parametrize(
    "text",
    [
        "La majorité des exploitations perdent de l’argent, et des centaines de maisons sont détruites.",
        "Le pétrolier transportait 2 000 tonnes de brut ; la baisse de 5 % des tarifs a eu lieu à cause de la pluie.",
        "Les deux équipes ont joué ensemble toute la saison, à peu près les mêmes joueurs.",
    ],
)
def test_mc15_quantities_and_locutions_leave_clean_french_alone(text: str) -> None:
    assert found(MissingWord(), text) == []


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("La région envisage taxe sur les camions.", ["taxe"]),
        ("Le club devra suspendre production de maillots.", ["production"]),
    ],
)
def test_mc15_bare_objects_spacy_mistags(text: str, expect: list[str]) -> None:
    assert found(MissingWord(), text) == expect


@pytest.mark.parametrize(
    "text",
    [
        "Les élus veulent concilier tradition et modernité.",
        "Ils avaient grandement besoin de pluie, et la région envisage une taxe sur les camions.",
    ],
)
def test_mc15_bare_objects_french_writes(text: str) -> None:
    assert found(MissingWord(), text) == []


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Le conseil de surveillance de Volksbank se réunit lundi.", ["de Volksbank"]),
        ("La Fietsersbond (FB) publie un guide.\n\nSelon les cyclistes, FB réclame des pistes.", ["FB"]),
        ("« Les prix vont encore monter », était l’avis des producteurs.", ["était"]),
    ],
)
def test_mc16_reports_on_unrelated_texts(text: str, expect: list[str]) -> None:
    assert found(BareName(), text) == expect


@pytest.mark.parametrize(
    "text",
    [
        "Le conseil de surveillance de la Volksbank se réunit lundi, et le Landtag vote.",
        "Selon Google, BMW et SAP investissent ; la France et l’ONU saluent l’accord de Paris.",
        "« Les prix vont encore monter », a prévenu le président, qui, appelé « le Sage », est écouté.",
    ],
)
def test_mc16_leaves_clean_french_alone(text: str) -> None:
    assert found(BareName(), text) == []


def test_mc16_takes_the_article_the_source_gives_an_acronym() -> None:
    text = "Pour eux, F.A.S. a réuni huit conseils."
    assert found(BareName(), text) == []  # alone, nothing says the acronym takes an article
    assert found(BareName(), text, source="Für sie hat die F.A.S. acht Tipps zusammengestellt.") == ["F.A.S."]
    assert found(BareName(), text, source="Für sie hat F.A.S. acht Tipps zusammengestellt.") == []


def test_mc16_suggests_the_article_of_the_source_or_the_head() -> None:
    ctx = replace(_ctx(), source="Die F.A.S. berichtet über die Krise.", source_lang="de")
    doc = Document("t.txt", "Pour eux, F.A.S. rapporte la crise de Commerzialbank.")
    suggestions = [f.suggestions[0] for f in lint_document(doc, ctx, [BareName()]).findings]
    assert suggestions == ["la F.A.S.", "de la Commerzialbank"]


def test_hand_written_missing_words_data_is_consistent() -> None:
    data = load_toml("missing_words.toml")
    quantity, names, locutions = data["quantity"], data["names"], data["locutions"]
    assert set(quantity["needs_determiner"]) <= set(quantity["part"])
    assert set(quantity["after_more"]) <= set(quantity["part"]) | set(quantity["collective"])
    assert not set(quantity["part"]) & set(quantity["collective"])
    assert set(locutions["needs"].values()) == {"à", "de"}
    assert set(names["heads"].values()) <= {"m", "f"}
    assert all(head == head.lower() and len(head) >= 3 for head in names["heads"])
    assert set(names["prepositions"]) <= set(data["prepositions"]["need_determiner"]) | {"de", "à", "par", "sans", "selon", "entre"}


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        # a bare plural after a preposition stays an error when it is not one of a pair
        ("Le club a recruté trois joueurs selon chiffres officiels publiés lundi.", ["selon chiffres"]),
        ("La pluie est tombée dans camionnettes et sur les routes du canton.", ["dans camionnettes"]),
        # « et » before a determiner joins two phrases, not two bare nouns
        ("Les touristes sont rentrés pendant vacances et les écoles ont rouvert.", ["pendant vacances"]),
        # a singular bare noun after « après » that is no noun of action
        ("La mairie a fermé le marché après tempête de grêle.", ["après tempête"]),
        ("Le stade a été évacué après incendie dans les tribunes.", ["après incendie"]),
    ],
)
def test_mc15_bare_noun_after_preposition_on_unrelated_texts(text: str, expect: list[str]) -> None:
    assert found(MissingWord(), text) == expect


@pytest.mark.parametrize(
    "text",
    [
        # two coordinated bare nouns (a title of a medical abstract, a notice of a town hall)
        "Efficacité des clips pour perforations et fistules chez l’adulte.",
        "La salle est ouverte pour mariages ou baptêmes le samedi.",
        "Les complications après interventions endoscopiques ou chirurgicales sont rares.",
    ],
)
def test_mc15_bare_noun_after_preposition_french_writes(text: str) -> None:
    assert found(MissingWord(), text) == []
