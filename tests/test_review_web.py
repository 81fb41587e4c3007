"""`qa review --web`: the guards (token, Host, Origin, named files only) and the shared engine,
through Starlette's TestClient; the command line in a real process on 127.0.0.1."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.api import Config
from qa.cli import app as cli_app
from qa.web.app import create_app
from qa.web.state import open_reviews

httpx = pytest.importorskip("httpx2", reason="httpx2 is in the dev extra: pip install -e '.[dev]'")
from starlette.testclient import TestClient  # noqa: E402

GLOSSARY = (
    'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\ncategory = "name-translated"\n'
    'autofix = true\n\n[[entry]]\nwrong = "faire sens"\nright = ["avoir du sens", "être logique"]\ncategory = "calque"\n'
)
TEXT = "Titre\n\nSelon le Temps Financier, cela peut faire sens.\nLe Temps Financier dit que ça peut faire sens aussi.\n"
OTHER = "Le Temps Financier publie un éditorial.\n"
PORT = 8765
TOKEN = "s3cret-token"
BASE = f"http://127.0.0.1:{PORT}"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "g.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    return tmp_path


def config(work: Path) -> Config:
    return Config(select=("GL01",), glossaries=(work / "g.toml",), builtin_glossary=False)


def client(work: Path, *names: str) -> TestClient:
    reviews = open_reviews([work / n for n in names or ("a.txt", "b.txt")], config(work), None, work / "project.toml")
    return TestClient(create_app(reviews, TOKEN, PORT), base_url=BASE)


def post(c: TestClient, body: dict[str, object], n: int = 0, **headers: str) -> httpx.Response:
    return c.post(f"/api/files/{n}/action", json=body, headers={"X-QA-Token": TOKEN, **headers})


def test_every_request_needs_the_token(work: Path) -> None:
    c = client(work)
    for path in ("/", "/api/files", "/api/files/0", "/static/review.js", "/static/review.css"):
        assert c.get(path).status_code == 403, path
        assert c.get(path, params={"token": "wrong"}).status_code == 403, path
        assert c.get(path, headers={"X-QA-Token": TOKEN[:-1]}).status_code == 403, path
        assert c.get(path, params={"token": TOKEN}).status_code == 200, path
        assert c.get(path, headers={"X-QA-Token": TOKEN}).status_code == 200, path
    refused = c.post("/api/files/0/action", json={"action": "reject", "index": 0})
    assert refused.status_code == 403 and "token" in refused.text
    assert not (work / "a.txt.decisions.json").exists()
    page = c.get("/", params={"token": TOKEN}).text
    assert f"/static/review.js?token={TOKEN}" in page  # the page hands the token to its own assets


def test_host_must_be_this_server(work: Path) -> None:
    c = client(work)
    for host in ("evil.example", f"evil.example:{PORT}", f"127.0.0.1:{PORT + 1}", "127.0.0.1", f"0.0.0.0:{PORT}"):
        r = c.get("/", params={"token": TOKEN}, headers={"Host": host})
        assert r.status_code == 400 and "Host" in r.text, host  # a DNS-rebound name never reaches the app
    assert c.get("/", params={"token": TOKEN}, headers={"Host": f"localhost:{PORT}"}).status_code == 200


def test_requests_from_another_origin_are_refused(work: Path) -> None:
    c = client(work)
    body = {"action": "reject", "index": 0}
    assert post(c, body, Origin="http://evil.example").status_code == 403
    assert post(c, body, Origin=f"http://127.0.0.1:{PORT + 1}").status_code == 403
    assert post(c, body, **{"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert c.post("/api/files/0/action", content=json.dumps(body), headers={
        "X-QA-Token": TOKEN, "Content-Type": "text/plain"}).status_code == 415  # no form-style simple requests
    assert not (work / "a.txt.decisions.json").exists()
    assert post(c, body, Origin=BASE).status_code == 200
    assert json.loads((work / "a.txt.decisions.json").read_text(encoding="utf-8"))["decisions"][0]["decision"] == "reject"


def test_only_the_named_files(work: Path) -> None:
    (work / "secret.txt").write_text("secret\n", encoding="utf-8")
    c = client(work)
    auth = {"X-QA-Token": TOKEN}
    listed = c.get("/api/files", headers=auth).json()
    assert [Path(f["name"]).name for f in listed] == ["a.txt", "b.txt"]
    for path in ("/api/files/2", "/api/files/-1", "/api/files/..%2Fsecret.txt", "/api/files/secret.txt",
                 "/static/../state.py", "/static/%2e%2e/state.py", "/static/..%2Fapp.py", "/secret.txt",
                 f"/static/{'..%2F' * 8}{str(work / 'secret.txt').lstrip('/')}"):
        r = c.get(path, headers=auth)
        assert r.status_code == 404, path
        assert "secret" not in r.text and "import" not in r.text, path
    assert post(c, {"action": "reject", "index": 0}, n=2).status_code == 404
    assert post(c, {"action": "reject", "index": 99}).status_code == 409


def test_symlink_swapped_in_is_not_written_through(work: Path) -> None:
    outside = work / "outside.txt"
    outside.write_text(TEXT, encoding="utf-8")
    c = client(work, "a.txt")
    assert post(c, {"action": "accept", "index": 0, "replacement": "Financial Times"}).status_code == 200
    (work / "a.txt").unlink()
    (work / "a.txt").symlink_to(outside)
    r = post(c, {"action": "apply"})
    assert r.status_code == 409 and "no longer leads to" in r.json()["error"]
    assert outside.read_text(encoding="utf-8") == TEXT


def test_file_changed_on_disk_is_refused_and_nothing_is_lost(work: Path) -> None:
    c = client(work, "a.txt")
    post(c, {"action": "accept", "index": 0, "replacement": "Financial Times"})
    changed = TEXT.replace("Titre", "Titre modifié")
    (work / "a.txt").write_text(changed, encoding="utf-8")
    r = post(c, {"action": "apply"})
    assert r.status_code == 409
    assert re.search(r"a\.txt: changed on disk since it was read; not overwritten; decisions kept in .*a\.txt\.decisions\.json",
                     r.json()["error"])
    assert (work / "a.txt").read_text(encoding="utf-8") == changed
    saved = json.loads((work / "a.txt.decisions.json").read_text(encoding="utf-8"))
    assert [(d["decision"], d.get("replacement")) for d in saved["decisions"]] == [("accept", "Financial Times")]


def test_decisions_shared_with_the_terminal_and_lint(work: Path) -> None:
    runner = CliRunner()
    (work / "answers").write_text("r\nq\n", encoding="utf-8")  # the terminal review rejects the first finding
    base = ["--no-builtin", "--select", "GL01", "--glossary", str(work / "g.toml")]
    done = runner.invoke(cli_app, ["review", str(work / "a.txt"), "--answers", str(work / "answers"), *base])
    assert done.exit_code == 0, done.output
    c = client(work, "a.txt")
    view = c.get("/api/files/0", headers={"X-QA-Token": TOKEN}).json()
    assert [f["status"] for f in view["findings"]] == ["reject", "pending", "pending", "pending"]
    assert view["decided"] == 1 and "GL01 glossary.term" in view["explain"]["GL01"]  # the `qa explain` text
    assert post(c, {"action": "reject", "index": 3}).json()["file"]["decided"] == 2
    undone = post(c, {"action": "undo"}).json()
    assert undone["notice"] == "undone: GL01 « faire sens »" and undone["focus"] == 3
    post(c, {"action": "reject", "index": 1})
    lint = runner.invoke(cli_app, ["lint", "--format", "json", "--decisions", str(work / "a.txt.decisions.json"),
                                   *base, str(work / "a.txt")])
    found = [(f["text"], f["line"]) for r in json.loads(lint.stdout)["files"] for f in r["findings"]]
    assert found == [("Temps Financier", 4), ("faire sens", 4)], lint.stdout


def test_autofix_accepts_the_safe_ones_and_undo_takes_them_back_together(work: Path) -> None:
    c = client(work, "a.txt")
    r = post(c, {"action": "autofix"}).json()
    assert r["notice"] == "accepted 2 safe suggestions"
    assert [f["status"] for f in r["file"]["findings"]] == ["accept", "pending", "accept", "pending"]
    r = post(c, {"action": "undo"}).json()
    assert [f["status"] for f in r["file"]["findings"]] == ["pending"] * 4 and r["file"]["can_undo"] is False
    assert post(c, {"action": "undo"}).json()["notice"] == "nothing to undo"


def test_glossary_answer_checked_then_written_on_apply(work: Path) -> None:
    c = client(work, "a.txt")
    bad = post(c, {"action": "accept", "index": 1, "replacement": "faire sens", "glossary": True})
    assert bad.status_code == 409 and "glossary" in bad.json()["error"]
    ok = post(c, {"action": "accept", "index": 1, "replacement": "être logique", "glossary": True})
    assert ok.status_code == 200
    r = post(c, {"action": "apply"}).json()
    assert "added 1 entry to" in r["notice"] and "wrote" in r["notice"]
    assert 'wrong = "faire sens"\nright = "être logique"' in (work / "project.toml").read_text(encoding="utf-8")
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT.replace("peut faire sens.", "peut être logique.")
    assert len(r["file"]["findings"]) == 3  # the page reviews the text as now written


def test_bad_requests_get_a_message(work: Path) -> None:
    c = client(work, "a.txt")
    auth = {"X-QA-Token": TOKEN, "Content-Type": "application/json"}
    assert c.post("/api/files/0/action", content="{", headers=auth).status_code == 400
    assert c.post("/api/files/0/action", content="[]", headers=auth).status_code == 400
    assert post(c, {"action": "accept", "index": "0"}).status_code == 400
    assert "unknown action" in post(c, {"action": "explode", "index": 0}).json()["error"]


def test_served_files_name_no_other_site(work: Path) -> None:
    c = client(work, "a.txt")
    r = c.get("/", params={"token": TOKEN})
    assert r.headers["content-security-policy"].startswith("default-src 'self'")
    assert r.headers["referrer-policy"] == "no-referrer"
    for name in ("index.html", "review.js", "review.css"):
        body = (files("qa.web") / "static" / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/|@import", body, re.I), name
        assert "<script>" not in body and " style=" not in body, name  # nothing inline: the CSP allows none


def test_command_line_refuses_what_it_cannot_do(work: Path) -> None:
    runner = CliRunner()
    two = runner.invoke(cli_app, ["review", str(work / "a.txt"), str(work / "b.txt")])
    assert two.exit_code == 2 and "several with --web" in two.output
    batch = runner.invoke(cli_app, ["review", "--web", "--answers", "x", str(work / "a.txt")])
    assert batch.exit_code == 2 and "--web takes none of" in batch.output
    missing = runner.invoke(cli_app, ["review", "--web", "--no-browser", str(work / "nope.txt")])
    assert missing.exit_code == 2 and "nope.txt: no such file" in missing.output


def test_server_binds_loopback_prints_url_and_stops_on_ctrl_c(work: Path) -> None:
    env = {**os.environ, "BROWSER": "false"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "qa", "review", "--web", "--no-browser", "a.txt", "b.txt", "--no-builtin",
         "--select", "GL01", "--glossary", "g.toml"],
        cwd=work, env=env, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        m = re.search(r"review in the browser: (http://127\.0\.0\.1:(\d+)/\?token=([\w-]{40,}))$", line.strip())
        assert m, line
        url, port, token = m.group(1), m.group(2), m.group(3)
        proc.stderr.readline()  # "decisions are saved…"
        with httpx.Client() as http:
            assert http.get(f"http://127.0.0.1:{port}/").status_code == 403
            assert http.get(url).status_code == 200
            listed = http.get(f"http://127.0.0.1:{port}/api/files", headers={"X-QA-Token": token}).json()
            assert [f["name"] for f in listed] == ["a.txt", "b.txt"]
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "server stopped; decisions kept in a.txt.decisions.json, b.txt.decisions.json" in err
