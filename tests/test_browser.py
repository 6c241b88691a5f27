"""The site in a real browser: Debian's chromium, headless, driven by Playwright, against
`readingroom serve` on a loopback port. Every path runs with JavaScript on and off; axe-core
checks the pages for serious and critical accessibility problems; long real records must fit a
phone. A failing test saves a screenshot under tests/browser/screenshots/ and names it in the
report."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from app.views import AGENCIES_SHOWN, PAGE_WINDOW

from .browser.support import (
    AGENCY_LISTS,
    LONG_QUERY,
    LONGEST,
    ScreenshotOnFailure,
    axe_violations,
    chromium,
    long_records_index,
    overflow,
)
from .conftest import requires_shared
from .serving import running_server

BATES = re.compile(r"ICE-2019-FOIA-\d{6}")
QUERY = '"license plate"'
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def site(browser: Any, sample_index: Path) -> Iterator[str]:
    with running_server(sample_index) as base:
        yield base


@pytest.fixture(scope="session")
def long_site(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site over long real records (see tests/browser/support.py)."""
    with running_server(long_records_index(tmp_path_factory.mktemp("long"))) as base:
        yield base


@pytest.fixture(scope="session")
def screenshots(request: pytest.FixtureRequest) -> Iterator[ScreenshotOnFailure]:
    plugin = ScreenshotOnFailure()
    request.config.pluginmanager.register(plugin, "readingroom-browser-screenshots")
    yield plugin
    request.config.pluginmanager.unregister(plugin)


