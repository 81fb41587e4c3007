"""PN02: a source-language nationality adjective left before a name (« du British Conflict
Armament Research »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.data import load_toml
from qa.knowledge.names import DETERMINER_BEFORE, knowledge, plain_lower
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import capitalize_first, fold_key, starts_with_vowel_sound


_ORG_HEADS = frozenset("""research institute institution foundation council group agency society trust centre center
fund association watch network alliance committee service services office union corporation company bank forum
federation board commission authority initiative project monitor observatory coalition movement campaign
partnership international""".split())
_KIND_NOUN = {"company": ("groupe", "m"), "media": ("journal", "m"), "institution": ("institution", "f")}


_HEAD_GENDER = {"organisation": "f", "ong": "f", "association": "f", "fondation": "f", "société": "f",
                "entreprise": "f", "banque": "f", "agence": "f", "institution": "f", "chaîne": "f", "radio": "f",
                "groupe": "m", "institut": "m", "centre": "m", "journal": "m", "quotidien": "m", "magazine": "m",
                "hebdomadaire": "m", "cabinet": "m", "fonds": "m", "site": "m", "think tank": "m", "laboratoire": "m"}
_HEAD_NOUN = re.compile(r"\b(" + "|".join(_HEAD_GENDER) + r")\s+$", re.I)


@cache
def nationalities() -> dict[str, tuple[str, str, str]]:
    return {d["word"]: (d["m"], d["f"], d["lang"]) for d in load_toml("names.toml")["nationalities"]}


@cache
def _qualifier_pattern() -> re.Pattern[str]:
    alts = "|".join(sorted(map(re.escape, nationalities()), key=len, reverse=True))
    return re.compile(r"\b(" + alts + r")\s+([A-Z][\w’'&-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w’'&-]*)*)")


@cache
def _kept_names() -> frozenset[str]:
    return frozenset(fold_key(x) for x in load_toml("names.toml")["qualified_names"]) | frozenset(knowledge().by_key)


def _with_determiner(det: str | None, noun_phrase: str, gender: str) -> str:
    """« du » + organisation → « de l’organisation », « au » + groupe → « au groupe »."""
    art = ("l’" if starts_with_vowel_sound(noun_phrase) else "la " if gender == "f" else "le ") + noun_phrase
    low = plain_lower(det or "").strip()
    if low in ("du", "de", "d'", "de la", "de l'"):
        out = "du " + noun_phrase if art.startswith("le ") else "de " + art
    elif low in ("au", "à la", "à l'"):
        out = "au " + noun_phrase if art.startswith("le ") else "à " + art
    else:
        out = art
    return capitalize_first(out) if det and det[0].isupper() else out


class ForeignQualifier(Check):
    """A source-language nationality adjective left in front of an organisation's name.

    MT copies a nationality adjective (« British », « Amerikaanse », « deutsche ») with
    the name it qualifies; French puts it after a noun saying what the body is. Real
    names that begin with such an adjective (« German Marshall Fund », « British
    Council ») are kept. (English names of public bodies are UT01's.)

    Mauvais : « Les chercheurs du British Conflict Armament Research ont examiné les débris. »
    Bon :     « Les chercheurs de l’organisation britannique Conflict Armament Research ont examiné les débris. »
    """

    code = "PN02"
    priority = 30
    name = "names.foreign-qualifier"
    category = Category.UNTRANSLATED
    summary = "Foreign nationality adjective left before a name"
    data_files = ("names.toml", "lexicon.tsv")

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        kb, nats, kept = knowledge(), nationalities(), _kept_names()
        for m in _qualifier_pattern().finditer(doc.text):
            adjective, words = m.group(1), m.group(2).split()
            if any(fold_key(" ".join([adjective, *words[:n]])) in kept for n in range(1, len(words) + 1)):
                continue
            known = [n for n in range(len(words), 0, -1) if fold_key(" ".join(words[:n])) in kb.by_key]
            entry = kb.by_key[fold_key(" ".join(words[: known[0]]))] if known else None
            # An English adjective before an unknown English name may belong to it
            # (« American Petroleum Institute »); a Dutch or German one never does.
            if entry is None and (nats[adjective][2] == "en" or not any(w.lower() in _ORG_HEADS for w in words)):
                continue
            org = " ".join(words[: known[0]]) if known else " ".join(words)
            noun, gender = _KIND_NOUN.get(entry.kind if entry else "", ("organisation", "f"))
            name_fr = entry.french if entry else org
            head = _HEAD_NOUN.search(doc.text, max(0, m.start() - 25), m.start())
            if head:
                # « l’organisation deutsche Transparency International »: the noun is
                # already there, only the adjective moves and agrees with it.
                adj = nats[adjective][1 if _HEAD_GENDER.get(head.group(1).lower(), "f") == "f" else 0]
                yield self.finding(
                    doc, Span(m.start(), m.start(2) + len(org)),
                    f"« {adjective} » is a foreign qualifier left before « {org} »: write « {adj} {name_fr} »",
                    suggestions=[f"{adj} {name_fr}", name_fr],
                )
                continue
            det = DETERMINER_BEFORE.search(doc.text, max(0, m.start() - 8), m.start())
            start = det.start() if det else m.start()
            phrase = f"{noun} {nats[adjective][1 if gender == 'f' else 0]} {name_fr}"
            keep = {"du": "de ", "de": "de ", "d'": "de ", "au": "à "}.get(plain_lower(det.group(1)) if det else "", "")
            suggestions = [_with_determiner(det.group(1) if det else None, phrase, gender), keep + name_fr]
            yield self.finding(
                doc, Span(start, m.start(2) + len(org)),
                f"« {adjective} » is a foreign qualifier left before « {org} »: write « {suggestions[0]} »",
                suggestions=suggestions,
            )
