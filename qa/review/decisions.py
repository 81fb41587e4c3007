"""The decisions file of a review: what was accepted, skipped or rejected, matched by content.

A decision is keyed by rule + matched text + the text around it, never by offsets, so an
edit elsewhere in the file (or an accepted correction written back) does not lose it.
The file is JSON, written atomically after every decision so a session resumes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from qa.model.results import Result
from qa.model.document import Document
from qa.model.findings import Edit, Finding

VERSION = 1
CONTEXT = 30  # code points kept each side of a finding to recognise it again
SUFFIX = ".decisions.json"


class DecisionsError(ValueError):
    """A decisions file that cannot be used; the message names the file."""


class Kind(StrEnum):
    ACCEPT = "accept"
    SKIP = "skip"
    REJECT = "reject"


@dataclass(frozen=True, slots=True)
class Key:
    rule: str
    text: str
    before: str  # up to CONTEXT code points before the span
    after: str  # up to CONTEXT code points after it


@dataclass(frozen=True, slots=True)
class Decision:
    key: Key
    kind: Kind
    replacement: str | None = None  # for ACCEPT
    everywhere: bool = False  # ACCEPT: the same correction for every rule + text in the file
    glossary: bool = False  # ACCEPT: also add wrong → replacement to the project glossary


@dataclass
class Decisions:
    file: str  # the reviewed text, relative to the decisions file's directory
    items: list[Decision] = field(default_factory=list)
    rejected_rules: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        data = {
            "version": VERSION,
            "file": self.file,
            "rejected_rules": list(self.rejected_rules),
            "decisions": [_decision_dict(d) for d in self.items],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def policies(self) -> dict[tuple[str, str], str]:
        """(rule, text) → replacement for the « accept everywhere » decisions; the last wins."""
        return {(d.key.rule, d.key.text): d.replacement or "" for d in self.items if d.everywhere}


def _decision_dict(d: Decision) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule": d.key.rule,
        "text": d.key.text,
        "before": d.key.before,
        "after": d.key.after,
        "decision": d.kind.value,
    }
    if d.replacement is not None:
        out["replacement"] = d.replacement
    if d.everywhere:
        out["everywhere"] = True
    if d.glossary:
        out["glossary"] = True
    return out


def default_path(text_path: Path) -> Path:
    """Beside the text: ``article.txt`` → ``article.txt.decisions.json``."""
    return text_path.with_name(text_path.name + SUFFIX)


def relative_name(text_path: Path, decisions_path: Path) -> str:
    return os.path.relpath(text_path.resolve(), decisions_path.resolve().parent)


def target(decisions_path: Path, decisions: Decisions) -> Path:
    """The text file a decisions file is about."""
    return (decisions_path.resolve().parent / decisions.file).resolve()


def _field(item: dict[str, Any], name: str, where: str, optional: bool = False) -> Any:
    value = item.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise DecisionsError(f"{where}: {name!r} must be a string")
    return value


def parse(raw: str, name: str) -> Decisions:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DecisionsError(f"{name}:{exc.lineno}: invalid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise DecisionsError(f"{name}: not a qa decisions file (expected \"version\": {VERSION})")
    if not isinstance(data.get("file"), str):
        raise DecisionsError(f"{name}: 'file' must be a string")
    rules = data.get("rejected_rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise DecisionsError(f"{name}: 'rejected_rules' must be a list of rule codes")
    items = data.get("decisions", [])
    if not isinstance(items, list):
        raise DecisionsError(f"{name}: 'decisions' must be a list")
    out = Decisions(data["file"], rejected_rules=list(dict.fromkeys(rules)))
    for n, item in enumerate(items, 1):
        where = f"{name}: decision #{n}"
        if not isinstance(item, dict):
            raise DecisionsError(f"{where}: must be an object")
        try:
            kind = Kind(str(item.get("decision")))
        except ValueError:
            raise DecisionsError(f"{where}: 'decision' must be accept, skip or reject") from None
        key = Key(*(_field(item, k, where) for k in ("rule", "text", "before", "after")))
        replacement = _field(item, "replacement", where, optional=True)
        if kind is Kind.ACCEPT and replacement is None:
            raise DecisionsError(f"{where}: an accepted decision needs a 'replacement'")
        out.items.append(
            Decision(key, kind, replacement, bool(item.get("everywhere", False)), bool(item.get("glossary", False)))
        )
    return out


def load(path: Path, text_path: Path | None = None) -> Decisions:
    """Read a decisions file; a missing one (when text_path is given) starts empty."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if text_path is not None:
            return Decisions(relative_name(text_path, path))
        raise DecisionsError(f"{path}: no such decisions file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DecisionsError(f"{path}: cannot read decisions: {exc}") from None
    return parse(raw, str(path))


def save(path: Path, decisions: Decisions) -> None:
    from qa.engine.fixes import write_atomic

    write_atomic(path, decisions.to_json().encode("utf-8"))


def key_of(doc: Document, f: Finding, start: int | None = None, text: str | None = None) -> Key:
    """The content key of f; ``start``/``text`` re-key it in another version of the text."""
    text = doc.text if text is None else text
    s = f.span.start if start is None else start
    e = s + len(f.span)
    return Key(f.code, f.text, text[max(0, s - CONTEXT) : s], text[e : e + CONTEXT])


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _score(a: Key, b: Key) -> int | None:
    """How well two keys of one rule + text agree; None when they are not the same place.

    One whole side must agree (an edit next to the finding changes at most one side),
    or at least half of the context must.
    """
    before = _common_prefix(a.before[::-1], b.before[::-1])
    after = _common_prefix(a.after, b.after)
    whole = (before == len(a.before) == len(b.before)) or (after == len(a.after) == len(b.after))
    if whole or before + after >= CONTEXT:
        return before + after
    return None


def match(keys: Sequence[Key], decisions: Iterable[Decision]) -> dict[int, int]:
    """Pair findings (by key index) with decisions (by index): best agreement first, one to one."""
    by_text: dict[tuple[str, str], list[tuple[int, Decision]]] = {}
    for j, d in enumerate(decisions):
        by_text.setdefault((d.key.rule, d.key.text), []).append((j, d))
    pairs: list[tuple[int, int, int]] = []
    for i, k in enumerate(keys):
        for j, d in by_text.get((k.rule, k.text), []):
            score = _score(k, d.key)
            if score is not None:
                pairs.append((-score, i, j))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def hidden(doc: Document, findings: Sequence[Finding], decisions: Decisions) -> set[int]:
    """Indexes of the findings a reviewer rejected, one by one or by rule."""
    keys = [key_of(doc, f) for f in findings]
    paired = match(keys, decisions.items)
    rules = set(decisions.rejected_rules)
    return {
        i for i, f in enumerate(findings)
        if f.code in rules or (i in paired and decisions.items[paired[i]].kind is Kind.REJECT)
    }


def filter_findings(doc: Document, findings: Sequence[Finding], decisions: Decisions) -> tuple[Finding, ...]:
    drop = hidden(doc, findings, decisions)
    return tuple(f for i, f in enumerate(findings) if i not in drop)


def filter_results(results: Sequence[Result], decisions: Decisions, aim: Path) -> tuple[list[Result], bool]:
    """results with the findings that decisions hide dropped from the file at aim (resolved);
    and whether that file was among them (`qa lint --decisions`)."""
    out, hit = [], False
    for r in results:
        if r.error or r.document.path == "-" or Path(r.document.path).resolve() != aim:
            out.append(r)
            continue
        out.append(replace(r, findings=filter_findings(r.document, r.findings, decisions)))
        hit = True
    return out, hit


# -- after the corrected text is written ---------------------------------------------------


def _shift(offset: int, edits: Sequence[Edit]) -> int:
    return offset + sum(len(e.replacement) - len(e.span) for e in edits if e.span.end <= offset)


def after_write(doc: Document, findings: Sequence[Finding], own: Mapping[int, Decision], rest: Decisions,
                applied: Sequence[Edit], new_text: str) -> Decisions:
    """The decisions once the corrected text is on disk: applied accepts dropped, the rest re-keyed.

    ``own`` maps finding indexes (of ``doc``) to their decisions; ``rest`` holds the file name,
    the decisions about text no longer in the file and the rejected rules, all kept as they are.
    """
    applied_spans = {(e.span.start, e.span.end) for e in applied}
    kept = []
    for i, d in sorted(own.items()):
        f = findings[i]
        if d.kind is Kind.ACCEPT and (f.span.start, f.span.end) in applied_spans and not d.everywhere:
            continue
        key = key_of(doc, f, start=_shift(f.span.start, applied), text=new_text)
        kept.append(Decision(key, d.kind, d.replacement, d.everywhere, d.glossary))
    return Decisions(rest.file, rest.items + kept, list(rest.rejected_rules))
