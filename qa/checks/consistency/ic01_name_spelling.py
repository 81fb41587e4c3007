"""IC01: one name written two acceptable ways in one text (« Kiev » … « Kyiv »)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from qa.checks.base import Check, Context
from qa.knowledge.gazetteer import Entity, gazetteer, strip_accents
from qa.knowledge.romanisation import cached_romanisations, in_foreign_title
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import PhraseMatcher

# Letters only: « Kiev-Moscou » holds two names, « d’Ukraine » one.
_NAME = re.compile(r"[^\W\d_]+")
MIN_LENGTH = 4
_FRENCH_LETTERS = frozenset("àâäéèêëîïôöùûüÿçœæÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇŒÆ")


@dataclass(frozen=True)
class Occurrence:
    span: Span
    form: str


def spelling_key(word: str) -> str:
    """What two spellings of one name share when they differ by accents or « -sky »/« -ski »."""
    return re.sub(r"sky$", "ski", strip_accents(word).lower())


def _foreign_diacritics(word: str) -> bool:
    """« Dōdō », « Telamốn »: a scholarly romanisation glossing a name, not a second spelling."""
    return any(not c.isascii() and c.isalpha() and c not in _FRENCH_LETTERS for c in word)


@cache
def _french_matcher() -> PhraseMatcher[Entity]:
    return PhraseMatcher((f, e) for e in gazetteer() if len(e.french_forms) > 1 for f in e.french_forms)


@cache
def _gazetteer_forms() -> frozenset[str]:
    return frozenset(f for e in gazetteer() for f in e.french_forms)


def _accents(word: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", word) if unicodedata.combining(c))


def _only_initial_accent(a: str, b: str) -> bool:
    """« Etat » / « État »: an unaccented capital is a typographic habit, not a second spelling."""
    return a[1:] == b[1:] and strip_accents(a[:1]) == strip_accents(b[:1])


def _majority(occs: list[Occurrence], preferred: tuple[str, ...]) -> str:
    counts = Counter(o.form for o in occs)
    first_seen = {o.form: i for i, o in reversed(list(enumerate(occs)))}

    def rank(form: str) -> tuple[int, int, int, bool, int]:
        listed = preferred.index(form) if form in preferred else len(preferred)
        # Ties go to the French convention: the gazetteer's order, then the accented form,
        # then « -ski » (French) over « -sky » (English), then the first written.
        return (counts[form], -listed, _accents(form), form.endswith("ski"), -first_seen[form])

    return max(counts, key=rank)


def _gazetteer_groups(doc: Document) -> list[tuple[list[Occurrence], tuple[str, ...]]]:
    groups: dict[str, list[Occurrence]] = defaultdict(list)
    entities: dict[str, Entity] = {}
    for m in _french_matcher().finditer(doc.text, doc.folded):
        form = doc.text[m.start : m.end]
        entity = m.payloads[0]
        if form not in entity.french_forms:
            continue  # case differs: « KIEV » in a headline is not a second spelling
        groups[entity.french].append(Occurrence(Span(m.start, m.end), form))
        entities[entity.french] = entity
    return [(occs, entities[k].french_forms) for k, occs in groups.items()]


def _spelling_groups(doc: Document) -> list[tuple[list[Occurrence], tuple[str, ...]]]:
    groups: dict[str, list[Occurrence]] = defaultdict(list)
    for m in _NAME.finditer(doc.text):
        word = m.group()
        if len(word) < MIN_LENGTH or not word[0].isupper() or word.isupper() or _foreign_diacritics(word):
            continue
        groups[spelling_key(word)].append(Occurrence(Span(*m.span()), word))
    out = []
    for occs in groups.values():
        forms = {o.form for o in occs}
        if len({f.lower() for f in forms}) < 2:
            continue  # « CWaPE » / « CWaPe »: case, not spelling (_case_groups sees the rest)
        if len(forms) == 2 and _only_initial_accent(*sorted(forms)):
            continue
        if all(f in _gazetteer_forms() for f in forms):
            continue  # the gazetteer's own group decides, in its order
        preferred = tuple(sorted(f for f in forms if f in _gazetteer_forms()))
        out.append((occs, preferred))
    return out


def _camel(word: str) -> bool:
    return any(c.isupper() for c in word[1:]) and not word.isupper()


def _case_groups(doc: Document) -> list[tuple[list[Occurrence], str]]:
    """« EirGrid » … « Eirgrid »: a name with a capital inside (the owner's spelling) also
    written with one initial capital. The form with the inner capital is the name's; two
    forms with inner capitals (« CWaPE », « CWaPe ») are left alone."""
    groups: dict[str, list[Occurrence]] = defaultdict(list)
    for m in _NAME.finditer(doc.text):
        word = m.group()
        if len(word) >= MIN_LENGTH and word[0].isupper() and not word.isupper():
            groups[word.lower()].append(Occurrence(Span(*m.span()), word))
    out = []
    for occs in groups.values():
        forms = {o.form for o in occs}
        camel = [f for f in forms if _camel(f)]
        if len(camel) == 1 and len(forms) == 2:
            out.append((occs, camel[0]))
    return out


def inconsistencies(doc: Document, ctx: Context) -> Iterator[tuple[Occurrence, str, int, int]]:
    """(minority occurrence, majority form, its count, the minority's count), text order."""
    romanised = [h.span for h in cached_romanisations(doc, ctx)]
    seen: set[Span] = set()
    found = []
    groups: list[tuple[list[Occurrence], tuple[str, ...], str | None]] = [
        (occs, preferred, None) for occs, preferred in _gazetteer_groups(doc) + _spelling_groups(doc)]
    groups += [(occs, (best,), best) for occs, best in _case_groups(doc)]
    for occs, preferred, forced in groups:
        occs = [o for o in occs if not any(r.overlaps(o.span) for r in romanised) and not in_foreign_title(doc, o.span)]
        if len({o.form for o in occs}) < 2:
            continue
        best = forced or _majority(occs, preferred)
        counts = Counter(o.form for o in occs)
        for o in occs:
            if o.form != best and o.span not in seen:
                seen.add(o.span)
                found.append((o, best, counts[best], counts[o.form]))
    found.sort(key=lambda t: t[0].span)
    yield from found


class Inconsistency(Check):
    """One name written two ways in the same text, each acceptable on its own.

    French accepts « Kiev » and « Kyiv », « Zelensky » and « Zelenski », but an
    article picks one and keeps it. The check groups the forms the gazetteer lists
    as one entity and capitalised words that differ only by accents or y/i, and
    suggests the form the text uses most (on a tie, the usual French form). A
    foreign romanisation (« Kyjiw ») is TL01's, not this check's.

    Mauvais : « Les frappes sur Kiev continuent. … À Kyiv, on craint l’hiver. »
    Bon :     « Les frappes sur Kiev continuent. … À Kiev, on craint l’hiver. »
    """

    code = "IC01"
    priority = 60
    name = "consistency.name-spelling"
    category = Category.INCONSISTENCY
    summary = "Name written two ways in one text"
    data_files = ("gazetteer.tsv", "transliteration.toml")  # TL01's hits come from both

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for occ, best, n_best, n_this in inconsistencies(doc, ctx):
            times = "once" if n_best == 1 else f"{n_best} times"
            yield self.finding(
                doc,
                occ.span,
                f"« {occ.form} » is written « {best} » elsewhere in the text ({times}); keep one form",
                suggestions=[best],
            )
