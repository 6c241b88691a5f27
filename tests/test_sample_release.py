"""sample_docs/ as a newcomer meets it: the generated release beside a small collection of real,
public-domain federal records, which index through the real pipeline and read as records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import Settings, create_app

from .conftest import SAMPLE_DOCS, build_index, generated_collections

REAL = SAMPLE_DOCS / "real-federal-records"


def test_sample_docs_holds_the_generated_release_and_one_real_collection():
    folders = sorted(p.name for p in SAMPLE_DOCS.iterdir() if p.is_dir())
    assert folders == sorted([*generated_collections(), REAL.name])
    pdfs = sorted(p.name for p in REAL.glob("*.pdf"))
    assert len(pdfs) == 5
    readme = (REAL / "README.md").read_text()
    assert all(name in readme for name in pdfs)  # each file's source is stated


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    index = tmp_path_factory.mktemp("real-sample")
    summary = build_index([SAMPLE_DOCS / REAL.name], index, ocr="off")
    assert summary["added"] == 5 and summary["failed"] == []
    with TestClient(create_app(Settings(index_dir=Path(index)))) as test_client:
        yield test_client


def documents(client: TestClient) -> dict[str, dict]:
    rows = client.get("/api/search", params={"per_page": 20}).json()["results"]
    found = {}
    for row in rows:
        document = client.get(f"/api/documents/{row['id']}").json()
        found[Path(document["file_names"][0]).name] = document
    return found


def test_the_real_records_read_as_what_they_are(client):
    docs = documents(client)
    pia = docs["dhs-ice_pia-039a_license-plate-reader-commercial-data-update_2017-12-27.pdf"]
    assert "License Plate Reader" in pia["title"]
    assert pia["date"] == "2017-12-27"
    assert pia["issuer"]["name"] == "U.S. Immigration and Customs Enforcement"
    opinion = docs["2d-cir_aclu-irp-v-ice_21-1233_opinion_2023-01-26.pdf"]
    assert opinion["doc_type"] == "court_filing"
    assert "21-1233" in opinion["title"] and opinion["date"] == "2023-01-26"
    assert opinion["issuer"]["name"] == "United States Court of Appeals for the Second Circuit"
    brief = docs["sdny_aclu-irp-v-ice_19-cv-7058_govt-msj-memo_dkt31_2020-05-07.pdf"]
    assert brief["title"].startswith("Memorandum of Law")
    assert brief["doc_type"] == "court_filing" and brief["date"] == "2020-05-07"


def test_its_scans_wait_for_ocr_when_it_is_off(client):
    status = client.get("/api/status").json()
    assert (status["documents"], status["pages"]) == (5, 109)
    # the 287(g) agreement (11 pages) and the district court's opinion (15) are scans
    assert (status["image_only_pages"], status["ocr_pages"]) == (26, 0)
