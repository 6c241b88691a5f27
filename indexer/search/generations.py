"""Index generations: one commit of the index as searched, and the refreshing that replaces
it when the indexer commits again.

A generation is a snapshot of the text index, the facet table read from the catalog with
it, and the answers computed on the two. Nothing in it outlives its commit, so no kept
answer can be stale.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar, cast

from .. import query as q
from ..catalog import Catalog
from ..errors import IndexUnavailable
from ..index import Snapshot, TextIndex
from ..store import Store
from .facet_table import FacetTable

T = TypeVar("T")


class Lru:
    """The most recently used answers, up to ``size`` of them."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, object] = OrderedDict()

    def get(self, key: Hashable) -> object | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: Hashable, value: object) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        if len(self._items) > self.size:
            self._items.popitem(last=False)

    def computed(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer kept for ``key``, computed and kept now if there is none (the caller
        asks for one key with one kind of answer)."""
        value = self.get(key)
        if value is None:
            value = compute()
            self.put(key, value)
        return cast(T, value)


@dataclass
class Generation:
    """One commit of the index as searched."""

    snapshot: Snapshot
    table: FacetTable
    catalog_version: int  # the catalog's data_version when the table was read
    built_in: float  # seconds to take the snapshot and build the table
    results: Lru = field(default_factory=lambda: Lru(256))  # request -> SearchResult
    matches: Lru = field(default_factory=lambda: Lru(64))  # query -> ranked or matched docs

    def ranked(self, node: q.Node) -> list[int]:
        """Every document matching a query, best first (shared: not to be modified)."""
        return self.matches.computed(("ranked", node), lambda: self.snapshot.ranked(node))

    def matching(self, node: q.Node) -> set[int]:
        """Every document matching a query, unordered (shared: not to be modified)."""
        return self.matches.computed(("matching", node), lambda: self.snapshot.matching(node))

    def forget(self) -> None:
        """Drop the kept answers."""
        self.results = Lru(self.results.size)
        self.matches = Lru(self.matches.size)


class Generations:
    """An index directory opened for searching, as a succession of generations; safe to
    share between threads. ``_lock`` guards the current generation (its snapshot, facet
    table and kept answers) and is only held inside a method, never while a caller holds an
    iterator of it; the catalog guards its own connection.

    After the indexer commits, the next request notices and a new generation is built: at
    once when the last one took under ``SYNC_REFRESH`` seconds, so a small index shows new
    documents on the very next request; otherwise in a background thread, while requests go
    on being answered from the previous commit (at 100,000 pages the facet table takes
    seconds to build)."""

    SYNC_REFRESH = 0.25
    CHECK_EVERY = 0.25  # seconds between looks for a new commit (a directory listing each)

    def __init__(self, directory: Path) -> None:
        self.store = Store(directory)
        self.text: TextIndex = self.store.text
        self.catalog = self.store.catalog
        self._lock = threading.RLock()
        self._current: Generation | None = None
        self._refreshing: threading.Thread | None = None
        self._checked = 0.0  # time.monotonic() of the last look for a new commit
        self._closed = False

    def close(self) -> None:
        with self._lock:
            self._closed = True  # no request starts a refresh from now on
            refreshing = self._refreshing
        if refreshing is not None:
            refreshing.join()
        with self._lock:
            if self._current is not None:
                self._current.snapshot.close()
                self._current = None
            self.store.close()

    def warm(self) -> None:
        """Take the snapshot and build the facet table now rather than on the first search."""
        with self._lock:
            self._generation()

    def clear_cache(self) -> None:
        """Forget the answers kept for the current generation (benchmarks time cold searches)."""
        with self._lock:
            if self._current is not None:
                self._current.forget()

    def live_documents(self) -> tuple[object, set[str]]:
        """A token for the generation being searched, and the ids of its documents."""
        with self._lock:
            generation = self._generation()
            table = generation.table
            return generation, {table.ids[d] for d in table.all}

    def _generation(self) -> Generation:
        """The generation to answer from; call with the lock held."""
        if self._closed:
            raise IndexUnavailable("The index was closed.")
        current = self._current
        now = time.monotonic()
        if current is None:
            self._current = current = self._build(self.catalog, self.catalog.data_version())
            self._checked = now
        elif self._refreshing is None and now - self._checked >= self.CHECK_EVERY:
            self._checked = now
            version = self.catalog.data_version()
            if current.snapshot.is_current() and version == current.catalog_version:
                return current
            if current.built_in < self.SYNC_REFRESH:
                current = self._build(self.catalog, version)
                self._swap(current)
            else:
                self._refreshing = threading.Thread(
                    target=self._refresh, args=(version,), name="readingroom-refresh", daemon=True
                )
                self._refreshing.start()
        return current

    def _build(self, catalog: Catalog, version: int) -> Generation:
        """A generation of the latest commit. ``version`` is the catalog's data_version read
        before the table, so a catalog commit during the build starts another one."""
        start = time.perf_counter()
        snapshot = self.text.snapshot()
        table = FacetTable(snapshot, catalog)
        return Generation(snapshot, table, version, time.perf_counter() - start)

    def _refresh(self, version: int) -> None:
        """Build the next generation on its own catalog connection, then swap it in."""
        generation = None
        try:
            catalog = Catalog(self.store.layout.catalog, readonly=True)
            try:
                generation = self._build(catalog, version)
            finally:
                catalog.close()
        finally:  # on failure the next request tries again
            with self._lock:
                if generation is not None and self._closed:
                    generation.snapshot.close()
                elif generation is not None:
                    self._swap(generation)
                self._refreshing = None

    def _swap(self, generation: Generation) -> None:
        old, self._current = self._current, generation
        if old is not None:
            old.snapshot.close()
