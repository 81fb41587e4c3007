"""`make run` / `make test` as root on Debian: what apt-get installs is said, on one line (issue #18).

The recipe runs with stand-ins on PATH: `id` says root, `apt-get` records its arguments, and the
system Python lacks Grammalecte, so the install branch is taken without touching the machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_installing_grammalecte_as_root_says_so(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "id").write_text("#!/bin/sh\necho 0\n", encoding="utf-8")
    (bin_dir / "apt-get").write_text(f'#!/bin/sh\necho "$@" >> "{tmp_path}/apt.log"\n', encoding="utf-8")
    for tool in ("id", "apt-get"):
        (bin_dir / tool).chmod(0o755)
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "grammalecte", f"VENV={venv}", "SYSTEM_PYTHON=false"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    said = [line for line in done.stdout.splitlines() if "apt-get" in line]
    # then, the stand-in having installed nothing, the usual note that qa runs without GC00
    assert said[0] == "make: installing python3-grammalecte with apt-get (root): Grammalecte's grammar checks (GC00)"
    assert said[1:] == ["note: Grammalecte is not installed (apt-get install python3-grammalecte); qa runs without its checks (GC00)"]
    assert "install -y -q --no-install-recommends python3-grammalecte" in (tmp_path / "apt.log").read_text()
