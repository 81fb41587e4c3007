"""PN01, PN02: names of foreign media and organisations translated, or left with a source-language qualifier."""
