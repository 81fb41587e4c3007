"""Names of the source rendered word by word in the aligned target, found through the bilingual
dictionaries rather than a list: a capitalised run of the source (« Wessex Morning Chronicle »,
« Zeeuwse Courant », « Stiftung Warentest ») whose words the target line renders one by one, as a
phrase MT capitalised like a name (« la Chronique Matinale du Wessex », « le Courrier zélandais »).

A target word renders a source word when FreeDict's source → French dictionary gives it, when
the French → source dictionary gives the source word back, when qa's names lexicon gives it, or
when both are spelt alike (« chronique », « chronicle »); German and Dutch compounds are read in
their parts (« Tagespost » → « Tag » + « Post »). Names French translates (parties, ministries,
parliaments, courts, associations: name_heads.toml ``translated``) and the French forms names.toml
gives are never reported: their word-for-word rendering is the French name, unless the rendering
of a body French often names by its own name carries the source's title case over (« le Bureau
Central du Plan » for « Centraal Planbureau »: name_case); a rendering in sentence case that names
a body by its public standing (« la Banque nationale de Belgique ») is its official French name.
A source word may be rendered by two French words (« Caisse Maladie » for « Krankenkasse »), and
a lone source compound (« Hartstichting ») by a title-case rendering (« la Fondation Néerlandaise
du Cœur »).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from qa.checks.names.name_case import official_french, title_cased_body, title_cased_translation
from qa.checks.names.source_names import _nominative, heads
from qa.checks.names.source_runs import _AND, _INNER, _NO_ARTICLE, _parts, _proper, source_runs
from qa.data import load_toml, load_tsv
from qa.knowledge.bilingual import back_translations, entry, french_noun_gender, lookup
from qa.knowledge.conditions import at_sentence_start
from qa.knowledge.person_gender import first_name_gender
from qa.knowledge.name_renderings import lexicon
from qa.knowledge.wordlists import zipf
from qa.knowledge.names import DETERMINER_BEFORE, SMALL_WORDS, knowledge
from qa.model.document import Document, Span

# Lowercase words that may stand inside a source name.
_FR_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# French words that may stand inside a rendered name: « Groupe d'action contre la pauvreté ».
_FR_INNER = (SMALL_WORDS - {"et"}) | {"d", "l", "contre", "pour", "sans", "avec", "dans", "sur", "entre", "un", "une"}
_PREPOSITIONS = {"selon", "apres", "avant", "pendant", "depuis", "chez", "contre", "pour", "sans", "sous", "vers",
                 "malgre", "dans", "avec", "parmi", "outre", "durant"}
_GAP = re.compile(r"[ \u00a0]+|[ \u00a0]*['’][ \u00a0]*")
_COMMON = 4.5
_FRENCH = 2.5  # a capitalised word the dictionaries miss is part of the name only if it is French  # a word this frequent (a verb, « demande ») is no unknown part of a name
_NEAR = 0.66
_ALIKE = 0.9


@dataclass(frozen=True)
class Rendered:
    span: Span  # the target words that render the name (without the determiner)
    name: str  # the source name as French keeps it
    article: str  # the article French gives it (name_heads.toml), "" when unknown
    lang: str


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@cache
def _translated_heads() -> frozenset[str]:
    return frozenset(_fold(w) for w in load_toml("name_heads.toml")["translated"]["fr"])


@cache
def _french_forms() -> frozenset[str]:
    """Folded French forms of the known names and the French titles, without their article."""
    kb = knowledge()
    out = set()
    for key in [*kb.by_key, *(a for n in kb.names for a in n.accepted)]:
        out.add(re.sub(r"^(?:(?:le|la|les) |l')", "", _fold(key)).replace("-", " "))
    for t in load_toml("names.toml")["french_titles"]:
        out.add(re.sub(r"^(?:(?:le|la|les) |l')", "", _fold(t)))
    return frozenset(out)



@cache
def _senses(word: str, lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(folded French words the source word may be rendered by, its folded source forms)."""
    low = word.lower()
    forms = {low}
    french: set[str] = set()
    found = lookup(low, lang)
    if found is not None:
        forms.add(found[0])
        french.update(t for t in found[1].translations)
    for part in _parts(low, lang):
        forms.add(part)
        hit = lookup(part, lang)
        if hit is not None:
            forms.add(hit[0])
            french.update(hit[1].translations)
    for sense in lexicon().get((lang, low), ()) + lexicon().get(("*", low), ()):
        french.add(sense.fr)
    words = {_fold(w) for t in french for w in _FR_TOKEN.findall(t) if _fold(w) not in _FR_INNER and not t[:1].isupper()}
    return frozenset(words), frozenset(_fold(f) for f in forms)


