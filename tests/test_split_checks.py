"""Whole-document checks in two steps (qa.checks.split): the server's remembered parts
give, after any edit, the findings of a fresh `qa lint` of the same text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.api import Config, active_checks, lint_text, make_context
from qa.checks import ALL_CHECKS
from qa.checks.split import ByParagraph, window
from qa.model.document import Document
from qa.server.incremental import Linter

SPLIT = tuple(c.code for c in ALL_CHECKS if issubclass(c, ByParagraph))
CONFIG = Config(select=(*SPLIT, "PN01", "MC11"))
TEXTS = [
    "Les forces russes tirent chaque jour dix mille grenades sur la ville.\n"
    "Selon le Temps Financier, les sanctions sont contournées.\n\n"
    "Le taux mortalité a doublé depuis plus 3 semaines.\n"
    "Les grenades tombent encore. Les artilleurs tirent des grenades.\n"
    "Le syndicat a appelé à la grève à partir de Mercredi : Les trains resteront au dépôt.\n",
    "Voici la traduction en français :\n"
    "Conseil municipal a demandé une déviation.\n"
    "Le maire a reçu plus 40 lettres.\nCourt.\n\n"
    "Le taux chômage recule dans la région, a déclaré la ministre.\n"
    "Il en voulait un\nplus 3 semaines plus tard, rien.\n"
    "Les experts Néerlandais ont lu la Politique Économique du pays et la Réforme des Retraites.\n"
    "La Commission a publié son Rapport sur la Situation des Entreprises en Mars.\n",
]
# Lines to insert; some change what the line after them gives (« un » before « plus 3 »).
LINES = [line for text in TEXTS for line in text.split("\n")] + ["", "x", "Les grenades.", "Il en veut un", "Il en veut",
                                                                "J'espère que cette traduction vous convient.", "(Note du traducteur : le nom a été conservé.)"]
LINTER = Linter()  # one memo across the examples, as in a server that sees many versions


def _edit(lines: list[str], ops: list[tuple[int, int, int]]) -> str:
    lines = list(lines)
    for op, at, what in ops:
        at %= len(lines) + 1
        if op == 0:
            lines.insert(at, LINES[what % len(LINES)])
        elif op == 1 and at < len(lines):
            del lines[at]
        elif at < len(lines):
            words = lines[at].split(" ")
            lines[at] = " ".join(words[what % max(len(words), 1) :] + words[: what % max(len(words), 1)])
    return "\n".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEXTS), st.lists(st.tuples(st.integers(0, 2), st.integers(0, 40), st.integers(0, 40)), max_size=4))
def test_remembered_parts_give_the_findings_of_a_fresh_lint(text: str, ops: list[tuple[int, int, int]]) -> None:
    ctx, checks = make_context(CONFIG), active_checks(CONFIG)
    edited = _edit(text.split("\n"), ops)
    assert LINTER(Document("a.txt", edited), ctx, checks, CONFIG).findings == lint_text(edited, CONFIG, "a.txt").findings


def test_the_split_checks_find_something_in_both_texts() -> None:
    for text in TEXTS:
        codes = {f.code for f in lint_text(text, CONFIG, "a.txt").findings}
        assert {"MC15", "MC10"} <= codes
    assert "MT01" in {f.code for f in lint_text(TEXTS[0], CONFIG, "a.txt").findings}
    assert "AR03" in {f.code for f in lint_text(TEXTS[1], CONFIG, "a.txt").findings}
    assert {"MC10", "MC15", "MT01", "AR03"} <= set(SPLIT)


def test_an_edit_computes_again_only_the_parts_around_it() -> None:
    text = "\n".join(f"Paragraphe {i} : le taux mortalité a doublé depuis plus {i} semaines à Paris." for i in range(30))
    ctx, checks = make_context(CONFIG), active_checks(CONFIG)
    linter = Linter()
    linter(Document("a.txt", text), ctx, checks, CONFIG)
    misses = linter.parts.misses
    edited = text.replace("Paragraphe 15 :", "Paragraphe 15 modifié :")
    found = linter(Document("a.txt", edited), ctx, checks, CONFIG).findings
    per_check = (linter.parts.misses - misses) / len(SPLIT)
    assert 1 <= per_check <= 9  # the edited paragraph and the few whose window holds it, not 30
    assert found == lint_text(edited, CONFIG, "a.txt").findings


def test_a_window_reaches_past_short_paragraphs() -> None:
    doc = Document("a.txt", "Un deux trois quatre cinq six sept huit neuf.\nA.\nB.\nCentre ici.\nC.\n")
    text, at, first, last = window(doc, 3, (8, 0))
    assert text.startswith("Un deux") and text[at:].startswith("Centre") and first and last
    text, at, first, last = window(doc, 3, (1, 0))
    assert text == "\nB.\nCentre ici.\nC.\n" and at == 4 and not first and last


def test_a_woman_named_in_another_paragraph_reaches_the_participle() -> None:
    """PA04 reads the surnames of women the whole file names: after an edit that names or
    unnames her elsewhere, the remembered part of the participle's paragraph is not reused."""
    config = Config(select=("PA04",))
    ctx, checks = make_context(config), active_checks(config)
    named = ("La ministre de l'Environnement, Zuhal Demir, a présenté son plan lundi.\n\n"
             "Selon le communiqué, Demir s'est dit prêt à négocier avec les communes.\n")
    unnamed = named.replace("La ministre de l'Environnement, Zuhal", "Le ministre de l'Environnement, Jan")
    linter = Linter()
    for text in (named, unnamed, named):
        found = linter(Document("a.txt", text), ctx, checks, config).findings
        assert found == lint_text(text, config, "a.txt").findings
        assert {f.text for f in found} == ({"dit", "prêt"} if text == named else set())
    assert "PA04" in SPLIT
