"""PN01's street and square names (qa.checks.names.streets), foreign names in the source's title
case without a source (qa.checks.names.title_case), source names matched part by part (a
hyphenated word, an English word of a German name), the article a bare source name keeps, the
sentence's country hints, and the names.toml entries of branch names19 (a party, a club)."""

from __future__ import annotations

from dataclasses import replace

from qa.api import Config, lint_document, make_context
from qa.checks.names.pn01_translated_name import NameTranslated
from qa.checks.names.streets import heads, source_streets
from qa.model.document import Document


def _pn01(text: str, source: str | None = None, lang: str | None = None) -> list[tuple[str, tuple[str, ...]]]:
    check = NameTranslated()
    ctx = make_context(Config(source_lang=lang), [check])
    if source is not None:
        ctx = replace(ctx, source=source)
    doc = Document("t.txt", text)
    return [(doc[f.span], f.suggestions) for f in lint_document(doc, ctx=ctx, checks=[check]).findings]


def test_street_heads_are_lowercase_and_give_french_heads() -> None:
    for lang, table in heads().items():
        assert lang in ("de", "nl", "en")
        for head, french in table.items():
            assert head == head.lower() and french and all(f == f.lower() for f in french)


def test_every_first_rendering_of_a_german_or_dutch_head_has_an_article() -> None:
    from qa.checks.names.streets import street_article

    for lang in ("de", "nl"):
        assert all(street_article(french[0]) in ("le", "la") for french in heads()[lang].values())


def test_source_streets_are_compounds_or_a_word_before_a_head() -> None:
    assert source_streets("Sie demonstrierten auf der Schillerstraße.", "de") == [("Schillerstraße", "Schiller", "straße")]
    assert source_streets("The shop on Baker Street closed.", "en") == [("Baker Street", "Baker", "street")]
    assert source_streets("Straße und Platz waren leer.", "de") == []


def test_a_street_of_the_source_rendered_head_and_all() -> None:
    found = _pn01("Les manifestants ont défilé dans la Rue Schiller jusqu'à la mairie.",
                  "Die Demonstranten zogen über die Schillerstraße bis zum Rathaus.", "de")
    assert found == [("Rue Schiller", ("Schillerstraße",))]  # MT's article is already the name's
    # The name's own article replaces MT's (« le Herengracht » as « le canal »).
    assert _pn01("Le bureau se trouve sur la Rue Heren à Amsterdam.", "Het kantoor staat aan de Herengracht in Amsterdam.",
                 "nl") == [("la Rue Heren", ("le Herengracht",))]
    # MT's head need not be the source's (« Rue » for « -allee »); an adjective renders a noun.
    assert _pn01("Ils ont manifesté sur la Rue Royale à Düsseldorf.", "Sie demonstrierten auf der Königsallee in Düsseldorf.",
                 "de") == [("Rue Royale", ("Königsallee",))]
    assert _pn01("Le magasin de la rue Baker a fermé ses portes.", "The shop on Baker Street has closed.", "en") \
        == [("rue Baker", ("Baker Street",))]


def test_a_street_kept_an_exonym_or_a_common_noun_is_no_finding() -> None:
    assert _pn01("Les manifestants ont défilé sur la Schillerstraße.",
                 "Die Demonstranten zogen über die Schillerstraße.", "de") == []
    # The other part is a place: the French name of the street (« rue de Cologne »).
    assert _pn01("Le magasin de la rue de Cologne a fermé.", "Das Geschäft in der Kölner Straße hat geschlossen.", "de") == []
    # A common noun, lowercase: « Marktplatz » is the market square of any town.
    assert _pn01("Le marché se tient sur la place du marché.", "Der Markt findet auf dem Marktplatz statt.", "de") == []


def test_an_english_street_with_its_head_translated_without_a_source() -> None:
    text = ("Le Premier ministre britannique a reçu les syndicats au 10, rue Downing, "
            "a indiqué un porte-parole à Londres.")
    assert _pn01(text) == [("10, rue Downing", ("10 Downing Street",))]
    # A French city's street named after a person, or a text with nothing English about it.
    assert _pn01("Le président américain a inauguré l'avenue Kennedy à Paris, près de Washington Square.") == []
    assert _pn01("La boutique de la rue Downing a fermé.") == []


def test_a_hyphenated_name_and_an_english_word_of_a_german_name_matched_part_by_part() -> None:
    club = _pn01("Le club Noir-Jaune Wetter a annulé son match.", "Der Verein Schwarz-Gelb Wetter sagte sein Spiel ab.", "de")
    assert club and club[0][0].endswith("Noir-Jaune Wetter") and club[0][1][0].endswith("Schwarz-Gelb Wetter")
    firm = _pn01("Selon l'Énergie Siemens, 4 000 emplois seront supprimés.",
                 "Laut Siemens Energy werden 4.000 Stellen gestrichen.", "de")
    # The source writes the firm's name bare: French too (« Selon Siemens Energy »).
    assert firm == [("l'Énergie Siemens", ("Siemens Energy",))]


