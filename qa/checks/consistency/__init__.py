"""IC01, IC02, IC03: one name or term written two ways in one text (a variant of the gazetteer,
a person's name misspelled, a source compound rendered twice otherwise)."""
