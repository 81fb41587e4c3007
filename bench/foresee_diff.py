"""The second process of a small run (qa.engine.foresee) changes no finding: every shared
corpus linted in groups of a few files, each group twice in one process, with the second
process (the default for a small serial run) and without it (``jobs=1``), no disk cache.

`bench/report_diff.py` runs the command line on whole corpora, which go to the worker pool;
here every file goes through the path a one-article `qa lint` takes. Prints, per corpus,
the findings, whether the two agree, and how many of Grammalecte's questions the second
process answered (the rest were asked in this process), and for how many documents the
findings of qa's own checks it runs came from it. Exits 1 when any group differs.

Usage: python bench/foresee_diff.py [--every K] [CORPUS ...]  (default: dev real-wmt21 wmt21-outputs
wmt21-reference; also ud-french-gsd, python-docs-po)
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from report_diff import _jobs  # noqa: E402

from qa.api import Config, expand_paths, lint_paths  # noqa: E402
from qa.backends import foreseen  # noqa: E402
from qa.engine import foresee  # noqa: E402
from qa.knowledge import cache  # noqa: E402

DEFAULT = ("dev", "real-wmt21", "wmt21-outputs", "wmt21-reference")


def _groups(args: list[str]) -> list[tuple[list[Path], Config]]:
    """A corpus run's arguments (paths, maybe --source FILE --source-lang L) as groups of
    at most foresee.MAX_FILES files with their configuration."""
    config, paths, rest = Config(), [], list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--source":
            config = replace(config, source_file=Path(rest.pop(0)))
        elif arg == "--source-lang":
            config = replace(config, source_lang=rest.pop(0))
        else:
            paths.append(Path(arg))
    files = list(expand_paths(paths, config))
    size = foresee.MAX_FILES
    return [(files[i : i + size], config) for i in range(0, len(files), size)]


def main() -> int:
    args = sys.argv[1:]
    every = 1  # --every K: one group in K of each corpus (a sample spread over it)
    if "--every" in args:
        at = args.index("--every")
        every = int(args[at + 1])
        del args[at : at + 2]
    names = args or list(DEFAULT)
    cache.set_enabled(False)
    answered = {"hit": 0, "miss": 0, "own": 0, "own here": 0}
    check = foreseen.Foreseen.check

    def counted(self, text, paragraphs, kinds):  # noqa: ANN001, ANN202
        hit = foreseen.key_of(text, paragraphs, set(kinds)) in self._answers
        answered["hit" if hit else "miss"] += 1
        return check(self, text, paragraphs, kinds)

    foreseen.Foreseen.check = counted  # type: ignore[method-assign]
    own = foresee._Answers.findings

    def own_counted(self, doc):  # noqa: ANN001, ANN202
        found = own(self, doc)
        answered["own" if found is not None else "own here"] += 1
        return found

    foresee._Answers.findings = own_counted  # type: ignore[method-assign]
    differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        corpora = _jobs(Path(tmp))
        for name in names:
            started = time.perf_counter()
            answered.update({"hit": 0, "miss": 0, "own": 0, "own here": 0})
            same = total = groups = 0
            for args in corpora[name]:
                for files, config in _groups(args)[::every]:
                    two = lint_paths(files, config)
                    one = lint_paths(files, replace(config, jobs=1))
                    key = [(r.document.path, r.findings, r.notes, r.error) for r in two]
                    groups += 1
                    total += sum(len(r.findings) for r in one)
                    if key == [(r.document.path, r.findings, r.notes, r.error) for r in one]:
                        same += 1
                    else:
                        differ += 1
                        print(f"  DIFFERS: {[str(f) for f in files]}")
            print(f"{name:18} {total:6} findings, {same}/{groups} groups identical; Grammalecte's questions "
                  f"answered by the second process {answered['hit']}, asked here {answered['miss']} "
                  f"; documents whose own checks' findings came from it {answered['own']}, run here "
                  f"{answered['own here']} ({time.perf_counter() - started:.0f} s)", flush=True)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
