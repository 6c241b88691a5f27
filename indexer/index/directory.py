"""The text index in a directory: opening or creating it, its writer, and snapshots."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index
from whoosh.index import EmptyIndexError, Index
from whoosh.searching import Searcher

from ..errors import IndexUnavailable
from .schema import make_schema
from .scoring import LengthCachingBM25F
from .snapshot import Snapshot
from .writing import IndexWriter


class TextIndex:
    """A Whoosh index of document records: one writer at a time, any number of snapshots."""

    def __init__(self, directory: Path, *, create: bool = False) -> None:
        """Open the index in ``directory``; only a writer (``create``) may make a new one, so a
        reader that looks before the indexer's first commit never competes in creating it."""
        self.directory = directory
        found = _open(directory)
        if found is not None:
            self._index = found
        elif not create:
            raise IndexUnavailable(f"There is no search index in {directory}.")
        else:
            directory.mkdir(parents=True, exist_ok=True)
            self._index = index.create_in(str(directory), make_schema())

    def close(self) -> None:
        self._index.close()

    @contextmanager
    def writer(self) -> Iterator[IndexWriter]:
        """A writer whose changes become visible together when the block ends without error."""
        writer = self.open_writer()
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def open_writer(self) -> IndexWriter:
        """A writer that holds the index's lock until it commits or cancels."""
        return IndexWriter.on(self._index)

    def snapshot(self) -> Snapshot:
        """The latest commit, to search until it is closed."""
        return Snapshot(self.open_searcher())

    def open_searcher(self) -> Searcher:
        """A Whoosh searcher on the latest commit, for ``snapshot`` and for tests that compare
        with Whoosh's own behaviour; everything else searches a snapshot. A new searcher, not
        a refresh(): Whoosh 2.7's refresh fails on an empty index."""
        return self._index.searcher(weighting=LengthCachingBM25F())

    def doc_ids(self) -> set[str]:
        """Every document id in the index. Uses a searcher of its own, closed at once: Whoosh
        reads each segment's term and posting files into memory when it opens them, half a
        gigabyte at 100,000 pages, which the indexer should not carry through its run."""
        with self.snapshot() as snapshot:
            return set(snapshot.doc_ids().values())


def _open(directory: Path) -> Index | None:
    """The index in ``directory``, if there is one, opened with this code's schema.

    Whoosh stores the schema pickled, naming the classes of its fields and analyzers by
    module path, and unpickles it only when it is not given one (as ``index.exists_in``
    does). Given this code's schema, an index written before a class moved, or before the
    fields took analysed values, opens all the same."""
    if not directory.is_dir():
        return None
    try:
        return index.open_dir(str(directory), schema=make_schema())
    except EmptyIndexError:
        return None
