"""The ASGI application of `qa review --web`: the page, its static files, a small JSON API.

Every request passes the guard first: the Host must be this server's own address (no DNS
rebinding), a browser request from another origin is refused, and the random token must be
in the query (``?token=``) or the ``X-QA-Token`` header. Files are named by their place on
the command line, so nothing else on disk can be read or written through the API.
"""

from __future__ import annotations

import hmac
import json
import threading
from importlib.resources import files
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from qa.web.state import ActionError, FileReview

TOKEN_HEADER = "x-qa-token"
CSP = "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'"
_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class Guard:
    """Refuse (400/403) what does not come from the page this server handed out."""

    def __init__(self, app: ASGIApp, token: str, port: int) -> None:
        self.app = app
        self.token = token.encode()
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{h}" for h in self.hosts}

    def _problem(self, scope: Scope) -> tuple[int, str] | None:
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        if headers.get("host", "").lower() not in self.hosts:
            return 400, "refused: this server answers only to its own address (Host header)"
        origin = headers.get("origin")
        if (origin is not None and origin not in self.origins) or headers.get("sec-fetch-site") == "cross-site":
            return 403, "refused: a request from another origin"
        from urllib.parse import parse_qs

        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = headers.get(TOKEN_HEADER) or (query.get("token") or [""])[0]
        if not hmac.compare_digest(given.encode("latin-1", "replace"), self.token):
            return 403, "refused: a valid token is required (open the URL that qa review printed)"
        if scope.get("method") == "POST" and not headers.get("content-type", "").startswith("application/json"):
            return 415, "refused: the API takes JSON"
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = self._problem(scope)
        if problem is not None:
            status, message = problem
            await PlainTextResponse(message, status_code=status, headers=_HEADERS)(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [
                    (k.lower().encode(), v.encode()) for k, v in _HEADERS.items() if k.lower().encode() not in names
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(reviews: list[FileReview], token: str, port: int) -> ASGIApp:
    """The application for these reviews; only a request carrying ``token`` to 127.0.0.1:port is served."""
    lock = threading.Lock()  # handlers run in a thread pool: one answer at a time
    page = (files("qa.web") / "static" / "index.html").read_text(encoding="utf-8").replace("__TOKEN__", token)

    def review_of(request: Request) -> tuple[int, FileReview]:
        n = request.path_params["n"]
        if not 0 <= n < len(reviews):
            raise ActionError("no such file")
        return n, reviews[n]

    def index(_request: Request) -> Response:
        return HTMLResponse(page)

    def file_list(_request: Request) -> Response:
        with lock:
            return JSONResponse([
                {"number": n, "name": str(r.path), "total": len(r.status()),
                 "decided": sum(1 for s, _ in r.status() if s != "pending")}
                for n, r in enumerate(reviews)
            ])

    def show(request: Request) -> Response:
        try:
            with lock:
                n, review = review_of(request)
                return JSONResponse(review.view(n))
        except ActionError as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)

    async def action(request: Request) -> Response:
        try:
            body = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError):
            return JSONResponse({"error": "the request is not valid JSON"}, status_code=400)
        if not isinstance(body, dict):
            return JSONResponse({"error": "the request must be a JSON object"}, status_code=400)
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(_act, request, body)

    def _act(request: Request, body: dict[str, Any]) -> Response:
        kind = body.get("action")
        index = body.get("index")
        replacement = body.get("replacement")
        if not isinstance(kind, str) or not (index is None or type(index) is int) \
                or not (replacement is None or isinstance(replacement, str)):
            return JSONResponse({"error": "action must be a string, index an integer"}, status_code=400)
        with lock:
            try:
                n, review = review_of(request)
            except ActionError as exc:
                return JSONResponse({"error": str(exc)}, status_code=404)
            try:
                if kind == "apply":
                    lines = review.apply()
                    return JSONResponse({"notice": "\n".join(lines), "file": review.view(n)})
                notice = review.act(kind, index, replacement, bool(body.get("everywhere")), bool(body.get("glossary")))
            except ActionError as exc:
                return JSONResponse({"error": str(exc), "file": review.view(n)}, status_code=409)
            return JSONResponse({"notice": notice, "file": review.view(n), "focus": review.undone})

    routes = [
        Route("/", index),
        Route("/api/files", file_list),
        Route("/api/files/{n:int}", show),
        Route("/api/files/{n:int}/action", action, methods=["POST"]),
        Mount("/static", StaticFiles(packages=[("qa.web", "static")])),
    ]
    return Guard(Starlette(routes=routes), token, port)