def test_a_french_street_name_with_its_own_capital_is_no_finding() -> None:
    # French capitalises the specific word of a street: a translation a French-speaking city
    # uses (Basel's « place de la Cathédrale ») stays clean; a head capitalised as in German is not.
    assert _pn01("Le bâtiment de la place de la Cathédrale a été rénové.",
                 "Das Gebäude am Münsterplatz wurde renoviert.", "de") == []


def test_a_foreign_name_in_the_source_title_case_without_a_source() -> None:
    # Two capitalised common words after a determiner, in a text about Germany, the head given
    # back as a street's head (« place » → « Platz »): the capitals of a German name carried over.
    text = "À Munich et à Berlin, les manifestants se sont rassemblés sur la Place de la Liberté Bavaroise."
    found = _pn01(text)
    assert [s for s, _ in found] == ["Place de la Liberté Bavaroise"] and found[0][1] == ()


def test_a_french_name_in_sentence_case_or_a_text_about_france_is_no_finding() -> None:
    assert _pn01("À Munich et à Berlin, les manifestants se sont rassemblés sur la place de la Liberté.") == []
    # Nothing places the text in Germany.
    assert _pn01("À Lyon, les manifestants se sont rassemblés sur la Place de la Liberté.") == []
    # The other capitals are proper nouns: « la Place de France » is a French name's form.
    assert _pn01("À Munich et à Berlin, les manifestants se sont rassemblés sur la Place de Paris.") == []


def test_a_first_name_after_a_street_head_in_title_case() -> None:
    text = "À Munich et à Berlin, les manifestants se sont rassemblés sur la Place Marie."
    assert [s for s, _ in _pn01(text)] == ["Place Marie"]
    # A first name after another head is a person: « le Journal Marie » says nothing.
    assert _pn01("À Munich et à Berlin, les manifestants se sont rassemblés sur la place Marie.") == []


def test_a_club_name_in_apposition_takes_no_article_of_its_own() -> None:
    club = _pn01("Le club Noir-Jaune Wetter a annulé son match.", "Der Verein Schwarz-Gelb Wetter sagte sein Spiel ab.", "de")
    assert club == [("Noir-Jaune Wetter", ("Schwarz-Gelb Wetter",))]


def test_a_party_and_a_club_whose_french_names_differ_from_the_rendering() -> None:
    vvd = _pn01("Aux Pays-Bas, le Parti du Peuple pour la Liberté et la Démocratie a remporté les élections à La Haye.")
    assert vvd and vvd[0][1][0].endswith("Parti populaire pour la liberté et la démocratie")
    # The French name itself, in sentence case, stays clean.
    assert _pn01("Aux Pays-Bas, le Parti populaire pour la liberté et la démocratie a remporté les élections.") == []
    assert _pn01("Les Ours polaires de Berlin ont battu Munich.")[0][1][0].endswith("Eisbären Berlin")


def test_an_english_street_named_in_a_german_source() -> None:
    found = _pn01("Le Premier ministre a reçu les syndicats rue Downing jeudi.",
                  "Der Premierminister empfing die Gewerkschaften am Donnerstag in der Downing Street.", "de")
    assert found == [("rue Downing", ("Downing Street",))]


def test_the_sentence_says_which_country_an_ambiguous_rendering_is_from() -> None:
    # A text about Germany and Britain: « Miroir Quotidien » renders « Der Tagesspiegel » and
    # « Daily Mirror »; the sentence's « britannique » chooses.
    text = ("À Berlin, le chancelier allemand a réagi. À Munich, la Bavière s'inquiète. "
            "Selon le Miroir Quotidien, un tabloïd britannique, Londres hésite.")
    found = _pn01(text)
    assert found and found[0][1][0].endswith("Daily Mirror")


def test_a_single_word_after_comme_l_ecrit() -> None:
    assert _pn01("Comme l'écrit le Miroir, le ministre allemand savait, à Berlin.")[0][0].endswith("Miroir")
    assert _pn01("Comme l'écrit le ministre dans sa lettre, le Miroir de la salle de bains est cassé.") == []


def test_an_adjective_whose_translation_is_a_street_head_heads_no_name() -> None:
    # « moyen » gives « Weg » back, yet « au Moyen Âge » is no street.
    assert _pn01("À Munich et à Berlin, les épidémies ont frappé l'Europe au Moyen Âge.") == []
