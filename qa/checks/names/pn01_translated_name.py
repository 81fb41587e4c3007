"""PN01: proper names translated word for word.

The renderings MT produces of the names PN01 knows come from qa.knowledge.names;
this module matches them in the text and keeps those that stand as a proper noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from qa.checks.base import Check, Context
from qa.knowledge.conditions import at_sentence_start
from qa.knowledge.names import (
    DETERMINER_BEFORE,
    HINTS,
    KB,
    Name,
    Rendering,
    content_words,
    definite,
    knowledge,
    named_in,
    original_core,
    plain_lower,
    renderings_of,
    titles_rendering,
)
from qa.checks.names.titles import MEDIA_NOUN, unknown_titles
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.textutil import adjust_determiner, capitalize_first, fold_key, starts_with_vowel_sound

# --- context evidence -------------------------------------------------------------------

_FRAME_BEFORE = re.compile(
    r"\b(selon|d'apr[eè]s|cit[eéè]e?s? par|interrog[eéè]e?s? par|publi[eéè]e?s? (?:\w+ )?par|notamment|photo|"
    r"quotidien|journal|hebdomadaire|magazine|site|cha[iî]ne|radio|agence|ong|organisation|association|syndicat|"
    r"d[eéè]clar[eéè]|indiqu[eéè]|confi[eéè]|affirm[eéè]|expliqu[eéè]|racont[eéè]|pr[eéè]cis[eéè]|"
    r"r[eéè]v[eéè]l[eéè]|"
    r"rapport[eéè]?|entretien|interview|groupe|soci[eéè]t[eéè]|entreprise|g[eéè]ant|constructeur|compagnie|"
    r"firme|fabricant|gestionnaire|fonds|p[eéè]trolier|assureur|op[eéè]rateur|distributeur|enseigne|"
    r"laboratoire|[eéè]diteur|transporteur|brasseur|chimiste|sid[eéè]rurgiste|banque|t[eéè]l[eéè]vision|"
    r"tablo[iï]d|mensuel|think tank|centre de r[eéè]flexion|institut|enqu[eê]te|article|reportage|"
    r"[eé]ditorial|sondage|obtenus?)\b")
_FRAME_AFTER = re.compile(
    r"^\W*(?:\w+ ){0,2}?(rapport\w*|[eéè]cri\w*|r[eéè]v[eéè]l\w*|indiqu\w*|affirm\w*|soulign\w*|publi[eéè]\w*|"
    r"pr[eéè]cis\w*|expliqu\w*|consacr\w*|annonc\w*|estim\w*|not[eé]\w*|cit[eé]\w*|assure\w*|d[eéè]nonc\w*|"
    r"document\w*|\(afp\)|\(reuters\))\b"
    # An apposition that says what the name is: « Image, le quotidien à grand tirage ».
    r"|^\s*[,(]\s*(?:le|la|l'|un|une|son|sa)\s*(?:\w+\s+){0,2}?(?:quotidien|journal|hebdomadaire|magazine|"
    r"mensuel|tablo[iï]d|site|cha[iî]ne|radio|agence|ong|organisation|organisme|association|syndicat|f[eé]d[eé]ration|"
    r"groupe|soci[eé]t[eé]|entreprise|banque|institut|fondation|think tank|centre|parti|club)\b")
_MEDIA = re.compile(r"\b(presse|journal|journaux|quotidien|hebdomadaire|article|interview|entretien|"
                    r"[eéè]ditorial|reportage|enqu[eê]te|rapport|ong|organisation|chercheu\w+)\b")


def _foreign(word: str) -> bool:
    from qa.knowledge.wordlists import zipf  # wordfreq's answers, from the compiled table

    w = word.lower()
    return max(zipf(w, lang) for lang in ("en", "nl", "de")) > zipf(w, "fr") + 1




# A verb of saying earlier in the clause, and the name its addressee (« à », « au »).
_SAID_TO = re.compile(r"\b(?:d[eé]clar|indiqu|confi|expliqu|affirm|pr[eé]cis|racont|assur|dit|r[eé]pondu|soulign|"
                      r"annonc|admis|reconnu|critiqu|estim)\w*\b[^.;:!?«»\"“”]{0,80}?(?:\s|^)(?:au|aux|à la|à l['’])\s*$")


def evidence(doc: Document, start: int, end: int, sentence: Span) -> tuple[bool, bool, bool]:
    """(frame right before, reporting verb right after, media word in the sentence)."""
    raw = doc.text[max(sentence.start, start - 70) : start]
    # « a déclaré M. Fuest au … »: the speaker's name sits between the verb and « au ».
    raw = _SPEAKER.sub(" ", raw)
    before = plain_lower(raw[-45:])
    before = " ".join(before.split()[-4:])
    after = plain_lower(doc.text[end : min(sentence.end, end + 40)])
    whole = plain_lower(doc.text[sentence.start : start] + " " + doc.text[end : sentence.end])
    return bool(_FRAME_BEFORE.search(before)), bool(_FRAME_AFTER.search(after)), bool(_MEDIA.search(whole))


_OPEN_Q = re.compile(r"[«“\"]\s*(?:(?:le|la|les|l['’])\s*)?$", re.I)
_CLOSE_Q = re.compile(r"\s*[»”\"]")
# « M. » and the like end no sentence, though the splitter may think so.
_ABBREV_END = re.compile(r"(?:^|\s)(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr|St|Ste)\.\s*$")


_SPEAKER = re.compile(r"(?<=[a-zéèêû])\s+(?:(?:M|Mme|MM|Dr|Pr)\.?\s+)?(?:[A-ZÀ-Ý][\w’'-]+\s+){1,3}"
                      r"(?=(?:au|aux|à|à la|à l[’'])\s*[«“\"]?\s*$)")


def _sentence(doc: Document, offset: int) -> Span | None:
    sentence = doc.sentence_at(offset)
    while sentence is not None and sentence.start > 0 and _ABBREV_END.search(doc.text, max(0, sentence.start - 8), sentence.start):
        previous = doc.sentence_at(sentence.start - 1)
        if previous is None or previous.start >= sentence.start:
            break
        sentence = Span(previous.start, sentence.end)
    return sentence




def _score(doc: Document, entry: Name, ctx: Context) -> int:
    return 2 * _hints_in(doc.folded[0], entry.lang) + (5 if ctx.source_lang == entry.lang else 0)


@lru_cache(maxsize=8)
def _hints_in(folded: str, lang: str) -> int:
    """How many of lang's hint words occur in a document's folded text: a search of the
    whole text per hint, asked for every candidate name, so remembered per text."""
    return sum(1 for h in HINTS.get(lang, ()) if re.search(r"(?<!\w)" + re.escape(h.rstrip("*")), folded))


# After a bare proper noun: a verb, a coordination, a comma or a bracket, never « de » (a
# complement makes a common noun phrase: « Gestion des forêts de la région »).
_AFTER_BARE = re.compile(r"\s*(?:[,;()–]|\s(?:et|ou|a|ont|est|sont|avait|avaient|va|vont|qui|estime|juge|menace|"
                         r"critique|demande|réclame|affirme|appelle|dénonce|rapporte|écrit|publie|tire|tirent)\b)")
_BEFORE_BARE = re.compile(r"(?:\b(?:par|et|ou|avec|contre|entre)|[,–])\s+$")


def bare_proper_noun(doc: Document, span: Span) -> bool:
    """A capitalised phrase without a determiner, as the subject of its sentence (or a clause
    after a dateline), after « par », « et », « avec », and followed by what follows a name."""
    if not _AFTER_BARE.match(doc.text, span.end):
        return False
    if at_sentence_start(doc, span.start):
        return True
    return bool(_BEFORE_BARE.search(doc.text, max(0, span.start - 12), span.start))


# A French determiner, then an opening quotation mark before the name.
_QUOTED_AFTER_DET = re.compile(r"(?:^|(?<=\s))(?:le|la|les|l['’]|du|des|au|aux)\s*[«“\"]\s*$", re.I)


def replacement(doc: Document, start: int, entry: Name, capital_det: bool) -> tuple[int, str]:
    """Where the edit begins and its text, with the French determiner before it fixed."""
    det = DETERMINER_BEFORE.search(doc.text, max(0, start - 8), start)
    if det is None and entry.foreign_article and _QUOTED_AFTER_DET.search(doc.text, max(0, start - 10), start):
        return start, entry.bare  # « au « Miroir » » → « au « Spiegel » »: the French article stays
    if det and capital_det:
        s = det.start()
        if entry.foreign_article or not entry.article:
            return s, entry.french
        art = definite(entry.french, "f" if entry.article == "la" else "mp" if entry.article == "les" else "m")
        if entry.article in ("le", "la") and entry.french[:1] in "Hh":
            art = f"{entry.article} {entry.french}"  # a foreign h is aspirated: « le Handelsblatt »
        return s, capitalize_first(art) if at_sentence_start(doc, s) else art
    if det and not entry.article:
        low = plain_lower(det.group(1))
        keep = {"du": "de ", "des": "de ", "au": "à ", "aux": "à ", "de": "de ", "d'": "de "}.get(low, "")
        text = keep + entry.french
        if keep == "de " and starts_with_vowel_sound(entry.french):
            text = "d’" + entry.french
        return det.start(), capitalize_first(text) if det.group(1)[0].isupper() else text
    if det and entry.article in ("le", "la", "les", "l’"):
        rebuilt = _rebuild_determiner(doc, det, entry)
        if rebuilt is not None:
            return rebuilt
    text = entry.bare if det else entry.french
    rw = adjust_determiner(doc.text, start, text, "f" if entry.article == "la" else None)
    return rw.start, rw.replacement


_CONTRACT = {("de", "le "): "du ", ("de", "les "): "des ", ("à", "le "): "au ", ("à", "les "): "aux "}
_SPLIT = {"du": ("de", "le"), "des": ("de", "les"), "au": ("à", "le"), "aux": ("à", "les")}


def _rebuild_determiner(doc: Document, det: re.Match[str], entry: Name) -> tuple[int, str] | None:
    """« selon la Poste du matin… » → « selon le South China Morning Post »: the name's own
    article replaces the one MT chose for the translated noun, contracted with « de »/« à »."""
    low = plain_lower(det.group(1))
    start, prep = det.start(), ""
    if low in _SPLIT:
        prep = _SPLIT[low][0]
    elif low in ("le", "la", "les", "l'"):
        p = re.search(r"(?:^|(?<=\s))(de|à)\s+$", doc.text[max(0, start - 4) : start])
        if p:
            prep, start = p.group(1), start - len(p.group(0))
    else:
        return None
    art = {"le": "le ", "la": "la ", "les": "les ", "l’": "l’"}[entry.article]
    det_text = _CONTRACT.get((prep, art), f"{prep} {art}" if prep else art)
    old = doc.text[start : det.end()]
    if plain_lower(det_text).strip() == plain_lower(old).strip():
        return det.end(), entry.bare  # the determiner is already right: edit the name only
    out = det_text + entry.bare
    return start, capitalize_first(out) if old[:1].isupper() else out


# A media noun, up to two qualifiers, then a lowercase article and a capitalised title.
_LOWER_TITLE = re.compile(r"\b(" + MEDIA_NOUN + r")(?:\s+[a-zà-ÿ][\w-]*){0,2}?\s+(le|la|les|l['’])\s*"
                          r"([A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*){0,3})")


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
    data_files = ("names.toml", "lexicon.tsv")

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        kb = knowledge()
        matches = list(kb.matcher.finditer(doc.text, doc.folded, longest=False))
        blocks = [m for m in matches if None in m.payloads]
        taken: list[Span] = []
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
        yield from self._lowercased_titles(doc, ctx, taken)
        for span in unknown_titles(doc, kb):
            if not any(t.overlaps(span) for t in taken):
                yield self.finding(
                    doc, span, f"« {doc[span]} » looks like a foreign title translated into French: "
                    "French keeps the original name of a foreign newspaper or channel",
                    severity=Severity.INFO,
                )

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
                    det = DETERMINER_BEFORE.search(doc.text, max(0, span.start - 8), span.start)
                    s, repl = replacement(doc, span.start, entry, bool(det and det.group(1)[0].isupper()))
                    if "’" not in doc.text and "'" in doc.text:
                        repl = repl.replace("’", "'")
                    found = self.finding(
                        doc, Span(s, span.end), f"« {m.group(0)} » is the name « {entry.name} » of the source "
                        f"translated word for word: write « {repl} »", suggestions=[repl], autofix=False)
                    taken.append(found.span)
                    yield found

    def _judge(self, doc: Document, ctx: Context, span: Span, renders: list[Rendering],
               previous_end: int = -1) -> Finding | None:
        text = doc[span]
        if doc.text[span.start - 1 : span.start] in ("-", "‑") or doc.text[span.end : span.end + 1] in ("-", "‑"):
            return None  # part of a compound: « outre-Atlantique » is no title
        sentence = _sentence(doc, span.start) or Span(span.start, span.end)
        para = doc.paragraph_at(span.start) or sentence
        ws = content_words(re.findall(r"[^\W\d_][\w’'-]*", text))
        if not ws:
            return None
        # A title in quotes keeps its quotes when MT lowercases it: « à "l’image du dimanche" ».
        quoted = len(ws) >= 2 and bool(_OPEN_Q.search(doc.text, max(0, span.start - 6), span.start)
                                       and _CLOSE_Q.match(doc.text, span.end))
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
        before = before or bool(_SAID_TO.search(plain_lower(doc.text[max(sentence.start, span.start - 110) : span.start])))
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
            ok = not (prev and _foreign(prev.group(1))) and not (nxt and _foreign(nxt.group(1))) and not quoted
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
            ok = cap and (before or after or alone) and not complement and not common
        if not ok:
            return None
        renders.sort(key=lambda r: -_score(doc, r.entry, ctx))
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
