"""AC01: source-language acronyms where French has its own."""

from qa.checks.acronyms.ac01_source_acronym import SourceAcronym

__all__ = ["SourceAcronym"]
