"""SY03: a noun used as the modifier of the noun after it, in the source's order and
without « de » (« la santé ministre », « le port porte-parole », « les asthme patients »)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.scope import paragraph_words
from qa.checks.syntax._shared import adjective, finite, nominal, participle, plural, words
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import starts_with_vowel_sound

_PLURAL_DETS = frozenset(["les", "des", "ces", "ses", "leurs", "nos", "vos"])
_DETS = frozenset(["le", "la", "l'", "l’", "un", "une", "ce", "cet", "cette", "son", "sa", "leur", "notre", "votre"]) | _PLURAL_DETS
# An acronym (« COVID », « NHS », « EU »; « COVID-19 »), read as a premodifier before a noun.
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,6}(?:-[0-9]{1,2})?")


def _w(key: str) -> frozenset[str]:
    return words("adjunct", key)


def _plain_noun(t: Token) -> bool:
    low = t.text
    return (len(low) >= 3 and low.replace("-", "").isalpha() and low.islower() and nominal(t)
            and participle(t) is None and t.pos not in ("PROPN", "NUM"))


def _of(noun: Token, apostrophe: str, article: bool) -> str:
    """« du port », « de la santé », « de l'eau »; a plural or a generic noun bare: « d'abeilles »."""
    vowel = starts_with_vowel_sound(noun.text)
    if not article or noun.text.endswith(("s", "x")):  # « les populations d'abeilles »
        return f"d{apostrophe}{noun.text}" if vowel else f"de {noun.text}"
    if vowel:
        return f"de l{apostrophe}{noun.text}"
    return f"de la {noun.text}" if noun.gender == "f" else f"du {noun.text}"


class NounAdjunct(Check):
    """A noun before the noun it qualifies, without « de », in the source's order.

    English, Dutch and German put the qualifying noun first (« the health minister »,
    « de havenwoordvoerder », « die Asthmapatienten »); MT that keeps the order writes « la
    santé ministre », « le port porte-parole », « les asthme patients ». French puts the head
    first and the qualifier after « de ». Two signals that clean French does not show
    (qa/data/syntax.toml): the second noun is a noun of office or of a relation
    (« ministre », « porte-parole », « habitants », « prix ») after a noun that names a thing
    or a place; or a plural article, a singular noun and a plural noun. The fix puts the head
    after the article and the qualifier after « de ». An acronym before a noun that is not an
    adjective (« un COVID test ») is the English premodifier too: « un test COVID ».

    Mauvais : « Selon le port porte-parole, l'essai durera un an. »
    Bon :     « Selon le porte-parole du port, l'essai durera un an. »
    """

    code = "SY03"
    priority = 316
    data_files = ("syntax.toml", "conjugation.toml")
    paragraph_local = True
    name = "calque.noun-adjunct"
    category = Category.CALQUE
    summary = "Qualifying noun before its head without « de » (« la santé ministre »)"
    needs_nlp = True
    nlp_components = ()

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        return {k for k, ws in enumerate(paragraph_words(doc, ctx)) if not ws.isdisjoint(_DETS)}

    def _acronym(self, doc: Document, ctx: Context, det: Token, first: Token, head: Token, nxt: Token | None,
                 apostrophe: str) -> Finding | None:
        """« un COVID test », « les EU règles »: an acronym between the article and a noun that
        is not an adjective (« le CHU local », « la SNCF nationale » are French), where the
        source segment uses the same acronym as a premodifier (« a COVID test »: the acronym, then
        a word in lower case); French puts the acronym after its head (« un test COVID »).
        Without a source, silent: « l'ARN messager » is French."""
        if not _ACRONYM.fullmatch(first.text) or not _plain_noun(head) or adjective(head.text):
            return None
        if not ctx.source or not re.search(rf"(?<![\w-]){re.escape(first.text)}[ -][a-z]", ctx.source):
            return None
        if head.pos not in ("NOUN", "ADJ") or participle(head) is not None or finite(head):  # « les FAQ postés », « la VHS affiche »
            return None
        if head.dep == "ROOT" or (nxt is not None and nxt.pos in ("DET", "PRON")):  # « la VHS affiche ses cours »: a verb
            return None
        d = det.text.lower()
        lead = det.text
        if d in ("le", "la", "l'", "l’"):
            lead = det.text[0] + (apostrophe if starts_with_vowel_sound(head.text) else ("a" if head.gender == "f" else "e"))
        joined = f"{lead}{head.text}" if lead.endswith(("'", "’")) else f"{lead} {head.text}"
        return self.finding(doc, Span(det.start, head.end),
                            f"« {first.text} {head.text} »: the acronym qualifies the noun after it, in the source's order",
                            [f"{joined} {first.text}"])

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        toks = ctx.analysis(doc).tokens
        text = doc.text
        apostrophe = "’" if "’" in text else "'"
        for det, first, head in zip(toks, toks[1:], toks[2:], strict=False):
            d = det.text.lower()
            if d not in _DETS or not (det.para == first.para == head.para) or head.start - first.end != 1 or first.start - det.end > 1:
                continue
            if d not in ("ce", "cet", "cette", "son", "sa", "leur", "notre", "votre"):
                found = self._acronym(doc, ctx, det, first, head, toks[head.i + 1] if head.i + 1 < len(toks) else None, apostrophe)
                if found is not None:
                    yield found
                    continue
            if not _plain_noun(first) or first.text in _w("roles") or first.text in _w("persons"):
                continue
            if head.text in _w("roles") and not adjective(first.text):  # « un proche conseiller »
                article = True
            elif (d in _PLURAL_DETS and not plural(first) and not first.text.endswith("z") and _plain_noun(head)
                  and plural(head) and head.text.endswith(("s", "x")) and not adjective(first.text) and not adjective(head.text)):
                article = False
            else:
                continue
            lead = det.text
            if d in ("le", "la") and starts_with_vowel_sound(head.text):
                lead = det.text[0] + apostrophe
            elif d in ("l'", "l’") and not starts_with_vowel_sound(head.text):
                lead = det.text[0] + ("a" if head.gender == "f" else "e")
            joined = f"{lead}{head.text}" if lead.endswith(("'", "’")) else f"{lead} {head.text}"
            yield self.finding(doc, Span(det.start, head.end),
                               f"« {first.text} {head.text} »: the qualifying noun stands before its head without « de » (source order)",
                               [f"{joined} {_of(first, apostrophe, article)}"])
