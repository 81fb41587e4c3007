"""PN01's and PN02's knowledge: the names of names.toml and the literal renderings MT produces of them.

Each name's renderings are generated from a bilingual lexicon (qa.knowledge.name_renderings)
plus the renderings listed in the data; real French titles and the names' own French forms
block a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from qa.data import load_toml
from qa.knowledge.name_renderings import FOREIGN_ARTICLES, generate
from qa.model.textutil import PhraseMatcher, fold_key

SMALL_WORDS = frozenset("de des du la le les l d sur pour et en à au aux par contre".split())
# Words of countless real titles (« Le Journal hebdomadaire », « Le Quotidien du peuple »):
# a generated rendering made only of them says nothing about which name was translated.
GENERIC = frozenset("""journal journaux quotidien quotidienne hebdomadaire gazette nouvelles informations
actualités presse revue courrier feuille jour dimanche soir matin semaine général générale généraux
populaire national nationale nouveau nouvelle dernières dernier peuple radio poste agence magazine
mensuel libre internationale international messager monde temps""".split())
# Words that place a text in a source country (multiword hints joined by « _ »).
HINTS = {lang: [h.replace("_", " ") for h in words.split()] for lang, words in {
    "nl": """néerlandais* pays-bas la_haye amsterdam rotterdam belg* bruxelles flamand* anvers utrecht
    flandre* gand eindhoven groningue tweede_kamer vvd pvv d66 cda n-va vooruit limbourg brabant
    den_haag nimègue nijmegen arnhem leyde delft haarlem zwolle gueldre gelderland frise zélande groningen
    maastricht tilburg breda louvain malines bruges ostende hasselt""",
    "de": """allemand* allemagne berlin autrich* vienne suisse zurich bundestag chancel* munich hambourg
    bundes* länder cdu csu spd afd fdp bavi* francfort cologne düsseldorf stuttgart dresde leipzig saxe
    hesse rhénanie westphalie bade-wurtemberg bâle berne salzbourg tyrol alémanique brême hanovre
    nuremberg brandebourg thuringe basse-saxe mecklembourg graz linz innsbruck carinthie styrie lucerne""",
    "en": """britanni* londres royaume-uni américain* washington états-unis new_york anglais* irland*
    tory tories travailliste* downing_street westminster écoss* gallois* dublin californi* texas
    chicago congrès maison-blanche républicain* pentagone manchester liverpool birmingham édimbourg glasgow
    cardiff belfast cork galway floride new-york boston""",
}.items()}


@dataclass(frozen=True)
class Name:
    name: str
    lang: str
    kind: str
    french: str
    article: str = ""
    renderings: tuple[str, ...] = ()
    avoid_when: tuple[str, ...] = ()
    accepted: tuple[str, ...] = ()

    @property
    def bare(self) -> str:
        """The French form without a foreign leading article (« le Guardian »)."""
        first, _, rest = self.french.partition(" ")
        return rest if rest and first.lower() in FOREIGN_ARTICLES and self.article else self.french

    @property
    def foreign_article(self) -> bool:
        first, _, rest = self.french.partition(" ")
        return bool(rest) and first.lower() in FOREIGN_ARTICLES


@dataclass(frozen=True)
class Rendering:
    entry: Name
    text: str
    how: str  # generated | listed | generic | untranslated


@dataclass(frozen=True)
class KB:
    names: tuple[Name, ...]
    matcher: PhraseMatcher[Rendering | None]
    by_key: dict[str, Name]


def _entries() -> tuple[Name, ...]:
    out = []
    for d in load_toml("names.toml")["names"]:
        out.append(Name(d["name"], d["lang"], d["kind"], d["french"], d.get("article", ""),
                        tuple(d.get("renderings", ())), tuple(d.get("avoid_when", ())), tuple(d.get("accepted", ()))))
    return tuple(out)


@cache
def knowledge() -> KB:
    """The names' matcher and index: built from names.toml in about 0.2 s, so kept in the
    cache folder (qa.knowledge.cache.derived_value) and read back in a tenth of that."""
    import ahocorasick

    from qa.knowledge import cache as disk

    stat = Path(ahocorasick.__file__ or "").stat()
    return disk.derived_value("names", _knowledge, f"ahocorasick:{stat.st_size}:{stat.st_mtime_ns}")


def _knowledge() -> KB:
    data = load_toml("names.toml")
    names = _entries()
    blocked: set[str] = set()
    for t in data["french_titles"]:
        blocked.add(fold_key(t))
    for n in names:
        blocked.update(fold_key(x) for x in (n.french, *n.accepted))
        blocked.update(fold_key(x).replace("-", " ") for x in (n.french, *n.accepted))
    items: list[tuple[str, Rendering | None]] = [(b, None) for b in blocked]
    for n in names:
        generated = generate(n) if n.kind != "institution" else []
        if n.lang != "fr" and fold_key(n.name) != fold_key(n.french):
            items.append((n.name, Rendering(n, n.name, "untranslated")))
        for how, texts in (("listed", n.renderings), ("generated", generated)):
            for t in texts:
                key = fold_key(t)
                bare = re.sub(r"^(?:(?:le|la|les) |l')", "", key)
                content = content_words(re.findall(r"[\w-]+", bare))
                if how == "generated" and all(w in GENERIC for w in content):
                    if len(content) < 2:
                        continue
                    # « Presse libre », « Courrier du dimanche »: words of countless
                    # titles, reported only with an attribution frame (see _judge).
                    how = "generic"
                # A lone demonym (« l’Écossais », « le New-Yorkais ») is a person far more often.
                if how == "generated" and len(content) == 1 and t[:1].isupper():
                    continue
                if any(k in blocked for k in (key, bare, "le " + bare, "la " + bare, "les " + bare, "l'" + bare)):
                    continue
                items.append((bare, Rendering(n, t, how)))
                how = "generated" if how == "generic" else how
    by_key = {fold_key(n.name): n for n in names}
    by_key.update({fold_key(n.french): n for n in names})
    return KB(names, PhraseMatcher(items), by_key)


def original_core(entry: Name) -> str:
    """The name as its source text writes it, without a leading article that declines
    (« Der Standard » is « dem Standard », « De Morgen » is « De Morgen »)."""
    first, _, rest = entry.name.partition(" ")
    return rest if rest and first.lower() in FOREIGN_ARTICLES else entry.name


@cache
def _source_pattern(entry: Name) -> re.Pattern[str]:
    from qa.knowledge.wordlists import zipf  # wordfreq's answers, from the compiled table

    first, _, rest = entry.name.partition(" ")
    if rest and first.lower() in FOREIGN_ARTICLES and entry.lang != "de":
        # Dutch and English articles do not decline: « volgens de Morgen », « the Economist ».
        core = "(?i:" + re.escape(first) + r")\s+" + re.escape(rest)
    else:
        core = re.escape(original_core(entry))
        if " " not in original_core(entry) and zipf(original_core(entry).lower(), entry.lang) >= 3.0:
            # A German noun that is also a common word (« Spiegel », « Zeit »): only in quotes.
            core = "[\"„“”»«‚‘]\\s*" + core
    return re.compile(r"(?<![\w-])" + core + r"(?![\w-])")


def named_in(source: str, entry: Name) -> bool:
    """Whether a source text writes entry's name (« sagte Fuest dem "Spiegel" », « De Morgen schrijft »)."""
    return original_core(entry) in source and bool(_source_pattern(entry).search(source))


