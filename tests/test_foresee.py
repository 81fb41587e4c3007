"""Grammalecte asked ahead in a second process (qa.engine.foresee): the same findings as one
process, and every failure of the second process ends as a run without it would."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.api import Config, lint_paths
from qa.backends import foreseen
from qa.backends.grammalecte import Grammalecte, available
from qa.cli import app
from qa.engine import foresee
from qa.engine.session import active_checks
from qa.knowledge import cache

pytestmark = pytest.mark.skipif(not available(), reason="python3-grammalecte is not installed")

# Two unrelated texts, each with Grammalecte's findings and qa's own.
SPORT = (
    "Le club de Lyon a gagné son match dimanche soir.\n\n"
    "Il a dit qu’il viendrons demain avec les joueurs.\n\n"
    "Les supporters mangeait des sandwichs quand nous sommes arrivés au stade.\n"
)
RECIPE = (
    "Pour la pâte, il faut 200 grammes de farine.\n\n"
    "Nous avons dit que vous viendrez, mais ils ne peut pas attendre.\n\n"
    "Faites cuire à 180 °C pendant 30 minutes.\n"
)


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # the second process, even on one core
    cache.set_enabled(False)  # each run asks Grammalecte itself, not the disk
    paths = []
    for name, text in (("sport.txt", SPORT), ("recette.txt", RECIPE)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    yield paths
    cache.set_enabled(None)


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """The second processes started, and the questions their answers settled."""
    out: dict[str, list] = {"ahead": [], "hits": [], "misses": [], "own": []}
    start, check, own = foresee.Ahead.__init__, foreseen.Foreseen.check, foresee._Answers.findings

    def spied_start(self, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        start(self, *args, **kwargs)
        out["ahead"].append(self)

    def spied_check(self, text, paragraphs, kinds):  # noqa: ANN001, ANN202
        hit = foreseen.key_of(text, paragraphs, set(kinds)) in self._answers
        out["hits" if hit else "misses"].append(text)
        return check(self, text, paragraphs, kinds)

    def spied_own(self, doc):  # noqa: ANN001, ANN202
        found = own(self, doc)
        out["own"].append(None if found is None else sorted(found))
        return found

    monkeypatch.setattr(foresee.Ahead, "__init__", spied_start)
    monkeypatch.setattr(foresee._Answers, "findings", spied_own)
    monkeypatch.setattr(foreseen.Foreseen, "check", spied_check)
    return out


@pytest.fixture(autouse=True)
def two_cores_and_one_thread(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine the tests run on is not the one `qa lint` forks on: earlier tests of the
    suite may leave threads behind (a Dask cluster's event loop), which a `qa lint` process
    never has, and CI may give one core. test_forking_waits_for_a_lone_thread covers the
    thread condition itself."""
    if request.node.name != "test_forking_waits_for_a_lone_thread":
        monkeypatch.setattr(foresee, "_forkable", lambda: True)
        monkeypatch.setattr(foresee.os, "cpu_count", lambda: 2)


def test_forking_waits_for_a_lone_thread() -> None:
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait, name="not-qa", daemon=True)
    other.start()
    try:
        assert not foresee._forkable()
    finally:
        stop.set()
        other.join()
    if all(t is threading.main_thread() for t in threading.enumerate()):
        assert foresee._forkable()


def _findings(results: list) -> list:
    return [(r.document.path, r.findings, r.notes, r.error) for r in results]


def test_two_processes_find_what_one_finds(files: list[Path], seen: dict[str, list]) -> None:
    alone = lint_paths(files, Config(jobs=1))
    assert not seen["ahead"]
    two = lint_paths(files, Config())
    [ahead] = seen["ahead"]
    assert ahead._process.exitcode == 0  # it answered, and was waited for
    assert len(seen["hits"]) == 2 and not seen["misses"]
    # qa's own checks that read no analysis ran there too, for both documents
    ahead_codes = sorted(c.code for c in active_checks(Config()) if foresee.answered_ahead(c))
    assert seen["own"] == [ahead_codes, ahead_codes] and "TL01" in ahead_codes and "PA01" not in ahead_codes
    assert _findings(two) == _findings(alone)
    codes = {f.code for r in two for f in r.findings}
    assert "GC:g2__conj_il__b1_a1_1" in codes and any(not c.startswith("GC:") for c in codes), codes
    for r in two:
        assert any(f.code.startswith("GC:") for f in r.findings), r.document.path


def test_a_check_asking_for_the_analysis_there_leaves_the_checks_here(
        files: list[Path], seen: dict[str, list], monkeypatch: pytest.MonkeyPatch) -> None:
    # Every check of qa's own offered to the second process, those reading spaCy's analysis too:
    # it gives up on them (it never loads spaCy) and this process runs them all.
    monkeypatch.setattr(foresee, "answered_ahead", lambda check: not check.opt_in)
    alone = lint_paths(files, Config(jobs=1))
    two = lint_paths(files, Config())
    assert seen["own"] == [None] and len(seen["hits"]) == 2
    assert _findings(two) == _findings(alone)


