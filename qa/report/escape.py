"""What every reporter passes its strings through: control characters made visible.

A backend's rule id or suggestion, a file name, or the text itself may carry a newline
(which would forge a report line, or a GitHub workflow command), ESC (terminal escape
sequences), BEL, a bidirectional override that reorders the line as displayed, or a lone
surrogate (a byte of a non-UTF-8 file name, kept by Python's surrogateescape), which
cannot be written as UTF-8 at all. ``visible`` writes each as a backslash escape; the
original bytes of a file name come back as ``\\xff``.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 and C1 controls, DEL, the line and paragraph separators, the bidi embeddings,
# overrides and isolates, and surrogates (never a character on their own).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")  # C0: json's own
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: one undecodable byte of a file name
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(s: str, keep: str = "") -> str:
    """s with its unsafe characters written as escapes (``\\n``, ``\\x1b``, ``\\u202e``…),
    except those in ``keep`` (e.g. the line breaks of a document shown whole)."""
    if s.isprintable() and s.isascii():
        return s
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m.group()), s)


def json_text(data: Any) -> str:
    """data as indented JSON, UTF-8 kept readable. JSON escapes C0 controls itself; the other
    unsafe characters (DEL, C1, separators, bidi controls, a lone surrogate from a non-UTF-8
    file name) get their JSON escape too (``\\udcff``): the output is valid UTF-8, and a JSON
    reader gets back the very string Python had."""
    text = json.dumps(data, ensure_ascii=False, indent=2)  # they can only occur inside strings
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
