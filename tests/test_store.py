"""An index directory on disk: its layout, its schema version, and writing into it."""

import hashlib
import sqlite3
from pathlib import Path

import pytest

from indexer.catalog import Catalog, FileRecord
from indexer.errors import IndexUnavailable
from indexer.models import Entity, Extraction, Failure, Page
from indexer.store import SCHEMA_VERSION, Layout, Store, prepare, search_fields

EXTRACTOR = "test/ocr=off"


def extraction(n: int, title: str = "Sharing report") -> Extraction:
    return Extraction(
        sha256=hashlib.sha256(str(n).encode()).hexdigest(),
        size=1000 + n,
        title=f"{title} {n}",
        pages=(
            Page(number=1, text=f"License plate reader sharing report {n}", bates=f"LB-{n:06d}"),
            Page(number=2, text="Agencies with access to the data"),
        ),
        entities=(
            Entity("agency", "Long Beach Police Department", (1,), ("LBPD",), {}),
            Entity("contract", "HSCEMD-17-C-00012", (2,)),
        ),
        doc_type="report",
        date="2019-03-31",
    )


def files_of(result: Extraction | Failure, *names: str) -> list[FileRecord]:
    """The files with a result's content, in the collection "city"."""
    error = None if result.doc_id else "cannot read the file"
    return [
        FileRecord(f"/releases/city/{name}", f"city/{name}", "city", result.doc_id, 1, 1, error)
        for name in names
    ]


def set_schema_version(directory: Path, version: str) -> None:
    with sqlite3.connect(Layout(directory).catalog) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    db.close()


@pytest.fixture
def written(tmp_path: Path) -> Path:
    """An index with two documents committed."""
    store = Store(tmp_path / "index", writable=True)
    try:
        store.write(
            [
                (extraction(1), files_of(extraction(1), "one.pdf", "copy-of-one.pdf")),
                (extraction(2), files_of(extraction(2), "two.pdf")),
            ],
            EXTRACTOR,
        )
    finally:
        store.close()
    return tmp_path / "index"


def test_the_layout_names_every_part_of_an_index_directory(tmp_path):
    layout = Layout(tmp_path)
    assert layout.catalog == tmp_path / "catalog.sqlite"
    assert layout.catalog_files == (
        tmp_path / "catalog.sqlite",
        tmp_path / "catalog.sqlite-wal",
        tmp_path / "catalog.sqlite-shm",
    )
    assert layout.text == tmp_path / "text"
    assert layout.ocr_cache == tmp_path / "ocr-cache.sqlite"
    assert layout.images == tmp_path / "images"


def test_a_writer_makes_a_new_index_with_this_schema_version(tmp_path):
    directory = tmp_path / "new" / "index"
    store = Store(directory, writable=True)
    try:
        assert store.layout == Layout(directory)
        assert store.layout.catalog.is_file() and store.layout.text.is_dir()
        assert store.catalog.get_meta("schema_version") == SCHEMA_VERSION
        assert not store.rebuilt
        assert store.text.doc_ids() == set()
    finally:
        store.close()


def test_documents_written_are_in_the_catalog_and_the_text_index(written):
    store = Store(written)  # a reader
    try:
        doc = store.catalog.document(extraction(1).doc_id)
        assert doc is not None
        assert (doc.title, doc.collection, doc.page_count, doc.extractor) == (
            "Sharing report 1",
            "city",
            2,
            EXTRACTOR,
        )
        assert (doc.date, doc.doc_type, doc.status) == ("2019-03-31", "report", "ok")
        assert store.catalog.file_names(doc.id) == ["city/copy-of-one.pdf", "city/one.pdf"]
        assert [p.bates for p in store.catalog.pages(doc.id)] == ["LB-000001", None]
        assert store.text.doc_ids() == {extraction(1).doc_id, extraction(2).doc_id}
        assert store.catalog.counts()["entities"] == {"agency": 2, "contract": 2}
    finally:
        store.close()


