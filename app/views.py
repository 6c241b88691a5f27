"""Page data: one function per page builds the dict that the JSON API returns as it is and
the HTML template renders. Nothing is computed twice for two formats, so they cannot drift.
Links are made by the site's router (``urls``), so the command line builds the same ones.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Protocol, cast

from indexer.facets import FACETS, NAMES
from indexer.models import ENTITY_KINDS, Entity
from indexer.search import (
    DocumentView,
    Issuer,
    Library,
    PageHit,
    PageView,
    ResultRow,
    SearchRequest,
    SearchResult,
)

from . import citation
from .agency_order import AgencyOrder
from .parameters import PER_PAGE
from .urls import Params, Urls


class DocumentLike(Protocol):
    """A catalog record, a search result row or an agency's document."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def doc_type(self) -> str: ...
    @property
    def collection(self) -> str: ...
    @property
    def page_count(self) -> int: ...


FACET_LABELS = {facet.name: facet.label for facet in FACETS}
DATE_LABELS = {"date_from": "From", "date_to": "To"}

# agencies a search result names before "+ N more": long records name hundreds
AGENCIES_SHOWN = 5
# thumbnails a document page shows at once; the other pages wait, folded, in windows this size
PAGE_WINDOW = 24

_ISO_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-\d{2})?)?")


def iso_date(value: str | None) -> str | None:
    """``value`` when it is a date HTML's <time datetime> accepts (YYYY, YYYY-MM or YYYY-MM-DD,
    a real one), else None: a document's date may be a fiscal year such as FY2019."""
    found = _ISO_DATE.fullmatch(value) if value else None
    if found is None or found["year"] == "0000":
        return None
    if found["month"] is not None and not 1 <= int(found["month"]) <= 12:
        return None
    if len(found[0]) == 10:
        try:
            date.fromisoformat(found[0])
        except ValueError:
            return None
    return found[0]


def request_params(request: SearchRequest) -> list[tuple[str, str]]:
    """The URL parameters that reproduce a search (without its page number)."""
    params: list[tuple[str, str]] = [("q", request.q)]
    for name in NAMES:
        params += [(name, value) for value in request.filters.get(name, ())]
    params += [("date_from", request.date_from or ""), ("date_to", request.date_to or "")]
    if request.sort != "relevance":
        params.append(("sort", request.sort))
    if request.per_page != PER_PAGE:
        params.append(("per_page", str(request.per_page)))
    return params


def page_url(urls: Urls, doc_id: str, number: int, q: str = "") -> str:
    return urls.path("html_page", [("q", q)], doc_id=doc_id, number=number)


def search_data(library: Library, request: SearchRequest, urls: Urls) -> dict[str, object]:
    """The search page: results with their page hits, and facets with toggle links."""
    result = library.search(request)
    base = request_params(request)
    agency_order = AgencyOrder.of(request)
    return {
        "query": request.q,
        "total": result.total,
        "page": request.page,
        "per_page": request.per_page,
        "pages": last_page(result.total, request.per_page),
        "sort": request.sort,
        "date_from": request.date_from,
        "date_to": request.date_to,
        "results": [_row(row, request.q, agency_order, urls) for row in result.rows],
        "facets": {
            name: [
                {
                    "value": v.value,
                    "count": v.count,
                    "selected": v.selected,
                    "toggle_url": urls.search("html_search", toggled(base, name, v.value)),
                }
                for v in values
            ]
            for name, values in result.facets.items()
        },
        "facet_totals": {
            name: {
                "values": result.facet_totals.get(name, len(values)),
                "url": urls.search("html_facet", base, name=name),
            }
            for name, values in result.facets.items()
        },
        "facet_labels": FACET_LABELS,
        "suggestion": (
            {
                "query": result.suggestion,
                "url": urls.search("html_search", [("q", result.suggestion)]),
            }
            if result.suggestion
            else None
        ),
        "notices": list(result.notices),
        "undated_excluded": result.undated_excluded,
        "chips": _chips(base, urls),
        "links": _links(base, request, result, urls),
    }


