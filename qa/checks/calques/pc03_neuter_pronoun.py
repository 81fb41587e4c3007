"""PC03: « Il » where the source had a neuter pronoun and French needs « Cela » or « C’est »."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.calques._shared import section
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.knowledge.nlp import Analysis, Token
from qa.model.textutil import fold_key, is_sentence_start

_NEUTER_OPENING = re.compile(r"(?:^|[.!?…:][\"»“”„']?\s+)[\"«„“']?\s*(?:Es|Het|It)\s")
# A cleft sentence of the source: « Es ist vor allem die Ministerin, die … », « Het zijn de
# ouders die … », « It is the families who … »: its pronoun is neuter whatever came before.
_SOURCE_CLEFT = re.compile(
    r"(?:^|[.!?…:][\"»“”„']?\s+)[\"«„“']?\s*(?:Es\s+(?:ist|war|sind|waren)|Het\s+(?:is|was|zijn|waren)|It\s+(?:is|was))\s"
    r"[^.!?]*?\s(?:die|der|das|dat|who|that)\s")
_IL = re.compile(r"\b(?:Il|il(?=\s+donn))\s+(?:ne\s+|n['’]\s*)?([^\W\d_]+)")


class NeuterPronoun(Check):
    """« Il » where the source had a neuter pronoun (nl « het », de « es », en « it »).

    « Het laat zien » / « Es zeigt » become « Il montre » with no masculine noun before
    to refer to: French says « Cela montre ». « Het is de dodelijkste aanval » becomes
    « Il est l’attaque… »: French says « C’est ». Impersonal « il » stays right (« Il y
    a », « Il faut », « Il est clair que », « Il s’agit », « Il semble »), and so does
    « Il » after a masculine subject or a person in the previous sentence.

    Mauvais : « Les chars reviennent. Il montre à quel point la politique a changé. »
    Bon :     « Les chars reviennent. Cela montre à quel point la politique a changé. »
    """

    code = "PC03"
    priority = 320
    data_files = ("calques.toml",)
    paragraph_local = True
    name = "calque.neuter-pronoun"
    category = Category.CALQUE
    summary = "« Il » for a neuter source pronoun where French needs « Cela » or « C’est »"
    needs_nlp = True
    autofix = "none"

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        """Paragraphs with « Il » before a verb this check knows; when it opens the first or
        second sentence of its paragraph, the two paragraphs before too (the sentence it
        looks back to may be there, past a heading)."""
        conf = section("neuter")
        heads = {fold_key(v) for v in (*conf["verbs"], *conf["copulas"], *conf["existential"])} | {"a", "veut"}
        found: set[int] = set()
        for m in _IL.finditer(doc.text):
            if fold_key(m.group(1)) not in heads:
                continue
            k = doc.paragraph_index(m.start())
            if k is None:
                continue
            found.add(k)
            if m.group(0)[0] == "i":
                continue  # « il donne » inside a sentence: its antecedent is looked for there
            para = doc.paragraphs[k]
            if len(doc.sentences_in(Span(para.start, m.start() + 1))) <= 2:
                found.update(j for j in (k - 1, k - 2) if j >= 0)
        return found

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        analysis = ctx.analysis(doc)
        toks = analysis.tokens
        conf = section("neuter")
        verbs = {fold_key(v) for v in conf["verbs"]}
        participles = {fold_key(v) for v in conf["participles"]}
        copulas = {fold_key(k): v for k, v in conf["copulas"].items()}
        existential = {fold_key(k): v for k, v in conf["existential"].items()}
        quantities = {fold_key(w) for w in conf["existential_next"]}
        for tok in toks:
            if tok.i + 1 >= len(toks):
                continue
            nxt = toks[tok.i + 1]
            key = fold_key(nxt.text)
            after = fold_key(toks[tok.i + 2].text) if tok.i + 2 < len(toks) else ""
            end = nxt
            if tok.text != "Il" or not is_sentence_start(doc.text, tok.start):
                if tok.text == "il" and key in existential and (after in quantities or after.isdigit()) \
                        and _opens_clause(toks, tok) and not _recipient_follows(toks, nxt) \
                        and not _antecedent_in(analysis, _before(doc, tok)):
                    # « Mais il donne encore trop peu de », « En 2022, il donnait seulement 540 »
                    fix = existential[key][0].lower() + existential[key][1:]
                    yield self._existential(doc, Span(tok.start, nxt.end), fix)
                continue
            if key in existential and (after in quantities or after.isdigit()):
                fix = existential[key]  # « Es gibt viele » → « Il donne beaucoup » → « Il y a beaucoup »
            elif key == "est" and after == "venu" and tok.i + 4 < len(toks) and \
                    fold_key(toks[tok.i + 3].text) == "à" and fold_key(toks[tok.i + 4].text) in quantities:
                fix, end = "Il y a eu", toks[tok.i + 3]  # « Es kam zu » → « Il est venu à »
            elif key in verbs or (key in ("ne", "n'") and after in verbs):
                fix = "Cela " + nxt.text  # « Il ne signifie pas » → « Cela ne signifie pas »
            elif key == "a" and after in participles:
                fix = "Cela a"
            elif key in copulas and self._predicate(toks, nxt.i + 1, conf["impersonal_nouns"]):
                fix = copulas[key]
            elif key == "veut" and after == "dire":
                fix = "Cela veut"
            elif key == "a" and after == "été" and _neuter_source(ctx) and self._passive_ends(toks, tok.i + 3):
                fix = "Cela a"  # « Es wurde sehr gut angenommen » → « Il a été très bien accepté »
            else:
                continue
            cleft = key in copulas and _source_cleft(ctx) and self._relative_follows(toks, nxt.i + 1)
            if not cleft and (_has_antecedent(doc, analysis, tok) or _antecedent_in_previous_segment(doc, ctx, tok)):
                continue  # a cleft of the source (« Es ist … die ») has no antecedent to look for
            span = Span(tok.start, end.end)
            yield self.finding(
                doc, span,
                f"« {doc[span]} » renders a neuter source pronoun (nl « het », de « es »); "
                + (f"the source's sentence is a cleft (« es ist … die »): French says « {fix} … qui »" if cleft
                   else f"with no masculine antecedent French says « {fix} »"),
                suggestions=[fix, fix.replace("Cela", "Ceci")] if fix.startswith("Cela") else [fix],
            )

    def _existential(self, doc: Document, span: Span, fix: str) -> Finding:
        return self.finding(
            doc, span,
            f"« {doc[span]} » renders a neuter source pronoun (nl « er is », de « es gibt »); French says « {fix} »",
            suggestions=[fix],
        )

    @staticmethod
    def _relative_follows(toks: tuple[Token, ...], j: int) -> bool:
        """« qui » or « que » later in the sentence: « Il est surtout l'adjointe … qui »."""
        while j < len(toks) and not toks[j].sent_start:
            if fold_key(toks[j].text) in ("qui", "que", "qu'"):
                return True
            j += 1
        return False

    @staticmethod
    def _passive_ends(toks: tuple[Token, ...], j: int) -> bool:
        """« a été [adverbs] accepté » closing its clause: no impersonal « il a été décidé
        de / que », no complement after the participle."""
        while j < len(toks) and toks[j].pos == "ADV":
            j += 1
        if j >= len(toks) or toks[j].pos not in ("VERB", "ADJ"):
            return False
        nxt = toks[j + 1].text if j + 1 < len(toks) else "."
        return nxt in (".", "!", "?", "»", "\"", "”", ",", ";", "…")

    @staticmethod
    def _predicate(toks: tuple[Token, ...], j: int, impersonal: list[str]) -> bool:
        """« Il est [adverb] le/la/un/une + noun », or an adjective that ends the clause
        (« Il est important. »); not « il est clair que », « il est temps de », « il est l’heure »."""
        while j < len(toks) and toks[j].pos == "ADV" and fold_key(toks[j].text) not in ("ne", "n'"):
            j += 1
        if j + 1 < len(toks) and toks[j].pos == "ADJ" and toks[j + 1].text in (".", "!", "?", "»", ";", "…"):
            return fold_key(toks[j].text) not in impersonal
        if j + 1 >= len(toks) or fold_key(toks[j].text) not in ("le", "la", "l'", "un", "une"):
            return False
        k = j + 1
        while k < len(toks) and toks[k].pos == "ADJ":
            k += 1
        if k >= len(toks):
            return False
        noun = toks[k]
        return noun.pos in ("NOUN", "ADJ") and fold_key(noun.text) not in impersonal


