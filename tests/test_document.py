from __future__ import annotations

import pytest

from qa.model.document import Document, Span


def test_span_rejects_negative_and_reversed() -> None:
    with pytest.raises(ValueError):
        Span(3, 2)
    with pytest.raises(ValueError):
        Span(-1, 2)


def test_position_counts_code_points_and_crlf_lines() -> None:
    doc = Document("x", "é😀a\r\nbc\nd")
    assert doc.position(0) == (1, 1)
    assert doc.position(2) == (1, 3)  # the emoji is one code point
    assert doc.position(5) == (2, 1)
    assert doc.position(8) == (3, 1)


def test_paragraphs_are_non_blank_lines_without_edges() -> None:
    doc = Document("x", "  Titre \n\nPremier paragraphe.\r\nLégende\n")
    assert [doc[p] for p in doc.paragraphs] == ["Titre", "Premier paragraphe.", "Légende"]


def test_sentences_split_on_end_punctuation_but_not_abbreviations() -> None:
    doc = Document("x", "M. Dupont est venu. Il a parlé à J. Smith ! « Bien », dit-il.\nNouveau.")
    assert [doc[s] for s in doc.sentences] == [
        "M. Dupont est venu.",
        "Il a parlé à J. Smith !",
        "« Bien », dit-il.",
        "Nouveau.",
    ]


def test_sentence_does_not_end_before_lower_case() -> None:
    doc = Document("x", "Il a écrit à la presse américaine. au journal économique, il a dit.")
    assert len(doc.sentences) == 1


def test_protected_urls() -> None:
    doc = Document("x", "Voir https://exemple.fr/Temps-Financier pour plus.")
    assert doc.is_protected(Span(10, 20))
    assert not doc.is_protected(Span(0, 4))


def test_bare_domains_are_protected_without_trailing_punctuation() -> None:
    doc = Document("x", "Voir foerdernavi.energieagentur.nrw/ et www.bafa.de. Puis les armées.Le lendemain.")
    assert [doc[p] for p in doc.protected] == ["foerdernavi.energieagentur.nrw/", "www.bafa.de"]
