"""spaCy analyses only the paragraphs a check may report on (Check.nlp_paragraphs): each
check's choice, and the findings of a scoped run equal those of a whole analysis."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from qa.api import Config, active_checks, lint_document, make_context
from qa.backends import BackendOptions
from qa.checks.base import Check, Context
from qa.engine.session import Session
from qa.checks.calques.pc01_reporting_preposition import ReportingPreposition
from qa.checks.calques.pc02_construction import SourceConstruction
from qa.checks.calques.pc03_neuter_pronoun import NeuterPronoun
from qa.checks.mistranslation.mt01_false_friend import FalseFriend
from qa.checks.agreement.pa01_pa02_pronouns import PronounAgreement
from qa.checks.scope import paragraph_words
from qa.model.document import Document
from qa.knowledge.glossary import make_glossary

ROOT = Path(__file__).resolve().parent.parent


def _ctx() -> Context:
    return Context(Session(make_glossary([])))


def _scope(check: Check, *paragraphs: str) -> set[int] | None:
    found = check.nlp_paragraphs(Document("t.txt", "\n".join(paragraphs)), _ctx())
    return None if found is None else set(found)


def test_paragraph_words_hold_every_token_spacy_could_make() -> None:
    doc = Document("t.txt", "Aujourd’hui, l’UE parle vis-à-vis des Pays-Bas : 5% de 3,5 M€.")
    (words,) = paragraph_words(doc, _ctx())
    assert {"aujourd'hui", "aujourd'", "hui", "l'", "ue", "vis-à-vis", "pays-bas", "5%", "3,5", ",", ":"} <= words


def test_reporting_preposition_wants_paragraphs_with_its_prepositions() -> None:
    assert _scope(ReportingPreposition(), "Il a déclaré vers Bloomberg.", "Rien ici.", "Vis-à-vis de la presse.") == {0, 2}
    assert _scope(ReportingPreposition(), "En face de la gare.", "En fait, non.") == {0}


def test_rule_checks_want_paragraphs_holding_every_required_word() -> None:
    # « dans l’année » + a year (PC02): the year is required too.
    assert _scope(SourceConstruction(), "Il viendra dans 2025.", "Il viendra dans la soirée.") == {0}
    assert _scope(FalseFriend(), "Les drogues contre le cancer.", "Le médicament contre le cancer.") == {0}


def test_neuter_pronoun_wants_the_il_paragraph_and_the_two_before() -> None:
    assert _scope(NeuterPronoun(), "Titre", "Les chars reviennent.", "Il montre un changement.") == {0, 1, 2}
    # « Il » deep in its paragraph looks back inside it only; « Il y a » is impersonal.
    assert _scope(NeuterPronoun(), "Avant.", "Un. Deux. Trois. Il montre tout.") == {1}
    assert _scope(NeuterPronoun(), "Avant.", "Il y a trois chars.") == set()


def test_pronoun_agreement_wants_a_known_name_before_a_pronoun_or_etre() -> None:
    assert _scope(PronounAgreement(), "La Chine nie. Il affirme.", "Il pleut. La Chine nie.", "La Chine s’est abstenu.") == {0, 2}


def test_a_scoped_analysis_leaves_other_paragraphs_out() -> None:
    config = Config(select=("PC01",), backends=BackendOptions(grammalecte=False))
    ctx = make_context(config)
    doc = Document("t.txt", "Le ministre a déclaré vers Bloomberg que tout va bien.\nLa pluie tombe sur Paris.")
    result = lint_document(doc, ctx, active_checks(config), config)
    analysis = ctx.analysis(doc)
    assert [f.code for f in result.findings] == ["PC01"]
    assert analysis.covers(0) and not analysis.covers(1)
    assert all(t.para == 0 for t in analysis.tokens) and analysis.tokens


def _findings(docs: list[str], scoped: bool, monkeypatch: pytest.MonkeyPatch) -> list[list[tuple[object, ...]]]:
    config = Config(backends=BackendOptions(grammalecte=False))
    checks = active_checks(config)
    with monkeypatch.context() as m:
        if not scoped:
            for check in checks:
                m.setattr(type(check), "nlp_paragraphs", lambda self, doc, ctx: None)
        ctx = make_context(config)
        out = []
        for i, text in enumerate(docs):
            result = lint_document(Document(f"d{i}.txt", text), ctx, checks, config)
            out.append([(f.code, f.span.start, f.span.end, f.message, f.suggestions) for f in result.findings])
    return out


@pytest.mark.slow
def test_scoped_and_whole_analyses_give_the_same_findings(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Real MT (WMT21 de→fr system outputs), clean French (UD), and the dev articles."""
    sys.path.insert(0, str(ROOT / "bench"))
    from corpora import as_documents, ud_sentences, wmt_outputs

    lines = [line for system in wmt_outputs().values() for line in system[:150]] + ud_sentences(300)
    docs = as_documents(lines, 20)
    docs += [p.read_text(encoding="utf-8") for p in sorted((shared / "eval" / "dev").glob("*.txt")) if ".ref." not in p.name]
    scoped = _findings(docs, True, monkeypatch)
    whole = _findings(docs, False, monkeypatch)
    assert sum(map(len, whole)) > 50
    assert scoped == whole


