"""The names knowledge base, the lexicon, rendering generation and the PN01/PN02 decisions."""

from __future__ import annotations

import unicodedata

import pytest

from qa.api import lint_document
from qa.checks.names.pn02_foreign_qualifier import ForeignQualifier
from qa.checks.names.pn01_translated_name import NameTranslated
from qa.knowledge.forms import agree, feminine
from qa.knowledge.name_renderings import generate, lexicon
from qa.knowledge.names import _entries, knowledge
from qa.data import load_toml, load_tsv
from qa.model.document import Document

NAMES = load_toml("names.toml")
KINDS = {"media", "agency", "ngo", "think-tank", "company", "institution", "club"}
LANGS = {"en", "nl", "de", "fr"}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


def test_schema() -> None:
    assert NAMES["schema"] == 1


def test_names_strings_are_clean() -> None:
    bad = [s for s in _strings(NAMES) if s != s.strip() or unicodedata.normalize("NFC", s) != s]
    assert bad == []


@pytest.mark.parametrize("table", ["french_titles", "qualified_names"])
def test_lists_sorted_unique(table: str) -> None:
    items = NAMES[table]
    assert items == sorted(items, key=str.lower)
    assert len({i.lower() for i in items}) == len(items)


def test_names_sorted_unique_and_valid() -> None:
    names = [d["name"] for d in NAMES["names"]]
    assert names == sorted(names, key=str.lower)
    assert len({n.lower() for n in names}) == len(names)
    for d in NAMES["names"]:
        assert d["kind"] in KINDS and d["lang"] in LANGS, d
        assert d.get("article", "") in {"", "le", "la", "les", "l’"}, d
        for r in d.get("renderings", []):
            assert r.lower() != d["french"].lower(), d  # a rendering never maps to itself


def test_nationalities_sorted_unique() -> None:
    words = [d["word"] for d in NAMES["nationalities"]]
    assert words == sorted(words, key=str.lower) and len({w.lower() for w in words}) == len(words)


def test_kb_is_broad() -> None:
    assert len(NAMES["names"]) >= 250
    assert len(knowledge().matcher) >= 1000


def test_lexicon_rows() -> None:
    rows = load_tsv("lexicon.tsv")
    keys = [(r[0], r[1].lower()) for r in rows]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    for row in rows:
        assert len(row) >= 4, row
        assert row[3] in {"noun", "adj", "adjpre", "place", "prop", "prep", "conj", "det", "verb", "adv"}, row
        for field in row:
            assert field == field.strip() and unicodedata.normalize("NFC", field) == field, row
        genders = row[4].split("|") if len(row) > 4 and row[4] else []
        assert all(g in {"m", "f", "mp", "fp"} for g in genders), row
        # Identity translations (journal → journal) are real French words, not corrections,
        # but a word translated only into itself must be a kept proper name.
        if row[2] == row[1]:
            assert row[3] in {"place", "prop"} or row[1].islower(), row


def test_lexicon_is_broad() -> None:
    assert len(lexicon()) >= 400


def test_feminine_and_plural_agreement() -> None:
    assert feminine("financier") == "financière"
    assert feminine("étranger") == "étrangère"
    assert feminine("nouveau/nouvelle") == "nouvelle"
    assert agree("général", "mp") == "généraux"
    assert agree("international", "f") == "internationale"
    assert agree("de Francfort", "f") == "de Francfort"


def _generated(name: str) -> list[str]:
    entry = next(e for e in _entries() if e.name == name)
    return [g.lower() for g in generate(entry)]


def test_generation_in_french_word_order() -> None:
    assert "temps financier" in _generated("Financial Times")
    assert "surveillance des droits de l’homme" in _generated("Human Rights Watch")
    assert "observatoire des droits humains" in _generated("Human Rights Watch")
    assert "recherche sur l’armement de conflit" in _generated("Conflict Armament Research")
    assert "journal de wall street" in _generated("The Wall Street Journal")
    assert "transparence internationale" in _generated("Transparency International")
    assert "moteurs généraux" in _generated("General Motors")
    assert "journal général de francfort" in _generated("Frankfurter Allgemeine Zeitung")