def open_page(
    request: pytest.FixtureRequest,
    browser: Any,
    site: str,
    screenshots: ScreenshotOnFailure,
    **options: Any,
) -> Iterator[Any]:
    context = browser.new_context(base_url=site, viewport=DESKTOP, **options)
    if options.get("java_script_enabled", True):
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems: list[str] = []
    page.on(
        "console",
        lambda m: (
            problems.append(f"{m.text} ({m.location.get('url')})") if m.type == "error" else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    page.problems = problems  # console errors, CSP violations and failed loads included
    screenshots.pages[request.node.nodeid] = page
    try:
        yield page
    finally:
        screenshots.pages.pop(request.node.nodeid, None)
        context.close()


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def js(request: pytest.FixtureRequest) -> bool:
    return request.param


@pytest.fixture
def page(request, browser, site, screenshots, js) -> Iterator[Any]:
    yield from open_page(request, browser, site, screenshots, java_script_enabled=js)


@pytest.fixture
def js_page(request, browser, site, screenshots) -> Iterator[Any]:
    yield from open_page(request, browser, site, screenshots)


@pytest.fixture
def axe_page(request, browser, site, screenshots) -> Iterator[Any]:
    # axe-core is injected as a script, which the site's CSP (script-src 'self') would block.
    yield from open_page(request, browser, site, screenshots, bypass_csp=True)


@pytest.fixture
def long_page(request, browser, long_site, screenshots) -> Iterator[Any]:
    yield from open_page(request, browser, long_site, screenshots, bypass_csp=True)


# -- helpers ----------------------------------------------------------------------------------


def params(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def facet(page: Any, label: str) -> Any:
    return page.locator("section.facet").filter(has=page.get_by_role("heading", name=label))


def chips(page: Any) -> list[str]:
    return page.locator("ul.chips li a:not(.clear)").all_inner_texts()


def total(page: Any) -> int:
    return int(page.locator(".summary strong").first.inner_text().replace(",", ""))


def page_number(page: Any) -> int:
    return int(re.search(r"/pages/(\d+)", page.url).group(1))


def marks(page: Any) -> list[str]:
    return [m.lower() for m in page.locator("pre.text mark").all_inner_texts()]


def no_problems(page: Any) -> None:
    assert page.problems == [], f"console errors on {page.url}: {page.problems}"


def tab_to(page: Any, test: str, limit: int = 40) -> int:
    """Presses Tab until the focused element passes the JavaScript predicate `test` (given
    `el`); returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {test}; }})()"):
            return presses
    raise AssertionError(f"no element matching {test} within {limit} Tab presses on {page.url}")


def focused_outline(page: Any) -> str:
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle")


# -- search, facets, hits, citation, agencies -------------------------------------------------


def test_search_toggle_and_clear_facets(page):
    page.goto("/")
    page.fill("#q", QUERY)
    page.press("#q", "Enter")
    page.wait_for_url("**/search?*")
    assert params(page)["q"] == [QUERY]
    everything = total(page)
    assert everything > 5
    assert page.locator("ol.hits > li.result").count() > 0

    agency = facet(page, "Agency").locator("li a").first
    name = agency.locator(".value").inner_text()
    agency.click()
    page.wait_for_url("**agency=*")
    assert params(page)["agency"] == [name]
    assert chips(page) == [f"Agency: {name} ×"]
    selected = facet(page, "Agency").locator("li.selected a")
    assert selected.locator(".value").inner_text() == name
    assert selected.get_attribute("aria-current") == "true"
    assert 0 < total(page) <= everything

    selected.click()  # toggles it off again
    page.wait_for_url(lambda url: "agency=" not in url)
    assert chips(page) == [] and total(page) == everything

    facet(page, "Agency").locator("li a").first.click()
    page.wait_for_url("**agency=*")
    facet(page, "Document type").locator("li:not(.selected) a").first.click()
    page.wait_for_url("**doc_type=*")
    assert len(chips(page)) == 2
    narrowed = total(page)
    page.get_by_role("link", name=re.compile("^Remove filter Document type")).click()
    page.wait_for_url(lambda url: "doc_type=" not in url)
    assert len(chips(page)) == 1 and total(page) >= narrowed

    page.get_by_role("link", name="Clear all").click()
    page.wait_for_url(lambda url: "agency=" not in url)
    assert params(page) == {"q": [QUERY]}
    assert chips(page) == [] and total(page) == everything
    no_problems(page)


def test_open_hit_next_hit_and_cite(page, js):
    page.goto("/search?q=%22license+plate%22&collection=ice-foia-2019")
    first = page.locator("li.result").first
    title = first.locator("h2").inner_text()
    first.locator("ul.pagehits a").first.click()
    page.wait_for_url("**/documents/*/pages/*")
    assert params(page)["q"] == [QUERY]
    assert title in page.locator(".crumbs").inner_text()
    found = marks(page)
    assert found and all(m in ("license plate", "license plates") for m in found), found
    here = page_number(page)

    if js:
        page.keyboard.press("j")
    else:
        page.get_by_role("link", name="Next hit ↓").click()
    page.wait_for_url(lambda url: f"/pages/{here}?" not in url)
    assert page_number(page) > here
    assert page.locator("p.keys").is_visible() == js, "the hint for keys needs JavaScript"
    assert marks(page), "the next hit's page has no highlighted terms"
    assert params(page)["q"] == [QUERY]

    citation = page.locator("textarea#citation")
    text = citation.input_value().strip()
    bates = page.locator(".crumbs strong").inner_text()
    assert BATES.fullmatch(bates) and bates in text
    assert citation.get_attribute("readonly") is not None
    copy = page.locator("button.copy")
    if js:
        copy.click()
        expect(copy).to_have_text("Copied")  # waits: the clipboard write is a promise
        assert page.evaluate("navigator.clipboard.readText()") == text
    else:
        assert copy.is_hidden()
    no_problems(page)


def test_agency_page(page):
    page.goto("/")
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Agencies").click()
    page.wait_for_url("**/agencies")
    assert page.get_by_role("heading", level=1).inner_text() == "Agencies"
    everyone = page.locator("ul.agency-tree a").count()
    page.fill("#agency-filter", "Long Beach")
    page.press("#agency-filter", "Enter")
    page.wait_for_url("**/agencies?q=*")
    assert 0 < page.locator("ul.agency-tree a").count() < everyone
    page.get_by_role("link", name="Show all").click()
    page.wait_for_url(lambda url: "q=" not in url)
    assert page.locator("ul.agency-tree a").count() == everyone
    page.locator("ul.agency-tree a", has_text="Immigration and Customs Enforcement").first.click()
    page.wait_for_url("**/agencies/*")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert "Immigration and Customs Enforcement" in heading
    documents = page.locator(".agency-documents li.result h3 a")
    assert documents.count() > 0
    title = documents.first.inner_text()
    documents.first.click()
    page.wait_for_url("**/documents/*")
    assert page.get_by_role("heading", level=1).inner_text() == title
    no_problems(page)


# -- keyboard only ----------------------------------------------------------------------------


def test_keyboard_only_search_facets_and_hits(page, js):
    page.goto("/")
    assert tab_to(page, "el.id === 'q'", limit=5) <= 3  # skip link, brand, search box
    page.keyboard.type("license plate")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?*")
    assert params(page)["q"] == ["license plate"]

    tab_to(page, "el.matches('section.facet li a')")
    assert focused_outline(page) != "none", "a focused facet link shows no outline"
    value = page.evaluate("document.activeElement.querySelector('.value').textContent")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?*&*=*")
    assert value in " ".join(chips(page))

    tab_to(page, "el.matches('ul.pagehits a')", limit=80)
    page.keyboard.press("Enter")
    page.wait_for_url("**/documents/*/pages/*")
    here = page_number(page)
    if page.locator("a[data-key=j]").count() == 0:
        pytest.fail(f"{page.url}: the first hit should have a next hit")
    if js:
        page.keyboard.press("j")
    else:
        tab_to(page, "el.matches('a[data-key=j]')")
        page.keyboard.press("Enter")
    page.wait_for_url(lambda url: f"/pages/{here}?" not in url)
    assert page_number(page) != here and marks(page)
    no_problems(page)


def test_keys_do_nothing_while_typing(js_page):
    page = js_page
    page.goto("/search?q=%22license+plate%22&collection=ice-foia-2019")
    page.locator("ul.pagehits a").first.click()
    page.wait_for_url("**/documents/*/pages/*")
    url = page.url
    next_hit = page.locator("a[data-key=j]").evaluate("a => a.href")
    # Record every navigation the page starts, and cancel it so the page stays to be asked;
    # and note each key once the page's own handler (on document) has had it, since a
    # listener on window hears a key after those on document.
    page.evaluate(
        """() => {
            window.started = [];
            window.heard = [];
            navigation.addEventListener("navigate", (event) => {
                window.started.push(event.destination.url);
                event.preventDefault();
            });
            window.addEventListener("keydown", (event) => window.heard.push(event.key));
        }"""
    )
    page.focus("#q")
    page.keyboard.press("j")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("window.heard.length === 2")
    assert page.evaluate("window.started") == []
    assert page.url == url and "j" in page.input_value("#q")
    # the same key outside the search box does move: the page's keys work, and are heard
    page.locator("#q").blur()
    page.keyboard.press("j")
    page.wait_for_function("window.heard.length === 3")
    assert page.evaluate("window.started") == [next_hit]


# -- accessibility (axe-core) -----------------------------------------------------------------


def _search_with_facets(page):
    page.goto("/search?q=%22license+plate%22")
    facet(page, "Agency").locator("li a").first.click()
    page.wait_for_url("**agency=*")
    facet(page, "Document type").locator("li:not(.selected) a").first.click()
    page.wait_for_url("**doc_type=*")


def _document(page):
    page.goto("/search?q=%22license+plate%22&collection=ice-foia-2019")
    page.locator("li.result h2 a").first.click()
    page.wait_for_url("**/documents/*")


def _page_from_search(page):
    page.goto("/search?q=%22license+plate%22&collection=ice-foia-2019")
    page.locator("ul.pagehits a").first.click()
    page.wait_for_url("**/documents/*/pages/*")


def _agency(page):
    page.goto("/agencies")
    page.locator("ul.agency-tree a", has_text="Immigration and Customs Enforcement").first.click()
    page.wait_for_url("**/agencies/*")


def _vendor(page):
    page.goto("/vendors")
    page.locator("ul.vendor-list a").first.click()
    page.wait_for_url("**/vendors/*")


PAGES = {
    "search-with-facets": _search_with_facets,
    "document": _document,
    "page-from-search": _page_from_search,
    "agencies": lambda page: page.goto("/agencies"),
    "agency": _agency,
    "vendors": lambda page: page.goto("/vendors"),
    "vendor": _vendor,
    "status": lambda page: page.goto("/status"),
    "bad-query": lambda page: page.goto("/search?q=%22unclosed"),
    "not-found": lambda page: page.goto("/documents/0000000000000000"),
}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_axe_finds_no_serious_violations(axe_page, name, viewport):
    if viewport == "phone":
        axe_page.set_viewport_size(PHONE)
    PAGES[name](axe_page)
    violations = axe_violations(axe_page)
    assert violations == [], f"axe-core on {axe_page.url}:\n" + "\n".join(violations)


def test_axe_reports_what_it_finds(axe_page):
    """The check itself: a picture without a text alternative is a critical violation."""
    axe_page.goto("/status")
    axe_page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        "'<img src=\"/static/favicon.svg\">')"
    )
    violations = axe_violations(axe_page)
    assert any(v.startswith("image-alt (critical)") for v in violations), violations


# -- layout -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["search-with-facets", "document", "page-from-search", "agency", "vendor"]
)
def test_phone_layout_does_not_scroll_sideways(axe_page, name):
    axe_page.set_viewport_size(PHONE)
    PAGES[name](axe_page)
    assert overflow(axe_page) == []


def json_twin(page: Any) -> dict[str, Any]:
    """The JSON twin the page links to, fetched by the browser's context."""
    href = page.locator('link[rel=alternate][type="application/json"]').get_attribute("href")
    response = page.request.get(href)
    assert response.ok, href
    return response.json()


def excerpt_top(page: Any) -> float:
    """How far down the page the first excerpt of the first result starts, in CSS pixels."""
    return page.locator("li.result ul.pagehits").first.bounding_box()["y"] + page.evaluate(
        "() => window.scrollY"
    )


@requires_shared
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_long_records_fit_the_screen_and_name_a_handful_of_agencies(long_page, viewport):
    page = long_page
    page.set_viewport_size(viewport)
    for query, first in [
        (LONG_QUERY, None),
        (f"({LONG_QUERY}) Irvine", "Irvine Police Department"),
    ]:
        page.goto("/search?" + urlencode({"q": query}))
        data = json_twin(page)
        results = page.locator("li.result")
        assert results.count() == len(data["results"]) >= len(AGENCY_LISTS)
        # the excerpts start within the first screen or two, not after hundreds of names
        limit = 900 if viewport is LAPTOP else 2 * viewport["height"]
        assert excerpt_top(page) < limit, f"the first excerpt starts {excerpt_top(page)}px down"
        long_lists = 0
        for n, result in enumerate(data["results"]):
            shown = results.nth(n).locator(".agencies .agency").all_inner_texts()
            assert shown == result["agencies_shown"] and len(shown) <= AGENCIES_SHOWN
            more = results.nth(n).locator("a.more-agencies")
            left = len(result["agencies"]) - len(shown)
            if left:
                long_lists += left > 100
                assert more.text_content() == f"+ {left:,} more agencies"
                assert more.get_attribute("href") == f"{result['url']}#entities-agency"
            else:
                assert more.count() == 0
            if first and first in result["agencies"]:
                assert shown[0] == first
        assert long_lists == len(AGENCY_LISTS)
        assert overflow(page) == []
        violations = axe_violations(page)
        assert violations == [], f"axe-core on {page.url}:\n" + "\n".join(violations)


@requires_shared
def test_more_agencies_leads_to_the_documents_list_of_them_all(long_page):
    page = long_page
    page.goto("/search?" + urlencode({"q": LONG_QUERY}))
    more = page.locator("a.more-agencies").first
    total = len(json_twin(page)["results"][0]["agencies"])
    more.click()
    page.wait_for_url("**/documents/*#entities-agency")
    section = page.locator("#entities-agency")
    expect(section).to_be_in_viewport()
    assert section.locator("h2 .count").inner_text() == str(total)
    assert section.locator("li").count() == total  # the first ones listed, the rest folded


@requires_shared
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_longest_document_fits_and_loads_one_window_of_thumbnails(long_page, viewport):
    page = long_page
    page.set_viewport_size(viewport)
    page.goto("/search?" + urlencode({"q": "appendix"}))
    (longest,) = [r for r in json_twin(page)["results"] if r["page_count"] == 196]
    thumbnails: list[str] = []
    page.on("request", lambda r: thumbnails.append(r.url) if "size=thumb" in r.url else None)
    page.goto(longest["url"])
    page.wait_for_load_state("load")
    assert json_twin(page)["file_names"][0].endswith(LONGEST)
    # bring the page list into view: the open window's thumbnails load, the others wait
    window = page.locator("details.pagewindow[open]")
    assert window.count() == 1 and page.locator("details.pagewindow").count() == 9
    for image in window.locator("img").all():
        image.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('details.pagewindow[open] img')]"
        ".every(image => image.complete && image.naturalWidth > 0)"
    )
    opened = window.locator("img").evaluate_all("images => images.map(image => image.src)")
    assert len(opened) == PAGE_WINDOW
    assert sorted(set(thumbnails)) == sorted(opened)
    folded = page.evaluate(
        "() => [...document.querySelectorAll('details.pagewindow:not([open]) img')]"
        ".filter(image => image.complete).length"
    )
    assert folded == 0
    # every page stays one click away
    numbers = page.get_by_role("navigation", name="Go to page").get_by_role("link")
    assert numbers.count() == 196 and numbers.last.inner_text() == "196"
    violations = axe_violations(page)
    assert violations == [], f"axe-core on {page.url}:\n" + "\n".join(violations)
    assert overflow(page) == []
