"""SA01–SA13: checks that compare a target segment with its source, silent when the source is unknown
(SA08, SA09, SA12, SA13, and SA07's suggestions, also need a bilingual dictionary: qa.knowledge.bilingual)."""
