"""qa.data: every built-in data file has a loader that checks its schema and shape, a file
that does not match is refused with its name, and every file is read by some check."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from qa import data
from qa.data import FILES, DataError, Toml, load_toml, load_tsv

ROOT = Path(__file__).resolve().parent.parent
ON_DISK = sorted(p.name for p in resources.files("qa.data").iterdir() if p.name.endswith((".toml", ".tsv")))


def test_every_file_has_a_loader_and_every_loader_a_file() -> None:
    assert sorted(FILES) == ON_DISK


@pytest.mark.parametrize("name", ON_DISK)
def test_every_file_matches_its_loader(name: str) -> None:
    loader = FILES[name]
    if isinstance(loader, Toml):
        found = load_toml(name)
        assert found["schema"] == loader.schema
        assert set(found) == {"schema", *loader.keys}
    else:
        rows = load_tsv(name)
        assert rows and all(loader.least <= len(row) <= loader.most for row in rows)


@pytest.fixture
def fresh() -> Iterator[None]:
    load_toml.cache_clear()
    load_tsv.cache_clear()
    yield
    load_toml.cache_clear()
    load_tsv.cache_clear()


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("places.toml", 'schema = 2\n[places]\n"München" = "Munich"\n', "qa/data/places.toml: 'schema = 1' is required (found 2)"),
        ("places.toml", '[places]\n"München" = "Munich"\n', "qa/data/places.toml: 'schema = 1' is required (found None)"),
        ("places.toml", 'schema = 1\nplaces = ["Munich"]\n', "qa/data/places.toml: 'places' must be a table (found list)"),
        ("exonyms.toml", "schema = 1\n", "qa/data/exonyms.toml: 'names' must be a table (found nothing)"),
        ("exonyms.toml", "schema = 1\n[names]\n[nmaes]\n", "qa/data/exonyms.toml: unknown top-level key 'nmaes'"),
        ("acronyms.toml", "schema = 1\nacronyms = [\n", "qa/data/acronyms.toml: "),
        ("gender.tsv", "# name\tgender\tnumber\nFrance\tf\ts\n\nChine\tf\n", "qa/data/gender.tsv:4: 2 columns, expected 3"),
        ("lexicon.tsv", "nl\thuis\tmaison\tnoun\tf\t\tx\n", "qa/data/lexicon.tsv:1: 7 columns, expected 4 to 6"),
    ],
)
def test_a_file_of_the_wrong_shape_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, fresh: None, name: str, text: str, message: str
) -> None:
    monkeypatch.setattr(data, "_text", lambda n: text)
    load = load_toml if name.endswith(".toml") else load_tsv
    with pytest.raises(DataError) as caught:
        load(name)
    assert str(caught.value).startswith(message)


def test_the_same_shapes_are_accepted(monkeypatch: pytest.MonkeyPatch, fresh: None) -> None:
    monkeypatch.setattr(data, "_text", lambda n: 'schema = 1\n[places]\n"München" = "Munich"\n')
    assert load_toml("places.toml")["places"] == {"München": "Munich"}
    monkeypatch.setattr(data, "_text", lambda n: "# comment\nnl\thuis\tmaison\tnoun\n\nde\thaus\tmaison\tnoun\tf\n")
    assert load_tsv("lexicon.tsv") == (("nl", "huis", "maison", "noun"), ("de", "haus", "maison", "noun", "f"))


def test_a_file_without_a_loader_cannot_be_read(fresh: None) -> None:
    with pytest.raises(DataError, match=r"qa/data/nowhere\.toml: no loader"):
        load_toml("nowhere.toml")
    with pytest.raises(DataError, match=r"qa/data/places\.toml: not a TSV file"):
        load_tsv("places.toml")


# Every check but the backends (whose measured default is read directly), on the first case of tests/cases/<CODE>.toml that expects a
# finding (with its source, else an English one), in a fresh process: the files read there.
PROBE = """
import tomllib, sys
from pathlib import Path
from qa import data
from qa.checks import ALL_CHECKS
from qa.checks.base import Context
from qa.engine.session import Session
from qa.knowledge.glossary import make_glossary
from qa.model.document import Document

glossary = make_glossary()
for cls in ALL_CHECKS:
    if cls.opt_in:
        continue
    cases = tomllib.loads((Path(sys.argv[1]) / f"{cls.code}.toml").read_text(encoding="utf-8"))["case"]
    case = next(c for c in cases if c["expect"])
    ctx = Context(Session(glossary), source_lang=case.get("source_lang", "en"), source=case.get("source"))
    list(cls().run(Document("case.txt", case["text"]), ctx))
from qa.backends import BackendOptions  # GC00 is opt-in: the rules of its measured default
BackendOptions().gc_measured_rules(True)
print("\\n".join(sorted(data.files_read())))
"""


def test_every_data_file_is_read_by_some_check(tmp_path: Path) -> None:
    # An empty cache folder: a value derived from data files (qa.knowledge.cache) read back
    # from the user's would hide the files it is built from.
    env = {**os.environ, "QA_CACHE_DIR": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT / "tests" / "cases")],
        capture_output=True, text=True, check=True, cwd=ROOT, env=env,
    )
    never = sorted(set(ON_DISK) - set(run.stdout.split()))
    assert never == [], f"data files no check reads: {never}"


def test_the_files_checks_declare_exist() -> None:
    from qa.checks import ALL_CHECKS

    unknown = {f"{cls.code}: {name}" for cls in ALL_CHECKS for name in cls.data_files if name not in FILES}
    assert unknown == set()
