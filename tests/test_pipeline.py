"""Indexing runs over real files: incremental, deduplicated, and never stopped by a bad file."""

import os
import shutil
import sqlite3

from pebble import ProcessPool

from indexer.pipeline import Indexer
from indexer.pipeline.local import _limit_memory
from indexer.search import Library, SearchRequest
from indexer.store import SCHEMA_VERSION, Store

from .conftest import build_index, text_only_samples, write_endless_pdf


def test_second_run_skips_unchanged_files(release, tmp_path):
    index = tmp_path / "index"
    first = build_index([release], index)
    assert first["added"] == 3 and first["failed"] == []
    second = build_index([release], index)
    assert (second["added"], second["updated"], second["unchanged"]) == (0, 0, 3)
    assert second["pages"] == 0  # nothing was read again


def test_identical_files_are_one_document_with_all_their_paths(release, tmp_path):
    original = sorted((release / "city").glob("*.pdf"))[0]
    (release / "county").mkdir()
    shutil.copy(original, release / "county" / "copy.pdf")
    index = tmp_path / "index"
    summary = build_index([release], index)
    assert summary["added"] == 3 and summary["unchanged"] == 0
    lib = Library(index)
    try:
        docs = [d.id for d in lib.catalog.documents()]
        doc_id = next(d for d in docs if "county/copy.pdf" in lib.catalog.file_names(d))
        assert lib.document(doc_id).file_names == (f"city/{original.name}", "county/copy.pdf")
    finally:
        lib.close()


def test_changed_file_replaces_its_document(release, tmp_path):
    index = tmp_path / "index"
    build_index([release], index)
    target = sorted((release / "city").glob("*.pdf"))[0]
    replacement = text_only_samples()[-1]
    shutil.copy(replacement, target)
    summary = build_index([release], index)
    assert (summary["added"], summary["updated"], summary["unchanged"]) == (0, 1, 2)
    lib = Library(index)
    try:
        assert lib.status()["documents"] == 3
        names = [name for d in lib.catalog.documents() for name in lib.catalog.file_names(d.id)]
        assert sorted(names) == sorted(f"city/{p.name}" for p in (release / "city").glob("*.pdf"))
    finally:
        lib.close()


def test_batches_committed_in_the_background_lose_nothing(tmp_path):
    """With a commit after every page, results arrive while earlier batches are committing;
    each waits for the next writer, and a replaced file's old document is dropped."""
    release = tmp_path / "release"
    release.mkdir()
    samples = text_only_samples()[:10]
    for source in samples:
        shutil.copy(source, release / source.name)
    index = tmp_path / "index"

    def run() -> dict[str, object]:
        store = Store(index, writable=True)
        try:
            return Indexer(store, workers=2, ocr_mode="off", commit_every=1).run([release])
        finally:
            store.close()

    assert run().added == len(samples)
    shutil.copy(text_only_samples()[-1], release / samples[0].name)
    summary = run()
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, len(samples) - 1)
    lib = Library(index)
    try:
        ids = {d.id for d in lib.catalog.documents()}
        assert len(ids) == len(samples)
        assert lib.text.doc_ids() == ids  # Whoosh and the catalog agree, old record gone
        assert lib.search(SearchRequest()).total == len(samples)
    finally:
        lib.close()


def test_a_document_no_file_points_at_is_dropped_by_the_next_run(release, tmp_path):
    """A run stopped after committing a replaced file's new document, before dropping the old
    one, leaves the old one without files; the next run drops it."""
    index = tmp_path / "index"
    build_index([release], index)
    first, second = sorted((release / "city").glob("*.pdf"))[:2]
    with sqlite3.connect(index / "catalog.sqlite") as db:
        (old,) = db.execute("SELECT doc_id FROM files WHERE name = ?", (f"city/{first.name}",))
        (new,) = db.execute("SELECT doc_id FROM files WHERE name = ?", (f"city/{second.name}",))
        db.execute("UPDATE files SET doc_id = ? WHERE doc_id = ?", (new[0], old[0]))
    build_index([release], index)
    lib = Library(index)
    try:
        ids = {d.id for d in lib.catalog.documents()}
        assert old[0] not in ids and len(ids) == 2
        assert lib.text.doc_ids() == ids
    finally:
        lib.close()


def test_prune_removes_documents_whose_files_are_gone(release, tmp_path):
    index = tmp_path / "index"
    build_index([release], index)
    gone = sorted((release / "city").glob("*.pdf"))[0]
    gone.unlink()
    kept = build_index([release], index)
    assert kept["removed"] == 0
    pruned = build_index([release], index, prune=True)
    assert pruned["removed"] == 1
    lib = Library(index)
    try:
        assert lib.status()["documents"] == 2
        assert lib.search(SearchRequest()).total == 2
    finally:
        lib.close()


