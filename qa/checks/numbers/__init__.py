"""NF01, NF02: numbers, amounts, units, dates and times written the source's way."""
