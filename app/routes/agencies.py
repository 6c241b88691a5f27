"""Browsing by agency: ``/agencies``, ``/agencies/{slug}`` and their JSON twins. Each route
calls a builder of ``agency_views`` and renders its dict or returns it as JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from indexer.search import Library

from .. import agency_views
from ..errors import PastLastPage
from ..pages import render
from ..urls import Urls
from .dependencies import Lib, SiteUrls

router = APIRouter(tags=["agencies"])

Filter = Annotated[
    str,
    Query(
        max_length=200,
        description="Only agencies whose name, abbreviation or state contains this",
    ),
]
Page = Annotated[int, Query(ge=1, le=1_000_000, description="Page of the agency's documents")]


def agency(lib: Library, slug: str, page: int, urls: Urls) -> dict[str, Any] | None:
    """The agency's page, or None for an unknown slug; a page past its last is a 404."""
    data = agency_views.agency_data(lib, slug, urls, page)
    if data is not None and page > data["pages"]:
        raise PastLastPage(f"the documents naming {data['name']}", page, data["pages"])
    return data


@router.get("/api/agencies", summary="Every agency named, with its documents")
def api_agencies(lib: Lib, urls: SiteUrls, q: Filter = "") -> dict[str, Any]:
    return agency_views.agencies_data(lib, urls, q)


@router.get("/agencies", response_class=HTMLResponse, include_in_schema=False)
def html_agencies(request: Request, lib: Lib, urls: SiteUrls, q: Filter = "") -> HTMLResponse:
    return render(request, "agencies.html", agency_views.agencies_data(lib, urls, q))


@router.get(
    "/api/agencies/{slug}",
    summary="One agency: names, documents, timeline, agencies named with it",
    responses={404: {"description": "No agency of that slug, or a page past its last"}},
)
def api_agency(lib: Lib, urls: SiteUrls, slug: str, page: Page = 1) -> Any:
    data = agency(lib, slug, page, urls)
    if data is None:
        return JSONResponse(agency_views.agency_not_found(lib, slug, urls), status_code=404)
    return data


@router.get("/agencies/{slug}", response_class=HTMLResponse, include_in_schema=False)
def html_agency(
    request: Request, lib: Lib, urls: SiteUrls, slug: str, page: Page = 1
) -> HTMLResponse:
    data = agency(lib, slug, page, urls)
    if data is None:
        return render(request, "agency.html", agency_views.agency_not_found(lib, slug, urls), 404)
    return render(request, "agency.html", data)
