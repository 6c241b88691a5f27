"""The query API that the site and the command line use: ``Library``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .. import query as q
from ..facets import BY_NAME
from .documents import (
    document_view,
    excerpted,
    matching_pages,
    page_of,
    page_view,
    result_rows,
)
from .excerpts import Excerpts
from .exports import export_rows
from .facet_table import count_facets, facet_values
from .generations import Generations
from .results import (
    DocumentView,
    ExportRow,
    FacetValue,
    PageHit,
    PageView,
    SearchRequest,
    SearchResult,
)
from .selection import order, request_key, select
from .suggestions import suggestion


class Library(Generations):
    """Searches, exports, documents and pages of an index directory.

    Each method takes the generations' lock (see ``Generations``) for as long as it reads
    the current generation and the catalog, and hands the work below to the modules of this
    package: selection, facet counting, rows and excerpts. It is a ``Generations`` rather
    than holding one because the two share that lock and the store, and the refresh policy
    (``SYNC_REFRESH``, ``CHECK_EVERY``) is the library's to tune."""

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a search; raises ``QuerySyntaxError`` for a query that cannot be parsed.

        Answers are kept per generation: a repeated search (a linked results page) costs a
        lookup, and paging or toggling facets on the same query reuses its matches."""
        parsed = q.parse_query(request.q)
        node = parsed.node
        key = request_key(request)
        with self._lock:
            generation = self._generation()
            cached = generation.results.get(key)
            if isinstance(cached, SearchResult):
                return cached
            table = generation.table
            ranked = None
            if request.sort == "relevance" and node is not None:
                ranked = generation.ranked(node)
            chosen = select(generation, node, request, ranked)
            facets, facet_totals = count_facets(table, chosen.matched, chosen.selected, request)
            start = (max(request.page, 1) - 1) * request.per_page
            end = start + request.per_page
            if ranked is not None:
                shown = [d for d in ranked if d in chosen.final][start:end]
            else:
                shown = order(generation, node, chosen.final, request, end)[start:]
            rows = result_rows(generation.snapshot, self.catalog, table, node, shown)
            corrected = None
            if not chosen.final:
                corrected = suggestion(
                    generation.snapshot, self.catalog, table.ids, node, request.q
                )
            result = SearchResult(
                request,
                len(chosen.final),
                tuple(rows),
                facets,
                corrected,
                parsed.notices,
                facet_totals,
                chosen.undated_excluded,
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
            final = select(generation, node, request).final
            ordered = order(generation, node, final, request, len(final))
            doc_ids = [generation.table.ids[d] for d in ordered]
        for start in range(0, len(doc_ids), chunk):
            with self._lock:
                generation = self._generation()
                rows = export_rows(
                    generation.snapshot,
                    self.catalog,
                    generation.table,
                    node,
                    doc_ids[start : start + chunk],
                )
            yield from rows

    def facet_values(
        self, request: SearchRequest, name: str, contains: str = ""
    ) -> list[FacetValue]:
        """Every value of one facet for a search (not only the most common), those whose
        text contains ``contains`` (ignoring case) when it is given."""
        if name not in BY_NAME:
            raise ValueError(f"no facet {name!r}")
        node = q.parse(request.q)
        with self._lock:
            generation = self._generation()
            table = generation.table
            chosen = select(generation, node, request)
            counts = table.counts(
                name,
                table.mask(chosen.matched),
                {other: table.mask(docs) for other, docs in chosen.selected.items()},
            )
        wanted = contains.strip().casefold()
        if wanted:
            counts = {value: n for value, n in counts.items() if wanted in value.casefold()}
        return facet_values(name, counts, request, None)

    def document(self, doc_id: str) -> DocumentView | None:
        with self._lock:
            return document_view(self.catalog, doc_id)

    def document_hits(self, doc_id: str, query_text: str) -> list[PageHit]:
        """Every page of one document that matches a query, in page order, with excerpts."""
        node = q.parse(query_text)
        if node is None:
            return []
        with self._lock:
            snapshot = self._generation().snapshot
            pages = matching_pages(snapshot, doc_id, node)
            excerpts = Excerpts(snapshot.highlight(node))
            texts = self.catalog.page_texts(doc_id, pages)
        return excerpted(pages, texts, excerpts)

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
            found = page_of(self.catalog, doc_id, number)
            if found is None:
                return None
            record, page = found
            return page_view(self._generation().snapshot, record, page, node)

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
