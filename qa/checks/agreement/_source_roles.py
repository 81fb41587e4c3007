"""With a source: a masculine French role noun where the aligned source line names a woman in
that role (« a déclaré le ministre » for « sagte die Ministerin », « un nouveau directeur » for
« eine neue Direktorin », « Le pédiatre Miriam Hofer » for « Die Kinderärztin Miriam Hofer »),
for PA05.

German marks the woman on the noun itself (-in), Dutch and English on a few nouns
(« directrice », « voorzitster », « spokeswoman »); `persons.toml` `[source_roles]` lists them
for each French role noun. MT renders the role in the masculine when no name follows it, or
before a name it cannot read. A masculine French role phrase is reported only when its source
line holds more feminine nouns of that role than the French line has feminine phrases of it,
and no masculine noun of the same role (« der Minister » and « die Ministerin »: which is
which?). A German noun of both genders (« Vorsitzende », « Abgeordnete ») counts by its article
(« die Vorsitzende », « eine Abgeordnete »; « der Vorsitzende » names a man).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from qa.data import load_toml
from qa.knowledge.forms import feminine
from qa.knowledge.person_gender import roles
from qa.knowledge.wordlists import is_french_form

_ARTICLES = {"le": "la", "Le": "La", "du": "de la", "Du": "De la", "au": "à la", "Au": "À la", "un": "une", "Un": "Une"}
ADJECTIVES_BEFORE = {"ancien": "ancienne", "nouveau": "nouvelle", "nouvel": "nouvelle", "premier": "première",
           "futur": "future", "actuel": "actuelle", "seul": "seule"}
# A form of « être » or « devenir » (and at most one word after it) before a role noun without
# an article: « était jusqu'ici chef de service ».
_COPULA = r"\b(?:est|était|sera|serait|devient|devenait|deviendra|devenue?|reste|restait)\s+(?:[\w’']+\s+)?"
_FOLD = str.maketrans("äöü", "aou")


@dataclass(frozen=True)
class RoleFix:
    start: int
    end: int
    text: str
    right: str
    noun: str


@cache
def _table() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in load_toml("persons.toml")["source_roles"].items()}


@cache
def _phrase() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(_table(), key=len, reverse=True))
    before = "|".join(ADJECTIVES_BEFORE)
    return re.compile(
        rf"(?:(?P<det>(?<![\w’'-])(?:[Ll]e|[Dd]u|[Aa]u|[Uu]n))\s+|(?P<el>(?<![\w’'-])[Ll]['’])|(?P<cop>{_COPULA}))"
        rf"(?:(?P<pre>{before})\s+)?(?P<noun>{nouns})(?![\w-])(?P<adj>(?:\s+[a-zà-ÿ]{{4,}}){{0,2}})"
    )


def _counts(source: str, forms: tuple[str, ...]) -> tuple[int, bool]:
    """How many source words name a woman in the role, and whether one names a man in it."""
    women, men = 0, False
    low_source = source.lower()
    for f in forms:
        if f.startswith("die "):  # a German noun of both genders: its article says which
            noun = re.escape(f[4:])
            women += len(re.findall(rf"\b(?:die|eine)\s+(?:[\w-]+e\s+)?[\w-]*{noun}\b", low_source))
            men = men or re.search(rf"\b(?:der|ein|den|dem|des)\s+(?:[\w-]+\s+)?[\w-]*{noun}[rn]?\b", low_source) is not None
    forms = tuple(f for f in forms if not f.startswith("die "))
    for word in re.findall(r"[^\W\d_]+", source):
        low = word.lower()
        if any(low.endswith(f) for f in forms):
            women += 1
            continue
        folded = low.translate(_FOLD)
        for f in forms:
            if f.endswith("in"):  # German -in: the masculine is the stem (« Minister », « Arzt »)
                stem = f[:-2].translate(_FOLD)
                if re.search(rf"{stem}(?:s|en|n|e)?$", folded) and len(folded) >= len(stem):
                    men = True
    return women, men


def _agreed(m: re.Match[str]) -> str:
    """The phrase in the feminine, adjectives after the noun included while they are
    adjectives with a French feminine (« directeur général » → « directrice générale »)."""
    parts = []
    if m["el"]:
        return m["el"] + roles()[m["noun"]]  # « l’ambassadeur » → « l’ambassadrice »
    if m["det"]:
        parts.append(_ARTICLES[m["det"]])
    if m["pre"]:
        parts.append(ADJECTIVES_BEFORE[m["pre"]])
    parts.append(roles()[m["noun"]])
    return " ".join(parts)


def _adjectives(m: re.Match[str]) -> tuple[str, int]:
    """The feminine of the adjectives after the noun and the offset where they end."""
    out, end = "", m.end("noun")
    for a in re.finditer(r"\s+([a-zà-ÿ]+)", m["adj"] or ""):
        word = a.group(1)
        fem = feminine(word)
        if fem == word or not is_french_form(fem) or not is_french_form(word) or word.endswith(("é", "ait", "it")):
            break
        out += " " + fem
        end = m.start("adj") + a.end()
    return out, end


def source_roles(text: str, start: int, end: int, source_line: str) -> Iterator[RoleFix]:
    """The masculine role phrases of text[start:end] whose role the source line gives a woman."""
    para = text[start:end]
    found = list(_phrase().finditer(para))
    for noun, forms in _table().items():
        women, men = _counts(source_line, forms)
        if not women or men:
            continue
        fem = roles()[noun]
        already = len(re.findall(rf"\b(?:[Ll]a|[Uu]ne|[Ll]['’]|[Cc]ette)\s+(?:\w+\s+)?{re.escape(fem)}\b", para))
        if fem != noun:
            already = len(re.findall(rf"(?<![\w-]){re.escape(fem)}(?![\w-])", para))
        if already >= women:
            continue
        for m in found:
            if m["noun"] != noun or (m["det"] is None and fem == noun) or (m["el"] and (m["pre"] or fem == noun)):
                continue
            adj, stop = _adjectives(m)
            s = m.start("det") if m["det"] else m.start("el") if m["el"] else m.start("pre") if m["pre"] else m.start("noun")
            yield RoleFix(start + s, start + stop, para[s:stop], _agreed(m) + adj, noun)
