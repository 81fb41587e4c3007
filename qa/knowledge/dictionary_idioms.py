"""The multiword entries of the FreeDict dictionaries (qa.knowledge.bilingual) as idioms to
find rendered word for word (SA13): « in Kraft treten » → « entrer en vigueur », « das
Handtuch werfen » → « jeter l'éponge », « in de steek laten » → « abandonner ».

Measured on the Debian packages (dict-freedict-deu-fra 0.4, -nld-fra, -eng-fra): 2,000
German, 1,363 Dutch and 1,332 English headwords of two words or more, of which those with
two content words (not an article, a preposition, a pronoun or a placeholder such as
« jemand », « iets », « something ») are kept.

An entry is found in a source segment by its content words within a few words of each other,
in any order (German separable verbs and verb-final clauses scatter them): a noun or an
adjective in any inflected form (its ending), a verb by its first consonants and any vowel
after them, with « ge- » before (« tritt », « getreten » for « treten »; « nimmt » for
« nehmen »), which errs towards finding: the French side decides. Its literal rendering is,
per content word, the French words either dictionary direction gives for it (single words,
verbs with all their forms): what a word-for-word translation writes.
"""

from __future__ import annotations

import importlib.util
import re
import runpy
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wordfreq import zipf_frequency

from qa.knowledge import cache as derived
from qa.knowledge.bilingual import files, lookup, table
from qa.knowledge.idioms import SOURCE_WINDOW, key
from qa.knowledge.conjugation import form_slots

# Closed-class words of the headwords: articles, prepositions, pronouns, conjunctions,
# auxiliaries and the placeholders FreeDict writes for an object (« jemandem », « iets »).
FUNCTION = {
    "de": frozenset(
        "der die das den dem des ein eine einen einem einer eines in im ins an am ans auf aus bei beim mit "
        "nach von vom zu zum zur für über unter vor hinter neben zwischen durch gegen ohne um bis "
        "und oder nicht kein keine sich mich dich uns euch es er sie ihm ihn ihr ihnen jemand jemandem "
        "jemanden jemandes etwas jdm jdn jds etw sein seine seinem seinen seiner ist sind wie so als "
        "sein haben werden gar ganz da dann was wer wo man alle alles all".split()
    ),
    "nl": frozenset(
        "de het een den der des in op aan bij met van voor naar uit om over onder tot door tegen "
        "zonder te ten ter en of niet geen zich me mij je jou hem haar ons hen hun het iemand iemands "
        "iets zijn is er als zo wat wie waar men al alle alles hebben worden".split()
    ),
    "en": frozenset(
        "the a an in on at by with of for to from into onto out up off over under about through "
        "and or not no one's oneself someone somebody something sb sth his her its their it them "
        "him me us you be is are was were been have has had do does as so what who which that this "
        "all any some".split()
    ),
}
# French words that say nothing of an entry's sense (for the fix's content words).
FRENCH_FUNCTION = frozenset(
    "le la les l un une des de du d à au aux en y se s sa son ses leur leurs ne pas que qui "
    "dans sur par pour avec être avoir faire quelqu quelque chose un' qu".split()
)
_NOUN_ENDINGS = {"de": "(?:e|en|n|s|es|er|em|ern)?", "nl": "(?:en|s|e|n)?", "en": "(?:s|es)?"}
_VOWELS = "aeiouyäöüàéèêëïîôûœ"
_SENSES = 16
_WORD = re.compile(r"[^\W\d_]+")
# The window of the French literal rendering: its words and this many between them.
SLACK = 4


@dataclass(frozen=True, slots=True)
class DictIdiom:
    lang: str
    idiom: str  # the headword
    terms: tuple[str, ...]  # content words of the headword
    verb: int  # which term is a verb (-1: none)
    fixes: tuple[str, ...]  # the renderings of two content words or more first
    frame: str = ""  # a regex of the headword without its verb, on the source's words

    @property
    def window(self) -> int:
        return len(self.terms) + SLACK


def _is_verb(word: str, lang: str) -> bool:
    found = lookup(word, lang)
    if found is None:
        return False
    if lang in ("de", "nl") and not word.endswith("n"):
        return False
    return sum(t.endswith(("er", "ir", "re", "oir")) and " " not in t for t in found[1].translations[:4]) >= 1


