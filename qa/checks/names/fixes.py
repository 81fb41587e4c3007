"""PN01's fixes: the original name, with the French determiner before it made right."""

from __future__ import annotations

import re

from qa.checks.names.titles import MEDIA_NOUN
from qa.knowledge.conditions import at_sentence_start
from qa.knowledge.name_renderings import definite
from qa.knowledge.names import DETERMINER_BEFORE, Name, plain_lower
from qa.model.document import Document, Span
from qa.model.textutil import adjust_determiner, capitalize_first, starts_with_vowel_sound

# A French determiner, then an opening quotation mark before the name.
_QUOTED_AFTER_DET = re.compile(r"(?:^|(?<=\s))(?:le|la|les|l['’]|du|des|au|aux)\s*[«“\"]\s*$", re.I)


def rendering_fix(doc: Document, span: Span, entry: Name) -> tuple[int, str]:
    """Where the fix of a rendering at span starts and what it says: the name with the article
    French gives it (capitalised when the text's determiner was), in the text's apostrophe."""
    det = DETERMINER_BEFORE.search(doc.text, max(0, span.start - 8), span.start)
    start, repl = replacement(doc, span.start, entry, bool(det and det.group(1)[0].isupper()))
    if "’" not in doc.text and "'" in doc.text:
        repl = repl.replace("’", "'")
    return start, repl


def replacement(doc: Document, start: int, entry: Name, capital_det: bool) -> tuple[int, str]:
    """Where the edit begins and its text, with the French determiner before it fixed."""
    quoted = _quoted_determiner(doc, start, entry)
    if quoted is not None:
        return quoted
    det = DETERMINER_BEFORE.search(doc.text, max(0, start - 8), start)
    if det is None and entry.foreign_article and _QUOTED_AFTER_DET.search(doc.text, max(0, start - 10), start):
        return start, entry.bare  # « au « Miroir » » → « au « Spiegel » »: the French article stays
    if det and capital_det:
        s = det.start()
        if entry.foreign_article and entry.article and entry.french.split()[0].lower() == "the" \
                and not _APPOSITION.search(doc.text, max(0, s - 60), s):
            # French drops an English « The » for its own article: « Le Télégraphe quotidien »
            # → « Le Daily Telegraph », « D’après Le Temps de New York » → « le New York Times ».
            out = _with_article("", entry) + entry.bare
            return s, capitalize_first(out) if at_sentence_start(doc, s) else out
        if entry.foreign_article or not entry.article:
            return s, entry.french  # « Le Miroir affirme » → « Der Spiegel affirme »
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
    if det is None:
        added = _add_article(doc, start, entry)
        if added is not None:
            return added
    text = entry.bare if det else entry.french
    rw = adjust_determiner(doc.text, start, text, "f" if entry.article == "la" else None)
    return rw.start, rw.replacement


# An article (elided or not, after « à » or « de » or not) and an opening quotation mark,
# spaced as MT leaves them: « l '"image », « à"l'image ».
_ARTICLE_QUOTE = re.compile(r"(?:(?<![\w])(à|de)\s*)?(?:(?<![\w])(l\s*['’]|le|la)\s*([«“\"]\s*)"
                            r"|([«“\"]\s*)(l\s*['’]|le|la))\s*$", re.I)


def _quoted_determiner(doc: Document, start: int, entry: Name) -> tuple[int, str] | None:
    """« l '"image du dimanche" » → « le "Bild am Sonntag" »: the article MT chose for the
    translated noun, elided before a vowel, becomes the name's own article (« le » by default:
    « le journal »), contracted with « à » or « de »."""
    window = max(0, start - 16)
    m = _ARTICLE_QUOTE.search(doc.text, window, start)
    if m is None:
        return None
    old = plain_lower(re.sub(r"\s+", "", m.group(2) or m.group(5)))
    # The space inside « « » stays; MT's stray spaces around a straight quote go.
    raw = m.group(3) or m.group(4)
    quote = raw.strip()
    if quote == "«":
        quote = raw if raw != quote else "« "
    art = entry.article if entry.article in ("le", "la", "les") else ("la" if old == "la" else "le")
    if starts_with_vowel_sound(entry.bare) and art != "les":
        return None  # the elided article stays right: « l’"Irish Times" »
    if old == art and not m.group(4) and not re.search(r"\s['’]|['’]\s", m.group(0)):
        return None  # the article is already the name's own
    prep = plain_lower(m.group(1) or "")
    det_text = _CONTRACT.get((prep, art + " "), f"{prep} {art} " if prep else art + " ")
    out = det_text + quote + entry.bare
    return m.start(), capitalize_first(out) if m.group(0)[:1].isupper() else out


