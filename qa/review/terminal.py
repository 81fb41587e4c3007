"""The two decide() functions of `qa review`: single keys in a terminal, or an answers file."""

from __future__ import annotations

import os
import re
import sys
from collections import deque
from collections.abc import Callable
from pathlib import Path

from rich.console import Console, Group
from rich.text import Text

from qa.model.document import Span
from qa.model.findings import Finding
from qa.review.session import Accept, Action, Prompt, Quit, Reject, RejectRule, Skip, Undo

KEYS = (("1-9", "accept"), ("e", "edit"), ("s", "skip"), ("r", "reject"), ("R", "rule"), ("a", "all"),
        ("g", "glossary"), ("u", "undo"), ("q", "quit"), ("?", "help"))
HELP = """\
  1-9  accept that suggestion
  e    edit: type your own correction (empty line cancels)
  s    skip: decide later (not shown again unless --revisit-skipped)
  r    reject: a false alarm, not shown again for this file
  R    reject this rule for this file
  a    accept the same correction everywhere in the file
  g    accept, and add the correction to the project glossary
  u    undo the last decision
  q    save and quit (Ctrl-C quits without writing the text; decisions are kept)
  ?    this help"""
_MAX_CONTEXT = 240  # code points of sentence shown around a finding, at most
_SPACE = re.compile(r"\s+")


def visible(s: str) -> str:
    """Make invisible differences visible: a suggestion may only change a space."""
    if not s:
        return "(delete)"
    out = s.replace("\u00a0", "⍽").replace("\u202f", "⸱").replace("\t", "→").replace("\n", "↵").replace("\r", "")
    if out.strip(" ") != out or not out.strip():
        out = out.replace(" ", "·")
    return out


