"""qa.nlp's changes to spaCy's pipeline keep its results."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import nlp

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_lemma_index_as_sets_gives_the_same_lemmas() -> None:
    import spacy

    plain = spacy.load(nlp.MODEL, exclude=["ner"])
    table = plain.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert any(isinstance(table[k], list) for k in table)  # what qa.nlp changes is there
    ours = nlp.pipeline()
    assert all(isinstance(v, frozenset) for v in ours.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())
    text = (ROOT / "texts" / "nrc-missiles-coree.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    with ours.select_pipes(disable=["ner"]):
        mine = [[(t.text, t.pos_, t.lemma_) for t in d] for d in ours.pipe(paragraphs)]
    theirs = [[(t.text, t.pos_, t.lemma_) for t in d] for d in plain.pipe(paragraphs)]
    assert mine == theirs and sum(len(d) for d in mine) > 500
