"""MC13: quotation marks checked as a whole within each paragraph: foreign, mixed or detached
marks, their spaces, and the comma before an incise."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._quote_balance import unpaired
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

NBSP = "\u00a0"
_SPACES = " \u00a0\u202f"
_MARKS = re.compile(r'[«»“”„"]')
_ELIDED = re.compile(r"(?<![\w'’])([ldjmnstcLDJMNSTC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)[ \u00a0]?\"[ \u00a0]?(?=[aeiouyhàâéèêîôûœAEIOUYHÀÂÉÈÊÎÔÛŒ])")


@cache
def _incise() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_toml("spacing.toml")["incise"]
    return frozenset(data["participles"]), frozenset(data["present"]), frozenset(data["auxiliaries"])


_NEXT_WORDS = re.compile(r"[\w'’-]+")


def opens_incise(text: str, offset: int) -> bool:
    """Whether the words from offset (after a closing quotation mark) are a verb of saying
    that opens an incise: « a déclaré le maire », « affirme Franz Hörl », « a-t-il dit »,
    « ajoute-t-elle ». A verb followed by « que » has the quotation as its subject or object
    (« « Le Monde » affirme que … »): no incise."""
    participles, present, auxiliaries = _incise()
    words = _NEXT_WORDS.findall(re.sub(r"[ \u00a0]+-(?=t-)", "-", text[offset : offset + 60]))  # « a -t-il »
    if not words:
        return False
    first = words[0]
    head = first.split("-")[0]
    if "-" in first and (head in present or head in auxiliaries) and first.split("-")[-1] in ("il", "elle", "ils", "elles", "on"):
        return True  # « ajoute-t-elle », « a-t-il dit »
    k = 1 if first in auxiliaries and len(words) > 1 else 0
    verb = words[k]
    if not (verb in participles if k else verb in present):
        return False
    after = words[k + 1].lower() if len(words) > k + 1 else ""
    return after not in ("que", "qu", "qu'", "qu’") and not after.startswith(("qu'", "qu’"))


def convention(doc: Document) -> str:
    """The space the document puts inside its guillemets and before « : ; ? ! »: a no-break
    space (the French norm, also when the document shows none) or a plain space."""
    text = doc.text
    nb = text.count("«\u00a0") + text.count("\u00a0»") + text.count("\u00a0:") + text.count("\u202f»") + text.count("«\u202f")
    plain = text.count("« ") + text.count(" »") + text.count(" :")
    return " " if plain > nb else NBSP


@cache
def _function_words() -> frozenset[str]:
    return frozenset(load_toml("spacing.toml")["glue"]["function_words"])


def _word_before(text: str, i: int) -> str:
    m = re.search(r"[\w'’-]+$", text[max(0, i - 30) : i])
    return m.group() if m else ""


_LOOSE_HABIT = 4  # spaced marks (two pairs) that make the spaced style a house style
_END = re.compile(r"[.,;:!?…)\]]*$")  # what may follow a closing mark at the end of a paragraph
_COMMA = re.compile(r",[ \u00a0]*")  # the comma before an incise
_QUOTE_CHARS = re.compile(r'[«»“”„"]')
# A quotation in the source: straight, German, reversed, French or English marks.
_SOURCE_QUOTE = re.compile(r'"([^"\n]+)"|„([^“"\n]+)[“"]|»([^«\n]+)«|«([^»\n]+)»|“([^”\n]+)”')
# ‘ … ’ as quotation marks: the closing ’ stands before a space or a punctuation mark,
# where an apostrophe never does; apostrophes inside (« l’école ») are passed over.
_SINGLE = re.compile(r"(?<![\w’'])‘(?=\w)(?:[^‘’\n]|’(?=\w))+?(?<=[\w.!?…])’(?!\w)")
# A straight mark against its words: after a word or a stop and before a space or the end,
# or after a space or the start and before a word.
_TIGHT_ANYWHERE = re.compile(r'[^\W_.,!?…]"(?=[\s.,;:!?]|$)|[.!?…]"(?=\s|$)|(?:^|(?<=\s))"[^\W_]')
_MIN_QUOTED_WORDS = 4  # fewer quoted words are a title or a term, which French may leave bare


def _glued_left(text: str, i: int) -> bool:
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] in ".,;!?…")


def _glued_right(text: str, i: int) -> bool:
    return i + 1 < len(text) and text[i + 1].isalnum()


def _tight_and_loose(text: str) -> tuple[int, int]:
    """Straight marks written against their words (« "Il s'agit" ») and with a space inside
    (« " Il s'agit " »)."""
    tight = len(re.findall(r'(?<![\w"])"[^\W_]|[^\W_.,!?]"(?![\w"])', text))
    loose = len(re.findall(r'(?<![\w"])" [^\W_]|[^\W_.,!?] "(?![\w"])', text))
    return tight, loose


def _closing_shape(text: str, i: int) -> bool:
    """A mark after a word or a stop and before a space, a punctuation mark or the end."""
    return _glued_left(text, i) and not _glued_right(text, i)


def _closes_paragraph(text: str, i: int, end: int) -> bool:
    """A straight mark detached from the words before it with only punctuation after it,
    up to the end of the paragraph, or a comma and an incise (« présent ", a-t-il déclaré »):
    it can only close a quotation."""
    if i == 0 or text[i - 1] not in _SPACES or text[max(0, i - 8) : i].rstrip(_SPACES)[-1:] in ":«":
        return False
    if _END.fullmatch(text, i + 1, end) is not None:
        return True
    comma = _COMMA.match(text, i + 1, end)
    return comma is not None and opens_incise(text, comma.end())


def _extra_mark(text: str, para: Span, straight: list[int], alone: bool) -> int | None:
    """In a paragraph with an odd count of straight marks, the one nothing can pair with:
    the first of two closing marks in a row (« "ce sont les cours", mais … minimale". »),
    or the only mark of a headline, inside it (« contre le "Plan d'action de Scholz »). A
    lone mark at either end of a paragraph of text opens or closes a quotation that runs
    over paragraphs."""
    for a, b in zip(straight, straight[1:]):
        if _closing_shape(text, a) and _closing_shape(text, b) and text[a + 1 : a + 2] in ",;" and a - para.start > 1:
            return a
    if alone and len(straight) == 1:
        i = straight[0]
        body = text[para.start : para.end]
        headline = not body.rstrip("\"»”").endswith((".", "!", "?", "…", ":"))
        inside = para.start + 1 < i < para.end - 1
        if headline and inside and text[i - 1] in _SPACES and text[i + 1 : i + 2].isalpha():
            return i
    return None


class QuotationMarks(Check):
    """Quotation marks checked as a whole within each paragraph.

    Reported: English or German marks in French copy (“ … ”, „ … “, » … «, ‘ … ’; “ … ”
    inside guillemets is the French inner quotation and stays); a pair opened with one kind and
    closed with another (« … " and " … »); a quotation mark standing for an apostrophe
    (« l" économie »); a closing mark glued to the next word; a straight mark glued to the
    words on both sides; a space inside straight marks; guillemets without the space the
    document puts inside the others; and a closing mark followed by an incise (« a
    déclaré le maire », « a-t-il dit ») with no comma, unless the quotation ends with « ? »,
    « ! » or « … ». In a paragraph with an odd count of straight marks, the one nothing can
    pair with (the first of two closing marks in a row, the only mark inside a headline).
    With a source: spaced straight marks where the source writes them tight (a segment is
    too short to show a house style), a detached closing mark before a comma and an incise
    (« présent ", a-t-il déclaré »), a passage the source quotes at the start or end of its
    segment that the translation gives with no mark at all, and one it quotes at the end
    when the translation has fewer marks than the source and none at its end. Fixes use guillemets
    with the document's own space (no-break or plain).

    Mauvais : « „Nos fours consomment trop“ a expliqué le directeur, selon l" entreprise. »
    Bon :     « « Nos fours consomment trop », a expliqué le directeur, selon l'entreprise. »
    """

    code = "MC13"
    priority = 170
    data_files = ("spacing.toml",)
    name = "punctuation.quotation-marks"
    category = Category.PUNCTUATION
    summary = "Unbalanced, mixed, foreign or detached quotation marks; incise without a comma"
    autofix = "some"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = doc.text
        if not any(c in text for c in '«»“”„"‘'):
            if ctx is not None and ctx.source:
                yield from self._lost_quotation(doc, ctx.source)
            return
        sp = convention(doc)
        apostrophe = "’" if text.count("’") > text.count("'") else "'"
        elided: set[int] = set()
        for m in _ELIDED.finditer(text):
            q = text.index('"', m.start())
            elided.add(q)
            fixed = m.group(1) + apostrophe
            yield self.finding(doc, Span(m.start(), m.end()), f"« {m.group()} »: a quotation mark stands for the apostrophe", [fixed], autofix=True)
        spaced = text.count("«" + sp) + text.count(sp + "»")
        # Straight marks with spaces inside (« " Il s'agit " ») are a house style when the
        # document has no tight ones (« "Il s'agit" »); in a document that mixes both, the
        # spaced ones are the damage.
        tight, loose = _tight_and_loose(text)
        # A segment linted alone shows too few marks to tell a house style: its source does.
        # One spaced pair in a segment whose source writes its marks tight is damage; the
        # spaced style is a habit only when the text shows it twice (two pairs).
        source_tight = ctx is not None and bool(ctx.source) and _TIGHT_ANYWHERE.search(ctx.source or "") is not None
        tight_style = tight > loose or (source_tight and loose < _LOOSE_HABIT)
        # A lone mark detached at the end of a paragraph closes a quotation opened earlier,
        # maybe spaced on purpose there: only a source that writes it tight tells.
        detached_end = tight_style and source_tight
        # A text that writes every straight mark tight, often, is its own evidence: a lone
        # detached mark closing the quotation the paragraph before left open is damage.
        habit = loose == 0 and tight >= 2 * _LOOSE_HABIT
        left_open = False  # a lone straight mark opened by the paragraphs before
        for para in doc.paragraphs:
            carried = detached_end or (habit and left_open)
            yield from self._paragraph(doc, para, sp, elided, spaced >= 2, tight_style, carried)
            yield from self._single_marks(doc, para, sp)
            body = text[para.start : para.end]
            n = sum(1 for m in _MARKS.finditer(body) if m.group() == '"' and para.start + m.start() not in elided)
            if n % 2:
                left_open = not left_open
        for span, message, fixes in unpaired(text, list(doc.paragraphs), opens_incise):
            yield self.finding(doc, span, message, fixes)
        if ctx is not None and ctx.source and len(_QUOTE_CHARS.findall(text)) < len(_QUOTE_CHARS.findall(ctx.source)):
            # Fewer marks than the source: a quotation at an end of the source segment may
            # be the one that lost them (« … dar, "wenn die USA … androhen". »).
            yield from self._lost_quotation(doc, ctx.source, marked=True)

    def _paragraph(
        self, doc: Document, para: Span, sp: str, elided: set[int], spaced: bool, tight: bool, detached_end: bool
    ) -> Iterator[Finding]:
        text = doc.text
        marks = [(m.start(), m.group()) for m in _MARKS.finditer(text, para.start, para.end) if m.start() not in elided]
        if not marks:
            return
        straight = [i for i, c in marks if c == '"']
        # A straight mark glued on both sides is stray (« maintenant"on »), unless a function
        # word before it shows an opening mark that lost its space (« un"plan »).
        function = _function_words()
        stray = {
            i for i in straight
            if _glued_left(text, i) and _glued_right(text, i) and not text[i - 1].isdigit()
            and _word_before(text, i).lower() not in function
        }
        if len(straight) % 2 == 1:
            for i in sorted(stray):
                yield self.finding(doc, Span(i, i + 1), "a stray quotation mark glued to the words on both sides", [" "])
            if not stray:
                extra = _extra_mark(text, para, straight, len(marks) == 1)
                if extra is not None:
                    stray.add(extra)
                    yield self.finding(doc, Span(extra, extra + 1), "a stray quotation mark: nothing pairs with it", [""])
        else:
            stray = set()
        # An odd count left: a quotation running over paragraphs, or one mark lost; which
        # mark opens and which closes is unknown, so their spacing is not judged.
        balanced = (len(straight) - len(stray)) % 2 == 0
        tight = tight and balanced
        stack: list[tuple[int, str]] = []  # open marks: (offset, kind) with kind "g", "s", "en", "de", "rev"
        for i, c in marks:
            if i in stray:
                continue
            kinds = [k for _, k in stack]
            if c == "«":
                if "rev" in kinds and not _glued_right(text, i):
                    yield from self._close(doc, i, c, stack, "rev", sp)
                else:
                    stack.append((i, "g"))
                    if spaced and _glued_right(text, i):
                        yield self.finding(doc, Span(i, i + 2), "no space after « «", ["«" + sp + text[i + 1]], autofix=True)
            elif c == "»":
                if "g" in kinds:
                    yield from self._close(doc, i, c, stack, "g", sp, spaced=spaced)
                elif "s" in kinds:
                    yield from self._close(doc, i, c, stack, "s", sp)
                elif _glued_right(text, i) and not _glued_left(text, i):
                    stack.append((i, "rev"))
                    yield self.finding(doc, Span(i, i + 1), "« » » opens a quotation, German style: write « « »", ["«" + sp], autofix=True)
            elif c == "„":
                stack.append((i, "de"))
                yield self.finding(doc, Span(i, i + 1), "German opening mark « „ »: write « « »", ["«" + ("" if text[i + 1 : i + 2] in _SPACES else sp)], autofix=True)
            elif c == "“":
                if "de" in kinds:
                    yield from self._close(doc, i, c, stack, "de", sp)
                elif "g" in kinds:
                    stack.append((i, "inner"))  # the French inner quotation
                else:
                    stack.append((i, "en"))
                    yield self.finding(doc, Span(i, i + 1), "English opening mark « “ »: write « « »", ["«" + ("" if text[i + 1 : i + 2] in _SPACES else sp)], autofix=True)
            elif c == "”":
                if "inner" in kinds:
                    stack.remove(next(o for o in reversed(stack) if o[1] == "inner"))
                elif "en" in kinds or "de" in kinds:
                    yield from self._close(doc, i, c, stack, "en" if "en" in kinds else "de", sp)
            elif c == '"':
                if "s" in kinds:
                    yield from self._close(doc, i, c, stack, "s", sp, tight=tight)
                elif "g" in kinds and not (_glued_right(text, i) and not _glued_left(text, i)):
                    yield from self._close(doc, i, c, stack, "g", sp)
                elif detached_end and _closes_paragraph(text, i, para.end):
                    # « la stagflation. " » at the end of a paragraph: a closing mark whose
                    # opening is in an earlier paragraph, detached from its words
                    start = i
                    while start > para.start and text[start - 1] in _SPACES:
                        start -= 1
                    yield self.finding(doc, Span(start, i + 1), "space before the closing quotation mark", ['"'], autofix=True)
                else:
                    stack.append((i, "s"))
                    if balanced and _glued_left(text, i) and text[i - 1] not in ":":
                        yield self.finding(doc, Span(i, i + 1), "no space before the opening quotation mark", [' "'], autofix=True)
                    elif tight and text[i + 1 : i + 2] == " ":
                        yield self.finding(doc, Span(i, i + 2), "space after the opening quotation mark", ['"'], autofix=True)

    def _single_marks(self, doc: Document, para: Span, sp: str) -> Iterator[Finding]:
        """English single marks used as quotation marks (« ‘Les parents ont le droit’, a-t-elle
        dit »), outside guillemets: the closing one is the apostrophe sign before a space or
        a punctuation mark."""
        text = doc.text
        seen, depth = para.start, 0  # guillemets open before the match, counted once
        for m in _SINGLE.finditer(text, para.start, para.end):
            depth += text.count("«", seen, m.start()) - text.count("»", seen, m.start())
            seen = m.start()
            if depth > 0:
                continue  # an inner quotation inside guillemets
            yield self.finding(doc, Span(m.start(), m.start() + 1), "English single quotation mark « ‘ »: write « « »", ["«" + sp], autofix=True)
            yield self.finding(doc, Span(m.end() - 1, m.end()), "English single quotation mark « ’ »: write « » »", [sp + "»"], autofix=True)

    def _lost_quotation(self, doc: Document, source: str, marked: bool = False) -> Iterator[Finding]:
        """The source quotes a passage at the start or the end of its segment and the
        translation has no quotation mark at all, or (marked) fewer marks than the source and
        none at its end (the start is left alone there: an incise may have moved it): the
        marks were lost. The first word, or the last punctuation, of
        the translation is reported, where the mark goes back."""
        text = doc.text
        src = source.strip()
        if marked and "\n" in text.strip():
            return  # a document of several paragraphs: its ends are not the segment's
        for m in _SOURCE_QUOTE.finditer(src):
            quoted = next(g for g in m.groups() if g is not None)
            if len(quoted.split()) < _MIN_QUOTED_WORDS:
                continue
            mark = '"' if m.group().startswith('"') else "«" + NBSP
            close = '"' if mark == '"' else NBSP + "»"
            if m.start() == 0:
                first = re.search(r"[^\W_][\w'’-]*", text)
                if first is not None and not text[: first.start()].strip() and not marked:
                    yield self.finding(doc, Span(first.start(), first.end()), "the source quotes this passage: the opening quotation mark is missing", [mark + first.group()])
            if _END.fullmatch(src, m.end()) is not None:
                last = re.search(r"([^\W_][\w'’-]*)([.!?…]*)[ \u00a0]*$", text)
                if last is not None:
                    stop = last.group(2)
                    span = Span(last.start(2), last.end(2)) if stop else Span(last.start(1), last.end(1))
                    fix = close + stop if stop else last.group(1) + close
                    if marked:  # among other marks, the last word shows which quotation lost it
                        span, fix = Span(last.start(1), last.end(2)), last.group(1) + close + stop
                    yield self.finding(doc, span, "the source quotes this passage: the closing quotation mark is missing", [fix])

    def _close(
        self, doc: Document, i: int, c: str, stack: list[tuple[int, str]], kind: str, sp: str, spaced: bool = False, tight: bool = True
    ) -> Iterator[Finding]:
        """The mark at i closes the last open quotation of this kind: report what is wrong
        with it (a foreign or mismatched mark, the spaces around it, a missing comma)."""
        text = doc.text
        opened = next(o for o in reversed(stack) if o[1] == kind)
        del stack[stack.index(opened) :]
        start = i
        while start > 0 and text[start - 1] in _SPACES:
            start -= 1
        inner = text[opened[0] + 1 : start].rstrip()
        problems = []
        if kind == "s":
            if c != '"':
                problems.append("a quotation opened with « \" » is closed with « » »")
            elif start < i and tight:
                problems.append("space before the closing quotation mark")
            mark = '"' if tight or c != '"' else text[start:i] + '"'
        else:
            space = text[start:i]
            if kind in ("en", "de"):
                problems.append(f"{'English' if kind == 'en' else 'German'} closing mark « {c} »: write « » »")
            elif kind == "rev":
                problems.append("« « » closes a quotation, German style: write « » »")
            elif c == '"':
                problems.append("a quotation opened with « « » is closed with « \" »")
            elif spaced and not space and _glued_left(text, i):
                problems.append("no space before « » »")
            mark = (space or (sp if problems else "")) + "»"
        glued = text[i + 1 : i + 2].isalnum()
        after = text[i + 1 :].lstrip(_SPACES)
        comma = opens_incise(text, i + 1) and not inner.endswith(("?", "!", "…", "...", ",")) and not after.startswith(",")
        if comma:
            problems.append("the incise after the quotation needs a comma")
        if glued:
            problems.append("the closing mark is glued to the next word")
        if not problems:
            return
        replacement = mark + ("," if comma else "") + (" " if glued else "")
        yield self.finding(doc, Span(start, i + 1), "; ".join(problems), [replacement], autofix=len(problems) == 1 and not comma)
