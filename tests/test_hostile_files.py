"""Hostile paths (issue 19, items 2 and 8): devices and FIFOs, also behind symlinks found
in a folder, files over the size limit, and Ctrl-C on a parallel run.

Whatever could read without end runs in a child process with a time limit and a memory
cap, so that a regression fails the test instead of hanging or exhausting the machine."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.api import Config, lint_paths
from qa.cli import app
from qa.formats.reading import MB, ReadError, read_bytes, skip_note

ROOT = Path(__file__).resolve().parent.parent
ARTIFACT = "Il a déclaré vers Bloomberg que la réunion aura lieu.\n"
needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="POSIX only")


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))  # a regression reading /dev/zero dies here


def _qa(*args: str, cwd: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QA_NO_CACHE="1")
    return subprocess.run(
        [sys.executable, "-m", "qa", *args], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=timeout, preexec_fn=_capped,
    )


@needs_posix
def test_a_symlink_to_dev_zero_in_a_folder_is_skipped_with_a_note(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTIFACT, encoding="utf-8")
    (folder / "x.txt").symlink_to("/dev/zero")
    done = _qa("lint", "--select", "PC01", "d", cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # the real file is linted, its finding reported
    assert "d/a.txt:1:" in done.stdout and "x.txt" not in done.stdout
    assert "qa: note: d/x.txt: a character device, not a regular file; skipped" in done.stderr
    assert "1 finding in 1 file (1 skipped)." in done.stderr


@needs_posix
def test_a_fifo_in_a_folder_is_skipped_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("Il a déclaré à Bloomberg que la réunion aura lieu.\n", encoding="utf-8")
    os.mkfifo(folder / "p.txt")
    done = _qa("lint", "--select", "PC01", "f", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "qa: note: f/p.txt: a FIFO, not a regular file; skipped" in done.stderr
    fixed = _qa("fix", "--select", "PC01", "f/p.txt", cwd=tmp_path)
    # Named alone, it leaves nothing to fix: the note, then exit 2 (« no files to lint »).
    assert fixed.returncode == 2 and "f/p.txt: a FIFO, not a regular file; skipped" in fixed.stderr


@needs_posix
def test_the_reader_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)
    regular = tmp_path / "a.txt"
    regular.write_text(ARTIFACT, encoding="utf-8")
    link = tmp_path / "l.txt"
    link.symlink_to(regular)
    assert skip_note(regular) is None and skip_note(link) is None and skip_note(tmp_path / "missing") is None
    assert skip_note(fifo) == f"{fifo}: a FIFO, not a regular file"
    assert "character device" in (skip_note(Path("/dev/zero")) or "")
    # Opened without blocking and checked once open (a FIFO swapped in after the check).
    with pytest.raises(ReadError, match="a FIFO, not a regular file"):
        read_bytes(fifo)
    assert read_bytes(link) == ARTIFACT.encode()


def test_a_file_over_the_size_limit_is_an_error_not_a_hang(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(ARTIFACT.encode() * (MB // len(ARTIFACT.encode()) + 1))  # just over 1 MB
    small = tmp_path / "small.txt"
    small.write_text(ARTIFACT, encoding="utf-8")
    with pytest.raises(ReadError, match=r"big.txt: larger than the size limit of 1 MB"):
        read_bytes(big, 1)
    assert len(read_bytes(big, 2)) > MB
    runner = CliRunner()
    result = runner.invoke(app, ["lint", "--select", "PC01", "--max-file-size", "1", str(big), str(small)])
    assert result.exit_code == 2
    assert f"qa: error: {big}: larger than the size limit of 1 MB" in result.output
    assert "small.txt:1:" in result.output  # the other files are still linted
    fixed = runner.invoke(app, ["fix", "--select", "PC01", "--max-file-size", "1", str(big)])
    assert fixed.exit_code == 2 and "larger than the size limit" in fixed.output
    assert runner.invoke(app, ["lint", "--select", "PC01", "--max-file-size", "2", str(big)]).exit_code == 1
    results = lint_paths([big], Config(max_file_size=1, select=("PC01",)))
    assert results[0].error is not None and "size limit of 1 MB" in results[0].error


def test_max_file_size_in_the_project_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qa.engine.config_file import ConfigError, resolve

    (tmp_path / ".qa.toml").write_text("max-file-size = 3\n", encoding="utf-8")
    assert resolve(cwd=tmp_path).config.max_file_size == 3
    assert resolve(cwd=tmp_path.parent / "elsewhere-none").config.max_file_size == 50
    (tmp_path / ".qa.toml").write_text("max-file-size = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.qa\.toml:1: max-file-size must be a whole number of megabytes"):
        resolve(cwd=tmp_path)


def test_standard_input_is_bounded_too(tmp_path: Path) -> None:
    data = (ARTIFACT * (MB // len(ARTIFACT) + 1)).encode()
    result = CliRunner().invoke(app, ["lint", "--max-file-size", "1", "-"], input=data)
    assert result.exit_code == 2 and "-: larger than the size limit of 1 MB" in result.output


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir() or os.name != "posix", reason="needs Linux /proc")
def test_ctrl_c_on_a_parallel_run_stops_at_once_with_exit_130(tmp_path: Path) -> None:
    """The old executor finished every file under way first: 25 to 87 s after Ctrl-C."""
    folder = tmp_path / "many"
    folder.mkdir()
    paragraph = (
        "Le ministre a déclaré vers la presse que le projet avancera. "
        "Selon lui, les travaux commenceront au printemps et dureront deux ans.\n"
    )
    for i in range(240):
        (folder / f"t{i:03}.txt").write_text(paragraph * 30, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QA_NO_CACHE="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "qa", "lint", "-j", "2", "many"], cwd=tmp_path, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while len(_children(proc.pid)) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before its workers were seen"
        time.sleep(1.0)  # the workers are busy with their first files
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C does: the whole group
        sent = time.monotonic()
        code = proc.wait(timeout=60)
        elapsed = time.monotonic() - sent
        stderr = proc.stderr.read().decode() if proc.stderr else ""
        time.sleep(0.5)
        with pytest.raises(ProcessLookupError):  # no worker left behind, not even a zombie
            os.killpg(proc.pid, 0)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        if proc.stderr:
            proc.stderr.close()
    assert code == 130
    assert elapsed < 10, f"{elapsed:.1f} s after Ctrl-C"
    assert "Traceback" not in stderr, stderr


def test_reading_a_regular_file_keeps_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    data = "\ufeffLigne 1\r\nLigne 2\rfin".encode()
    path.write_bytes(data)
    assert read_bytes(path) == data
