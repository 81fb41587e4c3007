"""GC00 with the real Grammalecte (Debian python3-grammalecte, exposed to .venv by the Makefile)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.api import Config, active_checks, lint_text
from qa.backends import GC_DEFAULT, BackendOptions, parse_toggle
from qa.backends.grammalecte import available
from qa.cli import app
from qa.model.document import Document
from qa.model.findings import Category

ROOT = Path(__file__).resolve().parent.parent
needs_grammalecte = pytest.mark.skipif(not available(), reason="python3-grammalecte is not installed")


def gc(text: str, **options: object) -> list[tuple[str, str]]:
    config = Config(select=("GC",), backends=BackendOptions(**options))  # type: ignore[arg-type]
    return [(f.code, f.text) for f in lint_text(text, config).findings]


def test_toggles_parse_and_reject() -> None:
    assert parse_toggle("GC:apos").value == "apos" and parse_toggle("LT:category=TYPOS").category
    for bad in ("GC", "gc:apos", "GC:category=gn", "LT:", "LT:a b"):
        with pytest.raises(ValueError, match="bad backend rule"):
            parse_toggle(bad)


def test_default_kinds_and_switches() -> None:
    assert BackendOptions().gc_kinds() == GC_DEFAULT and "spell" not in GC_DEFAULT
    assert "spell" in BackendOptions(grammalecte=True).gc_kinds()
    assert "nbsp" not in BackendOptions(grammalecte=True).gc_kinds()
    assert BackendOptions(grammalecte=False, enable=("GC:apos",)).gc_kinds() == frozenset()
    assert BackendOptions(enable=("GC:apos", "GC:some_rule"), disable=("GC:conj",)).gc_kinds() == GC_DEFAULT - {"conj"} | {"apos"}
    assert BackendOptions(enable=("GC:some_rule",)).gc_rules(True) == {"some_rule"}
    assert BackendOptions(grammalecte=False, enable=("GC:some_rule",)).gc_rules(True) == frozenset()


@needs_grammalecte
def test_default_run_finds_conjugation_not_typography() -> None:
    text = "Il l'a dit: « il viendrons »."
    assert gc(text) == [("GC:g2__conj_il__b1_a1_1", "viendrons")]
    assert gc(text, grammalecte=False) == []
    assert "GC00" not in [c.code for c in active_checks(Config(backends=BackendOptions(grammalecte=False)))]


@needs_grammalecte
def test_typography_categories_toggle_separately() -> None:
    text = "Il l'a dit: « oui »."
    assert gc(text, enable=("GC:apos",)) == [("GC:apostrophe_typographique", "l'")]
    assert [code for code, _ in gc(text, enable=("GC:nbsp",))] == [
        "GC:nbsp_avant_deux_points", "GC:nbsp_après_chevrons_ouvrants", "GC:nbsp_avant_chevrons_fermants1"
    ]
    # One rule by id, though its type (apos) is off, and one rule of an enabled type switched off.
    assert gc(text, enable=("GC:apostrophe_typographique",)) == [("GC:apostrophe_typographique", "l'")]
    assert gc("Il viendrons.", disable=("GC:g2__conj_il__b1_a1_1",)) == []


@needs_grammalecte
def test_spelling_with_suggestions_and_categories() -> None:
    result = lint_text("Des dizaines Composants, selon les analystesla.", Config(select=("GC",), backends=BackendOptions(grammalecte=True)))
    by_text = {f.text: f for f in result.findings}
    assert by_text["analystesla"].code == "GC:spell" and by_text["analystesla"].category is Category.SPELLING
    assert by_text["analystesla"].suggestions[:2] == ("analystes la", "analystes al")
    assert by_text["Composants"].category is Category.GRAMMAR and by_text["Composants"].suggestions == ("Composantes",)
    assert all(not f.autofix for f in result.findings)


@needs_grammalecte
@pytest.mark.slow
def test_names_are_never_misspellings() -> None:
    # spaCy tags the town and the minister; « Financial » is a form the built-in glossary knows.
    text = "À Kharkiv, le ministre Vyacheslav Madiyevskyy a parlé au Financial Times avec les analystesla."
    assert gc(text, grammalecte=True) == [("GC:spell", "analystesla")]


@needs_grammalecte
def test_offsets_after_astral_characters() -> None:
    text = "Titre 📰\n\nBravo 👍🏽 ! « L’homme » : il viendrons 🇫🇷."
    [(code, found)] = gc(text)
    assert found == "viendrons"


@needs_grammalecte
def test_clean_dev_articles_stay_clean_by_default(shared: Path) -> None:
    for name in ("bns-franc-fort-taux.txt", "kharkiv-evacuations-msf.txt"):
        text = (shared / "eval" / "dev" / name).read_text(encoding="utf-8")
        assert gc(text) == []


@needs_grammalecte
def test_merge_keeps_qa_finding_and_folds_suggestion(tmp_path: Path) -> None:
    glossary = tmp_path / "g.toml"
    glossary.write_text('schema = 1\n[[entry]]\nwrong = "viendrons"\nright = ["viendront"]\ncategory = "grammar"\n', encoding="utf-8")
    config = Config(glossaries=(glossary,), builtin_glossary=False)
    [f] = lint_text("Il viendrons.", config).findings
    assert (f.code, f.suggestions, f.extra["also"]) == ("GL01", ("viendront", "viendra"), "GC:g2__conj_il__b1_a1_1")


@needs_grammalecte
def test_cli_switches_and_listing(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Il l'a dit: il viendrons.\n", encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["lint", "--select", "GC", str(page)])
    assert out.exit_code == 1 and "GC:g2__conj_il__b1_a1_1 [grammar]" in out.stdout, out.output
    out = runner.invoke(app, ["lint", "--select", "GC", "--backend-enable", "GC:apos", str(page)])
    assert "GC:apostrophe_typographique [typography]" in out.stdout
    assert runner.invoke(app, ["lint", "--select", "GC", "--no-grammalecte", str(page)]).exit_code == 0
    listing = runner.invoke(app, ["lint", "--backends", "--grammalecte", "--backend-disable", "GC:spell"]).stdout
    line = next(x for x in listing.splitlines() if x.startswith("grammalecte"))
    assert "active" in line and "--grammalecte" in line and " gn " in line and "spell" not in line


def test_makefile_notice_without_grammalecte(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to("/bin/false")  # a venv where nothing imports
    stand_ins = tmp_path / "bin"  # an apt-get that installs nothing: root runs must not touch the machine
    stand_ins.mkdir()
    (stand_ins / "apt-get").write_text("#!/bin/sh\nexit 100\n", encoding="utf-8")
    (stand_ins / "apt-get").chmod(0o755)
    env = {**os.environ, "MAKEFLAGS": "", "PATH": f"{stand_ins}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "grammalecte", f"VENV={venv}", "SYSTEM_PYTHON=/bin/false"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert run.returncode == 0, run.stderr
    tried = ["make: installing python3-grammalecte with apt-get (root): Grammalecte's grammar checks (GC00)"]
    assert run.stdout.strip().splitlines() == (tried if os.geteuid() == 0 else []) + [
        "note: Grammalecte is not installed (apt-get install python3-grammalecte); qa runs without its checks (GC00)"
    ]
    assert not (venv / "grammalecte-shim").exists()


def test_without_grammalecte_the_default_is_silent_and_a_request_warns_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "grammalecte", None)  # import grammalecte now fails
    available.cache_clear()
    try:
        assert not available()
        assert "GC00" not in [c.code for c in active_checks(Config())]
        page = tmp_path / "a.txt"
        page.write_text("Il viendrons.\nIl viendrons.\n", encoding="utf-8")
        (tmp_path / "b.txt").write_text("Il viendrons.\n", encoding="utf-8")
        runner = CliRunner()
        quiet = runner.invoke(app, ["lint", str(page)])
        assert quiet.exit_code == 0 and "warning" not in quiet.stderr, quiet.output
        asked = runner.invoke(app, ["lint", "--grammalecte", str(page), str(tmp_path / "b.txt")])
        assert asked.exit_code == 0, asked.output
        assert asked.stderr.count("qa: warning: grammalecte: not installed") == 1
        assert runner.invoke(app, ["lint", "--grammalecte", "--strict-backends", str(page)]).exit_code == 2
        listing = runner.invoke(app, ["lint", "--backends"]).stdout
        assert "grammalecte   inactive  unavailable: not installed" in listing
    finally:
        available.cache_clear()


def test_engine_crash_is_contained_to_its_paragraph() -> None:
    # Grammalecte 2.1.2 raises TypeError on « <TAGS> » (found by fuzz/run.py).
    if not available():
        pytest.skip("python3-grammalecte is not installed")
    result = lint_text("<TAGS>\n\nIl a dit qu’il viendrons demain.\n", Config(select=("GC",)))
    codes = [(f.code, f.text) for f in result.findings]
    assert ("GC:engine-error", "<TAGS>") in codes
    assert any(text == "viendrons" for _, text in codes)


# --- the pruned engine (qa.backends.gc_graphs.prune_graph) -------------------------------


def test_prune_graph_drops_dead_paths_and_keeps_jump_targets_whole() -> None:
    from qa.backends.gc_graphs import prune_graph

    graph = {
        0: {"il": 1, "elle": 2, "<lemmas>": {"venir": 3, "aller": 4}, "<rules>": {"#9": 7}},
        1: {"<rules>": {"#1": 5}},  # reaches only an off rule: dead
        2: {"<rules>": {"#2": 6}, "<>": 8},  # live, and jumps to 8
        3: {"<rules>": {"#3": 5, "#4": 6}},
        4: {"x": 1},  # leads to a dead node only
        5: ["off_rule"],
        6: ["on_rule", "off_rule"],
        7: ["free_rule"],  # a rule of no option always runs
        8: {"y": 1, "z": 2},  # a jump target: its arcs decide whether the pointer stays
    }
    on = {"off_rule": False, "on_rule": True, "free_rule": True}
    pruned = prune_graph(graph, on.__getitem__)
    assert pruned[0] == {"elle": 2, "<lemmas>": {"venir": 3}, "<rules>": {"#9": 7}}
    assert pruned[1] == {} and pruned[4] == {} and pruned[5] == []
    assert pruned[2] == {"<rules>": {"#2": 6}, "<>": 8}
    assert pruned[3] == {"<rules>": {"#4": 6}} and pruned[6] == ["on_rule"] and pruned[7] == ["free_rule"]
    assert pruned[8] == {"y": 1, "z": 2}  # kept whole, though « y » leads nowhere live
    assert graph[0]["il"] == 1 and graph[6] == ["on_rule", "off_rule"]  # the original is untouched


# Paragraphs with errors of the default types (conj, loc, date, vmode, inte, pleo) and of
# --grammalecte's (gn, ppas), and clean ones.
PRUNING_CASES = [
    ("Il a dit qu’il viendrons demain.", "g2__conj_il__b1_a1_1"),
    ("L’hôtel est à 5 minutes à pieds du métro.", "g3__loc_pied__b2_a1_1"),
    ("Le 31 avril 2023, il pleuvait.", "g2__date_jour_mois_année__b1_a1_1"),
    ("Si j’aurais su, je serais venu.", "gv2__vmode_si_sujet_conditionnel__b1_a1_1"),
    ("Peut-tu venir ?", "g0__inte_verbes_composés_interrogatifs__b3_a1_1"),
    ("Il faut reculer en arrière.", "g2__pleo_verbes__b1_a1_1"),
    ("Des dizaines Composants ont été retrouvés.", None),  # gn and ppas: off by default
    ("Il a dit qu’il viendra demain, et l’hôtel est à 5 minutes à pied.", None),
    ("Le dimanche 3 mars 2024, ils sont partis hier soir, et elle est restée.", None),
]


@needs_grammalecte
@pytest.mark.parametrize("grammalecte", [None, True], ids=["default-types", "--grammalecte"])
def test_pruned_engine_finds_exactly_what_the_plain_engine_finds(grammalecte: bool | None) -> None:
    from qa.backends.grammalecte import Grammalecte

    kinds = BackendOptions(grammalecte=grammalecte).gc_kinds() - {"spell"}
    fast, plain = Grammalecte(), Grammalecte(pruned=False)
    for text, rule in PRUNING_CASES:
        para = Document("-", text).paragraphs
        found = fast.check(text, para, kinds)
        assert found == plain.check(text, para, kinds), text  # spans, rules, messages, suggestions
        rules = {m.rule for m in found}
        if rule:
            assert rule in rules, text
        elif grammalecte is None:
            assert rules == set(), text
    # --grammalecte also reports the agreement errors the default leaves to reviewers.
    if grammalecte:
        text = PRUNING_CASES[6][0]
        assert {m.kind for m in fast.check(text, Document("-", text).paragraphs, kinds)} == {"gn", "ppas"}


# --- the pruned graphs kept in the cache folder (qa.backends.gc_graphs.pruned_graphs) --------


def test_pruned_graphs_are_stored_once_per_version_and_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qa.backends import gc_graphs

    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    built: list[str] = []

    def build(tag: str) -> dict[str, dict[int, object]]:
        built.append(tag)
        return {"g": {0: {"a": 1}, 1: [tag]}}

    on = {"conj": True, "gn": False}
    first = gc_graphs.pruned_graphs("2.1.1", on, lambda: build("first"))
    again = gc_graphs.pruned_graphs("2.1.1", dict(reversed(on.items())), lambda: build("again"))
    assert first == again == {"g": {0: {"a": 1}, 1: ["first"]}} and built == ["first"]
    # Another version, or another set of options on, is another file.
    assert gc_graphs.pruned_graphs("2.1.2", on, lambda: build("version"))["g"][1] == ["version"]
    assert gc_graphs.pruned_graphs("2.1.1", {**on, "gn": True}, lambda: build("options"))["g"][1] == ["options"]
    assert built == ["first", "version", "options"]
    # A damaged file is built again, not trusted.
    [stored] = (tmp_path / gc_graphs.PRUNED_KIND).glob(gc_graphs.pruned_key("2.1.1", on))
    stored.write_bytes(b"\x80garbage")
    assert gc_graphs.pruned_graphs("2.1.1", on, lambda: build("rebuilt"))["g"][1] == ["rebuilt"]


@needs_grammalecte
def test_graphs_read_from_the_cache_find_what_the_plain_engine_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qa.backends import gc_graphs
    from qa.backends.grammalecte import Grammalecte

    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))  # no graphs from the user's cache folder
    kinds = BackendOptions(grammalecte=True).gc_kinds() - {"spell"}
    Grammalecte().prepare(kinds)  # prunes and stores
    assert len(list((tmp_path / gc_graphs.PRUNED_KIND).iterdir())) == 1

    pruned: list[object] = []
    monkeypatch.setattr(gc_graphs, "prune_graph", lambda *args: pruned.append(args))  # would break the parser
    cached, plain = Grammalecte(), Grammalecte(pruned=False)
    for text, _ in PRUNING_CASES:
        para = Document("-", text).paragraphs
        assert cached.check(text, para, kinds) == plain.check(text, para, kinds), text
    assert pruned == []  # the graphs came from the cache folder


@needs_grammalecte
def test_grammalecte_forgets_the_words_it_stored_past_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    # A long-lived server must not grow with every new word Grammalecte meets; the findings
    # after the memory is emptied are those before.
    from qa.backends import grammalecte as gc

    checker = gc.Grammalecte()
    kinds = BackendOptions(grammalecte=True).gc_kinds()
    text = "Les enfant jouent dans le jardinn de Groningue."
    para = Document("-", text).paragraphs
    monkeypatch.setattr(gc, "STORAGE", 10_000_000)
    first = checker.check(text, para, kinds)
    stored = len(checker._spell._dMorphologies)
    assert stored > 0
    monkeypatch.setattr(gc, "STORAGE", stored - 1)
    monkeypatch.setattr("qa.knowledge.nlp_cache.get", lambda namespace, chunks: [None] * len(chunks))
    again = checker.check(text, para, kinds)
    assert len(checker._spell._dMorphologies) == 0
    assert again == first


@needs_grammalecte
def test_a_checker_is_freed_once_its_run_is_over() -> None:
    # A process that lints run after run through the API (bench/bio_mqm.py) must not keep
    # every run's checker and its dictionary: a cache keyed on the checker once did.
    import gc
    import weakref

    from qa.backends.grammalecte import Grammalecte

    checker = Grammalecte()
    gates = checker.rule_options()
    assert gates and checker.rule_options() is gates  # read once per checker
    gone = weakref.ref(checker)
    del checker
    gc.collect()
    assert gone() is None
