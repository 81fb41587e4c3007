"""PA01-PA04: pronouns, participles, attributes and titles of address that do not agree with who or what they stand for."""
