"""Browsing by vendor: ``/vendors``, ``/vendors/{slug}`` and their JSON twins. Each route calls
a builder of ``vendor_views`` and renders its dict or returns it as JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from indexer.search import Library

from .. import vendor_views
from ..errors import PastLastPage
from ..pages import render
from ..urls import Urls
from .dependencies import Lib, SiteUrls

router = APIRouter(tags=["vendors"])

Filter = Annotated[
    str, Query(max_length=200, description="Only vendors whose name contains this (any case)")
]
Page = Annotated[int, Query(ge=1, le=1_000_000, description="Page of the vendor's documents")]


def vendor(lib: Library, slug: str, page: int, urls: Urls) -> dict[str, Any] | None:
    """The vendor's page, or None for an unknown slug; a page past its last is a 404."""
    data = vendor_views.vendor_data(lib, slug, urls, page)
    if data is not None and page > data["pages"]:
        raise PastLastPage(f"the documents naming {data['name']}", page, data["pages"])
    return data


@router.get("/api/vendors", summary="Every vendor named, with its documents")
def api_vendors(lib: Lib, urls: SiteUrls, q: Filter = "") -> dict[str, Any]:
    return vendor_views.vendors_data(lib, urls, q)


@router.get("/vendors", response_class=HTMLResponse, include_in_schema=False)
def html_vendors(request: Request, lib: Lib, urls: SiteUrls, q: Filter = "") -> HTMLResponse:
    return render(request, "vendors.html", vendor_views.vendors_data(lib, urls, q))


@router.get(
    "/api/vendors/{slug}",
    summary="One vendor: its documents, their contracts and agencies, its years",
    responses={404: {"description": "No vendor of that slug, or a page past its last"}},
)
def api_vendor(lib: Lib, urls: SiteUrls, slug: str, page: Page = 1) -> Any:
    data = vendor(lib, slug, page, urls)
    if data is None:
        return JSONResponse(vendor_views.vendor_not_found(lib, slug, urls), status_code=404)
    return data


@router.get("/vendors/{slug}", response_class=HTMLResponse, include_in_schema=False)
def html_vendor(
    request: Request, lib: Lib, urls: SiteUrls, slug: str, page: Page = 1
) -> HTMLResponse:
    data = vendor(lib, slug, page, urls)
    if data is None:
        return render(request, "vendor.html", vendor_views.vendor_not_found(lib, slug, urls), 404)
    return render(request, "vendor.html", data)
