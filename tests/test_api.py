"""The site and its JSON API, through the real app over a real index of sample_docs/."""

import html
import re

import pytest

DOC_KEYS = {
    "id",
    "title",
    "file_names",
    "collection",
    "sha256",
    "page_count",
    "date",
    "doc_type",
    "status",
    "error",
    "entities",
    "pages",
}


def search(client, **params):
    response = client.get("/api/search", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_search_answers_in_the_spec_shape(client):
    data = search(client, q='"license plate" ICE')
    assert data["query"] == '"license plate" ICE'
    assert data["total"] >= 5
    assert data["page"] == 1 and data["per_page"] == 20
    assert set(data["facets"]) == {
        "agency",
        "issuer",
        "doc_type",
        "year",
        "exemption",
        "contract",
        "request",
        "vendor",
        "collection",
    }
    row = data["results"][0]
    assert {"id", "title", "date", "doc_type", "issuer", "agencies", "url", "hits"} <= set(row)
    assert re.fullmatch(r"[0-9a-f]{16}", row["id"])
    assert row["url"] == f"/documents/{row['id']}"
    hit = row["hits"][0]
    assert {"page", "excerpt", "url"} <= set(hit)
    assert hit["url"].startswith(f"/documents/{row['id']}/pages/{hit['page']}")


def test_phrase_hits_are_marked_as_one_phrase_on_the_page_that_has_it(client):
    data = search(client, q='"license plate"')
    for row in data["results"]:
        for hit in row["hits"]:
            assert re.search(r"<mark>license plates?</mark>", hit["excerpt"], re.I), hit
            page = client.get(f"/api/documents/{row['id']}/pages/{hit['page']}").json()
            assert re.search(r"license\s+plate", page["text"], re.I)


def test_total_counts_documents_and_facets_count_documents(client):
    data = search(client, q="ICE", per_page=100)
    assert data["total"] == len(data["results"])
    by_type = {v["value"]: v["count"] for v in data["facets"]["doc_type"]}
    assert sum(by_type.values()) == data["total"]


def test_facet_filter_narrows_and_stays_selected(client):
    everything = search(client, q="plate")
    email_count = next(
        v["count"] for v in everything["facets"]["doc_type"] if v["value"] == "email"
    )
    emails = search(client, q="plate", doc_type="email", per_page=100)
    assert emails["total"] == email_count
    assert {r["doc_type"] for r in emails["results"]} == {"email"}
    chosen = [v for v in emails["facets"]["doc_type"] if v["selected"]]
    assert [v["value"] for v in chosen] == ["email"]


def test_excerpts_escape_document_text_and_add_only_marks(client):
    data = search(client, q="script alert")
    assert data["total"] >= 1
    excerpts = [hit["excerpt"] for row in data["results"] for hit in row["hits"]]
    assert excerpts
    for excerpt in excerpts:
        without_marks = excerpt.replace("<mark>", "").replace("</mark>", "")
        assert "<" not in without_marks and ">" not in without_marks
    assert any("&lt;<mark>script</mark>&gt;" in e for e in excerpts)


def test_html_search_page_escapes_text_and_advertises_its_json(client):
    response = client.get("/search", params={"q": "script alert"})
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert (
        '<link rel="alternate" type="application/json" href="/api/search?q=script+alert'
        in response.text
    )


def test_the_query_itself_is_escaped_when_echoed(client):
    response = client.get("/search", params={"q": '"<img src=x onerror=alert(1)>"'})
    assert "<img src=x" not in response.text
    assert html.escape("<img src=x onerror=alert(1)>", quote=False) in response.text


@pytest.mark.parametrize("query", ['"license plate', "(ICE OR", "ICE AND", "agency:", "ERO &"])
def test_malformed_query_is_a_400_with_advice(client, query):
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "bad_query" and len(body["message"]) > 20
    page = client.get("/search", params={"q": query})
    assert page.status_code == 400
    assert "could not be read" in page.text


def test_a_pasted_subject_line_is_searched_as_words_and_the_user_told(client):
    data = search(client, q="RE: license plate")
    assert data["total"] == search(client, q="RE license plate")["total"] > 0
    assert data["notices"] == [
        '"RE:" is not a field you can search; searched "RE" as a word. Fields: agency:, type:, '
        "contract:, exemption:, bates:, from:, to:, subject:, title:, collection:, issuer:, "
        "request:, vendor:."
    ]
    page = client.get("/search", params={"q": "RE: license plate"})
    assert page.status_code == 200
    assert "is not a field you can search" in html.unescape(page.text)


def test_an_ampersand_between_words_means_and(client):
    both = search(client, q="license & plate")
    assert both["total"] == search(client, q="license AND plate")["total"] > 0
    assert both["notices"] == []


def test_unknown_documents_and_pages_are_404(client):
    assert client.get("/api/documents/0123456789abcdef").status_code == 404
    assert client.get("/documents/not-an-id").status_code == 404
    assert client.get("/api/documents/not-an-id").json()["error"] == "not_found"
    doc = search(client, q="ICE")["results"][0]
    assert client.get(f"/api/documents/{doc['id']}/pages/9999").status_code == 404
    assert client.get(f"/api/documents/{doc['id']}/pages/0").status_code == 404


def test_document_json_has_the_spec_fields(client):
    doc = search(client, q="contract", doc_type="contract")["results"][0]
    data = client.get(f"/api/documents/{doc['id']}").json()
    assert set(data) >= DOC_KEYS
    assert data["status"] == "ok" and data["error"] is None
    assert data["page_count"] == len(data["pages"])
    assert set(data["entities"]) >= {
        "agency",
        "contract",
        "date",
        "exemption",
        "bates",
        "email",
        "money",
    }
    page = data["pages"][0]
    assert {"number", "ocr", "bates", "url"} <= set(page)
    assert client.get(f"/documents/{doc['id']}").status_code == 200


def test_page_view_marks_the_query_terms(client):
    row = search(client, q='"license plate"')["results"][0]
    hit = row["hits"][0]
    page = client.get(hit["url"])
    assert page.status_code == 200
    assert re.search(r"<mark>license plates?</mark>", page.text, re.I)
    data = client.get(
        f"/api/documents/{row['id']}/pages/{hit['page']}", params={"q": '"license plate"'}
    ).json()
    assert {"text", "bates", "citation", "image_url"} <= set(data)
    assert hit["page"] in data["hit_pages"]


def test_page_image_is_a_png(client):
    row = search(client, q="ICE")["results"][0]
    response = client.get(f"/documents/{row['id']}/pages/1.png")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_original_pdf_downloads(client):
    row = search(client, q="ICE")["results"][0]
    response = client.get(f"/documents/{row['id']}/pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_health_status_and_docs(client):
    assert client.get("/healthz").json()["status"] == "ok"
    status = client.get("/api/status").json()
    assert status["documents"] > 40 and status["pages"] >= 300
    assert client.get("/status").status_code == 200
    assert client.get("/docs").status_code == 200
    assert "/api/search" in client.get("/openapi.json").json()["paths"]


def test_security_headers_are_set(client):
    response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def date_end(date: str) -> str:
    """A date as it sorts: a fiscal year (federal FY2019 ends in September 2019) by its end."""
    return f"{date[2:]}-09" if date.startswith("FY") else date


def test_sort_by_date_orders_dated_documents(client):
    data = search(client, q="plate", sort="date", per_page=100)
    dates = [r["date"] for r in data["results"] if r["date"]]
    assert "FY2019" in dates
    assert dates == sorted(dates, key=date_end)
    newest = search(client, q="plate", sort="-date", per_page=100)
    dates = [r["date"] for r in newest["results"] if r["date"]]
    assert dates == sorted(dates, key=date_end, reverse=True)


def test_a_fiscal_year_is_within_a_date_range_that_meets_it(client):
    everything = search(client, per_page=100)
    assert everything["total"] <= 100
    fiscal = {r["id"] for r in everything["results"] if r["date"] == "FY2019"}
    assert fiscal
    for low, high, inside in (
        ("2019-01-01", "2019-03-31", True),  # within the fiscal year
        ("2018-11-01", "2018-11-30", True),  # its first months, in the year before
        ("2019-11-01", "2019-12-31", False),  # after it ended
        ("2017-01-01", "2017-12-31", False),
    ):
        data = search(client, date_from=low, date_to=high, per_page=100)
        found = {r["id"] for r in data["results"]}
        assert (fiscal <= found) is inside and (fiscal & found == set()) is not inside, (low, high)
    undated = sum(1 for r in everything["results"] if not r["date"])
    assert data["undated_excluded"] == undated  # a fiscal year is a date, not undated


def test_pagination_reaches_every_result(client):
    first = search(client, q="plate", per_page=5)
    seen = [r["id"] for r in first["results"]]
    for page in range(2, -(-first["total"] // 5) + 1):
        seen += [r["id"] for r in search(client, q="plate", per_page=5, page=page)["results"]]
    assert len(seen) == len(set(seen)) == first["total"]


def test_bad_parameters_are_4xx_not_500(client):
    assert client.get("/api/search", params={"page": "0"}).status_code == 400
    assert client.get("/api/search", params={"sort": "sideways"}).status_code == 400
    assert client.get("/api/search", params={"date_from": "yesterday"}).status_code == 400
    assert client.get("/api/search", params={"q": "x" * 5000}).status_code == 400


def test_a_result_page_past_the_last_is_404_naming_the_last(client):
    total = search(client, q="plate", per_page=5)["total"]
    last = -(-total // 5)
    assert last >= 2
    assert search(client, q="plate", per_page=5, page=last)["results"]
    response = client.get("/api/search", params={"q": "plate", "per_page": 5, "page": last + 7})
    assert response.status_code == 404
    assert response.json() == {
        "error": "not_found",
        "message": f"Page {last + 7} is past the end of these results: the last is page {last}.",
        "last_page": last,
        "last_page_url": f"/api/search?q=plate&per_page=5&page={last}",
    }
    page = client.get("/search", params={"q": "plate", "per_page": 5, "page": last + 1})
    assert page.status_code == 404
    assert f"the last is page {last}." in page.text
    assert f'<a href="/search?q=plate&amp;per_page=5&amp;page={last}">' in page.text
    assert f"Page {last + 1} of" not in page.text


def test_page_one_of_nothing_is_an_empty_200_and_page_two_points_back_to_it(client):
    assert search(client, q="zyxwvutsrq")["total"] == 0
    response = client.get("/api/search", params={"q": "zyxwvutsrq", "page": 2})
    assert response.status_code == 404
    body = response.json()
    assert body["last_page"] == 1 and body["last_page_url"] == "/api/search?q=zyxwvutsrq"


REVERSED = {"q": "plate", "date_from": "2019-01-01", "date_to": "2018-01-01"}


@pytest.mark.parametrize(
    "path", ["/search", "/api/search", "/api/search.csv", "/api/search.jsonl", "/search.atom"]
)
def test_a_reversed_date_range_is_a_400_that_suggests_the_swap(client, path):
    response = client.get(path, params=REVERSED)
    assert response.status_code == 400
    said = "date_from 2019-01-01 is after date_to 2018-01-01"
    swap = "date_from=2018-01-01&date_to=2019-01-01"
    if path == "/search":
        assert said in response.text and html.escape(swap) in response.text
    else:
        body = response.json()
        assert body["error"] == "bad_request"
        assert said in body["message"] and swap in body["message"]
    # the same range the right way round, or one day, searches
    for first, last in [("2018-01-01", "2019-01-01"), ("2018-03-20", "2018-03-20")]:
        params = {**REVERSED, "date_from": first, "date_to": last}
        assert client.get(path, params=params).status_code == 200, (path, first, last)
