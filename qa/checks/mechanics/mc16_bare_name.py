"""MC16: a name French writes with its article, left bare by a literal translation — an
organisation after a preposition or as a subject (« l'actionnaire de Commerzialbank »,
« ; AGV Lüdenscheid soutient »), and a verb with no subject after a quotation
(« "…", est l'impression de … »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.data import load_toml
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import capitalize_first, is_sentence_start, starts_with_vowel_sound

# An acronym: « F.A.S. », « AGV »; the full stop that ends a sentence may follow it, not a
# word (« example.DE.com »).
_ACRONYM = r"(?:[A-ZÀ-Ý]\.){2,}|[A-ZÀ-Ý]{2,6}(?!\w|\.\w)"
_NAME = re.compile(rf"(?<![\w.’'-])({_ACRONYM}|[A-ZÀ-Ý][a-zà-ÿß]+[a-zß]{{3,}})(?![\w’'-])")
# « la Commerzialbank », « l’AGV », « du VHS »: the article a text gives a name.
_WITH_ARTICLE = re.compile(rf"(?<![\w’'-])(le|la|l’|l'|du|au)[ \u00a0]?({_ACRONYM}|[A-ZÀ-Ý][\w-]+)", re.IGNORECASE)
# « l’Association des employeurs (AGV) »: an acronym defined after a noun with its article.
_DEFINED = re.compile(rf"(?<![\w’'-])((?i:le|la|l’|l'))[ \u00a0]?[A-ZÀ-Ýa-zà-ÿ][^()\n]{{0,60}}\((\s*{_ACRONYM}\s*)\)")
# Where a subject may open a clause: after a comma, a semicolon or a conjunction.
_CLAUSE_START = re.compile(r"(?:[,;]|(?<![\w’'-])(?:et|mais|car|que|qu[’']|où|quand|si|lorsque|puisque))[ \u00a0]*$")
_ARTICLE_OF = {"du": "le", "au": "le", "l'": "l’"}
# « », est l’impression de » : a copula with no subject after a quotation.
_QUOTE_COPULA = re.compile(r"[»\"”][ \u00a0]*,[ \u00a0]*(est|était|sont|étaient|fut|sera|serait)(?=[ \u00a0]+(?:l[’']|les?[ \u00a0]|la[ \u00a0]|une?[ \u00a0]))")


@cache
def _data() -> dict[str, object]:
    return dict(load_toml("missing_words.toml")["names"])


@cache
def _heads() -> dict[str, str]:
    return dict(_data()["heads"])  # type: ignore[arg-type]


@cache
def _prepositions() -> frozenset[str]:
    return frozenset(_data()["prepositions"])  # type: ignore[arg-type]


def _head_article(name: str) -> str | None:
    """« Commerzialbank » → « la »: a name that ends with a common noun of the source language."""
    low = name.lower()
    for head, gender in _heads().items():
        if low.endswith(head) and len(low) >= len(head) + 3 and not name.isupper():
            return "l’" if starts_with_vowel_sound(name) else ("la" if gender == "f" else "le")
    return None


def _articles(text: str) -> dict[str, str]:
    """The article the text gives each name somewhere (« la Commerzialbank »)."""
    found: dict[str, str] = {}
    for m in _WITH_ARTICLE.finditer(text):
        article = m.group(1).lower()
        if m.group(1)[0].isupper() and not is_sentence_start(text, m.start()):
            continue  # « Le Monde »: the article is part of the name
        found.setdefault(m.group(2), _ARTICLE_OF.get(article, article))
    for m in _DEFINED.finditer(text):
        acronym = m.group(2).strip()
        article = m.group(1).lower()
        found.setdefault(acronym, "l’" if starts_with_vowel_sound(acronym) else _ARTICLE_OF.get(article, article) if article != "l’" else "")
    return {name: article for name, article in found.items() if article}


_ARTICLE_BEFORE = re.compile(r"(?<![\w’'-])(?i:le|la|les|l’|l'|du|des|au|aux)[ \u00a0]?$")


def _usual_article(text: str, name: str) -> bool:
    """The text writes ``name`` with an article more often than without (a definition in
    brackets, « (AGV) », counts as neither)."""
    with_article = bare = 0
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text):
        before = text[max(0, m.start() - 6) : m.start()]
        if before.endswith("("):
            continue
        if _ARTICLE_BEFORE.search(before):
            with_article += 1
        else:
            bare += 1
    return with_article > bare - 1  # the occurrence being judged is bare


_SOURCE_ARTICLE = {
    "de": {"die": "la", "das": "", "des": "", "dem": "", "den": "", "der": ""},
    "nl": {"de": "", "het": ""},
    "en": {"the": ""},
}


def _source_articles(source: str, lang: str) -> dict[str, str]:
    """The names the source writes with an article (« die F.A.S. », « der AGV »): French
    gives them one too. German « die » tells a feminine; the other articles say nothing
    reliable of the French gender (« der » is also a feminine genitive): "" for them."""
    articles = _SOURCE_ARTICLE.get(lang, {})
    found: dict[str, str] = {}
    alternatives = "|".join(f"{a}|{a.capitalize()}" for a in articles)
    # English stacks names before the noun its article goes with (« the GNU Readline package »):
    # there, a name followed by another capitalised word does not own the article. German and
    # Dutch put the article to the whole name (« der AGV Lüdenscheid »).
    longer = r"(?![ \u00a0]+[A-ZÀ-Ý])" if lang == "en" else ""
    pattern = rf"(?<![\w-])({alternatives})[ \u00a0]+({_ACRONYM}|[A-ZÀ-Ý][\w-]+)(?![\w-]){longer}"
    for m in re.finditer(pattern, source):
        if found.get(m.group(2)) != "la":
            found[m.group(2)] = articles[m.group(1).lower()]
    return found


def _article(name: str, known: dict[str, str], in_source: dict[str, str]) -> str | None:
    """The article of ``name``: the one the text gives it, a feminine the source tells, the
    gender of its head noun; an acronym takes one only when the text or the source does."""
    head, acronym = _head_article(name), re.fullmatch(_ACRONYM, name) is not None
    if head is None and not acronym:
        return None  # « de France », « de Jonge »: a place or a person is no concern here
    if name in known:
        return known[name]
    if head is None and name not in in_source:
        return None
    if starts_with_vowel_sound(name):
        return "l’"
    return in_source.get(name) or head or "le"


def _with_article(preposition: str, article: str, name: str) -> str:
    if article == "l’":
        return f"{preposition} l’{name}".strip()
    if preposition in ("de", "d’", "d'") and article == "le":
        return f"du {name}"
    if preposition == "à" and article == "le":
        return f"au {name}"
    return f"{preposition} {article} {name}".strip()


def _subject(token: Token, analysis: Analysis) -> bool:
    """The parse makes the name a subject, or a finite verb follows it (after a second word of
    the name: « AGV Lüdenscheid soutient »)."""
    if token.dep in ("nsubj", "nsubj:pass"):
        return True
    following = analysis.tokens[token.i + 1 : token.i + 3]
    if following and following[0].text[:1].isupper() and following[0].pos == "PROPN":
        following = following[1:]
    return bool(following) and following[0].pos in ("VERB", "AUX") and following[0].morph.get("VerbForm") == "Fin"


class BareName(Check):
    """A name that takes an article in French stands bare.

    A literal translation keeps the source's bare organisation names: after a preposition
    (« l'actionnaire principal de Commerzialbank ») or as a subject (« ; AGV Lüdenscheid
    soutient »). The name takes its article when the text gives it one elsewhere (« la
    Commerzialbank », « l'Association des employeurs (AGV) »), or when it ends with a
    common noun of the source language (« -bank », « -verein », « -verband »: data in
    qa/data/missing_words.toml, [names]). Also a copula with no subject after a quotation:
    « "…", est l'impression de X » (French writes « telle est »).

    Mauvais : « Le siège de Raiffeisenbank ferme ; l'enquête vise Sparkasse. »
    Bon :     « Le siège de la Raiffeisenbank ferme ; l'enquête vise la Sparkasse. »
    """

    code = "MC16"
    priority = 211
    data_files = ("missing_words.toml",)
    name = "mechanics.bare-name"
    category = Category.MISSING_WORD
    summary = "Organisation name without its article; copula without a subject after a quotation"
    needs_nlp = True
    autofix = "none"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for m in _QUOTE_COPULA.finditer(doc.text):
            opening = max(doc.text.rfind(mark, 0, m.start()) for mark in "«\"“")
            if opening < 0 or not is_sentence_start(doc.text, opening):
                continue  # « La course, appelée « Pan Am », est … »: the subject came before
            verb = m.group(1)
            yield self.finding(doc, Span(m.start(1), m.end(1)), f"« {verb} » has no subject after the quotation", [f"telle {verb}" if verb in ("est", "était", "fut", "sera", "serait") else f"telles {verb}", f"c’{verb}"])
        # A segment of a file learns the article from the other segments too (« au BAFA » in
        # one line, « le site de BAFA » in the next).
        whole = doc.text if ctx is None else ctx.file_targets or ctx.file_text or doc.text
        known = _articles(doc.text)
        if whole != doc.text:
            # what other segments teach holds when the file writes the name with its article
            # more often than bare (« la VW » once, « dont VW est » and « de VW »: no habit)
            known.update({n: a for n, a in _articles(whole).items() if n not in known and _usual_article(whole, n)})
        in_source = _source_articles(ctx.source, ctx.source_lang) if ctx.source and ctx.source_lang else {}
        analysis: Analysis | None = None
        for m in _NAME.finditer(doc.text):
            name = m.group(1)
            article = _article(name, known, in_source)
            if article is None:
                continue
            before = doc.text[max(0, m.start() - 30) : m.start()]
            prep = re.search(r"(?<![\w’'-])([a-zà-ÿ]+|d[’'])[ \u00a0]?$", before)
            if prep and prep.group(1).lower() in _prepositions():
                p = prep.group(1)
                span = Span(m.start() - len(prep.group(0)), m.end())
                yield self.finding(doc, span, f"« {name} » takes its article here", [_with_article(p, article, name)])
                continue
            if not (is_sentence_start(doc.text, m.start()) or _CLAUSE_START.search(before)):
                continue
            analysis = analysis or ctx.analysis(doc)
            token = analysis.at(m.start())
            if token is None or not _subject(token, analysis):
                continue
            fix = f"l’{name}" if article == "l’" else f"{article} {name}"
            if is_sentence_start(doc.text, m.start()):
                fix = capitalize_first(fix)
            yield self.finding(doc, Span(m.start(), m.end()), f"the subject « {name} » takes its article", [fix])
