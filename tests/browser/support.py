"""Helpers for the browser tests: Debian's chromium driven by Playwright (no browser download),
screenshots of failing tests, and axe-core."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path(os.environ.get("READINGROOM_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests may run as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
]


@contextmanager
def chromium() -> Iterator[Any]:
    """One headless chromium (Debian's) for the session. Playwright's launch() gives it a fresh
    temporary profile (user data dir) of its own and removes it on close."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install it with `sudo apt-get install chromium`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


class ScreenshotOnFailure:
    """A pytest plugin, registered by the browser fixtures, that saves a screenshot of the
    test's page when the test fails and names the file in the report."""

    def __init__(self) -> None:
        self.pages: dict[str, Any] = {}

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> Any:
        report = yield
        page = self.pages.get(item.nodeid)
        if report.failed and page is not None and report.when in ("setup", "call"):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            name = "".join(c if c.isalnum() or c in "-_." else "_" for c in item.nodeid)
            path = SCREENSHOTS / f"{name[-150:]}.png"
            try:
                page.screenshot(path=str(path), full_page=True)
                note = f"screenshot of {page.url}: {path}"
            except Exception as exc:  # a crashed page must not hide the real failure
                note = f"no screenshot: {exc}"
            print(f"\n{note}")
            report.sections.append(("browser", note))
        return report


def axe_violations(page: Any, minimum: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """Runs axe-core in the page (its context must bypass the site's CSP) and lists the
    violations of the given impacts as 'rule-id (impact): targets - help'."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` in {ROOT} (make test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(" ")).slice(0, 8)}));
        }"""
    )
    return [
        f"{v['id']} ({v['impact']}): {json.dumps(v['targets'])} - {v['help']}"
        for v in result
        if v["impact"] in minimum
    ]
