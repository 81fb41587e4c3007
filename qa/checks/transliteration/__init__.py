"""TL01: Russian, Ukrainian and Belarusian names romanised by another language's convention."""

from qa.checks.transliteration.tl01_romanisation import Transliteration

__all__ = ["Transliteration"]
