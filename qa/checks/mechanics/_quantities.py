"""MC15's quantities: the « de » (or « des ») French writes between a noun of quantity and
what it counts, which a literal translation drops: « la moitié zones », « l'ensemble
foyers », « des milliers emplois », « 80 centimètres neige », « plus moitié », « une hausse
près de 8 % ». The word lists are data (qa/data/missing_words.toml, [quantity])."""

from __future__ import annotations

from functools import cache

from qa.checks.mechanics._word_classes import adjective_base, is_verb_form, pos_lemmas
from qa.data import load_toml
from qa.knowledge.nlp import Token
from qa.knowledge.wordlists import zipf
from qa.model.document import Span
from qa.model.textutil import starts_with_vowel_sound

Found = tuple[Span, str, str]
_DETERMINERS = frozenset(["le", "la", "l'", "l’", "les", "un", "une", "des", "de", "d'", "d’", "du", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "votre", "nos", "vos", "quelques", "plusieurs"])
_DE = frozenset(["de", "d'", "d’", "des", "du"])


@cache
def _lists() -> dict[str, frozenset[str]]:
    data = load_toml("missing_words.toml")["quantity"]
    return {key: frozenset(value) for key, value in data.items() if isinstance(value, list)}


def part_nouns() -> frozenset[str]:
    """Nouns of a part of a whole (« plupart », « majorité », « moitié »): « des » before a plural."""
    return _lists()["part"]


@cache
def _after_more() -> dict[str, str]:
    return dict(load_toml("missing_words.toml")["quantity"]["after_more"])


def _de(word: str) -> str:
    return f"d’{word}" if starts_with_vowel_sound(word) else f"de {word}"


def _noun(t: Token, plural: bool) -> bool:
    """A lower-case noun that cannot be read as an adjective or a participle; spaCy's tag of
    a noun whose « de » was dropped is unreliable (« emplois/ADJ », « zones/ADV »), so the
    lexicon decides."""
    low = t.text
    if not low.isalpha() or not low.islower() or len(low) < 3 or (plural and not low.endswith(("s", "x"))):
        return False
    if t.pos in ("AUX", "CCONJ", "SCONJ", "DET", "PRON") or (t.pos == "ADP" and zipf(low) >= 5.0):
        return False  # « 2,3 kilomètres vers le sud », « 1 450 hectares seraient touchés »: a
        # preposition or an auxiliary some noun spells (« vers », « être »), not a noun; a rarer
        # word tagged ADP is a noun whose « de » was dropped (« l'ensemble foyers/ADP urbains »)
    lemma = t.lemma.lower()
    nouns = pos_lemmas("noun")
    singular = low[:-1] if low.endswith(("s", "x")) else low
    if (lemma not in nouns and low not in nouns and singular not in nouns) or zipf(low) >= 6.0:
        return False  # « dans », « sont », « par »: function words that some noun lemma spells
    if adjective_base(low) and t.pos == "ADJ" and low.removesuffix("s").removesuffix("x") not in nouns:
        return False  # « des millions supplémentaires »
    participle = low.endswith(("é", "és", "ée", "ées", "ant"))
    return not (participle and (is_verb_form(low) or t.pos == "VERB"))  # « 18 mètres tiré à ras de terre »


def quantity(t: Token, nxt: Token, tokens: list[Token]) -> Found | None:
    """The first rule of the quantity family that applies to ``t`` followed by ``nxt``."""
    low, lists = t.text.lower(), _lists()
    prev = tokens[t.i - 1].text.lower() if t.i > 0 else ""
    if low in lists["part"] and _noun(nxt, plural=True) and nxt.text.lower() not in lists["not_counted"]:
        if low in lists["needs_determiner"] and prev not in _DETERMINERS:
            return None  # « ensemble » as an adverb
        if prev == "un" and t.i > 1 and tokens[t.i - 2].text.lower() == "et":
            return None  # « 43 manches et un tiers lancées »: the fraction of a number before it
        return Span(t.start, nxt.end), f"« {t.text} » needs « des » before « {nxt.text} »", f"{t.text} des {nxt.text}"
    if low in lists["collective"] and _noun(nxt, plural=True) and nxt.text.lower() not in lists["not_counted"]:
        return Span(t.start, nxt.end), f"« {t.text} » needs « de » before « {nxt.text} »", f"{t.text} {_de(nxt.text)}"
    if low in lists["units"] and t.i > 0 and tokens[t.i - 1].text[-1:].isdigit() and _noun(nxt, plural=False):
        if nxt.text.lower() not in lists["not_counted"]:
            return Span(t.start, nxt.end), f"« {t.text} » needs « de » before « {nxt.text} »", f"{t.text} {_de(nxt.text)}"
    if low in lists["more"] and nxt.text.lower() in _after_more() and prev not in _DE:
        article = _after_more()[nxt.text.lower()]
        return Span(t.start, nxt.end), f"« {t.text} » needs « {article} » before « {nxt.text} »", f"{t.text} {article} {nxt.text}"
    if low in lists["change"] and nxt.text.lower() in lists["approximately"] and t.pos == "NOUN":
        after = tokens[nxt.i + 1 : nxt.i + 3]
        amount = [a for a in after if a.text[:1].isdigit()]
        if amount and (nxt.text.lower() == "environ" or after[0].text.lower() in _DE):
            return Span(nxt.start, nxt.end), f"« {t.text} » needs « de » before the amount", f"de {nxt.text}"
    return None
