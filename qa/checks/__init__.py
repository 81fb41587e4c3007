"""The one registry of checks: a check that is not listed here does not run."""

from __future__ import annotations

from qa.checks.base import Check, Context
from qa.checks.glossary_terms import GlossaryTerm
from qa.checks.names import NameTranslated
from qa.checks.acronyms import ForeignQualifier, SourceAcronym
from qa.checks.transliteration import Transliteration
from qa.checks.consistency import Inconsistency
from qa.checks.pronouns import ParticipleAgreement, PronounAgreement
from qa.checks.suppression import UnusedSuppression
from qa.checks.backends.gc00_grammalecte import GrammalecteCheck
from qa.checks.backends.lt00_languagetool import LanguageToolCheck
from qa.checks.mechanics import CapitalisedPronoun, MergedWords, SpuriousDeterminer, StrayFullStop
from qa.checks.mechanics_caps import StrayCapital
from qa.checks.mechanics_spacing import GluedFunctionWord, SplitToken
from qa.checks.quotes import PunctuationSpacing, QuotationMarks
from qa.checks.caps_rules import SourceCapital
from qa.checks.missing_words import MissingWord
from qa.checks.residue import MarkupResidue, PipelineTag
from qa.checks.untranslated import UntranslatedWords
from qa.checks.leftovers import ForeignPlaceName, SourceLabel
from qa.checks.calques import NeuterPronoun, ReportingPreposition, SourceConstruction
from qa.checks.mistranslation import FalseFriend
from qa.checks.source_aware import PlaceholderParity, SourceName, SourceTerm, Untranslated
from qa.checks.source_numbers import NumberFormat, NumberMismatch
from qa.checks.numbers import DateStyle, NumberStyle
from qa.checks.titles import TitleGender
from qa.checks.agreement_subject import SubjectAgreement
from qa.checks.source_words import SourceWordLeft

# The order is the priority: when two checks rewrite one span, or overlapping text, the
# earlier one owns it and the other's finding is dropped (qa.engine.settle._one_owner).
ALL_CHECKS: tuple[type[Check], ...] = (
    GlossaryTerm,
    NameTranslated,
    ForeignQualifier,
    SourceAcronym,
    Transliteration,
    Inconsistency,
    PronounAgreement,
    ParticipleAgreement,
    TitleGender,
    SubjectAgreement,
    UnusedSuppression,
    PipelineTag,
    MarkupResidue,
    SplitToken,  # before MC01: its title finding replaces MC01's glued stop on the same span
    MergedWords,
    GluedFunctionWord,  # after MC01: where both see a merge, MC01's fix keeps the comma it needs
    QuotationMarks,
    PunctuationSpacing,
    StrayCapital,
    SourceCapital,
    MissingWord,
    SpuriousDeterminer,
    StrayFullStop,
    CapitalisedPronoun,
    NumberStyle,  # NF before UT01: a source month, unit or weekday gets its French form
    DateStyle,
    UntranslatedWords,
    ForeignPlaceName,
    SourceLabel,
    ReportingPreposition,
    SourceConstruction,
    NeuterPronoun,
    FalseFriend,
    SourceTerm,  # source-aware (SA): silent unless the source is known
    SourceName,
    NumberMismatch,
    NumberFormat,
    Untranslated,
    SourceWordLeft,
    PlaceholderParity,
    LanguageToolCheck,  # opt-in backends: lowest priority, merged into qa's findings
    GrammalecteCheck,
)

BY_CODE: dict[str, type[Check]] = {c.code: c for c in ALL_CHECKS}

__all__ = ["ALL_CHECKS", "BY_CODE", "Check", "Context"]