def test_the_schema_version_is_kept_when_the_index_is_opened_again(written):
    store = Store(written, writable=True)
    try:
        assert not store.rebuilt
        assert store.catalog.get_meta("schema_version") == SCHEMA_VERSION
        assert len(store.text.doc_ids()) == 2
    finally:
        store.close()


def test_an_index_from_another_version_is_rebuilt_by_a_writer(written):
    layout = Layout(written)
    layout.ocr_cache.write_bytes(b"kept")  # they depend on file contents, not on the schema
    (layout.images / "0000000000000001").mkdir(parents=True)
    set_schema_version(written, "1")
    store = Store(written, writable=True)
    try:
        assert store.rebuilt
        assert store.catalog.get_meta("schema_version") == SCHEMA_VERSION
        assert list(store.catalog.documents(status=None)) == []
        assert store.catalog.files() == {}
        assert store.text.doc_ids() == set()
    finally:
        store.close()
    assert layout.ocr_cache.read_bytes() == b"kept"
    assert (layout.images / "0000000000000001").is_dir()


def test_an_index_from_another_version_is_refused_by_a_reader_and_left_alone(written):
    set_schema_version(written, "1")
    with pytest.raises(IndexUnavailable) as refused:
        Store(written)
    assert refused.value.message == (
        f"The index at {written} was built by another version of Reading Room (schema 1, "
        f"this one reads {SCHEMA_VERSION}). Rebuild it with: readingroom index PATH --index "
        f"{written}"
    )
    catalog = Catalog(Layout(written).catalog, readonly=True)
    try:
        assert catalog.get_meta("schema_version") == "1"
        assert catalog.counts()["documents"] == 2
    finally:
        catalog.close()


def test_no_index_is_refused_by_a_reader_with_how_to_build_one(tmp_path):
    with pytest.raises(IndexUnavailable) as refused:
        Store(tmp_path / "nowhere")
    assert refused.value.message == (
        f"No index at {tmp_path / 'nowhere'}. Build one with: "
        f"readingroom index PATH --index {tmp_path / 'nowhere'}"
    )
    assert not (tmp_path / "nowhere").exists()


def test_an_index_whose_first_run_has_not_committed_is_refused_by_a_reader(tmp_path):
    """A writer creates the catalog before the text index: a reader may look in between."""
    layout = Layout(tmp_path)
    catalog = Catalog(layout.catalog)
    with catalog.transaction():
        catalog.set_meta("schema_version", SCHEMA_VERSION)
    catalog.close()
    with pytest.raises(IndexUnavailable) as refused:
        Store(tmp_path)
    assert refused.value.message == (
        f"The index at {tmp_path} has no search index yet (an indexing run has not committed). "
        f"Build it with: readingroom index PATH --index {tmp_path}"
    )


def test_nothing_added_is_seen_before_the_commit_and_a_cancel_leaves_nothing(tmp_path):
    store = Store(tmp_path, writable=True)
    try:
        writing = store.writing(EXTRACTOR)
        writing.add(extraction(1), files_of(extraction(1), "one.pdf"))
        assert store.catalog.document(extraction(1).doc_id) is None
        assert store.text.doc_ids() == set()
        writing.cancel()
        later = store.writing(EXTRACTOR)  # the cancel let go of the text index's lock
        later.add(extraction(2), files_of(extraction(2), "two.pdf"), prepare(extraction(2)))
        later.commit()
        assert store.text.doc_ids() == {extraction(2).doc_id}
        assert [d.id for d in store.catalog.documents()] == [extraction(2).doc_id]
    finally:
        store.close()


def test_a_document_extracted_again_replaces_its_record(written):
    store = Store(written, writable=True)
    try:
        again = extraction(1, title="Revised report")
        store.write([(again, files_of(again, "one.pdf"))], "test/2")
        doc = store.catalog.document(again.doc_id)
        assert (doc.title, doc.extractor) == ("Revised report 1", "test/2")
        assert len(store.text.doc_ids()) == 2
    finally:
        store.close()


