"""Page data for browsing by agency: one function per page builds the dict that the JSON API
returns as it is and the HTML template renders (see ``views``). The agencies themselves come
from ``indexer.browse``. A vendor's page (``vendor_views``) lists its documents, contracts and
agencies with the helpers here, so the two pages say the same things alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from indexer.browse import AgencyNode, AgencySummary, ContractTally, ListedDocument, agency_index
from indexer.data import STATES
from indexer.search import Library

from .urls import Urls
from .views import document_fields, last_page

LEVEL_LABELS = {"federal": "Federal", "state": "State", "local": "Local"}
DOCUMENTS_PER_PAGE = 50
SUGGESTIONS = 10


def search_url(urls: Urls, agency: str, **filters: str) -> str:
    """The search filtered on the agency's canonical name (and other facet values)."""
    return urls.search("html_search", [("agency", agency), *filters.items()])


def summary_data(summary: AgencySummary, urls: Urls) -> dict[str, object]:
    return {
        "name": summary.name,
        "slug": summary.slug,
        "abbreviation": summary.abbreviation,
        "level": summary.level,
        "parent": summary.parent,
        "state": summary.state,
        "ori": summary.ori,
        "count": summary.count,
        "url": urls.path("html_agency", slug=summary.slug),
    }


def documents_page(documents: Sequence[ListedDocument], page: int, urls: Urls) -> dict[str, Any]:
    """One page of an agency's or a vendor's documents, with the pages that name it, and where
    it stands among the pages of documents (a page past the last has no documents)."""
    start = (page - 1) * DOCUMENTS_PER_PAGE
    return {
        "documents_total": len(documents),
        "page": page,
        "pages": last_page(len(documents), DOCUMENTS_PER_PAGE),
        "per_page": DOCUMENTS_PER_PAGE,
        "documents": [
            {
                **document_fields(doc),
                "pages": list(doc.pages),
                "url": urls.path("html_document", doc_id=doc.id),
                "first_page_url": urls.path("html_page", doc_id=doc.id, number=doc.pages[0])
                if doc.pages
                else None,
            }
            for doc in documents[start : start + DOCUMENTS_PER_PAGE]
        ],
    }


def paged_links(
    html: str, api: str, slug: str, page: int, pages: int, urls: Urls
) -> dict[str, Any]:
    """The links of a page of an agency's (vendor's) documents, whose HTML and JSON routes
    are named ``html`` and ``api``."""

    def at(route: str, number: int) -> str:
        return urls.path(route, [("page", str(number))] if number > 1 else (), slug=slug)

    return {
        "self": at(html, page),
        "json": at(api, page),
        "prev": at(html, page - 1) if page > 1 else None,
        "next": at(html, page + 1) if page < pages else None,
    }


def contract_data(contract: ContractTally, search_url: str) -> dict[str, Any]:
    return {
        "value": contract.value,
        "count": contract.count,
        "vendor": contract.vendor,
        "amount": contract.amount,
        "period": (
            {"start": contract.period[0], "end": contract.period[1]} if contract.period else None
        ),
        "search_url": search_url,
    }


def _node(node: AgencyNode, urls: Urls) -> dict[str, object]:
    """A node of the tree; a parent the collection does not name has no slug, url or count."""
    return {
        "name": node.name,
        "slug": node.slug,
        "abbreviation": node.abbreviation,
        "state": node.state,
        "count": node.count,
        "url": urls.path("html_agency", slug=node.slug) if node.slug else None,
        "children": [_node(child, urls) for child in node.children],
    }


def agencies_data(library: Library, urls: Urls, text: str = "") -> dict[str, object]:
    """The list of agencies: flat (``agencies``, what the API promises) and as a tree grouped
    by level, state and parent (``levels``, what the page shows). ``text`` filters both."""
    index = agency_index(library)
    text = text.strip()
    levels = []
    for level, nodes in index.tree(text):
        groups: dict[str, list[dict[str, object]]] = {}
        for node in nodes:
            key = node.state if level in ("state", "local") else ""
            groups.setdefault(key, []).append(_node(node, urls))
        levels.append(
            {
                "level": level,
                "label": LEVEL_LABELS.get(level, level.capitalize()),
                "groups": [
                    {
                        "state": state or None,
                        "state_name": STATES.get(state, state) if state else None,
                        "agencies": groups[state],
                    }
                    for state in sorted(groups, key=lambda s: (s == "", STATES.get(s, s)))
                ],
            }
        )
    agencies = [summary_data(s, urls) for s in index.agencies(text)]
    return {
        "filter": text,
        "total": len(agencies),
        "agencies": agencies,
        "levels": levels,
        "links": {
            "self": urls.path("html_agencies", [("q", text)]),
            "json": urls.path("api_agencies", [("q", text)]),
            "clear": urls.path("html_agencies"),
        },
    }


def agency_data(library: Library, slug: str, urls: Urls, page: int = 1) -> dict[str, Any] | None:
    """One agency's page, or None when the collection names no agency of that slug. A page
    past the last has no documents; the route answers it with a 404 that names ``pages``."""
    detail = agency_index(library).detail(slug)
    if detail is None:
        return None
    name = detail.agency.name
    parent = next((s for n, s in reversed(detail.ancestors) if n == detail.agency.parent), None)
    listing = documents_page(detail.documents, page, urls)

    def agency_url(other: str) -> str:
        return urls.path("html_agency", slug=other)

    return {
        **summary_data(detail.agency, urls),
        "parent_url": agency_url(parent) if parent else None,
        "forms": list(detail.forms),
        "also_written_as": [form for form in detail.forms if form != name],
        "ancestors": [
            {"name": n, "slug": s, "url": agency_url(s) if s else None} for n, s in detail.ancestors
        ],
        "children": [summary_data(child, urls) for child in detail.children],
        **listing,
        "timeline": [{"month": month, "count": count} for month, count in detail.timeline],
        "timeline_max": max((count for _, count in detail.timeline), default=0),
        "undated": detail.undated,
        "co_occurring": [
            {
                "name": co.agency.name,
                "slug": co.agency.slug,
                "state": co.agency.state,
                "count": co.count,
                "url": agency_url(co.agency.slug),
            }
            for co in detail.co_occurring
        ],
        "contracts": [
            contract_data(c, search_url(urls, name, contract=c.value)) for c in detail.contracts
        ],
        "exemptions": [
            {
                "value": e.value,
                "count": e.count,
                "redactions": e.redactions,
                "search_url": search_url(urls, name, exemption=e.value),
            }
            for e in detail.exemptions
        ],
        "search_url": search_url(urls, name),
        "links": {
            **paged_links("html_agency", "api_agency", slug, page, listing["pages"], urls),
            "list": urls.path("html_agencies"),
            "search": search_url(urls, name),
        },
    }


def agency_not_found(library: Library, slug: str, urls: Urls) -> dict[str, object]:
    """What a 404 for an unknown agency says: where the list is, and agencies of like name."""
    words = slug.replace("-", " ").strip()
    suggestions = agency_index(library).agencies(words)[:SUGGESTIONS] if words else []
    return {
        "error": "not_found",
        "message": f"No agency {slug!r} is named in this collection.",
        "slug": slug,
        "agencies_url": urls.path("html_agencies"),
        "suggestions": [summary_data(s, urls) for s in suggestions],
    }
