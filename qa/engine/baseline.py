"""Baselines: record today's findings so that CI reports only new ones.

A finding is recognised by a fingerprint of its rule, its text and a little context around
it, never by offsets, so that editing a paragraph above it does not make it "new". The same
fingerprint may occur several times in a file: the baseline keeps the count, and only the
occurrences beyond it are new.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from qa.model.results import Result
from qa.model.document import Document
from qa.model.findings import Finding

VERSION = 1
CONTEXT = 24  # code points each side; enough to tell two occurrences of one term apart


class BaselineError(ValueError):
    """A baseline file that cannot be used; the message names it."""


def _squash(s: str) -> str:
    # Whitespace differences (re-wrapping, NBSP vs space) must not make a finding new.
    return re.sub(r"\s+", " ", s).strip()


def fingerprint(doc: Document, f: Finding) -> str:
    """sha256 of rule + text + the surrounding words within the paragraph, whitespace squashed."""
    para = doc.paragraph_at(f.span.start)
    lo, hi = (para.start, para.end) if para else (0, len(doc.text))
    before = doc.text[max(lo, f.span.start - CONTEXT) : f.span.start]
    after = doc.text[f.span.end : min(hi, f.span.end + CONTEXT)]
    key = "\x1f".join((f.code, _squash(f.text), _squash(before), _squash(after)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def display_path(path: str) -> str:
    """The path as a POSIX path relative to the cwd when below it, so `qa lint docs/` and
    `qa lint ./docs` write the same baseline."""
    if path == "-":
        return path
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def relative_path(path: str, base: Path) -> str:
    """path as a POSIX path relative to the folder base (« ../texts/a.txt » allowed), so a
    baseline matches from whatever folder qa runs in."""
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive
        return Path(path).resolve().as_posix()


def build(results: Sequence[Result], base: Path | None = None) -> dict[str, object]:
    """The baseline of results; paths relative to base (the baseline file's folder), else to the cwd."""
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for r in results:
        p = relative_path(r.document.path, base) if base is not None else display_path(r.document.path)
        for f in r.findings:
            counts[(p, f.code, fingerprint(r.document, f), f.text)] += 1
    entries = [
        {"path": p, "rule": code, "fingerprint": fp, "text": text, "count": n}
        for (p, code, fp, text), n in sorted(counts.items())
    ]
    return {"version": VERSION, "tool": "qa", "findings": entries}


def write(path: Path, results: Sequence[Result]) -> int:
    """Write the baseline of results to path; returns the number of findings recorded."""
    from qa.engine.fixes import write_atomic

    data = build(results, base=path.parent)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomic(path, text.encode("utf-8"))
    return sum(int(e["count"]) for e in data["findings"])  # type: ignore[union-attr, index]


def load(path: Path) -> Counter[tuple[str, str]]:
    """(path, fingerprint) → how many such findings the baseline accepts."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: baseline is not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a qa baseline (version {VERSION} with a findings list)")
    accepted: Counter[tuple[str, str]] = Counter()
    for i, e in enumerate(data["findings"], 1):
        try:
            accepted[(str(e["path"]), str(e["fingerprint"]))] += int(e.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"{path}: finding #{i} needs path, fingerprint and count") from None
    return accepted


def filter_new(
    results: Sequence[Result], accepted: Counter[tuple[str, str]], base: Path | None = None, root: Path | None = None
) -> tuple[list[Result], int]:
    """Results keeping only findings beyond what the baseline accepts; and how many were known.

    A file's path in the baseline may be relative to the baseline's folder (base: how qa
    writes it), to the project root (where the configuration lives) or to the cwd (older
    baselines): each is tried, so the folder qa runs in does not matter."""
    left = Counter(accepted)
    out, known = [], 0
    for r in results:
        names = [relative_path(r.document.path, b) for b in (base, root) if b is not None]
        names = list(dict.fromkeys([*names, display_path(r.document.path)]))
        kept = []
        for f in r.findings:
            fp = fingerprint(r.document, f)
            key = next(((p, fp) for p in names if left[(p, fp)] > 0), None)
            if key is not None:
                left[key] -= 1
                known += 1
            else:
                kept.append(f)
        out.append(replace(r, findings=tuple(kept)))
    return out, known
