"""What the site shows of documents: the rows of a results page, a document, the pages of
one document that match a query, and one page with the query's words marked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .. import query as q
from ..browse import issuer_slug
from ..catalog import Catalog, DocumentRecord
from ..index import Snapshot
from ..models import Page
from .excerpts import Excerpts
from .facet_table import FacetTable
from .results import DocumentView, Issuer, PageHit, PageView, ResultRow

HITS_PER_RESULT = 3  # pages excerpted in a result row


def excerpted(
    pages: Mapping[int, int], texts: Mapping[int, str], excerpts: Excerpts
) -> list[PageHit]:
    """Page hits (page number -> matches) with their excerpts, in page order."""
    return [
        PageHit(number, excerpts.excerpt(texts.get(number, "")), count)
        for number, count in sorted(pages.items())
    ]


def result_rows(
    snapshot: Snapshot,
    catalog: Catalog,
    table: FacetTable,
    node: q.Node | None,
    shown: Sequence[int],
) -> list[ResultRow]:
    """The rows of a results page: each document with its best pages, excerpted."""
    page_hits = snapshot.page_hits(node, shown) if node is not None else {}
    excerpts = Excerpts(snapshot.highlight(node))
    doc_ids = [table.ids[d] for d in shown]
    docs = catalog.documents_by_id(doc_ids)
    mentions = catalog.mention_counts(doc_ids, "agency")
    issued = issuers(catalog, list(docs.values()))
    rows = []
    for docnum in shown:
        doc = docs.get(table.ids[docnum])
        if doc is None:
            continue
        pages = page_hits.get(docnum, {})
        best = dict(sorted(pages.items(), key=lambda kv: (-kv[1], kv[0]))[:HITS_PER_RESULT])
        hits = excerpted(best, catalog.page_texts(doc.id, best), excerpts)
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
                hits=tuple(hits),
                more_hits=max(0, len(pages) - len(hits)),
                issuer=issued.get(doc.id),
            )
        )
    return rows


def issuers(catalog: Catalog, docs: Sequence[DocumentRecord]) -> dict[str, Issuer]:
    """Who issued each document that says, with the issuer's slug when it is a known agency."""
    issued = {doc.id: doc.issuer for doc in docs if doc.issuer}
    known = catalog.issuer_agencies(list(issued))
    # a local agency named without its state is the one of its name the collection places
    states = catalog.agency_states(
        [issued[i] for i, attrs in known.items() if not attrs.get("state")]
    )
    return {
        doc_id: Issuer(name, issuer_slug(name, known.get(doc_id), states.get(name, ())))
        for doc_id, name in issued.items()
    }


def document_view(catalog: Catalog, doc_id: str) -> DocumentView | None:
    record = catalog.document(doc_id)
    if record is None or record.status != "ok":
        return None
    return DocumentView(
        record=record,
        file_names=tuple(catalog.file_names(doc_id)),
        entities=tuple(catalog.entities(doc_id)),
        pages=tuple(dict(row) for row in catalog.page_summaries(doc_id)),
        issuer=issuers(catalog, [record]).get(doc_id),
    )


def matching_pages(snapshot: Snapshot, doc_id: str, node: q.Node) -> dict[int, int]:
    """The pages of one document that match a query, with match counts."""
    docnum = snapshot.number_of(doc_id)
    if docnum is None:
        return {}
    return snapshot.page_hits(node, [docnum])[docnum]


def page_of(catalog: Catalog, doc_id: str, number: int) -> tuple[DocumentRecord, Page] | None:
    """A page of a searchable document, with the document's record."""
    record = catalog.document(doc_id)
    if record is None or record.status != "ok" or not 1 <= number <= record.page_count:
        return None
    found = catalog.pages(doc_id, [number])
    return (record, found[0]) if found else None


def page_view(
    snapshot: Snapshot, record: DocumentRecord, page: Page, node: q.Node | None
) -> PageView:
    """One page of a document, with the query's words marked and the document's pages that
    match it."""
    hit_pages = tuple(sorted(matching_pages(snapshot, record.id, node))) if node is not None else ()
    marked = Excerpts(snapshot.highlight(node)).mark_all(page.text)
    return PageView(record, page, marked, hit_pages)