# A noun the name stands in apposition to, without an article of its own: « le quotidien Bild ».
_APPOSITION = re.compile(r"\b(?:" + MEDIA_NOUN + r"|groupe|soci[eé]t[eé]|entreprise|constructeur|banque|fondation|"
                         r"institut|association|fonds|assureur|compagnie|cha[iî]ne publique|club|[eé]quipe)"
                         r"(?:\s+[a-zà-ÿ][\w-]*){0,2}\s+$", re.I)


def _add_article(doc: Document, start: int, entry: Name) -> tuple[int, str] | None:
    """« Gardien a révélé » → « Le Guardian a révélé », « publié par Gardien » → « publié par
    le Guardian », « a confié à Poste de Washington » → « au Washington Post »: a name French
    uses with an article gets it where MT wrote none (not after « le quotidien », nor for a
    German or Dutch title whose own article French keeps: « selon Der Spiegel »)."""
    if entry.article not in ("le", "la", "les", "l’"):
        return None
    if entry.foreign_article and entry.french.split()[0].lower() != "the":
        return None
    if _APPOSITION.search(doc.text, max(0, start - 60), start):
        return None
    p = re.search(r"(?:^|(?<=[\s(]))(à|À)\s+$", doc.text[max(0, start - 3) : start])
    s = start - len(p.group(0)) if p else start
    out = _with_article(plain_lower(p.group(1)) if p else "", entry) + entry.bare
    return s, capitalize_first(out) if at_sentence_start(doc, s) or (p and p.group(1) == "À") else out


def _with_article(prep: str, entry: Name) -> str:
    """The name's article after prep (« de », « à » or nothing), contracted: « du », « au »;
    elided before a vowel, not before a foreign h: « le Handelsblatt »."""
    art = {"le": "le ", "la": "la ", "les": "les ", "l’": "l’"}[entry.article]
    if art in ("le ", "la ") and starts_with_vowel_sound(entry.bare) and entry.bare[:1] not in "Hh":
        art = "l’"
    return _CONTRACT.get((prep, art), f"{prep} {art}" if prep else art)


_CONTRACT = {("de", "le "): "du ", ("de", "les "): "des ", ("à", "le "): "au ", ("à", "les "): "aux "}
_SPLIT = {"du": ("de", "le"), "des": ("de", "les"), "au": ("à", "le"), "aux": ("à", "les")}


def _rebuild_determiner(doc: Document, det: re.Match[str], entry: Name) -> tuple[int, str] | None:
    """« selon la Poste du matin… » → « selon le South China Morning Post »: the name's own
    article replaces the one MT chose for the translated noun, contracted with « de »/« à »."""
    low = plain_lower(det.group(1))
    start, prep = det.start(), ""
    if low in _SPLIT:
        prep = _SPLIT[low][0]
    elif low in ("de", "d'"):
        prep = "de"  # « un porte-parole de Poste de Washington » → « du Washington Post »
    elif low in ("le", "la", "les", "l'"):
        p = re.search(r"(?:^|(?<=\s))(de|à)\s+$", doc.text[max(0, start - 4) : start])
        if p:
            prep, start = p.group(1), start - len(p.group(0))
    else:
        return None
    det_text = _with_article(prep, entry)
    old = doc.text[start : det.end()]
    if plain_lower(det_text).strip() == plain_lower(old).strip():
        return det.end(), entry.bare  # the determiner is already right: edit the name only
    out = det_text + entry.bare
    return start, capitalize_first(out) if old[:1].isupper() else out
