"""qa.knowledge.spacy_load: spaCy imported without its command line, the model loaded with
catalogue's entry points looked up once; the same spaCy either way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_spacy_imported_without_its_command_line_which_still_imports_later() -> None:
    out = _python(
        "import sys\n"
        "from qa.knowledge.spacy_load import quiet_import\n"
        "spacy = quiet_import()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('spacy.cli', 'weasel'))))\n"
        "print(callable(spacy.load), callable(spacy.info))\n"
        "import spacy.cli\n"
        "print(callable(spacy.cli.setup_cli), 'spacy.cli.download' in sys.modules)\n"
    )
    assert out.splitlines() == ["[]", "True True", "True True"]


def test_entry_points_remembered_answer_as_catalogue_does() -> None:
    out = _python(
        "from qa.knowledge.spacy_load import entry_points_remembered, quiet_import\n"
        "quiet_import()\n"
        "import catalogue\n"
        "real = catalogue.AVAILABLE_ENTRY_POINTS\n"
        "groups = sorted(real.groups)\n"
        "plain = {g: sorted(ep.name for ep in real.select(group=g)) for g in groups}\n"
        "with entry_points_remembered():\n"
        "    inside = {g: sorted(ep.name for ep in catalogue.AVAILABLE_ENTRY_POINTS.select(group=g)) for g in groups}\n"
        "    twice = {g: sorted(ep.name for ep in catalogue.AVAILABLE_ENTRY_POINTS.select(group=g)) for g in groups}\n"
        "print(plain == inside == twice, len(groups) > 0, catalogue.AVAILABLE_ENTRY_POINTS is real)\n"
    )
    assert out == "True True True"


def test_the_pipeline_runs_blas_on_one_thread_unless_told_otherwise() -> None:
    code = ("import os\nfrom qa.knowledge.nlp import _single_blas_thread\n_single_blas_thread()\n"
            "print(os.environ.get('OPENBLAS_NUM_THREADS'))\n")
    assert _python(code) == "1"
    told = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "OMP_NUM_THREADS": "4"})
    assert told.stdout.strip() == "None"
