"""The query API: what the site and the command line ask of an index.

Search runs on document records: the query picks documents, facets are counted over them
from an in-memory table (built once per index generation, not per query), and only the
documents on the page being shown get their matching pages and excerpts.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import query as q
from .catalog import Catalog, DocumentRecord
from .errors import IndexUnavailable
from .models import Entity, Page
from .store import Store
from .textindex import Excerpts, TextIndex

FACETS = ("agency", "doc_type", "year", "exemption", "contract", "collection")
HITS_PER_RESULT = 3
FACET_VALUES_SHOWN = 50


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20


@dataclass(frozen=True)
class PageHit:
    page: int
    excerpt: str  # escaped HTML with <mark> around matches
    matches: int


@dataclass(frozen=True)
class ResultRow:
    id: str
    title: str
    date: str | None
    doc_type: str
    collection: str
    page_count: int
    agencies: tuple[str, ...]
    agency_pages: Mapping[str, int]  # how many of its pages name each agency
    hits: tuple[PageHit, ...]
    more_hits: int  # matching pages beyond those in ``hits``


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    selected: bool


@dataclass(frozen=True)
class SearchResult:
    request: SearchRequest
    total: int
    rows: tuple[ResultRow, ...]
    facets: dict[str, list[FacetValue]]
    suggestion: str | None = None  # the query with misspelled words corrected
    notices: tuple[str, ...] = ()  # how the query was read, where it differs from as typed
    facet_totals: Mapping[str, int] = field(default_factory=dict)  # values of each facet in all


@dataclass(frozen=True)
class ExportRow:
    document: DocumentRecord
    file_names: tuple[str, ...]
    entities: dict[str, tuple[str, ...]]
    pages: tuple[int, ...]  # pages that match the query


@dataclass(frozen=True)
class DocumentView:
    record: DocumentRecord
    file_names: tuple[str, ...]
    entities: tuple[Entity, ...]
    pages: tuple[dict[str, object], ...]  # number, image_only, ocr, bates, width, height


@dataclass(frozen=True)
class PageView:
    document: DocumentRecord
    page: Page
    marked_text: str  # escaped HTML with the query's words marked
    hit_pages: tuple[int, ...]  # pages of this document that match the query
    agencies: tuple[Entity, ...]


class _FacetTable:
    """Facet values of every document, indexed by Whoosh document number.

    Each value also has a bitmask of its documents (a Python int, bit n for document n), so a
    facet's counts for a query are one AND and one popcount per value, in C, rather than a
    dictionary update per matching document per facet."""

    def __init__(self, ids: dict[int, str], catalog: Catalog) -> None:
        self.ids = ids
        self.size = max(ids, default=-1) + 1
        self.numbers = number = {doc_id: docnum for docnum, doc_id in ids.items()}
        self.values: dict[str, dict[int, tuple[str, ...]]] = {name: {} for name in FACETS}
        self.dates: dict[int, str | None] = {}
        self.indexed: dict[int, str] = {}
        self.titles: dict[int, str] = {}
        grouped: dict[str, dict[int, list[str]]] = {name: {} for name in FACETS}
        for doc in catalog.documents():
            docnum = number.get(doc.id)
            if docnum is None:
                continue
            self.dates[docnum] = doc.date
            self.indexed[docnum] = doc.indexed_at
            self.titles[docnum] = doc.title.lower()
            grouped["doc_type"][docnum] = [doc.doc_type]
            grouped["collection"][docnum] = [doc.collection]
            if doc.date and doc.date[:4].isdigit():
                grouped["year"][docnum] = [doc.date[:4]]
        # Whoosh commits before the catalog: a record whose catalog row is not there yet is
        # left out of this generation (the catalog's commit starts the next one)
        self.all = set(self.dates)
        for doc_id, kind, value in catalog.entity_values(("agency", "exemption", "contract")):
            docnum = number.get(doc_id)
            if docnum is not None:
                grouped[kind].setdefault(docnum, []).append(value)
        self.postings: dict[str, dict[str, set[int]]] = {name: {} for name in FACETS}
        for name, by_doc in grouped.items():
            for docnum, values in by_doc.items():
                self.values[name][docnum] = tuple(dict.fromkeys(values))
                for value in values:
                    self.postings[name].setdefault(value, set()).add(docnum)
        self.masks = {
            name: {value: self.mask(docs) for value, docs in postings.items()}
            for name, postings in self.postings.items()
        }

    def mask(self, docnums: Iterable[int]) -> int:
        bits = bytearray((self.size + 7) // 8)
        for docnum in docnums:
            bits[docnum >> 3] |= 1 << (docnum & 7)
        return int.from_bytes(bits, "little")


def _request_key(request: SearchRequest) -> Hashable:
    filters = tuple(sorted((name, tuple(values)) for name, values in request.filters.items()))
    return (
        request.q,
        filters,
        request.date_from,
        request.date_to,
        request.sort,
        request.page,
        request.per_page,
    )


class _Lru:
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

    def computed(self, key: Hashable, compute: Callable[[], object]) -> object:
        """The answer kept for ``key``, computed and kept now if there is none."""
        value = self.get(key)
        if value is None:
            value = compute()
            self.put(key, value)
        return value


@dataclass
class _Generation:
    """One commit of the index as searched: its Whoosh searcher, facet table and the answers
    computed on it. Nothing here outlives the commit, so no cached answer can be stale."""

    searcher: object
    table: _FacetTable
    catalog_version: int  # the catalog's data_version when the table was read
    built_in: float  # seconds to open the searcher and build the table
    results: _Lru = field(default_factory=lambda: _Lru(256))  # request -> SearchResult
    matches: _Lru = field(default_factory=lambda: _Lru(64))  # query -> ranked or matched docs


class Library:
    """Read access to an index directory, safe to share between threads: the lock guards the
    current generation (its searcher, facet table and kept answers) and is only held inside
    a method, never while a caller holds an iterator of it; the catalog guards its own
    connection.

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
        self._current: _Generation | None = None
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
                self._current.searcher.close()  # type: ignore[attr-defined]
                self._current = None
            self.store.close()

    def _generation(self) -> _Generation:
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
            if current.searcher.up_to_date() and version == current.catalog_version:  # type: ignore[attr-defined]
                return current
            if current.built_in < self.SYNC_REFRESH:
                self._swap(self._build(self.catalog, version))
                current = self._current
            else:
                self._refreshing = threading.Thread(
                    target=self._refresh, args=(version,), name="readingroom-refresh", daemon=True
                )
                self._refreshing.start()
        return current  # type: ignore[return-value]

    def _build(self, catalog: Catalog, version: int) -> _Generation:
        """A generation of the latest commit. ``version`` is the catalog's data_version read
        before the table, so a catalog commit during the build starts another one."""
        start = time.perf_counter()
        searcher = self.text.open_searcher()
        table = _FacetTable(self.text.stored_ids(searcher), catalog)
        return _Generation(searcher, table, version, time.perf_counter() - start)

    def _refresh(self, version: int) -> None:
        """Build the next generation on its own catalog connection, then swap it in."""
        generation = None
        try:
            catalog = Catalog(self.store.directory / "catalog.sqlite", readonly=True)
            try:
                generation = self._build(catalog, version)
            finally:
                catalog.close()
        finally:  # on failure the next request tries again
            with self._lock:
                if generation is not None and self._closed:
                    generation.searcher.close()  # type: ignore[attr-defined]
                elif generation is not None:
                    self._swap(generation)
                self._refreshing = None

    def _swap(self, generation: _Generation) -> None:
        old, self._current = self._current, generation
        if old is not None:
            old.searcher.close()  # type: ignore[attr-defined]

    def warm(self) -> None:
        """Open the searcher and build the facet table now rather than on the first search."""
        with self._lock:
            self._generation()

    def clear_cache(self) -> None:
        """Forget the answers kept for the current generation (benchmarks time cold searches)."""
        with self._lock:
            if self._current is not None:
                self._current.results = _Lru(self._current.results.size)
                self._current.matches = _Lru(self._current.matches.size)

    def live_documents(self) -> tuple[object, set[str]]:
        """A token for the generation being searched, and the ids of its documents."""
        with self._lock:
            generation = self._generation()
            table = generation.table
            return generation, {table.ids[d] for d in table.all}

    # -- search -----------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a search; raises ``query.QuerySyntaxError`` for a query that cannot be parsed.

        Answers are kept per generation: a repeated search (a linked results page) costs a
        lookup, and paging or toggling facets on the same query reuses its matches."""
        parsed = q.parse_query(request.q)
        node = parsed.node
        key = _request_key(request)
        with self._lock:
            generation = self._generation()
            cached = generation.results.get(key)
            if isinstance(cached, SearchResult):
                return cached
            searcher, table = generation.searcher, generation.table
            ranked = None
            if request.sort == "relevance" and node is not None:
                # one scored pass gives both the matches and their order: a phrase's positions
                # are checked once, not once to match and again to rank
                ranked = self._ranked(generation, node)
            matched, selected, final = self._select(generation, node, request, ranked)
            facets, facet_totals = self._count_facets(table, matched, selected, request)
            start = (max(request.page, 1) - 1) * request.per_page
            end = start + request.per_page
            if ranked is not None:
                shown = [d for d in ranked if d in final][start:end]
            else:
                shown = self._order(generation, node, final, request, end)[start:]
            rows = self._rows(searcher, node, shown, table)
            suggestion = self._suggest(generation, node, request.q) if not final else None
            result = SearchResult(
                request, len(final), tuple(rows), facets, suggestion, parsed.notices, facet_totals
            )
            generation.results.put(key, result)
        return result

    def export(self, request: SearchRequest, chunk: int = 200) -> Iterator[ExportRow]:
        """Every result of a search, in order, with its matching pages and entities. Streams:
        the order is fixed first, then documents are read a chunk at a time. The lock is
        held while a chunk is read, never while the caller has it: a client reading an
        export slowly must not hold up every search (and the generator may be resumed on
        another thread than the one that started it)."""
        node = q.parse(request.q)
        with self._lock:
            generation = self._generation()
            _, _, final = self._select(generation, node, request)
            ordered = self._order(generation, node, final, request, len(final))
            doc_ids = [generation.table.ids[d] for d in ordered]
        for start in range(0, len(doc_ids), chunk):
            yield from self._export_rows(node, doc_ids[start : start + chunk])

    def _export_rows(self, node: q.Node | None, doc_ids: list[str]) -> list[ExportRow]:
        rows = []
        with self._lock:
            generation = self._generation()
            searcher, table = generation.searcher, generation.table
            docnums = [table.numbers[i] for i in doc_ids if i in table.numbers]
            hits = self.text.page_hits(searcher, node, docnums) if node is not None else {}  # type: ignore[arg-type]
            for docnum in docnums:
                doc = self.catalog.document(table.ids[docnum])
                if doc is None:
                    continue
                by_kind: dict[str, list[str]] = {}
                for _, kind, value in self.catalog.entity_values_of(doc.id):
                    by_kind.setdefault(kind, []).append(value)
                rows.append(
                    ExportRow(
                        document=doc,
                        file_names=tuple(self.catalog.file_names(doc.id)),
                        entities={k: tuple(v) for k, v in by_kind.items()},
                        pages=tuple(sorted(hits.get(docnum, {}))),
                    )
                )
        return rows

    def _ranked(self, generation: _Generation, node: q.Node) -> list[int]:
        """Every document matching a query, best first (shared: not to be modified)."""
        wquery = self.text.compile(node)
        return generation.matches.computed(  # type: ignore[return-value]
            ("ranked", node),
            lambda: self.text.scored(generation.searcher, wquery),  # type: ignore[arg-type]
        )

    def _matching(self, generation: _Generation, node: q.Node) -> set[int]:
        """Every document matching a query, unordered (shared: not to be modified)."""
        wquery = self.text.compile(node)
        return generation.matches.computed(  # type: ignore[return-value]
            ("matching", node),
            lambda: self.text.matching(generation.searcher, wquery),  # type: ignore[arg-type]
        )

    def _select(
        self,
        generation: _Generation,
        node: q.Node | None,
        request: SearchRequest,
        ranked: list[int] | None = None,
    ) -> tuple[set[int], dict[str, set[int]], set[int]]:
        """Documents matching the query (and date range), those of each selected facet, and
        those matching everything."""
        table = generation.table
        if node is None:
            matched = table.all
        elif ranked is not None:
            matched = set(ranked) & table.all
        else:
            matched = self._matching(generation, node) & table.all
        matched = self._date_filtered(matched, table, request)
        selected = {
            name: self._union(table, name, values)
            for name, values in request.filters.items()
            if name in FACETS and values
        }
        final = set(matched)
        for docs in selected.values():
            final &= docs
        return matched, selected, final

    def _suggest(self, generation: _Generation, node: q.Node | None, text: str) -> str | None:
        """The query with words the index does not know replaced by near ones it does."""
        searcher = generation.searcher
        suggestion = text
        for leaf in q.positive_leaves(node):
            if not isinstance(leaf, q.Word) or leaf.field != "content":
                continue
            stem = self.text.unknown_word_fix(searcher, leaf.text)  # type: ignore[arg-type]
            if stem is None:
                continue
            word = self._surface_form(generation, stem) or stem
            pattern = re.compile(rf"(?<![\w:]){re.escape(leaf.text)}(?!\w)", re.I)
            suggestion = pattern.sub(word, suggestion, count=1)
        return suggestion if suggestion != text else None

    def _surface_form(self, generation: _Generation, stem: str) -> str | None:
        """A word as written in the records whose indexed form is ``stem``."""
        docnums = self.text.matching(generation.searcher, self.text.term_query(stem))  # type: ignore[arg-type]
        table = generation.table
        for docnum in sorted(docnums)[:3]:
            for page in self.catalog.pages(table.ids.get(docnum, "")):
                word = self.text.surface_form(page.text, stem)
                if word:
                    return word
        return None

    @staticmethod
    def _union(table: _FacetTable, name: str, values: Sequence[str]) -> set[int]:
        docs: set[int] = set()
        for value in values:
            docs |= table.postings[name].get(value, set())
        return docs

    @staticmethod
    def _date_filtered(matched: set[int], table: _FacetTable, request: SearchRequest) -> set[int]:
        if not request.date_from and not request.date_to:
            return matched
        low, high = request.date_from or "", request.date_to or "9999"
        return {
            d for d in matched if (date := table.dates.get(d)) and low <= date[: len(high)] <= high
        }

    @staticmethod
    def _count_facets(
        table: _FacetTable,
        matched: set[int],
        selected: dict[str, set[int]],
        request: SearchRequest,
    ) -> tuple[dict[str, list[FacetValue]], dict[str, int]]:
        """Each facet's most common values (and those selected), and how many values each
        facet has in all."""
        matched_mask = table.mask(matched)
        selected_masks = {name: table.mask(docs) for name, docs in selected.items()}
        facets: dict[str, list[FacetValue]] = {}
        totals: dict[str, int] = {}
        for name in FACETS:
            counts = _facet_counts(table, name, matched_mask, selected_masks)
            totals[name] = len(counts)
            facets[name] = _facet_values(name, counts, request, FACET_VALUES_SHOWN)
        return facets, totals

    def facet_values(
        self, request: SearchRequest, name: str, contains: str = ""
    ) -> list[FacetValue]:
        """Every value of one facet for a search (not only the most common), those whose
        text contains ``contains`` (ignoring case) when it is given."""
        if name not in FACETS:
            raise ValueError(f"no facet {name!r}")
        node = q.parse(request.q)
        with self._lock:
            generation = self._generation()
            table = generation.table
            matched, selected, _ = self._select(generation, node, request)
            counts = _facet_counts(
                table,
                name,
                table.mask(matched),
                {other: table.mask(docs) for other, docs in selected.items()},
            )
        wanted = contains.strip().casefold()
        if wanted:
            counts = {value: n for value, n in counts.items() if wanted in value.casefold()}
        return _facet_values(name, counts, request, None)

    def _order(
        self,
        generation: _Generation,
        node: q.Node | None,
        final: set[int],
        request: SearchRequest,
        limit: int,
    ) -> list[int]:
        table = generation.table
        if request.sort == "relevance" and node is not None:
            return [d for d in self._ranked(generation, node) if d in final][:limit]
        if request.sort == "-indexed":
            key = lambda d: (table.indexed[d], table.ids[d])  # noqa: E731
            return sorted(final, key=key, reverse=True)[:limit]
        newest_first = request.sort != "date"
        dated = sorted(
            (d for d in final if table.dates.get(d)),
            key=lambda d: (table.dates[d], table.titles[d]),
        )
        if newest_first:
            dated.reverse()
        undated = sorted(
            (d for d in final if not table.dates.get(d)), key=lambda d: table.titles[d]
        )
        return (dated + undated)[:limit]

    def _rows(
        self, searcher: object, node: q.Node | None, shown: list[int], table: _FacetTable
    ) -> list[ResultRow]:
        page_hits = self.text.page_hits(searcher, node, shown) if node is not None else {}  # type: ignore[arg-type]
        excerpts = Excerpts(self.text.highlight_terms(searcher, node))  # type: ignore[arg-type]
        rows = []
        doc_ids = [table.ids[d] for d in shown]
        docs = self.catalog.documents_by_id(doc_ids)
        mentions = self.catalog.mention_counts(doc_ids, "agency")
        for docnum in shown:
            doc = docs.get(table.ids[docnum])
            if doc is None:
                continue
            pages = page_hits.get(docnum, {})
            best = sorted(pages.items(), key=lambda kv: (-kv[1], kv[0]))[:HITS_PER_RESULT]
            texts = self.catalog.page_texts(doc.id, [n for n, _ in best])
            hits = tuple(
                PageHit(number, excerpts.excerpt(texts.get(number, "")), count)
                for number, count in sorted(best)
            )
            rows.append(
                ResultRow(
                    id=doc.id,
                    title=doc.title,
                    date=doc.date,
                    doc_type=doc.doc_type,
                    collection=doc.collection,
                    page_count=doc.page_count,
                    agencies=table.values["agency"].get(docnum, ()),
                    agency_pages=mentions.get(doc.id, {}),
                    hits=hits,
                    more_hits=max(0, len(pages) - len(hits)),
                )
            )
        return rows

    # -- documents and pages ----------------------------------------------------------------

    def document(self, doc_id: str) -> DocumentView | None:
        with self._lock:
            record = self.catalog.document(doc_id)
            if record is None or record.status != "ok":
                return None
            pages = tuple(dict(row) for row in self.catalog.page_summaries(doc_id))
            return DocumentView(
                record=record,
                file_names=tuple(self.catalog.file_names(doc_id)),
                entities=tuple(self.catalog.entities(doc_id)),
                pages=pages,
            )

    def document_hits(self, doc_id: str, query_text: str) -> list[PageHit]:
        """Every page of one document that matches a query, in page order, with excerpts."""
        node = q.parse(query_text)
        if node is None:
            return []
        with self._lock:
            searcher = self._generation().searcher
            docnum = searcher.document_number(id=doc_id)  # type: ignore[attr-defined]
            if docnum is None:
                return []
            pages = self.text.page_hits(searcher, node, [docnum])[docnum]  # type: ignore[arg-type]
            excerpts = Excerpts(self.text.highlight_terms(searcher, node))  # type: ignore[arg-type]
            texts = self.catalog.page_texts(doc_id, pages)
        return [
            PageHit(number, excerpts.excerpt(texts.get(number, "")), count)
            for number, count in sorted(pages.items())
        ]

    def file_path(self, doc_id: str) -> Path | None:
        """The first of the document's files that still exists."""
        with self._lock:
            for path in self.catalog.file_paths(doc_id):
                if Path(path).is_file():
                    return Path(path)
        return None

    def page(self, doc_id: str, number: int, query_text: str = "") -> PageView | None:
        """One page, with the query's words marked; raises QuerySyntaxError for a bad query."""
        node = q.parse(query_text) if query_text else None
        with self._lock:
            record = self.catalog.document(doc_id)
            if record is None or record.status != "ok" or not 1 <= number <= record.page_count:
                return None
            found = self.catalog.pages(doc_id, [number])
            if not found:
                return None
            page = found[0]
            agencies = tuple(self.catalog.entities(doc_id, ("agency",)))
            hit_pages: tuple[int, ...] = ()
            searcher = self._generation().searcher
            terms = self.text.highlight_terms(searcher, node)  # type: ignore[arg-type]
            if node is not None:
                docnum = searcher.document_number(id=doc_id)  # type: ignore[attr-defined]
                if docnum is not None:
                    hits = self.text.page_hits(searcher, node, [docnum])[docnum]  # type: ignore[arg-type]
                    hit_pages = tuple(sorted(hits))
            marked = Excerpts(terms).mark_all(page.text)
        return PageView(record, page, marked, hit_pages, agencies)

    # -- status -----------------------------------------------------------------------------

    def document_count(self) -> int:
        """Documents being searched: cheap enough for a health check, unlike ``status``."""
        with self._lock:
            return len(self._generation().table.all)

    def status(self) -> dict[str, object]:
        with self._lock:
            return {
                **self.catalog.counts(),
                "failed": self.catalog.failures(),
                "unapplied_redactions": self.catalog.unapplied_redactions(),
                "last_run": self.catalog.last_run(),
            }


def _facet_counts(
    table: _FacetTable, name: str, matched: int, selected: Mapping[str, int]
) -> dict[str, int]:
    """Documents per value of one facet. Its own selection does not narrow its counts, so its
    other values stay visible to be added (values within a facet combine with OR)."""
    base = matched
    for other, mask in selected.items():
        if other != name:
            base &= mask
    counts: dict[str, int] = {}
    if base:
        for value, mask in table.masks[name].items():
            if count := (base & mask).bit_count():
                counts[value] = count
    return counts


def _facet_values(
    name: str, counts: dict[str, int], request: SearchRequest, limit: int | None
) -> list[FacetValue]:
    """A facet's values, most documents first (years newest first), at most ``limit`` of
    them, and those selected whatever their count."""
    chosen = set(request.filters.get(name, ()))
    if name == "year":
        ranked = sorted(counts.items(), reverse=True)
    else:
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = ranked[:limit]
    shown_values = {value for value, _ in shown}
    shown += [(value, counts.get(value, 0)) for value in sorted(chosen - shown_values)]
    return [FacetValue(value, count, value in chosen) for value, count in shown]
