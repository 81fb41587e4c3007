"""Typography: the spacing of high punctuation, units, times, ordinals, dashes and ellipses, measured against the document's own convention."""
