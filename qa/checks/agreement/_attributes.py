"""Attributes of a woman or of « elle » left masculine, for PA04: what the small model's parse
misses around quotation marks, « elle-même » and fronted phrases.

- « Elle n’est « pas heureux » », « Elle est très satisfait »: an adjective or participle after a
  form of « être » or of a copula verb (« sembler », « paraître », « rester », « devenir »), with
  only adverbs, the negation, quotation marks or « elle-même » between;
- « Elle s’est dit elle-même surpris », « M. Hofer s’est montré ravi »: a pronominal verb of
  judging (« se dire », « se montrer », « se déclarer », « se sentir », « se révéler »…) whose
  reflexive is the direct object, followed by an attribute: both agree;
- « La dirigeante du conseil, Emma Clarke, s’est dite ravi »: the feminine participle of a
  pronominal verb of judging shows its subject a woman, whoever that is; its attribute agrees;
- « Âgé de 44 ans, elle succède »: a participle or adjective opening the sentence, in a phrase
  closed by a comma, right before its subject.

The subject is « elle » (parsed a subject, no preposition before it) or a surname the file or
its source gives a woman (`known_people`, through PA05), with or without a title. English and
German participles and adjectives do not agree, and MT leaves them masculine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from qa.checks.agreement._participle_forms import feminine
from qa.data import load_toml
from qa.knowledge.nlp import Token
from qa.knowledge.person_gender import roles
from qa.knowledge.wordlists import is_french_form

_COPULAS = frozenset({"être", "sembler", "paraître", "rester", "devenir", "demeurer"})
# Pronominal verbs whose reflexive is the direct object and which take an attribute.
_JUDGING = frozenset({"dire", "montrer", "déclarer", "sentir", "révéler", "avérer", "estimer", "juger", "affirmer"})
_BETWEEN = frozenset({"ne", "n'", "pas", "plus", "jamais", "très", "si", "aussi", "bien", "trop", "toujours", "déjà",
                      "encore", "particulièrement", "vraiment", "assez", "fort", "tout", "peu", "guère", "«", "»", '"',
                      "“", "”", "elle-même", "elles-mêmes", "même", "moins"})
_CLITICS = frozenset({"ne", "n'", "se", "s'", "y", "en", "lui", "leur", "l'", "le", "la"})
_TITLES = frozenset({"M.", "Mme", "Monsieur", "Madame"})
# « Elle » or a woman's surname, then a copula or « s’est »: the cheap look before the parse.
SCOPE = re.compile(r"(?<![\w-])(?:[Ee]lle|[A-ZÀ-Þ][\w’'-]++)\s+(?:(?:ne|n['’]|s['’]|se)\s*)*(?:est|était|sera|serait|fut|a été|"
                   r"semble|semblait|semblera(?:it)?|paraît|paraissait|paraîtra(?:it)?|reste|restait|restera(?:it)?|"
                   r"devient|deviendra(?:it)?|est devenue?|"
                   r"dit|disait|montre|montrait|déclare|déclarait|sent|sentait|révèle|révélait)\b"
                   r"|\bs['’](?:est|était|sera(?:it)?)\s+(?:dite|montrée|déclarée|sentie|révélée|avérée|estimée|jugée)\b"
                   r"|(?:^|[.!?»]\s+)[A-ZÀ-Þ][\w-]+(?:é|i|u|is|it|t)\b[^,.!?]{0,60},\s+elle\b")


@dataclass(frozen=True)
class Attribute:
    word: Token
    right: str
    subject: str


def _low(t: Token) -> str:
    return t.text.lower().replace("’", "'")


@cache
def _invariable() -> frozenset[str]:
    return frozenset(load_toml("pronouns.toml")["invariable_pronominal"])


def feminine_form(t: Token) -> str | None:
    """The feminine singular of a masculine singular adjective or participle, when French has it."""
    word = t.text
    # A plural tag on a word without -s or -x is the tagger's slip (« Elle est « déçu » »).
    plural = t.morph.get("Number") == "Plur" and word.endswith(("s", "x"))
    if plural or t.morph.get("Gender") == "Fem" or not word.isalpha() or word[:1].isupper():
        return None
    if word.endswith("is") and is_french_form(word + "e"):
        return word + "e"  # « surpris », « pris », « assis »
    form = feminine(word)
    return form if form is not None and form != word else None


def _woman(toks: list[Token], k: int, women: frozenset[str]) -> str | None:
    """The subject's words when toks[k] is « elle » as a subject or a woman's surname."""
    t = toks[k]
    if t.text.lower() == "elle" and t.dep in ("nsubj", "nsubj:pass", "expl:subj", "ROOT", "dep"):
        if k and toks[k - 1].pos == "ADP":
            return None  # « pour elle »
        return t.text
    if t.text in women and t.pos in ("PROPN", "NOUN", "X"):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and nxt.pos == "PROPN":
            return None  # a longer name
        return t.text
    return None


def attributes(toks: list[Token], women: frozenset[str]) -> Iterator[Attribute]:
    """The attributes of one sentence's tokens left masculine for a feminine subject."""
    seen: set[int] = set()
    for a in (*_fronted(toks), *_subjects(toks, women), *_feminine_judging(toks)):
        if a.word.i not in seen:
            seen.add(a.word.i)
            yield a


