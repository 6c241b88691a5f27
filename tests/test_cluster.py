"""Extraction on a Dask cluster (a real LocalCluster), with the writer here."""

import pytest

from indexer.pipeline import Indexer
from indexer.search import Library, SearchRequest
from indexer.store import Store

distributed = pytest.importorskip("distributed")


def test_index_through_a_dask_scheduler(release, tmp_path):
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
    try:
        store = Store(tmp_path / "index", writable=True)
        try:
            summary = Indexer(store, ocr_mode="off", scheduler=cluster.scheduler_address).run(
                [release]
            )
        finally:
            store.close()
    finally:
        cluster.close()
    assert summary.added == 3 and summary.failed == []
    lib = Library(tmp_path / "index")
    try:
        result = lib.search(SearchRequest())
        assert result.total == 3
        titles = {row.title for row in result.rows}
        assert all(title and not title.startswith("tmp") for title in titles)
    finally:
        lib.close()
