"""Browsing by vendor (indexer/browse/_vendors.py, app/vendor_views.py, app/routes/vendors.py):
a small release of generated PDFs (contracts, an invoice, a memo, a quote, purchases of two
other vendors, a letter that names none) indexed by the real pipeline and read back through
the real app; slugs and paging on small hand-made catalogs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from fastapi.testclient import TestClient
from reportlab.pdfgen import canvas

from app.agency_views import DOCUMENTS_PER_PAGE, documents_page
from app.main import Settings, create_app
from indexer.browse import AgencyIndex, VendorIndex, vendor_slug
from indexer.catalog import DocumentRecord

from .conftest import build_index

ICE = "U.S. Immigration and Customs Enforcement"
LBPD = "Long Beach Police Department (CA)"

RECORDS = {
    "lbpd-contract.pdf": """AGREEMENT FOR LICENSE PLATE RECOGNITION DATA SERVICES
Issued by: Long Beach Police Department, Procurement
Dated June 12, 2019
Purchase Order 2510002336
This Agreement is made between the City of Long Beach, California ("City") and Vigilant
Solutions, LLC, a Delaware limited liability company.
Vendor: Vigilant Solutions, LLC
Total contract amount: $85,000.00
Period of performance: 07/01/2019 through 06/30/2021""",
    "ice-invoice.pdf": """INVOICE
Invoice Date: March 20, 2018
Bill From: Vigilant Solutions, LLC
Bill To: U.S. Immigration and Customs Enforcement
Contract No. 70CMSD18C00000003
Description: LEARN data access for Homeland Security Investigations
Total: $6,125.00""",
    "ice-renewal.pdf": """U.S. Immigration and Customs Enforcement
Office of Acquisition Management
MEMORANDUM
Date: February 4, 2019
Subject: Renewal of LEARN access under contract 70CMSD18C00000003
The renewal was awarded to Vigilant Solutions, LLC for another year of access.""",
    "price-quote.pdf": """PRICE QUOTE
Vendor: Vigilant Solutions, LLC
LEARN commercial data access for one agency, per year: $5,000.00
Installation and training included.""",
    "ocsd-purchase.pdf": """Orange County Sheriff's Department
Purchasing Division
Date: January 14, 2020
Subject: Purchase of forensic extraction licenses
The Orange County Sheriff's Department purchased from Cellebrite Inc. ten UFED licenses.
Vendor: Cellebrite Inc.""",
    "pasadena-renewal.pdf": """Memorandum
Date: May 2, 2017
Subject: Software renewal for the Pasadena Police Department
Vendor: Acme <script>alert</script> & Sons, Inc.
The Pasadena Police Department renewed the software.""",
    "ice-letter.pdf": """U.S. Department of Homeland Security
U.S. Immigration and Customs Enforcement
March 4, 2019
Re: Data sharing with the Long Beach Police Department
Dear Chief:
The Long Beach Police Department may share detections with federal users.
Sincerely,
Field Office Director""",
}
VIGILANT_FILES = ["lbpd-contract.pdf", "ice-renewal.pdf", "ice-invoice.pdf", "price-quote.pdf"]


def write_pdf(path: Path, text: str) -> None:
    pdf = canvas.Canvas(str(path))
    y = 740
    for line in text.split("\n"):
        pdf.drawString(60, y, line)
        y -= 16
    pdf.showPage()
    pdf.save()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("vendors") / "release" / "purchases"
    folder.mkdir(parents=True)
    for name, text in RECORDS.items():
        write_pdf(folder / name, text)
    index = tmp_path_factory.mktemp("vendors-index")
    summary = build_index([folder.parent], index)
    assert summary["added"] == len(RECORDS) and not summary["failed"]
    app = create_app(Settings(index_dir=index, base_url="https://records.example.org"))
    with TestClient(app) as test_client:
        yield test_client


def get_json(client: TestClient, url: str, status: int = 200, **params: Any) -> Any:
    # httpx would replace the query of ``url`` with even an empty ``params``
    response = client.get(url, params=params) if params else client.get(url)
    assert response.status_code == status, response.text
    return response.json()


@pytest.fixture(scope="module")
def ids(site: TestClient) -> dict[str, str]:
    """Each file's document id, by file name."""
    found = {}
    for row in get_json(site, "/api/search", per_page=100)["results"]:
        (name,) = get_json(site, f"/api/documents/{row['id']}")["file_names"]
        found[name.rsplit("/", 1)[1]] = row["id"]
    assert set(found) == set(RECORDS)
    return found


