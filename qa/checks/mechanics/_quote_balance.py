"""MC13's guillemets that nothing pairs with, the paragraphs around them read together: a
quotation whose closing mark was lost before its incise (« « Nous sommes prêts, a dit le
maire. »)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from qa.model.document import Span

_OTHER_MARKS = re.compile(r'["“”„‘’‹›]')
# A German pair (» … «) is MC13's own business: a mark glued to the word it faces.
_REVERSED = re.compile(r"»[^\W\d_]|[^\W\d_]«")


def _walk(text: str, para: Span) -> tuple[list[int], list[int]]:
    """The « left open and the » that close nothing, in the paragraph."""
    stack: list[int] = []
    lone: list[int] = []
    for i in range(para.start, para.end):
        if text[i] == "«":
            stack.append(i)
        elif text[i] == "»":
            if stack:
                stack.pop()
            else:
                lone.append(i)
    return stack, lone


def unpaired(text: str, paragraphs: list[Span], opens_incise: Callable[[str, int], bool]) -> Iterator[tuple[Span, str, list[str]]]:
    """(span, message, suggestions) for each quotation left open before its incise. A
    quotation may run over paragraphs (each one reopened with « or not), so a mark left open
    is reported only when the next paragraph neither reopens nor closes it, and only when
    the paragraphs before left nothing open."""
    walks = [_walk(text, p) if "«" in text[p.start : p.end] or "»" in text[p.start : p.end] else ([], []) for p in paragraphs]
    carried = 0  # quotations the paragraphs before left open
    for k, para in enumerate(paragraphs):
        body = text[para.start : para.end]
        left_open, lone = walks[k]
        plain = not _OTHER_MARKS.search(body) and not _REVERSED.search(body)
        nxt = text[paragraphs[k + 1].start : paragraphs[k + 1].end] if k + 1 < len(paragraphs) else ""
        goes_on = nxt.lstrip().startswith("«") or bool(k + 1 < len(walks) and walks[k + 1][1])
        if plain and len(left_open) == 1 and not lone and not goes_on and not carried:
            yield from _lost_close(text, para, left_open[0], opens_incise)
        carried = max(0, carried + len(left_open) - len(lone)) if goes_on else 0


def _lost_close(text: str, para: Span, opened: int, opens_incise: Callable[[str, int], bool]) -> Iterator[tuple[Span, str, list[str]]]:
    """« « Nous sommes prêts, a dit le maire. »: the comma before the incise is where the
    quotation ended. Without an incise nothing is reported: a text written one sentence a
    line (UD French-GSD, the WMT21 reference) opens a quotation on one line and closes it
    lines later, and a lone closing mark is as often the end of such a quotation."""
    sp = text[opened + 1 : opened + 2] if text[opened + 1 : opened + 2] in " \u00a0\u202f" else ""
    for m in re.finditer(r",[ \u00a0]", text[opened:para.end]):
        at = opened + m.start()
        if opens_incise(text, at + 1):
            yield Span(at, at + 1), "the quotation is not closed before the incise", [sp + "»,"]
            return
