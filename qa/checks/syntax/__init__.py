"""SY01-: the syntax of the source (German, Dutch, English) carried into French: its word order, its passive."""
