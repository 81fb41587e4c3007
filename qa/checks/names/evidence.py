"""PN01's context evidence: what around a rendering says it stands as a proper noun
(an attribution frame, a verb of saying with its addressee, an apposition naming a medium,
a bare noun phrase used as a subject, an agent or in a coordination)."""

from __future__ import annotations

import re

from qa.knowledge.conditions import at_sentence_start
from qa.knowledge.names import HINTS, plain_lower
from qa.model.document import Document, Span

# --- context evidence -------------------------------------------------------------------

_FRAME_BEFORE = re.compile(
    r"\b(selon|d'apr[eè]s|cit[eéè]e?s? par|interrog[eéè]e?s? par|publi[eéè]e?s? (?:\w+ )?par|notamment|photo|"
    r"quotidien|journal|hebdomadaire|magazine|site|cha[iî]ne|radio|agence|ong|organisation|association|syndicat|"
    r"d[eéè]clar[eéè]|indiqu[eéè]|confi[eéè]|affirm[eéè]|expliqu[eéè]|racont[eéè]|pr[eéè]cis[eéè]|"
    r"r[eéè]v[eéè]l[eéè]|[eé]crit|[eé]crivait|"
    r"rapport[eéè]?|entretien|interview|groupe|soci[eéè]t[eéè]|entreprise|g[eéè]ant|constructeur|compagnie|"
    r"firme|fabricant|gestionnaire|fonds|p[eéè]trolier|assureur|op[eéè]rateur|distributeur|enseigne|"
    r"laboratoire|[eéè]diteur|transporteur|brasseur|chimiste|sid[eéè]rurgiste|banque|t[eéè]l[eéè]vision|"
    r"tablo[iï]d|mensuel|think tank|centre de r[eéè]flexion|institut|enqu[eê]te|article|reportage|"
    r"[eé]ditorial|sondage|obtenus?|"
    # The people and the parts of a newspaper: « les journalistes du Gardien ».
    r"journalistes?|r[eé]daction|r[eé]dact(?:eur|rice)s?(?: en chef)?|[eé]ditorialistes?|correspondante?s?|"
    r"chroniqueu(?:r|se)s?|colonnes|lect(?:eur|rice)s?|abonn[eé]e?s|[eé]dition|à la une)\b")
_FRAME_AFTER = re.compile(
    r"^\W*(?:\w+ ){0,2}?(rapport\w*|[eéè]cri\w*|r[eéè]v[eéè]l\w*|indiqu\w*|affirm\w*|soulign\w*|publi[eéè]\w*|"
    r"pr[eéè]cis\w*|expliqu\w*|consacr\w*|annonc\w*|estim\w*|not[eé]\w*|cit[eé]\w*|assure\w*|d[eéè]nonc\w*|"
    r"document\w*|\(afp\)|\(reuters\))\b"
    # An apposition that says what the name is: « Image, le quotidien à grand tirage ».
    r"|^\s*[,(]\s*(?:le|la|l'|un|une|son|sa)\s*(?:\w+\s+){0,2}?(?:quotidien|journal|hebdomadaire|magazine|"
    r"mensuel|tablo[iï]d|site|cha[iî]ne|radio|agence|ong|organisation|organisme|association|syndicat|f[eé]d[eé]ration|"
    r"groupe|soci[eé]t[eé]|entreprise|banque|institut|fondation|think tank|centre|parti|club)\b")
_MEDIA = re.compile(r"\b(presse|journal|journaux|quotidien|hebdomadaire|article|interview|entretien|"
                    r"[eéè]ditorial|reportage|enqu[eê]te|rapport|ong|organisation|chercheu\w+)\b")


def foreign(word: str) -> bool:
    from qa.knowledge.wordlists import zipf  # wordfreq's answers, from the compiled table

    w = word.lower()
    return max(zipf(w, lang) for lang in ("en", "nl", "de")) > zipf(w, "fr") + 1


# A verb of saying earlier in the clause, and the name its addressee (« à », « au »).
SAID_TO = re.compile(r"\b(?:d[eé]clar|indiqu|confi|expliqu|affirm|pr[eé]cis|racont|assur|dit|r[eé]pondu|soulign|"
                      r"annonc|admis|reconnu|critiqu|estim)\w*\b[^.;:!?«»\"“”]{0,80}?(?:\s|^)(?:au|aux|à|à la|à l['’])\s*$")


