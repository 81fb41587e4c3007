"""PA01/PA02: a pronoun whose antecedent the source shows, and the speaker of a « que » clause
after a verb of saying (qa/checks/agreement/_source_antecedent.py, _completive.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qa.api import Config, lint_document, make_context
from qa.checks.agreement._source_antecedent import opening_phrase, source_sentences
from qa.checks.agreement.pa01_pa02_pronouns import ParticipleAgreement, PronounAgreement
from qa.data import load_toml
from qa.knowledge.gazetteer import strip_accents
from qa.model.document import Document


def _run(text: str, source: str | None = None, lang: str | None = None) -> list[tuple[str, str, str]]:
    ctx = replace(make_context(Config()), source=source, source_lang=lang)
    doc = Document("t", text)
    found = lint_document(doc, ctx, [PronounAgreement(), ParticipleAgreement()]).findings
    return [(f.code, doc[f.span], f.suggestions[0]) for f in found]


# --- data -------------------------------------------------------------------------


def test_source_tables_name_genders_and_saying_verbs_are_sorted() -> None:
    data = load_toml("pronouns.toml")
    for lang in ("de", "nl", "en"):
        assert set(data["source_pronouns"][lang].values()) <= {"m", "f", "n"}
        assert all(set(g) <= {"m", "f", "n"} and g for g in data["source_articles"][lang].values())
    verbs = data["saying_verbs"]
    assert verbs == sorted(set(verbs), key=lambda s: (strip_accents(s).casefold(), s))


def test_source_is_split_into_sentences() -> None:
    assert source_sentences("Die Bahn hat den Fahrplan geändert. Sie will 2025 mehr Züge einsetzen.") == [
        "Die Bahn hat den Fahrplan geändert.", "Sie will 2025 mehr Züge einsetzen."]
    assert len(source_sentences("Er sagte: „Das reicht nicht.“ Dann ging er.")) == 2


# --- with a source: the source's article and pronoun show the antecedent -----------

_BAHN_DE = "Die Bahn hat den Fahrplan geändert. Sie will 2025 mehr Züge einsetzen."
_KLINIEK_NL = "Het ziekenhuis heeft een nieuwe afdeling geopend. Het werd in 2019 gerenoveerd."


def test_german_feminine_pronoun_kept_for_a_masculine_french_noun() -> None:
    text = "Le groupe ferroviaire a modifié ses horaires. Elle veut faire circuler plus de trains en 2025."
    assert _run(text, _BAHN_DE, "de") == [("PA01", "Elle", "Il")]
    assert _run(text.replace("Elle veut", "Il veut"), _BAHN_DE, "de") == []


def test_dutch_neuter_pronoun_kept_for_a_feminine_french_noun_despite_a_masculine_object() -> None:
    text = "La clinique a ouvert un nouveau service. Il a été rénové en 2019."
    assert _run(text, _KLINIEK_NL, "nl") == [("PA01", "Il", "Elle"), ("PA02", "rénové", "rénovée")]
    # Without the source, « un nouveau service » may be what « Il » stands for.
    assert _run(text) == []
    assert _run("La clinique a ouvert un nouveau service. Elle a été rénovée en 2019.", _KLINIEK_NL, "nl") == []
    # The small model reads « Il » before « sera agrandi » as expletive; the source's « Het » is not.
    later = "La clinique a ouvert un nouveau service. Il sera agrandi l'an prochain."
    assert _run(later, "Het ziekenhuis heeft een nieuwe afdeling geopend. Het wordt volgend jaar uitgebreid.", "nl")[0] == (
        "PA01", "Il", "Elle")


@pytest.mark.parametrize(
    ("text", "source", "lang"),
    [
        # « Er » cannot stand for « Die Stadt »: the source shows another antecedent.
        ("La ville a rénové le bâtiment de la gare. Il a été construit en 1890.",
         "Die Stadt hat das Bahnhofsgebäude renoviert. Er wurde 1890 gebaut.", "de"),
        # An impersonal « Es » / « Il ».
        ("La direction a examiné le dossier. Il a été décidé de reporter le vote.",
         "Die Leitung hat die Akte geprüft. Es wurde beschlossen, die Abstimmung zu verschieben.", "de"),
        # The sentences do not match one for one.
        ("La commune a voté le budget ; il prévoit des économies.",
         "Die Gemeinde hat den Haushalt beschlossen. Er sieht Einsparungen vor.", "de"),
    ],
)
def test_source_leaves_alone(text: str, source: str, lang: str) -> None:
    assert _run(text, source, lang) == []


def test_opening_phrase_gender_from_the_noun_lists_after_an_elision() -> None:
    from qa.api import make_context as _mk
    from qa.knowledge.nlp import Analysis  # noqa: F401  (the type the analysis has)

    doc = Document("t", "L'expertise de l'office soutient le projet.")
    ctx = _mk(Config())
    toks = ctx.analysis(doc).tokens
    found = opening_phrase(doc, list(toks))
    assert found is not None and (found.text, found.gender) == ("L'expertise", "f")


# --- a « que » clause after a verb of saying --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La banque centrale a indiqué jeudi qu'il relèverait ses taux en juin.", [("PA01", "il", "elle")]),
        ("L'université a annoncé qu'il fermerait deux facultés à la rentrée.", [("PA01", "il", "elle")]),
        ("Le syndicat a déclaré qu'elle refuserait tout accord au rabais.", [("PA01", "elle", "il")]),
    ],
)
def test_speaker_of_a_reported_clause(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _run(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "La banque centrale a indiqué jeudi qu'elle relèverait ses taux en juin.",
        # Another noun of the pronoun's gender stands between: « il » is the budget.
        "L'opposition a critiqué le budget, estimant qu'il était trop faible.",
        # Impersonal.
        "La fédération a déclaré qu'il fallait agir vite.",
        # A man named before.
        "Le maire a écrit à la région. La région a confirmé qu'il serait reçu lundi.",
    ],
)
def test_speaker_left_alone(text: str) -> None:
    assert _run(text) == []


# --- the only noun a pronoun can stand for -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les habitants ont retrouvé la chienne dans la forêt. Il était blessé à la patte.",
         [("PA01", "Il", "Elle"), ("PA02", "blessé", "blessée")]),
        ("Les chercheurs ont découvert un nouveau virus chez les chauves-souris. Elle se transmet par la salive.",
         [("PA01", "Elle", "Il")]),
    ],
)
def test_only_noun_of_the_other_gender(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _run(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # « le parc » may be what « Il » stands for.
        "Les habitants ont retrouvé la chienne dans le parc. Il était fermé depuis mardi.",
        # A name earlier in the paragraph.
        "La biologiste Anna Berg a rejoint l'équipe. Les chercheurs ont découvert un nouveau virus. Elle le décrit en détail.",
        # Impersonal.
        "Les pompiers ont évacué la maison. Il a fallu deux heures pour éteindre le feu.",
        # Two candidates of the other gender: which one is not known.
        "La police a arrêté la conductrice. Il est rentré chez lui.",
    ],
)
def test_only_noun_left_alone(text: str) -> None:
    assert _run(text) == []


# --- « celui-ci » / « celle-ci » ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le rapport a été transmis au conseil régional. Celle-ci recommande une réforme du financement.",
         [("PA01", "Celle-ci", "Celui-ci")]),
        ("Les députés ont examiné la proposition de loi. Celui-ci prévoit une hausse des amendes.",
         [("PA01", "Celui-ci", "Celle-ci")]),
    ],
)
def test_demonstrative_of_the_other_gender(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _run(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le rapport a été transmis à la commission régionale. Celle-ci recommande une réforme du financement.",
        "Les députés ont examiné la proposition de loi du ministre. Celui-ci prévoit une hausse des amendes.",
        # A name in the sentence before may be what it stands for.
        "La délégation a rencontré Jan Peeters. Celui-ci a promis une réponse.",
    ],
)
def test_demonstrative_left_alone(text: str) -> None:
    assert _run(text) == []


# --- the source's antecedent against a nearer rival, a demonstrative, a sentence further up --


def test_pronoun_that_follows_neither_the_source_nor_the_french_noun() -> None:
    # « Die Gemeinde … Sie »: MT took the nearer « le musée » and wrote « Il ».
    source = "Die Gemeinde Hallstatt betreibt das Museum. Sie plant dieses Jahr einen Anbau."
    text = "La commune de Hallstatt gère le musée. Il prévoit cette année une extension."
    assert _run(text, source, "de") == [("PA01", "Il", "Elle")]
    assert _run(text.replace("Il prévoit", "Elle prévoit"), source, "de") == []
    # « Das Amt … Es »: « l’office » is masculine, MT wrote the source's neuter as « il »: right.
    assert _run("L’office a reçu la plainte. Il prévoit une enquête.",
                "Das Amt hat die Beschwerde erhalten. Es plant eine Untersuchung.", "de") == []


def test_source_pronoun_two_sentences_up_past_a_plural_demonstrative() -> None:
    source = "Die Stiftung plant neue Kurse. Diese sollen im Mai beginnen. Sie sucht dafür Freiwillige."
    text = "Le comité prévoit de nouveaux cours. Ceux-ci doivent commencer en mai. Elle cherche des bénévoles."
    assert _run(text, source, "de") == [("PA01", "Elle", "Il")]


def test_source_demonstrative_names_the_sentence_opening_noun() -> None:
    source = "De gemeente wil het advies eerst lezen. Deze zal in juni beslissen."
    text = "La commune veut d’abord lire l’avis. Celui-ci décidera en juin."
    assert _run(text, source, "nl") == [("PA01", "Celui-ci", "Celle-ci")]
    assert _run(text.replace("Celui-ci", "Celle-ci"), source, "nl") == []


def test_woman_named_in_the_sentence_before_is_the_source_pronoun_s_antecedent() -> None:
    source = "Voorzitter Anna de Wit van de raad noemde het plan goed. Zij wil snel beginnen."
    text = "Le président du conseil, Anna de Wit, a jugé le plan bon. Elle veut commencer vite."
    assert [f for f in _run(text, source, "nl") if f[0] == "PA01"] == []


def test_participles_follow_the_corrected_pronoun() -> None:
    # A feminine participle goes back to the masculine with the pronoun; an adjective-tagged
    # participle and an adverbial locution inside the verb group are read.
    source = "De parkeergarage telt 800 plaatsen. Zij is vaak overvol."
    text = "Le parking compte 800 places. Elle est souvent saturée."
    assert _run(text, source, "nl") == [("PA01", "Elle", "Il"), ("PA02", "saturée", "saturé")]
    source = "Der Verband lobte den Plan. Er sei immer gegen Verzögerungen gewesen."
    text = "La fédération a salué le plan. Il s’est toujours opposé aux retards."
    assert _run(text, source, "de") == [("PA01", "Il", "Elle"), ("PA02", "opposé", "opposée")]
    source = "Het bureau heeft de kosten onderschat. Het heeft bovendien te laat gereageerd."
    text = "L’agence a sous-estimé les coûts. Il serait en outre intervenu trop tard."
    assert _run(text, source, "nl") == [("PA01", "Il", "Elle"), ("PA02", "intervenu", "intervenue")]


def test_source_pronoun_after_the_finite_verb_and_french_pronoun_after_a_phrase() -> None:
    source = "Die Stiftung hat das Gebäude gekauft. Im Frühjahr eröffnet sie ein Café."
    text = "La fondation a acheté le bâtiment. Au printemps, il ouvrira un café."
    assert _run(text, source, "de") == [("PA01", "il", "elle")]
    assert _run(text.replace(", il ouvrira", ", elle ouvrira"), source, "de") == []
    assert _run("La fondation a acheté le bâtiment. Il ouvrira un café.", source, "de") == [("PA01", "Il", "Elle")]
    # A noun phrase opens the source sentence: the pronoun after its verb is an object.
    source = "Die Stiftung hat das Gebäude gekauft. Die Stadt lobt sie dafür."
    assert _run("La fondation a acheté le bâtiment. La ville la félicite.", source, "de") == []


# --- pron20: frames, fronted subjects, the dictionaries' genders, possessives ------------


def test_de_before_a_place_or_a_date_is_no_impersonal_frame() -> None:
    # « Il doit être voté d’ici mai »: « d’ » opens no infinitive, so « Il » is personal.
    source = "Der Antrag der Fraktion liegt dem Rat vor. Er soll bis Mai abgestimmt werden."
    text = "La motion du groupe est soumise au conseil. Il doit être voté d'ici mai."
    assert _run(text, source, "de")[0] == ("PA01", "Il", "Elle")
    # « Il a été décidé de reporter »: the frame of an impersonal « il ».
    text = "La motion du groupe est soumise au conseil. Il a été décidé de reporter le vote."
    assert _run(text, source, "de") == []


def test_expletive_parse_belied_by_the_source_pronoun() -> None:
    # English « it » for « the plan », rendered « la mesure »; spaCy may read « Il » before a
    # future as expletive, the source's personal pronoun says otherwise.
    source = "The plan will start in May. It will apply to all lorries."
    text = "La mesure entrera en vigueur en mai. Il s'appliquera à tous les camions."
    assert _run(text, source, "en") == [("PA01", "Il", "Elle")]


def test_y_after_a_verb_is_no_il_y_a() -> None:
    source = "Das Unternehmen hat in Halle ein Lager gebaut. Es will dort 200 Leute beschäftigen."
    text = "L'entreprise a construit un entrepôt à Halle. Il veut y employer 200 personnes."
    assert _run(text, source, "de") == [("PA01", "Il", "Elle")]
    source = "Das Unternehmen hat in Halle ein Lager gebaut. Es gibt dort 200 Stellen."
    text = "L'entreprise a construit un entrepôt à Halle. Il y a là 200 emplois."
    assert _run(text, source, "de") == []


def test_people_in_the_plural_do_not_stand_for_a_singular_source_pronoun() -> None:
    source = "Das Team zählt 40 Forscher. Es soll bis 2026 wachsen."
    text = "L'équipe compte 40 chercheurs. Il doit s'agrandir d'ici 2026."
    assert _run(text, source, "de") == [("PA01", "Il", "Elle")]


def test_subject_after_an_opening_phrase_and_a_noun_gender_from_the_dictionaries() -> None:
    source = "Die Windkraftanlage hätte laut Gemeinde viel Geld gebracht. Sie wäre die größte gewesen."
    text = "Selon la commune, l'éolienne aurait rapporté beaucoup d'argent. Il aurait été le plus grand."
    assert _run(text, source, "de")[0] == ("PA01", "Il", "Elle")
    assert _run(text.replace("Il aurait", "Elle aurait"), source, "de") == []


def test_speaker_owned_by_someone_else_is_left_alone() -> None:
    # « Ihr Anwalt sagte, sie … »: the reported « elle » is the owner, not the lawyer.
    assert _run("Son avocat a déclaré qu'elle ferait appel.") == []
    # « Their union said it would »: a plural owner is no « il », the union is.
    assert _run("Leur syndicat a annoncé qu'elle porterait plainte.") == [("PA01", "elle", "il")]


@pytest.mark.parametrize(
    ("text", "source", "lang", "expected"),
    [
        ("Le club a indiqué que leurs joueurs resteraient.", "The club said its players would stay.", "en",
         [("PA01", "leurs", "ses")]),
        ("La fédération a présenté leur budget.", "Der Verband stellte seinen Haushalt vor.", "de",
         [("PA01", "leur", "son")]),
        ("L'association a présenté leur stratégie.", "The association presented its strategy.", "en",
         [("PA01", "leur", "sa")]),
    ],
)
def test_leur_for_the_source_possessive_of_one_owner(text: str, source: str, lang: str,
                                                      expected: list[tuple[str, str, str]]) -> None:
    assert _run(text, source, lang) == expected


@pytest.mark.parametrize(
    ("text", "source", "lang"),
    [
        # « their »: several owners.
        ("Le club a indiqué que leurs joueurs resteraient.", "The club said their players would stay.", "en"),
        # German « ihr- » may be « their ».
        ("La fédération a présenté leur budget.", "Der Verband stellte ihren Haushalt vor.", "de"),
        # a plural subject
        ("Les clubs ont présenté leur budget.", "The clubs presented its budget.", "en"),
        # « leur » as a pronoun, not a possessive
        ("Le club leur a présenté le budget.", "The club presented its budget to them.", "en"),
        # no source
        ("Le club a présenté leur budget.", None, None),
    ],
)
def test_leur_left_alone(text: str, source: str | None, lang: str | None) -> None:
    assert _run(text, source, lang) == []


def test_english_singular_they_for_one_person() -> None:
    source = "A hospital spokesperson said they were working on a solution."
    text = "Un porte-parole de l'hôpital a déclaré qu'ils travaillaient à une solution."
    assert _run(text, source, "en") == [("PA01", "ils travaillaient", "il travaillait")]
    # people in the plural before: « ils » may stand for them
    plural = "Les médecins ont protesté. Un porte-parole de l'hôpital a déclaré qu'ils travaillaient à une solution."
    assert _run(plural, "Doctors protested. " + source, "en") == []
    # no « they » in the source
    assert _run(text, "A hospital spokesperson said staff were working on a solution.", "en") == []
    # not a person: no singular « they », but English « they » for an organisation
    # (pronouns.toml collective_nouns), which French makes singular (_completive.collective_they)
    assert _run("Le conseil a déclaré qu'ils travaillaient à une solution.",
                "The council said they were working on a solution.", "en") == [("PA01", "ils travaillaient", "il travaillait")]
    assert _run("La fille du voisin a déclaré qu'ils travaillaient à une solution.",
                "The neighbour's daughter said they were working on a solution.", "en") == []


def test_singular_they_after_plural_things() -> None:
    source = "The council paid for the works. A spokesperson said they were delighted."
    text = "Le conseil a payé les travaux. Un porte-parole a déclaré qu'ils étaient ravis."
    assert _run(text, source, "en")[0] == ("PA01", "ils étaient", "il était")
    # people in the plural before
    text = "Les habitants ont payé les travaux. Un porte-parole a déclaré qu'ils étaient ravis."
    assert _run(text, "The residents paid for the works. A spokesperson said they were delighted.", "en") == []


def test_leur_on_the_subject_owned_by_the_subject_before() -> None:
    source = "The club has grown fast. Its members now number 900."
    text = "Le club a grandi rapidement. Leurs membres sont désormais 900."
    assert _run(text, source, "en") == [("PA01", "Leurs", "Ses")]
    assert _run(text, "The clubs have grown fast. Their members now number 900.", "en") == []


def test_source_pronoun_that_disagrees_with_the_article_before_vetoes_the_french_subject() -> None:
    # « Es » cannot stand for « Die Stadt »: the café is meant, and « Il » is right.
    source = "Die Stadt investiert in das neue Café des Bahnhofs. Es soll im Mai öffnen."
    text = "La ville investit dans le nouveau café de la gare. Il doit ouvrir en mai."
    assert _run(text, source, "de") == []
    # without the source, the French subject is the antecedent
    assert _run(text) == [("PA01", "Il", "Elle")]


def test_source_antecedent_past_a_sentence_of_direct_speech() -> None:
    source = 'Bürgermeisterin Eva Koch verteidigte den Plan. "Wir haben keine Wahl", sagte sie. Sie versprach schnelle Hilfe.'
    text = "La maire Eva Koch a défendu le plan. « Nous n'avons pas le choix », a-t-elle dit. Il a promis une aide rapide."
    assert _run(text, source, "de") == [("PA01", "Il", "Elle")]
    assert _run(text.replace("Il a promis", "Elle a promis"), source, "de") == []
    # the veto rules out the sentence's opening noun only: an object the source pronoun fits stays
    source = "Die Bergwacht brachte das Mädchen ans Ufer. Es wurde ins Krankenhaus gebracht."
    text = "Les secouristes ont ramené la fillette sur la berge. Il a été transporté à l'hôpital."
    assert _run(text, source, "de") == [("PA01", "Il", "Elle"), ("PA02", "transporté", "transportée")]
