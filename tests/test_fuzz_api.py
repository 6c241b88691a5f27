"""Schemathesis against the app's own OpenAPI schema, in-process over ASGI, on the session
index of sample_docs/: every operation, valid and invalid inputs; no 5xx, no request that
hangs, responses in the declared media types and shapes, invalid input refused with a 4xx.

Examples are deterministic so that the suite is repeatable; READINGROOM_FUZZ_RANDOM=1 explores
with fresh random ones (and READINGROOM_FUZZ_API_EXAMPLES raises the count) locally.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from app.main import Settings, create_app
from indexer.query import MAX_QUERY_LENGTH

RANDOM = os.environ.get("READINGROOM_FUZZ_RANDOM") == "1"
EXAMPLES = int(os.environ.get("READINGROOM_FUZZ_API_EXAMPLES", "40"))
REQUEST_TIMEOUT = 30.0  # seconds; generous for a loaded 2-core machine, short of a hang

CONFIG = f"""
[generation]
mode = "all"
max-examples = {EXAMPLES}
deterministic = {"false" if RANDOM else "true"}
database = "none"

[checks]
positive_data_acceptance.expected-statuses = ["2xx", "400", "404"]
negative_data_rejection.expected-statuses = ["400", "404"]
"""


# The schema does not depend on the index, so it is read at import time from an app with none
# (schemathesis.pytest.from_fixture, the lazy loader, needs pytest's private Node._nodeid,
# which pytest 9 no longer has); every request goes to an app on the session index.
schema = schemathesis.openapi.from_asgi(
    "/openapi.json",
    create_app(Settings(index_dir=Path("/nonexistent/readingroom-index"))),
    config=schemathesis.Config.from_str(CONFIG),
)
KNOWN_PAGES: list[tuple[str, int]] = []  # filled by the known_pages fixture before generation


@schema.hook
def flatmap_path_parameters(context, path_parameters: dict[str, Any]):
    """Random ids are almost always 404: half the time, ask for a real document instead, at a
    page near its range (0, 1, …, page_count + 1)."""
    if not isinstance(path_parameters, dict) or not KNOWN_PAGES:
        return st.just(path_parameters)
    if not isinstance(path_parameters.get("doc_id"), str):
        return st.just(path_parameters)

    def real(pick: tuple[tuple[str, int], int]) -> dict[str, Any]:
        (chosen, count), offset = pick
        params = {**path_parameters, "doc_id": chosen}
        if isinstance(params.get("number"), int):
            params["number"] = min(offset, count + 1)
        return params

    return st.one_of(
        st.just(path_parameters),
        st.tuples(st.sampled_from(list(KNOWN_PAGES)), st.integers(0, 30)).map(real),
    )


MEDIA_TYPES = {
    "/search.atom": "application/atom+xml",
    "/documents/{doc_id}/cite.ris": "application/x-research-info-systems",
    "/documents/{doc_id}/cite.bib": "application/x-bibtex",
    "/documents/{doc_id}/cite.json": "application/vnd.citationstyles.csl+json",
}
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


@pytest.fixture(scope="module")
def fuzz_app(sample_index: Path):
    return create_app(Settings(index_dir=sample_index, base_url="https://records.example.org"))


@pytest.fixture(scope="module")
def known_pages(client) -> list[tuple[str, int]]:
    """(document id, page count) of real documents, so that generated requests reach them."""
    rows = client.get("/api/search", params={"per_page": 100}).json()["results"]
    assert rows
    KNOWN_PAGES[:] = [(row["id"], row["page_count"]) for row in rows]
    return list(KNOWN_PAGES)


def call_with_watchdog(case, app, timeout: float = REQUEST_TIMEOUT):
    """Call in a daemon thread: a synchronous endpoint that never returns cannot be cancelled
    by the ASGI transport's own timeout, so the test fails instead of hanging the suite."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["response"] = case.call(app=app, timeout=timeout)
        except BaseException as exc:  # re-raised in the test's thread
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True, name="fuzz-request")
    thread.start()
    thread.join(timeout + 5)
    if thread.is_alive():
        pytest.fail(f"no answer within {timeout + 5:.0f} s: {case.as_curl_command()}")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["response"]


