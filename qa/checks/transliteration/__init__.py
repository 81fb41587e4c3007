"""TL01: Russian, Ukrainian and Belarusian names romanised by another language's convention."""
