"""MC19: the preposition or the « que » a verb's complement needs, which a literal translation
drops where MC18's adjacent patterns do not see it — an indirect object joined directly to its
verb (« a répondu leur proposition », « dépendent bibliothèques »), a pronominal verb's complement
after its auxiliary (« s'étaient plaints bruit »), « de »/« à » before a negated infinitive
(« a décidé ne pas soutenir ») or after a verb of the valency lists (« a exigé voir »), and
« que » after a verb of saying when an adverb or a pronoun stands before its clause (« a estimé
hier le pont constituait », « a dit il ne s'attendait pas »). The valencies are data
(qa/data/valency.toml, qa/data/function_words.toml), each from the TLFi and Grevisse."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._bare_nouns import calendar_words, common_noun, determiner, inflected_verb, listed_noun, noun_form
from qa.checks.mechanics._word_classes import is_verb_form
from qa.data import load_toml
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import starts_with_vowel_sound

_NE = frozenset(["ne", "n'", "n’"])
_NEGATION = frozenset(["pas", "plus", "jamais", "rien", "guère", "point"])
_REFLEXIVE = frozenset(["se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"])
# Determiners that open a noun phrase and carry no preposition (« du », « des », « au », « aux »
# may be « de »/« à » + article already: « dépendent des aides » is French).
_OPENERS = frozenset(["le", "la", "les", "l'", "l’", "un", "une", "ce", "cet", "cette", "ces", "son", "sa", "ses",
                      "leur", "leurs", "mon", "ma", "mes", "ton", "ta", "tes", "notre", "nos", "votre", "vos", "plusieurs", "chaque"])
# Words before the verb that make a noun after it its inverted subject (« la réunion à laquelle
# participaient les ministres », « ce dont bénéficient les élèves »).
_INVERTING = frozenset(["auquel", "auxquels", "auxquelles", "laquelle", "lequel", "lesquels", "lesquelles", "dont", "où", "quoi", "que", "qu'", "qu’"])
_SUBJECTS = frozenset(["il", "elle", "ils", "elles", "on"])
# Adverbs that may stand between a verb of saying and its clause without being the clause's.
_BETWEEN = frozenset(["hier", "aujourd'hui", "aujourd’hui", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                      "également", "aussi", "encore", "déjà", "ensuite", "alors", "toutefois", "pourtant", "cependant", "récemment"])
_JOINED = frozenset(["de", "d'", "d’", "du", "des", "à", "au", "aux", "en"])
_CONTRACT = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}


@cache
def _valency() -> dict[str, dict[str, list[str]]]:
    return load_toml("valency.toml")


@cache
def _function_words() -> dict[str, dict[str, list[str]]]:
    return load_toml("function_words.toml")


@cache
def _infinitive_preposition() -> dict[str, str]:
    """Verb lemma → « de » or « à » before its infinitive (MC18's lists and valency.toml)."""
    out: dict[str, str] = {}
    for source in (_function_words()["infinitive"], _valency()["infinitive"]):
        out.update({verb: "de" for verb in source["de"]})
        out.update({verb: "à" for verb in source["a"]})
    return out


@cache
def _mc18_verbs() -> frozenset[str]:
    """The verbs MC18 already checks when the infinitive follows them directly."""
    return frozenset(_function_words()["infinitive"]["de"]) | frozenset(_function_words()["infinitive"]["a"])


@cache
def _indirect() -> dict[str, str]:
    """Verb lemma → the preposition of its noun complement, the pronominal verbs of
    function_words.toml included (« se plaindre de », « s'attendre à »)."""
    out = {verb: "à" for verb in _valency()["indirect"]["a"]}
    out.update({verb: "de" for verb in _valency()["indirect"]["de"]})
    return out


@cache
def _pronominal() -> dict[str, str]:
    governed = _function_words()["governed"]
    out = {verb: "de" for verb in governed["pronominal_de"]}
    out.update({verb: "à" for verb in governed["pronominal_a"]})
    out.update({verb: "avec" for verb in governed.get("pronominal_avec", [])})
    return out


@cache
def _time_words() -> frozenset[str]:
    return frozenset(_valency()["unless"]["time"]) | calendar_words()


def _with(prep: str, word: Token) -> str:
    """« de »/« à » joined to ``word`` (« du bruit », « à leur », « d'une »)."""
    low = word.text.lower()
    if (prep, low) in _CONTRACT:
        return _CONTRACT[(prep, low)]
    if prep == "de" and starts_with_vowel_sound(word.text):
        return "d’" + word.text
    return f"{prep} {word.text}"


def _with_article(prep: str, noun: Token) -> str:
    """« de »/« à » and the definite article before a bare ``noun`` (« du bruit », « à l’offre »)."""
    article = determiner(noun, False)
    if (prep, article) in _CONTRACT:
        return f"{_CONTRACT[(prep, article)]} {noun.text}"
    return f"{prep} l’{noun.text}" if article == "l’" else f"{prep} {article} {noun.text}"


class Valency(Check):
    """A verb's complement lost the preposition or the « que » that joins it.

    German, Dutch and English join many complements directly or place their preposition where
    French has none; a literal translation then writes an indirect object as a direct one (« a
    répondu leur proposition », « dépendent bibliothèques »), drops « de » after a pronominal
    verb's participle (« s'étaient plaints bruit »), before a negated infinitive (« a décidé ne
    pas soutenir ») or after a verb that governs it (« a exigé voir », « s'est engagé les
    aider »), and drops « que » when an adverb or a pronoun opens the clause of a verb of saying
    (« a estimé hier le pont constituait », « a dit il ne s'attendait pas »). The verbs are
    data (valency.toml, function_words.toml); an inverted subject (« à laquelle participaient
    les ministres »), a time adverbial (« a renoncé cette année à ») and « il y a » are French.

    Mauvais : « Le conseil n’a pas répondu leur proposition et a décidé ne pas soutenir le projet. »
    Bon :     « Le conseil n’a pas répondu à leur proposition et a décidé de ne pas soutenir le projet. »
    """

    code = "MC19"
    priority = 206
    data_files = ("valency.toml", "function_words.toml", "caps_rules.toml", "conjugation.toml", "noun_genders.tsv", "gender.tsv", "lexicon.tsv")
    name = "mechanics.valency"
    category = Category.MISSING_WORD
    summary = "« à », « de » or « que » missing before a verb's complement (valency lists)"
    needs_nlp = True
    autofix = "none"
    paragraph_local = True

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        tokens = ctx.analysis(doc).tokens
        out: list[Finding] = []
        for t in tokens:
            if not t.text.isalpha() or not t.text.islower():
                continue
            if t.pos not in ("VERB", "AUX", "ADJ") and not (t.lemma.lower() in _indirect() and inflected_verb(t.text.lower())):
                continue  # ADJ, ADV: spaCy's tags of a verb whose complement lost its preposition
            for found in (self._object(t, tokens), self._infinitive(t, tokens), self._saying(t, tokens)):
                if found is not None:
                    out.append(self.finding(doc, found[0], found[1], [found[2]]))
                    break
        yield from sorted(out, key=lambda f: f.span.start)

    @staticmethod
    def _at(t: Token, tokens: list[Token], k: int) -> Token | None:
        j = t.i + k
        return tokens[j] if 0 <= j < len(tokens) and tokens[j].para == t.para else None

    def _object(self, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« a répondu leur proposition », « s'étaient plaints bruit »: a verb whose noun
        complement takes « à » or « de », followed by a noun phrase with neither."""
        lemma = t.lemma.lower()
        prep = _indirect().get(lemma)
        if prep is None and lemma in _pronominal():
            before = [s.text.lower() for s in tokens[max(0, t.i - 3) : t.i] if s.para == t.para]
            aux = t.i > 0 and tokens[t.i - 1].lemma.lower() == "être"
            if not aux or t.text.lower() == lemma or not any(w in _REFLEXIVE for w in before):
                return None  # MC18 reads the pronominal verb right after its pronoun
            prep = _pronominal()[lemma]
        if prep is None or (t.pos == "ADJ" and t.text.lower() == lemma):
            return None
        before = tokens[max(0, t.i - 6) : t.i]
        if any(s.text.lower() in _INVERTING for s in before if s.para == t.para):
            return None  # « la réunion à laquelle participaient les ministres »
        if t.morph.get("VerbForm") == "Fin" and not any(
                s.head == t.i and s.dep.startswith(("nsubj", "expl")) for s in tokens[max(0, t.i - 40) : t.i] if s.para == t.para):
            return None  # « À une baisse succède une progression »: the noun after is the subject
        k = 1
        nxt = self._at(t, tokens, k)
        while nxt is not None and nxt.pos == "ADV" and nxt.text.lower() not in _NE and k < 3:
            k += 1
            nxt = self._at(t, tokens, k)
        if nxt is None or not (nxt.text.isalpha() or nxt.text.lower() in ("l'", "l’")):
            return None  # « a participé l'inauguration »: the elided article too
        low = nxt.text.lower()
        if low in _OPENERS and nxt.pos in ("DET", "PRON"):
            head = self._at(t, tokens, k + 1)
            while head is not None and head.pos == "ADJ":
                head = self._at(head, tokens, 1)
            if head is None or not head.text.isalpha() or head.pos not in ("NOUN", "ADJ", "VERB") or not noun_form(head.text.lower()):
                return None  # « leur » before a verb is a pronoun (« il leur répond »)
        elif low in _JOINED:
            return None  # « dépend des dons », « participe au vote »: the preposition is there
        elif nxt.text.islower() and nxt.pos in ("NOUN", "ADJ", "VERB") and (  # « subventions » read as a verb: the suffix decides
                common_noun(nxt) or listed_noun(nxt) or (nxt.pos != "VERB" and noun_form(low) and not is_verb_form(low) and not inflected_verb(low))):
            head = nxt  # « dépendent bibliothèques »: spaCy reads a bare noun there as an adjective
        else:
            return None
        if head.lemma.lower() in _function_words()["objects"]["locution_nouns"]:
            return None  # « survivra face aux autres »: a locution, not the complement
        if head.lemma.lower() in _time_words() or head.text.lower() in _time_words() or head.dep in ("nsubj", "nsubj:pass"):
            return None  # « a renoncé cette année à », « où participent les élus »
        if lemma == "répondre" and (head.text.lower() in _valency()["unless"]["answers"] or low in _valency()["unless"]["answers"]):
            return None  # « a répondu la même chose »
        if head is nxt:  # a bare noun: « du bruit », « des bibliothèques », « à l'offre »
            return Span(nxt.start, nxt.end), f"« {t.text} » takes « {prep} » before its complement", _with_article(prep, nxt)
        return Span(nxt.start, nxt.end), f"« {t.text} » takes « {prep} » before its complement", _with(prep, nxt)

    def _infinitive(self, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« a décidé ne pas soutenir », « a exigé voir », « s'est engagé les aider »: a verb
        that joins an infinitive with « de » or « à », followed by the infinitive alone."""
        if t.pos not in ("VERB", "ADJ") or (t.pos == "ADJ" and t.text.lower() == t.lemma.lower()):
            return None
        lemma = t.lemma.lower()
        prep = _infinitive_preposition().get(lemma)
        if prep is None:
            return None
        first = self._at(t, tokens, 1)
        if first is None:
            return None
        k = 1
        negated = False
        if first.text.lower() in _NE:
            second = self._at(t, tokens, 2)
            if second is None or second.text.lower() not in _NEGATION:
                return None
            negated, k = True, 3
        elif lemma in _mc18_verbs():
            return None  # MC18 reports « a décidé investir » itself
        clitics = _function_words()["infinitive"]["clitics"]
        inf = self._at(t, tokens, k)
        while inf is not None and inf.text.lower() in clitics and inf.pos in ("PRON", "DET") and k < 5:
            k += 1
            inf = self._at(t, tokens, k)
        if inf is None or inf.pos not in ("VERB", "AUX") or inf.morph.get("VerbForm") != "Inf" or not inf.text.islower():
            return None
        word = first.text
        joined = ("d’" + word if starts_with_vowel_sound(word) else "de " + word) if prep == "de" else "à " + word
        what = "a negated infinitive" if negated else "an infinitive"
        return Span(first.start, first.end), f"« {t.text} » takes « {prep} » before {what}", joined

    def _saying(self, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« a estimé hier le pont constituait », « a dit il ne s'attendait pas », « a dit
        n'avait pas eu »: a verb of saying whose clause opens with no « que », after an adverb,
        with a pronoun subject, or with its « ne »."""
        if t.pos != "VERB" or t.lemma.lower() not in _function_words()["saying"]["verbs"]:
            return None
        form = t.morph.get("VerbForm")
        if form not in ("Fin", "Part") or (form == "Part" and not (t.i > 0 and tokens[t.i - 1].pos == "AUX")):
            return None
        k = 1
        nxt = self._at(t, tokens, k)
        while nxt is not None and nxt.text.lower() in _BETWEEN and k < 3:
            k += 1
            nxt = self._at(t, tokens, k)
        if nxt is None:
            return None
        low = nxt.text.lower()
        if low in _SUBJECTS and nxt.pos == "PRON":
            after = self._at(nxt, tokens, 1)
            j = 1
            while after is not None and after.text.lower() in _NE | {"se", "s'", "s’", "le", "la", "les", "l'", "l’", "lui", "leur", "en"} and j < 4:
                j += 1
                after = self._at(nxt, tokens, j)
            if low == "il" and self._at(nxt, tokens, 1) is not None and self._at(nxt, tokens, 1).text.lower() == "y":  # type: ignore[union-attr]
                return None  # « a dit il y a deux jours »
            if after is None or after.pos not in ("VERB", "AUX") or after.morph.get("VerbForm") != "Fin" or doc_hyphen(tokens, nxt):
                return None
            fix = ("qu’" if starts_with_vowel_sound(nxt.text) else "que ") + nxt.text
            return Span(nxt.start, nxt.end), f"« {t.text} » needs « que » before its clause", fix
        if low in _NE:
            verb = self._at(nxt, tokens, 1)
            if verb is None or verb.pos not in ("VERB", "AUX") or verb.morph.get("VerbForm") != "Fin" or verb.morph.get("Person", "3") != "3":
                return None  # « a dit ne pas vouloir »: an infinitive is French
            plural = verb.text.endswith("nt")
            heads = {t.i, t.head} if t.dep == "conj" else {t.i}  # « a allé … et a dit »: the first verb's subject
            speaker = next((s for s in tokens[max(0, t.i - 16) : t.i] if s.head in heads and s.dep == "nsubj" and s.para == t.para), None)
            pronoun = ("elles" if plural else "elle") if speaker is not None and speaker.gender == "f" else ("ils" if plural else "il")
            fix = f"qu’{pronoun} {nxt.text}"  # the speaker is the likeliest subject: « a dit qu'elle n'avait »
            return Span(nxt.start, nxt.end), f"« {t.text} » needs « que » and a subject before its clause", fix
        if k == 1 or nxt.pos != "DET" or low not in _OPENERS:
            return None  # right after the verb: MC18's « a déclaré équipe avait »
        head = self._at(nxt, tokens, 1)
        j = 1
        while head is not None and head.pos == "ADJ" and j < 3:
            j += 1
            head = self._at(nxt, tokens, j)
        if head is None or head.pos not in ("NOUN", "PROPN"):
            return None
        verb = self._at(head, tokens, 1)
        while verb is not None and verb.pos == "ADJ":
            verb = self._at(verb, tokens, 1)
        if verb is None or verb.pos not in ("VERB", "AUX") or verb.morph.get("VerbForm") != "Fin" or verb.morph.get("Person", "3") != "3":
            return None  # « a annoncé hier la fermeture du site »: an object, not a clause
        fix = ("qu’" if starts_with_vowel_sound(nxt.text) else "que ") + nxt.text
        return Span(nxt.start, nxt.end), f"« {t.text} » needs « que » before its clause", fix


def doc_hyphen(tokens: list[Token], t: Token) -> bool:
    """``t`` is joined to the word before it by a hyphen (« dit-il »): an inverted subject."""
    return t.i > 0 and tokens[t.i - 1].text.endswith("-") or t.text.startswith("-")
