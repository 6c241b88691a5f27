"""The facet table: every document's facet values, built once per generation, and the
counting of a search's facets from it.

Each value has a bitmask of its documents (a Python int, bit n for document number n), so a
facet's counts for a search are one AND and one popcount per value, in C, rather than a
dictionary update per matching document per facet.

Which values a document has comes from where ``indexer.facets`` says: its entities, its
date's year, or an attribute of the document. An attribute the index files as a code
(doc_type, collection) is read from the index's field of the same name, so that a facet value
counts exactly the documents its query (``type:email``, ``collection:ice-foia-2019``) finds: a
document whose identical files sit in two collections is filed in the index under both, while
the catalog's row names only the first file's. The catalog gives the values as written, where
the index keeps them compact. Any other attribute (the issuer) is one value per document, read
from its catalog row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import query as q
from ..catalog import Catalog
from ..facets import BY_NAME, FACETS, NAMES
from ..index import Snapshot, compact
from .results import FacetValue, SearchRequest

FACET_VALUES_SHOWN = 50  # values of each facet on a results page (and those selected)

_ATTRIBUTES = tuple(facet.name for facet in FACETS if facet.source == "document")
_CODES = tuple(name for name in _ATTRIBUTES if name in q.CODE_FIELDS)  # read from the index
_ENTITIES = tuple(facet.name for facet in FACETS if facet.source == "entity")


class FacetTable:
    """Facet values and sort keys of every document of one generation, by document number."""

    def __init__(self, snapshot: Snapshot, catalog: Catalog) -> None:
        self.ids = ids = snapshot.doc_ids()
        self.size = max(ids, default=-1) + 1
        self.numbers = number = {doc_id: docnum for docnum, doc_id in ids.items()}
        self.dates: dict[int, str | None] = {}
        self.indexed: dict[int, str] = {}
        self.titles: dict[int, str] = {}
        grouped: dict[str, dict[int, list[str]]] = {name: {} for name in NAMES}
        written: dict[str, set[str]] = {name: set() for name in _CODES}
        for doc in catalog.documents():
            docnum = number.get(doc.id)
            if docnum is None:
                continue
            self.dates[docnum] = doc.date
            self.indexed[docnum] = doc.indexed_at
            self.titles[docnum] = doc.title.lower()
            if doc.date and doc.date[:4].isdigit():
                grouped["year"][docnum] = [doc.date[:4]]
            for name in _ATTRIBUTES:
                value = getattr(doc, name)
                if name in written:
                    written[name].add(str(value))
                elif value:
                    grouped[name][docnum] = [str(value)]
        # the index commits before the catalog: a record whose catalog row is not there yet
        # is left out of this generation (the catalog's commit starts the next one)
        self.all = set(self.dates)
        if "collection" in written:  # a document's row names its first file's collection only
            written["collection"].update(catalog.collections())
        for name in _CODES:
            # as written; of two spellings that compact alike, the first in sorted order
            spelled = {compact(value): value for value in sorted(written[name], reverse=True)}
            for term, docnums in sorted(snapshot.code_values(name).items()):
                value = spelled.get(term, term)
                for docnum in docnums & self.all:
                    grouped[name].setdefault(docnum, []).append(value)
        for doc_id, kind, value in catalog.entity_values(_ENTITIES):
            docnum = number.get(doc_id)
            if docnum is not None:
                grouped[kind].setdefault(docnum, []).append(value)
        self.values: dict[str, dict[int, tuple[str, ...]]] = {name: {} for name in NAMES}
        self.postings: dict[str, dict[str, set[int]]] = {name: {} for name in NAMES}
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

    def union(self, name: str, values: Iterable[str]) -> set[int]:
        """The documents that have any of ``values`` (values within a facet combine with OR)."""
        docs: set[int] = set()
        for value in values:
            docs |= self.postings[name].get(value, set())
        return docs

    def counts(self, name: str, matched: int, selected: Mapping[str, int]) -> dict[str, int]:
        """Documents per value of one facet, given the masks of the matching documents and
        of each facet's selection. Its own selection does not narrow its counts, so its other
        values stay visible to be added."""
        base = matched
        for other, mask in selected.items():
            if other != name:
                base &= mask
        counts: dict[str, int] = {}
        if base:
            for value, mask in self.masks[name].items():
                if count := (base & mask).bit_count():
                    counts[value] = count
        return counts


def count_facets(
    table: FacetTable,
    matched: set[int],
    selected: Mapping[str, set[int]],
    request: SearchRequest,
) -> tuple[dict[str, list[FacetValue]], dict[str, int]]:
    """Each facet's most common values (and those selected), and how many values each facet
    has in all."""
    matched_mask = table.mask(matched)
    selected_masks = {name: table.mask(docs) for name, docs in selected.items()}
    facets: dict[str, list[FacetValue]] = {}
    totals: dict[str, int] = {}
    for name in NAMES:
        counts = table.counts(name, matched_mask, selected_masks)
        totals[name] = len(counts)
        facets[name] = facet_values(name, counts, request, FACET_VALUES_SHOWN)
    return facets, totals


def facet_values(
    name: str, counts: Mapping[str, int], request: SearchRequest, limit: int | None
) -> list[FacetValue]:
    """A facet's values, most documents first (or newest first, for a facet so declared), at
    most ``limit`` of them, and those selected whatever their count."""
    chosen = set(request.filters.get(name, ()))
    if BY_NAME[name].newest_first:
        ranked = sorted(counts.items(), reverse=True)
    else:
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = ranked[:limit]
    shown_values = {value for value, _ in shown}
    shown += [(value, counts.get(value, 0)) for value in sorted(chosen - shown_values)]
    return [FacetValue(value, count, value in chosen) for value, count in shown]
