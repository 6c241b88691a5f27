"""The page data of app/views.py (and of the facet page), built on the real sample library
with the site's own URLs: the values each page shows, and the links it makes."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from app import facet_views, views
from app.agency_order import AgencyOrder
from app.citation import bates_range, bates_text
from app.main import Settings, create_app
from app.urls import Urls
from indexer.facets import BY_NAME, NAMES
from indexer.search import SearchRequest

BASE = "https://records.example.org"
ICE = "U.S. Immigration and Customs Enforcement"
CONTRACT = "ICE_LPR_Contract_70CMSD18C00000003.pdf"


@pytest.fixture(scope="module")
def urls(sample_index: Path) -> Urls:
    return create_app(Settings(index_dir=sample_index, base_url=BASE)).state.urls


def sample(truth: dict[str, Any], name: str) -> dict[str, Any]:
    return next(f for f in truth["files"] if f["path"].endswith(name))


def originals(truth: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in truth["files"] if f["duplicate_of"] is None]


# -- dates and parameters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-03-20", "2018-03-20"),
        ("2018-03", "2018-03"),
        ("2018", "2018"),
        ("2018-02-30", None),
        ("2018-13-01", None),
        ("0000", None),
        ("FY2019", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date_is_only_what_html_time_accepts(value, expected):
    assert views.iso_date(value) == expected


def test_request_params_reproduce_a_search_in_facet_order_without_its_page():
    request = SearchRequest(
        q="plate",
        filters={"year": ("2018",), "agency": (ICE, "Long Beach Police Department")},
        date_from="2018-01-01",
        sort="-date",
        page=3,
        per_page=5,
    )
    assert views.request_params(request) == [
        ("q", "plate"),
        ("agency", ICE),
        ("agency", "Long Beach Police Department"),
        ("year", "2018"),
        ("date_from", "2018-01-01"),
        ("date_to", ""),
        ("sort", "-date"),
        ("per_page", "5"),
    ]
    assert views.request_params(SearchRequest()) == [("q", ""), ("date_from", ""), ("date_to", "")]


# -- the results page -------------------------------------------------------------------------


def test_a_collection_browsed_counts_its_documents_and_offers_every_facet(library, urls, truth):
    counts: dict[str, int] = {}
    for f in originals(truth):
        counts[f["collection"]] = counts.get(f["collection"], 0) + 1
    data = views.search_data(library, SearchRequest(), urls)
    assert data["total"] == sum(counts.values())
    assert list(data["facets"]) == list(NAMES)
    assert data["facet_labels"] == {name: BY_NAME[name].label for name in NAMES}
    listed = {v["value"]: v["count"] for v in data["facets"]["collection"]}
    assert set(listed) == set(counts)
    for collection in ("ice-foia-2019", "long-beach-pra-2019"):  # no copies of other releases
        assert listed[collection] == counts[collection]
    ice = views.search_data(
        library, SearchRequest(filters={"collection": ("ice-foia-2019",)}), urls
    )
    assert ice["total"] == counts["ice-foia-2019"]
    (chosen,) = [v for v in ice["facets"]["collection"] if v["selected"]]
    assert chosen == {
        "value": "ice-foia-2019",
        "count": counts["ice-foia-2019"],
        "selected": True,
        "toggle_url": "/search?",  # the empty search
    }


def test_results_link_their_document_and_the_pages_that_match(library, urls):
    data = views.search_data(library, SearchRequest(q='"license plate"'), urls)
    assert data["total"] == len(data["results"]) > 5
    for row in data["results"]:
        assert row["url"] == f"/documents/{row['id']}"
        assert row["agencies_url"] == f"/documents/{row['id']}#entities-agency"
        assert row["hits"], row["id"]
        for hit in row["hits"]:
            assert hit["url"] == f"/documents/{row['id']}/pages/{hit['page']}?q=%22license+plate%22"
            assert "<mark>" in hit["excerpt"]
        assert row["agencies_more"] == len(row["agencies"]) - len(row["agencies_shown"])
        assert len(row["agencies_shown"]) == min(views.AGENCIES_SHOWN, len(row["agencies"]))


def test_chips_name_each_filter_and_link_the_search_without_it(library, urls):
    request = SearchRequest(filters={"year": ("2018",)}, date_from="2018-01-01")
    data = views.search_data(library, request, urls)
    assert data["chips"] == [
        {
            "facet": "year",
            "label": "Year",
            "value": "2018",
            "remove_url": "/search?date_from=2018-01-01",
        },
        {
            "facet": "date_from",
            "label": "From",
            "value": "2018-01-01",
            "remove_url": "/search?year=2018",
        },
    ]


def test_links_page_sort_export_and_keep_the_filters(library, urls):
    request = SearchRequest(
        q="plate", filters={"doc_type": ("email",)}, sort="date", page=2, per_page=2
    )
    data = views.search_data(library, request, urls)
    assert data["pages"] > 2
    search = "q=plate&doc_type=email"
    assert data["links"] == {
        "self": f"/search?{search}&sort=date&per_page=2&page=2",
        "json": f"/api/search?{search}&sort=date&per_page=2&page=2",
        "prev": f"/search?{search}&sort=date&per_page=2",
        "next": f"/search?{search}&sort=date&per_page=2&page=3",
        "sort_relevance": f"/search?{search}&per_page=2",
        "sort_date": f"/search?{search}&per_page=2&sort=date",
        "sort_date_desc": f"/search?{search}&per_page=2&sort=-date",
        "sort_indexed_desc": f"/search?{search}&per_page=2&sort=-indexed",
        "clear": "/search?q=plate",
        "csv": f"/api/search.csv?{search}&sort=date&per_page=2",
        "jsonl": f"/api/search.jsonl?{search}&sort=date&per_page=2",
        "atom": f"/search.atom?{search}&per_page=2",
    }
    assert data["facet_totals"]["agency"]["url"] == (
        f"/search/facets/agency?{search}&sort=date&per_page=2"
    )


def test_newest_arrivals_first(library, urls):
    data = views.search_data(library, SearchRequest(sort="-indexed", per_page=100), urls)
    assert data["sort"] == "-indexed"
    arrivals = [
        (library.catalog.document(row["id"]).indexed_at, row["id"]) for row in data["results"]
    ]
    assert len(arrivals) == data["total"] > 40
    assert arrivals == sorted(arrivals, reverse=True)


def test_a_misspelled_search_suggests_the_words_of_the_records(library, urls):
    data = views.search_data(library, SearchRequest(q="licnse plate"), urls)
    assert data["total"] == 0
    assert data["suggestion"] == {"query": "license plate", "url": "/search?q=license+plate"}


# -- which agencies a result names ------------------------------------------------------------


AGENCIES = [
    "Department of Homeland Security",
    ICE,
    "Long Beach Police Department",
    "Sacramento Police Department",
]
MENTIONS = {"Department of Homeland Security": 9, ICE: 2, "Sacramento Police Department": 5}


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        (SearchRequest(), ["Department of Homeland Security", "Sacramento Police Department"]),
        (SearchRequest(q="ICE"), [ICE, "Department of Homeland Security"]),
        (SearchRequest(q="agency:ice"), [ICE, "Department of Homeland Security"]),
        (SearchRequest(q='"long beach" plate'), ["Long Beach Police Department", AGENCIES[0]]),
        (SearchRequest(q="sacra*"), ["Sacramento Police Department", AGENCIES[0]]),
        (
            SearchRequest(q="ICE", filters={"agency": ("Long Beach Police Department",)}),
            ["Long Beach Police Department", ICE],
        ),
        (SearchRequest(q="ice NOT ICE"), ["Department of Homeland Security", AGENCIES[3]]),
    ],
)
def test_agencies_selected_or_named_by_the_query_come_first(request_, expected):
    assert AgencyOrder.of(request_).first(AGENCIES, MENTIONS, 2) == expected


# -- a document and its pages -----------------------------------------------------------------


def test_document_data_links_cites_and_bates_the_record(library, urls, truth):
    record = sample(truth, CONTRACT)
    doc_id = record["sha256"][:16]
    view = library.document(doc_id)
    hits = library.document_hits(doc_id, "contract")
    data = views.document_data(view, "contract", urls, hits)
    first, last = record["bates_range"]
    assert (data["id"], data["title"], data["date"]) == (doc_id, record["title"], record["date"])
    assert data["date_iso"] == record["date"]
    assert data["bates_range"] == [first, last]
    assert data["url"] == f"/documents/{doc_id}"
    assert data["pdf_url"] == f"/documents/{doc_id}/pdf"
    assert data["links"] == {"json": f"/api/documents/{doc_id}?q=contract"}
    assert [p["number"] for p in data["pages"]] == [p["number"] for p in record["pages"]]
    assert [p["bates"] for p in data["pages"]] == [p["bates"] for p in record["pages"]]
    assert data["pages"][1]["url"] == f"/documents/{doc_id}/pages/2?q=contract"
    assert data["pages"][1]["thumbnail_url"] == f"/documents/{doc_id}/pages/2.png?size=thumb"
    assert [h["page"] for h in data["hits"]] == [h.page for h in hits] != []
    cite = data["citation"]
    assert cite["permalink"] == f"{BASE}/documents/{doc_id}"
    assert cite["text"] == (
        f"{ICE}, {cite['title']} (Dec. 18, 2017), {first} – {last}, ice-foia-2019, "
        f"{BASE}/documents/{doc_id}"
    )
    assert (cite["ris_url"], cite["bibtex_url"], cite["csl_json_url"]) == tuple(
        f"/documents/{doc_id}/cite.{kind}" for kind in ("ris", "bib", "json")
    )
    meta = dict(data["meta"])
    assert meta["citation_pdf_url"] == f"{BASE}/documents/{doc_id}/pdf"
    assert meta["citation_technical_report_number"] == f"{first} – {last}"
    assert meta["citation_lastpage"] == str(len(record["pages"]))
    agency = next(e for e in data["entities"]["agency"] if e["value"] == ICE)
    assert agency["search_url"] == "/search?agency=U.S.+Immigration+and+Customs+Enforcement"
    contract = next(c for c in data["entities"]["contract"] if c["value"] == "70CMSD18C00000003")
    assert contract["search_url"] == "/search?contract=70CMSD18C00000003"


def test_page_data_links_its_neighbours_and_hits(library, urls, truth):
    record = sample(truth, CONTRACT)
    doc_id = record["sha256"][:16]
    data = views.page_data(library.page(doc_id, 1, "contract"), "contract", urls)
    assert data["number"] == 1
    assert data["bates"] == record["pages"][0]["bates"]
    assert data["hit_pages"]
    assert data["document"]["url"] == f"/documents/{doc_id}?q=contract"
    assert data["permalink"] == f"{BASE}/documents/{doc_id}/pages/1"
    assert data["citation"].endswith(
        f", {record['pages'][0]['bates']}, ice-foia-2019, {BASE}/documents/{doc_id}/pages/1"
    )
    assert data["image_url"] == f"/documents/{doc_id}/pages/1.png"
    following = [n for n in data["hit_pages"] if n > 1]
    assert data["links"] == {
        "prev": None,
        "next": f"/documents/{doc_id}/pages/2?q=contract",
        "prev_hit": None,
        "next_hit": f"/documents/{doc_id}/pages/{following[0]}?q=contract" if following else None,
        "json": f"/api/documents/{doc_id}/pages/1?q=contract",
    }


def test_bates_range_is_the_lowest_and_highest_stamp_written_once():
    assert bates_range(["ICE-000003", "ICE-000001", "ICE-000002"]) == ("ICE-000001", "ICE-000003")
    assert bates_range([]) is None
    assert bates_text(("ICE-000001", "ICE-000003")) == "ICE-000001 – ICE-000003"
    assert bates_text(["ICE-000001", "ICE-000001"]) == "ICE-000001"


# -- one facet in full ------------------------------------------------------------------------


def test_facet_page_lists_values_containing_the_text_with_its_links(library, urls):
    request = SearchRequest(q="license")
    data = facet_views.facet_data(library, request, BY_NAME["agency"], urls, "police")
    assert (data["facet"], data["label"], data["query"]) == ("agency", "Agency", "license")
    assert data["count"] == len(data["values"]) > 2
    assert all("police" in v["value"].lower() for v in data["values"])
    every = {v.value: v.count for v in library.facet_values(request, "agency", "police")}
    assert {v["value"]: v["count"] for v in data["values"]} == every
    value = data["values"][0]
    assert value["toggle_url"] == "/search?" + urlencode({"q": "license", "agency": value["value"]})
    assert data["params"] == [("q", "license")]
    assert data["links"] == {
        "self": "/search/facets/agency",
        "all": "/search/facets/agency?q=license",
        "results": "/search?q=license",
        "json": "/api/search/facets/agency?q=license&contains=police",
    }
