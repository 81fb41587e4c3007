"""`qa review --web` in a real headless Chromium (selenium): keys and clicks, then the file's
bytes, the decisions file, and the terminal review resuming from it. Skips without Chromium."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from qa.api import Config
from qa.web.server import Running, start
from qa.web.state import open_reviews

import chromium_driver  # noqa: E402 - tests/chromium_driver.py

GLOSSARY = (
    'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\ncategory = "name-translated"\n'
    'autofix = true\n\n[[entry]]\nwrong = "faire sens"\nright = ["avoir du sens", "être logique"]\ncategory = "calque"\n'
)
TEXT = ("Titre\n\nSelon le Temps Financier, cela peut faire sens.\nLe Temps Financier dit que ça peut faire sens.\n"
        "Enfin, le Temps Financier juge que cela peut faire sens.\n")
OTHER = "Le Temps Financier publie un éditorial.\n"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = chromium_driver.browser_missing()
    if reason:
        pytest.skip(reason)
    driver = chromium_driver.start_chromium("--window-size=1280,800", performance_log=True)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, Running]]:
    (tmp_path / "g.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    config = Config(select=("GL01",), glossaries=(tmp_path / "g.toml",), builtin_glossary=False)
    reviews = open_reviews([tmp_path / "a.txt", tmp_path / "b.txt"], config, None, tmp_path / "project.toml")
    running = start(reviews)
    try:
        yield tmp_path, running
    finally:
        running.stop()


def until(driver: Any, test: Callable[[], Any], what: str) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, 10).until(lambda _d: test())
    except Exception as exc:  # noqa: BLE001 - say what was awaited
        notice = driver.find_element("id", "notice").text
        raise AssertionError(f"waited in vain for {what}; notice: {notice!r}") from exc


def text_of(driver: Any, id_: str) -> str:
    return str(driver.find_element("id", id_).text)


def press(driver: Any, keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(keys).perform()


def decided(driver: Any, n: int, total: int) -> None:
    until(driver, lambda: text_of(driver, "count") == f"{n}/{total} decided", f"{n}/{total} decided")


def test_review_in_chromium_then_resume_in_the_terminal(browser: Any, served: tuple[Path, Running]) -> None:
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    work, running = served
    origin = running.url.split("/?")[0]
    assert running.server.servers[0].sockets[0].getsockname()[0] == "127.0.0.1"

    browser.get(origin + "/")  # without the token
    assert "refused: a valid token is required" in browser.find_element("tag name", "body").text

    browser.get(running.url)
    until(browser, lambda: text_of(browser, "code") == "GL01", "the first finding")
    doc = browser.find_element("id", "doc")
    assert browser.execute_script("return arguments[0].textContent", doc) == TEXT
    assert len(browser.find_elements("css selector", "#doc mark")) == 6
    assert "« Temps Financier » should read « Financial Times »" in text_of(browser, "message")
    assert "glossary.term" in text_of(browser, "explain") and ":3:10" in text_of(browser, "place")

    press(browser, "1")  # accept by keyboard
    decided(browser, 1, 6)
    assert "être logique" in text_of(browser, "suggestions")
    press(browser, "e")  # edit
    box = browser.find_element("id", "edit-text")
    until(browser, lambda: browser.switch_to.active_element == box, "the edit box")
    box.send_keys("avoir un sens", Keys.ENTER)
    decided(browser, 2, 6)
    press(browser, "r")  # reject the second « Temps Financier »…
    decided(browser, 3, 6)
    press(browser, "u")  # …undo: back to it
    until(browser, lambda: text_of(browser, "notice") == "undone: GL01 « Temps Financier »", "the undo")
    assert ":4:4" in text_of(browser, "place")
    browser.find_element("css selector", '#suggestions button[data-choice="1"]').click()  # accept by click
    decided(browser, 3, 6)
    press(browser, "g")  # add to glossary: which suggestion? 2
    until(browser, lambda: "which suggestion? 1-2" in text_of(browser, "choose"), "the glossary choice")
    press(browser, "2")
    decided(browser, 4, 6)
    press(browser, "r")
    decided(browser, 5, 6)
    press(browser, "s")
    decided(browser, 6, 6)

    # Filters: only the calques are highlighted and navigated; j/k move among them.
    Select(browser.find_element("id", "f-category")).select_by_value("calque")
    lit = [m for m in browser.find_elements("css selector", "#doc mark") if "off" not in m.get_attribute("class")]
    assert [m.text for m in lit] == ["faire sens"] * 3
    press(browser, "k")
    press(browser, "k")
    assert "« 1/3 »" in text_of(browser, "place") and ":3:" in text_of(browser, "place")
    press(browser, "j")
    assert "« 2/3 »" in text_of(browser, "place")
    Select(browser.find_element("id", "f-category")).select_by_value("")

    # Another file in the same page; accept its safe autofix by the button.
    browser.find_element("xpath", "//nav[@id='files']/button[2]").click()
    until(browser, lambda: "b.txt:1:4" in text_of(browser, "place"), "the second file")
    browser.find_element("id", "autofix").click()
    until(browser, lambda: text_of(browser, "notice") == "accepted 1 safe suggestion", "the autofix")
    tabs = [b.text for b in browser.find_elements("css selector", "#files button")]
    assert tabs[0].endswith("a.txt 6/6") and tabs[1].endswith("b.txt 1/1"), tabs
    browser.find_element("xpath", "//nav[@id='files']/button[1]").click()
    until(browser, lambda: "a.txt" in text_of(browser, "place"), "back to the first file")

    press(browser, "w")  # apply
    until(browser, lambda: "wrote" in text_of(browser, "notice"), "the write")
    assert "added 1 entry to" in text_of(browser, "notice")
    expected = TEXT.replace("Selon le Temps Financier, cela peut faire sens.", "Selon le Financial Times, cela peut avoir un sens.")
    expected = expected.replace("Le Temps Financier dit que ça peut faire sens.", "Le Financial Times dit que ça peut être logique.")
    assert (work / "a.txt").read_bytes() == expected.encode("utf-8")
    assert (work / "b.txt").read_bytes() == OTHER.encode("utf-8")  # b.txt was not applied
    assert 'wrong = "faire sens"\nright = "être logique"' in (work / "project.toml").read_text(encoding="utf-8")
    saved = json.loads((work / "a.txt.decisions.json").read_text(encoding="utf-8"))
    assert [(d["text"], d["decision"]) for d in saved["decisions"]] == [("Temps Financier", "reject"), ("faire sens", "skip")]
    assert saved["decisions"][0]["before"].endswith("être logique.\nEnfin, le ")  # re-keyed to the text as written
    decided(browser, 2, 2)

    # No request left this server: every URL the browser asked for is this origin's.
    asked = [json.loads(e["message"])["message"] for e in browser.get_log("performance")]
    urls = [m["params"]["request"]["url"] for m in asked if m["method"] == "Network.requestWillBeSent"]
    assert urls and all(u.startswith(origin + "/") for u in urls), urls
    assert browser.execute_script("return performance.getEntriesByType('resource')"
                                  ".every(e => e.name.startsWith(location.origin))")

    # The terminal review resumes from the same decisions file: the skipped calque is asked again.
    pexpect = pytest.importorskip("pexpect", reason="pexpect is in the dev extra")
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    child = pexpect.spawn(sys.executable, ["-m", "qa", "review", "a.txt", "--no-builtin", "--select", "GL01",
                                           "--glossary", "g.toml", "--revisit-skipped"],
                          cwd=str(work), env=env, encoding="utf-8", dimensions=(40, 120), timeout=30)
    child.expect("> ")
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before).replace("\r", "")
    assert "2 findings, 1 to review" in screen and "« 2/2 »  a.txt:5:" in screen and "faire sens" in screen
    child.send("1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (work / "a.txt").read_text(encoding="utf-8") == expected.replace(
        "cela peut faire sens.", "cela peut avoir du sens.")
