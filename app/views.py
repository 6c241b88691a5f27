"""Page data: one function per page builds the dict that the JSON API returns as it is and
the HTML template renders. Nothing is computed twice for two formats, so they cannot drift.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

from indexer.library import (
    FACETS,
    DocumentView,
    Library,
    PageView,
    ResultRow,
    SearchRequest,
    SearchResult,
)
from indexer.models import Entity

from .citation import page_citation

FACET_LABELS = {
    "agency": "Agency",
    "doc_type": "Document type",
    "year": "Year",
    "exemption": "Exemption",
    "contract": "Contract",
    "collection": "Collection",
}
FACETS_SHOWN = 8  # values per facet before "more"


def query_string(params: Sequence[tuple[str, str]]) -> str:
    return urlencode([(k, v) for k, v in params if v not in ("", None)])


def request_params(request: SearchRequest) -> list[tuple[str, str]]:
    """The URL parameters that reproduce a search (without its page number)."""
    params: list[tuple[str, str]] = [("q", request.q)]
    for name in FACETS:
        params += [(name, value) for value in request.filters.get(name, ())]
    params += [("date_from", request.date_from or ""), ("date_to", request.date_to or "")]
    if request.sort != "relevance":
        params.append(("sort", request.sort))
    return params


def page_url(doc_id: str, number: int, q: str = "") -> str:
    url = f"/documents/{doc_id}/pages/{number}"
    return f"{url}?{urlencode({'q': q})}" if q else url


def search_data(library: Library, request: SearchRequest) -> dict[str, object]:
    """The search page: results with their page hits, and facets with toggle links."""
    result = library.search(request)
    base = request_params(request)
    return {
        "query": request.q,
        "total": result.total,
        "page": request.page,
        "per_page": request.per_page,
        "pages": max(1, -(-result.total // request.per_page)),
        "sort": request.sort,
        "date_from": request.date_from,
        "date_to": request.date_to,
        "results": [_row(row, request.q) for row in result.rows],
        "facets": {
            name: [
                {
                    "value": v.value,
                    "count": v.count,
                    "selected": v.selected,
                    "toggle_url": "/search?" + query_string(_toggle(base, name, v.value)),
                }
                for v in values
            ]
            for name, values in result.facets.items()
        },
        "facet_labels": FACET_LABELS,
        "chips": _chips(base),
        "links": _links(base, request, result),
    }


def _row(row: ResultRow, q: str) -> dict[str, object]:
    return {
        "id": row.id,
        "title": row.title,
        "date": row.date,
        "doc_type": row.doc_type,
        "collection": row.collection,
        "page_count": row.page_count,
        "agencies": list(row.agencies),
        "url": f"/documents/{row.id}",
        "hits": [
            {"page": hit.page, "excerpt": hit.excerpt, "url": page_url(row.id, hit.page, q)}
            for hit in row.hits
        ],
        "more_hits": row.more_hits,
    }


def _toggle(base: list[tuple[str, str]], name: str, value: str) -> list[tuple[str, str]]:
    if (name, value) in base:
        return [pair for pair in base if pair != (name, value)]
    return [*base, (name, value)]


def _chips(base: list[tuple[str, str]]) -> list[dict[str, str]]:
    chips = []
    for name, value in base:
        if name in FACETS or (name in ("date_from", "date_to") and value):
            label = FACET_LABELS.get(name, "From" if name == "date_from" else "To")
            remove = [pair for pair in base if pair != (name, value)]
            chips.append(
                {
                    "facet": name,
                    "label": label,
                    "value": value,
                    "remove_url": "/search?" + query_string(remove),
                }
            )
    return chips


def _links(
    base: list[tuple[str, str]], request: SearchRequest, result: SearchResult
) -> dict[str, str | None]:
    last = max(1, -(-result.total // request.per_page))

    def at(page: int) -> str:
        return "/search?" + query_string([*base, ("page", str(page))] if page > 1 else base)

    plain = [pair for pair in base if pair[0] != "sort"]
    return {
        "self": at(request.page),
        "json": "/api/search?" + query_string([*base, ("page", str(request.page))]),
        "prev": at(request.page - 1) if request.page > 1 else None,
        "next": at(request.page + 1) if request.page < last else None,
        "sort_relevance": "/search?" + query_string(plain),
        "sort_date": "/search?" + query_string([*plain, ("sort", "date")]),
        "sort_date_desc": "/search?" + query_string([*plain, ("sort", "-date")]),
        "clear": "/search?" + query_string([("q", request.q)]),
    }


def entity_data(entity: Entity) -> dict[str, object]:
    data: dict[str, object] = {
        "value": entity.value,
        "pages": list(entity.pages),
        "forms": list(entity.forms),
    }
    for key, value in entity.attrs.items():
        data.setdefault(key, value)
    return data


def document_data(view: DocumentView) -> dict[str, object]:
    doc = view.record
    by_kind: dict[str, list[dict[str, object]]] = {
        kind: [] for kind in ("agency", "contract", "date", "exemption", "bates", "email", "money")
    }
    for entity in view.entities:
        by_kind.setdefault(entity.kind, []).append(entity_data(entity))
    bates = [p["bates"] for p in view.pages if p["bates"]]
    return {
        "id": doc.id,
        "title": doc.title,
        "file_names": list(view.file_names),
        "collection": doc.collection,
        "sha256": doc.sha256,
        "size": doc.size,
        "page_count": doc.page_count,
        "date": doc.date,
        "doc_type": doc.doc_type,
        "status": doc.status,
        "error": doc.error,
        "bates_range": [bates[0], bates[-1]] if bates else None,
        "metadata": doc.metadata,
        "entities": by_kind,
        "pages": [
            {
                "number": p["number"],
                "ocr": bool(p["ocr"]),
                "image_only": bool(p["image_only"]),
                "bates": p["bates"],
                "url": page_url(doc.id, int(p["number"])),  # type: ignore[arg-type]
            }
            for p in view.pages
        ],
        "url": f"/documents/{doc.id}",
        "pdf_url": f"/documents/{doc.id}/pdf",
    }


def page_data(view: PageView, q: str, base_url: str) -> dict[str, object]:
    doc, page = view.document, view.page
    n = page.number
    prev_hit = max((p for p in view.hit_pages if p < n), default=None)
    next_hit = min((p for p in view.hit_pages if p > n), default=None)
    permalink = f"{base_url.rstrip('/')}/documents/{doc.id}/pages/{n}"
    return {
        "document": {
            "id": doc.id,
            "title": doc.title,
            "date": doc.date,
            "doc_type": doc.doc_type,
            "collection": doc.collection,
            "page_count": doc.page_count,
            "url": f"/documents/{doc.id}",
        },
        "number": n,
        "text": page.text,
        "text_html": view.marked_text,
        "ocr": page.ocr,
        "image_only": page.image_only,
        "bates": page.bates,
        "redactions": [
            {"bbox": list(r.bbox), "label": r.label, "exemptions": list(r.exemptions)}
            for r in page.redactions
        ],
        "query": q,
        "hit_pages": list(view.hit_pages),
        "citation": page_citation(doc, page, view.agencies, permalink),
        "permalink": permalink,
        "image_url": f"/documents/{doc.id}/pages/{n}.png",
        "links": {
            "prev": page_url(doc.id, n - 1, q) if n > 1 else None,
            "next": page_url(doc.id, n + 1, q) if n < doc.page_count else None,
            "prev_hit": page_url(doc.id, prev_hit, q) if prev_hit else None,
            "next_hit": page_url(doc.id, next_hit, q) if next_hit else None,
            "json": f"/api/documents/{doc.id}/pages/{n}" + (f"?{urlencode({'q': q})}" if q else ""),
        },
    }


def status_data(library: Library) -> Mapping[str, object]:
    return library.status()