def _idiom(head: str, fixes: tuple[str, ...], lang: str) -> DictIdiom | None:
    words = [w for w in _WORD.findall(head.replace("’", "'"))]
    terms = [w for w in words if w not in FUNCTION[lang] and len(w) >= 3]
    if len(terms) < 2 or len(terms) > 4 or len(terms) != len(set(terms)):
        return None
    # The verb: the last word of a German or Dutch infinitive phrase, the first of an English one.
    cand = len(terms) - 1 if lang in ("de", "nl") else 0
    verb = cand if _is_verb(terms[cand], lang) else -1
    if any(lookup(t, lang) is None and not (i == verb) for i, t in enumerate(terms)):
        return None  # a content word the dictionary does not know: no literal rendering to look for
    if any(t in stop_words(lang) for i, t in enumerate(terms) if i != verb):
        return None  # « nicht mehr können »: an adverb read literally in most sentences
    fixes = tuple(dict.fromkeys(_repaired(f) for f in fixes))
    multi = tuple(f for f in fixes if len(content_words(f)) >= 2)
    if not multi:
        return None  # « Schaden zufügen » → « détériorer »: a support-verb phrase, literal French is French
    skip = words.index(terms[verb]) if verb >= 0 else -1
    frame = "".join(_frame_word(w, lang) for i, w in enumerate(words) if i != skip)
    return DictIdiom(lang, head, tuple(terms), verb, multi + tuple(f for f in fixes if f not in multi), frame)


def content_words(french: str) -> list[str]:
    """The content words of a French phrase, as keys."""
    return [key(w) for w in _WORD.findall(french.replace("’", "'")) if key(w) not in FRENCH_FUNCTION and len(w) >= 3]


_ELIDED = re.compile(r"\b(l|d|qu|s|n|j|c)(?=[aeiouyéèêh][^\W\d_]{2,}\b)")


def _repaired(french: str) -> str:
    """A French headword whose apostrophe the dictionary lost (« sonner lalarme »)."""
    def fix(m: re.Match[str]) -> str:
        word = re.match(r"[^\W\d_]+", french[m.start() :])
        whole = word.group() if word else ""
        rest = whole[len(m.group()) :]
        return m.group() + "'" if zipf_frequency(whole, "fr") == 0 and zipf_frequency(rest, "fr") > 2.5 else m.group()

    return _ELIDED.sub(fix, french)


_PLACEHOLDERS = frozenset(
    "jemand jemandem jemanden jemandes etwas etw jdm jdn jds iemand iemands iets someone somebody something sb sth one".split()
)
_POSSESSIVES = frozenset("sein seine seinem seinen seiner seines ihr ihre ihrem ihren ihrer zijn haar hun his her their its".split())
_REFLEXIVES = frozenset("sich zich oneself".split())
_ARTICLES = {
    "de": frozenset("der die das den dem des".split()),
    "nl": frozenset("de het".split()),
    "en": frozenset("the".split()),
}


def _frame_word(word: str, lang: str) -> str:
    """The regex of one headword word in the source's words, each followed by a space."""
    if len(word) == 1:  # « one's » read as « one », « s »
        return rf"(?:{re.escape(word)} )?"
    if word in _PLACEHOLDERS:
        return r"(?:[^\W\d_]+ ){0,4}"
    if word in _POSSESSIVES:
        return r"[^\W\d_]+ "
    if word in _REFLEXIVES:
        return r"(?:[^\W\d_]+ )?"
    if word in _ARTICLES[lang]:
        return "(?:" + "|".join(sorted(_ARTICLES[lang])) + ") "
    if word in FUNCTION[lang]:
        return re.escape(word) + " "
    return _noun_pattern(word, lang) + " "


@cache
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of the language (spacy/lang/LANG/stop_words.py, MIT), read on its
    own (as qa.checks.source._alignment does)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / lang / "stop_words.py"
    return frozenset(runpy.run_path(str(path))["STOP_WORDS"]) if path.is_file() else frozenset()


def _stamp(*langs: str) -> str:
    """The installed dictionaries' files, sizes and times: what the derived tables depend on."""
    paths = [p for lang in langs for back in (False, True) for p in (files(lang, back) or ())]
    return ":".join(f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in paths)


@cache
def idioms(lang: str) -> tuple[DictIdiom, ...]:
    """The multiword entries of the dictionary of ``lang`` into French, and the multiword
    translations of the French-to-``lang`` dictionary (« remettre en question » → « in Frage
    stellen »), each with its French renderings; compiled once and kept in qa's cache folder."""
    if files(lang) is None:
        return ()
    return derived.derived_value("dictionary-idioms", lambda: _build(lang), lang, _stamp(lang))


def _build(lang: str) -> tuple[DictIdiom, ...]:
    fixes: dict[str, list[str]] = defaultdict(list)
    for head, found in table(lang).items():
        if " " in head:
            fixes[head].extend(t for t in found.translations if t)
    for french, found in table(lang, back=True).items():
        for t in found.translations:
            if " " in t and french not in fixes[t.lower()]:
                fixes[t.lower()].append(french)
    out = []
    for head, renderings in fixes.items():
        idiom = _idiom(head, tuple(renderings), lang)
        if idiom is not None and idiom.fixes:
            out.append(idiom)
    return tuple(out)


