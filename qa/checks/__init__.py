"""The one registry of checks: a check that is not listed here does not run."""

from __future__ import annotations

from qa.checks.base import Check, Context
from qa.checks.glossary.gl01_glossary_term import GlossaryTerm
from qa.checks.names.pn02_foreign_qualifier import ForeignQualifier
from qa.checks.names.pn01_translated_name import NameTranslated
from qa.checks.acronyms.ac01_source_acronym import SourceAcronym
from qa.checks.transliteration.tl01_romanisation import Transliteration
from qa.checks.consistency.ic01_name_spelling import Inconsistency
from qa.checks.consistency.ic02_person_name import PersonNameVariant
from qa.checks.consistency.ic03_source_term import SourceTermVariant
from qa.checks.agreement.pa01_pa02_pronouns import ParticipleAgreement, PronounAgreement
from qa.checks.agreement.pa03_title_gender import TitleGender
from qa.checks.agreement.pa04_subject_agreement import SubjectAgreement
from qa.checks.agreement.pa05_person_gender import PersonGender
from qa.checks.agreement.pa06_possessive_gender import PossessiveGender
from qa.checks.backends.gc00_grammalecte import GrammalecteCheck
from qa.checks.backends.lt00_languagetool import LanguageToolCheck
from qa.checks.grammar.gr01_elision import Elision
from qa.checks.grammar.gr02_noun_number import NounNumber
from qa.checks.grammar.gr03_verb_number import VerbNumber
from qa.checks.grammar.gr04_adjective_gender import AdjectiveGender
from qa.checks.grammar.gr05_mood import Mood
from qa.checks.grammar.gr06_acronym_gender import AcronymGender
from qa.checks.grammar.gr07_auxiliary import WrongAuxiliary
from qa.checks.grammar.gr08_verb_mood import VerbMood
from qa.checks.grammar.gr09_participle_agreement import ParticipleNumberGender
from qa.checks.grammar.gr10_relative_subject import RelativeSubject
from qa.checks.grammar.gr11_infinitive_preposition import InfinitivePreposition
from qa.checks.grammar.gr12_relative_pronoun import RelativePronoun
from qa.checks.grammar.gr13_participle_after_noun import ParticipleAfterNoun
from qa.checks.grammar.gr14_determiner_agreement import DeterminerAgreement
from qa.checks.grammar.gr15_coordinated_subject import CoordinatedSubject
from qa.checks.grammar.gr16_plural_passive import PluralPassive
from qa.checks.grammar.gr17_inverted_subject import InvertedSubject
from qa.checks.mechanics.mc01_merged_words import MergedWords
from qa.checks.mechanics.mc02_stray_capital import StrayCapital
from qa.checks.mechanics.mc03_spurious_determiner import SpuriousDeterminer
from qa.checks.mechanics.mc04_stray_full_stop import StrayFullStop
from qa.checks.mechanics.mc05_capitalised_pronoun import CapitalisedPronoun
from qa.checks.mechanics.mc10_source_capital import SourceCapital
from qa.checks.mechanics.mc11_mc12_spacing import GluedFunctionWord, SplitToken
from qa.checks.mechanics.mc13_quotation_marks import QuotationMarks
from qa.checks.mechanics.mc14_punctuation_spacing import PunctuationSpacing
from qa.checks.mechanics.mc15_missing_word import MissingWord
from qa.checks.mechanics.mc16_bare_name import BareName
from qa.checks.mechanics.mc17_opening_capital import OpeningCapital
from qa.checks.mechanics.mc24_state import StateCapital
from qa.checks.mechanics.mc18_function_word import FunctionWord
from qa.checks.mechanics.mc19_valency import Valency
from qa.checks.mechanics.mc20_bare_noun import BareNoun
from qa.checks.mechanics.mc21_dropped_subject import DroppedSubject
from qa.checks.mechanics.mc22_bare_phrase import BarePhrase
from qa.checks.mechanics.mc23_comparison_reflexive import DroppedQueOrReflexive
from qa.checks.mechanics.mc25_missing_verb import MissingVerb
from qa.checks.artifacts.ar01_pipeline_tag import PipelineTag
from qa.checks.artifacts.ar02_markup_residue import MarkupResidue
from qa.checks.artifacts.ar03_commentary import Commentary
from qa.checks.artifacts.ar04_repeated_segment import RepeatedSegment
from qa.checks.numbers.nf01_number_style import NumberStyle
from qa.checks.numbers.nf02_date_style import DateStyle
from qa.checks.typography.ty01_high_punctuation import HighPunctuation
from qa.checks.typography.ty02_units_times import UnitsTimes
from qa.checks.typography.ty03_dashes_ellipses import DashesEllipses
from qa.checks.untranslated.ut01_untranslated_words import UntranslatedWords
from qa.checks.untranslated.ut02_place import ForeignPlaceName
from qa.checks.untranslated.ut03_label import SourceLabel
from qa.checks.untranslated.ut04_rare_source_word import RareSourceWord
from qa.checks.untranslated.ut05_source_noun import SourceNoun
from qa.checks.calques.pc01_reporting_preposition import ReportingPreposition
from qa.checks.calques.pc02_construction import SourceConstruction
from qa.checks.calques.pc03_neuter_pronoun import NeuterPronoun
from qa.checks.calques.pc04_compound_order import CompoundOrder
from qa.checks.calques.pc05_government import Government
from qa.checks.calques.pc06_unattested_preposition import UnattestedPreposition
from qa.checks.calques.pc07_source_idiom import SourceIdiom
from qa.checks.calques.pc08_support_verb import SupportVerb
from qa.checks.calques.pc09_dative_pronoun import DativePronoun
from qa.checks.calques.pc10_head_preposition import HeadPreposition
from qa.checks.calques.pc11_intensifier import Intensifier
from qa.checks.syntax.sy01_verb_final import VerbFinal
from qa.checks.syntax.sy02_extended_attribute import ExtendedAttribute
from qa.checks.syntax.sy03_noun_adjunct import NounAdjunct
from qa.checks.syntax.sy04_verb_second import VerbSecond
from qa.checks.syntax.sy05_recipient_passive import RecipientPassive
from qa.checks.mistranslation.mt01_false_friend import FalseFriend
from qa.checks.source.sa01_glossary_term import SourceTerm
from qa.checks.source.sa02_proper_name import SourceName
from qa.checks.source.sa03_sa04_numbers import NumberFormat, NumberMismatch
from qa.checks.source.sa05_untranslated import Untranslated
from qa.checks.source.sa06_placeholder_parity import PlaceholderParity
from qa.checks.source.sa07_untranslated_word import SourceWordLeft
from qa.checks.source.sa08_compound_parts import CompoundParts
from qa.checks.source.sa09_false_cognate import FalseCognate
from qa.checks.source.sa10_negation import NegationParity
from qa.checks.source.sa11_quantities import QuantitySwap
from qa.checks.source.sa12_omission import Omission
from qa.checks.source.sa13_dictionary_idiom import DictionaryIdiom

