"""Who is a woman and who is a man, by surname: what PA05 compares the French titles and role
nouns with.

In a source text (German, Dutch, English): a title of address (« Frau Weber », « mevrouw De
Vries », « Mrs Kelly », « Herr Kurz »), a German feminine role noun in -in before the name
(« die stellvertretende Generalsekretärin Gaby Schwarz »), or after it in apposition
(« Schwarz, die Generalsekretärin »), a German relative « die » after a full name (« Anna
Bergström, die … »), and English « she » or « her » in a sentence about one full name and no
man. In any text, French included: a full name whose first name says the gender
(`first_names.toml`). In French: a feminine role noun (`persons.toml`) with its article before a
full name (« la ministre de l’Enseignement, Zuhal Demir »). A surname found with both genders (a
couple, two namesakes) is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from qa.data import load_toml

# A name word: a capital, then letters, apostrophes or hyphens (« Bergström », « O’Brien »).
_NAME = r"[A-ZÀ-ÞŁŠŽ][\w’'-]*[^\W\d_]"
# A name of one to three words; Dutch and German particles may stand inside (« de Vries »).
_RUN = rf"{_NAME}(?:\s+(?:(?:van|von|de|der|den|ter|ten|zu|du)\s+)*{_NAME}){{0,2}}"
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")


@cache
def _data() -> tuple[dict[str, str], dict[str, str], tuple[str, ...], dict[str, str]]:
    persons = load_toml("persons.toml")
    first = load_toml("first_names.toml")
    titles = {t: "f" for t in persons["titles"]["female"]} | {t: "m" for t in persons["titles"]["male"]}
    names = {n: "f" for n in first["female"]} | {n: "m" for n in first["male"]}
    return titles, names, tuple(persons["german"]["stem_endings"]), dict(persons["roles"])


def roles() -> dict[str, str]:
    """French role nouns in the masculine and their feminine (« directeur » → « directrice »)."""
    return _data()[3]


def first_name_gender(word: str) -> str | None:
    return _data()[1].get(word)


def surname(run: str) -> str:
    return run.split()[-1]


def _german_role(word: str, before: str) -> bool:
    """« Generalsekretärin », « die Chefin »: a German feminine role noun (singular)."""
    _, names, endings, _ = _data()
    last = word.rsplit("-", 1)[-1]
    if not last.endswith("in") or last.endswith("innen") or word in names or len(last) < 5:
        return False
    if not last[-3:-2].islower() or not last[:-2].endswith(endings):
        return False
    # A short word in -in may be a first name (« Kristin », « Justin »): it needs an article
    # or an adjective before it.
    return len(last) >= 9 or re.search(r"\b(?:[Dd]ie|[Dd]er|[Ee]ine[r]?|\w+e[nr]?)\s+$", before) is not None


def _source_marks(text: str, lang: str | None) -> Iterator[tuple[str, str]]:
    titles, _, _, _ = _data()
    alt = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w.])(?P<t>{alt})(?!\w)\s+(?:(?:Dr|Prof|dr|prof)\.\s+)*(?P<n>{_RUN})", text):
        yield surname(m["n"]), titles[m["t"]]
    if lang in (None, "de"):
        for m in re.finditer(rf"(?<![\w-])(?P<r>[A-ZÄÖÜ][\w-]+)\s+(?:(?:Dr|Prof)\.\s+)*(?P<n>{_RUN})", text):
            if _german_role(m["r"], text[max(0, m.start() - 30) : m.start()]):
                yield surname(m["n"]), "f"
        for m in re.finditer(rf"(?P<n>{_RUN}),\s+die\s+(?P<r>[\w-]+)", text):
            words = m["n"].split()
            if len(words) >= 2 and (first_name_gender(words[0]) or _german_role(m["r"], "die ")):
                if not re.search(r"\b(?:und|sowie|&)\s+$", text[max(0, m.start() - 8) : m.start()]):
                    yield surname(m["n"]), "f"
    if lang in (None, "en"):
        for sent in _SENTENCE.finditer(text):
            s = sent.group()
            if re.search(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b", s) or not re.search(r"\b(?:[Ss]he|[Hh]er|[Hh]erself)\b", s):
                continue
            full = [r for r in re.findall(_RUN, s) if len(r.split()) >= 2 and first_name_gender(r.split()[0]) != "m"]
            if len({surname(r) for r in full}) == 1:
                yield surname(full[0]), "f"


def _full_names(text: str) -> Iterator[tuple[str, str]]:
    # A Dutch or German particle may stand before the surname (« Ingrid de Boer »). Every
    # capitalised word is tried as the first name (a lookahead): a word before it (« L'échevin
    # Anna Jansen », « d'Amsterdam Marieke van Doorninck ») does not hide the full name.
    for m in re.finditer(rf"(?<![\w.’'-])(?=(?P<f>{_NAME})\s+(?:(?:van|von|de|der|den|ter|ten|zu)\s+)*(?P<n>{_RUN}))", text):
        gender = first_name_gender(m["f"])
        if gender is not None:
            yield surname(m["n"]), gender


# A word that may stand between a role noun and the name in a French noun phrase: a
# preposition or article of its complement, a capitalised word, or a feminine adjective
# (« la ministre flamande de l’Enseignement, »); a verb or « et » ends the phrase.
_GAP = r"(?:de|du|des|d['’][\w-]+|l['’][\w-]+|la|les|à|au|aux|en|[A-ZÀ-Þ][\w’'-]*|[a-zà-ÿ-]+e)"


@cache
def _feminine_role() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(set(roles().values()), key=len, reverse=True))
    return re.compile(rf"\b(?:[Ll]a|[Uu]ne|[Cc]ette)\s+(?:{nouns})(?:\s+{_GAP}){{0,6}}?,?\s+(?P<n>{_RUN})")


def _french_roles(text: str) -> Iterator[tuple[str, str]]:
    """« La ministre flamande de l’Enseignement, Zuhal Demir, »: a feminine role noun with a
    feminine article before a full name says the person is a woman. The masculine says nothing:
    MT writes it for women too, which is what PA05 finds."""
    for m in _feminine_role().finditer(text):
        if len(m["n"].split()) >= 2 and first_name_gender(m["n"].split()[0]) != "m":
            yield surname(m["n"]), "f"


def _settle(marks: Iterable[tuple[str, str]]) -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for name, gender in marks:
        seen.setdefault(name, set()).add(gender)
    return {name: genders.pop() for name, genders in seen.items() if len(genders) == 1}


def people(target: str, source: str | None = None, lang: str | None = None) -> dict[str, str]:
    """Surname → « f » or « m »: from the source's marks and from full names in both texts."""
    marks = list(_full_names(target)) + list(_french_roles(target))
    if source:
        marks += list(_source_marks(source, lang)) + list(_full_names(source))
    return _settle(marks)
