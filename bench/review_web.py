"""`qa review --web` speed: first finding on screen after the server is up, and per-decision latency.

Usage: python bench/review_web.py [--words 1500] [--decisions 40] [--screenshot PATH]
Targets (issue #16): the page shows the first finding ≤ 1.5 s after the server is up, for an
article of 1,500 words; each decision answers in ≤ 100 ms. The article is cut from the MT
outputs of ../shared/eval/real-wmt21 (built-in checks, as `qa review --web` runs them).
Needs Chromium + chromedriver and selenium for the page figure (and --screenshot).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx2 as httpx  # noqa: E402

from qa.api import Config  # noqa: E402
from qa.web.server import start  # noqa: E402
from qa.web.state import open_reviews  # noqa: E402

SOURCE = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "real-wmt21"
# Written for the screenshot of docs/review.md: MT-style French with a few typical artifacts.
SAMPLE = """\
Le Temps Financier critique la banque centrale

Selon le Temps Financier, la décision de la Banque Centrale Européenne peut faire sens , mais les marchés \
restent prudents.Les analystes de Goldman Sachs estiment que le taux directeur pourrait baisser au printemps.

« Nous ne sommes pas pressés", a déclaré la présidente lors d'une conférence de presse à Francfort : elle a \
ajouté que l'inflation reste " trop élevée ".

Le ministre des Finances a salué une décision qui fait sens pour l'économie de la zone euro. Il a aussi \
rappelé que le Conseil de Sécurité se réunira le 3 Mars.
"""
# A key press in the page until the progress counter changes, timed by the page's own clock.
KEY_TO_UPDATE = """
const done = arguments[arguments.length - 1];
const count = document.getElementById("count");
const before = count.textContent;
const t0 = performance.now();
const watch = new MutationObserver(() => {
  if (count.textContent !== before) { watch.disconnect(); done(performance.now() - t0); }
});
watch.observe(count, { childList: true, characterData: true, subtree: true });
document.dispatchEvent(new KeyboardEvent("keydown", { key: arguments[0], bubbles: true }));
"""


def article(words: int) -> str:
    """Whole lines of the real-MT dev set until ``words`` words."""
    out: list[str] = []
    count = 0
    for path in sorted(SOURCE.glob("*.txt")):
        if path.name.endswith(".ref.txt"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if count >= words:
                return "\n".join(out) + "\n"
            out.append(line)
            count += len(line.split())
    return "\n".join(out) + "\n"


def browser():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run", "--window-size=1100,700", "--hide-scrollbars"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def screenshot(dest: Path) -> None:
    """The page on SAMPLE after one answer, as docs/review.md shows it."""
    import os

    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    here = Path.cwd()
    dest = dest.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # the page names the file as given: article.txt, not a temporary path
        try:
            Path("article.txt").write_text(SAMPLE, encoding="utf-8")
            reviews = open_reviews([Path("article.txt")], Config(), None, Path("qa-glossary.toml"))
            running = start(reviews)
            driver = browser()
            try:
                driver.get(running.url)
                WebDriverWait(driver, 30).until(lambda d: d.find_element("id", "code").text)
                ActionChains(driver).send_keys("1").perform()
                WebDriverWait(driver, 10).until(lambda d: d.find_element("id", "count").text.startswith("1/"))
                ActionChains(driver).send_keys("jj").perform()
                driver.save_screenshot(str(dest))
            finally:
                driver.quit()
                running.stop()
        finally:
            os.chdir(here)
    print(f"screenshot: {dest.name} ({dest.stat().st_size // 1024} KB)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=1500)
    parser.add_argument("--decisions", type=int, default=40, help="decisions timed through the API")
    parser.add_argument("--screenshot", type=Path, help="save a PNG of the page (for docs/review.md)")
    args = parser.parse_args()
    from selenium.webdriver.support.ui import WebDriverWait

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        text = article(args.words)
        path.write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        reviews = open_reviews([path], Config(), None, Path(tmp) / "qa-glossary.toml")
        lint = time.perf_counter() - t0
        total = len(reviews[0].status())
        driver = browser()
        try:
            t0 = time.perf_counter()
            running = start(reviews)
            up = time.perf_counter() - t0
            t0 = time.perf_counter()
            driver.get(running.url)
            WebDriverWait(driver, 30, poll_frequency=0.01).until(lambda d: d.find_element("id", "code").text)
            first = time.perf_counter() - t0
            print(f"article: {len(text.split())} words, {total} findings; lint before serving {lint:.2f} s")
            print(f"server up in {up * 1000:.0f} ms; first finding on the page {first * 1000:.0f} ms after (target ≤ 1500)")

            # In the page: s (skip) then u (undo), each timed from the key to the page redrawn.
            page = []
            for _ in range(min(10, total)):
                for k in "su":
                    page.append(driver.execute_async_script(KEY_TO_UPDATE, k) / 1000)

            # Through the API: a decision and its undo, each a full answer (state + decisions file saved).
            token = running.url.split("token=")[1]
            origin = running.url.split("/?")[0]
            api = []
            with httpx.Client(base_url=origin, headers={"X-QA-Token": token}) as http:
                for i in range(min(args.decisions, total)):
                    for body in ({"action": "reject", "index": i}, {"action": "undo"}):
                        t0 = time.perf_counter()
                        http.post("/api/files/0/action", json=body).raise_for_status()
                        api.append(time.perf_counter() - t0)
            running.stop()
        finally:
            driver.quit()
    if args.screenshot:
        screenshot(args.screenshot)
    for name, xs in (("key press → page updated", page), ("API decision round trip", api)):
        if xs:
            ms = sorted(x * 1000 for x in xs)
            print(f"{name}: median {statistics.median(ms):.0f} ms, p95 {ms[int(0.95 * (len(ms) - 1))]:.0f} ms, "
                  f"max {ms[-1]:.0f} ms over {len(ms)} (target ≤ 100)")


if __name__ == "__main__":
    main()
