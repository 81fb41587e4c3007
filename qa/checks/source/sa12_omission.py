"""SA12: a phrase of the source that the translation dropped.

MT drops a locative, an apposition, a relative clause, the last clause of a sentence, and the
French stays fluent: « In höheren Lagen seien bis zu 80 Zentimeter gefallen » → « Jusqu'à 80
centimètres sont tombés ». The source and target sentences are aligned word by word through the
bilingual dictionaries, both ways (qa.checks.source._alignment). An omission leaves two marks,
and both are required:

- a run of source content words none of which is rendered, at least three, two of them words
  the dictionary knows (so that « not rendered » means something), or two of which one is a
  name the dictionary knows (« in Kanada »);
- a gap: the source words just before and just after the run are rendered by target words
  with no French content word between them (or the run closes or opens the sentence and the
  target ends or starts right there). A paraphrase puts its own words where the run's
  translation stands; an omission puts nothing.

The rest of the sentence must align well (three quarters of the known words rendered), or the
dictionary is merely short of words for this text.
"""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.source._alignment import Word, align, content_between, is_name
from qa.checks.source._shared import sentence_pairs
from qa.knowledge.bilingual import languages
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity

# Measured on real-wmt21 (real MT with its German source) and on the WMT21 reference with its
# source (bench/meaning_parallel.py --select SA12): a run of three content words, two of them
# known to the dictionary, in a sentence whose other known words are three quarters rendered.
MIN_RUN = 3
MIN_UNRENDERED = 2
MIN_REST = 4
MIN_SHARE = 0.75
# A run of two words is enough when one of them is a name the dictionary renders with a capital
# (« in Kanada erreicht »: « au Canada »): translators paraphrase words, rarely a place away.
# On real-wmt21 this found « in Kanada », dropped by LISN; alone, a name (« USA », a dateline's
# « Berlin ») made three false alarms on the WMT21 reference and one on real-wmt21.
MIN_NAMED_RUN = 2
# How many rendered words on each side of the run may anchor the gap: the nearest only (with
# two, a word rendered elsewhere in the sentence anchored a false gap on real-wmt21).
_ANCHORS = 1
# German and Dutch only, as SA09: FreeDict's English-French pair (about 8,000 headwords, rare
# senses first) leaves too many everyday words unpaired. On the French Python documentation
# with its English msgids (bench/clean_rate.py, po) SA12 read English made 11 false alarms in
# 30,000 words, and 2 on bio-mqm's 384 reference segments.
LANGUAGES = ("de", "nl")


def _gap(words: list[Word], i: int, j: int, target: str) -> tuple[int, int] | None:
    """The target span where words[i:j] went missing: a rendered word before it and one after
    with no French content word between them, the nearest such pair; the sentence's edges
    count as anchors when the run opens or closes the source."""
    before = [w for w in words[:i] if w.status == "R"][-_ANCHORS:]
    after = [w for w in words[j:] if w.status == "R"][:_ANCHORS]
    end = len(target.rstrip(" .!?…»\"'’”"))
    if j == len(words) and i > 0:
        # A run that closes the source: German closes its clause on a particle or a verb that
        # French renders earlier, so the anchor is where the rendered words end in the target.
        before = [w for w in words[:i] if w.status == "R"]
        last = max((p for w in before for p in w.where), key=lambda p: p[1], default=None)
        return last if last is not None and not content_between(target, last[1], end) else None
    starts = [p for w in before for p in w.where] if i > 0 else [(0, 0)]
    ends = [n for w in after for n in w.where] if j < len(words) else [(end, end)]
    best = None
    for p in starts:
        for n in ends:
            if p[1] <= n[0] and not content_between(target, p[1], n[0]):
                if best is None or n[0] - p[1] < best[1][0] - best[0][1]:
                    best = (p, n)
    if best is None:
        return None
    p, n = best
    if p == (0, 0):
        return n
    if n[0] >= end:
        return p
    return p[0], n[1]


def omissions(source: str, target: str, lang: str) -> list[tuple[str, int, int]]:
    """(source phrase, start, end in the target) of each phrase the target dropped."""
    words = align(source, target, lang)
    known = sum(w.status != "?" for w in words)
    rendered = sum(w.status == "R" for w in words)
    out = []
    i = 0
    while i < len(words):
        if words[i].status == "R":
            i += 1
            continue
        j = i
        while j < len(words) and words[j].status != "R":
            j += 1
        run = words[i:j]
        rest = known - sum(w.status == "U" for w in run)  # the run holds no rendered word
        named = len(run) >= MIN_NAMED_RUN and any(w.status == "U" and is_name(w.text, lang) for w in run)
        if (
            (named or (len(run) >= MIN_RUN and sum(w.status == "U" for w in run) >= MIN_UNRENDERED))
            and rest >= MIN_REST
            and rendered / rest >= MIN_SHARE
        ):
            gap = _gap(words, i, j, target)
            if gap is not None:
                out.append((source[run[0].start : run[-1].end], *gap))
        i = j
    return out


class Omission(Check):
    """A phrase of the source with no counterpart in the target, where the target closes
    over a gap.

    Three or more content words of a source sentence in a row (two, when one is a name the
    dictionary gives, « in Kanada ») are rendered by nothing in its translation (no dictionary translation either way, no cognate, no number, no name), while
    the words on both sides of them are rendered side by side in the French with no content
    word between: the phrase went missing there. Reported on the French words that close over
    the gap, as the source phrase's omission. Needs a FreeDict dictionary of the source
    language, German or Dutch (see *Bilingual and structured files*); nothing is suggested,
    since the missing words must be translated.

    Mauvais : source « Mehrere Hundert Urlauber saßen in den Hotels von St. Anton fest, die Bergbahnen stellten den Betrieb ein. », cible « Plusieurs centaines de vacanciers étaient bloqués dans les hôtels de St. Anton. »
    Bon :     source « Mehrere Hundert Urlauber saßen in den Hotels von St. Anton fest, die Bergbahnen stellten den Betrieb ein. », cible « Plusieurs centaines de vacanciers étaient bloqués dans les hôtels de St. Anton, les remontées mécaniques ont cessé leur exploitation. »
    """

    code = "SA12"
    priority = 398
    severity = Severity.INFO
    autofix = "none"
    uses_spacy = True
    name = "source.omission"
    category = Category.MISTRANSLATION
    summary = "Phrase of the source missing from the target"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        lang = ctx.source_lang or "en"
        if not ctx.source or lang not in LANGUAGES or lang not in languages() or not doc.text.strip():
            return
        for source, offset, target in sentence_pairs(ctx.source, doc.text, lang):
            for phrase, start, end in omissions(source, target, lang):
                yield self.finding(
                    doc, Span(offset + start, offset + end), f"« {phrase} » of the source has no counterpart here: omitted?"
                )
