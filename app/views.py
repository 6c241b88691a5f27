"""Page data: one function per page builds the dict that the JSON API returns as it is and
the HTML template renders. Nothing is computed twice for two formats, so they cannot drift.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Protocol
from urllib.parse import urlencode

from indexer import query
from indexer.entities.agencies import abbreviates, initials, normalise
from indexer.library import (
    FACETS,
    DocumentView,
    Library,
    PageHit,
    PageView,
    ResultRow,
    SearchRequest,
    SearchResult,
)
from indexer.models import ENTITY_KINDS, Entity

from . import citation


class DocumentLike(Protocol):
    """A catalog record, a search result row or an agency's document."""

    id: str
    title: str
    date: str | None
    doc_type: str
    collection: str
    page_count: int


FACET_LABELS = {
    "agency": "Agency",
    "doc_type": "Document type",
    "year": "Year",
    "exemption": "Exemption",
    "contract": "Contract",
    "collection": "Collection",
}


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
    agency_order = AgencyOrder(
        selected=frozenset(request.filters.get("agency", ())),
        leaves=tuple(
            leaf
            for leaf in query.positive_leaves(query.parse(request.q))
            if leaf.field in ("content", "agency")
        ),
    )
    return {
        "query": request.q,
        "total": result.total,
        "page": request.page,
        "per_page": request.per_page,
        "pages": max(1, -(-result.total // request.per_page)),
        "sort": request.sort,
        "date_from": request.date_from,
        "date_to": request.date_to,
        "results": [_row(row, request.q, agency_order) for row in result.rows],
        "facets": {
            name: [
                {
                    "value": v.value,
                    "count": v.count,
                    "selected": v.selected,
                    "toggle_url": "/search?" + query_string(toggled(base, name, v.value)),
                }
                for v in values
            ]
            for name, values in result.facets.items()
        },
        "facet_totals": {
            name: {
                "values": result.facet_totals.get(name, len(values)),
                "url": f"/search/facets/{name}?" + query_string(base),
            }
            for name, values in result.facets.items()
        },
        "facet_labels": FACET_LABELS,
        "suggestion": (
            {
                "query": result.suggestion,
                "url": "/search?" + query_string([("q", result.suggestion)]),
            }
            if result.suggestion
            else None
        ),
        "notices": list(result.notices),
        "chips": _chips(base),
        "links": _links(base, request, result),
    }


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


class AgencyOrder:
    """Which of a result's agencies to name first: those selected in the agency facet, then
    those the query names (``agency:ICE``, or words of the name or its initials among the
    query's words), then those the document names on most pages."""

    def __init__(
        self,
        selected: frozenset[str],
        leaves: tuple[query.Word | query.Phrase | query.Prefix, ...],
    ) -> None:
        self.selected = selected
        self.leaves = leaves

    def first(self, agencies: Sequence[str], mentions: Mapping[str, int], count: int) -> list[str]:
        """The ``count`` agencies of ``agencies`` to name, in the order to name them;
        ``mentions`` says on how many pages the document names each."""

        selected, leaves = self.selected, self.leaves

        def key(item: tuple[int, str]) -> tuple[bool, int, int, int]:
            index, name = item
            named = sum(_names(leaf, name) for leaf in leaves) if leaves else 0
            return (name not in selected, -named, -mentions.get(name, 0), index)

        return [name for _, name in heapq.nsmallest(count, enumerate(agencies), key=key)]


_FILLER = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})


@lru_cache(maxsize=1 << 16)
def _names(leaf: query.Word | query.Phrase | query.Prefix, agency: str) -> bool:
    """Whether a term of the query names an agency: its words are words of the name, in
    order, or it is written in capitals (or asked of the agency field) and abbreviates it."""
    words = normalise(agency).split()
    if isinstance(leaf, query.Prefix):
        prefix = normalise(leaf.text)
        return bool(prefix) and any(word.startswith(prefix) for word in words)
    wanted = normalise(leaf.text).split()
    if not _FILLER.issuperset(wanted) and any(
        words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1)
    ):
        return True
    text = leaf.text.strip()
    if isinstance(leaf, query.Word) and (text.isupper() or leaf.field == "agency"):
        letters = text.upper()
        return len(letters) >= 2 and (letters in initials(agency) or abbreviates(letters, agency))
    return False


def _row(row: ResultRow, q: str, agency_order: AgencyOrder) -> dict[str, object]:
    shown = agency_order.first(row.agencies, row.agency_pages, AGENCIES_SHOWN)
    return {
        **document_fields(row),
        "agencies": list(row.agencies),
        "agencies_shown": shown,
        "agencies_more": len(row.agencies) - len(shown),
        "agencies_url": f"/documents/{row.id}#entities-agency",
        "url": f"/documents/{row.id}",
        "hits": [
            {"page": hit.page, "excerpt": hit.excerpt, "url": page_url(row.id, hit.page, q)}
            for hit in row.hits
        ],
        "more_hits": row.more_hits,
    }