def _source_cleft(ctx: Context) -> bool:
    """The source segment holds a cleft sentence opened by a neuter pronoun (« Es ist … die »)."""
    return bool(ctx.source) and _SOURCE_CLEFT.search(ctx.source) is not None


def _neuter_source(ctx: Context) -> bool:
    """A sentence of the source segment opens with a neuter pronoun (de « Es », nl « Het »,
    en « It »)."""
    return bool(ctx.source) and _NEUTER_OPENING.search(ctx.source) is not None


_OPENERS = frozenset({"mais", "et", "car", "donc", "or", "puis", "pourtant", "cependant"})


def _opens_clause(toks: tuple[Token, ...], il: Token) -> bool:
    """« il » opens its clause: after a coordinating conjunction at the sentence start (« Mais
    il »), or after a comma closing a phrase put first (« En 2022, il »)."""
    prev = toks[il.i - 1] if il.i > 0 else None
    if prev is None:
        return False
    if fold_key(prev.text) in _OPENERS:
        return True
    if prev.text != ",":
        return False
    fronted = toks[_sentence_first(toks, il) : prev.i]
    # a phrase of time or place (« En 2022, », « Aujourd'hui, »), not a description of the
    # subject (« Ardent défenseur de son pays, il donne des conférences »)
    return bool(fronted) and fronted[0].pos in ("ADP", "ADV") and not any(
        t.text == "," or (t.pos in ("NOUN", "PROPN") and t.gender != "f") for t in fronted)