def evidence(doc: Document, start: int, end: int, sentence: Span) -> tuple[bool, bool, bool]:
    """(frame right before, reporting verb right after, media word in the sentence)."""
    raw = doc.text[max(sentence.start, start - 70) : start]
    # « a déclaré M. Fuest au … »: the speaker's name sits between the verb and « au ».
    raw = _SPEAKER.sub(" ", raw)
    before = plain_lower(raw[-45:])
    before = " ".join(before.split()[-4:])
    after = plain_lower(doc.text[end : min(sentence.end, end + 40)])
    whole = plain_lower(doc.text[sentence.start : start] + " " + doc.text[end : sentence.end])
    return bool(_FRAME_BEFORE.search(before)), bool(_FRAME_AFTER.search(after)), bool(_MEDIA.search(whole))


OPEN_Q = re.compile(r"[«“\"]\s*(?:(?:le|la|les|l['’])\s*)?$", re.I)
CLOSE_Q = re.compile(r"\s*[»”\"]")
# « M. » and the like end no sentence, though the splitter may think so.
_ABBREV_END = re.compile(r"(?:^|\s)(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr|St|Ste)\.\s*$")


_SPEAKER = re.compile(r"(?<=[a-zéèêû])\s+(?:(?:M|Mme|MM|Dr|Pr)\.?\s+)?(?:[A-ZÀ-Ý][\w’'-]+\s+){1,3}"
                      r"(?=(?:au|aux|à|à la|à l[’'])\s*[«“\"]?\s*$)")


def sentence_of(doc: Document, offset: int) -> Span | None:
    sentence = doc.sentence_at(offset)
    while sentence is not None and sentence.start > 0 and _ABBREV_END.search(doc.text, max(0, sentence.start - 8), sentence.start):
        previous = doc.sentence_at(sentence.start - 1)
        if previous is None or previous.start >= sentence.start:
            break
        sentence = Span(previous.start, sentence.end)
    return sentence


# After a bare proper noun: a verb, a coordination, a comma or a bracket, never « de » (a
# complement makes a common noun phrase: « Gestion des forêts de la région »).
_VERB = (r"a|ont|est|sont|avait|avaient|aurait|va|vont|qui|estime|juge|menace|critique|demande|réclame|affirme|"
         r"appelle|dénonce|rapporte|écrit|publie|tire|tirent|révèle|indique|annonce|précise|cite|souligne|"
         r"assure|explique|consacre|titre|relate|relaie|évoque|signale|avance|livre")
_AFTER_BARE = re.compile(r"\s*(?:[,;()–]|\s(?:et|ou|" + _VERB + r")\b)")
_VERB_AFTER = re.compile(r"\s+(?:" + _VERB + r")\b")
_BEFORE_BARE = re.compile(r"(?:\b(?:par|et|ou|avec|contre|entre)|[,–])\s+$")
_BEFORE_BARE_WORD = re.compile(r"\b(?:par|et|ou|avec|contre|entre)\s+$")


def bare_proper_noun(doc: Document, span: Span, single: bool = False) -> bool:
    """A capitalised phrase without a determiner, as the subject of its sentence (or a clause
    after a dateline), after « par », « et », « avec », and followed by what follows a name.
    A single word opening a sentence must be followed by a verb: « Miroir, plage et soleil »
    may be a headline's list, « Miroir a révélé » is a subject with no determiner."""
    if not _AFTER_BARE.match(doc.text, span.end):
        return False
    if at_sentence_start(doc, span.start):
        return not single or bool(_VERB_AFTER.match(doc.text, span.end))
    # A single word between commas may be anything (« Miroir, le jeu de cartes, »).
    before = _BEFORE_BARE_WORD if single else _BEFORE_BARE
    return bool(before.search(doc.text, max(0, span.start - 12), span.start))


def local_hints(doc: Document, sentence: Span, lang: str) -> int:
    """How many of lang's hint words the sentence holds: in a text about two countries, the
    sentence says which one a name is from (« le Miroir Quotidien, un tabloïd britannique »)."""
    text = plain_lower(doc.text[sentence.start : sentence.end])
    return sum(bool(re.search(r"(?<!\w)" + re.escape(plain_lower(h.rstrip("*"))), text)) for h in HINTS.get(lang, ()))
