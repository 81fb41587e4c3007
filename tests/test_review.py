"""The review loop, the decisions file and `qa review` in batch mode (answers, --accept-autofix)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.engine import fixes
from qa.cli import app
from qa.review.decisions import Decisions, Key, Kind, filter_findings, key_of, match, parse
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.review.session import Accept, Action, Prompt, Quit, Reject, RejectRule, Session, Skip, Undo, review

runner = CliRunner()
GLOSSARY = (
    'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\ncategory = "name-translated"\n'
    'autofix = true\n\n[[entry]]\nwrong = "faire sens"\nright = ["avoir du sens", "être logique"]\ncategory = "calque"\n'
)
TEXT = "Titre\n\nSelon le Temps Financier, cela peut faire sens.\nLe Temps Financier dit que ça peut faire sens aussi.\n"


def gl(code: str, text: str, start: int, suggestions: tuple[str, ...] = ("X",)) -> Finding:
    return Finding(code, Category.CALQUE, "m", Span(start, start + len(text)), text, suggestions=suggestions)


def findings_of(doc: Document) -> tuple[Finding, ...]:
    out = []
    for wrong, right in (("Temps Financier", ("Financial Times",)), ("faire sens", ("avoir du sens", "être logique"))):
        start = doc.text.find(wrong)
        while start >= 0:
            out.append(gl("GL01", wrong, start, right))
            start = doc.text.find(wrong, start + 1)
    return tuple(sorted(out, key=lambda f: f.sort_key))


def run(doc: Document, actions: list[Action], decisions: Decisions | None = None) -> tuple[Session, list[Prompt]]:
    session = Session(doc, findings_of(doc), decisions or Decisions("a.txt"))
    seen: list[Prompt] = []
    script = iter(actions)

    def decide(p: Prompt) -> Action:
        seen.append(p)
        return next(script, Quit())

    review(session, decide)
    return session, seen


def corrected(session: Session) -> str:
    return fixes.apply_edits(session.doc.text, session.edits())[0]


def test_loop_accept_reject_skip_and_progress() -> None:
    doc = Document("a.txt", TEXT)
    session, seen = run(doc, [Accept("Financial Times"), Reject(), Skip(), Accept("avoir du sens")])
    assert [(p.position, p.total) for p in seen] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert corrected(session) == TEXT.replace("Temps Financier,", "Financial Times,").replace(
        "faire sens aussi", "avoir du sens aussi"
    )
    kinds = [d.kind for d in session.decisions().items]
    assert kinds == [Kind.ACCEPT, Kind.REJECT, Kind.SKIP, Kind.ACCEPT]


def test_loop_undo_goes_back_and_nothing_to_undo_is_a_notice() -> None:
    doc = Document("a.txt", TEXT)
    session, seen = run(doc, [Undo(), Accept("Financial Times"), Reject(), Undo(), Undo(), Skip()])
    assert seen[1].notice == "nothing to undo"
    assert [p.position for p in seen] == [1, 1, 2, 3, 2, 1, 2]
    assert seen[4].notice == "undone: GL01 « faire sens »"
    assert seen[5].notice == "undone: GL01 « Temps Financier »"
    assert corrected(session) == TEXT  # the accept was undone, then the finding skipped
    assert [d.kind for d in session.decisions().items] == [Kind.SKIP]


def test_loop_accept_everywhere_and_reject_rule() -> None:
    doc = Document("a.txt", TEXT)
    session, seen = run(doc, [Accept("avoir un sens", everywhere=True), Accept("Financial Times", everywhere=True)])
    # « faire sens » comes second; « everywhere » answers the later ones without asking.
    assert [p.finding.text for p in seen] == ["Temps Financier", "faire sens"]
    assert corrected(session).count("avoir un sens") == 2 and "Temps Financier" not in corrected(session)
    session, seen = run(doc, [Skip(), RejectRule()])
    assert len(seen) == 2 and session.rejected_rules == ["GL01"] and session.pending() == []


def test_loop_validation_keeps_the_finding() -> None:
    doc = Document("a.txt", TEXT)
    session = Session(doc, findings_of(doc), Decisions("a.txt"))
    answers = iter([Accept("bad", glossary=True), Quit()])
    seen: list[Prompt] = []

    def decide(p: Prompt) -> Action:
        seen.append(p)
        return next(answers)

    review(session, decide, validate=lambda f, a: "no" if a.glossary else None)
    assert [p.position for p in seen] == [1, 1] and seen[1].notice == "no"
    assert session.own == {}


def test_decisions_survive_edits_elsewhere_and_resume() -> None:
    doc = Document("a.txt", TEXT)
    first, _ = run(doc, [Accept("Financial Times"), Reject()])
    saved = parse(first.decisions().to_json(), "d.json")
    # A new paragraph at the top moves every offset; decisions still match by content.
    moved = Document("a.txt", "Chapeau ajouté.\n" + TEXT)
    session, seen = run(moved, [Quit()], saved)
    assert seen[0].position == 3  # resumes at the first undecided finding
    assert corrected(session) == moved.text.replace("Temps Financier,", "Financial Times,")
    hidden = filter_findings(moved, findings_of(moved), saved)
    assert [f.text for f in hidden] == ["Temps Financier", "Temps Financier", "faire sens"]


def test_match_needs_one_whole_side_or_half_the_context() -> None:
    a = Key("GL01", "faire sens", "cela peut ", " aussi.")
    assert match([a], []) == {}
    from qa.review.decisions import Decision

    same_before = Key("GL01", "faire sens", "cela peut ", " ENCORE")
    other = Key("GL01", "faire sens", "XXXXX", "YYYYY")
    wrong_rule = Key("PC01", "faire sens", "cela peut ", " aussi.")
    assert match([a], [Decision(same_before, Kind.REJECT)]) == {0: 0}
    assert match([a], [Decision(other, Kind.REJECT)]) == {}
    assert match([a], [Decision(wrong_rule, Kind.REJECT)]) == {}


def test_two_occurrences_pair_with_their_own_decisions() -> None:
    doc = Document("a.txt", "A faire sens ici. B faire sens là.")
    fs = findings_of(doc)
    from qa.review.decisions import Decision

    keys = [key_of(doc, f) for f in fs]
    decisions = [Decision(keys[1], Kind.REJECT), Decision(keys[0], Kind.ACCEPT, "x")]
    assert match(keys, decisions) == {0: 1, 1: 0}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{", "d.json:1: invalid JSON"),
        ('{"version": 2, "file": "a"}', "not a qa decisions file"),
        ('{"version": 1, "file": "a", "decisions": [{"decision": "maybe"}]}', "decision #1: 'decision' must be"),
        ('{"version": 1, "file": "a", "decisions": [{"rule": "GL01", "text": "x", "before": "", "after": "",'
         ' "decision": "accept"}]}', "needs a 'replacement'"),
    ],
)
def test_bad_decisions_files(raw: str, message: str) -> None:
    from qa.review.decisions import DecisionsError

    with pytest.raises(DecisionsError, match=message):
        parse(raw, "d.json")


# -- the command, in batch mode ------------------------------------------------------------


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "g.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def qa_review(work: Path, *extra: str, input: str | None = None) -> object:
    return runner.invoke(
        app,
        ["review", str(work / "a.txt"), "--no-builtin", "--select", "GL01", "--glossary", str(work / "g.toml"),
         "--project-glossary", str(work / "project.toml"), *extra],
        input=input,
    )


def answers(work: Path, *lines: str) -> str:
    path = work / "answers.txt"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def test_answers_accept_edit_reject_and_write(work: Path) -> None:
    result = qa_review(work, "--answers", answers(work, "1", "e avoir un sens", "r", "# comment", "s"))
    assert result.exit_code == 0, result.output
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT.replace("Temps Financier,", "Financial Times,").replace(
        "peut faire sens.", "peut avoir un sens."
    )
    assert "3:10  « Temps Financier » → « Financial Times »" in result.stderr
    assert "wrote" in result.stderr and "2 corrections, 1 line changed" in result.stderr
    saved = json.loads((work / "a.txt.decisions.json").read_text(encoding="utf-8"))
    # Applied corrections leave the file; the reject and the skip stay, re-keyed to the new text.
    assert [d["decision"] for d in saved["decisions"]] == ["reject", "skip"]
    lint_args = ["lint", str(work / "a.txt"), "--no-builtin", "--select", "GL01", "--glossary", str(work / "g.toml")]
    plain = runner.invoke(app, lint_args)
    assert ":4:4: GL01" in plain.stdout and "2 findings in 1 file." in plain.stderr
    lint = runner.invoke(app, [*lint_args, "--decisions", str(work / "a.txt.decisions.json")])
    assert lint.exit_code == 1
    assert "a.txt:4:36: GL01" in lint.stdout and ":4:4: GL01" not in lint.stdout  # the rejected one is hidden
    assert "1 finding in 1 file." in lint.stderr


def test_nothing_accepted_writes_nothing(work: Path) -> None:
    before = (work / "a.txt").stat().st_mtime_ns
    result = qa_review(work, "--answers", answers(work, "s", "r"))
    assert result.exit_code == 0, result.output
    assert "nothing accepted" in result.stderr
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT and (work / "a.txt").stat().st_mtime_ns == before


def test_output_keeps_the_source_and_the_accepts(work: Path) -> None:
    out = work / "out.txt"
    result = qa_review(work, "--answers", answers(work, "a"), "--output", str(out))
    assert result.exit_code == 0, result.output
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT
    assert out.read_text(encoding="utf-8").count("Financial Times") == 2
    # The source is unchanged, so a resumed session re-applies the accepted answer.
    again = qa_review(work, "--answers", answers(work, "q"), "--output", str(out))
    assert "Temps Financier" not in out.read_text(encoding="utf-8"), again.output


def test_accept_autofix_batch(work: Path) -> None:
    result = qa_review(work, "--accept-autofix")
    assert result.exit_code == 0, result.output
    assert "accepted 2 safe suggestions" in result.stderr
    text = (work / "a.txt").read_text(encoding="utf-8")
    assert "Temps Financier" not in text and text.count("faire sens") == 2  # two choices: not autofix


def test_glossary_key_adds_a_valid_entry(work: Path) -> None:
    result = qa_review(work, "--answers", answers(work, "s", "g2"))
    assert result.exit_code == 0, result.output
    project = (work / "project.toml").read_text(encoding="utf-8")
    from qa.knowledge.glossary import load_glossary

    entries = load_glossary(work / "project.toml")
    assert [(e.wrong, e.right, e.category.value) for e in entries] == [(("faire sens",), ("être logique",), "calque")]
    assert project.startswith("schema = 1\n")
    again = qa_review(work, "--answers", answers(work, "g"), "--decisions", str(work / "other.json"))
    assert again.exit_code == 0, again.output
    assert len(load_glossary(work / "project.toml")) == 2  # « Temps Financier » added; no duplicate


def test_bad_answer_and_bad_input_exit_2_with_the_place(work: Path) -> None:
    result = qa_review(work, "--answers", answers(work, "1", "7"))
    assert result.exit_code == 2
    assert "answers.txt:2: no suggestion 7" in result.stderr and "Traceback" not in result.output
    # The first answer was saved before the bad line.
    assert '"decision": "accept"' in (work / "a.txt.decisions.json").read_text(encoding="utf-8")
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT
    (work / "bad.json").write_text("{", encoding="utf-8")
    result = qa_review(work, "--decisions", str(work / "bad.json"), "--accept-autofix")
    assert result.exit_code == 2 and "bad.json:1: invalid JSON" in result.stderr
    result = runner.invoke(app, ["review", str(work / "missing.txt"), "--accept-autofix"])
    assert result.exit_code == 2 and "missing.txt: no such file" in result.stderr


def test_not_a_terminal_without_answers_is_a_usage_error(work: Path) -> None:
    result = qa_review(work, input="1\n")
    assert result.exit_code == 2 and "not a terminal" in result.stderr


def test_interrupt_while_writing_leaves_no_partial_file(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    real_fsync = os.fsync

    def interrupted(fd: int) -> None:
        # Ctrl-C arrives while the corrected text is being written to its temporary file.
        name = Path(os.readlink(f"/proc/self/fd/{fd}")).name
        if name.startswith(".a.txt.") and not name.startswith(".a.txt.decisions"):
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(fixes.os, "fsync", interrupted)
    result = qa_review(work, "--answers", answers(work, "1"))
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.stderr
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT
    assert sorted(p.name for p in work.iterdir()) == ["a.txt", "a.txt.decisions.json", "answers.txt", "g.toml"]
    assert '"decision": "accept"' in (work / "a.txt.decisions.json").read_text(encoding="utf-8")


def test_stale_file_is_not_overwritten(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qa.review.terminal import AnswersDecider

    real_call = AnswersDecider.__call__

    def edit_meanwhile(self: AnswersDecider, prompt: Prompt) -> Action:
        (work / "a.txt").write_text(TEXT + "Ajout.\n", encoding="utf-8")
        return real_call(self, prompt)

    monkeypatch.setattr(AnswersDecider, "__call__", edit_meanwhile)
    result = qa_review(work, "--answers", answers(work, "1"))
    assert result.exit_code == 2 and "changed on disk" in result.stderr
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT + "Ajout.\n"


def test_overlapping_findings_the_accepted_one_wins() -> None:
    doc = Document("a.txt", "Le Temps Financier dit.")
    wide = gl("PN01", "Le Temps Financier", 0, ("Le Financial Times",))
    inner = gl("GL01", "Temps Financier", 3, ("Financial Times",))
    session = Session(doc, (wide, inner), Decisions("a.txt"))
    assert session.pending() == [0, 1]
    session.decide(0, Accept("Le Financial Times"))
    assert session.pending() == []  # the inner one was rewritten with it: not asked
    assert corrected(session) == "Le Financial Times dit."
    session.undo()
    session.decide(0, Skip())
    assert session.pending() == [1]


def test_new_files_get_the_usual_mode(work: Path) -> None:
    import os
    import stat

    umask = os.umask(0o022)
    try:
        result = qa_review(work, "--answers", answers(work, "1"), "--output", str(work / "out.txt"))
    finally:
        os.umask(umask)
    assert result.exit_code == 0, result.output
    for name in ("out.txt", "a.txt.decisions.json"):
        assert stat.S_IMODE((work / name).stat().st_mode) == 0o644, name


@pytest.mark.parametrize("before, after", [
    ("Les délégués ont longuement discuté du contenu des propositions " * 4, " et rien ne fut conclu " * 5),
    ("Ein sehr langer Satz über die Inhalte " * 5, " sowie die Ergebnisse der Beratungen " * 5),
])
def test_review_context_is_cut_at_word_boundaries(before: str, after: str) -> None:
    from qa.review.terminal import context_span

    text = before + "Temps Financier" + after
    start = len(before)
    finding = Finding("GL01", Category.NAME_TRANSLATED, "m", Span(start, start + 15), "Temps Financier")
    area = context_span(Prompt(finding, Document("t.txt", text), 1, 1))
    assert area.start > 0 and area.end < len(text)  # the sentence is longer than the context
    assert area.start <= start and area.end >= start + 15
    assert text[area.start - 1].isspace() and not text[area.start].isspace()
    assert text[area.end].isspace() and not text[area.end - 1].isspace()
