"""The literal renderings MT makes of a foreign name (PN01, PN02): each word through a
bilingual lexicon (qa/data/lexicon.tsv), in French word order, with and without the article,
with « de » links and the agreement of the adjectives (« Temps financiers »)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import product
from typing import Protocol

from qa.data import load_tsv
from qa.knowledge.forms import agree, plural
from qa.model.textutil import fold_key, starts_with_vowel_sound

FOREIGN_ARTICLES = frozenset("the der die das de het el il lo".split())
MAX_VARIANTS = 120


class Named(Protocol):
    """What generation reads of a name (qa.knowledge.names.Name)."""

    @property
    def name(self) -> str: ...  # as its source writes it

    @property
    def lang(self) -> str: ...


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


def generate(entry: Named) -> list[str]:
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