def _recipient_follows(toks: tuple[Token, ...], verb: Token) -> bool:
    """« à », « au » or « aux » follows in the clause: someone is given something (« il donne
    des conseils aux joueurs »)."""
    for t in toks[verb.i + 1 : verb.i + 12]:
        if t.text in (",", ".", ";", ":", "!", "?") or t.sent_start:
            return False
        if fold_key(t.text) in ("à", "au", "aux"):
            return True
    return False


def _sentence_first(toks: tuple[Token, ...], tok: Token) -> int:
    i = tok.i
    while i > 0 and not toks[i].sent_start:
        i -= 1
    return i


def _before(doc: Document, il: Token) -> Span:
    """The sentence before « il » and its own sentence up to it: where an antecedent stands."""
    sentences = doc.sentences_before(il.start)
    return Span(sentences[-1].start if sentences else 0, il.start)


def _has_antecedent(doc: Document, analysis: Analysis, il: Token) -> bool:
    """True when the previous sentence has something « il » may stand for: a masculine
    singular subject or object, a person, or « il » itself."""
    sentences = doc.sentences_before(il.start)
    if not sentences:
        return False
    prev = sentences[-1]
    if len(sentences) > 1 and not doc[prev].rstrip().endswith((".", "!", "?", "»", "…", ":", ";")):
        prev = Span(sentences[-2].start, prev.end)  # a heading between: « il » may refer beyond it
    return _antecedent_in(analysis, prev)


def _antecedent_in_previous_segment(doc: Document, ctx: Context, il: Token) -> bool:
    """« il » opens a segment of a file (a line with its source, a PO entry): the sentence it
    looks back to is the last one of the segment before, which the file's targets give."""
    if doc.sentences_before(il.start) or not ctx.file_targets:
        return False
    lines = ctx.file_targets.split("\n")
    here = next((i for i, line in enumerate(lines) if line == doc.text), None)
    before = [line for line in lines[:here] if line.strip()] if here else []
    if not before:
        return False
    prev = Document(f"{doc.path}#previous", before[-1])
    analysis = ctx.analysis(prev, range(len(prev.paragraphs)))
    return bool(prev.sentences) and _antecedent_in(analysis, prev.sentences[-1])


def _antecedent_in(analysis: Analysis, prev: Span) -> bool:
    """The sentence has something « il » may stand for."""
    for t in analysis.in_span(prev.start, prev.end):
        if fold_key(t.text).lstrip("-") in ("il", "t-il"):
            if _impersonal_passive(analysis.tokens, t.i):
                continue  # « il a été démontré qu’elle … »: nobody « Il » may stand for
            return True  # « poursuit-il. Il souligne que » : the same person
        if t.dep not in ("nsubj", "nsubj:pass", "obj", "expl:subj", "ROOT") and t.ent != "PER":
            continue
        if t.ent == "PER" or fold_key(t.text) == "il":
            return True
        if t.gender == "f" or t.number == "p" or t.pos not in ("NOUN", "PROPN"):
            continue
        if t.pos == "NOUN" and not t.ent:
            return True
        # A place or an organisation stands for « il » only with a masculine article
        # (« le Japon … Il »); a bare city name (« Moscou ») does not.
        if t.i > 0 and fold_key(analysis.tokens[t.i - 1].text) in ("le", "du", "au", "ce"):
            return True
    return False


def _impersonal_passive(toks: tuple[Token, ...], i: int) -> bool:
    """« il a été démontré que », « il est prévu de »: « il » before auxiliaries, a participle
    and « que » or « de » is impersonal."""
    j = i + 1
    while j < len(toks) and toks[j].pos == "AUX":
        j += 1
    if j == i + 1 or j + 1 >= len(toks) or toks[j].pos != "VERB" or toks[j].morph.get("VerbForm") != "Part":
        return False
    return fold_key(toks[j + 1].text) in ("que", "qu'", "de", "d'")
