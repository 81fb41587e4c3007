"""MT01's false-friend pairs decided by the source's sense words (``source_context``,
``source_unless`` in qa/data/false_friends.toml): for each pair, a failing case where the
source names the word in the sense the French cognate does not have, and a passing case where
the source shows the other sense, or the French context rules the pair out. Sentences written
for these tests, on topics of their own."""

from __future__ import annotations

import tomllib

import pytest

from qa.api import Config, lint_document, make_context
from qa.checks.base import Context
from qa.checks.mistranslation.mt01_false_friend import FalseFriend
from qa.data import read_text
from qa.engine.session import Session
from qa.knowledge.rules import load_rules
from qa.knowledge.source_terms import source_mentions
from qa.model.document import Document

_BASE = make_context(Config())


def _found(target: str, source: str | None, lang: str | None) -> list[tuple[str, str]]:
    ctx = Context(Session(_BASE.glossary), source=source, source_lang=lang)
    return [(f.text, f.suggestions[0] if f.suggestions else "")
            for f in lint_document(Document("t.txt", target), ctx, [FalseFriend()]).findings]


FAILING = [
    ("de", "Die Lage ist also ernst, sagte der Bürgermeister.",
     "La situation est aussi grave, a déclaré le maire.", "aussi", "donc"),
    ("de", "Die Kläranlage arbeitet rund um die Uhr in drei Schichten, sagte ein Mitarbeiter.",
     "La station d'épuration fonctionne 24 heures sur 24 en trois couches, a déclaré un employé.", "couches", "équipes"),
    ("de", "Die Fraktion der Linken will den Antrag ablehnen.",
     "La fraction de la Gauche veut rejeter la motion.", "fraction", "groupe parlementaire"),
    ("de", "Das Lokal in der Altstadt schließt Ende Mai.",
     "Le local de la vieille ville ferme fin mai.", "local", "restaurant"),
    ("de", "Das beliebteste Gericht auf der Speisekarte ist Sauerbraten.",
     "Le tribunal le plus apprécié de la carte est le rôti mariné.", "tribunal", "plat"),
    ("de", "An dieser Stelle soll ein Spielplatz entstehen.",
     "À ce poste, une aire de jeux doit voir le jour.", "À ce poste", "à cet endroit"),
    ("de", "Die Marke des Mineralwassers gehört einem Konzern aus Bayern.",
     "Le timbre de l'eau minérale appartient à un groupe bavarois.", "timbre", "marque"),
    ("de", "Die Leiterin des Gesundheitsamts warnte vor der Grippe.",
     "L'échelle du service de santé a mis en garde contre la grippe.", "échelle", "directeur"),
    ("de", "Der Patient bekam in der Klinik eine Infusion.",
     "Le patient a reçu une infusion à la clinique.", "infusion", "perfusion"),
    ("de", "Der Regisseur stellte seinen neuen Film in Venedig vor.",
     "Le régisseur a présenté son nouveau film à Venise.", "régisseur", "réalisateur"),
    ("de", "Die Einbrecher öffneten den Tresor mit einem Schneidbrenner.",
     "Les cambrioleurs ont ouvert le trésor avec un chalumeau.", "trésor", "coffre-fort"),
    ("de", "Nach ihrer Promotion an der Universität Jena ging sie nach Kanada.",
     "Après sa promotion à l'université d'Iéna, elle est partie au Canada.", "promotion", "doctorat"),
    ("de", "Der Landtag berät die Novelle des Schulgesetzes.",
     "Le Landtag examine la nouvelle de la loi scolaire.", "nouvelle", "révision"),
    ("de", "Die Verletzten wurden in der Ambulanz der Uniklinik versorgt.",
     "Les blessés ont été soignés à l'ambulance du CHU.", "ambulance", "service des urgences"),
    ("nl", "Het was een rare beslissing van de scheidsrechter.",
     "C'était une décision rare de l'arbitre.", "rare", "étrange"),
    ("nl", "De gemeente installeert slimme lantaarnpalen.",
     "La commune installe des réverbères minces.", "minces", "intelligents"),
    ("nl", "De eigenaar van de zaak sloot zijn deuren na veertig jaar.",
     "Le propriétaire de l'affaire a fermé ses portes après quarante ans.", "affaire", "boutique"),
    ("nl", "De conducteur controleerde de kaartjes in de trein naar Zwolle.",
     "Le conducteur a contrôlé les billets dans le train pour Zwolle.", "conducteur", "contrôleur"),
    ("en", "Engineers hope to complete the repairs by Friday.",
     "Les ingénieurs espèrent compléter les réparations d'ici vendredi.", "compléter", "terminer"),
    ("en", "Firefighters said the blaze was finally under control.",
     "Les pompiers ont indiqué que l'incendie était enfin contrôlé.", "contrôlé", "maîtrisé"),
    ("en", "The deputy headteacher welcomed the decision.",
     "Le député directeur d'école a salué la décision.", "député", "adjoint"),
    ("en", "A large crowd gathered outside the stadium.",
     "Une large foule s'est rassemblée devant le stade.", "large", "grande"),
    ("en", "The police said the fight started after an argument in the queue.",
     "La police a déclaré que la bagarre avait commencé après un argument dans la file.", "argument", "dispute"),
    ("en", "The trial of the two men accused of murder opened at the crown court.",
     "L'essai des deux hommes accusés de meurtre s'est ouvert à la cour.", "essai", "procès"),
    ("en", "Two police officers were injured during the arrest.",
     "Deux officiers de police ont été blessés lors de l'arrestation.", "officiers de police", "policiers"),
    ("en", "Residents blamed the council for the flooding.",
     "Les habitants ont blâmé le conseil pour les inondations.", "blâmé", "accusé"),
    ("en", "Customers queued outside the chemist for paracetamol.",
     "Les clients faisaient la queue devant le chimiste pour du paracétamol.", "chimiste", "pharmacien"),
    ("en", "Patients waited weeks for an appointment at the GP surgery.",
     "Les patients ont attendu des semaines un rendez-vous à la chirurgie du généraliste.", "chirurgie", "cabinet médical"),
    ("en", "Global leaders met in Geneva on Monday.",
     "Les dirigeants globaux se sont réunis lundi à Genève.", "globaux", "mondiaux"),
    ("en", "The furlough scheme ends in September.",
     "Le schéma de chômage partiel prend fin en septembre.", "schéma", "dispositif"),
    ("en", "Our sympathies are with the family of the man who died.",
     "Nos sympathies vont à la famille de l'homme décédé.", "sympathies", "condoléances"),
    ("en", "The birthday party was held in the village hall and guests danced until midnight.",
     "La partie d'anniversaire s'est tenue à la salle des fêtes et les invités ont dansé jusqu'à minuit.", "", ""),
]
# The last one: « partie d' » is followed by « de »: a portion or a game, which « partie » renders.


