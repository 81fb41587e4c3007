"""MC15: words a literal translation drops — a determiner after a verb or a preposition,
« de » between two nouns or after « plus » and a noun of quantity, the article of a
sentence's subject. What clean French writes bare is data (qa/data/missing_words.toml,
mined from UD French-GSD and the WMT21 reference by bench/mine_missing_words.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._bare_nouns import NOUN_SUFFIXES, calendar_words, common_noun, determiner, join_article, listed_noun, noun_form
from qa.checks.mechanics._locutions import locution
from qa.checks.mechanics._offices import office
from qa.checks.mechanics._quantities import quantity
from qa.checks.split import ByParagraph, shifted
from qa.checks.mechanics._word_classes import adjective_base, is_verb_form, pos_lemmas
from qa.data import load_toml
from qa.knowledge.inflection import listed_names
from qa.knowledge.nlp import Analysis, Token
from qa.knowledge.wordlists import zipf
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import capitalize_first, is_sentence_start, starts_with_vowel_sound

_MORE = re.compile(r"(?<![\w'’-])(plus|moins)[ \u00a0]+(?=\d)")
_NOT_BEFORE_MORE = frozenset(["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "ou", "et", "au", "le", "les", "la", "pas", "ni", "non", "un", "en"])
# Verbs whose bare noun is an attribute, not an object: « il est devenu maire ».
_COPULAS = frozenset(["être", "devenir", "rester", "sembler", "paraître", "demeurer", "nommer", "élire", "appeler", "considérer", "proclamer", "désigner", "juger", "trouver", "qualifier", "rendre"])
_INDEFINITE_AFTER = frozenset(["avec", "dans", "pour", "sur", "chez", "sous", "sans"])


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    return load_toml("missing_words.toml")


@cache
def _sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    d = _data()
    return (
        frozenset(d["prepositions"]["need_determiner"]),
        frozenset(d["prepositions"]["bare"]),
        frozenset(d["verbs"]["bare"]) | frozenset(d["verbs"]["light"]),
        frozenset(d["nouns"]["second"]),
    )


@cache
def _frame_verbs() -> frozenset[str]:
    return frozenset(load_toml("function_words.toml")["objects"]["frame_verbs"])


@cache
def _locution_nouns() -> frozenset[str]:
    return frozenset(load_toml("function_words.toml")["objects"]["locution_nouns"])


@cache
def _singular() -> frozenset[str]:
    return frozenset(_data()["prepositions"]["need_determiner_singular"])




# A bare object made definite by what follows it: a complement with a definite article
# (« renforcer formation des enseignants » → « la formation »), or the end of the sentence
# (« suspendre production. » → « la production »). In UD French-GSD (dev and test, gold
# parses) an object with such a complement has « le » 98 times out of 112, an object that
# ends its sentence 44 out of 56, against 469 out of 807 for all objects with an article; an
# object followed by « de » and a word that is not a number (« ordonner l'abattage de volailles »)
# has « le » 176 times out of 243, with a number (« une taxe de 25 % ») 3 out of 7.
_DEFINITE_COMPLEMENT = frozenset(["des", "du"])
_SENTENCE_END = frozenset([".", ";", "!", "?"])


def _specific(noun: Token, tokens: list[Token]) -> bool:
    """The bare object ``noun`` names something known: the article it lost was definite."""
    after = tokens[noun.i + 1 : noun.i + 3]
    if not after or after[0].para != noun.para:
        return False
    first = after[0].text.lower()
    if first in _SENTENCE_END or first in _DEFINITE_COMPLEMENT:
        return True
    if after[0].pos == "ADJ" and len(after) > 1:  # « critiquer ministère fédéral de la Santé »
        after, first = tokens[noun.i + 2 : noun.i + 4], after[1].text.lower()
        if first in _DEFINITE_COMPLEMENT:
            return True
    if first == "de" and len(after) > 1:  # not « d' »: « un appel d'offres », « un taux d'intérêt » classify
        return after[1].pos != "NUM" and not after[1].text[:1].isdigit()  # « l'abattage de volailles », « une taxe de 25 % »
    return False


_COORDINATORS = frozenset(["et", "ou", "ni"])
_DETERMINERS = frozenset(["le", "la", "les", "l’", "l'", "un", "une", "des", "du", "de", "d’", "d'", "ce", "cet", "cette", "ces",
                          "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes"])


def _paired(noun: Token, tokens: list[Token]) -> bool:
    """The bare noun is one of two coordinated bare nouns or adjectives (« pour perforations
    et fistules », « après interventions endoscopiques ou chirurgicales »): French writes
    such pairs with no determiner; a coordinator followed by a determiner joins clauses
    (« après enclouage et le score … »), not a bare pair."""
    for j in (noun.i + 1, noun.i + 2):
        if j + 1 >= len(tokens) or tokens[j].para != noun.para:
            return False
        if tokens[j].text.lower() in _COORDINATORS:
            nxt = tokens[j + 1]
            return (nxt.para == noun.para and nxt.pos in ("NOUN", "ADJ") and nxt.text.lower() not in _DETERMINERS
                    and nxt.text.isalpha() and nxt.text.islower())
        if tokens[j].pos != "ADJ":
            return False
    return False





class MissingWord(ByParagraph, Check):
    """A word the French construction needs is missing.

    A literal translation drops the determiner after a verb (« a signé accord ») or after
    a preposition that clean French never follows by a bare noun (« selon chiffres »,
    « dans camionnettes »), the « de » between two nouns (« le taux mortalité ») or after
    « plus » before a number and a fraction (« un tiers entreprises »), and the article of a
    subject that opens a sentence (« Conseil municipal a demandé »), and the « de » between a
    noun of office and its domain (« le ministre Finances »). Idioms with a bare
    noun (« avoir lieu », « faire partie », « en raison ») and nouns in apposition
    (« pays membre ») come from clean French, mined into qa/data/missing_words.toml.

    Mauvais : « Le ministre a appelé les deux parties à reprendre négociations selon chiffres officiels. »
    Bon :     « Le ministre a appelé les deux parties à reprendre les négociations selon les chiffres officiels. »
    """

    code = "MC15"
    priority = 210
    data_files = ("missing_words.toml", "function_words.toml", "conjugation.toml", "caps_rules.toml", "noun_genders.tsv", "gender.tsv", "lexicon.tsv", "names.toml", "first_names.toml", "persons.toml")
    name = "mechanics.missing-word"
    category = Category.MISSING_WORD
    summary = "Determiner or « de » missing after a verb, a preposition, a noun or « plus »"
    needs_nlp = True
    autofix = "none"

    # A part (qa.checks.split): the paragraph's findings, relative to its start, each with
    # the pair of nouns whose use elsewhere in the text may clear it (see _term), or None.
    def part(self, doc: Document, ctx: Context, k: int, facts: None) -> tuple[tuple[Finding, tuple[str, str] | None], ...]:
        para = doc.paragraphs[k]
        out: list[tuple[Finding, tuple[str, str] | None]] = []
        for m in _MORE.finditer(doc.text, para.start, para.end):
            before = doc.text[max(0, m.start() - 12) : m.start()].split()
            if before and (before[-1].lower() in _NOT_BEFORE_MORE or before[-1][-1:].isdigit()):
                continue
            out.append((self.finding(doc, Span(m.start(1), m.end(1)), f"« {m.group(1)} » before a number needs « de »", [f"{m.group(1)} de"]), None))
        analysis = ctx.analysis(doc)
        need, bare_preps, bare_verbs, second = _sets()
        tokens = analysis.tokens
        mine = analysis.of_paragraph(k)
        for t in mine:
            nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
            if nxt is None or nxt.para != t.para or nxt.start - t.end > 1:
                continue
            low = t.text.lower()
            found = None
            pair = None
            counted = quantity(t, nxt, tokens) or locution(t, nxt, tokens) or office(t, nxt, tokens)
            if counted is not None:
                found = counted
            elif low in need and t.pos in ("ADP", "ADV", "SCONJ") and self._bare_after(low, nxt, bare_preps, tokens):
                det = determiner(nxt, low in _INDEFINITE_AFTER)
                found = (Span(t.start, nxt.end), f"a determiner is missing after « {t.text} »", f"{t.text} {join_article(det, nxt.text)}")
            elif self._verb(t, tokens) and self._bare_object(t, nxt, bare_verbs, tokens):
                det = determiner(nxt, not _specific(nxt, tokens), tokens[nxt.i + 1] if nxt.i + 1 < len(tokens) else None)
                found = (Span(nxt.start, nxt.end), f"a determiner is missing before the object « {nxt.text} »", join_article(det, nxt.text))
            elif t.pos == "NOUN" and t.text.isalpha() and t.text.islower() and self._second_noun(t, nxt, second, tokens):
                de = "d’" if starts_with_vowel_sound(nxt.text) else "de "
                found = (Span(t.start, nxt.end), "two nouns side by side: « de » is missing", f"{t.text} {de}{nxt.text}")
                pair = (t.text, nxt.text)
            if found is not None:
                out.append((self.finding(doc, found[0], found[1], [found[2]]), pair))
        out.extend((f, None) for f in self._bare_subjects(doc, analysis, mine))
        return tuple((f, pair) for f, pair in zip(shifted([f for f, _ in out], -para.start), (p for _, p in out), strict=True))

    def combine(self, doc: Document, ctx: Context, parts: Sequence[tuple[tuple[Finding, tuple[str, str] | None], ...]], facts: None) -> Iterator[Finding]:
        out: list[Finding] = []
        for para, part in zip(doc.paragraphs, parts, strict=True):
            kept = [f for f, pair in part if pair is None or not self._term(ctx.file_targets or doc.text, *pair)]
            out.extend(shifted(kept, para.start))
        yield from sorted(out, key=lambda f: f.span.start)

    @staticmethod
    def _bare_plural(t: Token) -> bool:
        return t.text.isalpha() and t.text.islower() and t.text.endswith(("s", "x")) and t.lemma.lower() in pos_lemmas("noun") and not adjective_base(t.text) and not is_verb_form(t.text)

    @staticmethod
    def _bare_after(prep: str, noun: Token, bare_preps: frozenset[str], tokens: list[Token]) -> bool:
        """« selon chiffres », « dans camionnettes »: a bare noun after a preposition clean
        French follows with a determiner; a singular one only after the strictest of them.
        Adverbial locutions (« après coup », « sur place ») and a noun of action with its
        complement after a preposition of time (« après expansion des tabulations ») are French."""
        if not common_noun(noun) or f"{prep} {noun.lemma.lower()}" in bare_preps or f"{prep} {noun.text}" in bare_preps:
            return False
        if _paired(noun, tokens):
            return False  # « pour perforations et fistules », « après interventions endoscopiques ou chirurgicales »
        plural = noun.text.endswith(("s", "x")) and noun.number != "s"
        if plural:
            return True
        locutions = _data()["locutions"]
        if f"{prep} {noun.text}" in locutions["bare"]:
            return False
        after = tokens[noun.i + 1] if noun.i + 1 < len(tokens) else None
        if (prep in locutions["bare_action_after"] and noun.text.endswith(NOUN_SUFFIXES) and after is not None
                and after.para == noun.para and after.text.lower() in ("de", "du", "des", "d’", "d'")):
            return False
        return prep in _singular()

    @staticmethod
    def _verb(t: Token, tokens: list[Token]) -> bool:
        """A finite verb, an infinitive or a participle after its auxiliary; not a noun
        spaCy took for a verb after a determiner (« comme fichier source »)."""
        if t.pos != "VERB" or not t.text.isalpha() or not t.text.islower() or t.text.endswith(("ement", "amment", "emment")):
            return False  # an adverb spaCy took for a verb (« avaient impérieusement besoin »)
        if t.i > 0 and (tokens[t.i - 1].pos == "DET" or (tokens[t.i - 1].pos in ("ADJ", "NOUN") and noun_form(t.text))):
            return False  # « comme fichier source », « la réclame »: a noun, not a verb
        form = t.morph.get("VerbForm", "")
        if form == "Inf" and ((noun_form(t.text) and t.text not in pos_lemmas("verb")) or (t.i > 0 and tokens[t.i - 1].pos in ("NOUN", "PROPN", "ADJ"))):
            return False  # « un globe trotter vedette »: an infinitive right after a noun is no verb
        if form == "Part":  # « ont perdu », « ont déjà perdu »
            return t.i > 0 and (tokens[t.i - 1].pos == "AUX" or (t.i > 1 and tokens[t.i - 1].pos == "ADV" and tokens[t.i - 2].pos == "AUX"))
        return form in ("Fin", "Inf")

    @staticmethod
    def _bare_object(verb: Token, noun: Token, bare_verbs: frozenset[str], tokens: list[Token]) -> bool:
        lemma = verb.lemma.lower()
        if lemma in _COPULAS or lemma in bare_verbs or not (common_noun(noun) or listed_noun(noun)) or noun.text in pos_lemmas("adv"):
            return False  # « regroupent ensemble »: a noun that is also an adverb
        if noun.pos != "NOUN" and noun_form(verb.text):
            return False  # « comme fichier source »: neither word is tagged as it should be
        after = tokens[noun.i + 1] if noun.i + 1 < len(tokens) else None
        if after is not None and (after.text.lower() in ("par", "comme") or (after.text.lower() in ("à", "au", "aux") and (lemma in _frame_verbs() or noun.text in _locution_nouns()))):
            return False  # « laisser place à », « avoir matière à »: a fixed frame; « garder animaux à » is not
        if any(w.text.lower() in ("et", "ou", "ni") for w in tokens[noun.i + 1 : noun.i + 3]) or (
                after is not None and after.text == "," and noun.i + 2 < len(tokens) and tokens[noun.i + 2].pos == "NOUN"):
            return False  # « concilie croissance et sécurité », « déclarer revenus, biens… »: bare nouns in a list are French
        return f"{lemma} {noun.lemma.lower()}" not in bare_verbs and f"{lemma} {noun.text}" not in bare_verbs

    @staticmethod
    def _term(text: str, first: str, second: str) -> bool:
        """« objet fonction », « objets fonctions »: a pair the text uses twice is its term
        (the whole file's text when the document is one segment of a catalogue)."""
        one, two = (re.escape(w.removesuffix("s").removesuffix("x")) for w in (first, second))
        pattern = rf"(?<![\w-]){one}[sx]?\s+{two}[sx]?(?![\w-])"
        return len(re.findall(pattern, text, re.IGNORECASE)) >= 2

    @staticmethod
    def _second_noun(first: Token, noun: Token, second: frozenset[str], tokens: list[Token]) -> bool:
        """« le taux mortalité »: a noun after a noun with its determiner, both plain nouns."""
        if first.i == 0 or not (tokens[first.i - 1].pos in ("DET", "ADJ") or tokens[first.i - 1].text.lower() in ("des", "du", "au", "aux")):
            return False  # « des » and « du » are often tagged ADP
        if not common_noun(first, trust_tag=True) or first.pos != "NOUN":
            return False
        if not noun.text.removesuffix("s").endswith(NOUN_SUFFIXES):
            return False  # two plain nouns are often an apposition (« objet classe », « pays membre »)
        if not common_noun(noun, strict=True) or noun.lemma.lower() in second or noun.text in second:
            return False
        return zipf(noun.text) >= 3.0 and zipf(first.text) >= 3.0

    @staticmethod
    def _named_after_place(tokens: Sequence[Token], noun: Token) -> bool:
        """« Électricité de France », « Aéroports de Paris »: a common noun, « de » and a place with
        no article is the name of an institution (the country itself takes one: « de la France »).
        The place is a LOC of spaCy's NER, or a name of gender.tsv: the NER misses « France »
        inside « Électricité de France »."""
        if noun.i + 2 >= len(tokens) or tokens[noun.i + 1].text.lower() != "de":
            return False
        place = tokens[noun.i + 2]
        return place.text[:1].isupper() and (place.ent == "LOC" or place.text in listed_names())

    def _bare_subjects(self, doc: Document, analysis: Analysis, tokens: Sequence[Token]) -> Iterator[Finding]:
        """« Conseil municipal a demandé une déviation. », « Soigneurs ont préparé la mère. »:
        a common noun subject with no article at the start of a sentence that ends with a
        full stop (not a headline); a plural one right before its verb or « en », « dans »."""
        for t in tokens:
            if not t.sent_start or not t.text[:1].isupper() or not t.text[1:].islower() or t.pos != "NOUN":
                continue
            if not is_sentence_start(doc.text, t.start) or t.dep not in ("nsubj", "nsubj:pass"):
                continue
            low = t.text.lower()
            many = t.text.endswith(("s", "x")) and t.number == "p"
            entry = t.lemma.lower() if many else low  # « Soigneurs »: the lemma is the noun of the tables
            if low in calendar_words() or entry not in pos_lemmas("noun") or adjective_base(low) or zipf(entry) < (2.5 if many else 3.5):
                continue
            nxt = analysis.tokens[t.i + 1] if t.i + 1 < len(analysis.tokens) else None
            if nxt is None or not (nxt.text.lower() in ("de", "du", "des", "d'", "d’") or (nxt.pos == "ADJ" and nxt.text.islower() and not is_verb_form(nxt.text))
                                   or (many and (nxt.morph.get("VerbForm") == "Fin" or nxt.text.lower() in ("en", "dans")))):
                continue  # « Conseil municipal a … », « Réponse de la province est … », « Soigneurs ont … »
            if self._named_after_place(analysis.tokens, t):
                continue
            para = doc.paragraph_at(t.start)
            body = doc[para].rstrip() if para is not None else ""
            if not body.endswith((".", "!", "?", "»")):
                continue
            head = analysis.tokens[t.head] if 0 <= t.head < len(analysis.tokens) else None
            if head is None or head.pos not in ("VERB", "AUX") or head.i < t.i or "," in doc.text[t.end : head.start]:
                continue  # « Espèce endémique de …, les sifakas sont … »: an apposition
            det = determiner(t, False, analysis.tokens[t.i + 1])
            word = t.text[0].lower() + t.text[1:]
            yield self.finding(doc, Span(t.start, t.end), f"the subject « {t.text} » has no article", [capitalize_first(join_article(det, word))])