def test_generation_is_bounded() -> None:
    assert all(len(generate(e)) <= 120 for e in _entries())


def test_real_titles_never_generated_as_errors() -> None:
    keys = set(knowledge().matcher.keys())
    # « Le Temps », « Le Monde » are real dailies: blocked keys carry no rendering.
    for title in ("le temps", "le monde", "la presse"):
        assert title in keys
        payloads = [p for m in knowledge().matcher.finditer(title) for p in m.payloads]
        assert None in payloads


def _run(text: str, check: object) -> list[tuple[str, tuple[str, ...]]]:
    doc = Document("t.txt", text)
    return [(f.text, f.suggestions) for f in lint_document(doc, checks=[check]).findings]


def test_same_rendering_two_names_uses_document_hints() -> None:
    de = _run("À Berlin, selon Le Miroir, le chancelier allemand hésite.", NameTranslated())
    en = _run("À Londres, selon Le Miroir, le gouvernement britannique hésite.", NameTranslated())
    assert de[0][1][0] == "Der Spiegel"
    assert en[0][1][0] == "le Mirror"  # French drops an English « The » for its own article


def test_single_word_needs_a_frame() -> None:
    assert _run("Il regardait le Gardien immobile.", NameTranslated()) == []
    assert _run("Il regardait le Gardien. Selon le Gardien, rien ne change.", NameTranslated())[0][0] == "Gardien"


def test_autofix_only_for_unambiguous_multiword() -> None:
    doc = Document("t.txt", "Selon le Temps de New York, le président a menti. Selon Politique, non.")
    findings = lint_document(doc, checks=[NameTranslated()]).findings
    assert [f.autofix for f in findings] == [True, False]


def test_foreign_qualifier_keeps_real_names() -> None:
    assert _run("Le German Marshall Fund a publié une note.", ForeignQualifier()) == []
    found = _run("Selon le British Conflict Armament Research, les débris sont récents.", ForeignQualifier())
    assert found[0][1][0] == "l’organisation britannique Conflict Armament Research"


def _pn01(text: str) -> list[tuple[str, tuple[str, ...]]]:
    doc = Document("t.txt", text)
    return [(doc[f.span], f.suggestions) for f in lint_document(doc, checks=[NameTranslated()]).findings]


def test_generation_agrees_plural_source_heads() -> None:
    entry = next(e for e in _entries() if e.name == "Financial Times")
    variants = generate(entry)
    assert "temps financiers" in variants and "époque financière" in variants


def test_generation_keeps_an_untranslatable_modifier_in_french_order() -> None:
    entry = next(e for e in _entries() if e.name == "Fox News")
    assert "nouvelles de Fox" in generate(entry)


def test_speaker_between_reporting_verb_and_outlet() -> None:
    found = _pn01("Cela freinera la reprise, a déclaré M. Fuest au « Miroir ».")
    assert [t for t, _ in found] == ["Miroir"]


def test_quoted_lowercase_rendering_needs_quotes() -> None:
    # The elided article MT chose for « image » becomes the name's: « au « Bild am Sonntag » ».
    assert _pn01("Il a déclaré à « l’image du dimanche » que la loi suffisait.")[0][1][0] == "au « Bild am Sonntag"
    assert _pn01('Selon l \'"image du dimanche", la loi suffisait.')[0][1][0] == 'le "Bild am Sonntag'
    assert _pn01("Il a déclaré à l’image du dimanche que la loi suffisait.") == []


def test_unknown_title_is_informational_without_suggestion() -> None:
    doc = Document("t.txt", "Selon le quotidien allemand La Lanterne du Nord, Berlin va céder.")
    findings = lint_document(doc, checks=[NameTranslated()]).findings
    assert [doc[f.span] for f in findings] == ["La Lanterne du Nord"]
    assert findings[0].severity == "info" and findings[0].suggestions == ()


def test_unknown_title_frame_ignores_french_speaking_countries() -> None:
    assert _pn01("Selon le quotidien suisse La Lanterne du Nord, Berne va céder.") == []


def test_generation_adjective_may_qualify_the_head() -> None:
    entry = next(e for e in _entries() if e.name == "International Rescue Committee")
    assert "comité international de secours" in generate(entry)


