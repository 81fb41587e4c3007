"""MC01–MC05, MC10–MC15: mechanical damage — spacing, capitals, punctuation, missing words."""
