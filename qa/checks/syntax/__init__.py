"""SY01-: the word order of the source (German, Dutch, English) carried into French."""
