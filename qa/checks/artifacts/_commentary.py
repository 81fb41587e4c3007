"""The word classes of AR03 (qa/data/llm_commentary.toml) and the small tests it builds on:
which words a sentence holds outside quotation and dialogue, whether it is English, where a
label opens it, and how far a deletion reaches so that every other byte is kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from qa.checks.prose import in_quotes
from qa.data import load_toml
from qa.model.document import Document, Span

DATA_FILE = "llm_commentary.toml"
_WORD = re.compile(r"[\w’'.-]+")
# A paragraph of dialogue (« — Je cherche d'abord… »): the speaker's words, not the copy's.
_DIALOGUE = re.compile(r"[—–―]|-\s|(?:Q|R|Question|Réponse)\s*[:.–—-]")


@dataclass(frozen=True)
class Lexicon:
    topic: frozenset[str]
    words: frozenset[str]
    jargon: tuple[tuple[str, ...], ...]
    presentatives: frozenset[str]
    announced: frozenset[str]
    languages: frozenset[str]
    actions: frozenset[str]
    note_label: re.Pattern[str]
    translator_label: re.Pattern[str]
    line_label: re.Pattern[str]
    service: frozenset[str]
    interjection: re.Pattern[str]
    en_function: frozenset[str]
    fr_function: frozenset[str]
    en_topic: frozenset[str]
    en_address: frozenset[str]
    en_politeness: re.Pattern[str]


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=lambda s: (-len(s), s)))


@cache
def lexicon() -> Lexicon:
    data = load_toml(DATA_FILE)
    labels, lines, english = data["labels"], data["line_labels"], data["english"]
    # a label, then « : » within a few characters (« Note du traducteur : », « N.B. : »)
    label = r"^[\s(\[*_#]*(?i:{})\s*\**\s*:"
    groups = {
        "translation": lines["translation"] + lines["answer_roles"],
        "original": lines["original"] + lines["prompt_roles"],
        "structure": lines["structure"],
    }
    kinds = "|".join(f"(?P<{kind}>{_alternation(items)})" for kind, items in groups.items())
    # « Traduction (français) : », « Texte traduit en français : », « Translation into French: »
    names = _alternation(data["topic"]["languages"] + data["topic"]["languages_en"])
    extra = rf"(?:[ \t\u00a0]*\([^()\n]{{1,30}}\)|[ \t\u00a0]+(?:en|vers le|du|de l['’]|from|into|in|to)[ \t\u00a0]*(?:{names}))?"
    return Lexicon(
        topic=frozenset(data["topic"]["lemmas"]),
        words=frozenset(data["topic"]["words"]),
        jargon=tuple(tuple(j) for j in data["topic"]["jargon"]),
        presentatives=frozenset(data["topic"]["presentatives"]),
        announced=frozenset(data["topic"]["announced"]),
        languages=frozenset(data["topic"]["languages"]),
        actions=frozenset(data["topic"]["actions"]),
        note_label=re.compile(label.format(_alternation(labels["note"] + labels["translator"]))),
        translator_label=re.compile(label.format(_alternation(labels["translator"]))),
        # « ### Traduction », « **Titre :** », « Texte original : … »: markup, the label,
        # an optional colon, then the end of the line or the text it labels
        line_label=re.compile(rf"[#>*_\s]*(?i:(?:{kinds}){extra})[*_]*[ \t\u00a0]*(?::[*_]*[ \t\u00a0]*|$)"),
        service=frozenset(data["politeness"]["lemmas"]),
        interjection=re.compile(rf"\W*(?i:{_alternation(data['politeness']['interjections'])})\W*"),
        en_function=frozenset(english["function_words"]),
        fr_function=frozenset(english["french_function_words"]),
        en_topic=frozenset(english["topic"]),
        en_address=frozenset(english["address"]),
        en_politeness=re.compile(rf"\b(?:{_alternation(english['politeness'])})\b"),
    )


def scope_cue() -> re.Pattern[str]:
    """Letters every sentence AR03's spaCy rules can report holds (a superset): a topic or
    jargon stem, a label, or the second person of a politeness formula."""
    return _scope_cue()


@cache
def _scope_cue() -> re.Pattern[str]:
    stems = "|".join(sorted({re.escape(w[:5]) for w in lexicon().languages}))
    return re.compile(stems + r"|tradu|translat|source|cible|départ|hésit|ez\b|voici|voilà|ci-dessous|ci-après|\bje\b|\bj['’]|\bmoi\b|\bme\b|\bm['’]|n\.?\s?d\.?\s?t|\bnote|remarque|\bnota|\bn\.?\s?b\b|précision|vous|votre|\bvos\b|\bt[eu]\b|\bt['’]|\btoi\b|\bt[oa]n?\b|\btes\b|\byou", re.I)


def dialogue(doc: Document, offset: int) -> bool:
    """Inside a paragraph of dialogue (opened by a dash): a speaker's words."""
    para = doc.paragraph_at(offset)
    return para is not None and bool(_DIALOGUE.match(doc.text, para.start))


def spoken(doc: Document, offset: int) -> bool:
    """Words someone says: inside a quotation or a paragraph of dialogue."""
    return in_quotes(doc, offset) or dialogue(doc, offset)


def words(text: str) -> list[str]:
    return [w.strip(".-").lower() for w in _WORD.findall(text) if w.strip(".-")]


def english(text: str) -> bool:
    """More English function words than French ones, and at least two."""
    lex = lexicon()
    ws = words(text)
    en = sum(w in lex.en_function for w in ws)
    fr = sum(w in lex.fr_function for w in ws)
    return en >= 2 and en > fr


def english_commentary(text: str) -> bool:
    """An English sentence about the translation addressed to the user, or a closing formula."""
    lex = lexicon()
    if not english(text):
        return False
    ws = words(text)
    low = " ".join(ws)
    if lex.en_politeness.search(low) or lex.note_label.match(text):
        return True
    return any(w in lex.en_topic for w in ws) and any(w in lex.en_address for w in ws)


def deletion(doc: Document, span: Span) -> Span:
    """The span to delete for span, with the whitespace that separates it from its
    neighbours: a whole paragraph takes its line break, a sentence the space before it (or
    after it at a paragraph's start). Nothing else is touched."""
    text = doc.text
    para = doc.paragraph_at(span.start)
    if para is not None and span.start <= para.start and span.end >= para.end:
        start, end = para.start, para.end
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        while end < len(text) and text[end] in " \t\r":
            end += 1
        if end < len(text) and text[end] == "\n":
            return Span(start, end + 1)
        if start > 0 and text[start - 1] == "\n":
            return Span(start - 1 - (start > 1 and text[start - 2] == "\r"), end)
        return Span(start, end)
    start, end = span.start, span.end
    if start > 0 and text[start - 1] in " \t\u00a0":
        while start > 0 and text[start - 1] in " \t\u00a0":
            start -= 1
        return Span(start, end)
    while end < len(text) and text[end] in " \t\u00a0":
        end += 1
    return Span(start, end)
