"""MC04: a full stop inside a sentence, punctuation doubled by a join, and (with a source) the
final mark of a sentence the source ends and the translation leaves open."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._shared import mechanics_data
from qa.data import load_toml
from qa.knowledge.pipeline_tags import starts_pipeline_tag
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_STRAY_STOP = re.compile(r"(?<=[^\W_])\.(?=[ \u00a0]+([a-zà-öø-ÿœ][\w’'-]*))")
_SUBJECTS = frozenset(["je", "il", "elle", "on", "nous", "vous", "ils", "elles"])
_WORD_BEFORE = re.compile(r"[\w.’'-]+$")
# Doubled marks a join left behind: « ,, », « ;; », « .. » (not an ellipsis), « ,. ».
_DOUBLED = re.compile(r",{2,}|;{2,}|(?<=[^\W_])\.\.(?!\.)|,\.(?!\.)")
# The end of a segment: its last mark, closing quotation marks and brackets aside.
_CLOSERS = "\"»”“’)]\u00a0\u202f "
_FINAL_MARKS = ".!?…:;"
# A translation this short may be a headline or a label the source happens to end with a stop.
_MIN_OPEN_WORDS = 6


_ORDINAL_DETERMINERS = frozenset("la le les au aux du sa son leur cette ce".split())


@cache
def _french_months() -> frozenset[str]:
    return frozenset(load_toml("numbers.toml")["months"]["fr"])


@cache
def _scale_abbreviations() -> frozenset[str]:
    """Source abbreviations of scale words that end with a stop (« Mrd. », « Mio. », « mln. »),
    lower-cased and without it (numbers.toml [[scale]])."""
    forms = (f for scale in load_toml("numbers.toml")["scale"] for f in scale["forms"])
    return frozenset(f[:-1].lower() for f in forms if f.endswith("."))


class StrayFullStop(Check):
    """A full stop inside a sentence: the next word goes on in lower case.

    The source had a tag, a link or a line break there. Abbreviations (« etc. »,
    « av. J.-C. », « M. ») are not sentence ends and stay quiet. Marks doubled by a
    join (« ,, », « .. » that is no ellipsis) are reported as well.

    A subject pronoun and its verb after the stop (« a introduit le test. nous avons
    comparé ») open a new sentence: there the capital is missing, not the stop wrong.

    With a German or Dutch source, a segment of running text that the source ends with
    « . », « ! » or « ? » and the translation leaves open has lost its final mark.

    Mauvais : « », a déclaré le ministre. lors d’une conférence de presse »
    Bon :     « », a déclaré le ministre lors d’une conférence de presse »
    """

    code = "MC04"
    priority = 230
    paragraph_local = True
    data_files = ("mechanics.toml", "markup.toml", "numbers.toml")
    name = "mechanics.stray-full-stop"
    category = Category.PUNCTUATION
    summary = "Full stop before a lower-case continuation; doubled punctuation"
    autofix = "some"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        abbreviations = set(mechanics_data()["abbreviations"]["words"])
        scales = _scale_abbreviations()
        for m in _STRAY_STOP.finditer(doc.text):
            before = _WORD_BEFORE.search(doc.text, max(0, m.start() - 40), m.start())
            word = before.group() if before else ""
            bare = re.split(r"['’]", word)[-1]
            if bare.isdigit():
                # « en 2020. ensuite » is a stray stop; « 1. le premier point » numbers a list.
                head = doc.text[max(0, m.start() - len(bare) - 12) : m.start() - len(bare)]
                last = re.findall(r"[\w°]+", head.lower())
                if not head.strip() or head.endswith("\n") or (last and last[-1] in abbreviations | {"n°"}):
                    continue
                if len(bare) <= 2 and (m.group(1) in _french_months() or (last and last[-1] in _ORDINAL_DETERMINERS)):
                    continue  # « le 1. avril », « la 3. place »: a German ordinal, NF02's and NF01's
            elif len(bare) < 2 or "." in bare or bare.lower() in abbreviations or not bare.isalpha():
                continue
            elif bare.lower() in scales and re.search(r"\d[ \u00a0\u202f]?$", doc.text[max(0, m.start() - len(bare) - 2) : m.start() - len(bare)]):
                continue  # « 37,2 Mrd. au total »: the stop of a source scale abbreviation, NF01's to rewrite
            nxt = m.group(1)
            if any(c.isupper() for c in nxt):  # « iPhone », « eBay »
                continue
            if starts_pipeline_tag(doc.text, m.start(1)):
                continue  # « travaillistes. ttn-fr-41 »: the stop ends the text; AR01 reports the tag
            if nxt in _SUBJECTS and re.match(r"[ \u00a0]+[a-zà-öø-ÿœ]", doc.text[m.end(1) :]):
                # « a introduit TrueNat. nous avons comparé »: a subject and its verb open a new
                # sentence; the stop is right and the capital is missing
                span = Span(m.start(1), m.end(1))
                yield self.finding(doc, span, f"« {nxt} » opens a sentence: it takes a capital", [nxt[0].upper() + nxt[1:]], autofix=True)
                continue
            span = Span(m.start(), m.end())
            yield self.finding(doc, span, f"full stop before lower-case « {nxt} » inside the sentence: delete it", [""])
        if ctx is not None and ctx.source and ctx.source_lang in ("de", "nl"):
            yield from self._lost_final_mark(doc, ctx.source)
        for m in _DOUBLED.finditer(doc.text):
            right = "." if "." in m.group() else m.group()[0]
            span = Span(m.start(), m.end())
            yield self.finding(doc, span, f"doubled punctuation « {m.group()} »: write « {right} »", [right], autofix=True)

    def _lost_final_mark(self, doc: Document, source: str) -> Iterator[Finding]:
        """The source segment ends its sentence (« … zu finden). ») and the translation, a
        sentence of running text, stops on a word, a number or a bracket: the mark was lost.
        A German or Dutch news segment ends with its mark unless it is a headline, and a
        headline is short and ends without one on both sides."""
        src = source.rstrip().rstrip(_CLOSERS)
        text = doc.text.rstrip()
        body = text.rstrip(_CLOSERS)
        if not src.endswith((".", "!", "?")) or not body or body[-1] in _FINAL_MARKS or "\n" in text.strip():
            return
        if not (body[-1].isalnum() or text[-1] in ")»\"") or len(text.split()) < _MIN_OPEN_WORDS:
            return
        mark = src[-1]
        # The closing marks after the last word, else the last word (an address is no word to
        # rewrite: « (www.example.de) » takes its stop after the bracket).
        last = re.search(r"[\"»”)\]]+$", text) or re.search(r"\S+$", text)
        assert last is not None
        span = Span(last.start(), last.end())
        yield self.finding(doc, span, f"the source ends its sentence with « {mark} »: the translation lost it", [last.group() + mark])