@cache
def _french_places() -> frozenset[str]:
    """Folded French names of places and countries (« émirats arabes unis », gender.tsv): never a
    rendered name."""
    names = [*load_toml("places.toml")["places"].values(), *(row[0] for row in load_tsv("gender.tsv")),
             *(v for vs in load_toml("exonyms.toml")["names"].values() for v in vs)]
    return frozenset(_fold(n).replace("-", " ") for n in names)


def _stem_equal(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short[: max(4, len(short) - 2)]) and len(long_) - len(short) <= 4


def renders(french: str, word: str, lang: str) -> bool:
    """Whether a French word renders a source word (see the module's docstring); a hyphenated
    word part by part (« Rouge-Blanc » for « Rot-Weiss »), an English word of a German or Dutch
    name through the English dictionary (« Acier » for the « Steel » of « Thyssenkrupp Steel »)."""
    if "-" in french and "-" in word and french.count("-") == word.count("-"):
        return all(renders(f, w, lang) for f, w in zip(french.split("-"), word.split("-"), strict=True))
    if lang != "en" and lookup(word.lower(), lang) is None and lookup(word.lower(), "en") is not None \
            and _renders(french, word, "en"):
        return True
    return _renders(french, word, lang)


def _renders(french: str, word: str, lang: str) -> bool:
    fr = _fold(french)
    targets, forms = _senses(word, lang)
    if any(_stem_equal(fr, t) for t in targets):
        return True
    for key in _masculine_singular(fr):
        back = {_fold(w) for t in _back(key, lang) for w in t.split()}
        if back & forms:
            return True
    return len(fr) >= 5 and max(SequenceMatcher(None, fr, f).ratio() for f in forms) >= _NEAR


@cache
def _back(french: str, lang: str) -> tuple[str, ...]:
    return back_translations(french, lang)


def _kept(french: str, word: str) -> bool:
    return _fold(french) == _fold(word)


def _spelt_alike(french: str, word: str) -> bool:
    """Kept, or kept with the source's inflection (« Deutsche » for « Deutschen », « Guinness »
    for « Guinness-Buch »): no evidence of a translation."""
    a, b = _fold(french), _fold(word)
    return a == b or b.startswith(a) or a.startswith(b) or SequenceMatcher(None, a, b).ratio() >= _ALIKE


def _aligned(doc: Document, source: str) -> list[tuple[int, str, str]]:
    """(offset, target line, source line) pairs: by line when both have as many, else whole."""
    lines, src = doc.text.split("\n"), source.split("\n")
    if len(lines) != len(src):
        return [(0, doc.text, source)]
    out, pos = [], 0
    for t, s in zip(lines, src, strict=True):
        out.append((pos, t, s))
        pos += len(t) + 1
    return out


def rendered_names(doc: Document, source: str, lang: str) -> Iterator[Rendered]:
    for offset, line, src in _aligned(doc, source):
        runs = source_runs(src, lang)
        if not runs:
            continue
        folded_line = _fold(line)
        for run, article in runs:
            if _fold(" ".join(run)) in folded_line:
                continue  # the target keeps the name
            found = _match(doc, offset, line, run, article, lang)
            if found is not None:
                yield found