# The order is the priority: when two checks rewrite one span, or overlapping text, the
# earlier one owns it and the other's finding is dropped (qa.engine.settle._one_owner).
ALL_CHECKS: tuple[type[Check], ...] = (
    GlossaryTerm,
    NameTranslated,
    ForeignQualifier,
    SourceAcronym,
    Transliteration,
    Inconsistency,
    PersonNameVariant,
    SourceTermVariant,
    PronounAgreement,
    ParticipleAgreement,
    TitleGender,
    PersonGender,
    PossessiveGender,
    SubjectAgreement,
    Commentary,
    RepeatedSegment,
    PipelineTag,
    MarkupResidue,
    SplitToken,  # before MC01: its title finding replaces MC01's glued stop on the same span
    MergedWords,
    GluedFunctionWord,  # after MC01: where both see a merge, MC01's fix keeps the comma it needs
    QuotationMarks,
    PunctuationSpacing,
    StrayCapital,
    OpeningCapital,
    StateCapital,
    SourceCapital,
    FunctionWord,  # before MC15: « a déclaré que l'équipe » owns the bare noun MC15 would give an article
    Valency,  # after MC18: its infinitive and « que » patterns are MC18's, further apart
    MissingWord,
    BareNoun,  # after MC15: the lexicon's bare nouns are MC15's, the parse's are MC20's
    DroppedSubject,
    BarePhrase,
    DroppedQueOrReflexive,
    MissingVerb,
    BareName,
    SpuriousDeterminer,
    StrayFullStop,
    CapitalisedPronoun,
    Elision,
    NounNumber,
    VerbNumber,
    AdjectiveGender,
    Mood,
    AcronymGender,
    WrongAuxiliary,
    VerbMood,
    ParticipleNumberGender,
    RelativeSubject,
    InfinitivePreposition,
    RelativePronoun,
    ParticipleAfterNoun,
    DeterminerAgreement,
    CoordinatedSubject,
    PluralPassive,
    InvertedSubject,
    NumberStyle,  # NF before UT01: a source month, unit or weekday gets its French form
    DateStyle,
    UntranslatedWords,
    ForeignPlaceName,
    SourceLabel,
    RareSourceWord,
    SourceNoun,
    HighPunctuation,  # TY after NF and UT03: an amount's or a credit line's fix takes its marks along
    UnitsTimes,
    DashesEllipses,
    ReportingPreposition,
    SourceConstruction,
    SourceIdiom,
    SupportVerb,  # after PC02 and PC07: a frame or an idiom they know keeps their fix
    Intensifier,
    NeuterPronoun,
    DativePronoun,
    HeadPreposition,
    CompoundOrder,
    Government,
    UnattestedPreposition,
    VerbFinal,
    ExtendedAttribute,
    NounAdjunct,
    VerbSecond,
    RecipientPassive,
    FalseFriend,
    SourceTerm,  # source-aware (SA): silent unless the source is known
    SourceName,
    NumberMismatch,
    NumberFormat,
    Untranslated,
    SourceWordLeft,
    CompoundParts,
    FalseCognate,
    NegationParity,
    QuantitySwap,
    Omission,
    DictionaryIdiom,
    PlaceholderParity,
    LanguageToolCheck,  # opt-in backends: lowest priority, merged into qa's findings
    GrammalecteCheck,
)

BY_CODE: dict[str, type[Check]] = {c.code: c for c in ALL_CHECKS}

__all__ = ["ALL_CHECKS", "BY_CODE", "Check", "Context"]
