"""MC20: a determiner or a subject a literal translation drops inside a sentence, read from
spaCy's parse — a subject noun with no determiner after a fronted adverbial or a conjunction
(« Après trois ans de travaux, ville a inauguré », « parce que prix de l'acier a augmenté »), a
singular noun with none after « selon », « pendant », « dans » that spaCy parses as the
preposition's object (« selon responsable de l'office », « pendant été »), an object that an
adverbial separates from its verb (« commencera en mars renforcement de la digue »), and a
finite verb with no subject after a fronted adverbial (« Selon le conseil, n'a pas les moyens »).
What clean French writes bare is data (qa/data/missing_words.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._finders import token_findings
from qa.checks.mechanics._sentences import sentence
from qa.checks.mechanics._bare_nouns import calendar_words, common_form, determiner, join_article, lexical_noun, listed_form, noun_form
from qa.checks.mechanics._word_classes import adjective_base
from qa.data import load_toml
from qa.knowledge.article_gender import listed_gender
from qa.knowledge.conjugation import conjugate
from qa.knowledge.nlp import Token
from qa.knowledge.wordlists import zipf
from qa.model.caches import word_cache
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import starts_with_vowel_sound

_SUBJECTS = ("nsubj", "nsubj:pass")
_DETERMINING = ("det", "nummod", "det:poss", "nmod:poss")
# What may stand right before a subject noun that lost its article inside a sentence.
_BEFORE_SUBJECT = frozenset([",", "que", "qu'", "qu’", "lorsque", "puisque", "quand", "car", "mais"])
# Prepositions after which spaCy's object of the preposition, a singular common noun, always
# has a determiner in clean French (« après », « dès », « contre », « sur » have bare locutions:
# « après coup », « dès réception », « contre remboursement », « sur place »).
_STRICT = frozenset(["selon", "pendant", "durant", "parmi", "dans", "vers"])
_DEFINITE_AFTER = frozenset(["de", "du", "des", "d'", "d’", ".", ";"])
_COPULAS = frozenset(["être", "devenir", "rester", "sembler", "paraître", "demeurer", "nommer", "élire", "appeler", "considérer",
                      "proclamer", "désigner", "juger", "trouver", "qualifier", "rendre", "avoir", "faire"])
_CLITICS = frozenset(["ne", "n'", "n’", "se", "s'", "s’", "y", "en", "le", "la", "les", "l'", "l’", "lui", "leur"])
_NEXT_YEAR = frozenset(["prochain", "prochaine", "dernier", "dernière", "suivant", "suivante", "passé", "passée"])
_TIME = frozenset(["an", "année", "semaine", "mois", "été", "hiver", "printemps", "automne", "week-end", "saison"])


@cache
def _bare() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_toml("missing_words.toml")
    light = frozenset(data["verbs"]["bare"]) | frozenset(data["verbs"]["light"])
    return frozenset(data["prepositions"]["bare"]), light, frozenset(data["locutions"]["bare"])


@cache
def _adverbs() -> frozenset[str]:
    return frozenset(load_toml("missing_words.toml")["quantity"]["adverbs"])


@cache
def _inverted() -> frozenset[str]:
    return frozenset(load_toml("function_words.toml")["subject"]["inverted"])


def _participle_form(t: Token) -> bool:
    """« faite », « faits »: a form of the past participle of its lemma, whatever spaCy's morphology."""
    try:
        pp = conjugate(t.lemma.lower()).get("pp", "")
    except (ValueError, KeyError):
        return False
    return bool(pp) and t.text.lower() in (pp, pp + "e", pp + "s", pp + "es")


def _fronted(tokens: list[Token], comma: int) -> bool:
    """The sentence opens with an adverbial that ends at the comma tokens[comma]: a
    preposition or an adverb first, at most eight words, no verb, subject or quotation."""
    opening = [s for s in sentence(tokens, comma) if s.i < comma]
    if not opening or len(opening) > 8 or opening[0].pos not in ("ADP", "ADV"):
        return False
    return not any(s.pos in ("VERB", "AUX") or s.dep in _SUBJECTS or s.text.lower() in ("qui", "que", "qu'", "qu’", "«", "»", "\"") for s in opening)


