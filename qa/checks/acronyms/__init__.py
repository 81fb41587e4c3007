"""AC01: source-language acronyms where French has its own."""
