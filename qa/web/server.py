"""Serve the review on 127.0.0.1, on a free port, and open the browser."""

from __future__ import annotations

import secrets
import socket
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass

import uvicorn

from qa.web.app import create_app
from qa.web.state import FileReview

HOST = "127.0.0.1"  # never another interface: the page can rewrite the files it was given


@dataclass
class Running:
    """A server started in a background thread (tests, bench): its URL and how to stop it."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def _bind() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, 0))  # port 0: the system picks a free one
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _prepare(reviews: list[FileReview]) -> tuple[uvicorn.Server, socket.socket, str]:
    sock = _bind()
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(32)
    app = create_app(reviews, token, port)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", server_header=False)
    return uvicorn.Server(config), sock, f"http://{HOST}:{port}/?token={token}"


def start(reviews: list[FileReview]) -> Running:
    """Serve in a background thread; returns once the server accepts connections."""
    server, sock, url = _prepare(reviews)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        threading.Event().wait(0.01)
    return Running(url, server, thread)


def serve(reviews: list[FileReview], open_browser: bool, say: Callable[[str], None]) -> None:
    """Serve until Ctrl-C; print the URL, and open it in the browser unless told not to."""
    server, sock, url = _prepare(reviews)
    say(f"review in the browser: {url}")
    say("decisions are saved after each answer; Ctrl-C stops the server")
    if open_browser:
        def when_up() -> None:
            while not server.started and not server.should_exit:
                threading.Event().wait(0.05)
            if server.started:
                webbrowser.open(url)

        threading.Thread(target=when_up, daemon=True).start()
    server.run(sockets=[sock])
