"""Real released records nobody here wrote: every file is indexed or reported with a reason."""

import csv

import pytest

from indexer.extract import Options, extract
from indexer.search import Library, SearchRequest

from .conftest import REAL_CORPUS, build_index, requires_shared

pytestmark = requires_shared


@pytest.fixture(scope="module")
def real_index(tmp_path_factory):
    directory = tmp_path_factory.mktemp("real")
    summary = build_index([REAL_CORPUS], directory, ocr="off")  # OCR'd pages: see test_ocr
    return directory, summary


def manifest():
    with open(REAL_CORPUS.parent / "MANIFEST.tsv", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_every_file_is_indexed_or_reported(real_index):
    directory, summary = real_index
    names = {row["file"] for row in manifest()}
    lib = Library(directory)
    try:
        indexed = {
            name.split("/")[-1]
            for doc in lib.catalog.documents()
            for name in lib.catalog.file_names(doc.id)
        }
    finally:
        lib.close()
    failed = {f["file"].split("/")[-1] for f in summary["failed"]}
    assert names == indexed | failed
    assert all(f["reason"] for f in summary["failed"])


def test_page_counts_match_the_manifest(real_index):
    directory, _ = real_index
    lib = Library(directory)
    try:
        counts = {
            name.split("/")[-1]: doc.page_count
            for doc in lib.catalog.documents()
            for name in lib.catalog.file_names(doc.id)
        }
    finally:
        lib.close()
    for row in manifest():
        if row["file"] in counts:
            assert counts[row["file"]] == int(row["pages"]), row["file"]


def test_encrypted_files_with_an_empty_password_are_read():
    path = next(REAL_CORPUS.glob("*_ENCRYPTED.pdf"))
    result = extract(path, options=Options(ocr="off"))
    assert not hasattr(result, "reason"), result
    assert "Level Plains" in " ".join(p.text for p in result.pages)


def test_scans_without_a_text_layer_are_recorded_as_such():
    path = REAL_CORPUS / "nara-jfk_fbi-docid-32989794_file-62-sl-5038-serials-1-24.pdf"
    result = extract(path, options=Options(ocr="off"))
    assert len(result.pages) == 63
    assert all(p.image_only for p in result.pages)


def test_real_text_is_searchable_with_page_hits(real_index):
    directory, _ = real_index
    lib = Library(directory)
    try:
        result = lib.search(SearchRequest(q='"license plate reader"'))
        assert result.total >= 1
        row = result.rows[0]
        assert row.hits and all("<mark>" in hit.excerpt for hit in row.hits)
    finally:
        lib.close()
