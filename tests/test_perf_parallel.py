"""Performance paths that must not change results: the spaCy components a run loads, the
paragraph cache of analyses, and large single files split across worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.knowledge import cache
from qa.knowledge import nlp
from qa.api import Config, active_checks, lint_paths
from qa.model.document import Document
from qa.engine.runner import split_tasks

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "texts" / "nrc-missiles-coree.txt").read_text(encoding="utf-8")
LEXICAL = ("GL", "AR01", "AR02", "AR04", "MC01", "MC03", "MC04", "MC05", "AC")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("QA_NO_CACHE", raising=False)
    cache.set_enabled(None)
    return tmp_path / "cache"


def test_checks_declare_what_spacy_must_run() -> None:
    assert nlp.components_of(active_checks(Config(select=LEXICAL))) == set()
    assert nlp.components_of(active_checks(Config(select=("PA",)))) == {"parser"}
    assert nlp.components_of(active_checks(Config(select=("AR03",)))) == {"parser"}  # reads who speaks to whom
    assert nlp.components_of(active_checks(Config(select=("PC01",)))) == {"parser"}  # the default


def test_a_large_file_split_across_workers_gives_the_serial_findings(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text((ARTICLE.rstrip("\n") + "\n\n") * 80, encoding="utf-8")  # about 500,000 characters
    small = tmp_path / "small.txt"
    small.write_text(ARTICLE, encoding="utf-8")
    tasks, split = split_tasks([small, big], Config())
    assert list(split) == [1] and len(tasks) >= 3 and tasks[0] == (0, None)
    serial = lint_paths([small, big], Config(select=LEXICAL, jobs=1))
    parallel = lint_paths([small, big], Config(select=LEXICAL, jobs=2))
    assert [r.document.path for r in parallel] == [str(small), str(big)]
    assert [r.findings for r in parallel] == [r.findings for r in serial]
    assert len(parallel[1].findings) == 80 * len(parallel[0].findings) > 0
    text = parallel[1].document.text
    assert all(text[f.span.start : f.span.end] == f.text for f in parallel[1].findings)  # offsets into the file


@pytest.mark.slow
def test_analyses_come_back_from_the_paragraph_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document("a.txt", "La Chine nie soutenir la Russie.\n\nIl affirme respecter l’Ukraine, selon Macron.")
    fresh = nlp.analyse(doc)
    assert (cache_dir / "paragraphs.sqlite").is_file()

    def no_spacy(texts: list[str], components: tuple[str, ...]) -> list[list[nlp.Row]]:
        raise AssertionError("spaCy ran although every paragraph was cached")

    def no_ner(texts: list[str]) -> list[list[tuple[int, str]]]:
        raise AssertionError("spaCy ran although every paragraph was cached")

    assert any(t.ent == "PER" for t in fresh.tokens)  # the NER runs, and its labels are cached
    monkeypatch.setattr(nlp, "_parse", no_spacy)
    monkeypatch.setattr(nlp, "_entities", no_ner)
    again = nlp.analyse(Document("b.txt", doc.text))
    assert again == fresh
    assert [t.morph for t in again.tokens] == [t.morph for t in fresh.tokens]
    assert any(t.ent == "PER" for t in again.tokens) and any(t.dep == "nsubj" for t in again.tokens)
    with pytest.raises(AssertionError, match="spaCy ran"):  # a new paragraph is parsed
        nlp.analyse(Document("c.txt", doc.text + "\nUne phrase nouvelle."))


@pytest.mark.slow
def test_the_ner_runs_only_on_the_pieces_a_check_asks_about(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_NO_CACHE", "1")
    doc = Document("a.txt", "Le conseil a voté hier.\n\nEmmanuel Macron a parlé à Berlin.")
    asked: list[list[str]] = []
    real = nlp._entities

    def spy(texts: list[str]) -> list[list[tuple[int, str]]]:
        asked.append(texts)
        return real(texts)

    monkeypatch.setattr(nlp, "_entities", spy)
    parsed = nlp.analyse(doc)
    assert asked == [] and any(t.dep == "nsubj" for t in parsed.tokens)  # no label asked, no NER
    macron = next(t for t in parsed.tokens if t.text == "Macron")
    assert macron.ent == "PER" and next(t for t in parsed.tokens if t.text == "Berlin").ent == "LOC"
    assert asked == [["Emmanuel Macron a parlé à Berlin."]]  # the second paragraph only, once
    assert next(t for t in parsed.tokens if t.text == "conseil").ent == ""
    assert len(asked) == 2 and asked[1] == ["Le conseil a voté hier."]


def test_a_run_asks_spacy_for_its_checks_components_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, ...]] = []

    def fake_parse(texts: list[str], components: tuple[str, ...]) -> list[list[nlp.Row]]:
        seen.append(components)
        return [[] for _ in texts]

    monkeypatch.setattr(nlp, "_parse", fake_parse)
    monkeypatch.setenv("QA_NO_CACHE", "1")
    path = tmp_path / "a.txt"
    path.write_text("La Chine nie. Il affirme.\n", encoding="utf-8")
    lint_paths([path], Config(select=("PA",), jobs=1))
    lint_paths([path], Config(select=("PA", "PC01"), jobs=1))
    lint_paths([path], Config(select=("MC01",), jobs=1))
    assert seen == [("parser",), ("parser",)]  # MC01 needs no spaCy at all
