"""Directory runs: include/exclude globs, .gitignore, parallel workers with a stable order."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.api import Config, lint_paths
from qa.cli import app
from qa.engine.runner import DEFAULT_INCLUDE, GitIgnore, discover

BAD = "Selon le Temps Financier, tout va.\n"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git" / "info").mkdir(parents=True)
    for name in ["a.md", "b.txt", "README.md", "notes.rst", "legacy/old.md", "build/gen.md", "docs/x/y.md",
                 "docs/x/skip.tmp.md", ".hidden/h.md", "docs/keep.md"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BAD, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("build/\n*.tmp.md\n", encoding="utf-8")
    (tmp_path / "docs" / ".gitignore").write_text("*.md\n!keep.md\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def names(paths: list[Path], root: Path) -> list[str]:
    return [p.resolve().relative_to(root).as_posix() for p in paths]


def test_default_discovery_honours_gitignore(tree: Path) -> None:
    found = names(discover([Path(".")], Config(root=tree)), tree)
    assert found == ["a.md", "b.txt", "docs/keep.md", "legacy/old.md"]


def test_gitignore_can_be_switched_off(tree: Path) -> None:
    found = names(discover([Path(".")], Config(root=tree, gitignore=False)), tree)
    assert "build/gen.md" in found and "docs/x/y.md" in found and ".hidden/h.md" not in found


def test_readme_lists_the_default_include() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    sentence = readme.split("Directories are searched recursively for ", 1)[1].split(" (not `README.md`", 1)[0]
    assert sentence.replace("\n", " ").split(", ") == [f"`{glob}`" for glob in DEFAULT_INCLUDE]


def test_include_and_exclude_globs(tree: Path) -> None:
    config = Config(root=tree, include=("*.rst", "*.md"), exclude=("legacy/",))
    assert names(discover([Path(".")], config), tree) == ["README.md", "a.md", "docs/keep.md", "notes.rst"]
    # an explicitly named file skips include but not exclude (so pre-commit honours it)
    assert names(discover([Path("notes.rst"), Path("legacy/old.md")], Config(root=tree, exclude=("legacy/",))), tree) == [
        "notes.rst"
    ]


def test_git_info_exclude(tree: Path) -> None:
    (tree / ".git" / "info" / "exclude").write_text("b.txt\n", encoding="utf-8")
    assert GitIgnore(tree).ignored(tree / "b.txt")
    assert not GitIgnore(tree).ignored(tree / "a.md")


def test_parallel_results_match_serial_in_order(tmp_path: Path) -> None:
    for i in range(24):
        text = BAD * (i % 3 + 1) if i % 4 else "Rien à signaler.\n"
        (tmp_path / f"f{i:02}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "f05.txt").write_bytes(b"\xff\xfe bad")
    serial = lint_paths([tmp_path], Config(select=("GL01",), jobs=1))
    seen: list[tuple[int, int]] = []
    parallel = lint_paths([tmp_path], Config(select=("GL01",), jobs=2), progress=lambda d, t: seen.append((d, t)))
    assert [r.document.path for r in parallel] == sorted(str(tmp_path / f"f{i:02}.txt") for i in range(24))
    assert [(r.document.path, r.findings, r.error) for r in parallel] == [
        (r.document.path, r.findings, r.error) for r in serial
    ]
    assert sum(len(r.findings) for r in serial) > 20
    assert seen[-1] == (24, 24) and len(seen) == 24


def test_cli_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(tmp_path), "--select", "GL01", "--jobs", "1"])
    assert "files" not in result.stderr.replace("1 finding in 1 file.", "")  # not a tty: no bar
    from qa.cli import ci as cli_ci

    class Tty:
        def __init__(self) -> None:
            self.out = ""

        def isatty(self) -> bool:
            return True

        def write(self, s: str) -> None:
            self.out += s

        def flush(self) -> None:
            pass

    fake = Tty()
    real, cli_ci.sys.stderr = cli_ci.sys.stderr, fake  # type: ignore[assignment]
    try:
        show = cli_ci.progress()
        assert show is not None
        show.started -= 2  # type: ignore[attr-defined]  # the bar shows after 1 s (tests/test_progress.py)
        show(1, 2)
        show(2, 2)
    finally:
        cli_ci.sys.stderr = real
    assert "1/2 files" in fake.out and fake.out.endswith("\r\x1b[2K")
