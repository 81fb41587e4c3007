"""Titles PN01 does not know: a title made only of French words that the sentence calls foreign
(« le quotidien allemand Le Messager du Rhin »)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.data import load_toml
from qa.knowledge.names import KB, SMALL_WORDS
from qa.model.document import Document, Span
from qa.model.textutil import fold_key

# Media of languages other than French: French keeps their original titles, so a title
# made of French words after « le quotidien allemand » is a translation, whatever it is.
MEDIA_NOUN = (r"(?:quotidien|journal|hebdomadaire|magazine|mensuel|tablo[iï]d|site(?: d['’]information)?|cha[iî]ne|radio|"
               r"t[eé]l[eé]vision|agence(?: de presse)?|revue|ONG|organisation|think tank|centre de r[eé]flexion|"
               r"groupe de r[eé]flexion|cabinet(?: de conseil)?)")
_SOURCE_ADJ = (r"(?<![\w-])(?:allemand|néerlandais|britannique|américain|autrichien|irlandais|anglais|écossais|"
               r"australien|new-yorkais|londonien|berlinois|bavarois|flamand|hollandais)(?:e|ne)?s?(?![\w-])")
_QUALIFIER = r"(?:\s+(?:populaire|conservat\w+|libéral\w*|économique|financi\w+|régional\w*|dominical\w*|gratuit\w*|public|publique|satirique|de (?:gauche|droite|référence)))?"
# Title words are bounded (60 letters) and taken whole (possessive), and _TITLE_BEFORE starts
# only where a word starts, so that a long word costs linear time, not quadratic.
_TITLE = (r"((?:(?:Le|La|Les|L['’])\s*+)?[A-ZÀ-Ý][\w’'-]{1,60}+"
          r"(?:\s++(?:(?:de|du|des|d['’]|pour|et|sur|contre)\s*+(?:(?:la|le|les|l['’])\s*+)?)?[A-ZÀ-Ý][\w’'-]{1,60}+){0,4})")
_TITLE_AFTER = re.compile(r"\b" + MEDIA_NOUN + r"\s+" + _SOURCE_ADJ + _QUALIFIER + r"\s+(?:(?:le|la|les|l['’])\s*)?" + _TITLE)
_TITLE_BEFORE = re.compile(r"(?<![\w-])" + _TITLE + r"(?:,|\s+\()\s*(?:un|une|le|la|l['’])?\s*" + MEDIA_NOUN + r"\s+" + _SOURCE_ADJ)


def _french_only(word: str) -> bool:
    from qa.knowledge.wordlists import zipf  # wordfreq's answers, from the compiled table

    w = word.lower().strip("’'")
    fr = zipf(w, "fr")
    return fr >= 3.0 and fr >= max(zipf(w, lang) for lang in ("en", "nl", "de")) + 0.3


def unknown_titles(doc: Document, kb: KB) -> Iterator[Span]:
    """Titles made only of French words where the frame says the outlet is foreign."""
    titles = {fold_key(t) for t in load_toml("names.toml")["french_titles"]}
    for pattern in (_TITLE_AFTER, _TITLE_BEFORE):
        for m in pattern.finditer(doc.text):
            title = m.group(1)
            key = fold_key(title)
            bare = re.sub(r"^(?:(?:le|la|les) |l')", "", key)
            if key in titles or bare in kb.by_key or key in kb.by_key or any(
                    k in titles for k in ("le " + bare, "la " + bare, "les " + bare, "l'" + bare)):
                continue
            words = [w for w in re.findall(r"[^\W\d_]+", title) if w.lower() not in SMALL_WORDS | {"pour", "et"}]
            if words and all(_french_only(w) for w in words):
                yield Span(m.start(1), m.end(1))
