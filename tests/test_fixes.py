from __future__ import annotations

import os
from pathlib import Path

import pytest

from qa.model.document import Span
from qa.model.findings import Edit
from qa.engine.fixes import StaleFileError, apply_edits, write_atomic


def test_apply_edits_back_to_front_and_reports_conflicts() -> None:
    text = "abc def ghi"
    edits = [Edit(Span(8, 11), "ghi", "G"), Edit(Span(0, 3), "abc", "A"), Edit(Span(1, 5), "bc d", "x"),
             Edit(Span(4, 7), "zzz", "D")]
    new, skipped = apply_edits(text, edits)
    assert new == "A def G"
    assert {e.replacement for e in skipped} == {"x", "D"}  # overlapping, stale


def test_no_edits_keeps_text() -> None:
    assert apply_edits("a\r\nb", []) == ("a\r\nb", [])


def test_write_atomic_keeps_mode_and_refuses_changed_file(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    write_atomic(path, b"new", expected=b"old")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640
    with pytest.raises(StaleFileError):
        write_atomic(path, b"newer", expected=b"old")
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]
