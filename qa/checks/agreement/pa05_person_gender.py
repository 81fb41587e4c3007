"""PA05: a title or a role noun of the wrong gender for a person the text or its source
says is a woman (or, for a title, a man)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.agreement._source_roles import ADJECTIVES_BEFORE, source_roles
from qa.checks.base import Check, Context
from qa.knowledge.forms import feminine
from qa.knowledge.person_gender import first_name_gender, people, roles
from qa.knowledge.wordlists import is_french_form
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_NAME = r"[A-ZÀ-ÞŁŠŽ][\w’'-]*[^\W\d_]"
_RUN = rf"{_NAME}(?:\s+(?:(?:van|von|de|der|den|ter|ten|zu|du)\s+)*{_NAME}){{0,2}}"
_TITLE = re.compile(rf"(?<![\w.])(?P<t>M\.|Monsieur|Mme|Madame)[ \u00a0\u202f]+(?P<n>{_RUN})")
_OTHER = {"M.": "Mme", "Monsieur": "Madame", "Mme": "M.", "Madame": "Monsieur"}
_TITLE_GENDER = {"M.": "m", "Monsieur": "m", "Mme": "f", "Madame": "f"}
_ARTICLES = {"le": "la", "Le": "La", "du": "de la", "Du": "De la", "au": "à la", "Au": "À la", "un": "une", "Un": "Une"}
# Adjectives that stand before a role noun (« l’ancien ministre »).
_BEFORE = (*ADJECTIVES_BEFORE, "jeune")  # « jeune » has one form, so the source roles leave it out


def _role_phrase() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(roles(), key=len, reverse=True))
    before = "|".join(_BEFORE)
    return re.compile(
        rf"(?P<det>\b(?:[Ll]e|[Dd]u|[Aa]u|[Uu]n|[Ll]['’]))\s*(?P<body>(?:(?P<pre>{before})\s+)?(?P<noun>{nouns})"
        rf"(?P<adj>(?:[ -][a-zà-ÿ]{{3,}}){{0,3}}))"
        rf"(?:\s+(?:de|du|des|d['’]|au|aux)\s*[^,;:.()«»\"]{{1,40}}?)?\s*,?\s+$"
    )


def known_people(doc: Document, ctx: Context) -> dict[str, str]:
    """Surname → gender for the whole file and its source, computed once per file (PA04, PA05)."""
    text, source = ctx.file_text or doc.text, ctx.file_source or ctx.source
    key = (text, source, ctx.source_lang)
    # The last file's only: the run's memo lives as long as a server, which sees a new text
    # at every edit; a file's segments come one after another.
    last: dict[str, tuple[tuple[str, str | None, str | None], dict[str, str]]] = ctx.memo("PA05.people", dict)
    found = last.get("file")
    if found is None or found[0] != key:
        found = last["file"] = (key, people(text, source, ctx.source_lang))
    return found[1]


class PersonGender(Check):
    """A title of address or a role noun of the wrong gender for a person known elsewhere.

    Who the person is comes from the source (`--source`: « Frau Weber », « mevrouw De Vries »,
    « Mrs Kelly », a German feminine role noun in -in before or after the name, « Anna
    Bergström, die … », English « she » in a sentence about one full name), or from the same
    person's full name elsewhere in the file, when its first name says the gender
    (`first_names.toml`). The title « M. » or « Mme » before the surname, or a masculine role
    noun phrase right before the name (« le secrétaire général adjoint de l’ÖVP, ») is then
    checked; role nouns and their feminine are in `persons.toml`. A surname the texts give both
    genders (a couple, namesakes) is left alone. A feminine role noun right after the name of
    a man (« avec Michael Bütter une dirigeante ») is reported too.

    Mauvais : « … explique Anna Bergström. […] selon M. Bergström. » ;
              « a rappelé le secrétaire général adjoint de l’ÖVP, Gaby Schwarz » (source « die
              stellvertretende ÖVP-Generalsekretärin Gaby Schwarz »)
    Bon :     « selon Mme Bergström » ; « la secrétaire générale adjointe de l’ÖVP, Gaby Schwarz »
    """

    code = "PA05"
    priority = 95
    name = "agreement.person-gender"
    category = Category.PRONOUN_AGREEMENT
    summary = "Title or role noun of the wrong gender for a person the text or source identifies"
    data_files = ("persons.toml", "first_names.toml")

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        yield from self._source_roles(doc, ctx)
        known = known_people(doc, ctx)
        if not known:
            return
        for m in _TITLE.finditer(doc.text):
            words = m["n"].split()
            person = known.get(words[-1])
            if person is None or person == _TITLE_GENDER[m["t"]]:
                continue
            if len(words) > 1 and first_name_gender(words[0]) is not None:
                continue  # PA03 judges a title before a first name it knows
            right = _OTHER[m["t"]]
            who = "a woman" if person == "f" else "a man"
            yield self.finding(doc, Span(m.start("t"), m.end("t")),
                               f"« {m['t']} » before « {m['n']} », who is {who} (source or full name): « {right} »",
                               [right])
        yield from self._roles(doc, known)
        yield from self._feminine_after(doc, known)

    def _source_roles(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """A masculine role noun where the aligned source line names a woman in that role."""
        if not ctx.source:
            return
        lines = [line for line in ctx.source.splitlines() if line.strip()]
        if len(lines) != len(doc.paragraphs):
            return
        for para, line in zip(doc.paragraphs, lines):
            for fix in source_roles(doc.text, para.start, para.end, line):
                yield self.finding(doc, Span(fix.start, fix.end),
                                   f"« {fix.text} » is masculine but the source names a woman in that role: « {fix.right} »",
                                   [fix.right])

    def _roles(self, doc: Document, known: dict[str, str]) -> Iterator[Finding]:
        pattern = _role_phrase()
        for m in re.finditer(_RUN, doc.text):
            start, name = _person_start(m)
            if known.get(name.split()[-1]) != "f" or (start and doc.text[start - 1] in "’'-."):
                continue
            before = doc.text[max(0, start - 100) : start]
            r = pattern.search(before)
            if r is None:
                continue
            fixed = _feminine_phrase(r)
            if fixed is None:
                continue
            base = start - len(before)
            if r["det"].lower() in ("au", "du") and _after_role(before[: r.start("det")]):
                continue  # « l’adjointe au maire Inge Jansen »: the role phrase completes another
            span = Span(base + r.start("det"), base + r.end("body"))
            yield self.finding(doc, span, f"« {doc[span]} » is masculine but {name} is a woman: « {fixed} »",
                               [fixed])


    def _feminine_after(self, doc: Document, known: dict[str, str]) -> Iterator[Finding]:
        """A feminine role noun right after the name of a man, in apposition (« avec Michael
        Bütter une dirigeante expérimentée »): MT copies the gender of a German abstract noun
        (« Führungspersönlichkeit », « Fachkraft »). A role noun before another name belongs
        to that name (« Paul Weber, la ministre Anna Roth »)."""
        feminines = {f: m for m, f in roles().items() if f != m}
        pattern = re.compile(
            rf"[ \u00a0]*,?[ \u00a0]+(?P<det>une|la|l['’])[ \u00a0]*(?P<noun>{'|'.join(sorted(feminines, key=len, reverse=True))})\b"
            rf"(?![^,;:.()]{{0,40}}?\b{_NAME}[ \u00a0]+{_NAME})"
        )
        for m in re.finditer(_RUN, doc.text):
            _, name = _person_start(m)
            if known.get(name.split()[-1]) != "m":
                continue
            r = pattern.match(doc.text, m.end())
            if r is None:
                continue
            det = {"une": "un", "la": "le"}.get(r["det"], r["det"])
            sep = "" if det[-1:] in ("’", "'") else " "
            fixed = f"{det}{sep}{feminines[r['noun']]}"
            yield self.finding(doc, Span(r.start("det"), r.end("noun")),
                               f"« {r['det']} {r['noun']} » is feminine but {name} is a man: « {fixed} »", [fixed])


def _person_start(m: re.Match[str]) -> tuple[int, str]:
    """Where the person's name begins in a run of capitalised words: at a first name the lists
    know (« Amsterdam Marieke van Doorninck »), else after an elided article the run took in
    (« L'échevin Marieke van Doorninck »)."""
    words = list(re.finditer(r"\S+", m.group()))
    at = next((w for w in words[:-1] if first_name_gender(w.group()) is not None), None)
    if at is None:
        at = next((w for w in words[:-1] if not re.match(r"[A-ZÀ-Þ]['’]", w.group())), words[-1])
    return m.start() + at.start(), m.group()[at.start() :]


def _after_role(before: str) -> bool:
    """The text before ends with a role noun, masculine or feminine (« adjointe », « chef »)."""
    words = re.findall(r"[\w-]+", before[-40:])
    return bool(words) and (words[-1].lower() in roles() or words[-1].lower() in set(roles().values()))


def _feminine_phrase(r: re.Match[str]) -> str | None:
    """The masculine role phrase in the feminine (« du secrétaire général » → « de la
    secrétaire générale »), None when a word after the noun is no adjective to agree."""
    pre = ("nouvelle" if r["pre"] in ("nouveau", "nouvel") else feminine(r["pre"])) if r["pre"] else ""
    body = " ".join(w for w in (pre, roles()[r["noun"]]) if w)
    for sep, adj in re.findall(r"([ -])([a-zà-ÿ]+)", r["adj"] or ""):
        fem = feminine(adj)
        if not is_french_form(fem) or not is_french_form(adj):
            return None  # not an adjective the rules can agree (« a dit »)
        body += sep + fem
    det = r["det"]
    if det[1:2] in ("'", "’"):
        return det + body
    return _ARTICLES[det] + " " + body
