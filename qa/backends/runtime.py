"""The external engines of one run: loaded once, each outage reported once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qa.backends.options import BackendError, BackendOptions

if TYPE_CHECKING:
    from qa.backends.grammalecte import Grammalecte
    from qa.backends.languagetool import LanguageToolClient


@dataclass(frozen=True, slots=True)
class Status:
    name: str
    active: bool
    reason: str


@dataclass
class Runtime:
    """The engines of one run: loaded once, and each outage reported once."""

    options: BackendOptions
    mother_tongue: str | None = None  # from --source-lang
    notes: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # backend → why it stopped
    # Grammalecte asked ahead by a second process (qa.engine.foresee): called once, when
    # Grammalecte is first needed; it gives the client, or None to load Grammalecte here.
    ahead: Callable[[], Any] | None = field(default=None, repr=False)
    _clients: dict[str, Any] = field(default_factory=dict, repr=False)

    def fail(self, backend: str, reason: str) -> None:
        """Record an outage; the first one of each backend becomes a note (one stderr line)."""
        if backend not in self.failed:
            self.failed[backend] = reason
            self.notes.append(f"{backend}: {reason}; its checks were skipped")

    def grammalecte(self) -> Grammalecte | None:
        if "grammalecte" in self.failed:
            return None
        if "grammalecte" not in self._clients:
            from qa.backends.grammalecte import Grammalecte, available

            if not available():
                self.fail("grammalecte", "not installed (apt-get install python3-grammalecte, then 'make run')")
                return None
            try:
                ahead, self.ahead = self.ahead, None
                self._clients["grammalecte"] = (ahead() if ahead is not None else None) or Grammalecte()
            except Exception as exc:  # a broken install must not stop the other checks
                self.fail("grammalecte", f"cannot load: {exc}")
                return None
        client: Grammalecte = self._clients["grammalecte"]
        return client

    def languagetool(self) -> LanguageToolClient | None:
        if "languagetool" in self.failed or not self.options.languagetool:
            return None
        if "languagetool" not in self._clients:
            from qa.backends.languagetool import LanguageToolClient

            try:
                self._clients["languagetool"] = LanguageToolClient(self.options, self.mother_tongue)
            except BackendError as exc:
                self.fail("languagetool", str(exc))
                return None
        client: LanguageToolClient = self._clients["languagetool"]
        return client

    def drain_notes(self) -> tuple[str, ...]:
        """The outage notes raised since the last call: each reaches one Result, hence one warning."""
        notes, self.notes[:] = tuple(self.notes), []
        return notes

    def close(self) -> None:
        for client in self._clients.values():
            close = getattr(client, "close", None)
            if close is not None:
                close()
        self._clients.clear()


BACKENDS = ("languagetool", "grammalecte")


def outages(results: Sequence[Any]) -> list[str]:
    """The backend notes of results, each once (parallel workers may each have met the outage)."""
    seen: dict[str, None] = {}
    for r in results:
        for note in getattr(r, "notes", ()):
            if note.split(":", 1)[0] in BACKENDS:
                seen.setdefault(note, None)
    return list(seen)
