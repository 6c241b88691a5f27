"""Sharing one library between request threads: no lock is held while a client reads an
export, an export may be resumed on another thread, and the catalog answers many threads at
once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from indexer.search import Library, SearchRequest

SEARCH = SearchRequest(q="license plate")
DEADLINE = 30.0  # seconds: a guard against a hang, far beyond a search's milliseconds


def search_from_another_thread(library: Library, request: SearchRequest) -> int | None:
    """The total of a search run on a thread of its own; None if it did not finish."""
    found: list[int] = []
    thread = threading.Thread(
        target=lambda: found.append(library.search(request).total), daemon=True
    )
    thread.start()
    thread.join(DEADLINE)
    return found[0] if found else None


def test_a_stalled_export_does_not_hold_up_searches(library):
    expected = library.search(SearchRequest(q="camera")).total
    export = library.export(SearchRequest(), chunk=5)
    first = next(export)  # the client has read one row, then stalls
    fresh = SearchRequest(q="camera", page=2, per_page=3)  # not an answer kept from before
    assert search_from_another_thread(library, fresh) == expected
    assert first.document.id
    export.close()


def test_an_export_resumed_on_other_threads_finishes(library):
    """Starlette resumes a streaming response's iterator on whichever worker thread is free."""
    everything = library.search(SearchRequest(per_page=100)).total
    export = library.export(SearchRequest(), chunk=4)
    ids = [next(export).document.id]
    with ThreadPoolExecutor(3) as threads:
        while (row := threads.submit(next, export, None).result()) is not None:
            ids.append(row.document.id)
    assert len(ids) == len(set(ids)) == everything


def test_the_catalog_answers_many_threads_at_once(library):
    catalog = library.catalog
    doc_ids = [doc.id for doc in catalog.documents()]

    def read_everything(_: int) -> tuple[int, int, int]:
        pages = entities = 0
        for doc_id in doc_ids:
            pages += len(catalog.pages(doc_id))
            entities += len(catalog.entities(doc_id))
        documents = sum(1 for _ in catalog.documents())
        return documents, pages, entities

    with ThreadPoolExecutor(8) as threads:
        answers = set(threads.map(read_everything, range(16)))
    assert len(answers) == 1
    documents, pages, _ = answers.pop()
    assert documents == len(doc_ids) and pages > documents
