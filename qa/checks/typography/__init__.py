"""Typography: the spacing of high punctuation, units, times, ordinals, dashes, ellipses and apostrophes, measured against the document's own convention."""
