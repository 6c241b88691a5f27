"""The Whoosh writer: records analysed outside Whoosh, and the merge policy (segments merge
ten at a time, and deletions are purged)."""

from whoosh import index
from whoosh import query as wq
from whoosh.writing import SegmentWriter

from indexer.index import PAGE_BREAK, IndexWriter, TextIndex, analyse_record
from indexer.index.schema import make_schema
from indexer.index.writing import MERGE_WIDTH, _SegmentWriter
from indexer.pdf import read_document

from .conftest import SAMPLE_DOCS


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


def test_records_analysed_in_workers_match_whooshs_own_analysis():
    """``analyse_record`` (run in the extraction workers) gives every field exactly the terms,
    weights and encoded positions that Whoosh's analysis of the same value gives."""
    pages = []
    for path in sorted(SAMPLE_DOCS.rglob("*.pdf")):
        pages += [raw.text for raw in read_document(path)[1]]
    assert len(pages) > 40
    fields = {
        "title": ["Automated License Plate Readers: Privacy Impact"],
        "agency": ["Long Beach Police Department", "LBPD", "U.S. Immigration & Customs"],
        "email_to": ["a.clerk@city.gov", "b.officer@city.gov"],
        "subject": ["RE: RE: license plates", ""],
        "exemption": ["(b)(6)", "(b)(7)(C)"],
        "contract": ["GS-35F-0119Y"],
        "doc_type": ["contract"],
    }
    record = analyse_record("doc", pages, fields)
    values = {"content": PAGE_BREAK.join(pages)}
    values.update(
        {
            name: ("|" if name in ("exemption", "contract", "doc_type") else " \n").join(v)
            for name, v in fields.items()
        }
    )
    schema = make_schema()
    for name, value in values.items():
        assert sorted(record.fields[name]) == sorted(schema[name].index(value)), name
    assert len(record.fields["content"]) > 1000


def test_lengths_held_in_memory_write_the_same_postings_as_whoosh(tmp_path):
    """The writer's in-memory field lengths change how fast a commit is, not what it
    writes: terms and postings (with their blocks' length bounds) are byte for byte Whoosh's."""
    texts = [
        raw.text
        for path in sorted(SAMPLE_DOCS.rglob("*.pdf"))[:20]
        for raw in read_document(path)[1]
    ]
    records = [
        analyse_record(f"doc-{i}", [text], {"title": [text[:60]]}) for i, text in enumerate(texts)
    ]
    written = []
    for kind in (SegmentWriter, _SegmentWriter):
        folder = tmp_path / kind.__name__
        folder.mkdir()
        writer = IndexWriter(kind(index.create_in(str(folder), make_schema()), compound=False))
        for record in records:
            writer.add(record, new=True)
        writer.commit()
        written.append(
            {p.suffix: p.read_bytes() for p in folder.iterdir() if p.suffix in (".trm", ".pst")}
        )
    assert len(written[0]) == 2 and written[0] == written[1]