def test_generation_places_take_an_article() -> None:
    entry = next(e for e in _entries() if e.name == "Texas Instruments")
    assert "instruments du Texas" in generate(entry)


def _yields(d: dict[str, object]) -> bool:
    from qa.knowledge.names import Name

    entry = Name(str(d["name"]), str(d["lang"]), str(d["kind"]), str(d["french"]), str(d.get("article", "")))
    return bool(d.get("renderings")) or bool(generate(entry))


def test_every_name_yields_renderings_or_is_marked_untranslatable() -> None:
    """A name that yields no rendering is never found translated: give the lexicon the rows
    it needs, or mark the name untranslatable (institutions: French translates them)."""
    silent = [d["name"] for d in NAMES["names"]
              if d["lang"] != "fr" and d["kind"] != "institution" and not d.get("untranslatable") and not _yields(d)]
    assert silent == []


def test_untranslatable_marks_are_not_stale() -> None:
    stale = [d["name"] for d in NAMES["names"] if d.get("untranslatable") and _yields(d)]
    assert stale == []


def test_multiword_rendering_with_a_capital_mid_sentence_needs_no_frame() -> None:
    bank = _run("Buffett a acheté des actions de la Banque d'Amérique cette semaine.", NameTranslated())
    rents = _run("Les loyers ont encore augmenté, a constaté hier le Temps irlandais dans son enquête.", NameTranslated())
    assert bank[0][1][0].endswith("Bank of America") and rents[0][0].endswith("Temps irlandais")
    # At a sentence start the capital says nothing: « Banque d'Amérique » needs a frame there.
    assert _run("Banque d'Amérique latine et banque d'Europe se sont rapprochées.", NameTranslated()) == []


def test_single_word_addressee_of_a_verb_of_saying() -> None:
    rail = _run("Aucune offre n'a été faite, a indiqué une porte-parole de la Deutsche Bahn au Miroir.", NameTranslated())
    tabloid = _run("« Nous ne céderons pas », a déclaré le ministre britannique au Miroir lundi.", NameTranslated())
    assert rail and rail[0][0] == "Miroir" and tabloid and tabloid[0][0] == "Miroir"
    # « au Miroir » as a place or object is no addressee.
    assert _run("Elle s'est regardée longuement au Miroir du salon.", NameTranslated()) == []
    assert _run("Il a déposé la lettre au Parlement, puis il a dit adieu.", NameTranslated()) == []


def test_single_word_with_an_apposition_naming_a_medium() -> None:
    found = _run("À Londres, Miroir, le tabloïd populaire, a publié les photos.", NameTranslated())
    assert found and found[0][0] == "Miroir"
    assert _run("À Londres, Miroir, le jeu de cartes, a été réédité par Hasbro.", NameTranslated()) == []


