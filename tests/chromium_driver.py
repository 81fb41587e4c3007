"""Debian's headless Chromium driven by selenium, for the browser tests, or why it cannot run."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Without the background-networking flags Chromium keeps calling hosts this machine cannot reach.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run")


def browser_missing() -> str | None:
    """Why no browser test can run here, or None."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()) and not (shutil.which("chromium") and shutil.which("chromedriver")):
        return "Chromium is not installed (apt-get install chromium chromium-driver): browser test skipped"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]'): browser test skipped"
    return None


def start_chromium(*extra: str, performance_log: bool = False) -> Any:
    """A headless Chromium session; the caller quits it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in (*FLAGS, *extra):
        options.add_argument(flag)
    if performance_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    options.binary_location = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
    driver_path = str(CHROMEDRIVER if CHROMEDRIVER.exists() else shutil.which("chromedriver"))
    return webdriver.Chrome(service=Service(driver_path), options=options)
