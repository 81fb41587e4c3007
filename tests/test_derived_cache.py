"""Values compiled from qa's own files kept in the cache folder (qa.knowledge.cache.derived_value):
the same value read back, built again when a file of qa changes or the parts differ."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qa.knowledge import cache


def test_a_value_is_built_once_then_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))  # nothing read from the user's cache folder
    built: list[str] = []

    def build(tag: str) -> dict[str, list[str]]:
        built.append(tag)
        return {"value": [tag]}

    assert cache.derived_value("probe", lambda: build("one"), "lib:1") == {"value": ["one"]}
    assert cache.derived_value("probe", lambda: build("two"), "lib:1") == {"value": ["one"]}
    assert cache.derived_value("probe", lambda: build("three"), "lib:2") == {"value": ["three"]}
    assert built == ["one", "three"]
    for stored in (tmp_path / "probe").glob("*.pickle"):
        stored.write_bytes(b"not a pickle")
    assert cache.derived_value("probe", lambda: build("four"), "lib:1") == {"value": ["four"]}


def test_the_stamp_changes_with_any_code_or_data_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "mod.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "data" / "words.toml").write_text("a = 1\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not code\n", encoding="utf-8")
    cache._STAMP.clear()
    first = cache.code_stamp(tmp_path)
    (tmp_path / "notes.txt").write_text("still not code\n", encoding="utf-8")
    cache._STAMP.clear()
    assert cache.code_stamp(tmp_path) == first
    for changed in ("mod.py", "data/words.toml"):
        path = tmp_path / changed
        path.write_text(path.read_text(encoding="utf-8") + "b = 2\n", encoding="utf-8")
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
        cache._STAMP.clear()
        assert cache.code_stamp(tmp_path) != first, changed
        first = cache.code_stamp(tmp_path)
    cache._STAMP.clear()


def test_the_names_knowledge_read_back_is_the_one_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qa.knowledge import names

    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))  # nothing read from the user's cache folder
    names.knowledge.cache_clear()
    try:
        stored = names.knowledge()  # built and stored
        assert list((tmp_path / "names").glob("*.pickle"))
        names.knowledge.cache_clear()
        read = names.knowledge()
        fresh = names._knowledge()
    finally:
        names.knowledge.cache_clear()
    assert read is not stored
    assert read.names == fresh.names and read.by_key == fresh.by_key
    keys, _, payloads = read.matcher.parts()
    assert (keys, payloads) == fresh.matcher.parts()[::2]
    for text in ("Selon le Miroir et la Gazette de Francfort, le Times", "Rien à signaler ici."):
        assert [(m.start, m.end, m.payloads) for m in read.matcher.finditer(text)] == \
            [(m.start, m.end, m.payloads) for m in fresh.matcher.finditer(text)]