def _attribute_after(toks: list[Token], j: int, tags: tuple[str, ...] = ("ADJ", "VERB")) -> Token | None:
    """The adjective or participle at toks[j] or past adverbs, the negation and quotation marks."""
    while j < len(toks) and (_low(toks[j]) in _BETWEEN or toks[j].pos == "ADV"):
        j += 1
    if j >= len(toks) or toks[j].pos not in tags or toks[j].morph.get("VerbForm") not in (None, "Part"):
        return None
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is not None and (_low(nxt) in ("que", "qu'") or nxt.pos in ("DET", "NOUN")):
        return None  # « s’est dit que », « s’est vu refuser l’accès »: no attribute
    return toks[j]


def _feminine_judging(toks: list[Token]) -> Iterator[Attribute]:
    """« …, Emma Clarke, s’est dite ravi »: « s’est » and the feminine singular participle of a
    verb of judging (« dite », « montrée ») say the subject is feminine, whatever the parse
    makes of it; the attribute after it agrees (Le Bon Usage § 952: the participle of a
    pronominal verb whose reflexive is the direct object agrees with it, so with the subject)."""
    for j in range(2, len(toks)):
        t = toks[j]
        if t.lemma not in _JUDGING or not t.text.endswith("e") or t.text.lower() == t.lemma:
            continue
        if _low(toks[j - 1]) not in ("est", "était", "sera", "serait") or _low(toks[j - 2]) not in ("s'", "se"):
            continue
        # The small model tags an attribute after « dite » a noun as often as not (« ravi »).
        word = _attribute_after(toks, j + 1, ("ADJ", "VERB", "NOUN"))
        right = feminine_form(word) if word is not None else None
        if word is not None and right is not None:
            yield Attribute(word, right, f"s’est {t.text}")


def _subjects(toks: list[Token], women: frozenset[str]) -> Iterator[Attribute]:
    for k in range(len(toks)):
        subject = _woman(toks, k, women)
        if subject is None:
            continue
        j, reflexive = k + 1, False
        while j < len(toks) and _low(toks[j]) in _CLITICS:
            reflexive = reflexive or _low(toks[j]) in ("se", "s'")
            j += 1
        if j >= len(toks) or not (toks[j].lemma in _COPULAS or reflexive and toks[j].lemma in _JUDGING):
            continue
        j += 1
        out = []
        if toks[j - 1].lemma in _JUDGING:
            pass  # « elle se dit prêt »: the attribute follows
        elif reflexive and toks[j - 1].lemma == "être":
            # « s’est montré » : the participle of a judging verb, then its attribute.
            if j >= len(toks) or toks[j].lemma not in _JUDGING or toks[j].text.lower() in _invariable() - {"dit"}:
                continue
            out.append(toks[j])
            j += 1
        elif toks[j - 1].lemma == "être" and j < len(toks) and toks[j].text.lower() in ("été", "devenu"):
            j += 1
        while j < len(toks) and (_low(toks[j]) in _BETWEEN or toks[j].pos == "ADV"):
            j += 1
        if j >= len(toks) or toks[j].pos not in ("ADJ", "VERB") or toks[j].morph.get("VerbForm") not in (None, "Part"):
            continue
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if nxt is not None and (_low(nxt) in ("que", "qu'") or nxt.pos in ("DET", "NOUN")):
            continue  # « s’est dit que », « s’est vu refuser l’accès »: no attribute
        out.append(toks[j])
        fixes = [(w, feminine_form(w)) for w in out]
        if fixes[-1][1] is None:
            continue
        for w, right in fixes:
            if right is not None:
                yield Attribute(w, right, subject)


def _fronted(toks: list[Token]) -> Iterator[Attribute]:
    """« Âgé de 44 ans, elle succède »: the sentence's first word, an adjective or participle,
    in a phrase closed by the first comma, right before « elle »."""
    # The small model may tag the capitalised word a noun (« Âgé »): its form decides.
    if len(toks) < 4 or toks[0].pos not in ("ADJ", "VERB", "NOUN") or toks[0].morph.get("VerbForm") not in (None, "Part"):
        return
    comma = next((i for i, t in enumerate(toks) if t.text == ","), None)
    if comma is None or comma + 1 >= len(toks) or toks[comma + 1].text.lower() != "elle":
        return
    if any(t.morph.get("VerbForm") == "Fin" for t in toks[1:comma]):
        return
    right = feminine_form(replace(toks[0], text=toks[0].text.lower(), morph={}))
    if right is None:
        return
    noun = toks[1]  # « Ancien enseignant, elle » → « Ancienne enseignante »: the role noun agrees too
    if toks[0].pos == "ADJ" and comma == 2 and noun.text.isalpha() and noun.text.islower() and noun.morph.get("Gender") != "Fem":
        fem = roles().get(noun.text) or feminine(noun.text)
        if fem is not None and is_french_form(fem):
            phrase = replace(toks[0], end=noun.end, text=f"{toks[0].text} {noun.text}")
            yield Attribute(phrase, f"{right[:1].upper()}{right[1:]} {fem}", "elle")
            return
    yield Attribute(toks[0], right[:1].upper() + right[1:], "elle")
