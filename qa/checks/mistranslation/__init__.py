"""MT01: false friends and wrong senses carried over from the source language."""
