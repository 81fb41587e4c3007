"""PN01: proper names translated word for word (PN02 lives in acronyms.py).

The knowledge base (qa/data/names.toml) lists real names; the renderings MT produces
are generated from each name with a bilingual lexicon (qa/data/lexicon.tsv) in
French word order, then matched in the text and kept only with context evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import product

from qa.checks.base import Check, Context
from qa.checks.context import at_sentence_start
from qa.data import load_toml, load_tsv
from qa.document import Document, Span
from qa.findings import Category, Finding, Severity
from qa.textutil import PhraseMatcher, adjust_determiner, capitalize_first, fold_key, starts_with_vowel_sound

FOREIGN_ARTICLES = frozenset("the der die das de het el il lo".split())
_SMALL = frozenset("de des du la le les l d sur pour et en à au aux par contre".split())
MAX_VARIANTS = 120
# Words of countless real titles (« Le Journal hebdomadaire », « Le Quotidien du peuple »):
# a generated rendering made only of them says nothing about which name was translated.
GENERIC = frozenset("""journal journaux quotidien quotidienne hebdomadaire gazette nouvelles informations
actualités presse revue courrier feuille jour dimanche soir matin semaine général générale généraux
populaire national nationale nouveau nouvelle dernières dernier peuple radio poste agence magazine
mensuel libre internationale international messager monde temps""".split())
HINTS = {
    "nl": """néerlandais* pays-bas la haye amsterdam rotterdam belg* bruxelles flamand* anvers utrecht
    flandre* gand eindhoven groningue tweede kamer vvd pvv d66 cda n-va vooruit limbourg brabant""".split(),
    "de": """allemand* allemagne berlin autrich* vienne suisse zurich bundestag chancel* munich hambourg
    bundes* länder cdu csu spd afd fdp bavi* francfort cologne düsseldorf stuttgart dresde leipzig saxe
    hesse rhénanie westphalie bade-wurtemberg bâle berne salzbourg tyrol alémanique""".split(),
    "en": """britanni* londres royaume-uni américain* washington états-unis new york anglais* irland*
    tory tories travailliste* downing street westminster écoss* gallois* dublin californi* texas
    chicago congrès maison-blanche républicain* pentagone""".split(),
}


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
    how: str  # generated | listed | untranslated | photo


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


def feminine(adj: str) -> str:
    if "/" in adj:
        return adj.split("/")[1]
    last = adj.split()[-1] if " " in adj and not adj.startswith(("de ", "du ", "d’")) else adj
    if adj.startswith(("de ", "du ", "d’", "des ")):
        return adj
    endings = (("ier", "ière"), ("er", "ère"), ("eux", "euse"), ("if", "ive"), ("el", "elle"), ("en", "enne"),
               ("on", "onne"), ("eau", "elle"))
    for a, b in endings:
        if last.endswith(a):
            return adj[: len(adj) - len(a)] + b
    return adj if last.endswith("e") else adj + "e"


def agree(adj: str, gender: str) -> str:
    base = adj.split("/")[0]
    form = feminine(adj) if gender.startswith("f") else base
    if gender.endswith("p") and not form.endswith(("s", "x")) and not form.startswith(("de ", "du ", "d’")):
        form = form[:-2] + "aux" if form.endswith("al") else form + "s"
    return form


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
    first, _, rest = fr.partition(" ")
    if first.endswith(("s", "x", "z")):
        return fr
    first = first[:-2] + "aux" if first.endswith("al") else first + ("x" if first.endswith("eau") else "s")
    return f"{first} {rest}".strip()


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
                content = _content(re.findall(r"[\w-]+", bare))
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
                ws = bare.split()
                if how == "generated" and len([w for w in ws if w not in _SMALL]) >= 3:
                    for i in range(1, len(ws)):
                        items.append((" ".join([*ws[:i], "photo", *ws[i:]]), Rendering(n, t, "photo")))
    by_key = {fold_key(n.name): n for n in names}
    by_key.update({fold_key(n.french): n for n in names})
    return KB(names, PhraseMatcher(items), by_key)


# --- context evidence -------------------------------------------------------------------

_DET = re.compile(r"(?:^|(?<=[\s«“\"(]))(le|la|les|l['’]|du|des|au|aux|de|d['’])([ \u00a0]*)$", re.I)
_FRAME_BEFORE = re.compile(
    r"\b(selon|d'apr[eè]s|cit[eéè]e?s? par|interrog[eéè]e?s? par|publi[eéè]e?s? (?:\w+ )?par|notamment|photo|"
    r"quotidien|journal|hebdomadaire|magazine|site|cha[iî]ne|radio|agence|ong|organisation|"
    r"d[eéè]clar[eéè]|indiqu[eéè]|confi[eéè]|affirm[eéè]|expliqu[eéè]|racont[eéè]|pr[eéè]cis[eéè]|"
    r"r[eéè]v[eéè]l[eéè]|"
    r"rapport[eéè]?|entretien|interview|groupe|soci[eéè]t[eéè]|entreprise|g[eéè]ant|constructeur|compagnie|"
    r"firme|fabricant|gestionnaire|fonds|p[eéè]trolier|assureur|op[eéè]rateur|distributeur|enseigne|"
    r"laboratoire|[eéè]diteur|transporteur|brasseur|chimiste|sid[eéè]rurgiste|banque|t[eéè]l[eéè]vision|"
    r"tablo[iï]d|mensuel|think tank|centre de r[eéè]flexion|institut|enqu[eê]te|article|reportage|"
    r"[eé]ditorial|obtenus?)\b")
_FRAME_AFTER = re.compile(
    r"^\W*(?:\w+ ){0,2}?(rapport\w*|[eéè]cri\w*|r[eéè]v[eéè]l\w*|indiqu\w*|affirm\w*|soulign\w*|publi[eéè]\w*|"
    r"pr[eéè]cis\w*|expliqu\w*|consacr\w*|annonc\w*|estim\w*|not[eé]\w*|cit[eé]\w*|assure\w*|d[eéè]nonc\w*|"
    r"document\w*|\(afp\)|\(reuters\))\b")
_MEDIA = re.compile(r"\b(presse|journal|journaux|quotidien|hebdomadaire|article|interview|entretien|"
                    r"[eéè]ditorial|reportage|enqu[eê]te|rapport|ong|organisation|chercheu\w+)\b")


def _foreign(word: str) -> bool:
    from qa.wordlists import zipf  # wordfreq's answers, from the compiled table

    w = word.lower()
    return max(zipf(w, lang) for lang in ("en", "nl", "de")) > zipf(w, "fr") + 1


def _lower(s: str) -> str:
    return s.lower().replace("’", "'")


def evidence(doc: Document, start: int, end: int, sentence: Span) -> tuple[bool, bool, bool]:
    """(frame right before, reporting verb right after, media word in the sentence)."""
    raw = doc.text[max(sentence.start, start - 70) : start]
    # « a déclaré M. Fuest au … »: the speaker's name sits between the verb and « au ».
    raw = _SPEAKER.sub(" ", raw)
    before = _lower(raw[-45:])
    before = " ".join(before.split()[-4:])
    after = _lower(doc.text[end : min(sentence.end, end + 40)])
    whole = _lower(doc.text[sentence.start : start] + " " + doc.text[end : sentence.end])
    return bool(_FRAME_BEFORE.search(before)), bool(_FRAME_AFTER.search(after)), bool(_MEDIA.search(whole))


_OPEN_Q = re.compile(r"[«“\"]\s*(?:(?:le|la|les|l['’])\s*)?$", re.I)
_CLOSE_Q = re.compile(r"\s*[»”\"]")
# « M. » and the like end no sentence, though the splitter may think so.
_ABBREV_END = re.compile(r"(?:^|\s)(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr|St|Ste)\.\s*$")


_SPEAKER = re.compile(r"(?<=[a-zéèêû])\s+(?:(?:M|Mme|MM|Dr|Pr)\.?\s+)?(?:[A-ZÀ-Ý][\w’'-]+\s+){1,3}"
                      r"(?=(?:au|aux|à|à la|à l[’'])\s*[«“\"]?\s*$)")


def _sentence(doc: Document, offset: int) -> Span | None:
    sentence = doc.sentence_at(offset)
    while sentence is not None and sentence.start > 0 and _ABBREV_END.search(doc.text, max(0, sentence.start - 8), sentence.start):
        previous = doc.sentence_at(sentence.start - 1)
        if previous is None or previous.start >= sentence.start:
            break
        sentence = Span(previous.start, sentence.end)
    return sentence


def _content(words: list[str]) -> list[str]:
    return [w for w in words if _lower(w).strip("'") not in _SMALL and w.lower() != "photo"]


def _score(doc: Document, entry: Name, ctx: Context) -> int:
    folded = doc.folded[0]
    score = sum(2 for h in HINTS.get(entry.lang, ()) if re.search(r"(?<!\w)" + re.escape(h.rstrip("*")), folded))
    return score + (5 if ctx.source_lang == entry.lang else 0)


def replacement(doc: Document, start: int, entry: Name, capital_det: bool) -> tuple[int, str]:
    """Where the edit begins and its text, with the French determiner before it fixed."""
    det = _DET.search(doc.text, max(0, start - 8), start)
    if det and capital_det:
        s = det.start()
        if entry.foreign_article or not entry.article:
            return s, entry.french
        art = definite(entry.french, "f" if entry.article == "la" else "mp" if entry.article == "les" else "m")
        return s, capitalize_first(art) if at_sentence_start(doc, s) else art
    if det and not entry.article:
        low = _lower(det.group(1))
        keep = {"du": "de ", "des": "de ", "au": "à ", "aux": "à ", "de": "de ", "d'": "de "}.get(low, "")
        text = keep + entry.french
        if keep == "de " and starts_with_vowel_sound(entry.french):
            text = "d’" + entry.french
        return det.start(), capitalize_first(text) if det.group(1)[0].isupper() else text
    if det and entry.article in ("le", "la", "les", "l’"):
        rebuilt = _rebuild_determiner(doc, det, entry)
        if rebuilt is not None:
            return rebuilt
    text = entry.bare if det else entry.french
    rw = adjust_determiner(doc.text, start, text, "f" if entry.article == "la" else None)
    return rw.start, rw.replacement


_CONTRACT = {("de", "le "): "du ", ("de", "les "): "des ", ("à", "le "): "au ", ("à", "les "): "aux "}
_SPLIT = {"du": ("de", "le"), "des": ("de", "les"), "au": ("à", "le"), "aux": ("à", "les")}


def _rebuild_determiner(doc: Document, det: re.Match[str], entry: Name) -> tuple[int, str] | None:
    """« selon la Poste du matin… » → « selon le South China Morning Post »: the name's own
    article replaces the one MT chose for the translated noun, contracted with « de »/« à »."""
    low = _lower(det.group(1))
    start, prep = det.start(), ""
    if low in _SPLIT:
        prep = _SPLIT[low][0]
    elif low in ("le", "la", "les", "l'"):
        p = re.search(r"(?:^|(?<=\s))(de|à)\s+$", doc.text[max(0, start - 4) : start])
        if p:
            prep, start = p.group(1), start - len(p.group(0))
    else:
        return None
    art = {"le": "le ", "la": "la ", "les": "les ", "l’": "l’"}[entry.article]
    det_text = _CONTRACT.get((prep, art), f"{prep} {art}" if prep else art)
    old = doc.text[start : det.end()]
    if _lower(det_text).strip() == _lower(old).strip():
        return det.end(), entry.bare  # the determiner is already right: edit the name only
    out = det_text + entry.bare
    return start, capitalize_first(out) if old[:1].isupper() else out


# --- titles not in the knowledge base ---------------------------------------------------

# Media of languages other than French: French keeps their original titles, so a title
# made of French words after « le quotidien allemand » is a translation, whatever it is.
_MEDIA_NOUN = (r"(?:quotidien|journal|hebdomadaire|magazine|mensuel|tablo[iï]d|site(?: d['’]information)?|cha[iî]ne|radio|"
               r"t[eé]l[eé]vision|agence(?: de presse)?|revue|ONG|organisation|think tank|centre de r[eé]flexion|"
               r"groupe de r[eé]flexion|cabinet(?: de conseil)?)")
_SOURCE_ADJ = (r"(?<![\w-])(?:allemand|néerlandais|britannique|américain|autrichien|irlandais|anglais|écossais|"
               r"australien|new-yorkais|londonien|berlinois|bavarois|flamand|hollandais)(?:e|ne)?s?(?![\w-])")
_QUALIFIER = r"(?:\s+(?:populaire|conservat\w+|libéral\w*|économique|financi\w+|régional\w*|dominical\w*|gratuit\w*|public|publique|satirique|de (?:gauche|droite|référence)))?"
# Title words are bounded (60 letters) and taken whole (possessive), and _TITLE_BEFORE starts
# only where a word starts, so that a long word costs linear time, not quadratic.
_TITLE = (r"((?:(?:Le|La|Les|L['’])\s*+)?[A-ZÀ-Ý][\w’'-]{1,60}+"
          r"(?:\s++(?:(?:de|du|des|d['’]|pour|et|sur|contre)\s*+(?:(?:la|le|les|l['’])\s*+)?)?[A-ZÀ-Ý][\w’'-]{1,60}+){0,4})")
_TITLE_AFTER = re.compile(r"\b" + _MEDIA_NOUN + r"\s+" + _SOURCE_ADJ + _QUALIFIER + r"\s+(?:(?:le|la|les|l['’])\s*)?" + _TITLE)
_TITLE_BEFORE = re.compile(r"(?<![\w-])" + _TITLE + r"(?:,|\s+\()\s*(?:un|une|le|la|l['’])?\s*" + _MEDIA_NOUN + r"\s+" + _SOURCE_ADJ)


def _french_only(word: str) -> bool:
    from qa.wordlists import zipf  # wordfreq's answers, from the compiled table

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
            words = [w for w in re.findall(r"[^\W\d_]+", title) if w.lower() not in _SMALL | {"pour", "et"}]
            if words and all(_french_only(w) for w in words):
                yield Span(m.start(1), m.end(1))


class NameTranslated(Check):
    """A media outlet, organisation or company name translated word for word.

    French keeps the original name of foreign newspapers, agencies, NGOs and firms
    (« le Financial Times », « Der Spiegel », « Human Rights Watch ») or uses the
    official French name (« Médecins sans frontières »). The renderings MT produces
    are generated from a knowledge base of names and a bilingual lexicon; a match is
    reported only with evidence: capitals, an attribution frame (« selon »,
    « a déclaré au », « rapporte ») or a media word nearby. Real French titles
    (« Le Temps », « Le Monde », « La Croix ») are never reported. A title made only
    of French words that the sentence itself calls foreign (« le quotidien allemand
    Le Messager du Rhin », « X, un quotidien britannique ») is reported as information,
    without a suggestion, even when the name is not in the knowledge base.

    Mauvais : « Selon le Temps Financier, les sanctions sont contournées. »
    Bon :     « Selon le Financial Times, les sanctions sont contournées. »
    """

    code = "PN01"
    name = "names.translated"
    category = Category.NAME_TRANSLATED
    summary = "Proper name translated word for word"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        kb = knowledge()
        matches = list(kb.matcher.finditer(doc.text, doc.folded, longest=False))
        blocks = [m for m in matches if None in m.payloads]
        taken: list[Span] = []
        for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
            renders = [p for p in m.payloads if p is not None]
            if not renders or any(b.start <= m.start and m.end <= b.end for b in blocks):
                continue
            span = Span(m.start, m.end)
            if any(t.overlaps(span) for t in taken):
                continue
            found = self._judge(doc, ctx, span, renders, taken[-1].end if taken else -1)
            if found is not None:
                taken.append(found.span)
                yield found
        for span in unknown_titles(doc, kb):
            if not any(t.overlaps(span) for t in taken):
                yield self.finding(
                    doc, span, f"« {doc[span]} » looks like a foreign title translated into French: "
                    "French keeps the original name of a foreign newspaper or channel",
                    severity=Severity.INFO,
                )

    def _judge(self, doc: Document, ctx: Context, span: Span, renders: list[Rendering],
               previous_end: int = -1) -> Finding | None:
        text = doc[span]
        sentence = _sentence(doc, span.start) or Span(span.start, span.end)
        para = doc.paragraph_at(span.start) or sentence
        ws = _content(re.findall(r"[^\W\d_][\w’'-]*", text))
        if not ws:
            return None
        # A title in quotes keeps its quotes when MT lowercases it: « à "l’image du dimanche" ».
        quoted = len(ws) >= 2 and bool(_OPEN_Q.search(doc.text, max(0, span.start - 6), span.start)
                                       and _CLOSE_Q.match(doc.text, span.end))
        if not ws[0][0].isupper() and not quoted:
            return None
        area = _lower(doc.text[sentence.start : span.start] + " @ " + doc.text[span.end : sentence.end])
        renders = [r for r in renders
                   if not any(re.search(r"(?<!\w)" + re.escape(_lower(a)), area) for a in r.entry.avoid_when)]
        if not renders:
            return None
        how = renders[0].how
        det = _DET.search(doc.text, max(0, span.start - 8), span.start)
        det_start = det.start() if det else span.start
        capital_det = bool(det and det.group(1)[0].isupper())
        starts = at_sentence_start(doc, span.start)
        cap = not starts or len([w for w in ws[1:] if w[0].isupper()]) > 0 or quoted
        before, after, media = evidence(doc, det_start, span.end, sentence)
        # « du Gardien et du Miroir »: coordinated with a name already reported.
        before = before or (0 <= previous_end <= det_start
                            and bool(re.fullmatch(r"\s*(?:,|et|ou)\s*", doc.text[previous_end:det_start])))
        alone = doc[para].strip(" .©:-–") in (text, doc.text[det_start : span.end])
        all_caps = all(w[0].isupper() for w in ws)
        if how == "untranslated":
            # Part of a longer foreign name (« British Red Cross ») or a quoted title.
            prev = re.search(r"([A-Z][\w-]*)\s+$", doc.text[max(sentence.start, span.start - 30) : span.start])
            opened = doc.text[para.start : span.start]
            quoted = opened.count("«") > opened.count("»") or opened.count("“") > opened.count("”")
            ok = not (prev and _foreign(prev.group(1))) and not quoted
        elif how == "photo":
            ok = True
        elif all(r.how == "generic" for r in renders):
            ok = cap and (before or after) and not starts and all(w[0].isupper() for w in ws[:1])
        elif len(ws) >= 2 and all(r.how == "listed" and r.entry.kind == "institution" for r in renders) \
                and ws[0][0].isupper() and not quoted:
            # A curated rendering of a party's or an institution's name (« Parti du travail »)
            # needs no frame when the text is about that country, even at a sentence start.
            ok = (cap and (before or after or media or all_caps or alone)) or any(
                _score(doc, r.entry, ctx) > 0 for r in renders)
        elif len(ws) >= 2:
            ok = cap and (before or after or media or all_caps or alone or len(ws) >= 3)
        else:
            # A title rarely takes a complement: « le Gardien de la paix », « Politique de défense ».
            # … nor a capitalised word after it: « l’Oiseau Jean Dupont » is a person.
            complement = re.match(r"\s+(de|du|des|d['’]|[A-Z])", doc.text[span.end : span.end + 5])
            # « la Politique » is the common noun when the name takes no article.
            # (After « selon » a capitalised « l’Économiste » closed by punctuation is a title.)
            titled = before and bool(re.match(r"\s*[,.;:!?»”)]", doc.text[span.end : span.end + 3]))
            common = bool(det) and not capital_det and not all(r.entry.article for r in renders) and not titled
            # … nor is a word inside a longer proper name (« la Belle Époque »).
            prev = re.search(r"([A-ZÀ-Ý][\w-]*)\s+$", doc.text[max(sentence.start, det_start - 30) : det_start])
            common = common or bool(prev and not at_sentence_start(doc, det_start - len(prev.group(0))))
            ok = cap and (before or after or alone) and not complement and not common
        if not ok:
            return None
        renders.sort(key=lambda r: -_score(doc, r.entry, ctx))
        entry = renders[0].entry
        s, repl = replacement(doc, span.start, entry, capital_det)
        suggestions = [repl]
        if how == "photo":
            s, suggestions = span.start, [f"Photo {entry.bare}", entry.bare]
        for other in dict.fromkeys(r.entry for r in renders[1:]):
            s2, r2 = replacement(doc, span.start, other, capital_det)
            suggestions.append(doc.text[s:s2] + r2 if s2 >= s else r2)
        category = Category.UNTRANSLATED if how == "untranslated" else self.category
        label = "left untranslated" if how == "untranslated" else "translated word for word"
        return self.finding(
            doc, Span(s, span.end), f"« {text} » is the name « {entry.name} » {label}: write « {suggestions[0]} »",
            suggestions=suggestions, category=category,
            autofix=how != "photo" and len(ws) >= 2 and len({r.entry for r in renders}) == 1,
        )
