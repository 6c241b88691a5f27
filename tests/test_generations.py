"""Searching a changing index: phrase matching, answers kept per commit, and refreshing."""

import re
import threading

from whoosh import query as wq

from indexer.index.phrases import PositionalPhrase
from indexer.search import Library, SearchRequest
from indexer.store import Store

from .conftest import build_index

PHRASES = [
    (["licens", "plate"], 1),
    (["licens", "plate", "reader"], 1),
    (["law", "enforc"], 1),
    (["plate", "search"], 4),  # "plate search"~3
    (["data", "retent"], 6),
    (["privaci", "impact", "assess"], 1),
]


def test_positional_phrases_match_and_score_as_whooshs_own(library):
    with library.text.open_searcher() as searcher:
        for words, slop in PHRASES:
            ours = searcher.search(PositionalPhrase("content", words, slop=slop), limit=None)
            theirs = searcher.search(wq.Phrase("content", words, slop=slop), limit=None)
            expected = sorted((round(score, 9), docnum) for score, docnum in theirs.top_n)
            assert expected, words
            assert sorted((round(s, 9), d) for s, d in ours.top_n) == expected, words


def test_phrase_hits_land_on_their_pages(library):
    result = library.search(SearchRequest(q='"license plate reader"'))
    assert result.total > 0
    for row in result.rows:
        for hit in row.hits:
            assert re.search(r"<mark>license plate readers?</mark>", hit.excerpt.lower())


def test_a_repeated_search_is_answered_from_the_cache(library):
    request = SearchRequest(q="license plate", filters={"doc_type": ("email",)})
    first = library.search(request)
    assert library.search(request) is first
    library.clear_cache()
    again = library.search(request)
    assert again is not first and again == first


def test_a_slow_generation_is_rebuilt_while_the_old_one_answers(release, tmp_path):
    index = tmp_path / "index"
    names = sorted(p.name for p in (release / "city").iterdir())
    build_index([release / "city" / names[0]], index)
    lib = Library(index)
    try:
        assert lib.search(SearchRequest()).total == 1
        lib.SYNC_REFRESH = 0.0  # as on a large index: every rebuild goes to the background
        lib.CHECK_EVERY = 0.0  # look for the new commit on the next request, however soon
        build_index([release], index)
        built = threading.Event()
        original = lib._build

        def slow_build(catalog, version):
            built.wait(30)  # held until the old generation has answered
            return original(catalog, version)

        lib._build = slow_build  # type: ignore[method-assign]
        assert lib.search(SearchRequest()).total == 1  # the previous commit, not a wait
        built.set()
        lib._refreshing.join(30)  # type: ignore[union-attr]
        assert lib.search(SearchRequest()).total == 3
    finally:
        lib.close()


def test_a_record_the_catalog_does_not_hold_yet_is_left_out(release, tmp_path):
    """Whoosh commits before the catalog: a generation built between the two commits must
    neither show nor trip over the record, and the catalog's commit starts a new one."""
    index = tmp_path / "index"
    names = sorted(p.name for p in (release / "city").iterdir())
    build_index([release / "city" / names[0]], index)
    lib = Library(index)
    lib.CHECK_EVERY = 0.0
    try:
        assert lib.search(SearchRequest()).total == 1
        store = Store(index, writable=True)
        with store.text.writer() as writer:
            writer.put("not-in-catalog", ["license plate reader"], {"title": ["Orphan"]})
        for sort in ("relevance", "date", "-date", "-indexed"):
            assert lib.search(SearchRequest(sort=sort)).total == 1
        assert lib.search(SearchRequest(q="license plate reader")).total <= 1
        before = lib._current
        with store.catalog.transaction():
            store.catalog.set_meta("touched", "yes")
        store.close()
        lib.search(SearchRequest(q="anything"))
        assert lib._current is not before  # the catalog's commit made a new generation
    finally:
        lib.close()
