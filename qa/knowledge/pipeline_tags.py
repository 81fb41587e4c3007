"""What a translation pipeline leaves in the copy (qa/data/markup.toml): feed slugs, tracking
labels, unfilled placeholders, XLIFF inline tags, model tokens. AR01 reports them; MC04 asks
whether a stop it would report only ends the text before one."""

from __future__ import annotations

import re
from functools import cache

from qa.data import load_toml


def alternation(items: list[str]) -> str:
    """A regex alternation of the literal items, longest first so that « strong » is tried
    before « s »."""
    return "|".join(re.escape(i) for i in sorted(items, key=lambda s: (-len(s), s)))


@cache
def end_words() -> list[str]:
    """The end marks of markup.toml in the cases they are written: « FIN », « Fin », « fin »;
    a phrase in capitals or in sentence case (« Fin de la traduction »)."""
    out: list[str] = []
    for word in load_toml("markup.toml")["chat"]["end_words"]:
        out += [word, word.capitalize()] + ([] if " " in word else [word.lower()])
    return out


@cache
def pipeline_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each residue's pattern and what to call it in a message."""
    data = load_toml("markup.toml")
    langs = alternation(data["pipeline_tag"]["languages"])
    labels = alternation(data["tracker"]["labels"])
    xliff = alternation(data["xliff"]["tags"])
    tokens = alternation(data["model_tokens"]["tokens"] + data["chat"]["tokens"])
    wrappers = alternation(data["chat"]["wrappers"])
    ends = alternation(end_words())
    return (
        # « ttn-fr-33 »: a feed slug with a language code and a sequence number.
        (re.compile(rf"(?<![\w-])(?:[a-z]{{2,8}}[-_](?:{langs})|[A-Z]{{2,8}}[-_](?:{langs.upper()}))[-_]\d{{1,8}}(?![\w-])"), "pipeline tag"),
        (re.compile(rf"\[(?i:{labels})\s*[:#=]?\s*[\w.-]+\]"), "tracking label"),
        (re.compile(r"\{\{\s*[A-Za-z_][\w.-]*\s*\}\}"), "unfilled placeholder"),
        (re.compile(r"\$\{[A-Za-z_][\w.]*\}"), "unfilled placeholder"),
        (re.compile(r"(?<![\w{])\{(?:\d{1,2}|[a-z_][a-z0-9_]{2,})\}(?![\w}])"), "unfilled placeholder"),
        (re.compile(r"(?<![\w%])%(?:\d\$)?[sd](?![\w%])|%\([a-z_]+\)[sd]"), "printf placeholder"),
        (re.compile(r"(?<!\w)__[A-Z][A-Z0-9_]*[A-Z0-9]__(?!\w)"), "unfilled placeholder"),
        (re.compile(rf"</?(?:{xliff})(?:\s[^<>]{{0,200}})?/?>"), "XLIFF inline tag"),
        (re.compile(rf"(?<![\w<\[])(?:{tokens})(?![\w>\]])"), "MT special token"),
        # « <|im_end|> », « <|eot_id|> »: a chat special token by its shape.
        (re.compile(r"<\|[A-Za-z][\w.:-]{0,40}\|>"), "chat special token"),
        (re.compile(rf"</?(?i:{wrappers})>"), "tag around the model's answer"),
        (re.compile(rf"\[(?:{ends})\]|\((?:{ends})\)"), "end mark"),
        (re.compile(r"(?<=\w)@@(?= )"), "BPE joiner"),
        (re.compile(r"▁"), "SentencePiece marker"),
    )


@cache
def end_line() -> re.Pattern[str]:
    """A line that only marks the end of a dispatch or an answer: « -- FIN -- », « [END] »,
    « ### », « -30- », « FIN », « Fin de la traduction. »; a bare word must be in capitals
    (« Fin » alone may head a part), a dashed or bracketed one or a phrase may be in any case."""
    ends = alternation(end_words())
    capitals = alternation([w for w in end_words() if w.isupper() or " " in w])
    return re.compile(
        rf"[-–—*=~\s]*[\[(<](?:{ends})[\])>][-–—*=~\s]*|[-–—*=~]+\s*(?:{ends})\s*[-–—*=~]+|(?:{capitals})\.?|#{{3,}}|-30-"
    )


# A paragraph that is nothing but a lower-case slug with a number: a feed or job tag.
SLUG_LINE = re.compile(r"[a-z]{2,10}(?:[-_][a-z]{2,10}){0,2}[-_]\d{1,8}")


def starts_pipeline_tag(text: str, offset: int) -> bool:
    """Whether a pipeline tag begins at offset: a slug opening the rest of the line, or any
    residue pattern matching there."""
    line_end = text.find("\n", offset)
    rest = text[offset : len(text) if line_end < 0 else line_end]
    if SLUG_LINE.match(rest):
        return True
    return any(p.match(text, offset) for p, _ in pipeline_patterns())
