"""LanguageTool through language-tool-python: paragraph batches, exact offsets, bounded waits.

language-tool-python does the talking: URL normalisation, the ``/v2/languages`` check
that the server knows French, error mapping, and (with ``local``) starting a server where
Java and a LanguageTool download exist. Everything that depends on its private names
lives in ``_client_class``; the reply is read here, in LanguageTool's documented JSON
shape, so that offsets are mapped by us from UTF-16 units to code points.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from qa.backends.options import BackendError, BackendOptions
from qa.backends.bounded import DEFAULT_MAX_REPLY, request_json
from qa.model.document import Span
from qa.model.findings import Category

# LanguageTool's categories mapped to ours; unknown ones fall back on the issue type.
CATEGORY_OF: dict[str, Category] = {
    "TYPOS": Category.SPELLING,
    "GRAMMAR": Category.GRAMMAR,
    "PUNCTUATION": Category.PUNCTUATION,
    "TYPOGRAPHY": Category.TYPOGRAPHY,
    "CASING": Category.CAPITALIZATION,
    "CONFUSED_WORDS": Category.GRAMMAR,
    "FALSE_FRIENDS": Category.MISTRANSLATION,  # needs motherTongue (--source-lang)
    "REDUNDANCY": Category.GRAMMAR,
    "STYLE": Category.GRAMMAR,
    "SEMANTICS": Category.MISTRANSLATION,
    "COMPOUNDING": Category.SPELLING,
}
ISSUE_TYPE_OF: dict[str, Category] = {
    "misspelling": Category.SPELLING,
    "typographical": Category.TYPOGRAPHY,
    "whitespace": Category.SPACING,
    "grammar": Category.GRAMMAR,
}
SPELLING_CATEGORIES = frozenset({"TYPOS"})
# LanguageTool's source-language codes for --source-lang (motherTongue switches on false friends).
MOTHER_TONGUE = {"en": "en", "nl": "nl", "de": "de"}


def category_of(lt_category: str, issue_type: str) -> Category:
    return CATEGORY_OF.get(lt_category) or ISSUE_TYPE_OF.get(issue_type, Category.GRAMMAR)


@dataclass(frozen=True, slots=True)
class LtMatch:
    span: Span  # code points into the document
    rule: str
    category: str  # LanguageTool's category id
    issue_type: str
    message: str
    suggestions: tuple[str, ...]

    @property
    def is_spelling(self) -> bool:
        return self.category in SPELLING_CATEGORIES or self.issue_type == "misspelling"


class Utf16Map:
    """UTF-16 code-unit offsets (what LanguageTool counts) to code points (what qa counts)."""

    def __init__(self, text: str) -> None:
        self.units = len(text.encode("utf-16-le")) // 2
        self._length = len(text)
        # The UTF-16 offset of every astral character (two units each), in order.
        self._astral: list[int] = []
        extra = 0
        if self.units != len(text):
            for i, ch in enumerate(text):
                if ord(ch) > 0xFFFF:
                    self._astral.append(i + extra)
                    extra += 1

    def to_code_point(self, unit: int) -> int | None:
        """The code point at a unit offset; None when it is out of range or inside a surrogate pair."""
        if not 0 <= unit <= self.units:
            return None
        before = bisect.bisect_left(self._astral, unit)  # astral characters starting before unit
        if before and self._astral[before - 1] == unit - 1:
            return None  # points at the low surrogate
        return unit - before


def batches(text: str, paragraphs: Sequence[Span], sentences: Sequence[Span], limit: int) -> Iterator[Span]:
    """Contiguous slices of text, cut between paragraphs, each under ``limit`` UTF-16 units.

    A paragraph longer than the limit is cut between sentences, and a sentence longer
    than that at the last space before the limit: LanguageTool then sees less context,
    but every character is still checked once.
    """

    # Code points beyond the BMP count two units: find them once, count them by bisection.
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []

    def units(span: Span) -> int:
        extra = bisect.bisect_left(astral, span.end) - bisect.bisect_left(astral, span.start)
        return span.end - span.start + extra

    pieces: list[Span] = []
    for para in paragraphs:
        if units(para) <= limit:
            pieces.append(para)
            continue
        inner = [s for s in sentences if para.start <= s.start and s.end <= para.end] or [para]
        for sent in inner:
            start = sent.start
            while units(Span(start, sent.end)) > limit:
                cut = start + max(limit // 2, 1)  # astral characters count twice: stay well under
                space = text.rfind(" ", start + 1, cut)
                cut = space if space > start else cut
                pieces.append(Span(start, cut))
                start = cut
            pieces.append(Span(start, sent.end))
    current: Span | None = None
    for piece in pieces:
        if current is not None and units(Span(current.start, piece.end)) <= limit:
            current = Span(current.start, piece.end)
            continue
        if current is not None:
            yield current
        current = piece
    if current is not None:
        yield current


_SURROGATE = re.compile("[\ud800-\udfff]")


def _string(value: Any) -> str:
    """A string of the reply; a lone surrogate (JSON's "\\ud800") is no character: U+FFFD."""
    return _SURROGATE.sub("\ufffd", str(value))


def parse_matches(reply: Any, chunk: str, offset: int) -> list[LtMatch]:
    """Read a /v2/check reply for chunk (which starts at ``offset`` in the document)."""
    if not isinstance(reply, dict) or not isinstance(reply.get("matches"), list):
        raise BackendError("the server's reply is not a LanguageTool check result (no 'matches' list)")
    mapping = Utf16Map(chunk)
    out = []
    for raw in reply["matches"]:
        try:
            start_unit, length = raw["offset"], raw["length"]
            rule = raw["rule"]
            rule_id, lt_category = _string(rule["id"]), _string(rule.get("category", {}).get("id", ""))
            issue_type = _string(rule.get("issueType", ""))
            message = " ".join(_string(raw.get("message", "")).split())
            suggestions = tuple(_string(r["value"]) for r in raw.get("replacements", ()) if r.get("value") is not None)
        except (KeyError, TypeError, AttributeError) as exc:
            raise BackendError(f"the server's reply has a malformed match ({exc.__class__.__name__}: {exc})") from None
        if not isinstance(start_unit, int) or not isinstance(length, int) or length < 0:
            raise BackendError("the server's reply has a match without integer offset and length")
        start, end = mapping.to_code_point(start_unit), mapping.to_code_point(start_unit + length)
        if start is None or end is None:
            raise BackendError(f"the server's reply has a match outside the text sent ({start_unit}+{length})")
        out.append(
            LtMatch(Span(offset + start, offset + end), rule_id, lt_category, issue_type, message, suggestions[:5])
        )
    return out


def _client_class(timeout: float, max_reply: int = DEFAULT_MAX_REPLY) -> Any:
    """language-tool-python's LanguageTool, each request bounded as a whole (qa.backends.bounded)."""
    import language_tool_python

    base = language_tool_python.LanguageTool

    class Client(base):  # type: ignore[misc, valid-type]
        _TIMEOUT = timeout  # its default is 300 s per read, and it retries once

        def _query_server(self, url: str, params: dict[str, str] | None = None, num_tries: int = 1,
                          method: str = "get") -> Any:
            # One try, one deadline for the whole exchange, a cap on the reply's size.
            try:
                return request_json(method, url, params, timeout, max_reply, getattr(self, "_proxies", None))
            except json.JSONDecodeError as exc:  # the start of an error page says what went wrong
                raise language_tool_python.exceptions.LanguageToolError(exc.doc[:300]) from exc

        def check_raw(self, params: dict[str, str]) -> Any:
            import urllib.parse

            url = urllib.parse.urljoin(self._url, "check")
            return self._query_server(url, params, method="post")

    return Client


def _describe(exc: BaseException, where: str, timeout: float) -> str:
    import requests

    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and len(chain) < 8:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    if any(isinstance(e, requests.Timeout) for e in chain):
        return f"LanguageTool at {where} did not answer within {timeout:g} s"
    if any(isinstance(e, requests.ConnectionError) for e in chain):
        return f"LanguageTool at {where} is unreachable"
    text = " ".join(str(exc).split())
    if len(text) > 120:
        text = text[:117] + "..."
    if any(isinstance(e, json.JSONDecodeError) for e in chain):
        # language-tool-python passes the body on: an error page, or JSON cut short.
        return f"LanguageTool at {where} sent a reply that is not JSON ({text or 'empty'})"
    return f"LanguageTool at {where} failed: {text or exc.__class__.__name__}"


class LanguageToolClient:
    """One LanguageTool server for the whole run, asked in paragraph batches."""

    max_units = 15_000  # per request: under the public API's 20,000-character limit

    def __init__(self, options: BackendOptions, mother_tongue: str | None) -> None:
        try:
            import language_tool_python
        except ImportError:
            raise BackendError("language-tool-python is not installed (pip install language-tool-python)") from None
        self.where = "a local server" if options.languagetool == "local" else str(options.languagetool)
        self.timeout = options.timeout
        self.mother_tongue = MOTHER_TONGUE.get(mother_tongue or "")
        self.params: dict[str, str] = {"language": "fr"}
        if self.mother_tongue:
            self.params["motherTongue"] = self.mother_tongue
        for key, enabled, category in (
            ("enabledRules", True, False),
            ("disabledRules", False, False),
            ("enabledCategories", True, True),
            ("disabledCategories", False, True),
        ):
            values = sorted({t.value for t in options.toggles("LT", enabled) if t.category == category})
            if values:
                self.params[key] = ",".join(values)
        if options.picky:
            self.params["level"] = "picky"
        cls = _client_class(self.timeout, options.max_reply)
        if options.languagetool == "local":
            try:
                self._tool = cls("fr")
            except Exception as exc:  # no Java, no download, a port in use: all mean "not here"
                why = " ".join(str(exc).split())[:120] or exc.__class__.__name__
                raise BackendError(
                    f"cannot start a local LanguageTool (it needs Java 17+ and a LanguageTool download): {why}"
                ) from None
            return
        try:
            self._tool = cls("fr", remote_server=options.languagetool)
        except ValueError as exc:  # the server's /v2/languages does not list French
            raise BackendError(f"LanguageTool at {self.where} cannot check French: {exc}") from None
        except BackendError as exc:  # a reply too large, or nested or numbered beyond reading
            raise BackendError(f"LanguageTool at {self.where}: {exc}") from None
        except (language_tool_python.exceptions.LanguageToolError, OSError) as exc:
            raise BackendError(_describe(exc, self.where, self.timeout)) from None
        except Exception as exc:  # a reply its parser chokes on (e.g. malformed /v2/languages)
            raise BackendError(_describe(exc, self.where, self.timeout)) from None

    def check(self, text: str, paragraphs: Sequence[Span], sentences: Sequence[Span]) -> list[LtMatch]:
        """Every match in the document, or BackendError: never a partial answer."""
        import language_tool_python

        found: list[LtMatch] = []
        for chunk in batches(text, paragraphs, sentences, self.max_units):
            piece = text[chunk.start : chunk.end]
            try:
                reply = self._tool.check_raw({**self.params, "text": piece})
            except (language_tool_python.exceptions.LanguageToolError, OSError) as exc:
                raise BackendError(_describe(exc, self.where, self.timeout)) from None
            except BackendError as exc:
                raise BackendError(f"LanguageTool at {self.where}: {exc}") from None
            try:
                found.extend(parse_matches(reply, piece, chunk.start))
            except BackendError as exc:
                raise BackendError(f"LanguageTool at {self.where}: {exc}") from None
        return found

    def close(self) -> None:
        close = getattr(self._tool, "close", None)
        if close is not None:
            close()
