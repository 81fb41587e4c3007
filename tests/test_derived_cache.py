"""Values compiled from qa's own files kept in the cache folder (qa.knowledge.cache.derived_value):
the same value read back, built again when a file of qa changes or the parts differ."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qa.knowledge import cache


@pytest.fixture(autouse=True)
def _no_user_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Derived files are also read from the user's default cache folder; one stored there by
    an earlier run would be read back instead of built, and the tests would see nothing stored."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def test_a_value_is_built_once_then_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
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


def test_the_titles_read_back_are_the_ones_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qa.knowledge import names

    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    names.titles_rendering.cache_clear()
    try:
        stored = names.titles_rendering()
        assert list((tmp_path / "names-titles").glob("*.pickle"))
        names.titles_rendering.cache_clear()
        read = names.titles_rendering()
    finally:
        names.titles_rendering.cache_clear()
    assert read is not stored
    assert read == names._titles_rendering() and read  # « le Temps » and the like: not empty


def test_every_data_file_read_back_is_the_one_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qa.data as data

    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    tomls = [name for name, loader in data.FILES.items() if isinstance(loader, data.Toml)]
    assert len(tomls) > 5
    for name in tomls:
        text = data.read_text(name)
        fresh = data._parse_toml(name, data.FILES[name], text)
        stored = cache.parsed_data(name, text, lambda: data._parse_toml(name, data.FILES[name], text))
        read = cache.parsed_data(name, text, lambda: {"not": "read back"})
        assert stored == fresh and read == fresh, name
    assert len(list((tmp_path / "data").glob("*.pickle"))) == len(tomls)


def test_a_changed_data_file_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    assert cache.parsed_data("probe.toml", "v = 1", lambda: {"version": 1}) == {"version": 1}
    assert cache.parsed_data("probe.toml", "v = 1", lambda: {"version": 2}) == {"version": 1}
    # Another text, or any of qa's files changed (qa.knowledge.cache.code_stamp): stale.
    assert cache.parsed_data("probe.toml", "v = 2", lambda: {"version": 2}) == {"version": 2}
    monkeypatch.setattr(cache, "code_stamp", lambda root=None: "another stamp")
    assert cache.parsed_data("probe.toml", "v = 1", lambda: {"version": 3}) == {"version": 3}


def test_qa_data_reads_toml_through_the_installed_store(monkeypatch: pytest.MonkeyPatch) -> None:
    import qa.data as data

    asked: list[str] = []

    def store(name: str, text: str, parse):  # type: ignore[no-untyped-def]
        asked.append(name)
        return parse()

    data.load_toml.cache_clear()
    monkeypatch.setattr(data, "_store", store)
    try:
        via_store = data.load_toml("names.toml")
        data.keep_parsed_in(None)
        data.load_toml.cache_clear()
        parsed = data.load_toml("names.toml")
    finally:
        data.keep_parsed_in(cache.parsed_data)
        data.load_toml.cache_clear()
    assert asked == ["names.toml"] and via_store == parsed
