"""Export rows: every result of a search, with its files, entities and matching pages."""

from __future__ import annotations

from collections.abc import Sequence

from .. import query as q
from ..catalog import Catalog
from ..index import Snapshot
from .facet_table import FacetTable
from .results import ExportRow


def export_rows(
    snapshot: Snapshot,
    catalog: Catalog,
    table: FacetTable,
    node: q.Node | None,
    doc_ids: Sequence[str],
) -> list[ExportRow]:
    """The export rows of some documents, in the order given; a document this generation
    does not hold, or the catalog no longer has, is left out."""
    docnums = [table.numbers[i] for i in doc_ids if i in table.numbers]
    hits = snapshot.page_hits(node, docnums) if node is not None else {}
    rows = []
    for docnum in docnums:
        doc = catalog.document(table.ids[docnum])
        if doc is None:
            continue
        by_kind: dict[str, list[str]] = {}
        for _, kind, value in catalog.entity_values_of(doc.id):
            by_kind.setdefault(kind, []).append(value)
        rows.append(
            ExportRow(
                document=doc,
                file_names=tuple(catalog.file_names(doc.id)),
                entities={k: tuple(v) for k, v in by_kind.items()},
                pages=tuple(sorted(hits.get(docnum, {}))),
            )
        )
    return rows
