"""PN01's and PN02's knowledge: the names of names.toml and the literal renderings MT produces of them.

Each name's renderings are generated from a bilingual lexicon (qa/data/lexicon.tsv) in
French word order, with and without the article, plus the renderings listed in the data;
real French titles and the names' own French forms block a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import product
from pathlib import Path

from qa.data import load_toml, load_tsv
from qa.knowledge.forms import agree, plural
from qa.model.textutil import PhraseMatcher, fold_key, starts_with_vowel_sound

FOREIGN_ARTICLES = frozenset("the der die das de het el il lo".split())
SMALL_WORDS = frozenset("de des du la le les l d sur pour et en à au aux par contre".split())
MAX_VARIANTS = 120
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


# --- lexicon and generation ---------------------------------------------------------


@dataclass(frozen=True)
class Sense:
    fr: str
    gender: str  # m f mp fp, "" for kept words
    pos: str
    links: tuple[str, ...] = ()


@cache
def lexicon() -> dict[tuple[str, str], tuple[Sense, ...]]:
    out: dict[tuple[str, str], tuple[Sense, ...]] = {}
    for row in load_tsv("lexicon.tsv"):
        lang, src, frs, pos, genders = (*row, "", "")[:5]
        links = tuple(row[5].split("|")) if len(row) > 5 and row[5] else ()
        words = frs.split("|")
        gs = genders.split("|") if genders else [""]
        out[(lang, src.lower())] = tuple(
            Sense(w, gs[i] if i < len(gs) else gs[0], pos, links) for i, w in enumerate(words)
        )
    return out


def definite(np: str, gender: str) -> str:
    if gender.endswith("p"):
        return "les " + np
    if starts_with_vowel_sound(np):
        return "l’" + np
    return ("la " if gender.startswith("f") else "le ") + np


def de_links(np: str, gender: str, kept: bool = False) -> list[str]:
    """« de » phrases MT writes for a noun modifier: bare and with an article."""
    bare = ("d’" if starts_with_vowel_sound(np) else "de ") + np
    if kept and gender == "place":
        # A place may take an article: « du Texas », « de la Tamise », « du Proche-Orient ».
        return [bare, "de l’" + np] if starts_with_vowel_sound(np) else [bare, "du " + np, "de la " + np]
    if kept:
        # A foreign h is often aspirated: « de Hong Kong », « de Hambourg ».
        return [bare, "de " + np] if np[:1] in "Hh" else [bare]
    art = definite(np, gender)
    if art.startswith(("le ", "les ")):
        contracted = ("du " if art.startswith("le ") else "des ") + art.split(" ", 1)[1]
    else:
        contracted = "de " + art
    return [bare, contracted]


def tokenize(lang: str, words: list[str]) -> list[tuple[str, tuple[Sense, ...]]]:
    lex = lexicon()
    out: list[tuple[str, tuple[Sense, ...]]] = []
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            chunk = " ".join(words[i : i + n]).lower()
            senses = lex.get((lang, chunk)) or lex.get(("*", chunk))
            if i + n <= len(words) and senses:
                out.append((chunk, senses))
                i += n
                break
        else:
            w = words[i]
            out.append((w, (Sense(w, "m", "prop"),)))
            i += 1
    return out


def render_np(items: list[tuple[str, tuple[Sense, ...]]]) -> list[tuple[str, str]]:
    """Head-final source noun phrase → French variants (text, gender)."""
    if not items:
        return []
    *mods, head = items
    if mods and head[1][0].pos == "adj" and mods[-1][1][0].pos == "noun":
        # « Transparency International »: an adjective after the noun stays there.
        *mods, head = [*mods[:-1], head, mods[-1]]
    heads = [(s.fr, s.gender or "m", s.links) for s in head[1] if s.pos != "prep"]
    if not mods:
        return [(h, g) for h, g, _ in heads]
    nouns = [i for i, (_, senses) in enumerate(mods) if senses[0].pos in ("noun", "place", "prop")]
    k = nouns[-1] if nouns else -1
    inner = mods[: k + 1]
    near = mods[k + 1 :]
    out: list[tuple[str, str]] = []
    lead = 0
    while lead < len(inner) - 1 and inner[lead][1][0].pos in ("adj", "adjpre"):
        lead += 1
    if lead:
        # « International Rescue Committee »: the adjective may qualify the head,
        # « Comité international de secours ».
        out += render_np([*inner[lead:], *inner[:lead], *near, head])
    inner_variants = render_np(inner) if inner else [("", "")]
    inner_kind = inner[-1][1][0].pos if inner else ""
    all_kept = bool(inner) and all(senses[0].pos == "prop" for _, senses in inner)
    if all_kept:
        # Words the lexicon does not know are mostly places (« Liverpool Echo »,
        # « Palm Beach Post »): kept whole, as « Écho de Liverpool ».
        inner_variants = [(" ".join(senses[0].fr for _, senses in inner), "m")]
    for (h, g, links), adjs in product(heads, product(*[m[1] for m in near]) if near else [()]):
        pre = [agree(a.fr, g) for a in adjs if a.pos == "adjpre"]
        post = [agree(a.fr, g) for a in adjs if a.pos == "adj"]
        core = " ".join([*pre, h])
        orders = [post, post[::-1]] if len(post) > 1 else [post]
        for order in orders:
            np = " ".join([core, *order])
            for iv, ig in inner_variants:
                if not iv:
                    out.append((np, g))
                    continue
                if all_kept:
                    out.append((f"{np} {iv}", g))
                    out.append((f"{iv} {np}", g))
                    out += [(f"{np} {link}", g) for link in de_links(iv, "m", kept=True)]
                    continue
                for link in de_links(iv, "place" if inner_kind == "place" else ig, kept=inner_kind in ("place", "prop")):
                    out.append((f"{np} {link}", g))
                for prep in links:
                    out.append((f"{np} {prep} {definite(iv, ig)}", g))
                    out.append((f"{np} {prep} {iv}", g))
    return out[:MAX_VARIANTS]


def _plural_source(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "news"))


def _plural(fr: str) -> str:
    """A lexicon noun's French in the plural: its first word is the head."""
    first, _, rest = fr.partition(" ")
    return f"{plural(first)} {rest}".strip()


