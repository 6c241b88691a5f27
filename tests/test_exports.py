"""Exports of a whole result set (CSV, JSON Lines), the Atom feed, and "did you mean"."""

import csv
import io
import json
from xml.etree import ElementTree as ET

import feedparser
import pytest
from fastapi.testclient import TestClient
from reportlab.pdfgen import canvas

from app.main import Settings, create_app

from .conftest import build_index

ATOM = "{http://www.w3.org/2005/Atom}"


def test_jsonl_export_has_every_result_not_just_a_page(client):
    total = client.get("/api/search", params={"q": "plate"}).json()["total"]
    assert total > 20
    response = client.get("/api/search.jsonl", params={"q": "plate"})
    records = [json.loads(line) for line in response.text.splitlines()]
    assert len(records) == total
    assert all(r["matching_pages"] for r in records)
    first = records[0]
    assert {"id", "title", "date", "agencies", "contracts", "exemptions", "file_names"} <= set(
        first
    )


def test_csv_export_matches_and_defuses_formulas(client):
    response = client.get("/api/search.csv", params={"q": "HYPERLINK OR SUM"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    total = client.get("/api/search", params={"q": "HYPERLINK OR SUM"}).json()["total"]
    assert len(rows) == total >= 1
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    everything = client.get("/api/search.csv").text
    assert "LPR Query Audit Report FY2018 <ERO & HSI extract>" in everything  # kept as text


def test_exports_follow_the_filters(client):
    emails = client.get("/api/search", params={"q": "plate", "doc_type": "email"}).json()["total"]
    lines = client.get("/api/search.jsonl", params={"q": "plate", "doc_type": "email"}).text
    assert len(lines.splitlines()) == emails


def test_export_of_a_bad_query_is_a_400(client):
    assert client.get("/api/search.csv", params={"q": '"unclosed'}).status_code == 400


def test_atom_feed_lists_the_newest_matching_documents(client):
    response = client.get("/search.atom", params={"q": "Vigilant"})
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    total = client.get("/api/search", params={"q": "Vigilant"}).json()["total"]
    assert len(entries) == min(total, 50)
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert all(
        e.find(f"{ATOM}link").get("href").startswith("https://records.example.org/documents/")
        for e in entries
    )


def test_search_page_advertises_its_feed_and_exports(client):
    html = client.get("/search", params={"q": "Vigilant"}).text
    assert 'type="application/atom+xml"' in html
    assert "/api/search.csv?q=Vigilant" in html


def test_misspelled_query_offers_did_you_mean(client):
    data = client.get("/api/search", params={"q": "licnse plate"}).json()
    assert data["total"] == 0
    assert data["suggestion"]["query"] == "license plate"
    assert client.get("/api/search", params={"q": data["suggestion"]["query"]}).json()["total"] > 0
    assert "Did you mean" in client.get("/search", params={"q": "licnse plate"}).text


def parsed_feed(body: bytes) -> tuple[ET.Element, feedparser.FeedParserDict]:
    """The feed read by a strict XML parser and by a feed reader, which must not find it
    malformed (bozo)."""
    tree = ET.fromstring(body)
    feed = feedparser.parse(body)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return tree, feed


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("%01ctrl", "Reading Room: ctrl"),
        ("%EF%BF%BE", "Reading Room:"),
        ("ctrl%1F%EF%BF%BF%00", "Reading Room: ctrl"),
        ("%ED%A0%80plate", None),  # an encoded lone surrogate: not UTF-8 at all
    ],
)
def test_atom_feed_of_a_query_with_forbidden_characters_is_well_formed(client, query, title):
    response = client.get(f"/search.atom?q={query}")
    assert response.status_code == 200
    tree, feed = parsed_feed(response.content)
    assert tree.find(f"{ATOM}title").text.strip() == feed.feed.title
    if title is not None:
        assert feed.feed.title == title


def test_atom_feed_of_a_title_with_forbidden_characters_is_well_formed(tmp_path):
    release = tmp_path / "release" / "city"
    release.mkdir(parents=True)
    pdf = canvas.Canvas(str(release / "award.pdf"))
    pdf.setTitle("Award\x01 notice\ufffe of\uffff the\x08 plate contract")
    pdf.drawString(72, 720, "The license plate reader contract is awarded to Vigilant Solutions.")
    pdf.save()
    build_index([release.parent], tmp_path / "index")
    app = create_app(Settings(index_dir=tmp_path / "index", base_url="https://records.example"))
    with TestClient(app) as client:
        stored = client.get("/api/search").json()["results"][0]["title"]
        assert stored == "Award\x01 notice\ufffe of\uffff the\x08 plate contract"  # as the PDF says
        response = client.get("/search.atom", params={"q": "plate"})
    tree, feed = parsed_feed(response.content)
    assert [e.find(f"{ATOM}title").text for e in tree.findall(f"{ATOM}entry")] == [
        "Award notice of the plate contract"
    ]
    assert [entry.title for entry in feed.entries] == ["Award notice of the plate contract"]
