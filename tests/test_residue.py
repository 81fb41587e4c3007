"""AR01, AR02: pipeline tags and markup residue, with the replacement each stands for."""

from __future__ import annotations

import html

import pytest

from qa.api import Config, lint_document, make_context
from qa.checks.base import Check
from qa.checks.artifacts.ar01_pipeline_tag import PipelineTag
from qa.checks.artifacts.ar02_markup_residue import MarkupResidue, entity_replacement
from qa.data import load_toml
from qa.model.document import Document
from qa.engine.fixes import apply_edits

CTX = make_context(Config())


def found(check: Check, text: str) -> list[tuple[str, tuple[str, ...]]]:
    doc = Document("t.txt", text)
    return [(doc[f.span], f.suggestions) for f in lint_document(doc, CTX, [check]).findings]


def fixed(check: Check, text: str) -> str:
    doc = Document("t.txt", text)
    edits = [f.edit() for f in lint_document(doc, CTX, [check]).findings if f.autofix]
    return apply_edits(text, edits)[0]


def test_entity_overrides_are_real_entities_with_french_typography() -> None:
    overrides = load_toml("markup.toml")["entity_overrides"]
    for entity, right in overrides.items():
        assert html.unescape(entity) != entity, entity
        assert right != entity
    assert entity_replacement("&#39;") == "’"
    assert entity_replacement("&eacute;") == "é"
    assert entity_replacement("&amp;amp;") == "&"
    assert entity_replacement("&bogus;") is None


def test_bare_entity_names_are_known_entities() -> None:
    for name in load_toml("markup.toml")["entity_bare"]["names"]:
        assert entity_replacement(f"&{name};") is not None, name


def test_html_lists_do_not_overlap() -> None:
    data = load_toml("markup.toml")["html"]
    assert not set(data["block"]) & set(data["inline"])


def test_bare_entity_needs_a_known_name_and_a_boundary() -> None:
    assert found(MarkupResidue(), "3&nbsp000 euros") == []  # a digit follows: not an entity
    assert found(MarkupResidue(), "3&nbsp 000 euros") == [("&nbsp", ("\u00a0",))]
    assert found(MarkupResidue(), "AT&T et R&D") == []


def test_autofix_restores_the_text() -> None:
    text = "Le <i>Monde</i> cite l&#8217;ONU &amp; l’OTAN.<br>Fin."
    assert fixed(MarkupResidue(), text) == "Le Monde cite l’ONU & l’OTAN. Fin."


def test_br_between_a_space_and_a_word_leaves_no_double_space() -> None:
    assert found(MarkupResidue(), "Fin. <br>Début") == [("<br>", ("",))]
    assert found(MarkupResidue(), "Fin.<br>Début") == [("<br>", (" ",))]


def test_template_is_reported_without_autofix() -> None:
    doc = Document("t.txt", "Voir {{Lien|fr|Paris}} ici.")
    findings = lint_document(doc, CTX, [MarkupResidue()]).findings
    assert [(doc[f.span], f.autofix) for f in findings] == [("{{Lien|fr|Paris}}", False)]


def test_pipeline_tag_alone_on_its_line_and_inside_text() -> None:
    assert found(PipelineTag(), "Texte.\n\nreuters_nl_884") == [("reuters_nl_884", ("",))]
    assert found(PipelineTag(), "Texte.\nbelga-1234") == [("belga-1234", ("",))]


@pytest.mark.parametrize(
    "text",
    [
        "Le F-35 et l’A400M volent ; la covid-19 recule.",
        "Les prix ont augmenté de 5 %, soit %d ? Non : 5 % seulement.".replace("%d ", ""),
        "Il a écrit {x} dans l’équation et [ID] dans la marge.",
        "Le groupe fr-en-de réunit trois langues.",
    ],
)
def test_pipeline_tags_stay_quiet_on_prose(text: str) -> None:
    assert found(PipelineTag(), text) == []


def test_model_tokens_and_bpe_joiners() -> None:
    assert found(PipelineTag(), "Le gouverne@@ ment a <unk> décidé.") == [("@@", ("",)), ("<unk>", ("",))]


def test_starts_pipeline_tag_where_mc04_asks() -> None:
    # MC04 asks it after a stop: a tag that ends the text is AR01's, not a stray stop.
    from qa.knowledge.pipeline_tags import starts_pipeline_tag

    text = "remporté par les travaillistes. ttn-fr-41\nLe lendemain. {{ auteur }} écrit"
    assert starts_pipeline_tag(text, text.index("ttn"))
    assert starts_pipeline_tag(text, text.index("{{"))
    assert not starts_pipeline_tag(text, text.index("par"))
    assert not starts_pipeline_tag("Il a dit. ensuite il est parti", len("Il a dit. "))