def toggled(base: list[tuple[str, str]], name: str, value: str) -> list[tuple[str, str]]:
    """The search's parameters with a facet value added, or removed if it was there."""
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
        "csv": "/api/search.csv?" + query_string(base),
        "jsonl": "/api/search.jsonl?" + query_string(base),
        "atom": "/search.atom?" + query_string(plain),
    }


# entity kind -> (search parameter, how the value becomes that parameter's value)
_ENTITY_LINKS = {
    "agency": ("agency", None),
    "contract": ("contract", None),
    "exemption": ("exemption", None),
    "bates": ("q", "bates:{}"),
    "date": ("q", '"{}"'),
}


def entity_data(entity: Entity) -> dict[str, object]:
    data: dict[str, object] = {
        "value": entity.value,
        "pages": list(entity.pages),
        "forms": list(entity.forms),
    }
    for key, value in entity.attrs.items():
        data.setdefault(key, value)
    link = _ENTITY_LINKS.get(entity.kind)
    if link and entity.kind != "date":
        param, template = link
        value = template.format(entity.value) if template else entity.value
        data["search_url"] = "/search?" + query_string([(param, value)])
    return data


def document_data(
    view: DocumentView, q: str, base_url: str, hits: list[PageHit]
) -> dict[str, object]:
    doc = view.record
    by_kind: dict[str, list[dict[str, object]]] = {kind: [] for kind in ENTITY_KINDS}
    for entity in view.entities:
        by_kind.setdefault(entity.kind, []).append(entity_data(entity))
    cite = document_citation(view, base_url)
    bates_range = cite.bates_range
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
        "status": doc.status,
        "error": doc.error,
        "bates_range": list(bates_range) if bates_range else None,
        "metadata": doc.metadata,
        "entities": by_kind,
        "pages": [
            {
                "number": p["number"],
                "ocr": bool(p["ocr"]),
                "image_only": bool(p["image_only"]),
                "bates": p["bates"],
                "url": page_url(doc.id, int(p["number"]), q),  # type: ignore[arg-type]
                "thumbnail_url": f"/documents/{doc.id}/pages/{p['number']}.png?size=thumb",
            }
            for p in view.pages
        ],
        "page_window": PAGE_WINDOW,
        "query": q,
        "hits": [
            {
                "page": h.page,
                "excerpt": h.excerpt,
                "matches": h.matches,
                "url": page_url(doc.id, h.page, q),
            }
            for h in hits
        ],
        "citation": {
            "author": cite.author,
            "title": cite.title,
            "date": cite.date,
            "permalink": cite.url,
            "text": citation.document_citation(cite),
            "ris_url": f"/documents/{doc.id}/cite.ris",
            "bibtex_url": f"/documents/{doc.id}/cite.bib",
            "csl_json_url": f"/documents/{doc.id}/cite.json",
        },
        "meta": _highwire(cite, doc.page_count),
        "url": f"/documents/{doc.id}",
        "pdf_url": f"/documents/{doc.id}/pdf",
        "links": {
            "json": f"/api/documents/{doc.id}" + (f"?{urlencode({'q': q})}" if q else ""),
        },
    }


def document_citation(view: DocumentView, base_url: str) -> citation.Cited:
    bates = [str(p["bates"]) for p in view.pages if p["bates"]]
    agencies = [e for e in view.entities if e.kind == "agency"]
    return citation.cited(view.record, agencies, base_url, (bates[0], bates[-1]) if bates else None)


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
        tags.append(
            ("citation_technical_report_number", f"{cite.bates_range[0]}–{cite.bates_range[1]}")
        )
    return tags


def page_data(view: PageView, q: str, base_url: str) -> dict[str, object]:
    doc, page = view.document, view.page
    n = page.number
    prev_hit = max((p for p in view.hit_pages if p < n), default=None)
    next_hit = min((p for p in view.hit_pages if p > n), default=None)
    cite = citation.cited(doc, view.agencies, base_url)
    permalink = f"{cite.url}/pages/{n}"
    exemptions = sorted({code for r in page.redactions for code in r.exemptions})
    return {
        "document": {
            **document_fields(doc),
            "url": f"/documents/{doc.id}" + (f"?{urlencode({'q': q})}" if q else ""),
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
        "citation": citation.page_citation(cite, page),
        "permalink": permalink,
        "image_url": f"/documents/{doc.id}/pages/{n}.png",
        "image_width": page.width,
        "image_height": page.height,
        "links": {
            "prev": page_url(doc.id, n - 1, q) if n > 1 else None,
            "next": page_url(doc.id, n + 1, q) if n < doc.page_count else None,
            "prev_hit": page_url(doc.id, prev_hit, q) if prev_hit else None,
            "next_hit": page_url(doc.id, next_hit, q) if next_hit else None,
            "json": f"/api/documents/{doc.id}/pages/{n}" + (f"?{urlencode({'q': q})}" if q else ""),
        },
    }