def _masculine_singular(fr: str) -> list[str]:
    """A folded French word and its masculine singular guesses (« quotidiennes » → « quotidien »)."""
    out = [fr]
    base = fr[:-1] if fr.endswith(("s", "x")) and len(fr) > 3 else fr
    out.append(base)
    for fem, masc in (("enne", "en"), ("elle", "el"), ("ive", "if"), ("euse", "eux"), ("ere", "er"), ("ale", "al"), ("e", "")):
        if base.endswith(fem) and len(base) - len(fem) >= 3:
            out.append(base[: len(base) - len(fem)] + masc)
            break
    if fr.endswith("aux"):
        out.append(fr[:-3] + "al")
    return list(dict.fromkeys(out))


def _match(doc: Document, offset: int, line: str, run: list[str], article: str, lang: str) -> Rendered | None:
    tokens = [(m.start(), m.end(), m.group()) for m in _FR_TOKEN.finditer(line)]
    words_of_name = [w for w in run if w.lower() not in _INNER.get(lang, set()) | _AND]
    coordinated = any(w in _AND for w in run)  # « Sociaal en Cultureel Planbureau »: « et » inside
    # A compound gives a slot per part (« Warentest » → « waren », « test »), each owned by it.
    content: list[str] = []
    owner: list[int] = []
    for n, w in enumerate(words_of_name):
        parts = _parts(w, lang) if lookup(w, lang) is None else []
        for part in parts or [w]:
            content.append(part)
            owner.append(n)
    skip_until = -1  # a phrase ruled out is not searched again from its inner words
    for i, (start, _, word) in enumerate(tokens):
        if i <= skip_until or not word[0].isupper() or _fold(word) in _FR_INNER or _fold(word) in _PREPOSITIONS:
            continue  # (« Selon l'Énergie Siemens »: « Selon » renders « Laut », yet opens no name)
        used: dict[int, str] = {}  # source index → translated | kept
        unknown = 0  # target words the dictionaries do not tie to a source word (« campinois »)
        words: list[str] = []
        end_i = None
        j = i
        while j < len(tokens):
            w = tokens[j][2]
            if j > i and not _GAP.fullmatch(line[tokens[j - 1][1] : tokens[j][0]]):
                break  # a name holds no punctuation: « Saxe : des milliers »
            if (_fold(w) in _FR_INNER or (_fold(w) == "et" and coordinated)) and j > i:
                j += 1
                continue
            k = next((k for k, s in enumerate(content) if k not in used and _kept(w, words_of_name[owner[k]])), None)
            how = "kept"
            if k is None:
                k = next((k for k, s in enumerate(content) if k not in used and renders(w, s, lang)), None)
                how = "translated"
            if k is None and w[0].isupper() and any(renders(w, content[u], lang) for u in used if used[u] == "translated"):
                # A second word of one source word's rendering, capitalised like the first (« Caisse
                # Maladie » for « Krankenkasse »; not « Guerre mondiale » for « Weltkrieg »).
                pass
            elif k is None:
                if unknown or j == i or len(used) >= len(content) or zipf(_fold(w), "fr") >= _COMMON or (
                        w[0].isupper() and (first_name_gender(w) or zipf(w.lower(), "fr") < _FRENCH)):
                    break
                unknown += 1
            else:
                used[k] = how
            words.append(w)
            end_i = j
            j += 1
        while end_i is not None and unknown and words and not any(
                _kept(words[-1], s) or renders(words[-1], s, lang) for s in content):
            # The run ends in a word the source does not give: not part of the name.
            if len(used) + unknown <= len(content):
                break
            words.pop()
            unknown -= 1
            end_i = max(x for x in range(i, end_i) if _fold(tokens[x][2]) not in _FR_INNER)
        if end_i is None:
            continue
        # The evidence: a common word of the name translated (« Cologne et Hambourg » only
        # gives two cities their French names), capitalised by MT past the sentence's start.
        translated = [(x, tokens[x][2]) for x in range(i, end_i + 1) if tokens[x][2] in words
                      and not any(_spelt_alike(tokens[x][2], whole) for whole in words_of_name)
                      and any(renders(tokens[x][2], s, lang) and not _proper(words_of_name[owner[k]], lang)
                              for k, s in enumerate(content))]
        translated = [w for x, w in translated if w[0].isupper() and not at_sentence_start(doc, offset + tokens[x][0])]
        owners = {owner[k] for k in used}
        if end_i is None or len(words) < 2 or not translated or len(owners) * 2 < len(words_of_name):
            continue
        if len(run) == 1 and not any(w[0].isupper() for w in words[1:]):
            continue  # a lone compound (« Hartstichting ») rendered in sentence case may be the French
        span = Span(offset + start, offset + tokens[end_i][1])
        if at_sentence_start(doc, span.start) and not any(w[0].isupper() for w in words[1:]):
            continue  # a capital that only opens the sentence says nothing
        before = [t[2] for t in reversed(tokens[:i]) if _fold(t[2]) not in _FR_INNER][:2]
        if official_french(words, _french_places()):
            skip_until = end_i
            continue  # « la Banque nationale de Belgique »: the body's official French name
        if (any(_head(w) for w in before) or any(_head(w) for w in words)
                and not (title_cased_body(words, _french_places())
                         or title_cased_translation(words, _french_places()))):
            # (« le ministre des Finances berlinois »: the complement of an office is no name.)
            skip_until = end_i
            continue  # French translates the names of parties, ministries, courts…
        key = re.sub(r"\s+", " ", _fold(doc.text[span.start : span.end])).replace("-", " ")
        if key in _french_forms() or any(p.startswith(key) for p in _french_places()):
            skip_until = end_i
            continue
        src_idx = sorted(owners)
        name_words = run[run.index(words_of_name[src_idx[0]]) : run.index(words_of_name[src_idx[-1]]) + 1]
        if len(owners) < len(words_of_name) and len(owners) + unknown >= len(words_of_name):
            name_words = run  # a word the dictionaries miss stands for the rest of the name
        name = " ".join(_nominative(name_words, lang))
        last = name_words[-1].lower()
        tail = (_parts(last, lang) or [last])[-1]
        table = heads().get(lang, {})
        if article == _NO_ARTICLE:
            article = table.get(last, table.get(tail, ""))
        else:
            article = table.get(last, table.get(tail, article)) or _mt_article(doc, span.start, words[0])
        return Rendered(span, name, article, lang)
    return None


def _head(word: str) -> bool:
    folded = _fold(word)
    return folded in _translated_heads() or _masculine_singular(folded)[-1] in _translated_heads()


_CONTRACTED = {"du": "le", "au": "le", "des": "les", "aux": "les", "le": "le", "la": "la", "les": "les"}


def _mt_article(doc: Document, start: int, head: str) -> str:
    """The article MT gave the rendering, which French keeps for the name when nothing says
    otherwise (« la Fondation Test » → « la Stiftung Warentest »); an elided one by the gender
    of the French head (« l’Union » → « la »)."""
    det = DETERMINER_BEFORE.search(doc.text, max(0, start - 8), start)
    if det is None:
        return ""
    low = det.group(1).lower().replace("’", "'")
    if low in ("l'", "d'"):
        return "la" if french_noun_gender(head) == "f" else "le"
    return _CONTRACTED.get(low, "")


def known_head(name: str, lang: str) -> bool:
    """Whether a name ends in a head of a name French keeps (name_heads.toml)."""
    last = name.split()[-1].lower()
    table = heads().get(lang, {})
    return last in table or (_parts(last, lang) or [last])[-1] in table or entry(last, lang) is None
