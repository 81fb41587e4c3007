"""SA10 and SA11's shared pieces: sentence pairing and the test of a line that slipped
(qa.checks.source._shared), and the negation words each side counts (SA10)."""

from __future__ import annotations

from qa.checks.source._shared import aligned, seems_aligned
from qa.checks.source.sa10_negation import french_negations, source_negations
from qa.checks.source.sa11_quantities import added_numbers, reversed_change, source_items


def test_sentences_are_paired_when_both_sides_split_alike() -> None:
    pairs = aligned("Das Eis schmolz. Die Forscher staunten.", "La glace a fondu. Les chercheurs s'étonnèrent.")
    assert [(s, t) for s, _, t in pairs] == [("Das Eis schmolz.", "La glace a fondu."), ("Die Forscher staunten.", "Les chercheurs s'étonnèrent.")]
    assert pairs[1][1] == len("La glace a fondu. ")


def test_a_segment_split_otherwise_is_compared_whole() -> None:
    pairs = aligned("Das Eis schmolz. Die Forscher staunten.", "La glace a fondu et les chercheurs s'étonnèrent.")
    assert pairs == [("Das Eis schmolz. Die Forscher staunten.", 0, "La glace a fondu et les chercheurs s'étonnèrent.")]


def test_a_line_that_slipped_is_told_from_a_translation() -> None:
    # The fixture dictionary knows these five German words (tests/dictd_fixture.py).
    source = "Der Imker im Freibad sprach mit dem Radfahrer über den Wahlkampf und das Windrad."
    assert seems_aligned(source, "L'apiculteur de la piscine en plein air a parlé au cycliste de la campagne électorale et de l'éolienne.", "de")
    assert not seems_aligned(source, "Les prix du pétrole ont encore baissé mardi sur les marchés asiatiques.", "de")
    assert seems_aligned("Das geht nicht.", "Les prix du pétrole ont baissé.", "de")  # too few known words to tell


def test_negation_words_of_each_side() -> None:
    assert source_negations("Wir wollen nicht warten und haben keine Zeit.", "de") == ["nicht", "keine"]
    assert source_negations("It isn't only about money, and not unlike before.", "en") == []
    assert [w for _, _, w in french_negations("Il ne mange que du pain.")] == ["ne"]  # « ne » alone may negate (« il ne peut »)
    assert [w for _, _, w in french_negations("Personne ne sait rien.")] == ["personne", "ne", "rien"]


def test_quantity_words_and_added_numbers() -> None:
    assert source_items("Am Dienstagabend kostete es 3 Millionen Franken.", "de") == {
        ("weekday", "mardi"): "Dienstagabend", ("scale", "million"): "Millionen", ("currency", "franc"): "Franken"
    }
    assert added_numbers("The ferry sails 12 miles.", "Le ferry parcourt 19 kilomètres.", "en") == []
    assert added_numbers("Prices rose.", "Les prix ont augmenté de 40 %.", "en") == [(25, 27, "40")]
    assert added_numbers("Prices rose.", "Les prix ont augmenté de 4 %.", "en") == []  # under ten: « 7 jours » for « a week »
    assert reversed_change("Der Konsum ist gesunken.", "La consommation est en hausse.", "de") == ("gesunken", (23, 29, "hausse"))


def test_a_reversed_change_points_at_the_word_where_the_source_has_it() -> None:
    target = "Elle cite la hausse des coûts et la hausse de la consommation."
    word, (start, end, french) = reversed_change("Sie nennt gestiegene Kosten und den sinkenden Konsum.", target, "de") or ("", (0, 0, ""))
    assert (word, french, start) == ("sinkenden", "hausse", target.rindex("hausse"))


def test_omission_alignment_reads_both_dictionaries_and_compounds() -> None:
    from qa.checks.source._alignment import align

    source = "Der Imker sprach im Freibad über die Kritik am Gymnasium."
    words = {w.text: w.status for w in align(source, "L'apiculteur a parlé à la piscine en plein air.", "de")}
    # rendered by a translation (Imker, Freibad), known and lost (Kritik, Gymnasium), unknown (sprach)
    assert words == {"Imker": "R", "sprach": "?", "Freibad": "R", "Kritik": "U", "Gymnasium": "U"}


def test_omission_needs_a_gap_in_the_target() -> None:
    from qa.checks.source.sa12_omission import omissions

    source = "Der Imker sprach im Freibad mit dem Radfahrer über den Wahlkampf, die Kritik der Konkurrenz am Gymnasium und das Windrad."
    dropped = "L'apiculteur a parlé à la piscine en plein air avec le cycliste de la campagne électorale et de l'éolienne."
    assert [phrase for phrase, _, _ in omissions(source, dropped, "de")] == ["Kritik der Konkurrenz am Gymnasium"]
    filled = dropped.replace("électorale et", "électorale, des reproches de leurs rivaux scolaires et")
    assert omissions(source, filled, "de") == []
