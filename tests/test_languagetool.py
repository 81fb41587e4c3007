"""LT00 against a stand-in LanguageTool server on 127.0.0.1 (ephemeral port, tests/lt_standin.py)."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from qa.api import Config, lint_text
from qa.backends import BackendOptions
from qa.backends.languagetool import LanguageToolClient, Utf16Map, batches
from qa.cli import app
from qa.model.document import Document, Span
from qa.model.findings import Category

pytest.importorskip("language_tool_python")

from lt_standin import StandIn  # noqa: E402 - the stand-in server, shared with test_cases


@pytest.fixture
def lt() -> Iterator[StandIn]:
    server = StandIn()
    yield server
    server.close()


@pytest.fixture
def dead_url() -> str:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    return f"http://127.0.0.1:{port}"


def lint(text: str, url: str, **options: Any) -> Any:
    opts = {"timeout": 2.0, **options}
    return lint_text(text, Config(select=("LT",), backends=BackendOptions(languagetool=url, **opts)))


def test_finding_code_category_message_and_suggestion(lt: StandIn) -> None:
    result = lint("Il a dit qu’il viendrons demain.", lt.url)
    [f] = result.findings
    assert (f.code, f.category, f.text, f.suggestions) == ("LT:ACCORD_SUJET_VERBE", Category.GRAMMAR, "viendrons", ("viendra",))
    assert f.message == "LanguageTool: « Accord avec « il ». »" and not f.autofix
    assert result.notes == ()


def test_offsets_after_emoji_and_typographic_apostrophes(lt: StandIn) -> None:
    text = "Bravo 👍🏽 ! L’homme qu’il a vu 🇫🇷 : il viendrons."
    [f] = lint(text, lt.url).findings
    assert text[f.span.start : f.span.end] == "viendrons"
    # An astral character inside the span: LanguageTool's length counts it twice.
    text = "Titre 📰\nOh 😀😀x fin."
    [f] = lint(text, lt.url).findings
    assert (f.code, f.text) == ("LT:EMOJI_X", "😀😀x")


def test_utf16_map() -> None:
    m = Utf16Map("a😀b")
    assert [m.to_code_point(u) for u in range(5)] == [0, 1, None, 2, 3]
    assert m.to_code_point(6) is None and m.to_code_point(-1) is None
    assert Utf16Map("l’été").to_code_point(2) == 2


def test_batches_are_contiguous_and_under_the_limit() -> None:
    text = "Un deux trois.\n\nQuatre cinq six sept huit neuf dix. Onze douze.\nTreize 😀 quatorze."
    doc = Document("-", text)
    spans = list(batches(text, doc.paragraphs, doc.sentences, 20))
    assert all(len(text[s.start : s.end].encode("utf-16-le")) // 2 <= 20 for s in spans)
    covered = "".join(text[s.start : s.end] for s in spans).replace(" ", "").replace("\n", "")
    assert covered == text.replace(" ", "").replace("\n", "")
    assert spans == sorted(spans) and all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_paragraph_batches_map_offsets_in_every_request(lt: StandIn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LanguageToolClient, "max_units", 40)
    text = "Premier paragraphe sans faute.\n\nLe 😀 chef : il viendrons.\n\nEncore 😀😀x ici et il viendrons.\n"
    found = lint(text, lt.url).findings
    assert [f.text for f in found] == ["viendrons", "😀😀x", "viendrons"]
    assert len(lt.checks) == 3 and all(len(c["text"].encode("utf-16-le")) // 2 <= 40 for c in lt.checks)


def test_request_parameters(lt: StandIn) -> None:
    options = BackendOptions(
        languagetool=lt.url, picky=True, timeout=2.0,
        enable=("LT:FR_EXTRA", "LT:category=STYLE"), disable=("LT:WHITESPACE_RULE", "LT:category=TYPOGRAPHY"),
    )
    lint_text("Texte.", Config(select=("LT",), source_lang="en", backends=options))
    [sent] = lt.checks
    assert sent == {
        "language": "fr", "text": "Texte.", "motherTongue": "en", "level": "picky",
        "enabledRules": "FR_EXTRA", "disabledRules": "WHITESPACE_RULE",
        "enabledCategories": "STYLE", "disabledCategories": "TYPOGRAPHY",
    }
    lint("Texte.", lt.url)
    assert "motherTongue" not in lt.checks[-1] and "level" not in lt.checks[-1]


@pytest.mark.slow
def test_names_are_never_misspellings(lt: StandIn) -> None:
    # « Financial » is in the built-in glossary's forms; spaCy tags « Volodymyr Zelensky » PER.
    text = "Selon le Financial Times, Volodymyr Zelensky a rencontré les analystesla."
    found = lint(text, lt.url).findings
    assert [(f.code, f.text, f.category) for f in found] == [("LT:FR_SPELLING_RULE", "analystesla", Category.SPELLING)]


def test_merge_with_a_qa_finding_on_the_same_span(lt: StandIn, tmp_path: Path) -> None:
    glossary = tmp_path / "g.toml"
    glossary.write_text('schema = 1\n[[entry]]\nwrong = "faire sens"\nright = ["avoir du sens", "être logique"]\n'
                        'category = "calque"\n', encoding="utf-8")
    config = Config(glossaries=(glossary,), backends=BackendOptions(languagetool=lt.url, timeout=2.0))
    found = lint_text("Cela peut faire sens.", config).findings
    # GL01 keeps the span and takes LanguageTool's suggestion after its own; the LT
    # finding on « sens. », overlapping it, is dropped: one finding per span.
    assert [(f.code, f.text, f.suggestions) for f in found] == [
        ("GL01", "faire sens", ("avoir du sens", "être logique", "avoir un sens"))
    ]
    assert found[0].extra["also"] == "LT:FAUX_AMI_SENS"
    alone = lint("Cela peut faire sens.", lt.url).findings
    assert [(f.code, f.category) for f in alone] == [("LT:FAUX_AMI_SENS", Category.MISTRANSLATION), ("LT:SENS_POINT", Category.PUNCTUATION)]


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("500", "not JSON (Error: java.lang.OutOfMemoryError at org.languagetool)"),
        ("500-json", "not a LanguageTool check result"),
        ("malformed", "not JSON ({\"matches\": [{\"offset\": 3,)"),
        ("bad-offsets", "outside the text sent"),
        ("no-french", "cannot check French"),
    ],
)
def test_bad_replies_give_one_note_and_no_finding(lt: StandIn, mode: str, reason: str) -> None:
    lt.mode = mode
    result = lint("Il a dit qu’il viendrons.", lt.url)
    assert result.findings == ()
    [note] = result.notes
    assert note.startswith("languagetool: LanguageTool at http://127.0.0.1:") and reason in note, note
    assert "\n" not in note and len(note) < 300


def test_dead_server(dead_url: str) -> None:
    result = lint("Il viendrons.", dead_url)
    assert result.findings == ()
    assert result.notes == (f"languagetool: LanguageTool at {dead_url} is unreachable; its checks were skipped",)


def test_slow_server_is_bounded_by_the_timeout_and_asked_once(lt: StandIn, tmp_path: Path) -> None:
    lt.mode, lt.delay = "slow", 10.0
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Il viendrons.\n", encoding="utf-8")
    start = time.monotonic()
    result = CliRunner().invoke(app, ["lint", "--no-builtin", "--languagetool", lt.url, "--backend-timeout", "0.5",
                                      str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    # Less than the server's delay: qa stopped waiting (one timeout, not one per file nor
    # 2 tries × 300 s); the margin absorbs a loaded machine's lint time.
    assert time.monotonic() - start < 9.0
    assert len(lt.checks) == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("qa: warning:")]
    assert warnings == [f"qa: warning: languagetool: LanguageTool at {lt.url} did not answer within 0.5 s; its checks were skipped"]


def test_cli_outage_keeps_the_exit_code_unless_strict(dead_url: str, tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Selon le Temps Financier, il viendrons.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["lint", "--languagetool", dead_url, "--select", "GL01,LT", str(page)])
    assert result.exit_code == 1, result.output  # GL01 still ran and found « Temps Financier »
    assert "GL01" in result.stdout and "Traceback" not in result.output
    assert result.stderr.count("is unreachable") == 1
    page.write_text("Tout va bien.\n", encoding="utf-8")
    assert runner.invoke(app, ["lint", "--languagetool", dead_url, str(page)]).exit_code == 0
    strict = runner.invoke(app, ["lint", "--languagetool", dead_url, "--strict-backends", str(page)])
    assert strict.exit_code == 2 and "qa: error: languagetool:" in strict.stderr


def test_cli_reports_lt_codes(lt: StandIn, tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Titre 😀\nIl viendrons.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", "--languagetool", lt.url, "--no-grammalecte", "-f", "json", str(page)])
    assert result.exit_code == 1, result.output
    [f] = json.loads(result.stdout)["files"][0]["findings"]
    assert (f["rule"], f["line"], f["column"], f["text"], f["category"]) == ("LT:ACCORD_SUJET_VERBE", 2, 4, "viendrons", "grammar")


def test_cli_backends_listing(lt: StandIn, dead_url: str) -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["lint", "--backends", "--languagetool", lt.url, "--source-lang", "nl", "--picky"])
    assert out.exit_code == 0, out.output
    line = next(x for x in out.stdout.splitlines() if x.startswith("languagetool"))
    assert "active" in line and lt.url in line and "motherTongue=nl" in line and "level=picky" in line
    out = runner.invoke(app, ["lint", "--backends", "--languagetool", dead_url])
    line = next(x for x in out.stdout.splitlines() if x.startswith("languagetool"))
    assert "inactive" in line and "unreachable" in line
    out = runner.invoke(app, ["lint", "--backends"])
    assert "languagetool  inactive  off: no server given" in out.stdout


@pytest.mark.parametrize(
    "args",
    [["--languagetool", "ftp://x"], ["--backend-enable", "LT:"], ["--backend-disable", "XX:Y"],
     ["--backend-enable", "GC:category=gn"], ["--backend-timeout", "0"]],
)
def test_cli_bad_backend_options(args: list[str], tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Bien.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", *args, str(page)])
    assert result.exit_code == 2 and result.stderr.startswith("qa: error: ") and "Traceback" not in result.output


def test_lt_is_opt_in() -> None:
    from qa.api import active_checks

    assert "LT00" not in [c.code for c in active_checks(Config())]
    assert "LT00" in [c.code for c in active_checks(Config(backends=BackendOptions(languagetool="http://h")))]
    assert Span(0, 1)  # keep the import honest


def test_local_server_that_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    import requests

    import qa.backends.languagetool as module

    class NoJava:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            raise requests.ConnectionError("Failed to resolve 'github.com'")

    monkeypatch.setattr(module, "_client_class", lambda *args: NoJava)
    result = lint("Il viendrons.", "local")
    assert result.notes == (
        "languagetool: cannot start a local LanguageTool (it needs Java 17+ and a LanguageTool download): "
        "Failed to resolve 'github.com'; its checks were skipped",
    )


def test_merge_rules() -> None:
    from qa.backends import merge
    from qa.model.findings import Finding

    def make(code: str, start: int, end: int, suggestions: tuple[str, ...] = (), autofix: bool = False) -> Finding:
        return Finding(code, Category.GRAMMAR, "m", Span(start, end), "x" * (end - start), suggestions=suggestions, autofix=autofix)

    qa_fix = make("GL01", 0, 4, ("abcd",), autofix=True)
    qa_plain = make("PN01", 10, 14, ("a",))
    backend = [
        make("LT:B", 0, 4, ("zz",)), make("LT:C", 10, 14, ("a", "b")), make("GC:c", 10, 14, ("c",)),
        make("LT:D", 12, 20), make("GC:e", 20, 22, ("e",)), make("LT:E", 20, 22, ("f",)), make("LT:F", 30, 31),
    ]
    out = merge({(0, 4): qa_fix, (10, 14): qa_plain}, backend)
    assert [(f.code, f.span.start, f.suggestions, f.extra.get("also")) for f in out] == [
        ("GL01", 0, ("abcd",), "LT:B"),  # an autofix keeps its single answer
        ("PN01", 10, ("a", "c", "b"), "GC:c,LT:C"),  # backends in code order, no duplicate
        ("GC:e", 20, ("e", "f"), "LT:E"),  # two backends: the first by code stays
        ("LT:F", 30, (), None),
    ]  # LT:D overlapped PN01 and went
    assert merge({}, list(reversed(backend))) == merge({}, backend)


def test_trickling_server_is_bounded_by_the_timeout_as_a_whole(lt: StandIn) -> None:
    # Each byte comes well within the timeout, so only a deadline over the whole exchange stops it.
    lt.mode, lt.delay = "trickle", 0.3
    start = time.monotonic()
    result = lint("Il a dit qu’il viendrons.", lt.url, timeout=1.0)
    assert time.monotonic() - start < 30.0  # the whole reply would take over 200 s to arrive
    assert result.findings == ()
    assert result.notes == (f"languagetool: LanguageTool at {lt.url} did not answer within 1 s; its checks were skipped",)


def test_a_reply_over_the_cap_is_refused_with_one_note(lt: StandIn) -> None:
    lt.mode, lt.huge_mb = "huge", 12  # over the default cap of 10 MB, sent without Content-Length
    result = lint("Il a dit qu’il viendrons.", lt.url, timeout=30.0)
    assert result.findings == ()
    [note] = result.notes
    assert note == (f"languagetool: LanguageTool at {lt.url}: the server's reply is over the cap of 10 MB; "
                    "reading stopped there; its checks were skipped")
    # The cap is an option; a reply announced with its Content-Length is refused before reading.
    lt.mode = "ok"
    [note] = lint("Il a dit qu’il viendrons.", lt.url, max_reply=100).notes
    assert "announced a reply of" in note and "over the cap of 0.0001 MB" in note
    assert [f.text for f in lint("Il a dit qu’il viendrons.", lt.url).findings] == ["viendrons"]


@pytest.mark.parametrize(("mode", "reason"), [("deep", "nests JSON too deeply"), ("bignum", "cannot be read as JSON")])
def test_replies_beyond_the_json_parser_give_one_note(lt: StandIn, mode: str, reason: str, tmp_path: Path) -> None:
    lt.mode = mode
    result = lint("Il a dit qu’il viendrons.", lt.url)
    assert result.findings == ()
    [note] = result.notes
    assert note.startswith(f"languagetool: LanguageTool at {lt.url}: the server's reply ") and reason in note, note
    page = tmp_path / "a.txt"
    page.write_text("Il viendrons.\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["lint", "--no-grammalecte", "--languagetool", lt.url, "--strict-backends", str(page)])
    assert out.exit_code == 2 and "Traceback" not in out.output and reason in out.stderr


def test_control_characters_from_the_server_cannot_forge_report_lines(lt: StandIn, tmp_path: Path) -> None:
    lt.mode = "controls"
    page = tmp_path / "a.txt"
    page.write_text("Il viendrons.\n", encoding="utf-8")
    for fmt in ("text", "github", "json", "sarif", "junit", "html"):
        out = CliRunner().invoke(app, ["lint", "--no-grammalecte", "--languagetool", lt.url, "-f", fmt, str(page)])
        assert out.exit_code == 1, (fmt, out.output)
        assert "\x1b" not in out.stdout and "\x07" not in out.stdout, fmt
        assert not any(line.startswith("x.txt:1:1") for line in out.stdout.splitlines()), fmt
        if fmt == "text":
            assert r"\x1b[2J\x07" in out.stdout and r"\nx.txt:1:1: FAKE" in out.stdout
        if fmt == "github":  # GitHub's own escape for the newline, ours for the rest
            assert r"\x1b[2J\x07" in out.stdout and "%0Ax.txt:1:1: FAKE" in out.stdout
        if fmt in ("json", "sarif"):  # the JSON string escapes give the server's text back exactly
            assert "\\u001b[2J\\u0007" in out.stdout
        if fmt == "json":
            [f] = json.loads(out.stdout)["files"][0]["findings"]
            assert f["rule"] == "LT:ACCORD_SUJET_VERBE" + lt.inject


def test_lone_surrogates_in_a_reply_become_replacement_characters() -> None:
    from qa.backends.languagetool import parse_matches

    reply = json.loads('{"matches": [{"offset": 3, "length": 9, "message": "m\\ud800", '
                       '"replacements": [{"value": "viendra\\udfff"}], "rule": {"id": "R\\ud800", "category": {"id": "GRAMMAR"}}}]}')
    [m] = parse_matches(reply, "Il viendrons.", 0)
    assert (m.rule, m.message, m.suggestions) == ("R\ufffd", "m\ufffd", ("viendra\ufffd",))
    m.rule.encode("utf-8")  # writable anywhere: reports, baselines, fixes
