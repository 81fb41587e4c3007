"""IC01: one name written two acceptable ways in one text."""
