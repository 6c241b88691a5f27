"""Canaries for the index package's hooks into whoosh-reloaded's internals. Each hook makes
indexing or search faster by reaching past Whoosh's public interface; each test here fails
if an upgrade of Whoosh changes what its hook relies on, instead of the index silently
slowing down or answering differently."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import query as wq
from whoosh.formats import Positions
from whoosh.reading import SegmentReader
from whoosh.scoring import BM25F, BM25FScorer

from indexer.index import TextIndex
from indexer.index.analysis import PAGE_STRIDE
from indexer.index.schema import decode_positions, encode_positions
from indexer.index.scoring import LengthCachingBM25F
from indexer.index.writing import _MemoryLengths

TEXTS = [
    "The license plate reader read the plate of the truck.",
    "A plate, another plate, and a third plate on the reader.",
    "Nothing about vehicles here at all.",
    "License plate readers and their data retention schedule: license plates kept.",
]


def _index(directory: Path, commits: int = 2) -> TextIndex:
    """An index of ``TEXTS`` in ``commits`` segments, with one record deleted."""
    index = TextIndex(directory, create=True)
    for commit in range(commits):
        with index.writer() as writer:
            for n, text in enumerate(TEXTS):
                writer.put(f"doc-{commit}-{n}", [text, text.upper()], {"title": [text[:20]]})
    with index.writer() as writer:
        writer.delete("doc-0-1")
    return index


def test_positions_read_with_pickle_are_whooshs_positions(tmp_path):
    """``decode_positions`` unpickles Whoosh's Positions values itself; the encoding must
    still be a count and pickled gaps, as Whoosh writes it and as the workers write it."""
    index = _index(tmp_path)
    fmt = Positions()
    assert encode_positions([3, 7, PAGE_STRIDE + 2]) == fmt.encode([3, 7, PAGE_STRIDE + 2])
    with index.open_searcher() as searcher:
        for leaf, _ in searcher.leaf_searchers():
            matcher = leaf.postings("content", "plate")
            while matcher.is_active():
                value = matcher.value()
                assert list(decode_positions(value)) == fmt.decode_positions(value)
                matcher.next()
    index.close()


def test_the_writer_reads_field_lengths_through_its_per_document_reader(tmp_path, monkeypatch):
    """The writer wraps Whoosh's per-document reader to hold field lengths in memory; Whoosh
    must still read a posting's field length through that reader when it commits."""
    calls = []
    original = _MemoryLengths.doc_field_length

    def counted(self: _MemoryLengths, docnum: int, fieldname: str, default: int = 0) -> object:
        calls.append(fieldname)
        return original(self, docnum, fieldname, default)

    monkeypatch.setattr(_MemoryLengths, "doc_field_length", counted)
    _index(tmp_path, commits=1).close()
    assert "content" in calls


def test_a_segment_reader_built_by_hand_reads_a_writers_segments(tmp_path):
    """``merge_tiers`` builds ``SegmentReader(storage, schema, segment)`` for the segments
    the writer hands it, and adds them with ``add_reader``."""
    index = _index(tmp_path)
    writer = index._index.writer()
    try:
        live = 0
        for segment in writer.segments:
            assert segment.doc_count_all() >= segment.deleted_count() >= 0
            reader = SegmentReader(writer.storage, writer.schema, segment)
            live += sum(1 for _ in reader.all_stored_fields())
            reader.close()
        assert live == 2 * len(TEXTS) - 1
        assert callable(writer.add_reader)
    finally:
        writer.cancel()
    index.close()


QUERIES = [
    wq.Term("content", "plate"),
    wq.Term("content", "licens"),
    wq.Or([wq.Term("content", "reader"), wq.Term("title", "licens")]),
    wq.Phrase("content", ["licens", "plate"]),
]


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_cached_field_lengths_score_as_whooshs_bm25f(tmp_path, query):
    """The BM25 length cache changes how fast documents are scored, not their scores, on an
    index of several segments with a deleted record."""
    index = _index(tmp_path)
    with index.open_searcher() as ours, index._index.searcher(weighting=BM25F()) as theirs:
        assert isinstance(ours.weighting, LengthCachingBM25F)
        got = sorted((round(s, 9), d) for s, d in ours.search(query, limit=None).top_n)
        want = sorted((round(s, 9), d) for s, d in theirs.search(query, limit=None).top_n)
        assert got and got == want
    index.close()


def test_bm25f_reads_field_lengths_through_the_scorers_dfl(tmp_path):
    """``LengthCachingBM25F`` builds Whoosh's BM25FScorer (with ``_field_B`` and ``K1``) and
    replaces its ``dfl``: the scorer must still read a document's field length there."""
    assert BM25F(content_B=0.5)._field_B == {"content": 0.5}
    index = _index(tmp_path, commits=1)
    with index.open_searcher() as searcher:
        leaf = searcher.leaf_searchers()[0][0]
        scorer = LengthCachingBM25F().scorer(leaf, "content", "plate")
        assert isinstance(scorer, BM25FScorer)
        matcher = leaf.postings("content", "plate")
        cached = scorer.score(matcher)
        scorer.dfl = lambda docnum: 1_000_000
        assert scorer.score(matcher) < cached
    index.close()
