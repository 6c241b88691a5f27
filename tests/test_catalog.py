"""The catalog: documents, their files, pages, entities, failures and runs, written and read
back through a real SQLite catalog."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from indexer.catalog import Catalog, FileRecord
from indexer.models import Entity, Extraction, Failure, Page, Redaction

BOX = Redaction(bbox=(72.0, 100.0, 300.0, 120.0), label="(b)(6)", exemptions=("(b)(6)",))
HIDING = Redaction(bbox=(72.0, 200.0, 300.0, 220.0), hidden=12)


def extraction(sha: str, title: str, pages: int = 2, **kwargs: Any) -> Extraction:
    return Extraction(
        sha256=sha * 64,
        size=1000,
        title=title,
        pages=tuple(
            Page(number=n, text=f"{title} page {n}", bates=f"ICE-{n:06d}")
            for n in range(1, pages + 1)
        ),
        **kwargs,
    )


def file(path: str, doc_id: str | None, collection: str = "release", error: str | None = None):
    return FileRecord(path, Path(path).name, collection, doc_id, 1000, 1, error)


@pytest.fixture
def catalog(tmp_path: Path):
    catalog = Catalog(tmp_path / "catalog.sqlite")
    yield catalog
    catalog.close()


def test_a_document_is_read_back_as_it_was_put(catalog):
    ex = extraction("a", "Contract", doc_type="contract", date="2019-04-02", metadata={"k": "v"})
    with catalog.transaction():
        catalog.put_extraction(ex, "ice-foia", "extractor-1")
        catalog.put_file(file("/r/ice-foia/contract.pdf", ex.doc_id, "ice-foia"))
    doc = catalog.document(ex.doc_id)
    assert doc is not None
    assert (doc.title, doc.collection, doc.page_count, doc.date) == (
        "Contract",
        "ice-foia",
        2,
        "2019-04-02",
    )
    assert (doc.doc_type, doc.status, doc.metadata, doc.extractor) == (
        "contract",
        "ok",
        {"k": "v"},
        "extractor-1",
    )
    assert doc.indexed_at.endswith("Z")
    assert catalog.documents_by_id([ex.doc_id, "missing"]) == {ex.doc_id: doc}
    assert [d.id for d in catalog.documents()] == [ex.doc_id]
    assert catalog.document("missing") is None


def test_pages_keep_their_text_bates_and_redactions(catalog):
    ex = Extraction(
        sha256="b" * 64,
        size=10,
        title="Memo",
        pages=(
            Page(1, "first █████ page", bates="ICE-000001", redactions=(BOX, HIDING)),
            Page(2, "", image_only=True, ocr=True, rotation=90, width=792.0, height=612.0),
        ),
    )
    with catalog.transaction():
        catalog.put_extraction(ex, "release", "x")
    first, second = catalog.pages(ex.doc_id)
    assert first == ex.pages[0]
    assert second == ex.pages[1]
    assert catalog.pages(ex.doc_id, [2]) == [ex.pages[1]]
    assert catalog.page_texts(ex.doc_id, [2, 1, 9]) == {1: "first █████ page", 2: ""}
    assert catalog.page_texts(ex.doc_id, []) == {}
    summaries = [dict(row) for row in catalog.page_summaries(ex.doc_id)]
    assert summaries[1] == {
        "number": 2,
        "image_only": 1,
        "ocr": 1,
        "bates": None,
        "width": 792.0,
        "height": 612.0,
    }


def test_entities_are_read_by_document_and_kind(catalog):
    ice = Entity("agency", "Immigration and Customs Enforcement", (1, 2), ("ICE",), {"abbr": "ICE"})
    lbpd = Entity("agency", "Long Beach Police Department", (2,))
    b6 = Entity("exemption", "(b)(6)", (1,))
    ex = extraction("c", "Emails", entities=(ice, lbpd, b6))
    other = extraction("d", "Other", entities=(lbpd,))
    with catalog.transaction():
        catalog.put_extraction(ex, "release", "x")
        catalog.put_extraction(other, "release", "x")
    assert catalog.entities(ex.doc_id) == [ice, lbpd, b6]
    assert catalog.entities(ex.doc_id, ("exemption",)) == [b6]
    assert [tuple(row) for row in catalog.entity_values(["exemption"])] == [
        (ex.doc_id, "exemption", "(b)(6)")
    ]
    assert catalog.entity_values_of(other.doc_id) == [
        (other.doc_id, "agency", "Long Beach Police Department")
    ]
    assert catalog.mention_counts([ex.doc_id, other.doc_id], "agency") == {
        ex.doc_id: {"Immigration and Customs Enforcement": 2, "Long Beach Police Department": 1},
        other.doc_id: {"Long Beach Police Department": 1},
    }
    assert catalog.mention_counts([], "agency") == {}


def test_putting_a_document_again_replaces_its_pages_and_entities(catalog):
    first = extraction("e", "Draft", pages=3, entities=(Entity("contract", "GS-35F", (1,)),))
    again = extraction("e", "Final", pages=1)
    with catalog.transaction():
        catalog.put_extraction(first, "release", "x")
    with catalog.transaction():
        catalog.put_extraction(again, "release", "x")
    assert [p.number for p in catalog.pages(again.doc_id)] == [1]
    assert catalog.entities(again.doc_id) == []
    doc = catalog.document(again.doc_id)
    assert doc is not None and doc.title == "Final"
    with catalog.transaction():
        catalog.delete_document(again.doc_id)
    assert catalog.document(again.doc_id) is None and catalog.pages(again.doc_id) == []


def test_files_name_their_document_and_collections(catalog):
    ex = extraction("f", "Shared")
    with catalog.transaction():
        catalog.put_extraction(ex, "city", "x")
        catalog.put_file(file("/r/county/b.pdf", ex.doc_id, "county"))
        catalog.put_file(file("/r/city/a.pdf", ex.doc_id, "city"))
        catalog.put_file(file("/r/city/broken.pdf", None, "city", error="not a PDF"))
    assert catalog.file_names(ex.doc_id) == ["a.pdf", "b.pdf"]
    assert catalog.file_paths(ex.doc_id) == ["/r/city/a.pdf", "/r/county/b.pdf"]
    assert catalog.collections() == ["city", "county"]
    assert set(catalog.files()) == {"/r/county/b.pdf", "/r/city/a.pdf", "/r/city/broken.pdf"}
    assert catalog.orphan_documents() == []
    with catalog.transaction():
        catalog.delete_file("/r/county/b.pdf")
        catalog.delete_file("/r/city/a.pdf")
    assert catalog.orphan_documents() == [ex.doc_id]


def test_failures_name_the_file_and_the_reason(catalog):
    failure = Failure(sha256="9" * 64, size=5, reason="The file is encrypted with a password.")
    with catalog.transaction():
        catalog.put_failure(failure, "locked.pdf", "city", "x")
        catalog.put_file(file("/r/city/locked.pdf", failure.doc_id, "city"))
        catalog.put_file(file("/r/city/empty.pdf", None, "city", error="The file is empty."))
        catalog.put_failure(Failure(None, 0, "unreadable"), "gone.pdf", "city", "x")  # no id
    assert catalog.failures() == [
        {"name": "empty.pdf", "path": "/r/city/empty.pdf", "reason": "The file is empty."},
        {"name": "locked.pdf", "path": "/r/city/locked.pdf", "reason": failure.reason},
    ]
    assert [d.id for d in catalog.documents()] == []  # only documents that were read
    (failed,) = catalog.documents(status=None)
    assert (failed.status, failed.error, failed.page_count) == ("failed", failure.reason, 0)


def test_unapplied_redactions_are_counted_per_document_without_their_text(catalog):
    ex = Extraction(
        sha256="7" * 64,
        size=10,
        title="Report",
        pages=(
            Page(1, "text", redactions=(BOX,)),
            Page(2, "text", redactions=(HIDING, HIDING)),
            Page(3, "text", redactions=(HIDING,)),
        ),
    )
    with catalog.transaction():
        catalog.put_extraction(ex, "release", "x")
        catalog.put_extraction(extraction("8", "Clean"), "release", "x")
        catalog.put_file(file("/r/release/report.pdf", ex.doc_id))
    assert catalog.unapplied_redactions() == [
        {
            "document": ex.doc_id,
            "title": "Report",
            "files": ["report.pdf"],
            "boxes": 3,
            "pages": [2, 3],
        }
    ]


def test_counts_meta_and_runs(catalog):
    with catalog.transaction():
        catalog.put_extraction(
            extraction("1", "One", entities=(Entity("bates", "X", (1,)),)), "r", "x"
        )
        catalog.set_meta("schema_version", "2")
        catalog.add_run("2026-01-01T00:00:00", "2026-01-01T00:01:00", {"added": 1})
        catalog.add_run("2026-01-02T00:00:00", "2026-01-02T00:01:00", {"added": 0})
    counts = catalog.counts()
    assert (counts["documents"], counts["pages"], counts["entities"]) == (1, 2, {"bates": 1})
    assert catalog.get_meta("schema_version") == "2" and catalog.get_meta("missing") is None
    assert catalog.last_run() == {
        "started": "2026-01-02T00:00:00",
        "finished": "2026-01-02T00:01:00",
        "added": 0,
    }


def test_a_reader_sees_another_connections_commit_and_cannot_write(catalog, tmp_path):
    reader = Catalog(tmp_path / "catalog.sqlite", readonly=True)
    try:
        before = reader.data_version()
        with catalog.transaction():
            catalog.put_extraction(extraction("2", "New"), "release", "x")
        assert reader.data_version() != before
        assert [d.title for d in reader.documents()] == ["New"]
        with pytest.raises(sqlite3.OperationalError):
            reader.set_meta("key", "value")
    finally:
        reader.close()
