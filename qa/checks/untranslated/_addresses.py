"""Web and e-mail addresses in a text, whose words are no prose for the untranslated checks."""

from __future__ import annotations

import re

# « foerdernavi.energieagentur.nrw/ », « info@gemeente.nl »: each branch starts where a token
# starts and takes runs whole, so a long token costs linear time (tests/test_linear_time.py).
ADDRESS = re.compile(r"(?<!\S)\S+@\S+|(?:https?://|www\.)\S+|(?<![\w-])\b[\w-]++(?:\.[\w-]++){1,10}\.[a-z]{2,}/\S*"
                     r"|(?<![\w-])\b[\w-]++(?:\.[\w-]++){0,10}\.[a-z]{2,}/")


# Every address holds « @ », « / » or « www. » and no blank: it lies inside a run of
# non-blanks that holds one of them, and ADDRESS is searched in those runs only (it read
# every word of a text, a tenth of UT01's time). Its look-behinds see the text before a run.
_CANDIDATE = re.compile(r"(?<!\S)\S*?(?:@|/|www\.)\S*")  # from a run's start only: linear time


def address_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every address in the text."""
    return [(m.start(), m.end()) for run in _CANDIDATE.finditer(text)
            for m in ADDRESS.finditer(text, run.start(), run.end())]
