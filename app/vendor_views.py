"""Page data for browsing by vendor: one function per page builds the dict that the JSON API
returns as it is and the HTML template renders (see ``views``). The vendors come from
``indexer.browse``; a vendor's page lists its documents and contracts as an agency's page does
(``agency_views``) and links the agencies its documents name to their pages."""

from __future__ import annotations

from typing import Any

from indexer.browse import VendorSummary, slugify, vendor_index
from indexer.search import Library

from .agency_views import SUGGESTIONS, contract_data, documents_page, paged_links
from .urls import Urls


def search_url(urls: Urls, vendor: str, **filters: str) -> str:
    """The search filtered on the vendor (and other facet values)."""
    return urls.search("html_search", [("vendor", vendor), *filters.items()])


def summary_data(summary: VendorSummary, urls: Urls) -> dict[str, object]:
    return {
        "name": summary.name,
        "slug": summary.slug,
        "count": summary.count,
        "url": urls.path("html_vendor", slug=summary.slug),
        "search_url": search_url(urls, summary.name),
    }


def vendor_url(library: Library, urls: Urls, name: str) -> str | None:
    """The page of the vendor of this name (a vendor entity's value), if the collection names
    it: for links from a document's vendors."""
    slug = vendor_index(library).slug(name)
    return urls.path("html_vendor", slug=slug) if slug else None


def vendors_data(library: Library, urls: Urls, text: str = "") -> dict[str, object]:
    """Every vendor the collection names, by name, with its documents' count; ``text`` keeps
    those whose name contains it."""
    text = text.strip()
    vendors = [summary_data(s, urls) for s in vendor_index(library).vendors(text)]
    return {
        "filter": text,
        "total": len(vendors),
        "vendors": vendors,
        "links": {
            "self": urls.path("html_vendors", [("q", text)]),
            "json": urls.path("api_vendors", [("q", text)]),
            "clear": urls.path("html_vendors"),
        },
    }


def vendor_data(library: Library, slug: str, urls: Urls, page: int = 1) -> dict[str, Any] | None:
    """One vendor's page, or None when the collection names no vendor of that slug. A page past
    the last has no documents; the route answers it with a 404 that names ``pages``."""
    detail = vendor_index(library).detail(slug)
    if detail is None:
        return None
    name = detail.vendor.name
    listing = documents_page(detail.documents, page, urls)
    return {
        **summary_data(detail.vendor, urls),
        "forms": list(detail.forms),
        "also_written_as": [form for form in detail.forms if form != name],
        **listing,
        "timeline": [
            {"year": year, "count": count, "search_url": search_url(urls, name, year=year)}
            for year, count in detail.timeline
        ],
        "timeline_max": max((count for _, count in detail.timeline), default=0),
        "undated": detail.undated,
        "agencies": [
            {
                "name": a.agency.name,
                "slug": a.agency.slug,
                "state": a.agency.state,
                "count": a.count,
                "url": urls.path("html_agency", slug=a.agency.slug),
                "search_url": search_url(urls, name, agency=a.agency.name),
            }
            for a in detail.agencies
        ],
        "contracts": [
            contract_data(c, search_url(urls, name, contract=c.value)) for c in detail.contracts
        ],
        "links": {
            **paged_links("html_vendor", "api_vendor", slug, page, listing["pages"], urls),
            "list": urls.path("html_vendors"),
            "search": search_url(urls, name),
        },
    }


def vendor_not_found(library: Library, slug: str, urls: Urls) -> dict[str, object]:
    """What a 404 for an unknown vendor says: where the list is, and vendors whose names share
    the most words with the slug."""
    words = set(slugify(slug).split("-")) - {""}
    shared = []
    for summary in vendor_index(library).vendors():
        n = len(words & set(summary.slug.split("-")))
        if n:
            shared.append((-n, summary))
    shared.sort(key=lambda item: item[0])  # stable: by name among equals
    return {
        "error": "not_found",
        "message": f"No vendor {slug!r} is named in this collection.",
        "slug": slug,
        "vendors_url": urls.path("html_vendors"),
        "suggestions": [summary_data(s, urls) for _, s in shared[:SUGGESTIONS]],
    }