@pytest.fixture(scope="module")
def vendors(site: TestClient) -> dict[str, dict[str, Any]]:
    """The vendors of /api/vendors by name."""
    return {v["name"]: v for v in get_json(site, "/api/vendors")["vendors"]}


def named(vendors: dict[str, dict[str, Any]], start: str) -> dict[str, Any]:
    """The one vendor whose name starts with ``start`` (with or without a corporate suffix)."""
    (found,) = [v for name, v in vendors.items() if name.startswith(start)]
    return found


@pytest.fixture(scope="module")
def vigilant(site: TestClient, vendors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return get_json(site, "/api/vendors/" + named(vendors, "Vigilant Solutions")["slug"])


# -- the list ---------------------------------------------------------------------------------


def test_the_list_names_each_vendor_once_with_the_vendor_facets_count(site, vendors):
    facet = get_json(site, "/api/search")["facets"]["vendor"]
    assert {v["value"]: v["count"] for v in facet} == {
        name: v["count"] for name, v in vendors.items()
    }
    assert named(vendors, "Vigilant Solutions")["count"] == 4
    assert named(vendors, "Cellebrite")["count"] == 1
    assert len(vendors) == 3
    for vendor in vendors.values():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", vendor["slug"]), vendor
        assert vendor["url"] == f"/vendors/{vendor['slug']}"
        found = get_json(site, "/api" + vendor["search_url"])
        assert found["total"] == vendor["count"]
    assert named(vendors, "Vigilant Solutions")["slug"].startswith("vigilant-solutions")
    listed = list(vendors)
    assert listed == sorted(listed, key=str.lower)


def test_the_filter_box_narrows_the_list_server_side(site, vendors):
    data = get_json(site, "/api/vendors", q="cellebr")
    assert data["filter"] == "cellebr" and data["total"] == 1
    assert [v["name"] for v in data["vendors"]] == [named(vendors, "Cellebrite")["name"]]
    # a form the records write the name in finds it too, in any case
    assert get_json(site, "/api/vendors", q="SOLUTIONS, LLC")["total"] == 1
    page = site.get("/vendors", params={"q": "cellebr"}).text
    assert 'action="/vendors"' in page and 'name="q"' in page and 'value="cellebr"' in page
    assert f'href="{named(vendors, "Cellebrite")["url"]}"' in page
    assert f'href="{named(vendors, "Vigilant")["url"]}"' not in page
    none = site.get("/vendors", params={"q": "zebra"}).text
    assert "No vendor matches." in none and 'href="/vendors"' in none


def test_every_page_links_to_the_list_of_vendors(site, ids):
    for url in ("/", "/agencies", f"/documents/{ids['ice-letter.pdf']}"):
        assert '<a href="/vendors">Vendors</a>' in site.get(url).text, url


# -- one vendor -------------------------------------------------------------------------------


def test_a_vendors_documents_are_those_naming_it_newest_first(site, ids, vigilant):
    documents = vigilant["documents"]
    assert [d["id"] for d in documents] == [ids[name] for name in VIGILANT_FILES]
    assert [d["date"] for d in documents] == ["2019-06-12", "2019-02-04", "2018-03-20", None]
    assert vigilant["count"] == vigilant["documents_total"] == 4
    assert (vigilant["page"], vigilant["pages"]) == (1, 1)
    assert vigilant["links"]["prev"] is None and vigilant["links"]["next"] is None
    first = documents[0]
    assert first["url"] == f"/documents/{first['id']}"
    assert first["pages"] == [1] and first["first_page_url"] == f"/documents/{first['id']}/pages/1"
    # exactly what the search filtered on the vendor finds
    found = get_json(site, "/api/search", vendor=vigilant["name"], per_page=100)
    assert {r["id"] for r in found["results"]} == {d["id"] for d in documents}
    assert "Vigilant Solutions, LLC" in vigilant["forms"]


def test_a_documents_vendors_link_to_their_pages(site, vigilant):
    page_url = f"/vendors/{vigilant['slug']}"
    for entry in vigilant["documents"]:
        document = get_json(site, f"/api/documents/{entry['id']}")
        (vendor,) = [v for v in document["entities"]["vendor"] if v["value"] == vigilant["name"]]
        assert vendor["page_url"] == page_url
        html = site.get(f"/documents/{entry['id']}").text
        assert f'<a class="entity-page" href="{page_url}">(vendor page)</a>' in html


def test_a_vendors_contracts_come_with_amount_and_period(vigilant):
    contracts = {c["value"]: c for c in vigilant["contracts"]}
    assert set(contracts) == {"70CMSD18C00000003", "2510002336"}
    piid, order = contracts["70CMSD18C00000003"], contracts["2510002336"]
    assert (piid["count"], piid["amount"], piid["period"]) == (2, 6125.0, None)
    assert (order["count"], order["amount"]) == (1, 85000.0)
    assert order["period"] == {"start": "2019-07-01", "end": "2021-06-30"}
    assert [c["value"] for c in vigilant["contracts"]] == ["70CMSD18C00000003", "2510002336"]
    assert piid["search_url"] == (
        "/search?vendor=" + vigilant["search_url"].split("=", 1)[1] + "&contract=70CMSD18C00000003"
    )


def test_a_vendors_agencies_link_to_their_pages_with_the_documents_they_share(site, vigilant):
    agencies = {a["name"]: a for a in vigilant["agencies"]}
    assert {ICE, LBPD, "Homeland Security Investigations"} <= set(agencies)
    assert agencies[ICE]["count"] == 2 and agencies[LBPD]["count"] == 1
    assert vigilant["agencies"][0]["name"] == ICE  # the most documents first
    assert agencies[ICE]["url"] == "/agencies/ice"
    for agency in vigilant["agencies"]:
        page = get_json(site, "/api" + agency["url"])
        assert page["name"] == agency["name"]
        shared = {d["id"] for d in page["documents"]} & {d["id"] for d in vigilant["documents"]}
        assert len(shared) == agency["count"]
        assert get_json(site, "/api" + agency["search_url"])["total"] == agency["count"]


def test_a_vendors_timeline_counts_its_documents_by_year_as_the_year_facet(site, vigilant):
    assert [(t["year"], t["count"]) for t in vigilant["timeline"]] == [("2018", 1), ("2019", 2)]
    assert vigilant["undated"] == 1 and vigilant["timeline_max"] == 2
    facet = get_json(site, "/api/search", vendor=vigilant["name"])["facets"]["year"]
    assert {v["value"]: v["count"] for v in facet} == {"2018": 1, "2019": 2}
    for year in vigilant["timeline"]:
        assert get_json(site, "/api" + year["search_url"])["total"] == year["count"]


def test_the_html_page_shows_what_its_data_holds(site, vigilant):
    text = site.get(vigilant["url"]).text
    for doc in vigilant["documents"]:
        assert f'href="{doc["url"]}"' in text
    for agency in vigilant["agencies"]:
        assert f'href="{agency["url"]}"' in text
    assert "<code>2510002336</code>" in text and "$85,000.00" in text
    assert '<time datetime="2019-07-01">2019-07-01</time> to' in text
    assert '<time datetime="2019">2019</time>' in text and "1 document without a year." in text
    assert f"{LBPD}</span>" in text and f"{LBPD} (CA)" not in text


def test_agency_pages_give_their_contracts_periods_too(site):
    agencies = get_json(site, "/api/agencies")["agencies"]
    lbpd = next(a for a in agencies if a["name"] == LBPD)
    contracts = get_json(site, "/api" + lbpd["url"])["contracts"]
    order = next(c for c in contracts if c["value"] == "2510002336")
    assert order["period"] == {"start": "2019-07-01", "end": "2021-06-30"}


# -- twins, errors, escaping, the API's description -------------------------------------------


def html_urls(vendors: dict[str, dict[str, Any]]) -> list[str]:
    return ["/vendors", "/vendors?q=solutions", *(v["url"] for v in vendors.values())]


def test_json_twins_are_the_data_the_html_shows_and_are_advertised(site, vendors):
    for url in html_urls(vendors):
        page = site.get(url)
        assert page.status_code == 200, url
        data = page.context["data"]
        assert data == get_json(site, "/api" + url)
        link = f'<link rel="alternate" type="application/json" href="{data["links"]["json"]}">'
        assert link.replace("&", "&amp;") in page.text, url


def test_head_answers_as_get_does(site, vendors):
    for url in [*html_urls(vendors), "/api/vendors/no-such-vendor", "/vendors/no-such-vendor"]:
        get, head = site.get(url), site.head(url)
        assert head.status_code == get.status_code, url
        assert head.content == b"" and head.headers == get.headers, url


def test_an_unknown_vendor_is_404_with_the_list_and_vendors_of_like_name(site, vendors):
    body = get_json(site, "/api/vendors/vigilant", status=404)
    assert body["error"] == "not_found" and "'vigilant'" in body["message"]
    assert body["vendors_url"] == "/vendors"
    assert [s["name"] for s in body["suggestions"]] == [named(vendors, "Vigilant")["name"]]
    page = site.get("/vendors/no-such-vendor")
    assert page.status_code == 404
    assert 'href="/vendors"' in page.text and "No vendor &#39;no-such-vendor&#39;" in page.text


def test_a_page_of_documents_past_the_last_is_404_naming_the_last(site, vigilant):
    url = "/api" + vigilant["url"]
    body = get_json(site, url, status=404, page=2)
    assert body["last_page"] == 1 and body["last_page_url"] == url
    assert body["message"].endswith("the last is page 1.")
    assert site.get(url, params={"page": 0}).status_code == 400
    assert site.get(vigilant["url"], params={"page": 2}).status_code == 404


def test_a_hostile_vendor_name_is_escaped(site, vendors):
    (hostile,) = [v for name, v in vendors.items() if "<script>" in name]
    assert hostile["slug"].startswith("acme-script-alert-script-and-sons")
    for url in ("/vendors", hostile["url"], "/vendors/%3Cscript%3Ealert"):
        text = site.get(url).text
        assert "<script>alert" not in text, url
    assert "Acme &lt;script&gt;alert&lt;/script&gt; &amp; Sons" in site.get(hostile["url"]).text
    assert get_json(site, "/api" + hostile["url"])["name"] == hostile["name"]


def answer_urls(site: TestClient, vendors: dict[str, dict[str, Any]], path: str) -> list[str]:
    """Real answers of one JSON route: the lists unfiltered and filtered, every page."""
    if path == "/api/vendors":
        return ["/api/vendors", "/api/vendors?q=solutions"]
    if path == "/api/vendors/{slug}":
        return ["/api" + v["url"] for v in vendors.values()]
    agencies = get_json(site, "/api/agencies")["agencies"]
    if path == "/api/agencies":
        return ["/api/agencies", "/api/agencies?q=police"]
    return ["/api" + a["url"] for a in agencies]


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/vendors", "VendorList"),
        ("/api/vendors/{slug}", "Vendor"),
        ("/api/agencies", "AgencyList"),
        ("/api/agencies/{slug}", "Agency"),
    ],
)
def test_answers_match_the_openapi_schemas(site, vendors, path, name):
    openapi = get_json(site, "/openapi.json")
    responses = openapi["paths"][path]["get"]["responses"]
    schema = responses["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": f"#/components/schemas/{name}"}
    root = {**schema, "components": openapi["components"]}
    validator = jsonschema_rs.Draft202012Validator(root, validate_formats=True)
    urls = answer_urls(site, vendors, path)
    assert len(urls) >= 2
    count = "count" if "{slug}" in path else "total"
    for url in urls:
        answer = get_json(site, url)
        assert [e.message for e in validator.iter_errors(answer)] == [], url
        assert not validator.is_valid({**answer, count: str(answer[count])})
    if path == "/api/vendors/{slug}":
        assert responses["404"]["description"] == "No vendor of that slug, or a page past its last"


