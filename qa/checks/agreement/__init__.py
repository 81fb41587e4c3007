"""PA01-PA06: pronouns, participles, attributes, possessives, demonstratives and titles of address that do not agree with who or what they stand for."""