def context_span(prompt: Prompt) -> Span:
    doc, span = prompt.document, prompt.finding.span
    area = doc.sentence_at(span.start)
    if area is None or not area.contains(span):
        area = doc.paragraph_at(span.start)
    if area is None or not area.contains(span):
        line_start = doc.text.rfind("\n", 0, span.start) + 1
        line_end = doc.text.find("\n", span.end)
        area = Span(line_start, len(doc.text) if line_end < 0 else line_end)
    text = doc.text
    start = max(area.start, span.start - _MAX_CONTEXT // 2)
    end = min(area.end, span.end + _MAX_CONTEXT // 2)
    if start > area.start:  # cut at a word boundary: « …the content », never « …ontent »
        space = _SPACE.search(text, start, span.start)
        start = space.end() if space else start
    if end < area.end and not text[end].isspace():
        last = max(text.rfind(c, span.end, end) for c in " \t\n")
        end = last if last >= span.end else end
    return Span(start, max(end, start))


def render(prompt: Prompt) -> Group:
    """The screen for one finding: place, sentence with the span highlighted, rule, choices."""
    f, doc = prompt.finding, prompt.document
    line, col = doc.position(f.span.start)
    area = context_span(prompt)
    head = Text()
    head.append(f"« {prompt.position}/{prompt.total} »", style="bold")
    head.append(f"  {doc.path}:{line}:{col}", style="dim")
    sentence = Text("  ")
    if area.start > 0 and doc.text[area.start - 1] not in "\n":
        sentence.append("…", style="dim")
    sentence.append(doc.text[area.start : f.span.start].replace("\r", ""))
    shown = visible(f.text) if f.text else "‸"
    sentence.append(shown, style="bold black on yellow")
    sentence.append(doc.text[f.span.end : area.end].replace("\r", ""))
    rule = Text()
    rule.append(f.code, style="bold")
    rule.append(f"  {f.category.value} · {f.severity.value}", style="dim")
    lines: list[Text] = [head, sentence, rule, Text(f.message)]
    for n, s in enumerate(f.suggestions[:9], 1):
        choice = Text(f"  {n}  ")
        choice.append(visible(s), style="green")
        lines.append(choice)
    if not f.suggestions:
        lines.append(Text("  (no suggestion: e to type a correction)", style="dim"))
    if prompt.notice:
        lines.append(Text(prompt.notice, style="yellow"))
    keys = Text()
    for key, what in KEYS:
        keys.append(key, style="bold")
        keys.append(f" {what}  ", style="dim")
    lines.append(keys)
    return Group(*lines)


class KeyReader:
    """One key at a time from the terminal; keys typed ahead are queued, not lost."""

    def __init__(self) -> None:
        self.queue: deque[str] = deque()

    def __call__(self) -> str:
        if not self.queue:
            chunk = self._read()
            if chunk.startswith("\x1b"):
                return chunk  # an arrow or function key: one unknown key, not many
            self.queue.extend(chunk)
        return self.queue.popleft()

    @staticmethod
    def _read() -> str:
        import termios
        import tty

        fd = sys.stdin.fileno()
        old = termios.tcgetattr(fd)
        try:
            # cbreak, not raw: Ctrl-C still raises SIGINT → KeyboardInterrupt.
            tty.setcbreak(fd)
            data = os.read(fd, 32)
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, old)
        if not data:
            raise EOFError
        return data.decode("utf-8", "replace")


class TerminalDecider:
    """decide() for a person at a terminal."""

    def __init__(self, console: Console, read_key: Callable[[], str] | None = None,
                 read_line: Callable[[str], str] | None = None) -> None:
        self.console = console
        self.read_key = read_key or KeyReader()
        self.read_line = read_line or self._input

    def _input(self, label: str) -> str:
        try:
            return self.console.input(label)
        except EOFError:  # Ctrl-D at the prompt: cancel the edit, not the session
            self.console.print()
            return ""

    def __call__(self, prompt: Prompt) -> Action:
        self.console.print()
        self.console.print(render(prompt))
        f = prompt.finding
        while True:
            self.console.print("> ", end="")
            try:
                key = self.read_key()
            except EOFError:
                key = "q"
            self.console.print(key if key.isprintable() else "")
            action, error = self.answer(key, f)
            if action is not None:
                return action
            if error:
                self.console.print(error, style="yellow")

    def _choose(self, f: Finding) -> str | None:
        """The correction for a and g: the only suggestion, one picked by number, or typed."""
        if len(f.suggestions) == 1:
            return f.suggestions[0]
        if f.suggestions:
            self.console.print(f"which suggestion? 1-{min(9, len(f.suggestions))}, e to type one: ", end="")
            key = self.read_key()
            self.console.print(key if key.isprintable() else "")
            if key.isdigit() and 1 <= int(key) <= min(9, len(f.suggestions)):
                return f.suggestions[int(key) - 1]
            if key != "e":
                return None
        typed = self.read_line("correction (empty line cancels): ")
        return typed or None

    def answer(self, key: str, f: Finding) -> tuple[Action | None, str]:
        simple: dict[str, Action] = {"s": Skip(), "r": Reject(), "R": RejectRule(), "u": Undo(), "q": Quit()}
        if key in simple:
            return simple[key], ""
        if key.isdigit() and key != "0":
            n = int(key)
            if n > len(f.suggestions):
                return None, f"no suggestion {n}"
            return Accept(f.suggestions[n - 1]), ""
        if key == "e":
            typed = self.read_line("correction (empty line cancels): ")
            return (Accept(typed), "") if typed else (None, "edit cancelled")
        if key in ("a", "g"):
            chosen = self._choose(f)
            if chosen is None:
                return None, "cancelled"
            return Accept(chosen, everywhere=key == "a", glossary=key == "g"), ""
        if key == "?":
            self.console.print(HELP, markup=False, highlight=False)
            return None, ""
        return None, f"unknown key {key!r} (? for help)"


class AnswersError(ValueError):
    """An answers file line that cannot be used; the message names the file and line."""


class AnswersDecider:
    """decide() from a file of answers, one per line, with the keys of the terminal session.

    ``1``-``9``, ``s``, ``r``, ``R``, ``u``, ``q``; ``e TEXT`` types a correction;
    ``a``/``g`` take the first suggestion, ``a2``/``g2`` another, ``a TEXT``/``g TEXT`` a
    typed one. Blank lines and lines starting with # are ignored; the end of the file quits.
    """

    def __init__(self, path: Path, echo: Callable[[str], None]) -> None:
        self.name = str(path)
        try:
            raw = sys.stdin.read() if self.name == "-" else path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise AnswersError(f"{path}: no such answers file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise AnswersError(f"{path}: cannot read answers: {exc}") from None
        self.lines = deque(
            (n, line.rstrip("\r\n")) for n, line in enumerate(raw.splitlines(), 1)
            if line.strip() and not line.lstrip().startswith("#")
        )
        self.echo = echo

    def __call__(self, prompt: Prompt) -> Action:
        f = prompt.finding
        line, col = prompt.document.position(f.span.start)
        if prompt.notice:
            self.echo(f"  {prompt.notice}")
        if not self.lines:
            return Quit()
        n, answer = self.lines.popleft()
        place = f"{prompt.document.path}:{line}:{col}"
        self.echo(f"« {prompt.position}/{prompt.total} » {place} {f.code} « {visible(f.text)} »: {answer}")
        return self.parse(n, answer, f)

    def parse(self, n: int, answer: str, f: Finding) -> Action:
        where = f"{self.name}:{n}"
        key, rest = answer[:1], answer[1:]
        simple: dict[str, Action] = {"s": Skip(), "r": Reject(), "R": RejectRule(), "u": Undo(), "q": Quit()}
        if key in simple and not rest.strip():
            return simple[key]
        if answer.strip().isdigit():
            k = int(answer)
            if not 1 <= k <= len(f.suggestions):
                raise AnswersError(f"{where}: no suggestion {k} for {f.code} « {f.text} » ({len(f.suggestions)} offered)")
            return Accept(f.suggestions[k - 1])
        if key == "e":
            if not rest.startswith(" ") or not rest[1:]:
                raise AnswersError(f"{where}: 'e' needs the correction: « e TEXT »")
            return Accept(rest[1:])
        if key in ("a", "g"):
            flags = {"everywhere": key == "a", "glossary": key == "g"}
            if rest.startswith(" ") and rest[1:]:
                return Accept(rest[1:], **flags)
            k = int(rest) if rest.isdigit() else 1 if not rest else 0
            if not 1 <= k <= len(f.suggestions):
                raise AnswersError(f"{where}: no suggestion {rest or 1} for {f.code} « {f.text} »; use « {key} TEXT »")
            return Accept(f.suggestions[k - 1], **flags)
        raise AnswersError(f"{where}: unknown answer {answer!r} (keys: 1-9 e s r R a g u q)")
