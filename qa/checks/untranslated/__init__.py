"""UT01, UT02, UT03: words, place names and labels left in the source language."""
