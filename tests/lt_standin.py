"""A stand-in LanguageTool server on 127.0.0.1 (ephemeral port), for test_languagetool and the
LT00 case file (tests/cases/LT00.toml, run by test_cases).

It answers GET /v2/languages and POST /v2/check in LanguageTool's documented JSON shape,
computing offsets in UTF-16 units the way the Java server does; it can also be slow, trickle
its reply a byte at a time, fail with HTTP 500, send malformed JSON, JSON nested or numbered
beyond reading, a reply of many megabytes, control characters in its rule ids and
suggestions, or be dead.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
# (pattern, rule id, LanguageTool category, issue type, message, replacements)
RULES = [
    (r"viendrons", "ACCORD_SUJET_VERBE", "GRAMMAR", "grammar", "Accord avec « il ».", ["viendra"]),
    (r"analystesla", "FR_SPELLING_RULE", "TYPOS", "misspelling", "Faute de frappe possible.", ["analystes la"]),
    (r"Financial", "FR_SPELLING_RULE", "TYPOS", "misspelling", "Faute de frappe possible.", ["Financier"]),
    (r"Zelensky", "FR_SPELLING_RULE", "TYPOS", "misspelling", "Faute de frappe possible.", ["Zélé"]),
    (r"😀😀x", "EMOJI_X", "MISC", "style", "Émojis suivis d’un x.", ["😀"]),
    (r"faire sens", "FAUX_AMI_SENS", "FALSE_FRIENDS", "grammar", "Calque de « make sense ».", ["avoir un sens"]),
    (r"sens\.", "SENS_POINT", "PUNCTUATION", "typographical", "Point.", ["sens !"]),
]


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def check_reply(text: str) -> dict[str, Any]:
    matches = []
    for pattern, rule, category, issue, message, repl in RULES:
        for m in re.finditer(pattern, text):
            offset, length = utf16_len(text[: m.start()]), utf16_len(m.group())
            matches.append({
                "message": message,
                "shortMessage": "",
                "replacements": [{"value": r} for r in repl],
                "offset": offset,
                "length": length,
                "context": {"text": text[max(0, m.start() - 20) : m.end() + 20], "offset": 0, "length": length},
                "sentence": text,
                "type": {"typeName": "Other"},
                "rule": {"id": rule, "description": message, "issueType": issue,
                         "category": {"id": category, "name": category.title()}},
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            })
    return {"software": {"name": "LanguageTool", "version": "6.8"},
            "language": {"name": "French", "code": "fr"}, "matches": matches}


class StandIn:
    """A LanguageTool server double; ``mode`` says how it misbehaves."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.delay = 3.0
        self.huge_mb = 12  # "huge": megabytes of reply
        self.inject = "\nx.txt:1:1: FAKE [forged] \x1b[2J\x07"  # "controls": appended to ids and suggestions
        self.checks: list[dict[str, str]] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep the test output clean
                pass

            def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802
                if self.path.startswith("/v2/languages"):
                    langs = [{"name": "English (US)", "code": "en", "longCode": "en-US"}]
                    if stand_in.mode != "no-french":
                        langs.append({"name": "French", "code": "fr", "longCode": "fr"})
                    self._send(200, json.dumps(langs).encode())
                else:
                    self._send(404, b"not found", "text/plain")

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode()).items()}
                if not self.path.startswith("/v2/check"):
                    self._send(404, b"not found", "text/plain")
                    return
                stand_in.checks.append(form)
                if stand_in.mode == "slow":
                    time.sleep(stand_in.delay)
                if stand_in.mode == "500":
                    self._send(500, b"Error: java.lang.OutOfMemoryError\n\tat org.languagetool", "text/plain")
                elif stand_in.mode == "500-json":
                    self._send(500, json.dumps({"error": "internal"}).encode())
                elif stand_in.mode == "malformed":
                    self._send(200, b'{"matches": [{"offset": 3,')
                elif stand_in.mode == "trickle":  # headers at once, then one byte every `delay` s
                    body = json.dumps(check_reply(form.get("text", ""))).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    for i in range(len(body)):
                        self.wfile.write(body[i : i + 1])
                        self.wfile.flush()
                        time.sleep(stand_in.delay)
                elif stand_in.mode == "huge":  # no Content-Length: the cap must hold while reading
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(b'{"matches": [], "padding": "')
                    for _ in range(stand_in.huge_mb):
                        self.wfile.write(b"x" * 1_000_000)
                    self.wfile.write(b'"}')
                elif stand_in.mode == "deep":
                    self._send(200, b'{"matches": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
                elif stand_in.mode == "bignum":
                    self._send(200, b'{"matches": [{"offset": ' + b"9" * 5000 + b', "length": 1}]}')
                elif stand_in.mode == "controls":
                    reply = check_reply(form.get("text", ""))
                    for m in reply["matches"]:
                        m["rule"]["id"] += stand_in.inject
                        m["replacements"] = [{"value": r["value"] + stand_in.inject} for r in m["replacements"]]
                    self._send(200, json.dumps(reply).encode())
                elif stand_in.mode == "bad-offsets":
                    self._send(200, json.dumps({"matches": [{"offset": 10_000, "length": 2, "message": "x",
                                                             "rule": {"id": "X", "category": {"id": "GRAMMAR"}}}]}).encode())
                else:
                    self._send(200, json.dumps(check_reply(form.get("text", ""))).encode())

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that gave up on a slow answer is expected here

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