def generate(entry: Name) -> list[str]:
    words = re.findall(r"[\w’'&.-]+", entry.name.replace("-", " "))
    if words and words[0].lower() in FOREIGN_ARTICLES:
        words = words[1:]
    if entry.lang == "en":
        words = [w for i, w in enumerate(words) if i == 0 or w.lower() not in ("a", "an", "the")]
    items = tokenize(entry.lang, words)
    # A preposition splits the name: « Council on Foreign Relations ».
    split = next((i for i, (_, s) in enumerate(items) if s[0].pos == "prep"), None)
    if split is not None:
        left, right = render_np(items[:split]), render_np(items[split + 1 :])
        preps = [s.fr for s in items[split][1]]
        out = []
        for (lt, _), (rt, rg), prep in product(left, right, preps):
            if prep == "de":
                out += [f"{lt} {link}" for link in de_links(rt, rg)]
            else:
                out += [f"{lt} {prep} {definite(rt, rg)}", f"{lt} {prep} {rt}"]
        # MT also renders « for », « on » as plain « de »: « Institut des études fiscales ».
        out += [f"{lt} {link}" for (lt, _), (rt, rg) in product(left, right) for link in de_links(rt, rg)]
        variants = list(dict.fromkeys(out))
    else:
        if all(s[0].pos == "prop" for _, s in items) or (len(items) == 1 and items[0][1][0].pos == "adj"):
            return []  # kept as is, or a lone adjective (« l’Australien » is a person)
        variants = [t for t, _ in render_np(items)]
        head = items[-1][1]
        if len(items) >= 2 and head[0].pos == "noun":
            # Only the head translated, in source order: « Washington Poste », and in
            # French order with the rest kept: « Nouvelles de Fox ».
            kept = " ".join(w for w in words[: len(words) - len(items[-1][0].split())])
            variants += [f"{kept} {s.fr}" for s in head]
            if len(items) == 2 and items[0][1][0].pos == "noun":
                variants += [f"{s.fr} {link}" for s in head for link in de_links(kept, "m", kept=True)]
            if len(items) == 2 and items[0][1][0].pos in ("noun", "place"):
                # Apposition in French order: « Lignes aériennes Sud-Ouest ».
                variants += [f"{h.fr} {m.fr}" for h in head for m in items[0][1] if h.pos != "prep"]
        if entry.lang == "en" and len(items) >= 2 and head[0].pos == "noun" and _plural_source(items[-1][0]):
            # « Times » is plural: MT agrees the adjectives (« Temps financiers »,
            # « Époques financières »).
            plural = [Sense(_plural(s.fr), (s.gender or "m")[:1] + "p", s.pos, s.links) for s in head]
            variants += [t for t, _ in render_np([*items[:-1], (items[-1][0], tuple(plural))])]
    return [v for v in dict.fromkeys(variants) if fold_key(v) != fold_key(" ".join(words))][:MAX_VARIANTS]


# --- the knowledge base ---------------------------------------------------------------


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
