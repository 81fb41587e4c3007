"""AR03: commentary by the translating system — a sentence, line or bracketed note about the
translation itself, or the formulas a chat model wraps around its answer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from qa.checks.artifacts._commentary import (
    DATA_FILE, deletion, english, english_commentary, lexicon, scope_cue, spoken, words,
)
from qa.checks.base import Check, Context
from qa.checks.split import ByParagraph
from qa.knowledge.nlp import Analysis, Token
from qa.model.caches import word_cache
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity

_OPEN_CLOSE = {"(": ")", "[": "]"}
# At most this many tokens between the « je » and the « vous » of an offer of help.
OFFER_REACH = 8


class Commentary(ByParagraph, Check):
    """Commentary by the translating system, which is no part of the article: a
    presentative (« Voici la traduction en français : »), a translator's note in brackets or
    as a line (« (Note : le terme … a été traduit par …) », « N.d.T. : … »), a remark about
    the source (« Le texte source contient une faute de frappe »), a label of the
    translation (« Traduction : », « Texte original : … », « ### Traduction », « **Titre :** »),
    the closing offer of help (« J'espère que cette traduction vous convient. N'hésitez pas à
    me demander… ») and the same in English (« Sure! Here is the translation: »).

    A sentence is commentary when, outside any quotation or dialogue, spaCy's lemmas show it
    speaks of translation (traduire, traduction, traducteur…) and it addresses the user (first
    person singular or second person), opens with a presentative or a note label; or it
    uses the jargon of translation (« texte source », « langue cible »); or it states a
    rendering decision (« le terme … a été traduit par … », « le nom a été conservé en
    allemand »); or, in the first person singular, it offers help to a second person in the
    same clause. A bracket opened by a translator's
    label is commentary wherever it stands, even inside a quotation. The word classes are
    data (qa/data/llm_commentary.toml). An interview with a translator, a book « traduit de
    l'anglais », « la version originale », « Remarque : » about anything else stay quiet.
    The fix deletes the whole sentence, line or bracket and keeps every other byte.

    Mauvais : « Voici la traduction en français :\\nGand prolonge son tramway »
    Bon :     « Gand prolonge son tramway »
    """

    code = "AR03"
    priority = 115
    needs_nlp = True
    # Not local: a whole line is deleted with its line break, which lies outside the
    # paragraph. Split (qa.checks.split): a paragraph's part reads the blanks around it.
    paragraph_local = False
    reach = (0, 0)
    data_files = (DATA_FILE,)
    name = "artifact.commentary"
    category = Category.ARTIFACT
    summary = "Commentary by the translating system (preamble, translator's note, closing formula)"
    severity = Severity.ERROR
    autofix = "all"

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> Iterable[int] | None:
        return [k for k, p in enumerate(doc.paragraphs) if _cued(doc[p])]

    def part(self, doc: Document, ctx: Context, k: int, facts: None) -> tuple[tuple[int, int, Finding], ...]:
        para = doc.paragraphs[k]
        nlp = None
        if _cued(doc[para]):
            analysis = ctx.analysis(doc)
            nlp = analysis if analysis.covers(k) else None
        # A deleted line's break may lie before the paragraph: offsets relative to its start
        # are kept beside each finding (a Span is never negative).
        return tuple((f.span.start - para.start, f.span.end - para.start, f) for f in self._paragraph(doc, para, nlp))

    def combine(self, doc: Document, ctx: Context, parts: Sequence[tuple[tuple[int, int, Finding], ...]],
                facts: None) -> Iterator[Finding]:
        for para, part in zip(doc.paragraphs, parts, strict=True):
            for start, end, f in part:
                yield replace(f, span=Span(para.start + start, para.start + end))

    def _paragraph(self, doc: Document, para: Span, nlp: Analysis | None) -> Iterator[Finding]:
        lex = lexicon()
        text = doc[para]
        label = lex.line_label.match(text)
        # without its colon, a label is a heading (« # Titre », « Traduction »), unless
        # the model marked it up (« ### Traduction »)
        if label and ":" not in label.group() and (label.group("structure") or not text.lstrip()[:1] in "#*_"):
            label = None
        if label:
            span = para if label.group("original") or label.end() == len(text) else Span(para.start, para.start + label.end())
            yield self._found(doc, span, "label of the translation")
            return
        taken: list[Span] = []
        for bracket in self._notes(doc, para, nlp):
            taken.append(bracket)
            yield self._found(doc, bracket, "translator's note")
        runs: list[list[Span]] = []
        sentences = [s for s in doc.sentences_in(para) if not any(s.overlaps(t) for t in taken)]
        heads = [self._head(doc, s, nlp) for s in sentences]
        for head in heads:
            if head is not None:
                yield self._found(doc, head, "commentary of the translation")
        flagged = [head is None and self._commentary(doc, s, nlp) for s, head in zip(sentences, heads)]
        self._sweep(doc, sentences, flagged, nlp)
        for i, s in enumerate(sentences):
            if flagged[i]:
                if i > 0 and runs and runs[-1][-1] == sentences[i - 1]:
                    runs[-1].append(s)
                else:
                    runs.append([s])
        for run in runs:
            yield self._found(doc, Span(run[0].start, run[-1].end), "commentary of the translation")

    def _found(self, doc: Document, span: Span, what: str) -> Finding:
        cut = deletion(doc, span)
        shown = doc[span] if len(span) <= 80 else doc[span][:77] + "…"
        return self.finding(doc, cut, f"{what} « {shown} » left in the text: delete it", [""], autofix=True)

    def _notes(self, doc: Document, para: Span, nlp: Analysis | None) -> Iterator[Span]:
        """Brackets opened by a translator's label, or by a note label over a topic word."""
        lex, text = lexicon(), doc[para]
        for i, ch in enumerate(text):
            close = _OPEN_CLOSE.get(ch)
            if close is None:
                continue
            end = text.find(close, i + 1, i + 500)
            if end < 0:
                continue
            inner = text[i + 1 : end]
            if lex.translator_label.match(inner):
                yield Span(para.start + i, para.start + end + 1)
            else:
                span = Span(para.start + i, para.start + end + 1)
                if lex.note_label.match(inner) and english_commentary(inner):
                    yield span
                elif len(inner.split()) >= 4 and self._commentary(doc, span, nlp, inside=True):
                    yield span  # « (Le nom de l'entreprise a été conservé en anglais.) »

    def _sweep(self, doc: Document, sentences: list[Span], flagged: list[bool], nlp: Analysis | None) -> None:
        """Commentary comes in runs: a neighbour of a flagged sentence goes with it when it is
        an interjection (« Bien sûr ! ») or speaks of translation (a topic lemma outside
        quotation: « Cette traduction conserve le registre du texte d'origine. »)."""
        lex = lexicon()
        changed = True
        while changed:
            changed = False
            for i, s in enumerate(sentences):
                near = (i > 0 and flagged[i - 1]) or (i + 1 < len(sentences) and flagged[i + 1])
                if flagged[i] or not near:
                    continue
                topical = any(t.lemma.lower() in lex.topic for t in self._tokens(s, nlp) if not spoken(doc, t.start))
                if lex.interjection.fullmatch(doc[s]) or topical:
                    flagged[i] = changed = True

    def _head(self, doc: Document, sentence: Span, nlp: Analysis | None) -> Span | None:
        """« Voici la traduction : Le port de Hambourg recrute… », « Here is the translation:
        Le port… »: a presentation glued to the article's first sentence, cut at its colon."""
        text = doc[sentence]
        colon = text.find(":")
        if colon < 0 or not text[colon + 1 :].strip():
            return None
        head = Span(sentence.start, sentence.start + colon + 1)
        before = text[:colon]
        if english(before) or any(w in lexicon().presentatives for w in words(before)[:4]):
            return head if self._commentary(doc, head, nlp) else None
        return None

    def _tokens(self, span: Span, nlp: Analysis | None) -> list[Token]:
        return [] if nlp is None else [t for t in nlp.in_span(span.start, span.end) if t.pos != "PUNCT"]

    def _commentary(self, doc: Document, sentence: Span, nlp: Analysis | None, inside: bool = False) -> bool:
        lex, text = lexicon(), doc[sentence]
        if inside:  # a bracket is judged on its words, wherever it stands
            text = text[1:-1]
        elif spoken(doc, sentence.start) and spoken(doc, sentence.end - 1):
            return False  # a quotation or a line of dialogue: someone's words
        if english(text):
            return english_commentary(text)
        if lex.translator_label.match(text):
            return True
        tokens = [t for t in self._tokens(sentence, nlp) if inside or not spoken(doc, t.start)]
        if not tokens:
            return False
        lemmas = [t.lemma.lower() for t in tokens]
        topic = any(lm in lex.topic for lm in lemmas)
        if any(_contains(lemmas, j) for j in lex.jargon):
            return True
        first = any(_person(t, "1") for t in tokens)  # (an offer of help needs more: below)
        second = any(_person(t, "2") for t in tokens)
        wording = any(t.lemma.lower() in lex.words and t.pos == "NOUN" for t in tokens)  # « l'original », not « version originale »
        language = any(lm in lex.languages for lm in lemmas)
        presents = any(w in lex.presentatives for w in words(text)[:4])
        if topic and (first or presents):
            return True
        # the second person alone is also the reader of service journalism (« DeepL vous
        # permet de traduire… »): the user is addressed about this translation, or served
        if topic and second and (any(lm in lex.service for lm in lemmas) or _this_translation(tokens, lex.topic)):
            return True
        if presents and text.rstrip().endswith(":") and language and any(lm in lex.announced for lm in lemmas):
            return True  # « Bien sûr, voici le texte en français : »
        rendered = any(t.pos == "VERB" and (t.lemma.lower() in lex.actions or t.lemma.lower() in lex.topic) for t in tokens)
        if lex.note_label.match(text) and (topic or wording or first or (rendered and "par" in lemmas)):
            return True
        if wording and rendered and (language or first or second or "par" in lemmas):
            return True  # a rendering decision: « Le nom a été conservé en anglais. », « … traduit par … »
        if not any(lm in lex.service for lm in lemmas) or nlp is None:
            return False
        # the offer of help: a first person singular and a second person in one clause
        # (« N'hésitez pas à me demander si vous souhaitez… »), not in two coordinated ones
        # and a few words apart: a pronoun of each (an imperative is the second person too)
        ones = [t for t in tokens if _person(t, "1") and t.pos != "VERB"]
        twos = [t for t in tokens if _person(t, "2") and (t.pos != "VERB" or t.morph.get("Mood") == "Imp")]
        return any(abs(a.i - b.i) <= OFFER_REACH and _clause(nlp, a) == _clause(nlp, b) for a in ones for b in twos)


@word_cache(4096)  # a paragraph's text: an editor's edit changes one
def _cued(paragraph: str) -> bool:
    """Whether the paragraph holds a word commentary needs (scope_cue): the others need no parse."""
    return scope_cue().search(paragraph) is not None


def _contains(seq: list[str], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(tuple(seq[i : i + n]) == part for i in range(len(seq) - n + 1))


def _this_translation(tokens: list[Token], topic: frozenset[str]) -> bool:
    """« cette traduction », « ma traduction »: the translation at hand."""
    return any(
        t.lemma.lower() in topic and t.pos == "NOUN" and i > 0
        and (tokens[i - 1].morph.get("PronType") == "Dem" or tokens[i - 1].morph.get("Poss") == "Yes")
        for i, t in enumerate(tokens)
    )


def _clause(nlp: Analysis, t: Token) -> int:
    """The head of t's clause: up the parse to the root, or to a coordinated or juxtaposed
    clause (« je retourne souvent…, son hôte est là pour vous aider »: two clauses)."""
    steps = 0
    while t.dep not in ("ROOT", "conj", "parataxis") and t.head != t.i and steps < 50:
        t, steps = nlp.tokens[t.head], steps + 1
    return t.i


def _person(t: Token, person: str) -> bool:
    """A pronoun, possessive or verb of that person (first: singular only; « nous » is the
    paper's own voice)."""
    if t.morph.get("Person") != person or t.pos not in ("PRON", "DET", "VERB", "AUX"):
        return False
    return person == "2" or t.morph.get("Number") == "Sing"
