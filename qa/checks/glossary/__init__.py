"""GL01: forms a glossary (built-in or the user's) says to replace."""
