"""--format parquet (qa.report.parquet): one row per finding, read back with pyarrow (issue #17)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pq = pytest.importorskip("pyarrow.parquet")

import typer  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from qa import api  # noqa: E402
from qa.api import Config  # noqa: E402
from qa.backends import BackendOptions  # noqa: E402
from qa.cli import app  # noqa: E402
from qa.report import parquet  # noqa: E402

runner = CliRunner()
# Two unrelated texts: a news paragraph with a glued word and a clean one, and a software
# string with a translated-name problem in its second paragraph.
NEWS = "Le gouvernement a annoncé lundi sa réforme.\n\nSurtout si, comme le préviennent les analystesla Corée du Nord commercialisera ses armes.\n"
DOCS = "Ouvrez le fichier de configuration.\r\n\r\nLes députés européenset les ministres se réuniront lundi.\r\n"
CONFIG = Config(backends=BackendOptions(grammalecte=False))


@pytest.fixture
def texts(tmp_path: Path) -> list[Path]:
    out = []
    for name, text in (("news.txt", NEWS), ("docs.txt", DOCS)):
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        out.append(path)
    return out


def test_rows_match_the_findings(texts: list[Path]) -> None:
    results = api.lint_paths(texts, CONFIG)
    table = parquet.table(results)
    assert table.column_names == [name for name, _ in parquet.COLUMNS]
    assert table.num_rows == sum(len(r.findings) for r in results) > 0
    rows = table.to_pylist()
    glued = [r for r in rows if r["rule"] == "MC01"]
    assert {Path(r["file"]).name for r in glued} == {"news.txt", "docs.txt"}
    for r in glued:
        text = Path(r["file"]).read_bytes().decode("utf-8")
        assert text[r["start"] : r["end"]] in {"analystesla", "européenset"}
        assert r["line"] == 3 and r["severity"] in {"error", "warning", "info"}
        assert r["suggestion"] in {"analystes, la", "européens et"}


def test_paragraph_hash_is_the_paragraph_not_the_file() -> None:
    a = "Titre.\n\nLes députés européenset les ministres.\n"
    b = "Autre titre, autre texte.\r\n\r\nLes députés européenset les ministres.\r\n\r\nFin."
    ha = parquet.paragraph_hash(a, a.index("européenset"))
    hb = parquet.paragraph_hash(b, b.index("européenset"))
    assert ha == hb
    assert ha != parquet.paragraph_hash(a, 0)  # the title is another paragraph
    assert parquet.paragraph_hash(b, len(b) - 1) == parquet.paragraph_hash("Fin.", 0)
    assert parquet.paragraph_hash(b, 0) != parquet.paragraph_hash(b, len(b) - 1)
    assert len(ha) == 16


def test_paragraph_hash_reads_paragraphs_as_the_engine_does() -> None:
    # one paragraph per line, as the engine and the server cut a text: a line break alone
    # ends a paragraph, so two articles sharing one line of a block hash that line alike
    a = "Titre.\nLes députés européenset les ministres.\nSuite propre à a.\n"
    b = "Les députés européenset les ministres.\nUne autre suite.\n"
    ha = parquet.paragraph_hash(a, a.index("européenset"))
    assert ha == parquet.paragraph_hash(b, b.index("européenset"))
    assert ha != parquet.paragraph_hash(a, a.index("Suite"))


def test_cli_writes_the_file_and_duckdb_reads_it(texts: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "findings.parquet"
    res = runner.invoke(app, ["lint", "--no-grammalecte", "--format", "parquet", "--output", str(out), *map(str, texts)])
    assert res.exit_code == 1, res.output
    table = pq.read_table(out)
    assert set(table.column("rule").to_pylist()) >= {"MC01"}
    duckdb = pytest.importorskip("duckdb")
    # the query of the README's "Findings as a table" section
    top = duckdb.sql(
        f"SELECT rule, count(*) AS n, count(DISTINCT file) AS files FROM '{out}' GROUP BY rule ORDER BY n DESC, rule"
    ).fetchall()
    assert ("MC01", sum(1 for r in table.column("rule").to_pylist() if r == "MC01"), 2) in top
    # the README's second query: a paragraph found in several articles
    same = tmp_path / "again.txt"
    same.write_text("Autre chose.\n\nLes députés européenset les ministres se réuniront lundi.\n", encoding="utf-8")
    runner.invoke(app, ["lint", "--no-grammalecte", "-f", "parquet", "-o", str(out), *map(str, texts), str(same)])
    repeated = duckdb.sql(
        f"SELECT paragraph_hash, rule, count(DISTINCT file) AS articles FROM '{out}' "
        "GROUP BY ALL ORDER BY articles DESC, rule LIMIT 20"
    ).fetchall()
    assert repeated[0][1:] == ("MC01", 2)
    assert all(n == 1 for _, _, n in repeated[1:])


def test_cli_writes_to_a_pipe(texts: list[Path]) -> None:
    res = runner.invoke(app, ["lint", "--no-grammalecte", "-f", "parquet", str(texts[0])])
    assert res.stdout_bytes[:4] == b"PAR1" and res.stdout_bytes[-4:] == b"PAR1"


def test_refused_on_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from qa.cli import output

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    with pytest.raises(typer.Exit) as exit_:
        output.check_target("parquet", None)
    assert exit_.value.exit_code == 2
    assert "--output FILE" in capsys.readouterr().err
    output.check_target("parquet", Path("x.parquet"))  # a file: no exit
    output.check_target("json", None)  # text on a terminal: no exit


def test_a_file_name_that_is_not_utf8_is_stored_escaped() -> None:
    from qa.model.document import Document
    from qa.model.results import Result

    text = "Les députés européenset les ministres.\n"
    results = [Result(Document("arch\udcffive.txt", text), api.lint_text(text, CONFIG).findings)]
    assert results[0].findings
    files = parquet.table(results).column("file").to_pylist()
    assert set(files) == {"arch\\xffive.txt"}


def test_output_with_a_text_format_is_refused(texts: list[Path], tmp_path: Path) -> None:
    res = runner.invoke(app, ["lint", "-f", "json", "--output", str(tmp_path / "x"), str(texts[0])])
    assert res.exit_code == 2
    assert "--output is for --format parquet" in res.output
    assert not (tmp_path / "x").exists()


def test_a_part_written_again_replaces_the_first(texts: list[Path], tmp_path: Path) -> None:
    results = api.lint_paths(texts, CONFIG)
    folder = tmp_path / "findings"
    (folder).mkdir()
    (folder / "part-000007.parquet").write_bytes(b"a part of an earlier run")
    (folder / "_kept.txt").write_text("not a part\n")
    parquet.clear_parts(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["_kept.txt"]
    parquet.write_part(str(folder), 3, results)
    parquet.write_part(str(folder), 3, results[1:])  # the partition run again: its part replaced
    parquet.write_part(str(folder), 4, [])  # no findings: a part with the schema and no rows
    assert sorted(p.name for p in folder.iterdir()) == ["_kept.txt", "part-000003.parquet", "part-000004.parquet"]
    table = pq.read_table(folder)
    assert table.to_pylist() == parquet.table(results[1:]).to_pylist() and table.num_rows > 0
    assert pq.read_table(folder / "part-000004.parquet").num_rows == 0
