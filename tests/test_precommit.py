"""The pre-commit hook: installed with pre-commit in a throwaway git repository, run on commit.

pre-commit would pip-install this repository (and spaCy) for ``language: python``, which needs
the network; the test turns the published hook into a ``repo: local`` one that runs this
venv's qa, keeping everything else (id, files, types, entry) from .pre-commit-hooks.yaml.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BAD = "Selon le Temps Financier, tout va bien.\n"


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_hook_blocks_a_commit_with_findings_and_passes_a_clean_one(tmp_path: Path) -> None:
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (dev extra)")
    pytest.importorskip("pre_commit", reason="pre-commit is in the dev extra")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "qa" and hook["entry"].startswith("qa ")
    local = {**hook, "language": "system", "entry": f"{sys.executable} -m {hook['entry']}"}
    local.pop("minimum_pre_commit_version", None)  # a manifest key, not a local-hook key

    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}, allow_unicode=True), encoding="utf-8"
    )
    (repo / ".qa.toml").write_text('select = ["GL01"]\n', encoding="utf-8")  # found by the hook: its cwd is the repo
    (repo / "page, v2.md").write_text(f"# Titre\n\n{BAD}", encoding="utf-8")
    (repo / "notes.py").write_text("x = 'Temps Financier'\n", encoding="utf-8")  # not text the hook takes

    assert run(["git", "init", "-q"], repo, env).returncode == 0
    installed = run([sys.executable, "-m", "pre_commit", "install"], repo, env)
    assert installed.returncode == 0, installed.stderr
    assert (repo / ".git" / "hooks" / "pre-commit").is_file()

    run(["git", "add", "."], repo, env)
    refused = run(["git", "commit", "-q", "-m", "first"], repo, env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "page, v2.md:3:10: GL01 [name-translated]" in output
    assert "notes.py" not in output
    assert run(["git", "rev-parse", "--verify", "HEAD"], repo, env).returncode != 0  # nothing committed

    (repo / "page, v2.md").write_text("# Titre\n\nSelon le Financial Times, tout va bien.\n", encoding="utf-8")
    run(["git", "add", "."], repo, env)
    accepted = run(["git", "commit", "-q", "-m", "first"], repo, env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "qa (machine-translated French)" in accepted.stdout + accepted.stderr


def test_docs_ci_yaml_blocks_parse_and_the_workflow_uploads_sarif() -> None:
    import re

    yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (dev extra)")
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]
    workflow = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
    steps = workflow["jobs"]["qa"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "--format sarif" in runs and "--format github" in runs
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "qa.sarif"
    hooks = [h for b in blocks if isinstance(b, dict) and "repos" in b for r in b["repos"] for h in r["hooks"]]
    assert {h["id"] for h in hooks} == {"qa"}
