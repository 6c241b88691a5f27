"""Searching a changing index: phrase matching, answers kept per commit, and refreshing."""

import re
import threading

from whoosh import query as wq

from indexer.library import Library, SearchRequest
from indexer.textindex import PositionalPhrase

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

        def slow_build(catalog):
            built.wait(30)  # held until the old generation has answered
            return original(catalog)

        lib._build = slow_build  # type: ignore[method-assign]
        assert lib.search(SearchRequest()).total == 1  # the previous commit, not a wait
        built.set()
        lib._refreshing.join(30)  # type: ignore[union-attr]
        assert lib.search(SearchRequest()).total == 3
    finally:
        lib.close()