# -- slugs and paging, on hand-made catalogs --------------------------------------------------


def _doc(n: int, date: str | None = None) -> DocumentRecord:
    return DocumentRecord(
        id=f"{n:016x}",
        sha256=f"{n:064x}",
        title=f"Document {n}",
        collection="c",
        size=1,
        page_count=1,
        date=date,
        doc_type="invoice",
        status="ok",
        error=None,
        metadata={},
        extractor="test",
        indexed_at="2024-01-01T00:00:00Z",
    )


def _vendor(
    doc: DocumentRecord, name: str
) -> tuple[str, str, str, tuple[int, ...], tuple[str, ...], dict[str, Any]]:
    return (doc.id, "vendor", name, (1,), (name,), {})


def _index(docs: list[DocumentRecord], entities: list[Any]) -> VendorIndex:
    return VendorIndex(docs, entities, AgencyIndex(docs, entities))


def test_vendor_slugs_depend_on_the_name_and_names_alike_but_for_punctuation_get_a_number():
    assert vendor_slug("Thomson Reuters Special Services") == "thomson-reuters-special-services"
    assert vendor_slug("Pen-Link, Ltd.") == "pen-link-ltd"
    assert vendor_slug("AT&T") == "at-and-t"
    assert vendor_slug("株式会社") == "vendor"
    docs = [_doc(n) for n in range(3)]
    names = ["Pen-Link", "Pen Link", "Flock Safety"]
    index = _index(docs, [_vendor(d, n) for d, n in zip(docs, names, strict=True)])
    assert {v.name: v.slug for v in index.vendors()} == {
        "Flock Safety": "flock-safety",
        "Pen Link": "pen-link",
        "Pen-Link": "pen-link-2",
    }
    again = _index(docs[::-1], [_vendor(d, n) for d, n in zip(docs, names, strict=True)][::-1])
    assert [v.slug for v in again.vendors()] == [v.slug for v in index.vendors()]
    assert index.slug("Pen-Link") == "pen-link-2" and index.slug("Cellebrite") is None
    assert index.detail("pen-link-3") is None


def test_a_vendors_documents_come_in_pages_of_fifty(tmp_path):
    docs = [_doc(n, f"20{10 + n % 10}-01-{1 + n % 28:02d}") for n in range(DOCUMENTS_PER_PAGE + 7)]
    index = _index(docs, [_vendor(d, "Flock Safety") for d in docs])
    detail = index.detail("flock-safety")
    assert detail is not None and detail.vendor.count == len(docs)
    urls = create_app(Settings(index_dir=tmp_path)).state.urls
    first, second = (documents_page(detail.documents, n, urls) for n in (1, 2))
    assert first["pages"] == second["pages"] == 2
    assert len(first["documents"]) == DOCUMENTS_PER_PAGE and len(second["documents"]) == 7
    dates = [d["date"] for d in first["documents"] + second["documents"]]
    assert dates == sorted(dates, reverse=True)
    assert documents_page(detail.documents, 3, urls)["documents"] == []
