"""GR01-: French grammar that MT gets wrong and the backends miss: elision, contraction, agreement, mood."""
