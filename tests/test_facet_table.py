"""The facet table: a facet value counts the documents that its query finds, including a
document whose identical files sit in two collections, which belongs to both."""

from __future__ import annotations

import shutil
from pathlib import Path

from indexer.search import Library, SearchRequest

from .conftest import build_index


def _agree(library: Library, facet: str, field: str) -> dict[str, int]:
    """A facet's values and counts, after checking that each counts exactly what filtering
    by it and searching its field find."""
    values = library.facet_values(SearchRequest(), facet)
    for value in values:
        filtered = library.search(SearchRequest(filters={facet: (value.value,)}))
        queried = library.search(SearchRequest(q=f"{field}:{value.value}"))
        assert value.count == filtered.total == queried.total, value
    return {value.value: value.count for value in values}


def test_a_document_in_two_collections_belongs_to_both(release: Path, tmp_path: Path):
    first = sorted((release / "city").iterdir())[0]
    (release / "county").mkdir()
    shutil.copy(first, release / "county" / first.name)
    build_index([release], tmp_path / "index", ocr="off")
    library = Library(tmp_path / "index")
    try:
        assert _agree(library, "collection", "collection") == {"city": 3, "county": 1}
        both = library.search(SearchRequest(filters={"collection": ("city", "county")}))
        assert both.total == 3
        shared = library.search(SearchRequest(q="collection:county")).rows[0].id
        city = library.search(SearchRequest(q="collection:city", per_page=10))
        assert shared in {row.id for row in city.rows}
        _agree(library, "doc_type", "type")
    finally:
        library.close()


def test_a_copy_found_by_a_later_run_adds_its_collection_and_pruning_removes_it(
    release: Path, tmp_path: Path
):
    build_index([release], tmp_path / "index", ocr="off")
    first = sorted((release / "city").iterdir())[0]
    (release / "county").mkdir()
    shutil.copy(first, release / "county" / first.name)
    build_index([release], tmp_path / "index", ocr="off")
    library = Library(tmp_path / "index")
    try:
        assert _agree(library, "collection", "collection") == {"city": 3, "county": 1}
    finally:
        library.close()
    (release / "county" / first.name).unlink()
    build_index([release], tmp_path / "index", ocr="off", prune=True)
    library = Library(tmp_path / "index")
    try:
        assert _agree(library, "collection", "collection") == {"city": 3}
    finally:
        library.close()