def test_bad_files_are_reported_and_the_batch_goes_on(release, tmp_path):
    (release / "city" / "notes.pdf").write_text("these are not the records you are looking for")
    good = sorted((release / "city").glob("*.pdf"))[0].read_bytes()
    (release / "city" / "truncated.pdf").write_bytes(good[: len(good) // 3])
    (release / "city" / "empty.pdf").write_bytes(b"")
    index = tmp_path / "index"
    summary = build_index([release], index)
    assert summary["added"] == 3
    reasons = {f["file"]: f["reason"] for f in summary["failed"]}
    assert set(reasons) == {"city/notes.pdf", "city/truncated.pdf", "city/empty.pdf"}
    assert all("PDF" in reason for reason in reasons.values())
    lib = Library(index)
    try:
        failed = {f["name"] for f in lib.status()["failed"]}
        assert failed == set(reasons)
    finally:
        lib.close()
    again = build_index([release], index)
    assert again["failed"] == [] and again["unchanged"] == 6


def test_an_index_from_another_schema_is_rebuilt(release, tmp_path):
    index = tmp_path / "index"
    build_index([release], index)
    db = sqlite3.connect(index / "catalog.sqlite")
    db.execute("UPDATE meta SET value = 'old' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    store = Store(index, writable=True)
    assert store.rebuilt and store.catalog.get_meta("schema_version") == SCHEMA_VERSION
    store.close()
    summary = build_index([release], index)
    assert summary["added"] == 3


def test_walk_survives_link_loops_and_unreadable_folders(release, tmp_path):
    os.symlink(release, release / "city" / "loop")
    summary = build_index([release], tmp_path / "index")
    assert summary["added"] == 3
    assert any("loop" in w for w in summary["warnings"])


def test_an_open_library_sees_documents_committed_after_it_opened(release, tmp_path):
    index = tmp_path / "index"
    build_index([release / "city" / sorted(p.name for p in (release / "city").iterdir())[0]], index)
    lib = Library(index)
    lib.CHECK_EVERY = 0.0  # look for the new commit on the next request, however soon
    try:
        assert lib.search(SearchRequest()).total == 1
        build_index([release], index)
        assert lib.search(SearchRequest()).total == 3
    finally:
        lib.close()


def test_a_file_locked_with_a_password_is_reported(release, tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    locked = canvas.Canvas(
        str(release / "city" / "locked.pdf"), encrypt=pdfencrypt.StandardEncryption("secret")
    )
    locked.drawString(72, 720, "withheld in full")
    locked.save()
    summary = build_index([release], tmp_path / "index")
    assert summary["added"] == 3
    assert summary["failed"] == [
        {"file": "city/locked.pdf", "reason": "encrypted: it needs a password that was not given"}
    ]


def test_per_file_time_and_memory_limits_are_reported(release, tmp_path):
    # The limit is a thousand times what a sample file takes to read (a few milliseconds)
    # and a thousandth of what the endless file takes (hours), so neither side is a race.
    write_endless_pdf(release / "city" / "long.pdf")
    store = Store(tmp_path / "slow", writable=True)
    try:
        slow = Indexer(store, workers=1, ocr_mode="off", timeout=5).run([release])
    finally:
        store.close()
    assert slow.failed == [
        {
            "file": "city/long.pdf",
            "reason": "took longer than the 5 s allowed per file (see --timeout)",
        }
    ]
    assert slow.added == 3  # the rest of the batch
    lib = Library(tmp_path / "slow")
    try:
        assert lib.search(SearchRequest()).total == 3
    finally:
        lib.close()


def _allocate(megabytes: int) -> bytearray:
    return bytearray(megabytes * 1024 * 1024)


def test_a_worker_over_its_memory_limit_is_reported(tmp_path):
    # A worker's memory limit caps growth of its address space (it starts as a fork of the
    # indexer); a file that makes extraction allocate past it fails with this reason.
    store = Store(tmp_path / "index", writable=True)
    indexer = Indexer(store, workers=1, memory_mb=300)
    pool = ProcessPool(max_workers=1, initializer=_limit_memory, initargs=(300,))
    try:
        future = pool.schedule(_allocate, args=(600,))
        failure = indexer.limits.result(future, "0" * 64, 123)
    finally:
        pool.stop()
        pool.join()
        store.close()
    assert failure.reason == "needed more than the 300 MB allowed per file (see --memory)"
