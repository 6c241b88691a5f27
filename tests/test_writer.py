"""The Whoosh writer's merge policy: segments merge ten at a time, and deletions are purged."""

from whoosh import query as wq

from indexer.textindex import MERGE_WIDTH, TextIndex


def _put(index: TextIndex, *numbers: int) -> None:
    with index.writer() as writer:
        for n in numbers:
            writer.put(f"doc-{n}", [f"license plate record {n}"], {"title": [f"Record {n}"]})


def _segment_sizes(index: TextIndex) -> list[int]:
    return sorted(s.doc_count() for s in index._index._segments())


def test_small_commits_merge_ten_at_a_time(tmp_path):
    index = TextIndex(tmp_path, create=True)
    for n in range(MERGE_WIDTH):
        _put(index, n)
    assert _segment_sizes(index) == [1] * MERGE_WIDTH  # nine waiting, and the tenth
    _put(index, MERGE_WIDTH)
    assert _segment_sizes(index) == [MERGE_WIDTH + 1]  # the ten merged with the new commit
    _put(index, MERGE_WIDTH + 1)
    assert _segment_sizes(index) == [1, MERGE_WIDTH + 1]
    with index.open_searcher() as searcher:
        found = searcher.search(wq.Term("content", "plate"), limit=None)
        assert len(found) == MERGE_WIDTH + 2
    index.close()


def test_a_mostly_deleted_segment_is_rewritten_without_its_deleted_records(tmp_path):
    index = TextIndex(tmp_path, create=True)
    _put(index, 1, 2, 3, 4)
    _put(index, 5)
    with index.writer() as writer:
        for n in (1, 2, 3):
            writer.delete(f"doc-{n}")
    assert _segment_sizes(index) == [1, 1]  # doc-4 copied out of its segment, doc-5 kept
    assert sum(s.doc_count_all() for s in index._index._segments()) == 2
    assert index.doc_ids() == {"doc-4", "doc-5"}
    index.close()