@cache
def _own_forms() -> frozenset[str]:
    return frozenset(fold_key(x).replace("-", " ") for n in _entries() for x in (n.french, *n.accepted))


@cache
def renderings_of(entry: Name) -> tuple[str, ...]:
    """Every rendering of entry, blocked ones included (« Le Matin » for « De Morgen »):
    what a source that names entry makes of a match."""
    generated = generate(entry) if entry.kind != "institution" else []
    # A name's own French forms are never renderings, whoever names it.
    own = _own_forms()
    out = [t for t in (*entry.renderings, *generated) if content_words(re.findall(r"[\w-]+", t))
           and re.sub(r"^(?:(?:le|la|les) |l')", "", fold_key(t).replace("-", " ")) not in own]
    return tuple(dict.fromkeys(out))


@cache
def titles_rendering() -> dict[str, tuple[Name, ...]]:
    """French titles (« Le Temps », « Le Standard ») that are also renderings of foreign
    names (« De Tijd », « Die Zeit », « De Standaard »), by folded title without article.
    Generating every rendering takes about 0.2 s: kept in the cache folder as knowledge() is."""
    from qa.knowledge import cache as disk

    return disk.derived_value("names-titles", _titles_rendering)


def _titles_rendering() -> dict[str, tuple[Name, ...]]:
    bare = {re.sub(r"^(?:(?:le|la|les) |l')", "", fold_key(t)) for t in load_toml("names.toml")["french_titles"]}
    out: dict[str, list[Name]] = {}
    for entry in _entries():
        if entry.lang == "fr" or entry.kind == "institution":
            continue
        for text in renderings_of(entry):
            key = re.sub(r"^(?:(?:le|la|les) |l')", "", fold_key(text))
            if key in bare and entry not in out.setdefault(key, []):
                out[key].append(entry)
    return {k: tuple(v) for k, v in out.items()}


# The French determiner (or « de », « à » contracted with it) right before a name.
DETERMINER_BEFORE = re.compile(r"(?:^|(?<=[\s«“\"(]))(le|la|les|l['’]|du|des|au|aux|de|d['’])([ \u00a0]*)$", re.I)


def plain_lower(s: str) -> str:
    """Lower case with straight apostrophes, for comparing words."""
    return s.lower().replace("’", "'")


def content_words(words: list[str]) -> list[str]:
    """The words that are not articles, prepositions or « et »."""
    return [w for w in words if plain_lower(w).strip("'") not in SMALL_WORDS]
