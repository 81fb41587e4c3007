"""One HTTP exchange with a backend server, bounded in time and size as a whole.

requests' ``timeout`` bounds each socket operation, so a server that trickles one byte
every few seconds keeps a request alive for ever, and ``response.json()`` reads a reply of
any size into memory. Here the exchange runs in a daemon thread that the caller waits for
until one deadline; the body is read piece by piece, the socket's own timeout shrinking to
what is left of the deadline, and reading stops at ``max_bytes``. The JSON parser's own
limits (nesting depth, digits of an integer) become a BackendError, never a traceback.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any

from qa.backends.options import BackendError

DEFAULT_MAX_REPLY = 10_000_000  # bytes: a LanguageTool reply for 15,000 characters is far smaller
_PIECE = 65_536


class ReplyTooLarge(BackendError):
    """The server sent (or announced) more than the cap."""


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:g} MB"


def _left(deadline: float) -> float:
    return max(deadline - time.monotonic(), 0.001)


def _exchange(method: str, url: str, params: dict[str, str] | None, deadline: float, max_bytes: int,
              proxies: Any) -> tuple[int, bytes]:
    import requests

    data = {"data": params} if method == "post" else {"params": params}
    left = _left(deadline)
    with requests.request(method, url, timeout=(left, left), stream=True, proxies=proxies, **data) as response:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise ReplyTooLarge(f"the server announced a reply of {int(declared):,} bytes, over the cap of {_megabytes(max_bytes)}")
        sock = getattr(getattr(response.raw, "connection", None), "sock", None)
        body = bytearray()
        while True:
            if time.monotonic() >= deadline:
                raise requests.Timeout("the deadline passed while the reply was being read")
            if sock is not None:
                sock.settimeout(_left(deadline))  # a trickling server cannot stretch one read past it
            piece = response.raw.read1(_PIECE)
            if not piece:
                return response.status_code, bytes(body)
            body += piece
            if len(body) > max_bytes:
                raise ReplyTooLarge(f"the server's reply is over the cap of {_megabytes(max_bytes)}; reading stopped there")


def request_json(method: str, url: str, params: dict[str, str] | None, timeout: float,
                 max_bytes: int = DEFAULT_MAX_REPLY, proxies: Any = None) -> Any:
    """The JSON reply to one request, within ``timeout`` seconds from start to last byte.

    Raises requests.Timeout past the deadline, requests' own errors for the connection,
    ReplyTooLarge over ``max_bytes``, json.JSONDecodeError, or BackendError for JSON
    nested or numbered beyond the parser's limits.
    """
    import requests

    deadline = time.monotonic() + timeout
    box: dict[str, Any] = {}
    done = threading.Event()

    def work() -> None:
        try:
            box["reply"] = _exchange(method, url, params, deadline, max_bytes, proxies)
        except BaseException as exc:  # handed to the waiting thread
            box["error"] = exc
        finally:
            done.set()

    # A daemon thread: one stuck in a server's trickled headers never holds the process.
    threading.Thread(target=work, name="qa-backend-request", daemon=True).start()
    if not done.wait(_left(deadline)):
        raise requests.Timeout(f"no complete reply within {timeout:g} s")
    if "error" in box:
        raise box["error"]
    _status, body = box["reply"]
    return parse_json(body)


def parse_json(body: bytes) -> Any:
    """body as JSON; a reply the parser refuses for its depth or its numbers is a BackendError."""
    try:
        return json.loads(body)
    except json.JSONDecodeError:
        raise  # the caller shows the start of the body: a server's error page says what went wrong
    except RecursionError:
        raise BackendError("the server's reply nests JSON too deeply to be read") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits (sys.set_int_max_str_digits)
        raise BackendError(f"the server's reply cannot be read as JSON ({' '.join(str(exc).split())[:100]})") from None
