"""A facet in full: the results page shows a facet's most common values and says how many it
has; its own page lists every value for the search, finds one by part of its name, and each
value adds itself to the search."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest


def facet(client, name: str, **params: str) -> dict:
    response = client.get(f"/api/search/facets/{name}", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_every_value_of_a_facet_is_listed_with_the_counts_of_the_results_page(client):
    results = client.get("/api/search", params={"q": "license"}).json()
    every = facet(client, "agency", q="license")
    assert every["count"] == len(every["values"]) == results["facet_totals"]["agency"]["values"]
    assert every["count"] >= len(results["facets"]["agency"])
    listed = {v["value"]: v["count"] for v in every["values"]}
    for shown in results["facets"]["agency"]:
        assert listed[shown["value"]] == shown["count"]
    counts = [v["count"] for v in every["values"]]
    assert counts == sorted(counts, reverse=True)


def test_the_least_common_value_can_be_found_and_chosen(client):
    every = facet(client, "agency")
    rarest = every["values"][-1]
    word = max(rarest["value"].split(), key=len)
    found = facet(client, "agency", contains=word.upper())
    assert rarest["value"] in [v["value"] for v in found["values"]]
    assert all(word.lower() in v["value"].lower() for v in found["values"])
    (chosen,) = [v for v in found["values"] if v["value"] == rarest["value"]]
    url = urlsplit(chosen["toggle_url"])
    assert url.path == "/search" and ("agency", rarest["value"]) in parse_qsl(url.query)
    narrowed = client.get("/api/search", params=parse_qsl(url.query)).json()
    assert narrowed["total"] == rarest["count"]
    selected = facet(client, "agency", agency=rarest["value"])
    assert [v["value"] for v in selected["values"] if v["selected"]] == [rarest["value"]]


def test_the_facet_page_is_html_with_a_finder_and_its_json_twin(client):
    page = client.get("/search/facets/agency", params={"q": "license", "contains": "police"})
    assert page.status_code == 200
    assert 'name="contains"' in page.text and 'value="police"' in page.text
    assert '<link rel="alternate" type="application/json"' in page.text
    data = facet(client, "agency", q="license", contains="police")
    assert data["values"] and all("police" in v["value"].lower() for v in data["values"])
    for value in data["values"]:
        assert value["value"].replace("&", "&amp;").replace("'", "&#39;") in page.text
    results = client.get("/search", params={"q": "license"}).text
    assert "/search/facets/agency?q=license" in results


@pytest.mark.parametrize("name", ["nosuchfacet", "date_from"])
def test_an_unknown_facet_is_refused(client, name):
    response = client.get(f"/api/search/facets/{name}")
    assert response.status_code in (400, 404)
    assert response.json()["error"] in ("bad_request", "not_found")
