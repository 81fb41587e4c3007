"""MC18: a grammatical word a literal translation drops — the subject of a sentence that
opens with its verb, the auxiliary of a past participle, the « de » or « à » before an
infinitive, the « que » of a verb of saying, the « ne » of a negation. spaCy's morphology
finds the verb; what clean French writes in those places is data (qa/data/function_words.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._word_classes import pos_lemmas
from qa.checks.mechanics._bare_nouns import determiner, join_article
from qa.checks.mechanics._finders import token_findings
from qa.checks.mechanics._sentences import pronoun_for as _pronoun_for, sentence as _sentence
from qa.checks.mechanics._verb_reading import coordinated_tense as _coordinated_tense, finite as _finite
from qa.checks.mechanics._verb_reading import verb_after_subject as _verb_after_subject, verb_read_as_noun as _verb_read_as_noun
from qa.data import load_toml
from qa.knowledge.article_gender import listed_gender
from qa.knowledge.conjugation import conjugate, takes_etre
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import is_sentence_start, starts_with_vowel_sound

_SUBJECT_PRONOUNS = frozenset(["il", "elle", "on", "ils", "elles"])
_END = frozenset([".", ";", ":", "!", "?"])
_QUOTES_OPEN = "«“"
_QUOTES_CLOSE = "»”"


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    return load_toml("function_words.toml")


@cache
def _words(table: str, key: str) -> frozenset[str]:
    return frozenset(_data()[table][key])


@cache
def _finite_forms(lemma: str) -> frozenset[str]:
    """The forms of ``lemma`` that are finite (not the participle or the infinitive)."""
    try:
        forms = conjugate(lemma)
    except (ValueError, KeyError):
        return frozenset()
    return frozenset(form for slot, form in forms.items() if slot not in ("pp", "inf", "ppr"))


@cache
def _participles(lemma: str) -> frozenset[str]:
    """The past participle of ``lemma`` in its four forms (« annoncé », « annoncées »)."""
    try:
        pp = conjugate(lemma).get("pp", "")
    except (ValueError, KeyError):
        return frozenset()
    return frozenset([pp, pp + "e", pp + "s", pp + "es"]) if pp else frozenset()


def _in_quotation(doc: Document, offset: int) -> bool:
    """Within « … » or “ … ” in its paragraph (quoted speech drops « ne »)."""
    para = doc.paragraph_at(offset)
    before = doc.text[para.start if para else 0 : offset]
    depth = sum(before.count(c) for c in _QUOTES_OPEN) - sum(before.count(c) for c in _QUOTES_CLOSE)
    return depth > 0 or before.count('"') % 2 == 1


class FunctionWord(Check):
    """A grammatical word the French construction needs is missing.

    A literal translation drops small words that German, Dutch and English do not need or
    place elsewhere: the subject pronoun of a sentence that opens with its verb (« Ont
    annoncé que… »), the auxiliary of a past participle (« il annoncé »), the « de » or
    « à » before an infinitive (« a décidé investir »), the « que » after a verb of saying
    (« a déclaré l'équipe avait… »), the « ne » of a negation outside quoted speech (« ils
    sont pas disponibles »), the « pas » of a lone « ne », and the « de » or « à » after an
    idiom or a pronominal verb that governs it (« avons besoin ce courant », « se réjouissent
    retard »), and the article of a bare plural subject after « que » (« que visiteurs le
    sachent »). The verbs and their prepositions are data (qa/data/function_words.toml),
    checked against clean French.

    Mauvais : « La ville a décidé investir. Ont annoncé que les tarifs sont pas fixés. »
    Bon :     « La ville a décidé d’investir. Ils ont annoncé que les tarifs ne sont pas fixés. »
    """

    code = "MC18"
    priority = 205
    data_files = ("function_words.toml", "conjugation.toml", "missing_words.toml", "caps_rules.toml", "noun_genders.tsv", "gender.tsv", "lexicon.tsv", "names.toml", "first_names.toml", "persons.toml")
    name = "mechanics.function-word"
    category = Category.MISSING_WORD
    summary = "Subject, auxiliary, « de »/« à » before an infinitive or a complement, « que » or « ne » missing"
    needs_nlp = True
    autofix = "none"
    paragraph_local = True

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        tokens = ctx.analysis(doc).tokens
        yield from token_findings(self, doc, tokens, lambda t: (
            self._subject(doc, t, tokens), self._auxiliary(t, tokens), self._infinitive(t, tokens),
            self._saying(t, tokens), self._ne(doc, t, tokens), self._pas(doc, t, tokens), self._governed(t, tokens),
            self._clause_subject(t, tokens)))

    @staticmethod
    def _next(t: Token, tokens: list[Token], k: int = 1) -> Token | None:
        j = t.i + k
        return tokens[j] if 0 <= j < len(tokens) and tokens[j].para == t.para else None

    def _subject(self, doc: Document, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« Ont également annoncé que… », « Demandent une meilleure information. »: a
        sentence of running text that opens with a third-person verb and no subject."""
        auxiliary = t.text.lower() in _words("subject", "auxiliaries")
        if not auxiliary and (not _finite(t) or t.morph.get("Person") != "3" or t.morph.get("Mood") not in ("Ind", "Cnd")):
            return None
        if not t.text[:1].isupper() or not t.text[1:].islower() or not is_sentence_start(doc.text, t.start):
            return None
        low = t.text.lower()
        if low in _words("subject", "inverted") or not (auxiliary or low in _finite_forms(t.lemma.lower())):
            return None
        if not auxiliary and (not low.endswith(("ent", "ont")) or low in pos_lemmas("adj")):
            return None  # « Étend la liste… », « Équivalent à… »: a definition's style, or an adjective
        para = doc.paragraph_at(t.start)
        if para is None or not doc[para].rstrip().endswith((".", "!", "»", "\"")):
            return None
        sent = _sentence(tokens, t.i)
        if any(s.text == "?" for s in sent) or any(s.dep in ("nsubj", "nsubj:pass", "expl:subj") and s.i > t.i and s.pos in ("NOUN", "PROPN") and s.head == t.i for s in sent):
            return None  # a question, or a subject after its verb (« Suivent les résultats »)
        nxt = self._next(t, tokens)
        if nxt is not None and nxt.text in ("-", "-t-") or (nxt is not None and nxt.text.startswith("-")):
            return None  # « Est-ce… », « Faut-il… »
        if low in ("est", "était", "sera", "serait") and nxt is not None and nxt.pos == "DET":
            word = "C’" + low
            return Span(t.start, t.end), f"« {t.text} » has no subject", word
        pronoun = _pronoun_for(t, tokens, low.endswith("nt"))
        return Span(t.start, t.end), f"the verb « {t.text} » opens the sentence with no subject", f"{pronoun} {low}"

    def _auxiliary(self, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« il annoncé », « L'ancien entraîneur annoncé sur … qu'il… »: a past participle
        right after its subject, in a clause with no finite verb before a subordinate one."""
        if t.pos != "VERB" or not t.text.isalpha() or t.i == 0:
            return None
        prev = tokens[t.i - 1]
        lemma = t.lemma.lower()
        if t.text.lower() not in _participles(lemma):
            return None
        if not takes_etre(lemma) and (t.morph.get("Gender") == "Fem" or t.morph.get("Number") == "Plur" or t.text.endswith(("e", "s"))):
            return None  # with « avoir » the participle does not agree: « une lectrice habituée des lieux » is an adjective
        if not _finite_forms(lemma) or t.text.lower() in _finite_forms(lemma):
            return None  # « il dit », « elle permet »: a finite form, not only a participle
        if prev.text.lower() in _SUBJECT_PRONOUNS and prev.pos == "PRON":
            if t.i >= 2 and tokens[t.i - 2].text in ("-", "-t-"):
                return None  # an inverted subject after its auxiliary: « ont-elles découvert »
            plural = prev.text.lower() in ("ils", "elles")
        elif prev.pos in ("NOUN", "PROPN") and prev.dep in ("nsubj", "ROOT") and t.head in (prev.i, t.i) and t.morph.get("VerbForm") == "Part":
            sent = _sentence(tokens, t.i)
            first = sent[0]
            if not is_sentence_start_token(first, prev) or any(_finite(s) for s in sent if s.i < t.i):
                return None
            stop = next((s.i for s in sent if s.i > t.i and s.text.lower() in ("que", "qu'", "qu’", "qui", "dont", "où", "si", "lorsque", "quand", "parce", ",")), sent[-1].i + 1)
            if not _coordinated_tense(sent, t) and (any(_finite(s) for s in sent if t.i < s.i < stop) or not any(
                    s.text.lower() in ("que", "qu'", "qu’") for s in sent if s.i > t.i)):
                return None  # a participle as an adjective (« le projet annoncé hier coûte »)
            plural = prev.number == "p"
        else:
            return None
        aux = ("sont" if plural else "est") if takes_etre(lemma) else ("ont" if plural else "a")
        return Span(t.start, t.end), f"the past participle « {t.text} » has no auxiliary", f"{aux} {t.text}"

    def _infinitive(self, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« a décidé investir », « a promis les aider »: a verb that joins an infinitive with
        « de » or « à », followed by the infinitive alone."""
        lemma = t.lemma.lower()
        prep = "de" if lemma in _words("infinitive", "de") else "à" if lemma in _words("infinitive", "a") else None
        if prep is None or t.pos != "VERB":
            return None
        k = 1
        first = self._next(t, tokens)
        while first is not None and first.text.lower() in _words("infinitive", "clitics") and first.pos == "PRON" and k < 3:
            k += 1
            first = self._next(t, tokens, k)
        inf = first
        if inf is None or inf.pos not in ("VERB", "AUX") or inf.morph.get("VerbForm") != "Inf" or not inf.text.islower():
            return None
        start = self._next(t, tokens)
        assert start is not None
        word = start.text
        joined = ("d’" + word if starts_with_vowel_sound(word) else "de " + word) if prep == "de" else "à " + word
        return Span(start.start, start.end), f"« {t.text} » takes « {prep} » before an infinitive", joined

    def _saying(self, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« a déclaré équipe avait besoin », « affirment livraisons se sont améliorées »: a
        verb of saying, then a subject and its finite verb with no « que »."""
        if t.lemma.lower() not in _words("saying", "verbs") or not t.text.islower():
            return None
        if (t.pos != "VERB" or t.morph.get("VerbForm") not in ("Fin", "Part")) and t.text not in _finite_forms(t.lemma.lower()):
            return None  # « Elles disent les coûts … »: spaCy may tag the verb of a clause with no « que » as anything
        if t.morph.get("VerbForm") == "Part" and not (t.i > 0 and tokens[t.i - 1].pos == "AUX"):
            return None
        j = t.i - 1
        while j >= 0 and tokens[j].para == t.para and tokens[j].pos in ("AUX", "ADV"):
            j -= 1
        if j >= 1 and tokens[j].para == t.para and tokens[j].text == "," and tokens[j - 1].text in ("»", "”", '"'):
            return None  # « », a déclaré un délégué syndical »: an incise, its subject after the verb
        k = 1
        nxt = self._next(t, tokens)
        if nxt is None:
            return None
        head = nxt
        if nxt.pos == "DET":
            k += 1
            head = self._next(t, tokens, k)
        if head is None or head.pos not in ("NOUN", "PROPN") or not head.text.isalpha():
            return None
        after = self._next(t, tokens, k + 1)
        while after is not None and after.pos == "ADJ":
            k += 1
            after = self._next(t, tokens, k + 1)
        if after is not None and after.text.lower() in ("de", "d'", "d’", "du", "des"):
            comp = self._next(t, tokens, k + 2)  # « les coûts de construction augmentent »: one complement
            if comp is not None and comp.pos == "NOUN" and comp.text.isalpha():
                k += 2
                after = self._next(t, tokens, k + 1)
        while after is not None and after.text.lower() in ("se", "s'", "s’", "ne", "n'", "n’", "y", "en"):
            k += 1
            after = self._next(t, tokens, k + 1)
        if after is None or not (_finite(after) and after.morph.get("Person") == "3" or _verb_read_as_noun(after)):
            return None
        if nxt.pos == "DET":
            phrase = nxt.text
            fix = ("qu’" if starts_with_vowel_sound(phrase) else "que ") + phrase
        else:
            phrase = join_article(determiner(head, False), head.text)
            fix = ("qu’" if starts_with_vowel_sound(phrase) else "que ") + phrase
        return Span(nxt.start, nxt.end), f"« {t.text} » needs « que » before its clause", fix

    def _ne(self, doc: Document, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« Ils sont actuellement pas disponibles », « le risque est jamais nul »: « pas »
        or « jamais » after a finite verb with no « ne » before it, outside quoted speech."""
        if t.text.lower() not in _words("negation", "without_ne") or t.i == 0:
            return None
        verb = tokens[t.i - 1]
        if verb.pos == "ADV" and t.i > 1 and verb.text.lower() not in ("ne", "n'", "n’"):
            verb = tokens[t.i - 2]
        if not (_finite(verb) or _verb_read_as_noun(verb) or _verb_after_subject(verb, tokens)) or not verb.text.isalpha() or verb.para != t.para:
            return None
        start = verb.i
        while start > verb.i - 2 and start > 0 and tokens[start - 1].text.lower() in _words("infinitive", "clitics"):
            start -= 1
        before = tokens[start - 1].text.lower() if start > 0 else ""
        if before in ("ne", "n'", "n’") or any(s.text.lower() in ("ne", "n'", "n’") for s in tokens[max(0, start - 3) : verb.i]):
            return None
        if before in ("si", "que", "qu'", "qu’") or _in_quotation(doc, t.start):
            return None
        first = tokens[start]
        word = doc.text[first.start : verb.end]
        fix = ("n’" if starts_with_vowel_sound(word) else "ne ") + word
        return Span(first.start, verb.end), f"« {t.text} » without « ne »", fix

    def _governed(self, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« avons besoin ce courant », « se réjouissent retard »: an idiom or a pronominal
        verb that joins its complement with « de » or « à », followed by the complement alone."""
        if t.i == 0 or not t.text.isalpha():
            return None
        prev = tokens[t.i - 1]
        low = t.text.lower()
        before = tokens[prev.i - 1] if prev.i > 0 else None
        if before is not None and (before.pos == "PUNCT" or before.text.lower() in ("en", "y")):
            return None  # « », se réjouit son directeur », « En font partie les … »: the subject follows
        if prev.pos in ("VERB", "AUX") and (prev.lemma.lower(), low) in _idioms():
            prep = _idioms()[(prev.lemma.lower(), low)]
        elif t.pos == "VERB" and prev.text.lower() in _REFLEXIVE:
            lemma = t.lemma.lower()
            prep = "de" if lemma in _words("governed", "pronominal_de") else "à" if lemma in _words("governed", "pronominal_a") else ""
            if not prep:
                return None
        else:
            return None
        k = 1
        nxt = self._next(t, tokens)
        if nxt is not None and nxt.text.lower() == "depuis":  # « se plaignent depuis des années un manque »
            k = next((j + 1 for j in range(2, 5) if (w := self._next(t, tokens, j)) is not None and (
                w.text.lower() in _SINCE or w.pos == "NUM")), 0)
            nxt = self._next(t, tokens, k) if k else None
        if nxt is None or nxt.text.lower() in _JOINED or not nxt.text.isalpha():
            return None
        bare_noun = nxt.pos == "NOUN" and nxt.text.islower()
        if not (bare_noun or nxt.pos == "DET" or nxt.text.lower() in ("ce", "cet", "cette", "ces")):
            return None
        return Span(nxt.start, nxt.end), f"« {t.text} » takes « {prep} » before its complement", _with_preposition(prep, nxt)

    def _clause_subject(self, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« voulons que visiteurs le sachent », « parce que livraisons sont en retard »: a bare
        plural noun as the subject of a subordinate clause lost its article."""
        if t.text.lower() not in _words("subject", "subordinators"):
            return None
        noun = self._next(t, tokens)
        verb = self._next(t, tokens, 2)
        if noun is None or verb is None or noun.pos not in ("NOUN", "ADJ") or not noun.text.isalpha() or not noun.text.islower():
            return None  # spaCy reads a noun that lost its article as an adjective
        if not noun.text.endswith("s") or listed_gender(noun.text[:-1]) is None:
            return None
        k = 2
        while verb is not None and verb.text.lower() in _words("infinitive", "clitics") | {"ne", "n'", "n’"} and k < 4:
            k += 1
            verb = self._next(t, tokens, k)
        if verb is None or not verb.text.endswith(("ent", "ont")) or not (_finite(verb) or listed_gender(verb.text.lower()) is None):
            return None  # « sachent », which spaCy reads as a noun there
        return Span(noun.start, noun.end), f"the subject « {noun.text} » has no article", f"les {noun.text}"

    def _pas(self, doc: Document, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« il ne veut partir »: « ne » with no second part of the negation in its clause."""
        if t.text.lower() not in ("ne", "n'", "n’") or t.pos not in ("ADV", "PART"):
            return None
        clause: list[Token] = []
        for s in tokens[t.i + 1 : t.i + 16]:
            if s.para != t.para or s.text in _END or s.sent_start:
                break
            clause.append(s)
        opening = []
        for s in reversed(tokens[max(0, t.i - 16) : t.i]):
            if s.para != t.para or s.text in _END:
                break
            opening.append(s)
        second = _words("negation", "second")
        if any(s.text.lower() in second or "pas" in s.text.lower() for s in clause) or any(s.text.lower() in _words("negation", "before") for s in opening):
            return None  # « aucune plainte n'a été déposée », « ne … que plus tard »
        if any(s.text.lower() in _words("negation", "expletive") or s.lemma.lower() in _words("negation", "expletive_verbs") for s in opening):
            return None  # « avant qu'il ne parte », « plus grand qu'on ne le croit », « craint qu'il ne »
        if any(s.lemma.lower() in _words("negation", "alone") or s.text.lower() == "importe" for s in clause[:3]):
            return None  # « n'avait pu », « n'importe »
        verb = next((s for s in clause if s.pos in ("VERB", "AUX")), None)
        if verb is None or not _finite(verb) or verb.morph.get("Mood") == "Imp" or doc.text[verb.end : verb.end + 1] == "-":
            return None
        nxt = tokens[verb.i + 1] if verb.i + 1 < len(tokens) else None
        if nxt is not None and nxt.para == verb.para and nxt.text.isalpha():
            # the word « pas » goes before, in the span too: « ne sont satisfaits » → « sont pas satisfaits »
            return Span(verb.start, nxt.end), f"« {t.text} » without « pas »", f"{verb.text} pas{doc.text[verb.end : nxt.start]}{nxt.text}"
        return Span(verb.start, verb.end), f"« {t.text} » without « pas »", f"{verb.text} pas"


# The word that ends a « depuis » adverbial between a verb and its complement (« depuis des années »).
_SINCE = frozenset(["ans", "années", "mois", "semaines", "jours", "décennies", "longtemps", "toujours", "hier", "lors"])
_REFLEXIVE = frozenset(["se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"])
_JOINED = frozenset(["de", "d'", "d’", "du", "des", "à", "au", "aux", "que", "qu'", "qu’", "en", "y"])
_CONTRACT = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}


@cache
def _idioms() -> dict[tuple[str, str], str]:
    return {(verb, noun): prep for verb, noun, prep in _data()["governed"]["idioms"]}  # type: ignore[misc]


def _with_preposition(prep: str, nxt: Token) -> str:
    """« de » or « à » before ``nxt``, contracted with its article (« du retard », « à l'euro »)."""
    low = nxt.text.lower()
    if nxt.pos == "DET" or low in ("ce", "cet", "cette", "ces"):
        if (prep, low) in _CONTRACT:
            return _CONTRACT[(prep, low)]
        return ("d’" if prep == "de" and starts_with_vowel_sound(nxt.text) else prep + " ") + nxt.text
    article = determiner(nxt, False)
    article = article.removesuffix("’").removesuffix("'")
    if (prep, article) in _CONTRACT:
        return f"{_CONTRACT[(prep, article)]} {nxt.text}"
    return f"{prep} {join_article(determiner(nxt, False), nxt.text)}"


def is_sentence_start_token(first: Token, prev: Token) -> bool:
    """The subject that ends at ``prev`` opens its sentence: the tokens from ``first`` to
    ``prev`` are a plain noun phrase."""
    return first.i <= prev.i and prev.i - first.i <= 4 and first.pos in ("DET", "PROPN", "NOUN")