def _with_source(text: str, source: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    from dataclasses import replace

    from qa.api import Config, make_context

    check = NameTranslated()
    ctx = replace(make_context(Config(source_lang=lang), [check]), source=source)
    doc = Document("t.txt", text)
    return [(doc[f.span], f.suggestions) for f in lint_document(doc, ctx=ctx, checks=[check]).findings]


def test_a_name_of_the_source_rendered_as_a_french_title() -> None:
    # « Le Matin », « L'Économiste » are French titles, never reported alone; the source says
    # the text names the Flemish daily and the British weekly.
    poll = _with_source("Le Matin écrit que les partis gardent le cordon.",
                        "De Morgen schrijft dat de partijen het cordon behouden.", "nl")
    chips = _with_source("L'Économiste a noté que TSMC construit son usine.",
                         "The Economist noted that TSMC is building its plant.", "en")
    assert poll == [("Le Matin", ("De Morgen",))] and chips == [("L'Économiste", ("The Economist",))]


def test_a_common_word_of_the_source_is_a_name_only_in_quotes() -> None:
    said = _with_source("« C'est grave », a dit Fuest au Miroir.", 'Das ist ernst, sagte Fuest dem "Spiegel".', "de")
    assert said and said[0][1][0].endswith("Spiegel")
    # « Spiegel » unquoted is a mirror, « Zeit » is time: the French title stays unreported.
    mirror = _with_source("Le Temps presse. Il se regarde dans le Miroir.", "Die Zeit drängt. Er schaut in den Spiegel.", "de")
    assert mirror == []
    # The source's name kept in the target: nothing was translated.
    kept = _with_source("Le Matin est un quotidien suisse ; De Morgen est flamand.", "De Morgen is Vlaams.", "nl")
    assert kept == []


def test_a_french_form_of_the_source_name_is_no_rendering() -> None:
    kiel = _with_source("L'Institut de Kiel pour l'économie mondiale prévoit une récession.",
                        "The Kiel Institute for the World Economy expects a recession.", "en")
    assert kiel == []


def test_a_poll_names_its_commissioner() -> None:
    flemish = _run("Selon un sondage du Journal des nouvelles et de la VRT, la N-VA recule.", NameTranslated())
    guardian = _run("D'après un sondage du Gardien publié lundi, les travaillistes mènent à Londres.", NameTranslated())
    assert flemish and flemish[0][1][0] == "Nieuwsblad"
    assert guardian and guardian[0][1][0].endswith("Guardian")
    assert _run("Le Journal des nouvelles de la commune paraît chaque mois.", NameTranslated()) == []


def test_an_untranslated_name_inside_a_longer_foreign_name() -> None:
    branch = "« Il faut freiner », estime Friends of the Earth Ireland, qui publie un rapport."
    red_cross = "Selon le British Red Cross, les besoins augmentent."
    assert _run(branch, NameTranslated()) == [] and _run(red_cross, NameTranslated()) == []
    alone = _run("« Il faut freiner », estime Friends of the Earth, qui publie un rapport.", NameTranslated())
    assert alone and alone[0][1][0].endswith("Amis de la Terre")


def test_a_lowercased_french_title_after_a_media_noun_is_a_translation() -> None:
    ghent = _run("Le chocolatier d'Anvers a indiqué au quotidien économique le Temps qu'il perd des commandes.",
                 NameTranslated())
    vienna = _run("« C'est grave », a déclaré au quotidien le Courrier le chef du service de Vienne.", NameTranslated())
    assert ghent and ghent[0] == ("le Temps", ("De Tijd",))
    assert vienna and vienna[0] == ("le Courrier", ("Kurier",))
    # The French title keeps its capital article; and nothing says which country a lone one is from.
    assert _run("À Vienne, le ministre a déclaré au quotidien Le Courrier que rien ne change.", NameTranslated()) == []
    assert _run("À Genève, le président a déclaré au quotidien le Temps que tout va bien.", NameTranslated()) == []


def test_multiword_hints_count_whole() -> None:
    from qa.knowledge.names import HINTS

    assert "la" not in HINTS["nl"] and "la haye" in HINTS["nl"] and "new york" in HINTS["en"]


def test_a_single_word_standing_bare_as_a_proper_noun() -> None:
    # A subject with no determiner, an agent after « par », a coordination: a name.
    assert _pn01("Gardien a révélé mardi que le ministre britannique était informé.")[0][0] == "Gardien"
    assert _pn01("À Hambourg, l'enquête publiée par Miroir a fait scandale chez les Allemands.")[0][0] == "Miroir"
    # … not a word of a headline's list, nor one between commas, nor a common noun.
    assert _pn01("Gardien, défenseurs et attaquants : le club britannique recrute.") == []
    assert _pn01("Le gardien a révélé mardi que le ministre britannique était informé.") == []


def test_a_french_title_standing_bare_is_the_foreign_name_translated() -> None:
    # « L’Image » and « L’Étoile » are French titles, never written without their article.
    found = _pn01("Image, le quotidien à grand tirage, avait fait campagne contre la loi à Berlin.")
    assert found and found[0] == ("Image", ("Bild",))
    assert _pn01("À Munich, selon Étoile, la police bavaroise savait tout.")[0][1][0] == "Stern"
    # The title with its article, a common noun, or no country to say whose title it is: nothing.
    assert _pn01("Selon L’Étoile, la police bavaroise savait tout.") == []
    assert _pn01("Image de marque, le slogan a coûté cher à Berlin.") == []
    assert _pn01("Image, le quotidien à grand tirage, avait fait campagne.") == []


def test_an_unknown_source_name_rendered_word_for_word() -> None:
    # Names not in names.toml: the source says they are names, the lexicon renders their head.
    found = _with_source("Le Poste du soir du Yorkshire a rapporté que le conseil avait supprimé des lignes.",
                         "The Yorkshire Evening Post reported that the council had cut bus routes.", "en")
    assert found == [("Le Poste du soir du Yorkshire", ("Le Yorkshire Evening Post",))]
    found = _with_source("Selon le Journal des nouvelles du Brabant, l'usine est fermée.",
                         "Volgens het Brabants Nieuwsblad is de fabriek dicht.", "nl")
    assert found and found[0][1] == ("Brabants Nieuwsblad",)


def test_an_unknown_source_name_kept_or_translated_by_french_is_no_finding() -> None:
    # Kept as is.
    assert _with_source("Selon le Brabants Nieuwsblad, l'usine est fermée.",
                        "Volgens het Brabants Nieuwsblad is de fabriek dicht.", "nl") == []
    # A public body French translates: no head of a newspaper or a firm.
    assert _with_source("La Banque centrale européenne relève ses taux, rapporte le journal.",
                        "Die Europäische Zentralbank erhöht die Zinsen, berichtet die Zeitung.", "de") == []
    # A genitive is no name (« Bericht der Zeitung »), nor part of a longer one (« Kiel Institute
    # for the World Economy » whose French form « Institut de Kiel pour l’économie mondiale » is right).
    assert _with_source("Selon le rapport du Journal, douze représentants étaient présents.",
                        "Laut dem Bericht der Zeitung waren zwölf Vertreter anwesend.", "de") == []
    assert _with_source("Les économistes de l'Institut de Kiel pour l'économie mondiale critiquent ces aides.",
                        "Economists at the Kiel Institute for the World Economy criticise the aid.", "en") == []


def test_the_people_of_a_newspaper_frame_its_name() -> None:
    assert _pn01("Les journalistes du Gardien ont eu accès aux documents britanniques.")[0][0] == "Gardien"
    assert _pn01("Selon la rédaction du Miroir, le chancelier allemand savait.")[0][0] == "Miroir"
    # A keeper of a goal is no newspaper.
    assert _pn01("Les joueurs du gardien ont protesté contre l'arbitre britannique.") == []


def test_the_fix_gives_the_name_the_article_french_uses() -> None:
    # No article where French needs one: a subject, an agent, after « de ».
    assert _pn01("Temps financier rapporte que la Banque d'Angleterre hésite.")[0][1][0] == "Le Financial Times"
    assert _pn01("Un porte-parole de Poste de Washington n'a pas commenté.")[0][1][0] == "du Washington Post"
    # An English « The » gives way to the French article; a German or Dutch one stays.
    assert _pn01("D'après Le Temps de New York, la Maison-Blanche hésite.")[0][1][0] == "le New York Times"
    assert _pn01("Le Miroir affirme que le chancelier allemand savait.")[0][1][0] == "Der Spiegel"
    # In apposition to a media noun, no article of its own.
    assert _pn01("Selon le quotidien Poste de Washington, la Maison-Blanche hésite.")[0][1][0] == "The Washington Post"


def test_a_source_name_rendered_word_by_word_found_through_the_dictionaries() -> None:
    # Neither name is in names.toml: the bilingual dictionaries tie each target word to a
    # source word (a German compound in its parts), and MT capitalised the phrase as a name.
    courier = _with_source("Selon le Courrier du Soir de Cumbria, le pont restera fermé.",
                           "According to the Cumbria Evening Courier, the bridge will stay closed.", "en")
    forum = _with_source("Le Forum des Consommateurs du Rhin met en garde contre ces contrats.",
                         "Das Verbraucherforum Rhein warnt vor diesen Verträgen.", "de")
    assert courier == [("Courrier du Soir de Cumbria", ("Cumbria Evening Courier",))]
    assert forum and forum[0][0].endswith("Forum des Consommateurs du Rhin")
    assert forum[0][1][0].endswith("Verbraucherforum Rhein")


def test_a_source_name_kept_translated_by_french_usage_or_lowercased_is_not_reported() -> None:
    # The name kept; a name French translates (an association); a common noun phrase.
    assert _with_source("Selon le Cumbria Evening Courier, le pont restera fermé.",
                        "According to the Cumbria Evening Courier, the bridge will stay closed.", "en") == []
    assert _with_source("L'Association Médicale Écossaise a mis en garde les patients.",
                        "The Scottish Medical Association warned patients.", "en") == []
    assert _with_source("Le Verbraucherforum Rhein met en garde contre ces contrats.",
                        "Das Verbraucherforum Rhein warnt vor diesen Verträgen.", "de") == []
    assert _with_source("Le forum des consommateurs s'est tenu à Bonn.",
                        "Das Verbraucherforum fand in Bonn statt.", "de") == []


def test_pn01_prepare_reads_the_dictionaries_title_case_consults() -> None:
    """A server's warm-up (Engine.warm calls each check's prepare) reads the French-to-source
    dictionaries now: read at the first document, they took 2.3 s of its first diagnostics."""
    from qa.api import Config, make_context
    from qa.knowledge import bilingual
    from qa.knowledge.names import HINTS

    bilingual.table.cache_clear()
    NameTranslated().prepare(make_context(Config()))
    assert bilingual.table.cache_info().currsize == len(HINTS)


def test_a_body_rendered_in_the_title_case_of_its_source_name_is_reported() -> None:
    # « Bureau » heads names French translates, yet a rendering carrying the source's capitals
    # over (« Central », « Plan ») is the body's own name translated word for word.
    found = _with_source("Selon le Bureau Central du Plan, les loyers augmenteront.",
                         "Volgens het Centraal Planbureau stijgen de huren.", "nl")
    assert found == [("Bureau Central du Plan", ("Centraal Planbureau",))]  # « le » stays
    # Its official French name in sentence case is not (nor a sentence-case rendering).
    assert _with_source("Selon le bureau central du plan, les loyers augmenteront.",
                        "Volgens het Centraal Planbureau stijgen de huren.", "nl") == []
    assert _with_source("Les dockers ont défilé jusqu'à la Banque nationale de Belgique, a constaté Belga.",
                        "De havenarbeiders trokken naar de Nationale Bank van België, stelde Belga vast.", "nl") == []


def test_names_joined_by_a_coordination_and_a_word_rendered_by_two() -> None:
    found = _with_source("L'étude a été réalisée par le Bureau Social et Culturel du Plan cette année.",
                         "Het onderzoek werd uitgevoerd door het Sociaal en Cultureel Planbureau dit jaar.", "nl")
    assert [s for _, s in found] == [("Sociaal en Cultureel Planbureau",)]
    # « Caisse Maladie » renders the one word « Krankenkasse ».
    found = _with_source("La Caisse Maladie des Techniciens et la Croix-Rouge allemande ont salué le projet.",
                         "Die Techniker Krankenkasse und das Deutsche Rote Kreuz begrüßten das Vorhaben.", "de")
    assert [t for t, _ in found] == ["La Caisse Maladie des Techniciens"]
    # … but a second word MT left in lower case is French wording, not a name's capitals.
    assert _with_source("La police a trouvé deux grenades de la Seconde Guerre mondiale hier.",
                        "Die Polizei fand zwei Granaten aus dem Zweiten Weltkrieg gestern.", "de") == []


def test_a_lone_source_compound_rendered_in_title_case() -> None:
    found = _with_source("Hier, la Fondation Néerlandaise du Cœur a lancé une campagne.",
                         "Gisteren lanceerde de Hartstichting een campagne.", "nl")
    assert [s for _, s in found] == [("Hartstichting",)]  # « la » stays
    # In sentence case the rendering may be the French name: not reported.
    assert _with_source("Hier, la fondation néerlandaise du cœur a lancé une campagne.",
                        "Gisteren lanceerde de Hartstichting een campagne.", "nl") == []


def test_a_source_name_that_runs_past_a_saint_is_not_cut_short() -> None:
    # « Society of St » is no name: the source's run goes on with « Vincent de Paul ».
    assert _with_source("En Irlande, la Société de Saint-Vincent-de-Paul a lancé un appel.",
                        "In Ireland, the Society of St Vincent de Paul launched an appeal.", "en") == []


def test_a_body_in_title_case_without_a_source_in_a_text_about_its_country() -> None:
    # Two Dutch hints (Amsterdam, Rotterdam): « Institut Royal Météorologique » carries the
    # capitals of a Dutch name over; its official French name capitalises its first word only.
    text = ("À Amsterdam et à Rotterdam, l'Institut Royal Météorologique a prévu des averses, tandis que "
            "la Fondation Néerlandaise du Cœur appelle à la prudence.")
    assert [t for t, _ in _run(text, NameTranslated())] == ["Institut Royal Météorologique",
                                                            "Fondation Néerlandaise du Cœur"]
    # French bodies in a text about France, and official names in sentence case, are not.
    assert _run("À Paris, l'Institut National de la Statistique et la Fondation de France ont publié "
                "leurs chiffres.", NameTranslated()) == []
    assert _run("À Amsterdam et à Rotterdam, l'Institut royal météorologique a prévu des averses.",
                NameTranslated()) == []


def test_a_translated_body_in_the_title_case_of_its_source_name_is_reported() -> None:
    # « Commission » heads names French translates, in sentence case (« la Commission nationale
    # de l'informatique et des libertés »); two common words capitalised after it carry the
    # source's title case over.
    found = _with_source("Hier, la Commission des Plaintes de la Presse a classé le dossier.",
                         "Yesterday, the Press Complaints Commission closed the case.", "en")
    assert [s for _, s in found] == [("Press Complaints Commission",)]  # « la » stays
    # One capital after the head, sentence case, or an international body: French's own name.
    for text, source in (
            ("Le Conseil de Sécurité a voté mardi.", "The Security Council voted on Tuesday."),
            ("Hier, la commission des plaintes de la presse a classé le dossier.",
             "Yesterday, the Press Complaints Commission closed the case."),
            ("Selon l'Organisation Mondiale de la Santé, le virus recule.",
             "According to the World Health Organization, the virus is receding.")):
        assert _with_source(text, source, "en") == [], text


def test_a_sentence_full_of_names_is_no_headline_and_an_ampersand_binds_one_name() -> None:
    # A line closed by its stop may capitalise most of its long words (« October », « Office »).
    found = _with_source("Les plaintes ont augmenté en octobre, a annoncé la Commission des Plaintes de la Presse.",
                         "Complaints rose in October, the Press Complaints Commission said.", "en")
    assert [s for _, s in found] == [("Press Complaints Commission",)]
    # « & » binds the words of one name (« Autoriteit Consument & Markt »).
    found = _with_source("L'Autorité Consommateur et Marché a infligé hier une amende à KPN.",
                         "De Autoriteit Consument & Markt heeft KPN gisteren een boete opgelegd.", "nl")
    assert found == [("L'Autorité Consommateur et Marché", ("L'Autoriteit Consument & Markt",))]


def test_a_translated_body_in_title_case_without_a_source_placed_by_its_adjective() -> None:
    # « Irlandais » places the body in Ireland and French writes it in lower case.
    found = _run("Le Service Irlandais des Prisons a réclamé des aides d'urgence.", NameTranslated())
    assert [t for t, _ in found] == ["Service Irlandais des Prisons"]
    # « et le » opens a second name: each is judged by its own head (« Banque », « Bureau »).
    found = _run("À Amsterdam et à Rotterdam, la Banque Nationale Néerlandaise et le Bureau Central pour la "
                 "Statistique ont publié leurs chiffres.", NameTranslated())
    assert [t for t, _ in found] == ["Banque Nationale Néerlandaise", "Bureau Central pour la Statistique"]
    assert _run("À Paris, la Banque de France et la Banque Centrale Européenne ont publié leurs chiffres.",
                NameTranslated()) == []
    for text in ("Le Service irlandais des prisons a réclamé des aides d'urgence.",
                 "La Fédération Irlandaise des Agriculteurs a réclamé des aides d'urgence.",
                 "La Fédération Française de Football a réclamé des aides d'urgence.",
                 "À Londres et à Manchester, l'Organisation Mondiale de la Santé a réclamé des aides."):
        assert _run(text, NameTranslated()) == [], text
