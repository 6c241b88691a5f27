"""The OpenAPI document describes what the API really answers: real answers from the sample
index validate against the declared schemas, and those schemas are strict enough to refuse a
wrong answer."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema_rs
import pytest
from fastapi.testclient import TestClient

from indexer.facets import NAMES

SEARCH = "/api/search"
DOCUMENT = "/api/documents/{doc_id}"
PAGE = "/api/documents/{doc_id}/pages/{number}"


@pytest.fixture(scope="module")
def openapi(client: TestClient) -> dict[str, Any]:
    return client.get("/openapi.json").json()


def answer_schema(openapi: dict[str, Any], path: str) -> dict[str, Any]:
    content = openapi["paths"][path]["get"]["responses"]["200"]["content"]
    return content["application/json"]["schema"]


def resolved(openapi: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema["$ref"]
    assert ref.startswith("#/components/schemas/"), ref
    return openapi["components"]["schemas"][ref.rsplit("/", 1)[1]]


class Checker:
    """Validates answers of one route against the schema the OpenAPI document declares."""

    def __init__(self, openapi: dict[str, Any], path: str) -> None:
        root = {**answer_schema(openapi, path), "components": openapi["components"]}
        self.validator = jsonschema_rs.Draft202012Validator(root, validate_formats=True)

    def errors(self, answer: object) -> list[str]:
        return [f"{e.instance_path}: {e.message}" for e in self.validator.iter_errors(answer)]


@pytest.mark.parametrize(
    ("path", "name", "required"),
    [
        (SEARCH, "SearchResults", {"query", "total", "page", "per_page", "results", "facets"}),
        (DOCUMENT, "Document", {"id", "title", "file_names", "sha256", "entities", "pages"}),
        (PAGE, "Page", {"document", "number", "text", "bates", "citation", "image_url"}),
    ],
)
def test_json_answers_are_named_objects_with_required_fields(openapi, path, name, required):
    schema = answer_schema(openapi, path)
    assert schema == {"$ref": f"#/components/schemas/{name}"}
    described = resolved(openapi, schema)
    assert described["type"] == "object"
    assert required <= set(described["required"])
    assert described.get("additionalProperties", True) is not False


def test_nested_objects_are_named_types_too(openapi):
    schemas = openapi["components"]["schemas"]
    results = schemas["SearchResults"]["properties"]["results"]
    assert resolved(openapi, results["items"]) is schemas["SearchResult"]
    entities = resolved(openapi, schemas["Document"]["properties"]["entities"])
    assert {"agency", "contract", "date", "exemption", "bates", "email", "money"} <= set(
        entities["required"]
    )
    agency = resolved(openapi, entities["properties"]["agency"]["items"])
    assert {"value", "pages", "forms", "level", "search_url"} <= set(agency["required"])
    assert "abbreviation" in agency["properties"] and "abbreviation" not in agency["required"]


SEARCHES = [
    {"q": "plate"},
    {},
    {"q": "zebra AND giraffe"},
    {"q": "licnse plate"},
    {"q": "plate", "doc_type": "email", "sort": "date"},
    {"q": "Vigilant", "year": ["2018", "2019"], "page": 2, "per_page": 3},
    {"date_from": "2017-01-01", "date_to": "2018-12-31", "sort": "-date"},
    {"q": '"license plate"', "exemption": "(b)(7)(C)"},
]


@pytest.mark.parametrize("params", SEARCHES)
def test_search_answers_match_the_schema(client, openapi, params):
    response = client.get(SEARCH, params=params)
    assert response.status_code == 200
    assert Checker(openapi, SEARCH).errors(response.json()) == []


def test_the_searches_cover_hits_facets_filters_and_suggestions(client):
    answers = [client.get(SEARCH, params=params).json() for params in SEARCHES]
    assert any(a["total"] == 0 and a["suggestion"] is None for a in answers)
    assert any(a["suggestion"] is not None for a in answers)
    assert any(a["chips"] and a["results"] for a in answers)
    assert any(a["date_from"] == "2017-01-01" and a["results"] for a in answers)
    assert any(row["hits"] for a in answers for row in a["results"])
    assert any(values for a in answers for values in a["facets"].values())


def test_document_answers_match_the_schema(client, openapi):
    checker = Checker(openapi, DOCUMENT)
    rows = client.get(SEARCH, params={"per_page": 100}).json()["results"]
    answers = []
    for row in rows:
        for q in ("", "plate"):
            answer = client.get(f"/api/documents/{row['id']}", params={"q": q}).json()
            assert checker.errors(answer) == [], row["id"]
            answers.append(answer)
    assert len(rows) > 20
    assert any(a["bates_range"] for a in answers)
    assert any(a["hits"] for a in answers)
    for kind in ("agency", "contract", "date", "exemption", "bates", "email", "money"):
        assert any(a["entities"][kind] for a in answers), kind


def test_page_answers_match_the_schema(client, openapi):
    checker = Checker(openapi, PAGE)
    rows = client.get(SEARCH, params={"per_page": 100}).json()["results"]
    answers = []
    for row in rows:
        for number in range(1, row["page_count"] + 1):
            for q in ("", "plate"):
                answer = client.get(
                    f"/api/documents/{row['id']}/pages/{number}", params={"q": q}
                ).json()
                assert checker.errors(answer) == [], (row["id"], number, q)
                answers.append(answer)
    assert any(a["ocr"] for a in answers)
    assert any(a["redactions"] for a in answers)
    assert any(a["bates"] for a in answers)
    assert any(a["hit_pages"] and a["links"]["next_hit"] for a in answers)


def test_the_schemas_refuse_a_wrong_answer_and_accept_added_fields(client, openapi):
    search = client.get(SEARCH, params={"q": "plate"}).json()
    checker = Checker(openapi, SEARCH)
    grown = copy.deepcopy(search)
    grown["timing"] = {"search_ms": 3}
    grown["results"][0]["score"] = 4.5
    assert checker.errors(grown) == []
    for broken in (
        {**search, "total": "29"},
        {key: value for key, value in search.items() if key != "facets"},
        {**search, "date_from": "20 March 2018"},
        {**search, "results": [{**search["results"][0], "hits": [{"page": 2}]}]},
        {**search, "notices": [{"message": "AND, OR and NOT are operators in capitals"}]},
        {**search, "results": [{**search["results"][0], "agencies_more": "4"}]},
    ):
        assert checker.errors(broken) != []
    page = client.get(
        search["results"][0]["hits"][0]["url"].replace("/documents", "/api/documents")
    )
    answer = page.json()
    assert Checker(openapi, PAGE).errors(answer) == []
    assert Checker(openapi, PAGE).errors({**answer, "bates": 1}) != []


def test_date_parameters_are_declared_as_dates(client, openapi):
    paths = [
        path
        for path, item in openapi["paths"].items()
        if any(p["name"] == "date_from" for p in item.get("get", {}).get("parameters", []))
    ]
    assert {SEARCH, "/api/search.csv", "/api/search.jsonl", "/search.atom"} <= set(paths)
    for path in paths:
        dates = [
            p for p in openapi["paths"][path]["get"]["parameters"] if p["name"].startswith("date_")
        ]
        assert [p["name"] for p in dates] == ["date_from", "date_to"]
        for parameter in dates:
            assert parameter["schema"]["type"] == "string"
            assert parameter["schema"]["format"] == "date"
            # an empty field, as the search form sends, is a bound left open
            assert parameter["allowEmptyValue"] is True
            url = path.replace("{name}", "agency")  # the one path parameter of these routes
            assert client.get(url, params={parameter["name"]: ""}).status_code == 200


def test_the_original_file_is_declared_and_served_as_a_pdf(client, openapi):
    content = openapi["paths"]["/documents/{doc_id}/pdf"]["get"]["responses"]["200"]["content"]
    assert content == {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}
    doc_id = client.get(SEARCH).json()["results"][0]["id"]
    response = client.get(f"/documents/{doc_id}/pdf")
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_the_declared_facets_are_the_facets(openapi):
    declared = openapi["components"]["schemas"]["Facets"]
    assert sorted(declared["required"]) == sorted(NAMES)
    assert sorted(declared["properties"]) == sorted(NAMES)