def test_a_failure_is_recorded_and_drops_the_documents_search_record(written):
    store = Store(written, writable=True)
    try:
        failure = Failure(extraction(1).sha256, 1001, "encrypted: it needs a password")
        unread = Failure(None, 0, "cannot read the file: Permission denied")
        store.write(
            [(failure, files_of(failure, "one.pdf")), (unread, files_of(unread, "gone.pdf"))],
            EXTRACTOR,
        )
        doc = store.catalog.document(failure.doc_id)
        assert (doc.status, doc.error, doc.title) == (
            "failed",
            "encrypted: it needs a password",
            "city/one.pdf",
        )
        assert store.text.doc_ids() == {extraction(2).doc_id}
        assert store.catalog.files()["/releases/city/gone.pdf"].doc_id is None
    finally:
        store.close()


def test_removed_documents_leave_the_catalog_and_the_text_index(written):
    store = Store(written, writable=True)
    try:
        store.remove_documents([extraction(1).doc_id])
        assert store.text.doc_ids() == {extraction(2).doc_id}
        assert [d.id for d in store.catalog.documents()] == [extraction(2).doc_id]
        assert store.catalog.pages(extraction(1).doc_id) == []
    finally:
        store.close()


def test_reconcile_drops_search_records_the_catalog_does_not_know(written):
    """What a run leaves when it dies between the text index's commit and the catalog's."""
    store = Store(written, writable=True)
    try:
        with store.text.writer() as writer:
            writer.add(prepare(extraction(3)).record)
        assert len(store.text.doc_ids()) == 3
        store.reconcile()
        assert store.text.doc_ids() == {extraction(1).doc_id, extraction(2).doc_id}
    finally:
        store.close()


def test_search_fields_gather_agency_forms_and_email_headers():
    email = Entity(
        "email",
        "2019-04-29T09:12",
        (1,),
        attrs={"from": "a@lbpd.gov", "to": ["b@lbpd.gov"], "cc": ["c@ice.gov"], "subject": "RE"},
    )
    ex = Extraction(
        sha256="f" * 64,
        size=1,
        title="RE: Outside users",
        pages=(Page(number=1, text="x"),),
        entities=(
            Entity("agency", "Long Beach Police Department", (1,), ("LBPD", "Long Beach PD")),
            Entity("agency", "ICE", (1,), (), {"abbreviation": "ICE"}),
            Entity("exemption", "(b)(6)", (1,)),
            email,
        ),
        doc_type="email",
    )
    assert search_fields(ex) == {
        "title": ["RE: Outside users"],
        "doc_type": ["email"],
        "agency": ["Long Beach Police Department", "LBPD", "Long Beach PD", "ICE"],
        "contract": [],
        "exemption": ["(b)(6)"],
        "bates": [],
        "email_from": ["a@lbpd.gov"],
        "email_to": ["b@lbpd.gov", "c@ice.gov"],
        "subject": ["RE"],
        "issuer": [],
        "request": [],
        "vendor": [],
    }


def test_search_fields_name_the_issuer_as_its_agency_is_named_with_requests_and_vendors():
    def fields(issuer: str, *entities: Entity) -> dict[str, object]:
        ex = Extraction("e" * 64, 1, "Letter", (Page(1, "x"),), entities, issuer=issuer)
        found = search_fields(ex)
        return {name: found[name] for name in ("issuer", "request", "vendor")}

    lbpd = Entity("agency", "Long Beach Police Department", (1,), ("LBPD", "Long Beach PD"))
    request = Entity("request", "19-0412", (1,))
    vendor = Entity("vendor", "Vigilant Solutions, LLC", (1,))
    assert fields("Long Beach Police Department", lbpd, request, vendor) == {
        "issuer": ["Long Beach Police Department", "LBPD", "Long Beach PD"],
        "request": ["19-0412"],
        "vendor": ["Vigilant Solutions, LLC"],
    }
    # an agency of the reference lists that the record does not name, by its domain
    ice = "U.S. Immigration and Customs Enforcement"
    assert fields(ice)["issuer"] == [ice, "ICE"]
    court = "United States District Court for the Southern District of New York"
    assert fields(court, lbpd)["issuer"] == [court]