def _noun_pattern(term: str, lang: str) -> str:
    return re.escape(term) + _NOUN_ENDINGS[lang]


def _verb_pattern(term: str) -> str:
    m = re.match(rf"[^{_VOWELS}]*", term)
    onset = m.group() if m else ""
    return rf"(?:ge)?{re.escape(onset)}[{_VOWELS}][^\W\d_]*"


@cache
def _patterns(idiom: DictIdiom) -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile(_verb_pattern(t) if i == idiom.verb else _noun_pattern(t, idiom.lang))
        for i, t in enumerate(idiom.terms)
    )


@cache
def _frame(idiom: DictIdiom) -> re.Pattern[str]:
    return re.compile(r"(?<= )" + idiom.frame)


@cache
def _index(lang: str) -> dict[str, tuple[DictIdiom, ...]]:
    """Each idiom under the headword form of its first non-verb term."""
    out: dict[str, list[DictIdiom]] = defaultdict(list)
    for idiom in idioms(lang):
        anchor = next(t for i, t in enumerate(idiom.terms) if i != idiom.verb)
        out[anchor].append(idiom)
    return {k: tuple(v) for k, v in out.items()}


def _anchors(word: str, lang: str) -> list[str]:
    """The headword forms a source word may inflect (its endings undone)."""
    out = [word]
    for end in ("ern", "en", "er", "es", "em", "e", "n", "s"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            out.append(word[: -len(end)])
    return out


def in_source(source: str, lang: str) -> list[DictIdiom]:
    """The multiword entries whose content words all stand in the source segment, each
    within SOURCE_WINDOW words of the anchor."""
    words = [w.casefold() for w in _WORD.findall(source.replace("’", "'"))]
    joined = " " + " ".join(words) + " "
    index = _index(lang)
    found: dict[str, DictIdiom] = {}
    for i, w in enumerate(words):
        for anchor in _anchors(w, lang):
            for idiom in index.get(anchor, ()):
                if idiom.idiom in found:
                    continue
                near = words[max(0, i - SOURCE_WINDOW) : i + SOURCE_WINDOW + 1]
                if not _frame(idiom).search(joined):
                    continue  # the headword's other words are not there in its order
                if all(any(p.fullmatch(x) for x in near) for p in _patterns(idiom)):
                    found[idiom.idiom] = idiom
    return list(found.values())


@cache
def _reverse(lang: str) -> dict[str, frozenset[str]]:
    """Source word → the French headwords of the French-to-source dictionary that give it."""
    out: dict[str, set[str]] = defaultdict(set)
    for french, found in table(lang, back=True).items():
        if " " in french:
            continue
        for t in found.translations[:_SENSES]:
            if " " not in t:
                out[t.lower()].add(french)
    return {k: frozenset(v) for k, v in out.items()}


def _forms(word: str) -> frozenset[str]:
    if not word.endswith(("er", "ir", "re", "oir")):
        return frozenset({key(word)})
    try:
        return frozenset({key(word), *(key(f) for f in form_slots(word))})
    except ValueError:
        return frozenset({key(word)})


@cache
def literal(idiom: DictIdiom) -> tuple[frozenset[str], ...]:
    """Per content word, the keys of the French words a word-for-word rendering writes."""
    groups = []
    for term in idiom.terms:
        found = lookup(term, idiom.lang)
        words = set()
        for t in found[1].translations[:_SENSES] if found else ():
            content = [w for w in _WORD.findall(t.replace("’", "'")) if key(w) not in FRENCH_FUNCTION]
            if len(content) == 1:  # « entrer dans » for « treten »: its one content word
                words.add(content[0])
        words |= _reverse(idiom.lang).get(term, frozenset())
        keys = frozenset().union(*(_forms(key(w)) for w in words if len(w) >= 3)) if words else frozenset()
        groups.append(keys - FRENCH_FUNCTION)
    return tuple(groups)


@cache
def french_expressions() -> dict[str, tuple[frozenset[str], ...]]:
    """The multiword headwords of the French-to-X dictionaries (dict-freedict-fra-deu,
    -fra-nld, -fra-eng), by content word: French idioms (« prendre en compte », « tenir
    compte de »), so a literal rendering that is one is French. Each as its content words."""
    return derived.derived_value("french-expressions", _build_french, _stamp("de", "nl", "en"))


def _build_french() -> dict[str, tuple[frozenset[str], ...]]:
    out: dict[str, set[frozenset[str]]] = defaultdict(set)
    for lang in ("de", "nl", "en"):
        for head in table(lang, back=True):
            if " " not in head:
                continue
            words = frozenset(key(w) for w in _WORD.findall(head.replace("’", "'")) if key(w) not in FRENCH_FUNCTION)
            if len(words) >= 2:
                for w in words:
                    out[w].add(words)
    return {k: tuple(v) for k, v in out.items()}
