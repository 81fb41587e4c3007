"""The span of a capital fix. A stray capital that MC02 or MC10 lowers often opens a run of
capitalised common words of one phrase (« la Colonne Vertébrale », « le Directeur Général »,
« la Production d’Électricité »): lowering its first word alone leaves the phrase half
fixed, so the fix covers the run, and a finding of the same check on a word inside the run
is dropped. The run goes on over a space, or over « de », « du », « des », « d’ » (not after
the head of a ministry's name: « le ministre du Climat » keeps its field's capital; not to an
adjective, which opens a name there: « du Grand Chelem »), to a
capitalised word spaCy reads as a common noun or an adjective (or as a proper noun when the
word is frequent in lower-case French), that is no first name, person or place; it stops at
anything else."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import replace

from qa.checks.mechanics._capitals import capital_sets, place_words
from qa.knowledge.nlp import Analysis, Token
from qa.knowledge.person_gender import first_name_gender
from qa.knowledge.wordlists import is_french_form, zipf
from qa.model.document import Document, Span
from qa.model.findings import Finding
from qa.model.textutil import lower_first

# The files read here besides _capitals' DATA_FILES: a check that widens declares them too.
RUN_FILES = ("first_names.toml", "persons.toml")
_COMMON = 4.0  # wordfreq Zipf of the lower-case word
_GAP = re.compile(r"[ \u00a0](?:(?:de|du|des)[ \u00a0]|d['’])?")


def _ministry_heads() -> tuple[str, ...]:
    return tuple(capital_sets()[2])


def _goes_on(t: Token | None, start: int) -> bool:
    if t is None or t.start != start or not (t.text[:1].isupper() and t.text[1:].islower()):
        return False
    low = t.text.lower()
    if t.ent == "PER" or first_name_gender(t.text) is not None or low in place_words() or not is_french_form(low):
        return False
    # spaCy often reads a capitalised common noun as a proper one (« d’Électricité »): a word
    # as frequent as that in lower-case French is taken for the common noun then.
    return t.pos in ("NOUN", "ADJ") or (t.pos == "PROPN" and zipf(low) >= _COMMON)


def widen_lowerings(doc: Document, analysis: Analysis, findings: Iterable[Finding], stops: Collection[int] = ()) -> list[Finding]:
    """The findings, each lowering of one capitalised word widened over the run it opens, up
    to a word starting at one of ``stops`` (a word another finding already lowers); findings
    inside a widened span are dropped."""
    out: list[Finding] = []
    wide: list[Span] = []
    for f in findings:
        if len(f.suggestions) != 1 or " " in f.text or f.suggestions[0] != lower_first(f.text):
            out.append(f)
            continue
        end, fixed = f.span.end, f.suggestions[0]
        while (gap := _GAP.match(doc.text, end)) is not None and _goes_on(nxt := analysis.at(gap.end()), gap.end()) and gap.end() not in stops:
            if gap.group().strip() and (nxt.pos == "ADJ" or any(w.startswith(_ministry_heads()) for w in fixed.split())):
                # « le Ministre du Climat » → « le ministre du Climat »: the field keeps its
                # capital; « 23 Titres du Grand Chelem »: an adjective after « de » opens a name.
                break
            fixed += doc.text[end : nxt.start] + lower_first(nxt.text)
            end = nxt.end
        if end > f.span.end:
            f = replace(f, span=Span(f.span.start, end), text=doc.text[f.span.start : end], suggestions=(fixed,))
            wide.append(f.span)
        out.append(f)
    return [f for f in out if not any(w != f.span and w.start <= f.span.start and f.span.end <= w.end for w in wide)]
