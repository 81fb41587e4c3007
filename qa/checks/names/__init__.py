"""PN01, PN02: names of foreign media and organisations translated, or left with a source-language qualifier."""

from qa.checks.names.pn01_translated_name import NameTranslated
from qa.checks.names.pn02_foreign_qualifier import ForeignQualifier

__all__ = ["ForeignQualifier", "NameTranslated"]
