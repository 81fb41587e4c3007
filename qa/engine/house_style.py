"""The document's typographic habits, followed by the text qa suggests and inserts.

A translation writes « l'Occident » or « l’Occident », “…” or « … », a no-break space or
a plain one before « ; : ! ? ». A fix that inserts « l’OTAN » into a text of straight
apostrophes leaves it mixed. Here the majority of the document decides: the apostrophe
between a letter and what follows, the quotation marks, and the space inside guillemets
and before the high punctuation. With no majority (a tie, or no example in the text), a
suggestion stays as its check wrote it.

A suggestion whose only change was the style itself (a check that asks for « ’ ») is left
alone: restyling it would make it equal to the text it replaces.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from qa.model.findings import Finding

APOSTROPHES = ("'", "’")
SPACES = (" ", "\u00a0", "\u202f")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’]")
_SPACE_BEFORE = re.compile(r"(?<![ \u00a0\u202f])([ \u00a0\u202f])(?=[;:!?»])")
_SPACE_AFTER = re.compile(r"(?<=«)([ \u00a0\u202f])")
_GUILLEMETS = re.compile(r"«[ \u00a0\u202f]*(.*?)[ \u00a0\u202f]*»", re.S)
_CURLY = re.compile(r"“(.*?)”", re.S)
_STRAIGHT = re.compile(r'"([^"\n]*)"')


@dataclass(frozen=True)
class Style:
    apostrophe: str | None  # "'" or "’"; None: no majority
    quotes: str | None  # "guillemets", "curly" or "straight"
    space: str | None  # the space inside guillemets and before ; : ! ?


def _majority(counts: Counter[str]) -> str | None:
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def style_of(text: str) -> Style:
    apostrophes = Counter(m.group() for m in _APOSTROPHE.finditer(text))
    quotes = Counter({
        "guillemets": len(_GUILLEMETS.findall(text)),
        "curly": len(_CURLY.findall(text)),
        "straight": len(_STRAIGHT.findall(text)),
    })
    spaces = Counter(m.group(1) for r in (_SPACE_BEFORE, _SPACE_AFTER) for m in r.finditer(text))
    return Style(_majority(apostrophes), _majority(+quotes), _majority(spaces))


def restyle(suggestion: str, style: Style) -> str:
    out = suggestion
    if style.quotes == "guillemets":
        inner = style.space or "\u00a0"
        out = _CURLY.sub(lambda m: f"«{inner}{m.group(1)}{inner}»", out)
        out = _STRAIGHT.sub(lambda m: f"«{inner}{m.group(1)}{inner}»", out)
    elif style.quotes in ("curly", "straight"):
        opening, closing = ("“", "”") if style.quotes == "curly" else ('"', '"')
        out = _GUILLEMETS.sub(lambda m: f"{opening}{m.group(1)}{closing}", out)
    if style.apostrophe is not None:
        out = _APOSTROPHE.sub(style.apostrophe, out)
    if style.space is not None:
        out = _SPACE_BEFORE.sub(style.space, out)
        out = _SPACE_AFTER.sub(style.space, out)
    return out


def follow(text: str, findings: tuple[Finding, ...], fallback: str | None = None) -> tuple[Finding, ...]:
    """findings with their suggestions in the style of text (see the module's docstring).
    Where text shows no majority (a segment of a bilingual file, one line long, with no
    apostrophe), the style of fallback (all the file's targets) decides."""
    if not any(f.suggestions for f in findings):
        return findings
    style = style_of(text)
    if fallback and None in (style.apostrophe, style.quotes, style.space):
        whole = style_of(fallback)
        style = Style(style.apostrophe or whole.apostrophe, style.quotes or whole.quotes, style.space or whole.space)
    if style == Style(None, None, None):
        return findings
    out = []
    for f in findings:
        new = tuple(_restyled(s, f.text, style) for s in f.suggestions)
        out.append(replace(f, suggestions=new) if new != f.suggestions else f)
    return tuple(out)


def _restyled(suggestion: str, original: str, style: Style) -> str:
    new = restyle(suggestion, style)
    return suggestion if new == original else new
