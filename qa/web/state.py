"""The reviews behind the page: one qa.review.session Session per file, decisions saved after each answer.

The browser names a file by its place on the command line and a finding by its index, never
by a path or an offset it made up, so only the files named on the command line are touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa.config import Config
from qa.model.results import InputError, Result
from qa.review.decisions import DecisionsError, Kind, default_path, load, save, target
from qa.review.session import Accept, Action, Reject, RejectRule, Session, Skip
from qa.report.explain import explain_text
from qa.review.write import WriteBackError, glossary_problem, lint_one, write_back


class ActionError(ValueError):
    """A request the review cannot carry out; the message is shown to the reviewer."""


def _utf16(text: str) -> list[int] | None:
    """Code point offset → UTF-16 offset (what the page's JavaScript counts), None when equal."""
    if all(ord(c) < 0x10000 for c in text):
        return None
    out, n = [0], 0
    for c in text:
        n += 2 if ord(c) >= 0x10000 else 1
        out.append(n)
    return out


@dataclass
class FileReview:
    """One named file under review: its bytes as read, its findings and its Session."""

    path: Path
    real: Path  # where path led when it was named: a later symlink swap is refused
    decisions_path: Path
    project_glossary: Path
    config: Config
    revisit_skipped: bool
    raw: bytes = b""
    result: Result | None = None
    session: Session | None = None
    groups: list[int] = field(default_factory=list)  # Session steps per web action, for undo
    undone: int | None = None  # the finding the last undo gave back

    def load(self) -> None:
        """Read and lint the file as `qa review` does, and resume its decisions file."""
        self.raw = self.path.read_bytes() if self.path.is_file() else b""
        self.result = lint_one(self.path, self.config)
        decisions = load(self.decisions_path, text_path=self.path)
        if target(self.decisions_path, decisions) != self.real:
            raise DecisionsError(f"{self.decisions_path}: decisions for {decisions.file}, not for {self.path}")
        self.session = Session(self.result.document, self.result.findings, decisions, self.revisit_skipped)
        self.groups = []

    # -- answers -----------------------------------------------------------------------
    def _s(self) -> Session:
        assert self.session is not None
        return self.session

    def act(self, kind: str, index: int | None, replacement: str | None = None,
            everywhere: bool = False, glossary: bool = False) -> str:
        """Carry out one answer, save the decisions file, and say what happened.

        After an undo, ``self.undone`` is the finding it gave back (the page goes to it)."""
        s = self._s()
        self.undone = None
        if kind == "undo":
            return self._undo()
        if kind == "autofix":
            chosen = [i for i in s.pending() if s.findings[i].autofix]
            for i in chosen:
                s.decide(i, Accept(s.findings[i].suggestions[0]))
            if chosen:
                self.groups.append(len(chosen))
                self._save()
            return f"accepted {len(chosen)} safe suggestion{'s' if len(chosen) != 1 else ''}"
        if index is None or not 0 <= index < len(s.findings):
            raise ActionError("no such finding")
        f = s.findings[index]
        action: Action
        if kind == "accept":
            if replacement is None:
                raise ActionError("accept needs a replacement")
            action = Accept(replacement, everywhere, glossary)
            problem = glossary_problem(f, action)
            if problem:
                raise ActionError(problem)
        elif kind in ("skip", "reject", "reject-rule"):
            action = {"skip": Skip(), "reject": Reject(), "reject-rule": RejectRule()}[kind]
        else:
            raise ActionError(f"unknown action {kind!r}")
        s.decide(index, action)
        self.groups.append(1)
        self._save()
        return ""

    def _undo(self) -> str:
        s = self._s()
        if not self.groups:
            return "nothing to undo"
        back = None
        for _ in range(self.groups.pop()):
            back = s.undo()
        self._save()
        if back is None:
            return "nothing to undo"
        self.undone = back
        f = s.findings[back]
        return f"undone: {f.code} « {f.text} »"

    def _save(self) -> None:
        try:
            save(self.decisions_path, self._s().decisions())
        except OSError as exc:
            raise ActionError(f"{self.decisions_path}: cannot write decisions: {exc.strerror}") from None

    def apply(self) -> list[str]:
        """Write the accepted corrections (and glossary answers), then review the new text."""
        assert self.result is not None
        if self.path.resolve() != self.real:
            raise ActionError(f"{self.path}: no longer leads to {self.real}; not written")
        try:
            done = write_back(self._s(), self.path, self.raw, self.result, self.decisions_path, self.project_glossary)
        except WriteBackError as exc:
            raise ActionError(str(exc)) from None
        if done.wrote:
            try:
                self.load()
            except (InputError, DecisionsError, OSError) as exc:
                raise ActionError(f"written, but cannot review it again: {exc}") from None
        return done.lines

    # -- what the page shows -------------------------------------------------------------
    def status(self) -> list[tuple[str, str | None]]:
        """(status, replacement) per finding: accept, skip, reject, rule, everywhere, covered, pending."""
        s = self._s()
        accepted = s.accepted()
        pending = set(s.pending())
        out: list[tuple[str, str | None]] = []
        for i, f in enumerate(s.findings):
            d = s.own.get(i)
            if d is not None:
                out.append((d.kind.value, d.replacement if d.kind is Kind.ACCEPT else None))
            elif f.code in s.rejected_rules:
                out.append(("rule", None))
            elif i in accepted:
                out.append(("everywhere", accepted[i]))
            elif i in pending:
                out.append(("pending", None))
            else:
                out.append(("covered", None))  # an accepted correction already rewrote this text
        return out

    def view(self, number: int) -> dict[str, Any]:
        s = self._s()
        doc = s.doc
        u16 = _utf16(doc.text)

        def at(offset: int) -> int:
            return offset if u16 is None else u16[offset]

        findings = []
        for i, (f, (state, replacement)) in enumerate(zip(s.findings, self.status(), strict=True)):
            line, col = doc.position(f.span.start)
            findings.append({
                "index": i, "code": f.code, "category": f.category.value, "severity": f.severity.value,
                "message": f.message, "text": f.text, "start": at(f.span.start), "end": at(f.span.end),
                "line": line, "column": col, "suggestions": list(f.suggestions), "autofix": f.autofix,
                "status": state, "replacement": replacement,
            })
        return {
            "number": number, "name": str(self.path), "decisions": str(self.decisions_path), "text": doc.text,
            "findings": findings, "decided": len(findings) - len(s.pending()), "can_undo": bool(self.groups),
            "explain": {code: explain_text(code) or "" for code in sorted({f.code for f in s.findings})},
        }


def open_reviews(paths: list[Path], config: Config, decisions_path: Path | None, project_glossary: Path,
                 revisit_skipped: bool = False) -> list[FileReview]:
    """Read, lint and resume every named file; InputError, DecisionsError or GlossaryError name the file."""
    if decisions_path is not None and len(paths) != 1:
        raise InputError("--decisions names one decisions file: give one file, or let each file keep its own")
    reviews = []
    seen: set[Path] = set()
    for path in paths:
        real = path.resolve()
        if real in seen:
            continue  # the same file named twice is reviewed once
        seen.add(real)
        if not path.is_file():
            raise InputError(f"{path}: no such file" if not path.exists() else f"{path}: not a regular file")
        review = FileReview(path, real, decisions_path or default_path(path), project_glossary, config, revisit_skipped)
        review.load()
        reviews.append(review)
    return reviews