@pytest.mark.parametrize(("lang", "source", "target", "span", "fix"), FAILING)
def test_false_friend_in_the_sense_the_source_shows(lang: str, source: str, target: str, span: str, fix: str) -> None:
    found = _found(target, source, lang)
    if not span:
        assert found == []
        return
    assert len(found) == 1 and found[0][0].endswith(span), found  # with its article when the gender changes
    assert fix.lower() in found[0][1].lower(), found


PASSING = [
    # the source shows the other sense (source_unless, or no source_context word)
    ("de", "Die Lage ist also auch für die Bauern ernst.", "La situation est donc aussi grave pour les agriculteurs."),
    ("de", "Das Gericht verurteilte den Mann zu zwei Jahren Haft.", "Le tribunal a condamné l'homme à deux ans de prison."),
    ("de", "Die Ozonschicht erholt sich langsam.", "La couche d'ozone se reconstitue lentement."),
    ("de", "Er klebte eine Marke auf den Brief, eine Briefmarke von 1990.", "Il a collé un timbre de 1990 sur la lettre."),
    ("de", "Der Feuerwehrmann stieg auf die Leiter.", "Le pompier est monté sur l'échelle."),
    ("de", "Der Leiter der Studie sprach von Veränderungen in großem Maßstab.", "Le responsable de l'étude a parlé de changements à grande échelle."),
    ("de", "Nur ein Bruchteil der Fraktion stimmte zu.", "Seule une fraction du groupe a approuvé."),
    ("de", "Die Novelle des Autors erschien 1912.", "La nouvelle de l'auteur est parue en 1912."),
    ("de", "Der Schatz lag im Tresor des Museums.", "Le trésor se trouvait dans le coffre-fort du musée."),
    ("de", "Der Verein feiert seine Promotion in die Bundesliga.", "Le club fête sa promotion en Bundesliga."),
    ("de", "Die Ambulanz brachte den Verletzten mit dem Rettungswagen ins Krankenhaus.", "L'ambulance a transporté le blessé à l'hôpital."),
    ("de", "Das Lokal wird zum Lager: der Vermieter will den Raum für 900 Euro im Monat vermieten.", "Le local deviendra un entrepôt : le propriétaire veut le louer 900 euros par mois."),
    ("nl", "Zeldzame vogels zijn rare gasten in de tuin.", "Les oiseaux rares sont des hôtes étranges au jardin."),
    ("nl", "De rechter behandelt de zaak volgende week.", "Le juge examinera l'affaire la semaine prochaine."),
    ("nl", "De slimme meter heeft een dunne behuizing.", "Le compteur intelligent a un boîtier mince."),
    ("nl", "De bestuurder van de bus en de conducteur bleven ongedeerd.", "Le conducteur du bus et le contrôleur sont indemnes."),
    ("en", "Please complete the form before Friday.", "Veuillez compléter le formulaire avant vendredi."),
    ("en", "A randomised controlled trial tested the drug on patients in pain.", "Un essai contrôlé randomisé a testé le médicament sur des patients souffrant."),
    ("en", "The deputy for Lyon in the national assembly voted against.", "Le député de Lyon à l'Assemblée nationale a voté contre."),
    ("en", "A large majority of members backed the motion.", "Une large majorité des membres a soutenu la motion."),
    ("en", "The argument for a new bridge is strong.", "L'argument en faveur d'un nouveau pont est solide."),
    ("en", "The clinical trial recruited 400 patients.", "L'essai clinique a recruité 400 patients."),
    ("en", "Army officers met police chiefs in the capital.", "Des officiers de l'armée ont rencontré des chefs de la police dans la capitale."),
    ("en", "The Labour party lost the election.", "La partie travailliste a perdu l'élection."),
    ("en", "The chemist won the Nobel prize for her research.", "La chimiste a reçu le prix Nobel pour ses recherches."),
    ("en", "She needed heart surgery after the crash.", "Elle a dû subir une chirurgie cardiaque après l'accident."),
    ("en", "The overall global cost rose.", "Le coût global a augmenté."),
    ("en", "The scheme follows the diagram in the report.", "Le schéma suit le diagramme du rapport."),
    ("en", "The striking nurses won the sympathy of the public.", "Les infirmières en grève ont gagné la sympathie du public."),
]


