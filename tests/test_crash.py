"""Killing the indexer at any moment leaves the previous index searchable; the next run
completes the work, and its index is the one a clean build makes."""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.search import Library, SearchRequest

from .conftest import ROOT, build_index, text_only_samples, write_endless_pdf

SCRIPT = """
import sys
from pathlib import Path
from indexer.pipeline import Indexer
from indexer.store import Store
store = Store(Path(sys.argv[2]), writable=True)
Indexer(store, workers=1, ocr_mode="off", commit_every=1).run([Path(sys.argv[1])])
"""
SEARCHES = (
    SearchRequest(per_page=100),
    SearchRequest(q="LPR", per_page=100),
    SearchRequest(q='ICE AND ("data sharing" OR contract)', per_page=100),
    SearchRequest(q="ICE", date_from="2018-01-01", date_to="2018-12-31", sort="date"),
)


def committed(index: Path) -> int:
    try:
        lib = Library(index)
    except Exception:
        return 0
    try:
        return lib.status()["documents"]
    finally:
        lib.close()


def contents(index: Path) -> dict[str, object]:
    """What a reader can learn from an index: its documents with their files, pages and
    entities, and what a few searches find."""
    lib = Library(index)
    try:
        documents = {}
        for doc in lib.catalog.documents(status=None):
            documents[doc.id] = {
                "record": (doc.title, doc.date, doc.doc_type, doc.collection, doc.status),
                "files": sorted(lib.catalog.file_names(doc.id)),
                "pages": lib.catalog.pages(doc.id),
                "entities": sorted(
                    lib.catalog.entities(doc.id), key=lambda e: (e.kind, e.value, e.pages)
                ),
            }
        searches = []
        for request in SEARCHES:
            result = lib.search(request)
            rows = {row.id: row for row in result.rows}  # ties may rank in either order
            searches.append((result.total, rows, result.facets, result.suggestion))
        return {"documents": documents, "whoosh": lib.text.doc_ids(), "searches": searches}
    finally:
        lib.close()


def test_kill_9_mid_run_keeps_the_index_and_the_next_run_finishes(tmp_path):
    release = tmp_path / "release" / "city"
    release.mkdir(parents=True)
    samples = text_only_samples()[:12]
    for source in samples:
        shutil.copy(source, release / source.name)
    # With one worker, files are read in the order of their names; one that cannot be read
    # in the test's time, named to come in the middle, holds the run there until the kill:
    # the files before it get committed, those after it are never read.
    names = sorted(source.name for source in samples)
    endless = release / f"{Path(names[len(names) // 2]).stem}_endless.pdf"
    write_endless_pdf(endless)
    ahead = sum(name < endless.name for name in names)
    assert 0 < ahead < len(samples)
    index = tmp_path / "index"
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(release.parent), str(index)],
        cwd=ROOT,
        start_new_session=True,  # its own process group, so the kill takes its worker too
    )
    try:
        deadline = time.monotonic() + 120  # only a guard against hanging
        while committed(index) < 1:
            if process.poll() is not None:
                pytest.fail(f"the indexer exited ({process.returncode}) before the kill")
            if time.monotonic() > deadline:
                pytest.fail("no document was committed within two minutes")
            time.sleep(0.02)
        assert process.poll() is None, "the indexer finished before the kill"
    finally:
        with contextlib.suppress(ProcessLookupError):  # gone already when the test failed
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    before = committed(index)
    assert 0 < before <= ahead < len(samples)  # killed mid-run
    lib = Library(index)
    try:
        assert lib.search(SearchRequest()).total == before  # searchable, and nothing half-done
    finally:
        lib.close()

    endless.unlink()
    summary = build_index([release.parent], index, ocr="off")
    assert summary["failed"] == []
    assert (summary["added"], summary["unchanged"]) == (len(samples) - before, before)
    clean = tmp_path / "clean"
    assert build_index([release.parent], clean, ocr="off")["added"] == len(samples)
    resumed, expected = contents(index), contents(clean)
    assert len(expected["documents"]) == len(samples)
    assert expected["whoosh"] == set(expected["documents"])
    assert all(0 < total < len(samples) for total, *_ in expected["searches"][1:])
    assert resumed["whoosh"] == expected["whoosh"]
    assert resumed["documents"] == expected["documents"]
    assert resumed["searches"] == expected["searches"]
