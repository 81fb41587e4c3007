"""`qa fix` killed mid-write leaves the file old or new, never partial."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

GLOSSARY = 'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\nautofix = true\n'


def test_sigkill_leaves_old_or_new(tmp_path: Path) -> None:
    glossary = tmp_path / "g.toml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    old = ("Selon le Temps Financier, la situation évolue.\r\n" * 60_000).encode("utf-8")
    new = old.replace("Temps Financier".encode(), "Financial Times".encode())
    page = tmp_path / "big.txt"
    cmd = [sys.executable, "-m", "qa", "fix", "--no-builtin", "--select", "GL01", "--glossary", str(glossary), str(page)]
    outcomes = set()
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6, 2.2, 3.0):
        page.write_bytes(old)
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = page.read_bytes()
        assert data in (old, new), f"partial file after kill at {delay}s"
        outcomes.add(data == new)
    page.write_bytes(old)
    subprocess.run(cmd, check=False, capture_output=True, timeout=120)
    assert page.read_bytes() == new
