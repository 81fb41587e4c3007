"""AR01, AR02: residue of the production pipeline and of markup left in the copy."""
