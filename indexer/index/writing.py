"""Writing document records: the writer, its in-memory field lengths, and the merge policy.

Two hooks into whoosh-reloaded's internals live here, each checked by a canary in
tests/test_index_hooks.py: the segment writer's per-document reader, wrapped by
``_MemoryLengths``, and the ``SegmentReader`` that ``merge_tiers`` builds by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whoosh.index import Index
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from .schema import Record, analyse_record

MERGE_WIDTH = 10  # segments of one size tier merged together
MERGE_BELOW = 1_000  # documents: larger segments are never merged, only purged of deletions


class IndexWriter:
    """Adds and removes document records; nothing is visible until the writer commits."""

    def __init__(self, writer: SegmentWriter) -> None:
        self._writer = writer

    @classmethod
    def on(cls, index: Index) -> IndexWriter:
        """A writer on a Whoosh index; it holds the index's lock until it commits or cancels."""
        return cls(_SegmentWriter(index, limitmb=128))

    def put(
        self,
        doc_id: str,
        pages: Sequence[str],
        fields: dict[str, Sequence[str]],
        *,
        new: bool = False,
    ) -> None:
        """Add a document record from its pages and fields (see ``add``)."""
        self.add(analyse_record(doc_id, pages, fields), new=new)

    def add(self, record: Record, *, new: bool = False) -> None:
        """Add a document record, replacing any of the same id unless the caller knows it is
        ``new``: looking for an old record opens every segment (see ``TextIndex.doc_ids``)."""
        if new:
            self._writer.add_document(id=record.doc_id, **record.fields)
        else:
            self._writer.update_document(id=record.doc_id, **record.fields)

    def delete(self, doc_id: str) -> None:
        self._writer.delete_by_term("id", doc_id)

    def commit(self) -> None:
        self._writer.commit(mergetype=merge_tiers)

    def cancel(self) -> None:
        self._writer.cancel()


def merge_tiers(writer: SegmentWriter, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: small segments merge ten at a time, among segments of the same
    size tier (powers of ten of their document counts); a segment that is mostly deleted is
    rewritten without its deleted records; segments of a thousand documents or more are left.

    Whoosh's default merges on a Fibonacci schedule that keeps folding the largest segment
    into new ones, and a merge costs about as much as indexing its documents again: building
    the 100,000-page benchmark index spent most of its 35 minutes merging. Merging ten large
    segments took eight minutes and a gigabyte of memory, for no measurable gain in search
    (docs/PERFORMANCE.md), so commits of a bulk run stay as they are written."""
    tiers: dict[int, list[Any]] = {}
    keep = []
    for segment in segments:
        total = segment.doc_count_all()
        if total and segment.deleted_count() * 2 > total:
            tiers.setdefault(0, []).append(segment)  # merged now, to drop its deleted records
        elif total >= MERGE_BELOW:
            keep.append(segment)
        else:
            tiers.setdefault(len(str(total)), []).append(segment)
    for tier, members in tiers.items():
        if tier != 0 and len(members) < MERGE_WIDTH:
            keep += members
            continue
        for segment in members:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
    return keep


class _SegmentWriter(SegmentWriter):
    """Whoosh's writer, with the new segment's field lengths held in memory while it writes
    the postings: it looks up a document's field length for every posting, each a seek and
    a read of the file it just wrote; holding them made commits about a fifth faster."""

    def per_document_reader(self) -> Any:
        return _MemoryLengths(super().per_document_reader())


class _MemoryLengths:
    """A per-document reader whose field lengths are read once per field."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._lengths: dict[tuple[str, int], list[int | None]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        lengths = self._lengths.get((fieldname, default))
        if lengths is None:
            read = self._reader.doc_field_length
            lengths = [read(n, fieldname, default) for n in range(self._reader.doc_count_all())]
            self._lengths[(fieldname, default)] = lengths
        return lengths[docnum]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)