def _plain_noun(t: Token, seasons: bool = False) -> bool:
    """A lower-case common noun the lexicon knows, frequent, not a time word (a season only
    when ``seasons``: « pendant été ») nor a number."""
    return _plain(t.text, t.pos, t.lemma, seasons)


@word_cache(1 << 14)
def _plain(text: str, pos: str, lemma: str, seasons: bool) -> bool:
    """_plain_noun of a token with this text, part of speech and lemma: all it reads of the
    token, so each word is judged once (three asks per token, each with several look-ups)."""
    low = text.lower()
    if pos in ("DET", "PRON", "ADP", "NUM", "CCONJ", "SCONJ", "ADV", "AUX", "PUNCT"):
        return False  # « dans une », « dans son », « rien »: function words the lexicon also has as nouns
    if not low.replace("-", "").isalpha() or not text.islower() or len(low) < 3 or low in calendar_words() or lemma.lower() in calendar_words():
        return False
    if not seasons and (low in _TIME or lemma.lower() in _TIME):
        return False
    if lexical_noun(low):
        return zipf(low) >= 3.0
    known = noun_form(low) or (pos == "NOUN" and (noun_form(lemma.lower()) or listed_gender(low) is not None))  # « prix »
    return known and zipf(low) >= 3.0 and (pos == "NOUN" or common_form(text, pos, lemma) or listed_form(text, pos, lemma))


