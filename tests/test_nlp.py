"""qa.knowledge.nlp's changes to spaCy's pipeline keep its results."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.knowledge import nlp

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_qas_lemmatizer_tables_give_spacys_lemmas() -> None:
    """qa.knowledge.compact_lemmas' tables (or the index as sets, without a cache folder)."""
    import spacy

    plain = spacy.load(nlp.MODEL, exclude=["ner"])
    table = plain.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert any(isinstance(table[k], list) for k in table)  # what qa.knowledge.nlp changes is there
    ours = nlp.pipeline()
    assert all(isinstance(v, frozenset) for v in ours.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())
    from qa.knowledge.compact_lemmas import IdTable

    assert isinstance(ours.get_pipe("lemmatizer").lookups.get_table("lemma_lookup"), IdTable)
    text = (ROOT / "texts" / "nrc-missiles-coree.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    gsd = ROOT.parent / "shared" / "corpora" / "ud-french-gsd" / "fr_gsd-ud-test.conllu"
    if gsd.is_file():  # 400 sentences of varied French: numbers, names, rare forms
        paragraphs += [line[9:] for line in gsd.read_text(encoding="utf-8").splitlines() if line.startswith("# text = ")][:400]
    with ours.select_pipes(disable=["ner"]):
        mine = [[(t.text, t.pos_, t.lemma_) for t in d] for d in ours.pipe(paragraphs)]
    theirs = [[(t.text, t.pos_, t.lemma_) for t in d] for d in plain.pipe(paragraphs)]
    assert mine == theirs and sum(len(d) for d in mine) > (5000 if gsd.is_file() else 500)


def test_compact_tables_answer_as_spacys_tables(tmp_path: Path) -> None:
    from spacy.lookups import Table
    from spacy.strings import get_string_id

    from qa.knowledge.compact_lemmas import compile_tables, load_tables

    lookup = {"chevaux": ["cheval"], "case": ["case"], "étaient": ["être"]}  # « case » is a spaCy symbol too
    raw = {
        "lemma_lookup": {get_string_id(k): v for k, v in lookup.items()},
        "lemma_exc": {get_string_id("noun"): {"yeux": ["œil"], "aïeux": ["aïeul", "ancêtre"]}},
        "lemma_index": {get_string_id("noun"): ["cheval", "œil"]},
        "lemma_rules": {get_string_id("noun"): [["aux", "al"], ["s", ""]]},
    }
    tables = load_tables(compile_tables(raw))
    spacys = Table("lemma_lookup", lookup)
    for word in ("chevaux", "case", "étaient", "maison"):
        assert tables["lemma_lookup"].get(word, [word]) == spacys.get(word, [word])
        assert (word in tables["lemma_lookup"]) == (word in spacys)
    assert tables["lemma_lookup"]["chevaux"] == ["cheval"]
    with pytest.raises(KeyError):
        tables["lemma_lookup"]["maison"]
    nouns = tables["lemma_exc"]["noun"]
    assert nouns.get("yeux", []) == ["œil"] and nouns.get("aïeux") == ["aïeul", "ancêtre"] and nouns.get("œil", []) == []
    assert tables["lemma_index"]["noun"] == frozenset({"cheval", "œil"}) and tables["lemma_rules"]["noun"][0] == ["aux", "al"]


@pytest.mark.slow
def test_compact_tables_are_compiled_once_and_rebuilt_when_damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qa.knowledge import compact_lemmas as lemmas

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("QA_CACHE_DIR", raising=False)
    first = lemmas.compact_lookups()
    files = list((tmp_path / "xdg" / "qa" / "lemmas").glob("*.marshal"))
    assert first is not None and len(files) == 1
    files[0].write_bytes(files[0].read_bytes()[:1000])  # truncated
    again = lemmas.compact_lookups()
    assert again is not None and again.get_table("lemma_lookup").get("chevaux") == ["cheval"]
    assert len(files[0].read_bytes()) > 1000  # rebuilt
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert lemmas.compact_lookups() is not None
    assert not (tmp_path / "elsewhere").exists()  # the default folder's file was read
    monkeypatch.setenv("QA_LEXICON_CACHE", "0")
    assert lemmas.compact_lookups() is None  # opted out: spaCy keeps its own tables


@pytest.mark.slow
def test_rows_read_from_arrays_are_the_tokens_attributes() -> None:
    texts = [
        "La Chine nie soutenir la Russie. Il affirme respecter l'Ukraine, selon M. Wang.",
        "Un  double  espace\u00a0et  \t une tabulation.", " début", "fin ", "   ", "",
        "Les ministres de la Défense se sont réunis le 3 mars 2024 à Bruxelles (Belgique).",
    ]
    rows = nlp._parse(texts, ("parser",))
    with nlp.pipeline().select_pipes(disable=["ner"]):
        docs = list(nlp.pipeline().pipe(texts))
    for sdoc, got in zip(docs, rows, strict=True):
        kept = [t for t in sdoc if not t.is_space]
        position = {t.i: k for k, t in enumerate(kept)}
        expected = [
            (t.idx, len(t.text), t.lemma_, t.pos_, t.dep_, position.get(t.head.i, position[t.i]),
             dict(t.morph.to_dict()), bool(t.is_sent_start))
            for t in kept
        ]
        assert got == expected
    assert any(len(r) > 10 for r in rows)


def test_tokenizer_keeps_a_bounded_number_of_chunks_and_the_same_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first WARM_CHUNKS distinct chunks are tokenized outside the memory zone, so that
    spaCy's tokenizer keeps them from call to call; no more, and the rows do not change."""
    pipeline = nlp.pipeline()
    texts = [f"Le maire de Qwxrtz{k}ville a signé, hier, l'accord n° {k}." for k in range(20)]
    texts += ["« Les élèves ont-ils rendu leurs devoirs ? » demande-t-elle.", "Il est 18 h 30 ; c'est-à-dire tard."]
    monkeypatch.setattr(nlp, "WARM_CHUNKS", 0)
    cold = nlp._parse(texts, ("parser",))
    monkeypatch.setattr(nlp, "_warm", set())
    monkeypatch.setattr(nlp, "WARM_CHUNKS", 12)
    before = len(pipeline.vocab.strings)
    warm = nlp._parse(texts, ("parser",))
    assert len(nlp._warm) == 12 and "Le" in nlp._warm
    assert before < len(pipeline.vocab.strings) <= before + 12 * 8  # a chunk's forms, norms, shapes
    assert warm == cold == nlp._parse(texts, ("parser",))  # cut from the tokenizer's memory: the same rows
    grown = len(pipeline.vocab.strings)
    nlp._parse([f"Un mot neuf Zyxwq{k}." for k in range(5)], ("parser",))
    assert len(nlp._warm) == 12 and len(pipeline.vocab.strings) == grown  # full: nothing more is kept


def test_new_words_leave_nothing_in_spacys_string_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long-lived process (qa server) analyses words it never saw at every edit; spaCy's
    string store would keep each one. Rows and entities are read inside a memory zone, so the
    store stays the same size, and the rows are those of a plain pass (read outside any zone)."""
    pipeline = nlp.pipeline()
    monkeypatch.setattr(nlp, "WARM_CHUNKS", 0)  # the tokenizer's kept chunks: the next test
    texts = [f"Le député Wrzlbrg{k}ovski a voté l'amendement n° {k * 7919} à Kzrtwyl{k}." for k in range(40)]
    texts.append("Emmanuel Macron a rencontré Olaf Scholz à Berlin.")
    nlp._parse(["Le député a voté."], ("parser",))  # the pipeline's own first-call strings
    before = len(pipeline.vocab.strings)
    rows = nlp._parse(texts, ("parser",))
    entities = nlp._entities(texts)
    assert len(pipeline.vocab.strings) == before
    assert "Wrzlbrg3ovski" not in pipeline.vocab.strings
    with pipeline.select_pipes(disable=["ner"]):
        plain = [[(t.idx, t.lemma_, t.pos_) for t in d if not t.is_space] for d in pipeline.pipe(texts)]
    assert [[(r[0], r[2], r[3]) for r in piece] for piece in rows] == plain
    assert entities[-1] and {label for _, label in entities[-1]} >= {"PER", "LOC"}
    assert len(pipeline.vocab.strings) > before  # the plain pass does keep them: the test can fail
    # The lemmatizer's cache is emptied once past its bound, and lemmas stay the same.
    monkeypatch.setattr(nlp, "LEMMA_CACHE", 5)
    again = nlp._parse(texts, ("parser",))
    assert again == rows and len(pipeline.get_pipe("lemmatizer").cache) == 0


def test_children_are_the_tokens_a_token_heads_in_text_order() -> None:
    from qa.model.document import Document, Span

    for text in ("Les ministres de la Santé ont signé un accord.", "Elle a vendu sa maison hier."):
        analysis = nlp.analyse(Document("t.txt", text))
        toks = analysis.tokens
        for t in toks:
            assert list(analysis.children(t.i)) == [k for k in toks if k.head == t.i and k.i != t.i]
        root = next(t for t in toks if t.head == t.i)
        assert root not in analysis.children(root.i) and analysis.children(root.i)
    assert nlp.analyse(Document("e.txt", "")).children(0) == ()


@pytest.mark.parametrize("text", [
    "Le ministre a démissionné. Il l’a annoncé hier soir !\nLa Banque centrale européenne relève ses taux.",
    "« Nous n’avons rien vu », a déclaré Mme Dupont.\n\nLes pompiers sont intervenus vers 3 h 15 à Lyon.",
])
def test_tokens_in_a_span_are_those_a_scan_of_every_token_finds(text: str) -> None:
    from qa.knowledge.nlp import analyse
    from qa.model.document import Document, Span

    doc = Document("t.txt", text)
    analysis = analyse(doc)
    spans = [*doc.sentences, *doc.paragraphs, Span(3, 20), Span(0, len(text)), Span(len(text), len(text))]
    for span in spans:
        scan = [t for t in analysis.tokens if t.start >= span.start and t.end <= span.end]
        assert analysis.in_span(span.start, span.end) == scan
    assert analysis.in_span(0, len(text)) == list(analysis.tokens)
