"""SA01–SA07: checks that compare a target segment with its source, silent when the source is unknown."""
