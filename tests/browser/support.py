"""Helpers for the browser tests: Debian's chromium driven by Playwright (no browser download),
screenshots of failing tests, axe-core, what overflows a page, and an index of long real
records (the browser tests and tests/test_layout.py share it)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from ..conftest import REAL_CORPUS, SAMPLE_DOCS, build_index

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


# Real released records that name hundreds of agencies each: ALPR data-sharing reports listing
# every agency a sheriff or police department shares plate detections with. All have text
# layers (MANIFEST.tsv), so they are indexed without OCR.
AGENCY_LISTS = (
    "ca-irvine-pd_cpra-muckrock-86954_vigilant-alpr-data-sharing-report_2020.pdf",
    "ca-orange-county-sheriff_cpra-muckrock-86943_vigilant-alpr-data-sharing-report_2020.pdf",
    "ca-orange-county-sheriff_alpr-data-sharing-report-a1-a4_2025.pdf",
)
LONGEST = "2d-cir_aclu-irp-v-ice_21-1233_joint-appendix-foia-litigation_2021-08-20.pdf"  # 196 pp.
FISCAL_YEAR = "dhs-ice_ero-287g-monthly-encounter-report_fy2025-november.pdf"  # dated FY2025
# sample files (text layers only) that mention Vigilant, so a search mixes short and long records
SAMPLES = (
    "pasadena-pra-2019/2018-05-02_Email_LPR_data_sharing_request_HSI_BCSC.pdf",
    "long-beach-pra-2019/Vigilant_LEARN_Data_Sharing_Policy.pdf",
    "ice-foia-2019/DHS_ICE_PIA-039a_LPR_Data_Update_2017.pdf",
    "ice-foia-2019/LEARN_User_Guide_ICE_v2.1.pdf",
)
# finds the three agency lists and the Vigilant samples, whether or not file names are searched
LONG_QUERY = 'Vigilant OR "data sharing report"'


def long_records_index(directory: Path) -> Path:
    """An index (in ``directory``/index) of the long real records above and a few samples:
    collection "real" links to the shared corpus, "sample" to sample_docs/."""
    for collection, source, names in (
        ("real", REAL_CORPUS, (*AGENCY_LISTS, LONGEST, FISCAL_YEAR)),
        ("sample", SAMPLE_DOCS, SAMPLES),
    ):
        folder = directory / "records" / collection
        folder.mkdir(parents=True)
        for name in names:
            (folder / Path(name).name).symlink_to(source / name)
    summary = build_index([directory / "records"], directory / "index", ocr="off")
    assert summary["failed"] == [] and summary["added"] == len(AGENCY_LISTS) + 2 + len(SAMPLES)
    return directory / "index"


# Elements, among those the page shows, that reach past the right edge of the viewport.
OVERFLOW_JS = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.body.querySelectorAll("*")) {
        if (!el.checkVisibility()) continue;
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.right > width + 0.5) {
            const name = el.tagName.toLowerCase() + (el.className ? "." + el.className : "");
            wide.push(`${name} ${Math.round(box.left)}..${Math.round(box.right)}px: `
                + (el.textContent || "").trim().slice(0, 60));
        }
    }
    return {scroll: document.documentElement.scrollWidth, viewport: window.innerWidth,
            wide: wide.slice(0, 10)};
}"""


def overflow(page: Any) -> list[str]:
    """What makes the page wider than its viewport, with every <details> opened (what a
    reader may open must fit too): [] when it fits."""
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    found = page.evaluate(OVERFLOW_JS)
    problems = list(found["wide"])
    if found["scroll"] > found["viewport"]:
        problems.insert(0, f"{page.url} is {found['scroll']}px wide in {found['viewport']}px")
    return problems
