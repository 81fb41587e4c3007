"""AR01–AR04: residue of the production pipeline, markup left in the copy, commentary by the
translating system, segments sent twice."""
