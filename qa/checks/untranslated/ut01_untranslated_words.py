"""UT01: words of the source language (English, Dutch, German) left in the French text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.prose import in_code, in_quotes
from qa.knowledge.foreign_words import SOURCES, foreign_language, german_compound, german_name_shape, name_words, source_compound
from qa.knowledge.wordlists import is_french_form, other_script, zipf
from qa.checks.untranslated._addresses import address_spans
from qa.checks.untranslated._modifier import complement, with_article
from qa.knowledge.source_nouns import suggest
from qa.data import load_toml
from qa.knowledge.inflection import noun_gender
from qa.model.caches import word_cache
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import PhraseMatcher, SpanSet, adjust_determiner, is_sentence_start, word_list

# A lone word must stand out more than a run of several.
_SINGLE_MARGIN = 2.8
# Short words shared with French or Latin that only continue a foreign run.
_CONNECTORS = frozenset(["a", "an", "in", "on", "to", "op", "te", "zu", "im"])
# A capitalised French article opens the sentence; it is no part of the name after it.
_FRENCH_ARTICLES = frozenset({"le", "la", "les", "l", "un", "une", "du", "des"})
# « par corona », « contre corona »: after a preposition the noun stands alone.
_PREPOSITIONS = frozenset("à après avant avec chez contre dans de depuis en entre malgré par pendant pour sans selon sous sur vers".split())
_GAP = re.compile(r"[ \u00a0]+")
# A source function word that is also a French form, followed by « à »: French (« dus à »).
_FRENCH_AFTER = re.compile(r"[ \u00a0]+(?:à|au|aux)\b")
_ARTICLE = re.compile(r"(?:\b(?i:du|au|le|la|de|des|aux)[ \u00a0]+|\b[lLdD]['’])$")


@cache
def _data() -> dict[str, dict[str, object]]:
    return load_toml("untranslated.toml")


@cache
def _keep_matcher() -> PhraseMatcher[str]:
    names = [str(n) for n in _data()["bodies"]["keep"]]  # type: ignore[union-attr]
    # Names the name checks (PN01) know, with their right French form: theirs to report.
    try:
        names += [str(entry["name"]) for entry in load_toml("names.toml")["names"]]
    except (FileNotFoundError, KeyError, TypeError):
        pass
    return PhraseMatcher((str(n), str(n)) for n in names)


# The determiner may open the sentence (« Les Beschneiungsanlagen consomment »).
_GERMAN_BEFORE = re.compile(r"(?:\b(?i:la|le|les|des|du|de|au|aux|une|un|sa|son|ses|cette|ce|ces|cet|chaque|leur|leurs"
                            r"|notre|nos|votre|vos|quelques|plusieurs)[ \u00a0]+|\b[lLdD]['’])$")
# A German article or contracted preposition left before the noun (« die Stationen », « am
# Donnerstag »), after a lower-case French word: the whole group is untranslated.
_GERMAN_ARTICLE = re.compile(r"(?<=[a-zà-ÿ,][ \u00a0])(?:die|der|das|den|dem|am|im|zum|zur|vom|beim)[ \u00a0]+$")


_WORD_CHAR = re.compile(r"[\w-]")
_BLANKS = " \u00a0"


def _listed_bare(text: str, word: str) -> bool:
    """Whether text holds word whole after a comma, a semicolon, a parenthesis, « et » or
    « ou » and blanks, as in a list of names (« …, Salzgitter »). What the search of
    ``(?:[,;(]|(?<![\w-])(?:et|ou))[ \u00a0]+WORD(?![\w-])`` over the text answers, found
    from the places of the word (str.find): that search read the whole text for each word."""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if not _WORD_CHAR.match(text, end):
            k = at - 1
            while k >= 0 and text[k] in _BLANKS:
                k -= 1
            if k < at - 1 and k >= 0 and (text[k] in ",;(" or (
                    k >= 1 and text[k - 1 : k + 1] in ("et", "ou") and not (k >= 2 and _WORD_CHAR.match(text, k - 2)))):
                return True
        at = text.find(word, at + 1)
    return False


@word_cache(1 << 16)
def _kind(word: str) -> str:
    """F: a foreign word; C: a short connector (« a », « in »); B: a word common in a
    source language that may bridge two foreign words; N: anything else."""
    if not (word.isalpha() and word.islower()) or other_script(word):
        return "N"
    if word in _CONNECTORS:
        return "C"
    if len(word) >= 3 and foreign_language(word):
        return "F"
    if max(zipf(word, lang) for lang in SOURCES) >= 3.5:
        return "B"
    return "N"


@word_cache(1 << 16)
def _leans_foreign(word: str) -> bool:
    return not is_french_form(word) and max(zipf(word, lang) for lang in SOURCES) > zipf(word)


def _joined(doc: Document, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return _GAP.fullmatch(doc.text[a[1] : b[0]]) is not None


@cache
def _phrase_table() -> dict[str, str]:
    return dict(_data().get("phrases", {}))  # type: ignore[arg-type]


@cache
def _phrase_pattern() -> re.Pattern[str]:
    words = sorted(_phrase_table(), key=len, reverse=True)
    alternatives = "|".join(r"[ \u00a0]+".join(re.escape(w) for w in p.split()) for p in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


class UntranslatedWords(Check):
    """Words of the source language left as they were.

    Lower-case runs of words far more frequent in English, Dutch or German than in French
    (« the situation was under control », « regering »), German common nouns after a
    French article (« la Lieferung »), and English descriptive names of public bodies
    that French translates (« l’Immigration Services Agency », with a translation when
    every word is known). Loanwords (« week-end », « leader ») and names are left alone;
    a nationality adjective before a name is PN02's.

    Mauvais : « Ils ont été arrêtés lors d’un rendez-vous auprès de l’Immigration Services Agency. »
    Bon :     « Ils ont été arrêtés lors d’un rendez-vous auprès de l’Agence des services de l’immigration. »
    """

    code = "UT01"
    uses_spacy = True  # a noun's gender from the model (qa.knowledge.inflection)
    priority = 270
    data_files = ("untranslated.toml", "names.toml", "conjugation.toml", "gender.tsv", "lexicon.tsv", "grammar.toml", "noun_genders.tsv", "numbers.toml")
    paragraph_local = True
    name = "untranslated.words"
    category = Category.UNTRANSLATED
    summary = "Source-language words left untranslated"
    severity = Severity.WARNING
    autofix = "none"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        kept = [(m.start, m.end) for m in _keep_matcher().finditer(doc.text, doc.folded)]
        kept += address_spans(doc.text)
        inside = SpanSet(kept)
        tokens = [(s, e, w) for s, e, w in word_list(doc.text) if not (inside and inside.covers(s)) and not in_code(doc, s)]
        phrases = list(self._phrases(doc, inside))
        known = phrases + [f for f in (*self._known(doc, tokens), *self._function_words(doc, tokens), *self._modifiers(doc, tokens))
                           if not any(f.span.overlaps(p.span) for p in phrases)]
        yield from known
        # A listed word carries its translation: the generic passes do not report it again.
        taken = [f.span for f in known]
        for finding in (*self._lowercase_runs(doc, tokens), *self._bodies(doc, tokens),
                        *self._german_nouns(doc, tokens), *self._source_articles(doc, tokens)):
            if not any(finding.span.overlaps(t) for t in taken):
                yield finding

    def _phrases(self, doc: Document, inside: SpanSet) -> Iterator[Finding]:
        """Listed fixed phrases of the source language (« zum Beispiel », « in het kader van »)."""
        for m in _phrase_pattern().finditer(doc.text):
            s = m.start()
            if inside.covers(s) or in_code(doc, s) or in_quotes(doc, s):
                continue
            french = _phrase_table()[" ".join(m.group().lower().split())]
            if m.group()[:1].isupper() and is_sentence_start(doc.text, s):
                french = french[:1].upper() + french[1:]
            yield self.finding(doc, Span(s, m.end()), f"« {m.group()} » is left untranslated: « {french} »", [french])

    def _known(self, doc: Document, tokens: list[tuple[int, int, str]]) -> Iterator[Finding]:
        """Listed words French translates although its copy often borrows them (« guidelines »)."""
        table: dict[str, str] = _data().get("translations", {})  # type: ignore[assignment]
        for s, e, w in tokens:
            french = table.get(w.lower())
            if french is None or in_quotes(doc, s) or self._in_name(doc, [(s, e, w)]):
                continue
            if w[:1].isupper() and not is_sentence_start(doc.text, s) and not _ARTICLE.search(doc.text[max(0, s - 8) : s]):
                continue  # « Microsoft Outlook »: a capital without an article is a name
            if w[:1].isupper() and is_sentence_start(doc.text, s):
                french = french[:1].upper() + french[1:]
            yield self.finding(doc, Span(s, e), f"« {w} » is left untranslated: « {french} »", [french])

    def _function_words(self, doc: Document, tokens: list[tuple[int, int, str]]) -> Iterator[Finding]:
        """Source function words and sentence adverbs among French words (« Echter », « und »)."""
        table: dict[str, str] = _data()["function_words"]  # type: ignore[assignment]
        for i, (s, e, w) in enumerate(tokens):
            french = table.get(w.lower())
            if french is None or not (w.islower() or (w.istitle() and is_sentence_start(doc.text, s))):
                continue
            # A neighbour of the source language: the run is reported whole, or it is a quotation.
            near = [tokens[k] for k in (i - 1, i + 1) if 0 <= k < len(tokens)]
            if any(_kind(t[2]) == "F" or t[2].lower() in table for t in near if _joined(doc, *sorted((t, tokens[i])))):
                continue
            if self._in_name(doc, [(s, e, w)]) or (is_french_form(w.lower()) and _FRENCH_AFTER.match(doc.text, e)):
                continue  # « les dommages dus au virus »: the French participle
            if w[:1].isupper():
                french = french[:1].upper() + french[1:]
            yield self.finding(doc, Span(s, e), f"« {w} » is a {self._lang_of(w)} word left untranslated: « {french} »", [french])

    def _modifiers(self, doc: Document, tokens: list[tuple[int, int, str]]) -> Iterator[Finding]:
        """Source nouns used as modifiers (« la crise corona » → « la crise du coronavirus »)."""
        table: dict[str, dict[str, str]] = _data()["modifiers"]  # type: ignore[assignment]
        for i, (s, e, w) in enumerate(tokens):
            forms = table.get(w.lower())
            if forms is None or in_quotes(doc, s) or (w[:1].isupper() and is_sentence_start(doc.text, s)) or self._in_name(doc, [(s, e, w)]):
                continue
            prev = tokens[i - 1][2] if i else ""
            after_noun = bool(prev) and prev.islower() and _joined(doc, tokens[i - 1], tokens[i]) and not _ARTICLE.search(
                doc.text[max(0, s - 8) : s]) and zipf(prev) >= 3.0 and prev not in _FRENCH_ARTICLES | _PREPOSITIONS
            span = Span(s, e)
            if after_noun:
                french = complement(forms, doc.text, self._heads(doc, tokens, i))
            elif prev and prev.islower() and _joined(doc, tokens[i - 1], tokens[i]) and with_article(forms, prev):
                span, french = Span(tokens[i - 1][0], e), with_article(forms, prev)  # « de Corona » → « du coronavirus »
            else:
                french = forms["alone"]
            yield self.finding(doc, span, f"« {w} » is a source-language noun left in the text: « {french} »", [french])

    @staticmethod
    def _heads(doc: Document, tokens: list[tuple[int, int, str]], i: int) -> list[tuple[int, int, str]]:
        """The head noun before the modifier at i, and the adjective between when there is
        one (« injection financière corona »): a word of unknown gender after a noun."""
        prev = tokens[i - 1]
        if i >= 2 and noun_gender(prev[2].lower()) is None and tokens[i - 2][2].islower() \
                and _joined(doc, tokens[i - 2], prev) and noun_gender(tokens[i - 2][2].lower()) is not None:
            return [tokens[i - 2], prev]
        return [prev]

    @staticmethod
    def _lang_of(word: str) -> str:
        lang = max(SOURCES, key=lambda x: zipf(word.lower(), x))
        return {"en": "English", "nl": "Dutch", "de": "German"}[lang]

    def _lowercase_runs(self, doc: Document, tokens: list[tuple[int, int, str]]) -> Iterator[Finding]:
        kinds = [_kind(w) for _, _, w in tokens]
        i = 0
        while i < len(tokens):
            if kinds[i] != "F":
                i += 1
                continue
            j = i
            # Grow the run over foreign words and over words common in the source language
            # that sit between foreign ones (« the situation was under control »).
            while j + 1 < len(tokens) and kinds[j + 1] in ("F", "B", "C") and _joined(doc, tokens[j], tokens[j + 1]):
                j += 1
            while j > i and kinds[j] != "F" and not (kinds[j] == "B" and _leans_foreign(tokens[j][2])):
                j -= 1
            run = tokens[i : j + 1]
            i = j + 1
            foreign = [w for (_, _, w), k in zip(run, kinds[i - len(run) : i], strict=True) if k == "F"]
            if len(run) == 1 and not foreign_language(run[0][2], _SINGLE_MARGIN):
                continue
            if in_quotes(doc, run[0][0]) or self._in_name(doc, run):
                continue
            h = i - len(run) - 1  # « Last but not least »: back to the sentence's capitalised first word
            while len(run) > 1 and h > 0 and tokens[h][2].islower() and _joined(doc, tokens[h], tokens[h + 1]) \
                    and max(zipf(tokens[h][2], x) for x in SOURCES) >= zipf(tokens[h][2]) + 1:
                h -= 1
            if len(run) > 1 and h >= 0 and tokens[h][2].istitle() and is_sentence_start(doc.text, tokens[h][0]) \
                    and _joined(doc, tokens[h], tokens[h + 1]) and _leans_foreign(tokens[h][2].lower()):
                run = [*tokens[h : i - len(run)], *run]
            span = Span(run[0][0], run[-1][1])
            langs = [foreign_language(w) or "en" for w in foreign]
            lang = max(set(langs), key=langs.count)
            name = {"en": "English", "nl": "Dutch", "de": "German"}[lang]
            rewrite = suggest(doc.text, span.start, span.end, [lang]) if len(run) == 1 else None
            if rewrite is not None:
                span = Span(rewrite[0], span.end)
            yield self.finding(doc, span, f"« {run[0][2] if len(run) == 1 else doc[span]} » looks {name}: translate it",
                               [rewrite[1]] if rewrite else [])

    def _source_articles(self, doc: Document, tokens: list[tuple[int, int, str]]) -> Iterator[Finding]:
        articles = set(_data()["source_articles"]["words"])  # type: ignore[arg-type]
        for (s, e, w), (s2, _, w2) in zip(tokens, tokens[1:], strict=False):
            if w.lower() not in articles or not (w.istitle() or w.isupper()) or not _joined(doc, (s, e, w), (s2, 0, w2)):
                continue
            # Before a French word only: « The Economist », « Het Parool » are names.
            if not w2.islower() or not is_french_form(w2) or foreign_language(w2) or in_quotes(doc, s):
                continue
            span = Span(s, e)
            yield self.finding(doc, span, f"source-language article « {w} » left before « {w2} »: translate it")

    def _german_nouns(self, doc: Document, tokens: list[tuple[int, int, str]]) -> Iterator[Finding]:
        data = _data()["german_nouns"]
        suffixes = tuple(data["suffixes"])  # type: ignore[arg-type]
        keep = set(data["keep"])  # type: ignore[arg-type]
        for s, e, w in tokens:
            if not w[:1].isupper() or not w[1:].islower() or w in keep or w in name_words():
                continue
            article = _GERMAN_ARTICLE.search(doc.text[max(0, s - 9) : s])
            if not (article or _GERMAN_BEFORE.search(doc.text[max(0, s - 9) : s])) or is_french_form(w.lower()):
                continue
            if _listed_bare(doc.text, w):
                continue  # « le concurrent de Saxe du Sud, Salzgitter »: bare elsewhere, a name
            # Two German words glued, or more (« Volkshochschul|träger|verein »: a rarer word still).
            compound = len(w) >= 9 and zipf(w.lower()) < 1.5 and (
                german_compound(w) or (zipf(w.lower()) == 0 and len(w) >= 14 and not german_name_shape(w) and source_compound(w, "de")))
            if not compound and (foreign_language(w, _SINGLE_MARGIN) != "de" or zipf(w.lower(), "en") > 2.5):
                continue
            if not compound and not article and not w.endswith(suffixes):
                continue  # after a German article any German noun is untranslated (« am Donnerstag »)
            start = s - len(article.group()) if article else s
            message = f"German noun « {doc.text[start:e]} » left in the text: translate it"
            rewrite = None if article else suggest(doc.text, s, e, ["de"])
            if rewrite is not None:
                start = rewrite[0]
            yield self.finding(doc, Span(start, e), message, [rewrite[1]] if rewrite else [])

    @staticmethod
    def _in_name(doc: Document, run: list[tuple[int, int, str]]) -> bool:
        """Lower-case words inside a capitalised name: « Carl von Linné », « Being at Home
        with Claude », « Arts and Sciences »."""
        before = re.search(r"([^\W\d_][\w-]*)[ \u00a0]+$", doc.text[max(0, run[0][0] - 40) : run[0][0]])
        after = re.match(r"[ \u00a0]+([^\W\d_][\w-]*)", doc.text[run[-1][1] : run[-1][1] + 40])
        if after is not None and after.group(1)[:1].isupper():
            return True
        return before is not None and before.group(1)[:1].isupper() and not is_sentence_start(doc.text, run[0][0] - len(before.group()))

    def _bodies(self, doc: Document, tokens: list[tuple[int, int, str]]) -> Iterator[Finding]:
        heads = set(_data()["bodies"]["heads"])  # type: ignore[arg-type]
        for i, (s, e, w) in enumerate(tokens):
            if w not in heads:
                continue
            j = i
            while j > 0 and tokens[j - 1][2][:1].isupper() and tokens[j - 1][2].lower() not in _FRENCH_ARTICLES and _GAP.fullmatch(doc.text[tokens[j - 1][1] : tokens[j][0]]):
                j -= 1
            end = e
            # « Ministry of Defence »: the head first, an English « of » and a name after it.
            tail = re.match(r"[ \u00a0]+of[ \u00a0]+((?:[A-Z][\w-]*[ \u00a0]?)+)", doc.text[e : e + 80])
            if tail:
                end = e + tail.end(1) - (1 if tail.group(1)[-1:].isspace() else 0)
            elif j == i:
                continue
            run = tokens[j : i + 1]
            if any(zipf(t[2].lower(), "en") < zipf(t[2].lower()) for t in run):
                continue  # a French word inside: « l’Office National … » is French
            if not _ARTICLE.search(doc.text[max(0, run[0][0] - 8) : run[0][0]]):
                continue
            span = Span(run[0][0], end)
            french = translate_body(doc[span])
            options: list[str] = []
            if french is not None:
                rewrite = adjust_determiner(doc.text, span.start, french[0], french[1])
                span = Span(rewrite.start, span.end)
                options = [rewrite.replacement]
            yield self.finding(doc, span, f"English name « {doc[span]} » of a public body: French translates it", options)


_CONTRACT = (("de les ", "des "), ("de le ", "du "))


def _of(np: str) -> str:
    out = "de " + np
    for a, b in _CONTRACT:
        if out.startswith(a):
            return b + out[len(a) :]
    return out


def translate_body(name: str) -> tuple[str, str] | None:
    """French for an English descriptive name made of known words, and its gender:
    « Immigration Services Agency » → (« Agence des services de l’immigration », "f")."""
    data = _data()
    heads: dict[str, dict[str, str]] = data["body_heads"]  # type: ignore[assignment]
    nouns: dict[str, str] = data["body_words"]  # type: ignore[assignment]
    adjectives: dict[str, dict[str, str]] = data["body_adjectives"]  # type: ignore[assignment]
    words_ = name.split()
    if " of " in f" {name} ":
        before, _, after = name.partition(" of ")
        if before not in heads or after not in nouns:
            return None
        head = heads[before]
        return f"{head['french']} {_of(nouns[after])}", head["gender"]
    *mods, last = words_
    if last not in heads:
        return None
    head = heads[last]
    feminine = head["gender"] == "f"
    adjs: list[str] = []
    parts: list[str] = []
    i = 0
    while i < len(mods):
        pair = " ".join(mods[i : i + 2])
        if pair in nouns and i + 1 < len(mods):
            parts.append(nouns[pair])
            i += 2
        elif mods[i] in nouns:
            parts.append(nouns[mods[i]])
            i += 1
        elif mods[i] in adjectives and not parts:
            adjs.append(adjectives[mods[i]]["f" if feminine else "m"])
            i += 1
        else:
            return None
    # English stacks modifiers before the head; French chains them after it, nearest first.
    tail = " ".join(_of(np) for np in reversed(parts))
    return " ".join(x for x in (head["french"], *adjs, tail) if x), head["gender"]
