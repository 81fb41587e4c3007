"""SA01–SA08: checks that compare a target segment with its source, silent when the source is unknown
(SA08, and SA07's suggestions, also need a bilingual dictionary: qa.knowledge.bilingual)."""