@schema.parametrize()
@settings(
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.filter_too_much,
    ],
)
def test_every_operation_answers_within_its_schema_and_never_5xx(case, fuzz_app, known_pages):
    response = call_with_watchdog(case, fuzz_app)
    assert response.status_code < 500, (case.as_curl_command(), response.text[:2000])
    case.validate_response(response)


# -- limits, explicitly ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def a_page(known_pages) -> tuple[str, int]:
    return known_pages[0]


@pytest.mark.parametrize("length", [MAX_QUERY_LENGTH + 1, 5_000, 30_000])
def test_over_long_queries_are_refused_with_400(client, a_page, length):
    doc_id, _ = a_page
    q = ("license plate " * (length // 14 + 1))[:length]
    for path in ("/api/search", "/search", f"/api/documents/{doc_id}/pages/1"):
        response = client.get(path, params={"q": q})
        assert response.status_code == 400, (path, response.status_code)


@pytest.mark.parametrize(
    "page", ["0", "-1", str(1_000_001), str(10**30), "1e9", "NaN", "1.5", "", "two"]
)
def test_absurd_result_pages_are_refused_with_400(client, page):
    for path in ("/api/search", "/search"):
        response = client.get(path, params={"q": "plate", "page": page})
        assert response.status_code == 400, (path, page, response.status_code)


@pytest.mark.parametrize("per_page", ["0", "101", str(10**9), "-20"])
def test_absurd_page_sizes_are_refused_with_400(client, per_page):
    response = client.get("/api/search", params={"q": "plate", "per_page": per_page})
    assert response.status_code == 400


def test_the_last_allowed_result_page_is_a_404_naming_the_last_not_slow_or_an_error(client):
    response = client.get("/api/search", params={"q": "plate", "page": 1_000_000})
    assert response.status_code == 404
    data = response.json()
    last = client.get("/api/search", params={"q": "plate", "page": data["last_page"]}).json()
    assert last["results"] and last["page"] == last["pages"] == data["last_page"]


@pytest.mark.parametrize("number", ["0", "-1", "99999", str(2**63 - 1)])
def test_absurd_document_page_numbers_are_404(client, a_page, number):
    doc_id, _ = a_page
    for path in (
        f"/api/documents/{doc_id}/pages/{number}",
        f"/documents/{doc_id}/pages/{number}",
        f"/documents/{doc_id}/pages/{number}.png",
    ):
        response = client.get(path)
        assert response.status_code == 404, (path, response.status_code)


@pytest.mark.parametrize("number", ["x", "1.5", "1e3"])
def test_page_numbers_that_are_not_numbers_are_4xx(client, a_page, number):
    doc_id, _ = a_page
    response = client.get(f"/api/documents/{doc_id}/pages/{number}")
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize("size", ["huge", "", "0", "PAGE"])
def test_unknown_image_sizes_are_refused_with_400(client, a_page, size):
    doc_id, _ = a_page
    response = client.get(f"/documents/{doc_id}/pages/1.png", params={"size": size})
    assert response.status_code == 400


@pytest.mark.parametrize("prefix", ["/api/documents", "/documents"])
def test_a_page_number_beyond_64_bits_is_404(client, a_page, prefix):
    doc_id, _ = a_page
    response = client.get(f"{prefix}/{doc_id}/pages/{10**30}")
    assert response.status_code == 404


def test_a_405_says_which_methods_are_allowed(client):
    response = client.request("TRACE", "/healthz")
    assert response.status_code == 405
    assert "GET" in response.headers.get("allow", "")


@pytest.mark.parametrize("value", ["0", "86400"])
def test_a_number_is_not_a_date(client, value):
    response = client.get("/api/search", params={"date_to": value})
    assert response.status_code == 400


@pytest.mark.parametrize("path", sorted(MEDIA_TYPES))
def test_feeds_and_citations_are_documented_in_their_media_types(client, path):
    response = client.get("/openapi.json").json()["paths"][path]["get"]["responses"]["200"]
    declared = set(response.get("content", {}))
    assert declared and "application/json" not in declared, declared


def test_the_schema_documents_the_errors_the_app_answers(client):
    paths = client.get("/openapi.json").json()["paths"]
    search = paths["/api/search"]["get"]["responses"]
    assert "400" in search and "422" not in search
    document = paths["/api/documents/{doc_id}"]["get"]["responses"]
    assert "404" in document
