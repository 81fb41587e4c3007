"""NF01, NF02: numbers, amounts, units, dates and times written the source's way."""

from qa.checks.numbers.nf01_number_style import NumberStyle
from qa.checks.numbers.nf02_date_style import DateStyle

__all__ = ["DateStyle", "NumberStyle"]
