"""PC01, PC02, PC03: prepositions, constructions and pronouns copied from the source language."""
