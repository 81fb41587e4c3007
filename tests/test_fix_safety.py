"""`qa fix` killed mid-write leaves the file old or new, never partial.

Two ways of killing it: at each step of the write itself (deterministic: a driver kills the
process with SIGKILL from inside the step, so the outcome at each step is known exactly), and at
a sweep of moments during a long run (wherever the kill lands, the file is old or new).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

GLOSSARY = 'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\nautofix = true\n'

# Runs `qa fix` with one step of the atomic write (qa.engine.fixes) made to SIGKILL the process:
# "fsync" once the new bytes are in the temporary file, "before-replace" and "after-replace"
# around the rename onto the page. Only calls about the page itself are intercepted.
DRIVER = r"""
import os, runpy, signal, sys
step, page = sys.argv[1], sys.argv[2]
fsync, replace = os.fsync, os.replace

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def killing_fsync(fd):
    fsync(fd)
    if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith("." + os.path.basename(page) + "."):
        if step == "fsync":
            die()

def killing_replace(src, dst):
    mine = os.path.abspath(dst) == os.path.abspath(page)
    if mine and step == "before-replace":
        die()
    replace(src, dst)
    if mine and step == "after-replace":
        die()

os.fsync, os.replace = killing_fsync, killing_replace
sys.argv = ["qa", *sys.argv[3:]]
runpy.run_module("qa", run_name="__main__")
"""


def _setup(tmp_path: Path, copies: int) -> tuple[Path, list[str], bytes, bytes]:
    glossary = tmp_path / "g.toml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    old = ("Selon le Temps Financier, la situation évolue.\r\n" * copies).encode("utf-8")
    new = old.replace("Temps Financier".encode(), "Financial Times".encode())
    page = tmp_path / "big.txt"
    page.write_bytes(old)
    args = ["fix", "--no-builtin", "--select", "GL01", "--glossary", str(glossary), str(page)]
    return page, args, old, new


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="the driver finds the temporary file through /proc")
@pytest.mark.parametrize(("step", "after"), [("fsync", "old"), ("before-replace", "old"), ("after-replace", "new")])
def test_sigkill_at_each_step_of_the_write(tmp_path: Path, step: str, after: str) -> None:
    page, args, old, new = _setup(tmp_path, 200)
    proc = subprocess.run([sys.executable, "-c", DRIVER, step, str(page), *args], capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()  # the step was reached
    assert page.read_bytes() == {"old": old, "new": new}[after]


def test_sigkill_at_any_moment_leaves_old_or_new(tmp_path: Path) -> None:
    page, args, old, new = _setup(tmp_path, 60_000)
    cmd = [sys.executable, "-m", "qa", *args]
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6, 2.2, 3.0):
        page.write_bytes(old)
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert page.read_bytes() in (old, new), f"partial file after kill at {delay}s"
    page.write_bytes(old)
    subprocess.run(cmd, check=False, capture_output=True, timeout=120)
    assert page.read_bytes() == new
