"""What keeps pages short and valid whatever the records hold: a result names a handful of its
agencies (those the search asks about first) and counts the rest; a long document's page list
shows one window of thumbnails; <time> carries only dates HTML accepts. Checked in the JSON and
the HTML of the real app, over sample_docs/ and over long real records."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from app.main import Settings, create_app
from app.views import AGENCIES_SHOWN, PAGE_WINDOW, iso_date

from .browser.support import AGENCY_LISTS, FISCAL_YEAR, LONG_QUERY, LONGEST, long_records_index
from .conftest import requires_shared

TIME = re.compile(r"<time\b([^>]*)>")
DATETIME = re.compile(r'\bdatetime="([^"]*)"')
AGENCY = re.compile(r'<span class="agency">(.*?)</span>')
MORE = re.compile(r'<a class="more-agencies" href="([^"]+)">\+ ([\d,]+) more<')


@pytest.fixture(scope="module")
def long_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    index = long_records_index(tmp_path_factory.mktemp("long"))
    app = create_app(Settings(index_dir=index, base_url="https://records.example.org"))
    with TestClient(app) as test_client:
        yield test_client


def get(client: TestClient, url: str, **params: object) -> str:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.text


def api(client: TestClient, url: str, **params: object) -> dict:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def result_blocks(page: str) -> list[str]:
    """The HTML of each result of a results page, in order."""
    return page.split('<li class="result">')[1:]


def valid_datetime(value: str) -> bool:
    """HTML's year, month and date strings (the only ones these pages need)."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            date.fromisoformat(value)
        elif re.fullmatch(r"\d{4}-\d{2}", value):
            date.fromisoformat(value + "-01")
        elif not re.fullmatch(r"\d{4}", value):
            return False
    except ValueError:
        return False
    return value != "0000"


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-03-20", "2018-03-20"),
        ("2018-03", "2018-03"),
        ("2018", "2018"),
        ("FY2019", None),
        ("FY 2019", None),
        ("2018-13", None),
        ("2018-00", None),
        ("2019-02-29", None),
        ("2020-02-29", "2020-02-29"),
        ("0000", None),
        ("18-03-20", None),
        ("2018-3-1", None),
        ("2018-03-20T10:00", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date_accepts_only_dates_html_accepts(value, expected):
    assert iso_date(value) == expected


def test_every_time_element_of_the_sample_pages_has_a_valid_datetime(client):
    results = api(client, "/api/search", per_page=100)["results"]
    assert len(results) > 20
    pages = [get(client, "/search", per_page=100)]
    pages += [get(client, r["url"]) for r in results]
    stamps = [tag for page in pages for tag in TIME.findall(page)]
    assert len(stamps) > len(results)  # one in the results and one on each document page
    values = [DATETIME.search(tag) for tag in stamps]
    assert all(values), [tag for tag, v in zip(stamps, values, strict=True) if not v]
    assert [v[1] for v in values if not valid_datetime(v[1])] == []


@requires_shared
def test_a_fiscal_year_is_shown_without_a_datetime(long_client):
    found = api(long_client, "/api/search", q="encounter")["results"]
    (record,) = [r for r in found if r["date"] == "FY2025"]
    assert record["date_iso"] is None
    document = api(long_client, f"/api/documents/{record['id']}")
    assert document["file_names"][0].endswith(FISCAL_YEAR)
    assert document["date"] == "FY2025" and document["date_iso"] is None
    for page in (get(long_client, "/search", q="encounter"), get(long_client, record["url"])):
        assert "FY2025" in page
        assert [tag for tag in TIME.findall(page) if "FY" in tag] == []
        assert all(valid_datetime(v) for v in DATETIME.findall(page))


# -- agencies of a result ---------------------------------------------------------------------


def check_agencies(client: TestClient, **params: object) -> list[dict]:
    """The results of a search, after checking that each one's HTML names exactly the agencies
    its JSON shows, and counts the rest."""
    results = api(client, "/api/search", **params)["results"]
    blocks = result_blocks(get(client, "/search", **params))
    assert len(blocks) == len(results)
    for result, block in zip(results, blocks, strict=True):
        everyone, shown = result["agencies"], result["agencies_shown"]
        assert len(shown) == min(AGENCIES_SHOWN, len(everyone))
        assert len(set(shown)) == len(shown) and set(shown) <= set(everyone)
        assert result["agencies_more"] == len(everyone) - len(shown)
        assert [html.unescape(name) for name in AGENCY.findall(block)] == shown
        more = MORE.search(block)
        if result["agencies_more"]:
            assert more is not None, block[:400]
            assert more[1] == f"/documents/{result['id']}#entities-agency"
            assert int(more[2].replace(",", "")) == result["agencies_more"]
        else:
            assert more is None
    return results


@requires_shared
def test_long_agency_lists_show_a_handful_and_count_the_rest(long_client):
    results = check_agencies(long_client, q=LONG_QUERY)
    files = {
        r["id"]: api(long_client, f"/api/documents/{r['id']}")["file_names"][0] for r in results
    }
    lists = [r for r in results if files[r["id"]].split("/")[-1] in AGENCY_LISTS]
    assert len(lists) == len(AGENCY_LISTS)
    for result in lists:
        # the JSON keeps every agency: those the document's own page lists
        document = api(long_client, f"/api/documents/{result['id']}")
        named = {e["value"] for e in document["entities"]["agency"]}
        assert set(result["agencies"]) == named and len(named) > 100
        assert result["agencies_more"] == len(named) - AGENCIES_SHOWN
        # and the document page lists them all, under the anchor "+ N more" links to
        page = get(long_client, result["url"])
        section = page.split('id="entities-agency"', 1)[1].split("</section>", 1)[0]
        assert section.count("<li>") == len(named)
    assert any(len(r["agencies"]) <= AGENCIES_SHOWN for r in results)  # a short one, in full


@requires_shared
def test_agencies_the_query_names_come_first(long_client):
    for q in (f"({LONG_QUERY}) Irvine", f"({LONG_QUERY}) AND agency:Irvine", "irvi* AND report"):
        results = check_agencies(long_client, q=q)
        listing = [r for r in results if "Irvine Police Department (CA)" in r["agencies"]]
        assert len(listing) >= len(AGENCY_LISTS), q
        assert all(r["agencies_shown"][0] == "Irvine Police Department (CA)" for r in listing), q


@requires_shared
def test_agencies_selected_in_the_facet_come_first(long_client):
    chosen = ["Westminster Police Department (CA)", "Brea Police Department"]
    results = check_agencies(long_client, q=LONG_QUERY, agency=chosen)
    assert len(results) >= 2
    for result in results:
        wanted = [name for name in result["agencies"] if name in chosen]
        assert wanted and sorted(result["agencies_shown"][: len(wanted)]) == sorted(wanted)


def test_an_abbreviation_names_its_agency(client):
    cbp = "U.S. Customs and Border Protection"
    browsed = {r["id"]: r["agencies_shown"] for r in check_agencies(client, per_page=100)}
    for q in ("agency:CBP", 'CBP AND "license plate"'):
        results = check_agencies(client, q=q, per_page=100)
        several = [r for r in results if cbp in r["agencies"] and len(r["agencies"]) > 1]
        assert several, q
        assert all(r["agencies_shown"][0] == cbp for r in several), q
        # where nothing asks for CBP, other agencies of these records come before it
        assert any(browsed[r["id"]][0] != cbp for r in several), q


# -- a long document's pages ------------------------------------------------------------------


@requires_shared
def test_a_long_document_shows_one_window_of_thumbnails(long_client):
    found = api(long_client, "/api/search", q="appendix", per_page=100)["results"]
    (longest,) = [r for r in found if r["page_count"] == 196]
    assert api(long_client, f"/api/documents/{longest['id']}")["file_names"][0].endswith(LONGEST)
    document = api(long_client, longest["url"].replace("/documents", "/api/documents"))
    assert [p["number"] for p in document["pages"]] == list(range(1, 197))
    assert document["page_window"] == PAGE_WINDOW

    page = get(long_client, longest["url"])
    pagelist = page.split('id="pages"', 1)[1]
    windows = pagelist.split('<details class="pagewindow"')[1:]
    assert len(windows) == math.ceil(196 / PAGE_WINDOW)
    assert [w.startswith(" open>") for w in windows] == [True] + [False] * (len(windows) - 1)
    thumbs = [re.findall(r'src="/documents/\w+/pages/(\d+)\.png\?size=thumb"', w) for w in windows]
    assert thumbs[0] == [str(n) for n in range(1, PAGE_WINDOW + 1)]
    assert [n for window in thumbs for n in window] == [str(n) for n in range(1, 197)]
    assert "<summary>Pages 193–196</summary>" in windows[-1]
    # every page is one plain link away, folded or not
    numbers = pagelist.split('<nav class="pagenumbers"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<a href="/documents/\w+/pages/(\d+)">(\d+)</a>', numbers)
    assert links == [(str(n), str(n)) for n in range(1, 197)]


def test_a_short_document_has_one_open_window_and_no_page_numbers(client):
    results = api(client, "/api/search", q="LEARN", collection=["ice-foia-2019"])["results"]
    short = [r for r in results if 1 < r["page_count"] <= PAGE_WINDOW]
    assert short
    page = get(client, short[0]["url"])
    assert page.count('<details class="pagewindow" open>') == 1
    assert page.count('<details class="pagewindow"') == 1
    assert '<nav class="pagenumbers"' not in page
    assert page.count("?size=thumb") == short[0]["page_count"]