def last_page(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def document_fields(doc: DocumentLike) -> dict[str, object]:
    """What every listing says of a document, in HTML and JSON alike."""
    return {
        "id": doc.id,
        "title": doc.title,
        "date": doc.date,
        "doc_type": doc.doc_type,
        "collection": doc.collection,
        "page_count": doc.page_count,
        "date_iso": iso_date(doc.date),
    }


def issuer_data(issuer: Issuer | None, urls: Urls) -> dict[str, object] | None:
    """Who issued a document, with the search for what else they issued."""
    if issuer is None:
        return None
    return {
        "name": issuer.name,
        "slug": issuer.slug,
        "search_url": urls.search("html_search", [("issuer", issuer.name)]),
    }


def _row(row: ResultRow, q: str, agency_order: AgencyOrder, urls: Urls) -> dict[str, object]:
    shown = agency_order.first(row.agencies, row.agency_pages, AGENCIES_SHOWN)
    url = urls.path("html_document", doc_id=row.id)
    return {
        **document_fields(row),
        "issuer": issuer_data(row.issuer, urls),
        "agencies": list(row.agencies),
        "agencies_shown": shown,
        "agencies_more": len(row.agencies) - len(shown),
        "agencies_url": f"{url}#entities-agency",
        "url": url,
        "hits": [
            {"page": hit.page, "excerpt": hit.excerpt, "url": page_url(urls, row.id, hit.page, q)}
            for hit in row.hits
        ],
        "more_hits": row.more_hits,
    }


def toggled(base: Params, name: str, value: str) -> list[tuple[str, str]]:
    """The search's parameters with a facet value added, or removed if it was there."""
    if (name, value) in base:
        return [pair for pair in base if pair != (name, value)]
    return [*base, (name, value)]


def _chips(base: Params, urls: Urls) -> list[dict[str, str]]:
    """The filters applied, each with the search without it."""
    return [
        {
            "facet": name,
            "label": FACET_LABELS.get(name) or DATE_LABELS[name],
            "value": value,
            "remove_url": urls.search("html_search", [p for p in base if p != (name, value)]),
        }
        for name, value in base
        if name in FACET_LABELS or (name in DATE_LABELS and value)
    ]


def _links(
    base: Params, request: SearchRequest, result: SearchResult, urls: Urls
) -> dict[str, str | None]:
    last = last_page(result.total, request.per_page)

    def at(page: int) -> str:
        return urls.search("html_search", [*base, ("page", str(page))] if page > 1 else base)

    def sorted_by(sort: str) -> str:
        return urls.search("html_search", [*plain, ("sort", sort)])

    plain = [pair for pair in base if pair[0] != "sort"]
    return {
        "self": at(request.page),
        "json": urls.search("api_search", [*base, ("page", str(request.page))]),
        "prev": at(request.page - 1) if request.page > 1 else None,
        "next": at(request.page + 1) if request.page < last else None,
        "sort_relevance": urls.search("html_search", plain),
        "sort_date": sorted_by("date"),
        "sort_date_desc": sorted_by("-date"),
        "sort_indexed_desc": sorted_by("-indexed"),
        "clear": urls.search("html_search", [("q", request.q)]),
        "csv": urls.search("search_csv", base),
        "jsonl": urls.search("search_jsonl", base),
        "atom": urls.search("search_atom", plain),
    }


# entity kinds that are facets: a value links to the search filtered on it
_ENTITY_FACETS = frozenset(facet.name for facet in FACETS if facet.source == "entity")


def entity_data(entity: Entity, urls: Urls) -> dict[str, object]:
    data: dict[str, object] = {
        "value": entity.value,
        "pages": list(entity.pages),
        "forms": list(entity.forms),
    }
    for key, value in entity.attrs.items():
        data.setdefault(key, value)
    if entity.kind in _ENTITY_FACETS:
        data["search_url"] = urls.search("html_search", [(entity.kind, entity.value)])
    elif entity.kind == "bates":
        data["search_url"] = urls.search("html_search", [("q", f"bates:{entity.value}")])
    return data


def document_data(
    view: DocumentView,
    q: str,
    urls: Urls,
    hits: list[PageHit],
    vendor_pages: Mapping[str, str] | None = None,
) -> dict[str, object]:
    """A document's data; ``vendor_pages`` gives the page of each vendor it names."""
    doc = view.record
    by_kind: dict[str, list[dict[str, object]]] = {kind: [] for kind in ENTITY_KINDS}
    for entity in view.entities:
        data = entity_data(entity, urls)
        if entity.kind == "vendor" and vendor_pages and entity.value in vendor_pages:
            data["page_url"] = vendor_pages[entity.value]
        by_kind.setdefault(entity.kind, []).append(data)
    cite = document_citation(view, urls)
    return {
        "id": doc.id,
        "title": doc.title,
        "file_names": list(view.file_names),
        "collection": doc.collection,
        "sha256": doc.sha256,
        "size": doc.size,
        "page_count": doc.page_count,
        "date": doc.date,
        "date_iso": iso_date(doc.date),
        "doc_type": doc.doc_type,
        "issuer": issuer_data(view.issuer, urls),
        "description": doc.description,
        "curated": (
            {"source": doc.curated_by, "fields": list(doc.curated)} if doc.curated else None
        ),
        "status": doc.status,
        "error": doc.error,
        "bates_range": list(cite.bates_range) if cite.bates_range else None,
        "metadata": doc.metadata,
        "entities": by_kind,
        "pages": [_page_entry(doc.id, page, q, urls) for page in view.pages],
        "page_window": PAGE_WINDOW,
        "query": q,
        "hits": [
            {
                "page": h.page,
                "excerpt": h.excerpt,
                "matches": h.matches,
                "url": page_url(urls, doc.id, h.page, q),
            }
            for h in hits
        ],
        "citation": {
            "author": cite.author,
            "title": cite.title,
            "date": cite.date,
            "permalink": cite.url,
            "text": citation.document_citation(cite),
            "ris_url": urls.path("cite_ris", doc_id=doc.id),
            "bibtex_url": urls.path("cite_bib", doc_id=doc.id),
            "csl_json_url": urls.path("cite_json", doc_id=doc.id),
        },
        "meta": _highwire(cite, doc.page_count),
        "url": urls.path("html_document", doc_id=doc.id),
        "pdf_url": urls.path("document_pdf", doc_id=doc.id),
        "links": {"json": urls.path("api_document", [("q", q)], doc_id=doc.id)},
    }


def _page_entry(doc_id: str, page: dict[str, object], q: str, urls: Urls) -> dict[str, object]:
    number = cast(int, page["number"])
    return {
        "number": number,
        "ocr": bool(page["ocr"]),
        "image_only": bool(page["image_only"]),
        "bates": page["bates"],
        "url": page_url(urls, doc_id, number, q),
        "thumbnail_url": urls.path("page_image", [("size", "thumb")], doc_id=doc_id, number=number),
    }


def document_citation(view: DocumentView, urls: Urls) -> citation.Cited:
    bates = citation.bates_range(str(p["bates"]) for p in view.pages if p["bates"])
    return citation.cited(view.record, urls, bates)


def _highwire(cite: citation.Cited, pages: int) -> list[tuple[str, str]]:
    """Highwire Press tags, which Zotero's connector reads to save the record with its PDF."""
    tags = [("citation_title", cite.title)]
    if cite.author:
        tags.append(("citation_author", cite.author))
        tags.append(("citation_publisher", cite.author))
    if cite.date and cite.date[:4].isdigit():
        tags.append(("citation_publication_date", cite.date.replace("-", "/")))
    tags += [
        ("citation_pdf_url", cite.pdf_url),
        ("citation_abstract_html_url", cite.url),
        ("citation_technical_report_institution", cite.collection),
        ("citation_firstpage", "1"),
        ("citation_lastpage", str(pages)),
    ]
    if cite.bates_range:
        tags.append(("citation_technical_report_number", citation.bates_text(cite.bates_range)))
    return tags


def page_data(view: PageView, q: str, urls: Urls) -> dict[str, object]:
    doc, page = view.document, view.page
    n = page.number
    prev_hit = max((p for p in view.hit_pages if p < n), default=None)
    next_hit = min((p for p in view.hit_pages if p > n), default=None)
    cite = citation.cited(doc, urls)
    permalink = urls.absolute(urls.path("html_page", doc_id=doc.id, number=n))
    exemptions = sorted({code for r in page.redactions for code in r.exemptions})
    return {
        "document": {
            **document_fields(doc),
            "url": urls.path("html_document", [("q", q)], doc_id=doc.id),
        },
        "number": n,
        "text": page.text,
        "text_html": view.marked_text,
        "ocr": page.ocr,
        "image_only": page.image_only,
        "bates": page.bates,
        "redactions": [
            {
                "bbox": list(r.bbox),
                "label": r.label,
                "exemptions": list(r.exemptions),
                "covers_text": r.hidden > 0,
            }
            for r in page.redactions
        ],
        "redaction_summary": {"boxes": len(page.redactions), "exemptions": exemptions},
        "query": q,
        "hit_pages": list(view.hit_pages),
        "citation": citation.page_citation(cite, page, permalink),
        "permalink": permalink,
        "image_url": urls.path("page_image", doc_id=doc.id, number=n),
        "image_width": page.width,
        "image_height": page.height,
        "links": {
            "prev": page_url(urls, doc.id, n - 1, q) if n > 1 else None,
            "next": page_url(urls, doc.id, n + 1, q) if n < doc.page_count else None,
            "prev_hit": page_url(urls, doc.id, prev_hit, q) if prev_hit else None,
            "next_hit": page_url(urls, doc.id, next_hit, q) if next_hit else None,
            "json": urls.path("api_page", [("q", q)], doc_id=doc.id, number=n),
        },
    }
