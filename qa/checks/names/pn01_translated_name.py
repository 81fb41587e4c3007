"""PN01: proper names translated word for word.

The renderings MT produces of the names PN01 knows come from qa.knowledge.names;
this module matches them in the text and keeps those that stand as a proper noun.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from qa.checks.base import Check, Context
from qa.checks.names.aligned_names import rendered_names
from qa.checks.names.evidence import (
    CLOSE_Q,
    OPEN_Q,
    SAID_TO,
    bare_proper_noun,
    evidence,
    foreign,
    local_hints,
    sentence_of,
)
from qa.checks.names.fixes import rendering_fix, replacement
from qa.checks.names.hints import hint_counts
from qa.checks.names.source_names import translated_source_names
from qa.checks.names.streets import street_findings
from qa.checks.names.title_case import load_dictionaries, title_case_names
from qa.checks.names.titles import MEDIA_NOUN, unknown_titles
from qa.knowledge.conditions import at_sentence_start
from qa.knowledge.names import (
    DETERMINER_BEFORE,
    KB,
    Name,
    Rendering,
    content_words,
    knowledge,
    named_in,
    original_core,
    plain_lower,
    renderings_of,
    titles_rendering,
)
from qa.model.caches import word_cache
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import fold_key


def _score(doc: Document, entry: Name, ctx: Context) -> int:
    return 2 * hint_counts(doc.text).get(entry.lang, 0) + (5 if ctx.source_lang == entry.lang else 0)


def _title_heads(text: str) -> frozenset[str]:
    """The keys of titles_rendering whose first word (as _title_pattern matches it) is in
    text. A title's first word holds no line break, so a text matches only the titles
    whose first word one of its lines holds: an edit searches its line alone."""
    return frozenset(key for key in titles_rendering() if _head_pattern(key).search(text))


_title_heads_of_line = word_cache(4096)(_title_heads)
# Up to this many lines (an article), a text is searched line by line, each line
# remembered; a longer one at once (thousands of short searches would cost more).
_BY_LINE = 256


def _by_line(
    text: str, remembered: Callable[..., frozenset[str]], plain: Callable[..., frozenset[str]]
) -> list[tuple[str, Callable[..., frozenset[str]]]]:
    lines = text.split("\n")
    return [(line, remembered) for line in lines] if len(lines) <= _BY_LINE else [(text, plain)]


@lru_cache(maxsize=256)
def _head_pattern(key: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w’'-])" + re.escape(key.split()[0]).replace("'", "['’]"), re.I)


@lru_cache(maxsize=256)
def _title_pattern(key: str) -> re.Pattern[str]:
    """A folded title as a case-insensitive whole-word pattern (apostrophes either way)."""
    words = [re.escape(w).replace("'", "['’]") for w in key.split()]
    return re.compile(r"(?<![\w’'-])" + r"\s+".join(words) + r"(?![\w-])", re.I)


# A media noun, up to two qualifiers, then a lowercase article and a capitalised title.
_LOWER_TITLE = re.compile(r"\b(" + MEDIA_NOUN + r")(?:\s+[a-zà-ÿ][\w-]*){0,2}?\s+(le|la|les|l['’])\s*"
                          r"([A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*){0,3})")


_LANG = {"de": "a German", "nl": "a Dutch", "en": "an English"}


class NameTranslated(Check):
    """A media outlet, organisation or company name translated word for word.

    French keeps the original name of foreign newspapers, agencies, NGOs and firms
    (« le Financial Times », « Der Spiegel », « Human Rights Watch ») or uses the
    official French name (« Médecins sans frontières »). The renderings MT produces
    are generated from a knowledge base of names and a bilingual lexicon; a match is
    reported only with evidence: capitals, an attribution frame (« selon »,
    « a déclaré au », « rapporte ») or a media word nearby. Real French titles
    (« Le Temps », « Le Monde », « La Croix ») are never reported. A title made only
    of French words that the sentence itself calls foreign (« le quotidien allemand
    Le Messager du Rhin », « X, un quotidien britannique ») is reported as information,
    without a suggestion, even when the name is not in the knowledge base.

    Mauvais : « Selon le Temps Financier, les sanctions sont contournées. »
    Bon :     « Selon le Financial Times, les sanctions sont contournées. »
    """

    code = "PN01"
    priority = 20
    name = "names.translated"
    category = Category.NAME_TRANSLATED
    summary = "Proper name translated word for word"
    data_files = ("names.toml", "lexicon.tsv", "name_heads.toml", "places.toml", "exonyms.toml", "gender.tsv", "first_names.toml", "persons.toml")

    def prepare(self, ctx: Context) -> None:  # the server's warm-up: the dictionaries of title case
        load_dictionaries()

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        kb = knowledge()
        matches = list(kb.matcher.finditer(doc.text, doc.folded, longest=False))
        blocks = [m for m in matches if None in m.payloads]
        taken: list[Span] = []
        if ctx.source:
            # A longer name of the source the lexicon renders (« Brabants Nieuwsblad ») comes
            # before a known name inside it (« Nieuwsblad »).
            yield from self._unknown_in_source(doc, ctx, taken)
            yield from self._rendered_in_source(doc, ctx, taken)
        for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
            renders = [p for p in m.payloads if p is not None]
            if not renders or any(b.start <= m.start and m.end <= b.end for b in blocks):
                continue
            span = Span(m.start, m.end)
            if any(t.overlaps(span) for t in taken):
                continue
            found = self._judge(doc, ctx, span, renders, taken[-1].end if taken else -1)
            if found is not None:
                taken.append(found.span)
                yield found
        if ctx.source:
            yield from self._named_in_source(doc, ctx, kb, taken)
        yield from street_findings(self, doc, ctx.source, ctx.source_lang, taken)
        yield from self._lowercased_titles(doc, ctx, taken)
        yield from self._bare_titles(doc, ctx, taken)
        for span in unknown_titles(doc, kb):
            if not any(t.overlaps(span) for t in taken):
                taken.append(span)
                yield self.finding(
                    doc, span, f"« {doc[span]} » looks like a foreign title translated into French: "
                    "French keeps the original name of a foreign newspaper or channel",
                    severity=Severity.INFO,
                )
        for span, lang in title_case_names(doc):
            if not any(t.overlaps(span) for t in taken):
                yield self.finding(doc, span, f"« {doc[span]} » is capitalised like {_LANG[lang]} name translated word "
                                   "for word: French keeps the original name of a foreign newspaper, firm, body or "
                                   "street, or writes a body's French name with its first word capitalised only",
                                   severity=Severity.INFO)

    def _bare_titles(self, doc: Document, ctx: Context, taken: list[Span]) -> Iterator[Finding]:
        """« Image, le quotidien à grand tirage », « selon Image », « Héraut a révélé »: a French
        title always keeps its article, so a rendering that is also a French title (« L’Image »)
        standing bare as a proper noun, with a frame, is the foreign name translated."""
        heads: set[str] = set()
        for line, search in _by_line(doc.text, _title_heads_of_line, _title_heads):
            heads |= search(line)
        for key, entries in titles_rendering().items():
            if key not in heads:
                continue
            pattern = _title_pattern(key)
            for m in pattern.finditer(doc.text):
                span = Span(m.start(), m.end())
                if not m.group(0)[0].isupper() or any(t.overlaps(span) for t in taken):
                    continue
                if DETERMINER_BEFORE.search(doc.text, max(0, span.start - 8), span.start):
                    continue  # « Le Temps », « selon le Monde »: the French title or a common noun
                if re.match(r"\s*(?:de|du|des|d['’]|[A-ZÀ-Ý])", doc.text[span.end : span.end + 4]):
                    continue  # a complement or a longer name: « Image de marque », « Temps Nouveaux »
                sentence = sentence_of(doc, span.start) or span
                before, after, _ = evidence(doc, span.start, span.end, sentence)
                said = bool(SAID_TO.search(plain_lower(doc.text[max(sentence.start, span.start - 110) : span.start])))
                if not (before or after or said or bare_proper_noun(doc, span, single=" " not in key)):
                    continue
                ranked = sorted((e for e in entries if _score(doc, e, ctx) > 0), key=lambda e: -_score(doc, e, ctx))
                if not ranked:
                    continue  # nothing says which foreign country the title is from
                s, repl = replacement(doc, span.start, ranked[0], False)
                suggestions = [repl, *(replacement(doc, span.start, e, False)[1] for e in ranked[1:])]
                found = self.finding(
                    doc, Span(s, span.end), f"« {m.group(0)} » stands bare as a proper noun: it is the name "
                    f"« {ranked[0].name} » translated (a French title keeps its article); write « {repl} »",
                    suggestions=list(dict.fromkeys(suggestions)), autofix=False)
                taken.append(found.span)
                yield found

    def _lowercased_titles(self, doc: Document, ctx: Context, taken: list[Span]) -> Iterator[Finding]:
        """« a déclaré au quotidien le Temps »: a French title keeps its capital article
        (« le quotidien Le Temps »), so a lowercased one after a media noun is the rendering of
        a foreign title (« De Tijd »), chosen by the text's country."""
        table = None  # built on the first candidate: most texts have none
        for m in _LOWER_TITLE.finditer(doc.text):
            table = table if table is not None else titles_rendering()
            words = m.group(3).split()
            for n in range(len(words), 0, -1):
                entries = table.get(fold_key(" ".join(words[:n])))
                if entries:
                    break
            else:
                continue
            end = m.start(3) + len(" ".join(words[:n]))
            span = Span(m.start(3), end)
            if any(t.overlaps(span) for t in taken):
                continue
            ranked = sorted(entries, key=lambda e: -_score(doc, e, ctx))
            entry = ranked[0]
            if _score(doc, entry, ctx) == 0:
                continue  # nothing says which foreign country the title is from
            # In apposition to the media noun the title takes no article: « au quotidien De Tijd ».
            s, repl = m.start(2), entry.french
            found = self.finding(
                doc, Span(s, span.end), f"« {doc.text[s:span.end]} » after « {m.group(1)} » is the name "
                f"« {entry.name} » translated: a French title would keep its capital article; write « {repl} »",
                suggestions=[e.french for e in ranked if _score(doc, e, ctx) > 0], autofix=False)
            taken.append(found.span)
            yield found

    def _named_in_source(self, doc: Document, ctx: Context, kb: KB, taken: list[Span]) -> Iterator[Finding]:
        """With the source at hand, a name it writes that the target does not, and a
        capitalised rendering of that name in the target: the name was translated, even
        where the rendering is also a French title (« De Morgen » → « Le Matin »)."""
        source = ctx.source or ""
        for entry in kb.names:
            if entry.lang == "fr" or entry.kind == "institution":
                continue
            core = original_core(entry)
            if not named_in(source, entry) or re.search(r"(?<!\w)" + re.escape(core) + r"(?!\w)", doc.text, re.I):
                continue
            for text in renderings_of(entry):
                pattern = r"(?<![\w-])" + re.escape(text).replace("’", "['’]") + r"(?![\w-])"
                for m in re.finditer(pattern, doc.text, re.I):
                    span = Span(m.start(), m.end())
                    words = content_words(re.findall(r"[^\W\d_][\w’'-]*", m.group(0)))
                    if not words or not words[0][0].isupper() or any(t.overlaps(span) for t in taken):
                        continue
                    s, repl = rendering_fix(doc, span, entry)
                    found = self.finding(
                        doc, Span(s, span.end), f"« {m.group(0)} » is the name « {entry.name} » of the source "
                        f"translated word for word: write « {repl} »", suggestions=[repl], autofix=False)
                    taken.append(found.span)
                    yield found

    def _unknown_in_source(self, doc: Document, ctx: Context, taken: list[Span]) -> Iterator[Finding]:
        """A source name PN01 does not know, rendered word for word in the aligned target."""
        for span, entry in translated_source_names(doc, ctx.source or "", ctx.source_lang or "en"):
            if any(t.overlaps(span) for t in taken):
                continue
            s, repl = rendering_fix(doc, span, entry)
            found = self.finding(
                doc, Span(s, span.end), f"« {doc[span]} » renders the source name « {entry.name} » word for word: "
                f"French keeps a foreign title or firm's name as it is; write « {repl} »",
                suggestions=[repl], autofix=False)
            taken.append(found.span)
            yield found

    def _rendered_in_source(self, doc: Document, ctx: Context, taken: list[Span]) -> Iterator[Finding]:
        """A capitalised source name the aligned target renders word by word, the words matched
        through the bilingual dictionaries (qa.checks.names.aligned_names)."""
        source = ctx.source or ""
        known: list[Span] | None = None  # the renderings of known names the source names
        for found in rendered_names(doc, source, ctx.source_lang or "en"):
            if any(t.overlaps(found.span) for t in taken):
                continue
            if known is None:
                known = [Span(m.start, m.end) for m in knowledge().matcher.finditer(doc.text, doc.folded, longest=False)
                         if any(p is not None and named_in(source, p.entry) for p in m.payloads)]
            if any(k.overlaps(found.span) for k in known):
                continue  # a known name of the source: the main pass gives its French form
            entry = Name(found.name, found.lang, "media", found.name, found.article)
            s, repl = rendering_fix(doc, found.span, entry)
            finding = self.finding(
                doc, Span(s, found.span.end), f"« {doc[found.span]} » renders the source name « {found.name} » "
                "word by word: French keeps a foreign title, firm's or NGO's name as it is; "
                f"write « {repl} »", suggestions=[repl], autofix=False)
            taken.append(finding.span)
            yield finding

    def _judge(self, doc: Document, ctx: Context, span: Span, renders: list[Rendering],
               previous_end: int = -1) -> Finding | None:
        text = doc[span]
        if doc.text[span.start - 1 : span.start] in ("-", "‑") or doc.text[span.end : span.end + 1] in ("-", "‑"):
            return None  # part of a compound: « outre-Atlantique » is no title
        sentence = sentence_of(doc, span.start) or Span(span.start, span.end)
        para = doc.paragraph_at(span.start) or sentence
        ws = content_words(re.findall(r"[^\W\d_][\w’'-]*", text))
        if not ws:
            return None
        # A title in quotes keeps its quotes when MT lowercases it: « à "l’image du dimanche" ».
        quoted = len(ws) >= 2 and bool(OPEN_Q.search(doc.text, max(0, span.start - 6), span.start)
                                       and CLOSE_Q.match(doc.text, span.end))
        if not ws[0][0].isupper() and not quoted:
            return None
        area = plain_lower(doc.text[sentence.start : span.start] + " @ " + doc.text[span.end : sentence.end])
        renders = [r for r in renders
                   if not any(re.search(r"(?<!\w)" + re.escape(plain_lower(a)), area) for a in r.entry.avoid_when)]
        if not renders:
            return None
        how = renders[0].how
        det = DETERMINER_BEFORE.search(doc.text, max(0, span.start - 8), span.start)
        det_start = det.start() if det else span.start
        capital_det = bool(det and det.group(1)[0].isupper())
        starts = at_sentence_start(doc, span.start)
        cap = not starts or len([w for w in ws[1:] if w[0].isupper()]) > 0 or quoted
        before, after, media = evidence(doc, det_start, span.end, sentence)
        before = before or bool(SAID_TO.search(plain_lower(doc.text[max(sentence.start, span.start - 110) : span.start])))
        # « du Gardien et du Miroir »: coordinated with a name already reported.
        before = before or (0 <= previous_end <= det_start
                            and bool(re.fullmatch(r"\s*(?:,|et|ou)\s*", doc.text[previous_end:det_start])))
        alone = doc[para].strip(" .©:-–") in (text, doc.text[det_start : span.end])
        all_caps = all(w[0].isupper() for w in ws)
        if how == "untranslated":
            # Part of a longer foreign name (« British Red Cross ») or a quoted title.
            prev = re.search(r"([A-Z][\w-]*)\s+$", doc.text[max(sentence.start, span.start - 30) : span.start])
            opened = doc.text[para.start : span.start]
            quoted = opened.count("«") > opened.count("»") or opened.count("“") > opened.count("”")
            # … or before it: « Friends of the Earth Ireland » is the Irish branch's own name.
            nxt = re.match(r"\s+([A-Z][\w-]*)", doc.text[span.end : span.end + 30])
            ok = not (prev and foreign(prev.group(1))) and not (nxt and foreign(nxt.group(1))) and not quoted
        elif all(r.how == "generic" for r in renders):
            ok = cap and (before or after) and not starts and all(w[0].isupper() for w in ws[:1])
        elif len(ws) >= 2 and all(r.how == "listed" and r.entry.kind == "institution" for r in renders) \
                and ws[0][0].isupper() and not quoted:
            # A curated rendering of a party's or an institution's name (« Parti du travail »)
            # needs no frame when the text is about that country, even at a sentence start.
            ok = (cap and (before or after or media or all_caps or alone)) or any(
                _score(doc, r.entry, ctx) > 0 for r in renders)
        elif len(ws) >= 2:
            # A capital mid-sentence marks a proper noun; at a sentence start the frame tells.
            # (A lowercase rendering in quotes, « du « temps financier » », has no capital.)
            ok = cap and ((not starts and ws[0][0].isupper()) or before or after or media or all_caps or alone
                          or len(ws) >= 3)
            # A capitalised noun phrase with no determiner stands as a proper noun: the subject
            # of a sentence, a coordination, an agent after « par » (« Moulins généraux et
            # Cargill ont averti », « publié par Monuments naturels »).
            ok = ok or (det is None and not quoted and bare_proper_noun(doc, span))
        else:
            # A title rarely takes a complement: « le Gardien de la paix », « Politique de défense ».
            # … nor a capitalised word after it: « l’Oiseau Jean Dupont » is a person.
            complement = re.match(r"\s+(de|du|des|d['’]|[A-Z])", doc.text[span.end : span.end + 5])
            # « la Politique » is the common noun when the name takes no article.
            # (After « selon » a capitalised « l’Économiste » closed by punctuation is a title.)
            titled = before and bool(re.match(r"\s*[,.;:!?»”)]", doc.text[span.end : span.end + 3]))
            common = bool(det) and not capital_det and not all(r.entry.article for r in renders) and not titled
            # … nor is a word inside a longer proper name (« la Belle Époque »).
            # (A capitalised word before the determiner is another name: « la Bahn au Miroir ».)
            prev = None if det else re.search(r"([A-ZÀ-Ý][\w-]*)\s+$", doc.text[max(sentence.start, span.start - 30) : span.start])
            common = common or bool(prev and not at_sentence_start(doc, span.start - len(prev.group(0))))
            # A bare word standing as a subject, an agent or in a coordination is a name:
            # « Image a publié », « révélé par Gardien », « Miroir et Étoile ont publié ».
            bare = det is None and not quoted and bare_proper_noun(doc, span, single=True)
            # An apposition naming a medium tells even at a sentence start: « Image, le quotidien ».
            cap = cap or bare or (det is None and after)
            ok = cap and (before or after or alone or bare) and not complement and not common
        if not ok:
            return None
        renders.sort(key=lambda r: -_score(doc, r.entry, ctx) - 3 * local_hints(doc, sentence, r.entry.lang))
        entry = renders[0].entry
        s, repl = replacement(doc, span.start, entry, capital_det)
        suggestions = [repl]
        for other in dict.fromkeys(r.entry for r in renders[1:]):
            s2, r2 = replacement(doc, span.start, other, capital_det)
            suggestions.append(doc.text[s:s2] + r2 if s2 >= s else r2)
        if "’" not in doc.text and "'" in doc.text:  # keep the text's apostrophes
            suggestions = [x.replace("’", "'") for x in suggestions]
        category = Category.UNTRANSLATED if how == "untranslated" else self.category
        label = "left untranslated" if how == "untranslated" else "translated word for word"
        return self.finding(
            doc, Span(s, span.end), f"« {text} » is the name « {entry.name} » {label}: write « {suggestions[0]} »",
            suggestions=suggestions, category=category,
            autofix=len(ws) >= 2 and len({r.entry for r in renders}) == 1,
        )