def test_a_document_it_did_not_see_is_linted_here(files: list[Path], seen: dict[str, list],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = foresee._own_findings

    def shifted(paths, config):  # noqa: ANN001, ANN202 - the findings of the other file first
        calls = real(paths, config)
        return calls[::-1]

    monkeypatch.setattr(foresee, "_own_findings", shifted)
    alone = lint_paths(files, Config(jobs=1))
    two = lint_paths(files, Config())
    assert seen["own"] == [None]  # the first call's text is not the one it saw: all here from then on
    assert _findings(two) == _findings(alone)


def test_a_question_it_did_not_answer_is_asked_here(files: list[Path], seen: dict[str, list],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def nothing(send, paths, config) -> None:  # noqa: ANN001 - answers no question at all
        send.send(({}, {}, None))
        send.close()

    monkeypatch.setattr(foresee, "_answer", nothing)
    alone = lint_paths(files, Config(jobs=1))
    two = lint_paths(files, Config())
    assert len(seen["misses"]) == 2 and not seen["hits"]
    assert _findings(two) == _findings(alone)


def test_a_second_process_that_dies_leaves_the_work_here(files: list[Path], seen: dict[str, list],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(foresee, "_answer", lambda send, paths, config: os._exit(3))
    alone = lint_paths(files, Config(jobs=1))
    two = lint_paths(files, Config())
    [ahead] = seen["ahead"]
    assert ahead._process.exitcode == 3 and not seen["hits"] and not seen["misses"]
    assert _findings(two) == _findings(alone)


def test_grammalecte_failing_to_load_gives_the_notice_and_exit_code_of_one_process(
    files: list[Path], seen: dict[str, list], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self, pruned: bool = True) -> None:  # noqa: ANN001
        raise RuntimeError("dictionary missing")

    monkeypatch.setattr(Grammalecte, "__init__", broken)  # in both processes (fork)
    runner = CliRunner()
    outs = [runner.invoke(app, ["lint", *jobs, "--strict-backends", str(files[0])]) for jobs in (["--jobs", "1"], [])]
    assert len(seen["ahead"]) == 1 and seen["ahead"][0]._process.exitcode == 0
    assert outs[0].exit_code == outs[1].exit_code == 2
    assert outs[0].stdout == outs[1].stdout
    assert "grammalecte: cannot load: dictionary missing" in outs[1].stderr
    assert outs[0].stderr == outs[1].stderr
    results = lint_paths(files, Config())
    assert results[0].notes == ("grammalecte: cannot load: dictionary missing; its checks were skipped",)
    assert not any(f.code.startswith("GC:") for r in results for f in r.findings)


def test_only_a_small_serial_run_with_grammalecte_forks(files: list[Path]) -> None:
    config = Config()
    assert foresee.worth_it(files, config, 1)
    assert not foresee.worth_it(files, replace(config, jobs=1), 1)  # --jobs 1: one process
    assert not foresee.worth_it(files, config, 2)  # the worker pool
    assert not foresee.worth_it(files * 3, config, 1)
    assert not foresee.worth_it(files, replace(config, select=("MC",)), 1)  # no GC00
    big = files[0].parent / "big.txt"
    big.write_text("Il pleut.\n" * (foresee.MAX_BYTES // 10 + 1), encoding="utf-8")
    assert not foresee.worth_it([big], config, 1)


def test_the_command_line_reports_the_same_and_quits_with_its_code(files: list[Path]) -> None:
    # A real `qa lint` (the second process, then the quick exit of qa.cli.main) against --jobs 1.
    import subprocess
    import sys

    env = {**os.environ, "QA_NO_CACHE": "1", "QA_NO_PROGRESS": "1"}
    runs = [
        subprocess.run([sys.executable, "-m", "qa", "lint", *jobs, "--format", "json", *map(str, files)],
                       capture_output=True, text=True, env=env, timeout=600)
        for jobs in (["--jobs", "1"], [])
    ]
    assert runs[0].returncode == runs[1].returncode == 1, runs[1].stderr
    assert runs[0].stdout == runs[1].stdout and '"rule": "GC:g2__conj_il__b1_a1_1"' in runs[1].stdout
    assert runs[0].stderr == runs[1].stderr


def test_the_second_process_refuses_spacy_but_lets_its_files_be_found() -> None:
    # A fresh interpreter, spaCy not imported yet, as in the second process of a `qa lint`.
    import subprocess
    import sys

    code = (
        "import importlib.util, sys\n"
        "from qa.engine import foresee\n"
        "assert 'spacy' not in sys.modules\n"
        "asked = []\n"
        "sys.meta_path.insert(0, foresee._NoSpacy(asked))\n"
        "spec = importlib.util.find_spec('spacy')\n"
        "assert spec is not None and spec.origin.endswith('__init__.py') and not asked\n"
        "try:\n"
        "    from spacy.lang.fr.stop_words import STOP_WORDS\n"
        "except foresee._ReadsAnalysis:\n"
        "    pass\n"
        "assert asked == [True] and 'spacy' not in sys.modules, asked\n"
        "print('refused')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "refused", done.stderr[-2000:]


def test_the_checks_left_to_the_run_are_those_that_use_spacy() -> None:
    checks = active_checks(Config())
    ahead = {c.code for c in checks if foresee.answered_ahead(c)}
    assert {"TL01", "PN01", "MC01"} <= ahead
    assert not ahead & {"PA01", "MC02", "GC00", "PC04", "UT01", "NF01"}
    assert all(not (c.needs_nlp or c.opt_in or c.uses_spacy) for c in checks if c.code in ahead)
