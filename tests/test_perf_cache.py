"""The disk cache (qa.knowledge.cache): compiled glossaries, keyed by content, opt-out, never fatal."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from qa.knowledge import cache
from qa.api import Config, lint_text
from qa.knowledge.glossary import Glossary, make_glossary
from qa.model.textutil import fold


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("QA_CACHE_DIR", str(folder))
    monkeypatch.delenv("QA_NO_CACHE", raising=False)
    monkeypatch.setattr("qa.knowledge.glossary.CACHE_MIN_BYTES", 0)  # cache even a small test glossary
    cache.set_enabled(None)
    return folder


def glossary_file(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / "g.tsv"
    path.write_text("".join(f"{w}\t{r}\n" for w, r in rows), encoding="utf-8")
    return path


def hits(g: Glossary, text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[m.start : m.end], tuple(r for e in m.payloads for r in e.right)) for m in g.matcher.finditer(text)]


def test_second_load_comes_from_the_cache_and_matches_the_same(tmp_path: Path, cache_dir: Path) -> None:
    path = glossary_file(tmp_path, [("faire sens", "avoir du sens"), ("Temps Financier", "Financial Times")])
    fresh = make_glossary([path], builtin=False)
    assert len(list((cache_dir / "glossary").glob("*.pickle"))) == 1
    cached = make_glossary([path], builtin=False)
    assert cached is not fresh
    assert "_rows" in cached.__dict__  # restored from the pickle, not parsed again
    text = "Selon le Temps  Financier, cela peut Faire sens."
    assert hits(cached, text) == hits(fresh, text) == [
        ("Temps  Financier", ("Financial Times",)), ("Faire sens", ("avoir du sens",))
    ]
    assert cached.entries == fresh.entries  # every entry rebuilt, origins included
    assert cached.entries[1].origin == f"{path}:2"


def test_a_changed_file_misses_the_cache(tmp_path: Path, cache_dir: Path) -> None:
    path = glossary_file(tmp_path, [("faire sens", "avoir du sens")])
    make_glossary([path], builtin=False)
    glossary_file(tmp_path, [("prendre place", "avoir lieu")])
    g = make_glossary([path], builtin=False)
    assert hits(g, "Cela peut faire sens et prendre place.") == [("prendre place", ("avoir lieu",))]
    assert len(list((cache_dir / "glossary").glob("*.pickle"))) == 2


def test_opt_out_writes_nothing(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_NO_CACHE", "1")
    path = glossary_file(tmp_path, [("faire sens", "avoir du sens")])
    g = make_glossary([path], builtin=False)
    assert hits(g, "faire sens") == [("faire sens", ("avoir du sens",))]
    assert not cache_dir.exists()


def test_a_corrupt_cache_file_is_a_miss(tmp_path: Path, cache_dir: Path) -> None:
    path = glossary_file(tmp_path, [("faire sens", "avoir du sens")])
    make_glossary([path], builtin=False)
    (stored,) = (cache_dir / "glossary").glob("*.pickle")
    stored.write_bytes(b"\x80\x05garbage")
    g = make_glossary([path], builtin=False)
    assert hits(g, "faire sens") == [("faire sens", ("avoir du sens",))]
    assert isinstance(pickle.loads(stored.read_bytes()), Glossary)  # rewritten whole


def test_a_missing_glossary_still_names_the_file(tmp_path: Path, cache_dir: Path) -> None:
    with pytest.raises(Exception, match="nope.tsv: glossary not found"):
        make_glossary([tmp_path / "nope.tsv"], builtin=False)


def test_cached_glossary_drives_gl01(tmp_path: Path, cache_dir: Path) -> None:
    path = glossary_file(tmp_path, [("faire sens", "avoir du sens")])
    config = Config(glossaries=(path,), builtin_glossary=False, select=("GL01",))
    first = lint_text("Cela peut faire sens.", config)
    second = lint_text("Cela peut faire sens.", config)
    assert [f.suggestions for f in second.findings] == [f.suggestions for f in first.findings] == [("avoir du sens",)]


@pytest.mark.parametrize("text", ["plain text", "l’OTAN\u00a0et  la\u202fNAVO – fin", "İstanbul", ""])
def test_fold_keeps_offsets(text: str) -> None:
    folded, index = fold(text)
    assert len(index) == len(folded) + 1
    assert all(folded[i] in (" ", text[index[i]].lower(), "'", "-") or len(text[index[i]].lower()) > 1
               for i in range(len(folded)))
    assert "’" not in folded and "\u00a0" not in folded and "  " not in folded


@pytest.mark.parametrize("flag", [[], ["--no-cache"]])
def test_cli_no_cache_flag(tmp_path: Path, cache_dir: Path, flag: list[str]) -> None:
    from typer.testing import CliRunner

    from qa.cli import app

    path = glossary_file(tmp_path, [("faire sens", "avoir du sens")])
    text = tmp_path / "a.txt"
    text.write_text("Cela peut faire sens.\n", encoding="utf-8")
    try:
        result = CliRunner().invoke(app, ["lint", *flag, "--select", "GL01", "--glossary", str(path), str(text)])
    finally:
        cache.set_enabled(None)
    assert result.exit_code == 1 and "avoir du sens" in result.output
    assert (cache_dir / "glossary").exists() == (not flag)
