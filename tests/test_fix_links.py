"""`qa fix` on symlinks, hard links and files of another owner (issue 19, item 7): the link
stays and its target is fixed; owner, group and mode are kept; a hard-linked file is
refused rather than parted from its other names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.cli import app
from qa.engine.fixes import UnsafeWriteError, write_atomic

GLOSSARY = 'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\nautofix = true\n'
BEFORE = "Selon le Temps Financier, la situation évolue.\r\n"
AFTER = "Selon le Financial Times, la situation évolue.\r\n"
needs_links = pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix", reason="POSIX links")


def _fix(tmp_path: Path, *paths: Path) -> object:
    glossary = tmp_path / "g.toml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    args = ["fix", "--no-builtin", "--select", "GL01", "-g", str(glossary), *map(str, paths)]
    return CliRunner().invoke(app, args)


@needs_links
def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    texts, site = tmp_path / "texts", tmp_path / "site"
    texts.mkdir(), site.mkdir()
    real = texts / "article.txt"
    real.write_bytes(BEFORE.encode())
    link = site / "article.txt"
    link.symlink_to(Path("..") / "texts" / "article.txt")  # relative, as committed in a repository
    chained = site / "latest.txt"
    chained.symlink_to("article.txt")  # a link to a link
    result = _fix(tmp_path, chained)
    assert result.exit_code == 0, result.output
    assert chained.is_symlink() and os.readlink(chained) == "article.txt"
    assert link.is_symlink() and os.readlink(link) == os.path.join("..", "texts", "article.txt")
    assert real.read_bytes() == AFTER.encode() and not real.is_symlink()
    assert sorted(p.name for p in texts.iterdir()) == ["article.txt"]  # no temporary file left
    assert sorted(p.name for p in site.iterdir()) == ["article.txt", "latest.txt"]
    again = _fix(tmp_path, link)  # nothing left to fix: the link and the bytes stay
    assert again.exit_code == 0 and link.is_symlink() and real.read_bytes() == AFTER.encode()


def test_fix_keeps_mode_owner_and_group(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(BEFORE.encode())
    os.chmod(page, 0o640)
    owner = (os.getuid(), os.getgid())
    if os.geteuid() == 0:  # root can give the file away, as a shared checkout has it
        owner = (12345, 23456)
        os.chown(page, *owner)
    result = _fix(tmp_path, page)
    assert result.exit_code == 0, result.output
    st = page.stat()
    assert page.read_bytes() == AFTER.encode()
    assert (st.st_mode & 0o7777, st.st_uid, st.st_gid) == (0o640, *owner)


@needs_links
def test_fix_refuses_a_hard_linked_file(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_bytes(BEFORE.encode())
    second = tmp_path / "b.txt"
    os.link(first, second)
    result = _fix(tmp_path, first)
    assert result.exit_code == 2
    assert f"qa: error: {first}: has 2 hard links, which replacing it would break; not overwritten" in result.output
    assert first.read_bytes() == second.read_bytes() == BEFORE.encode()
    assert first.stat().st_nlink == 2 and first.stat().st_ino == second.stat().st_ino
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "g.toml"]
    diff = CliRunner().invoke(app, ["fix", "--diff", "--no-builtin", "-g", str(tmp_path / "g.toml"), str(first)])
    assert diff.exit_code == 0 and "+Selon le Financial Times" in diff.output  # --diff writes nothing


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="needs a file of another owner")
def test_write_refused_when_the_owner_cannot_be_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A user who may not give the file back to its owner (not root) leaves it as it is."""
    page = tmp_path / "page.txt"
    page.write_bytes(b"old")
    os.chown(page, 12345, 23456)

    def refused(*args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", refused)
    with pytest.raises(UnsafeWriteError, match=r"cannot keep its owner and group \(uid 12345, gid 23456\)"):
        write_atomic(page, b"new", expected=b"old")
    assert page.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["page.txt"]
