"""Where PA01 and PA02 may find an agreement: the paragraphs spaCy must analyse for them (a
name or noun the sentence may be about before a subject pronoun or « être », a pronoun opening
a sentence after another, a possessive or a segment's opening pronoun read with the source)."""

from __future__ import annotations

import re
from functools import cache

from qa.checks.agreement._antecedents import PRONOUNS, gender_lexicon
from qa.checks.agreement._relatives import SCOPE as RELATIVE_FORMS
from qa.checks.base import Context, once_per_document
from qa.model.document import Document
from qa.model.textutil import fold


@cache
def _pronoun_or_etre() -> re.Pattern[str]:
    """Subject pronouns and the forms of « être » (participles agree after it), folded; « fût »,
    which the conjugation tables leave out, added."""
    from qa.knowledge.conjugation import form_slots

    words = sorted({*PRONOUNS, *form_slots("être"), "fût"}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


# A subject pronoun opening a sentence that is not the paragraph's first.
_AFTER_SENTENCE = re.compile(r"[.!?»]\s+(?:\w+,?\s+)?(?:Il|Elle)s?\s|\bqu['’](?:il|elle)\s|[.!?»]\s+Ce(?:lui|lle|ux|lles)-ci\s")


_OPENING = re.compile(r"(?:\w+,?\s+)?(?:Il|Elle)\s")
_POSSESSIVE = re.compile(r"\b[Ll]eurs?\b|\bqu['’](?:ils|elles)\b")


def relative_scope(doc: Document) -> set[int]:
    return {k for k, p in enumerate(doc.paragraphs) if RELATIVE_FORMS.search(doc.text, p.start, p.end)}


@once_per_document("pronouns.scope")
def scope(doc: Document, ctx: Context) -> set[int]:
    """Paragraphs where an agreement can be found: a known name or noun the sentence may be
    about (the antecedent never comes from another paragraph), with a subject pronoun or
    « être » after which a participle agrees."""
    found = set()
    for k, para in enumerate(doc.paragraphs):
        text = doc[para]
        folded, where = fold(text)
        last = None
        for last in _pronoun_or_etre().finditer(folded):
            pass
        if ctx.source and (_POSSESSIVE.search(text) or ctx.file_targets and _OPENING.match(text)):
            found.add(k)  # « leurs » for the source's one owner (_possessive), « qu'ils » for « they » (_completive), a segment's « Il » (_source_antecedent)
            continue
        if last is None and not _AFTER_SENTENCE.search(text):
            continue
        if _AFTER_SENTENCE.search(text):
            found.add(k)  # a common noun may be the antecedent (_noun_topic)
            continue
        for m in gender_lexicon().finditer(text[: where[last.start()]]):  # the antecedent comes first
            if not m.payloads[0][0][:1].isupper() or text[m.start : m.start + 1].isupper():
                found.add(k)
                break
    return found