class BareNoun(Check):
    """A noun inside a sentence lost its determiner, or a verb its subject.

    German, Dutch and English let a literal translation drop an article where spaCy's parse
    still sees the noun's role: the subject of a clause after a fronted adverbial, « que » or
    « parce que » (« Après trois ans de travaux, ville a inauguré le pont »); a singular noun
    after « selon », « pendant », « durant », « dans », « parmi », « vers » (« selon
    responsable de l'office », « pendant été »); an object an adverbial keeps from its verb
    (« commencera en mars renforcement de la digue »); and a finite verb whose subject is gone
    after a fronted adverbial (« Selon le conseil, n'a pas les moyens »). Bare nouns of clean
    French (« sur place », « avoir lieu », lists, coordinated pairs, apposition) are left alone.

    Mauvais : « Après trois ans de travaux, ville a inauguré le pont selon responsable du projet. »
    Bon :     « Après trois ans de travaux, la ville a inauguré le pont selon le responsable du projet. »
    """

    code = "MC20"
    priority = 211
    data_files = ("missing_words.toml", "function_words.toml", "caps_rules.toml", "conjugation.toml", "lexicon.tsv", "noun_genders.tsv", "gender.tsv")
    name = "mechanics.bare-noun"
    category = Category.MISSING_WORD
    summary = "Article missing before a subject, after « selon »/« pendant », before a distant object; subject missing"
    needs_nlp = True
    autofix = "none"
    paragraph_local = True

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        analysis = ctx.analysis(doc)
        tokens = analysis.tokens
        yield from token_findings(self, doc, tokens, lambda t: (
            self._quantity(t, tokens), self._subject(t, tokens, analysis), self._after_preposition(t, tokens, analysis),
            self._distant_object(t, tokens), self._no_subject(doc, t, tokens, analysis)), first_only=True)

    @staticmethod
    def _determined(t: Token, tokens: list[Token], analysis) -> bool:  # type: ignore[no-untyped-def]
        if any(k.dep in _DETERMINING or (k.dep == "conj") for k in analysis.children(t.i)):
            return True  # a determiner, or coordinated bare nouns (« hommes et femmes »)
        prev = tokens[t.i - 1] if t.i > 0 else None
        return prev is not None and prev.pos in ("DET", "NUM", "ADJ")

    @staticmethod
    def _quantity(t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« trop trafic », « beaucoup monde »: an adverb of quantity before a bare noun."""
        if t.text.lower() not in _adverbs() or t.i + 1 >= len(tokens):
            return None
        noun = tokens[t.i + 1]
        if noun.para != t.para or t.i > 0 and tokens[t.i - 1].text.lower() in ("à", "de", "d'", "d’", "sous", "pour", "si"):
            return None  # « à peu près », « depuis peu », « sous peu »
        if noun.pos != "NOUN" or not lexical_noun(noun.text) or zipf(noun.text) < 3.0:
            return None  # only a word that is a noun and nothing else (« trop cher », « peu importe », « beaucoup attendu »)
        verb = tokens[t.i - 1] if t.i > 0 else None
        if verb is not None and f"{verb.lemma.lower()} {noun.lemma.lower()}" in _bare()[1]:
            return None  # « tiennent peu compte »: a light-verb idiom with its adverb
        de = "d’" if starts_with_vowel_sound(noun.text) else "de "
        return Span(t.start, noun.end), f"« {t.text} » needs « de » before a noun", f"{t.text} {de}{noun.text}"

    def _subject(self, t: Token, tokens: list[Token], analysis) -> tuple[Span, str, str] | None:  # type: ignore[no-untyped-def]
        """« Après trois ans de travaux, ville a inauguré », « parce que prix de l'acier a
        augmenté »: a subject noun with no determiner inside a sentence."""
        if t.i == 0 or t.sent_start or not _plain_noun(t) or adjective_base(t.text):
            return None
        prev = tokens[t.i - 1]
        if prev.para != t.para or prev.text.lower() not in _BEFORE_SUBJECT or self._determined(t, tokens, analysis):
            return None
        if prev.text == "," and not _fronted(tokens, prev.i):
            return None  # « Il s'agit du premier Bound for Glory, évènement … »: not after a fronted adverbial
        nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
        if t.dep not in _SUBJECTS:  # spaCy lost the parse: a word that is only a noun, then a finite auxiliary
            if not lexical_noun(t.text) or nxt is None or nxt.pos not in ("AUX", "VERB") or nxt.morph.get("VerbForm") != "Fin" or nxt.morph.get("Person", "3") != "3":
                return None  # « que fermetures toucheront »
            if _participle_form(nxt):
                return None  # « déduction faite de … »: an absolute participle clause
            return Span(t.start, t.end), f"the subject « {t.text} » has no article", join_article(determiner(t, False, nxt), t.text)
        head = tokens[t.head] if 0 <= t.head < len(tokens) else None
        if head is None or head.i <= t.i or head.i - t.i > 8 or any(s.text in (",", ";", ":") for s in tokens[t.i + 1 : head.i]):
            return None  # the verb follows, in the same stretch of the sentence
        if nxt is not None and (nxt.pos == "PROPN" or nxt.text.lower() in ("et", "ou", ",")):
            return None  # « , président Obama a … », lists of bare nouns
        if head.pos not in ("VERB", "AUX", "ADJ") or not any(
                s.morph.get("VerbForm") == "Fin" for s in tokens[t.i + 1 : head.i + 1] if s.pos in ("VERB", "AUX")):
            return None
        fix = join_article(determiner(t, False, nxt), t.text)
        return Span(t.start, t.end), f"the subject « {t.text} » has no article", fix

    def _after_preposition(self, t: Token, tokens: list[Token], analysis) -> tuple[Span, str, str] | None:  # type: ignore[no-untyped-def]
        """« selon responsable de l'office », « pendant été »: spaCy's object of a preposition
        that clean French never follows by a bare singular noun."""
        if t.i == 0 or not _plain_noun(t, seasons=True) or t.text.endswith(("s", "x")):
            return None
        prep = tokens[t.i - 1]
        low = prep.text.lower()
        if low not in _STRICT or prep.para != t.para or prep.pos != "ADP" or self._determined(t, tokens, analysis):
            return None
        if not (t.pos == "NOUN" and prep.head == t.i) and not lexical_noun(t.text):
            return None  # spaCy's object of the preposition, or a word that is only a noun
        bare_preps, _, locutions = _bare()
        if f"{low} {t.lemma.lower()}" in bare_preps or f"{low} {t.text}" in bare_preps or f"{low} {t.text}" in locutions:
            return None
        nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
        if nxt is not None and nxt.para == t.para and (nxt.pos == "PROPN" or nxt.text.lower() in ("et", "ou")):
            return None  # « dans cadre et … », « selon porte-parole Dupont »
        fix = f"{prep.text} {join_article(determiner(t, False, nxt), t.text)}"
        return Span(prep.start, t.end), f"a determiner is missing after « {prep.text} »", fix

    def _distant_object(self, t: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
        """« commencera en mars renforcement de la digue », « aménager l'année prochaine lieu de
        baignade »: a verb, a time adverbial, then a bare noun and its complement."""
        if t.pos != "VERB" or t.morph.get("VerbForm") not in ("Fin", "Inf") or t.lemma.lower() in _COPULAS:
            return None
        k = t.i + 1
        words = [s.text.lower() for s in tokens[k : k + 3]]
        if words[:1] == ["en"] and len(words) > 1 and words[1] in calendar_words():
            k += 2  # « en mars »
        elif words[:1] and words[0] in calendar_words():
            k += 1  # « samedi », « hier »
        elif len(words) >= 3 and words[0] in ("l'", "l’", "la", "le", "cette", "ce", "cet") and words[1] in _TIME and words[2] in _NEXT_YEAR:
            k += 3  # « l'année prochaine »
        elif len(words) >= 2 and words[0] in ("cette", "ce", "cet") and words[1] in _TIME:
            k += 2  # « cette année »
        else:
            return None
        if k + 1 >= len(tokens):
            return None
        noun, after = tokens[k], tokens[k + 1]
        if noun.para != t.para or after.para != t.para or not _plain_noun(noun) or after.text.lower() not in _DEFINITE_AFTER:
            return None
        _, light, _ = _bare()
        if f"{t.lemma.lower()} {noun.lemma.lower()}" in light or f"{t.lemma.lower()} {noun.text}" in light or noun.dep in _SUBJECTS:
            return None  # « a pris l'an dernier part … », « a eu lieu »; an inverted subject
        article = determiner(noun, False, after)  # its complement or the sentence's end makes it definite (see MC15)
        return Span(noun.start, noun.end), f"a determiner is missing before the object « {noun.text} »", join_article(article, noun.text)

    def _no_subject(self, doc: Document, t: Token, tokens: list[Token], analysis) -> tuple[Span, str, str] | None:  # type: ignore[no-untyped-def]
        """« Selon le conseil, n'a pas les moyens »: a third-person finite verb right after the
        comma that closes a fronted adverbial with no verb, and no subject anywhere."""
        if t.pos not in ("VERB", "AUX") or t.morph.get("VerbForm") != "Fin" or t.morph.get("Person", "3") != "3" or t.morph.get("Mood") not in ("Ind", "Cnd"):
            return None
        if not t.text.isalpha() or not t.text.islower() or t.text in _inverted() or doc.text[t.end : t.end + 1] == "-" or t.lemma.lower() == "être":
            return None  # « Ainsi, est née l'idée »: « être » opens inverted subjects
        after = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
        if after is not None and after.text.lower() == "été":
            return None  # « Ainsi, a été adoptée la loi »: a passive with its subject after it
        j = t.i - 1
        while j >= 0 and tokens[j].text.lower() in _CLITICS and t.i - j < 4:
            if tokens[j].text.lower() in ("se", "s'", "s’"):
                return None  # « Enfin, s'ajoute la question »: a pronominal verb before its subject
            j -= 1
        if j < 1 or tokens[j].text != "," or tokens[j].para != t.para:
            return None
        if not _fronted(tokens, j):
            return None  # the opening is not a phrase with no verb (« Selon le conseil »)
        sent = sentence(tokens, t.i)
        if any(s.dep in _SUBJECTS or s.dep.startswith("expl") for s in sent if s.i > j) or any(s.text in ("?", "!") for s in sent):
            return None  # an inverted subject (« Ainsi, a été adoptée la loi »), a question
        if sent[-1].text not in (".", "…"):
            return None  # a headline or a caption
        first = tokens[j + 1]
        plural = t.text.endswith("nt")
        pronoun = "ils" if plural else "il"
        word = doc.text[first.start : t.end]
        return Span(first.start, t.end), f"the verb « {t.text} » has no subject", f"{pronoun} {word}"
