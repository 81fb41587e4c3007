"""GL01: forms a glossary (built-in or the user's) says to replace."""

from qa.checks.glossary.gl01_glossary_term import GlossaryTerm

__all__ = ["GlossaryTerm"]
