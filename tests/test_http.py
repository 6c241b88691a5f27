"""HTTP methods as real clients use them: HEAD (curl -I, link checkers, uptime monitors) on
every GET route, through the real app and through `readingroom serve`."""

from __future__ import annotations

import http.client
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from starlette.routing import Mount

from .serving import running_server


@pytest.fixture(scope="module")
def a_hit(client) -> tuple[str, int]:
    """A real document and one of its pages."""
    row = client.get("/api/search", params={"q": "ICE"}).json()["results"][0]
    return row["id"], row["hits"][0]["page"]


def get_paths(client, doc_id: str, page: int) -> list[str]:
    """A URL for each GET route of the app, and a real file under each static mount."""
    values = {"doc_id": doc_id, "number": page, "slug": "ice", "name": "agency"}
    paths = []
    for route in client.app.routes:
        if isinstance(route, Mount):
            directory = Path(route.app.directory)
            first = min(p.name for p in directory.iterdir() if p.is_file())
            paths.append(f"{route.path}/{first}")
        elif "GET" in getattr(route, "methods", ()):
            # a KeyError here: a new path parameter needs a real value in `values`
            slug = "thomson-reuters-special-services" if "/vendors/" in route.path else "ice"
            paths.append(route.path.format(**{**values, "slug": slug}))
    return paths


def test_every_get_route_answers_head_with_the_get_status_and_headers(client, a_hit):
    paths = get_paths(client, *a_hit)
    for expected in ("/openapi.json", "/docs", "/api/search.csv", "/search.atom", "/static"):
        assert any(path.startswith(expected) for path in paths), (expected, paths)
    for path in paths:
        get = client.get(path)
        head = client.head(path)
        assert get.status_code == 200, (path, get.status_code)
        assert head.status_code == 200, (path, head.status_code)
        assert head.content == b"", path
        assert head.headers["content-type"] == get.headers["content-type"], path
        assert head.headers.get("content-length") == get.headers.get("content-length"), path
        assert dict(head.headers) == dict(get.headers), path


def test_the_docs_page_finds_its_bundled_swagger_ui(client):
    page = client.get("/docs").text
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', page)
    assert any(asset.startswith("/static/swagger/") for asset in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_head_keeps_the_error_statuses_of_get(client, a_hit):
    doc_id, _ = a_hit
    for path, status in [
        ("/api/documents/0123456789abcdef", 404),
        ("/documents/not-an-id", 404),
        (f"/documents/{doc_id}/pages/99999.png", 404),
        ("/no/such/path", 404),
        ("/api/search?page=0", 400),
        ("/api/search?q=plate&page=999", 404),
        ("/search?date_from=2019-01-01&date_to=2018-01-01", 400),
    ]:
        get = client.get(path)
        head = client.head(path)
        assert (get.status_code, head.status_code) == (status, status), path
        assert head.content == b"", path
        assert head.headers["content-type"] == get.headers["content-type"], path
        assert head.headers["content-length"] == get.headers["content-length"], path


@pytest.mark.parametrize("path", ["/healthz", "/search", "/api/search.csv", "/static/style.css"])
def test_other_methods_are_405_and_allow_head_beside_get(client, path):
    for method in ("POST", "PUT", "DELETE"):
        response = client.request(method, path)
        assert response.status_code == 405, (method, path)
        allowed = {m.strip() for m in response.headers["allow"].split(",")}
        assert {"GET", "HEAD"} <= allowed, (method, path, allowed)


def test_a_real_server_answers_head_without_a_body_on_a_kept_alive_connection(sample_index, a_hit):
    doc_id, page = a_hit
    with running_server(sample_index) as base:
        connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=30)
        try:

            def ask(method: str, path: str) -> http.client.HTTPResponse:
                connection.request(method, path)
                return connection.getresponse()

            for path in (
                "/api/search.csv?q=plate",
                f"/documents/{doc_id}/pdf",
                f"/documents/{doc_id}/pages/{page}.png?size=thumb",
                "/search?q=plate",
            ):
                get = ask("GET", path)
                body = get.read()
                head = ask("HEAD", path)
                assert head.status == get.status == 200, path
                assert head.read() == b"", path
                assert head.getheader("content-type") == get.getheader("content-type"), path
                if get.getheader("content-length") is not None:
                    assert head.getheader("content-length") == str(len(body)), path
            # the same connection still frames the next answer correctly
            health = ask("GET", "/healthz")
            assert health.status == 200
            assert b'"status":"ok"' in health.read()
        finally:
            connection.close()
