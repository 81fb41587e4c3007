"""IC02: a person's name spelled two ways in one text (« Markus Schröder » … « Schroeder »,
« Karin Rykart » … « Mme Rikart », « Jan de Vries » … « Jan De Vries »)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from qa.checks.base import Check, Context
from qa.knowledge.bilingual import entry
from qa.knowledge.gazetteer import french_forms, strip_accents
from qa.knowledge.wordlists import is_french_form, zipf
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_WORD = re.compile(r"[^\W\d_]+")
MIN_LENGTH = 5
# A capitalised word before a surname is a first name unless French uses it as a word
# (« Selon », « Le ») or it names a title (« Mme », « Dr »): wordfreq's French zipf.
FIRST_NAME_MAX_ZIPF = 4.5
# … nor an English word a title-case name is made of (« Secondary Market »).
ENGLISH_WORD_ZIPF = 4.0
# A capitalised headword of a FreeDict dictionary this common in English, German or Dutch is a
# word, not a surname.
SOURCE_WORD_ZIPF = 4.0
# A capitalised word this long is a name on its own (« Willingmann », « Rijkswaterstaat »): two
# such words one letter apart are one name, with or without a first name before either.
LONG_NAME = 8
# Name particles written low or capitalised by the bearer (Dutch, German, French, Italian).
_PARTICLES = frozenset({"de", "van", "von", "der", "den", "ter", "ten", "te", "vom", "zu", "du", "da", "di", "del", "le", "la"})
# Letters of French and German spelling; another diacritic marks a scholarly romanisation
# glossing a name (« Geórgios » beside « Georgius »), not a second spelling (as IC01 has it).
_LATIN_LETTERS = frozenset("àâäéèêëîïôöùûüÿçœæßÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇŒÆ")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@cache
def _titles() -> frozenset[str]:
    """The source titles of `persons.toml` and the French abbreviated ones (Lexique des règles
    typographiques en usage à l'Imprimerie nationale: « M. », « Mme », « Mlle », « Me », « Dr »)."""
    titles = load_toml("persons.toml")["titles"]
    return frozenset(t.rstrip(".") for t in (*titles["female"], *titles["male"], "M", "Mme", "Mlle", "Me", "Dr", "Pr"))


def spelling_key(word: str) -> str:
    """IC01's key (accents, « -sky » / « -ski »): pairs IC01 groups are its own. (Not imported:
    IC01's module reads the transliteration tables, which IC02 does not need.)"""
    return re.sub(r"sky$", "ski", strip_accents(word).lower())


def _key(word: str) -> str:
    """« Schröder » and « Schroeder » share a key: German's umlauts transcribed."""
    return word.lower().translate(_UMLAUTS)


def one_edit(a: str, b: str) -> bool:
    """One letter replaced, or one letter added or dropped inside the word (not at its end,
    where « Martin » / « Martins » is an inflection or another name)."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1 :] == short:
            return i < len(long_) - 1
    return False


@dataclass(frozen=True)
class Mention:
    start: int  # offset in the text the mention was read from
    end: int
    form: str
    first: str | None  # the first name written right before it, if any


@lru_cache(maxsize=8)
def _mentions(text: str) -> tuple[Mention, ...]:
    """Capitalised words, each with the first name before it (« Markus Schröder »): a
    capitalised word, not opening a sentence, that is neither a French word nor a title.
    (Remembered for the last texts: a run reads the whole file's mentions several times.)"""
    words = list(_WORD.finditer(text))
    out = []
    for i, m in enumerate(words):
        w = m.group()
        if len(w) < MIN_LENGTH or not w[0].isupper() or w.isupper():
            continue
        # The words before it, back to the first name: « Nabilla Ait Daoud », « Jan de Vries ».
        chain, j = [], i - 1
        while j >= 0 and text[words[j].end() : words[j + 1].start()] == " " and len(chain) < 3:
            p = words[j].group()
            if not (p[0].isupper() or p in _PARTICLES):
                break
            chain.insert(0, words[j])
            j -= 1
        while chain and not (chain[0].group()[0].isupper() and _first_name(text, chain[0])):
            chain.pop(0)  # « Selon Juergen Klopp »: the name begins after « Selon »
        first = text[chain[0].start() : chain[-1].end()] if chain else None
        out.append(Mention(m.start(), m.end(), w, first))
    return tuple(out)


def _first_name(text: str, m: re.Match[str]) -> bool:
    w = m.group()
    if len(w) < 2 or not w[0].isupper() or w.isupper() or w in _titles():
        return False
    before = text[max(0, m.start() - 4) : m.start()].rstrip(" ")
    if before.endswith(("’", "'")):
        return False  # after an elision: « L’Allemand »
    if (not before or before[-1] in ".!?:«»\"“”\n–—-(") and w not in _first_names():
        return False  # opening a sentence, only a listed first name: « Selon », « Volgens »
    return _given_name(w)


def _given_name(word: str) -> bool:
    """A word that may be a first name: one of `first_names.toml`, or no French word form,
    rare in French and no common English word (« Markus », « Nabilla »; not « Selon »,
    « Ait », « Secondary »)."""
    if word in _first_names():
        return True
    low = word.lower()
    return (word not in _titles() and not is_french_form(low) and zipf(low) < FIRST_NAME_MAX_ZIPF
            and zipf(low, "en") < ENGLISH_WORD_ZIPF)


@cache
def _first_names() -> frozenset[str]:
    data = load_toml("first_names.toml")
    return frozenset((*data["female"], *data["male"]))


def _known(word: str) -> bool:
    """A place of the gazetteer, a French word, or a common word of a source language (« Meter »
    left untranslated is no misspelling of « Meier »)."""
    low = word.lower()
    return word in french_forms() or is_french_form(low) or any(
        zipf(low, lang) >= SOURCE_WORD_ZIPF and entry(low, lang) is not None for lang in ("en", "de", "nl"))
    # (the frequency first: a dictionary is read whole, seconds, at its first lookup)


def variants(text: str) -> dict[str, str]:
    """Per surname variant of ``text``, the form of the name the text keeps.

    Two forms are one name when they differ by a transcribed umlaut or by one letter, one of
    them written after a first name somewhere; the other must stand bare or after that same
    first name (after another first name it is another person: « Lucas Dupont », « Marie
    Dupond »). Two words of eight letters or more one letter apart are one name without a
    first name too (« Rijkswaterstaat », « Rijkswaterstraat »). Forms the gazetteer lists, French words and forms
    IC01 already groups (accents, « -sky ») are left alone."""
    mentions = _mentions(text)
    firsts: dict[str, set[str | None]] = defaultdict(set)
    count: Counter[str] = Counter()
    order: dict[str, int] = {}
    for m in mentions:
        if any(not c.isascii() and c not in _LATIN_LETTERS for c in m.form):
            continue
        firsts[m.form].add(m.first)
        count[m.form] += 1
        order.setdefault(m.form, m.start)
    forms = sorted(count, key=order.__getitem__)
    near = _near(forms)
    out: dict[str, str] = {}
    for a in forms:
        named_a = {f for f in firsts[a] if f}
        if not named_a and len(a) < LONG_NAME:
            continue
        for b in near[a]:
            if b == a or b in out or a in out or spelling_key(a) == spelling_key(b):
                continue
            if not (_key(a) == _key(b) or one_edit(strip_accents(a).lower(), strip_accents(b).lower())):
                continue
            named_b = {f for f in firsts[b] if f}
            if not named_a and (named_b or len(b) < LONG_NAME):
                continue
            if named_b - named_a or _known(b) or _known(a):
                continue  # another first name is another person; a French word is no variant
            # The form written more often is the name; on a tie, the one written after the
            # first name (« Markus Schröder » … « Schroeder »), else the first written.
            rank_a = (count[a], bool(named_a), -order[a])
            rank_b = (count[b], bool(named_b), -order[b])
            slip, best = (b, a) if rank_a > rank_b else (a, b)
            if slip not in out and best not in out:
                out[slip] = best
    return out


def _near(forms: list[str]) -> dict[str, list[str]]:
    """Per form, the forms (in the order of ``forms``) that may be one umlaut or one letter away:
    those sharing its umlaut key, or the form with one letter deleted (a replaced letter leaves
    both with the same deletion, an added one leaves the shorter whole). Comparing only these
    keeps a long file's thousands of capitalised words from being compared pair by pair."""
    buckets: dict[str, list[int]] = defaultdict(list)
    keys: list[set[str]] = []
    for i, form in enumerate(forms):
        low = strip_accents(form).lower()
        mine = {"u:" + _key(form), "d:" + low} | {"d:" + low[:k] + low[k + 1 :] for k in range(len(low))}
        keys.append(mine)
        for key in mine:
            buckets[key].append(i)
    return {form: [forms[j] for j in sorted({j for key in keys[i] for j in buckets[key]})]
            for i, form in enumerate(forms)}


def _first_name_variants(text: str) -> dict[str, str]:
    """« Jürgen Klopp » … « Juergen Klopp »: one surname after two spellings of one first name
    (a transcribed umlaut, one letter); the full name written more often is kept, on a tie
    the first written."""
    by_surname: dict[str, Counter[str]] = defaultdict(Counter)
    order: dict[str, int] = {}
    for m in _mentions(text):
        if m.first and " " not in m.first:
            by_surname[m.form][m.first] += 1
            order.setdefault(f"{m.first} {m.form}", m.start)
    out: dict[str, str] = {}
    for surname, firsts in by_surname.items():
        ranked = sorted(firsts, key=lambda f: (-firsts[f], order[f"{f} {surname}"]))
        for i, best in enumerate(ranked):
            for other in ranked[i + 1 :]:
                if spelling_key(best) == spelling_key(other) or f"{other} {surname}" in out:
                    continue
                if _key(best) == _key(other) or (min(len(best), len(other)) >= MIN_LENGTH
                                                 and one_edit(strip_accents(best).lower(), strip_accents(other).lower())):
                    out[f"{other} {surname}"] = f"{best} {surname}"
    return out


def _particle_variants(text: str) -> dict[str, str]:
    """« Jan de Vries » … « Jan De Vries »: after one first name, the particle of one surname
    written low and capitalised. The form written first is kept."""
    full = re.compile(r"\b([A-Z][^\W\d_]+) ((?:[a-zA-Z]{2,3} ){1,2})([A-Z][^\W\d_]+)\b")
    seen: dict[str, str] = {}
    out: dict[str, str] = {}
    for m in full.finditer(text):
        parts = m.group(2).split()
        if not all(p.lower() in _PARTICLES for p in parts):
            continue
        first = m.group(1)
        if first in _titles() or zipf(first.lower()) >= FIRST_NAME_MAX_ZIPF:
            continue  # « Selon de Vries », « Mme De Vries »: no first name
        form = m.group()
        key = form.lower()
        if key in seen and seen[key] != form:
            out[form] = seen[key]
        seen.setdefault(key, form)
    return out


class PersonNameVariant(Check):
    """A person's name spelled two ways in the same text.

    MT copies a name as each source sentence writes it, or changes a letter: the article
    introduces « Markus Schröder » and later writes « Schroeder », « Karin Rykart » and later
    « Mme Rikart », « Jan de Vries » and then « Jan De Vries ». A capitalised word written
    after a first name is a surname; another capitalised word that differs from it by a
    transcribed umlaut (ö → oe) or by one letter, bare or after the same first name, is the
    same name misspelled; so is a first name spelled two ways before one surname
    (« Jürgen Klopp » … « Juergen Klopp »). After another first name it is another person (« Lucas Dupont »,
    « Marie Dupond »); French words and the gazetteer's names are never variants. In a
    bilingual file the whole file is read, each segment reporting its own variants.

    Mauvais : « Selon Markus Schröder, 300 emplois sont concernés. Schroeder a ajouté… »
    Bon :     « Selon Markus Schröder, 300 emplois sont concernés. Schröder a ajouté… »
    """

    code = "IC02"
    priority = 61
    name = "consistency.person-name"
    category = Category.INCONSISTENCY
    summary = "Person's name spelled two ways in one text"
    data_files = ("persons.toml", "first_names.toml", "gazetteer.tsv")

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        whole = ctx.file_targets or ctx.file_text or doc.text  # the targets, not a PO file's msgids
        # In a bilingual file every segment reads the whole file: computed once per file.
        surnames, particles = ctx.memo(
            f"IC02:{hash(whole)}:{len(whole)}",
            lambda: (variants(whole), {**_particle_variants(whole), **_first_name_variants(whole)}))
        for form, best in particles.items():
            for m in re.finditer(re.escape(form), doc.text):
                yield self._finding(doc, Span(*m.span()), form, best)
        for m in _mentions(doc.text):
            best = surnames.get(m.form)
            if best is None:
                continue
            named = _firsts_of(whole, best)
            if m.first and named and m.first not in named:
                continue  # « Marie Dupond » is someone else
            yield self._finding(doc, Span(m.start, m.end), m.form, best)

    def _finding(self, doc: Document, span: Span, form: str, best: str) -> Finding:
        return self.finding(
            doc, span, f"« {form} » is written « {best} » elsewhere in the text: one person, one spelling",
            suggestions=[best],
        )


def _firsts_of(text: str, form: str) -> set[str]:
    return {m.first for m in _mentions(text) if m.form == form and m.first}