@pytest.mark.parametrize(("lang", "source", "target"), PASSING)
def test_other_sense_is_left_alone(lang: str, source: str, target: str) -> None:
    assert [t for t, _ in _found(target, source, lang)] == []


def test_sense_rules_need_the_source() -> None:
    """Without a source, a rule held by the source and without require words never fires."""
    assert _found("Une large foule s'est rassemblée devant le stade.", None, None) == []
    assert _found("Le timbre de l'eau minérale appartient à un groupe bavarois.", None, None) == []


_SENSED = [r for r in load_rules("false_friends.toml", "entry") if r.source_context or r.source_unless]


@pytest.mark.parametrize("rule", _SENSED, ids=lambda r: r.id)
def test_sense_words_are_well_formed(rule) -> None:
    """Sense words are lower case, match themselves, and only a rule held by the source has them."""
    assert rule.source, rule.id
    for term in rule.source_context + rule.source_unless:
        assert term == term.strip().lower(), (rule.id, term)
        plain = term.replace("*", "")
        assert source_mentions(("xyz" + plain) if term.startswith("*") else plain, [term]), (rule.id, term)


def test_every_sense_rule_has_a_case_here() -> None:
    ids = {e["id"] for e in tomllib.loads(read_text("false_friends.toml"))["entry"] if e.get("source_context") or e.get("source_unless")}
    assert len(ids) >= 20


# --- without a source: the French words around decide (require), where clean French stays clean --

NO_SOURCE = [
    ("L'essai de l'homme accusé d'avoir tué sa voisine s'ouvre lundi.", ["essai"]),
    ("La rixe a commencé après un argument entre deux clients.", ["argument"]),
    ("La patiente a reçu une infusion dans le service des urgences.", ["infusion"]),
    ("Le régisseur allemand a présenté son film à la Berlinale.", ["régisseur"]),
    ("Le groupe espère compléter l'acquisition de son concurrent d'ici mars.", ["compléter"]),
    # the French context shows the right sense
    ("L'essai clinique a recruté 400 patients, dont des prévenus.", []),
    ("L'argument de la défense n'a pas convaincu le jury après la rixe.", []),
    ("Une infusion de thym soulage les patients enrhumés.", []),
    ("Le régisseur général du théâtre a réglé les lumières du film.", []),
    ("Il faut compléter le formulaire avant l'acquisition.", []),
]


@pytest.mark.parametrize(("target", "want"), NO_SOURCE)
def test_without_source_the_french_context_decides(target: str, want: list[str]) -> None:
    found = [t for t, _ in _found(target, None, None)]
    assert len(found) == len(want) and all(f.endswith(w) for f, w in zip(found, want)), found