@pytest.mark.slow
def test_name_filter_analyses_a_paragraph_the_scope_left_out() -> None:
    from qa.checks.backends.shared import name_filter
    from qa.model.document import Span

    config = Config(select=("PC01",), backends=BackendOptions(grammalecte=False))
    ctx = make_context(config)
    text = "Le ministre a déclaré vers Bloomberg que tout va bien.\nSelon Jean Zelbrouk, les analystesla sont partis."
    doc = Document("t.txt", text)
    lint_document(doc, ctx, active_checks(config), config)
    assert not ctx.analysis(doc).covers(1)
    is_name = name_filter(doc, ctx)
    name, merged = text.index("Zelbrouk"), text.index("analystesla")
    assert is_name(Span(name, name + len("Zelbrouk")))
    assert not is_name(Span(merged, merged + len("analystesla")))


def test_a_scoped_check_scans_only_its_analysed_paragraphs_and_skips_spacy_when_none() -> None:
    from collections.abc import Iterator

    from qa.checks.scope import ScopedCheck
    from qa.knowledge.nlp import Analysis
    from qa.model.findings import Category, Finding

    seen: list[set[int]] = []

    class Probe(ScopedCheck):
        code, priority, name, category, summary = "ZZ98", 1, "test.probe", Category.GRAMMAR, "probe"

        def scope(self, doc: Document) -> set[int]:
            return {k for k, p in enumerate(doc.paragraphs) if "accord" in doc[p]}

        def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
            seen.append(paragraphs)
            yield from ()

    class Ctx:
        asked = 0

        def analysis(self, doc: Document) -> Analysis:
            Ctx.asked += 1
            return Analysis((), frozenset({0, 1}))  # paragraphs 0 and 1 analysed, 2 not

    doc = Document("t.txt", "Un accord.\n\nRien ici.\n\nUn autre accord.\n")
    assert Probe().nlp_paragraphs(doc, Ctx()) == {0, 2}  # type: ignore[arg-type]
    assert list(Probe().run(doc, Ctx())) == [] and seen == [{0}] and Ctx.asked == 1  # type: ignore[arg-type]
    assert list(Probe().run(Document("u.txt", "Rien ici.\n"), Ctx())) == [] and Ctx.asked == 1  # type: ignore[arg-type]


@pytest.mark.slow
@pytest.mark.parametrize("data, key", [("calques.toml", "rule"), ("false_friends.toml", "entry")])
def test_rule_engines_match_only_in_the_paragraphs_they_name(shared: Path, data: str, key: str) -> None:
    """PC02 and MT01 read only RuleEngine.paragraphs (qa.checks.data_rules.run_rules,
    rules_part): on real MT and clean French analysed whole, no rule matches elsewhere,
    and the hits read paragraph by paragraph are those of one scan of every token."""
    sys.path.insert(0, str(ROOT / "bench"))
    from corpora import as_documents, ud_sentences, wmt_outputs
    from qa.knowledge.nlp import analyse
    from qa.knowledge.rules import RuleEngine, load_rules

    engine = RuleEngine(load_rules(data, key))
    lines = [line for system in wmt_outputs().values() for line in system[:60]] + ud_sentences(200)
    hits = 0
    for i, text in enumerate(as_documents(lines, 20)):
        doc = Document(f"d{i}.txt", text)
        analysis = analyse(doc)
        where = engine.paragraphs(paragraph_words(doc, _ctx()))
        assert where is not None
        whole = list(engine.hits(doc, analysis))
        assert {analysis.tokens[h.first].para for h in whole} <= where
        ranges = [(m[0].i, m[-1].i + 1) for k in sorted(where) for m in (analysis.of_paragraph(k),) if m]
        assert engine.confirmed(doc, analysis, ranges=ranges) == engine.confirmed(doc, analysis)
        hits += len(whole)
    assert hits > 0
