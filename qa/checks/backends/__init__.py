"""The external engines' checks: GC00 (Grammalecte) and LT00 (LanguageTool), opt-in."""
