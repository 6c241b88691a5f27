"""Routes for browsing by agency: ``/agencies``, ``/agencies/{slug}`` and their JSON twins.
Each route calls a builder of ``agency_views`` and renders its dict or returns it as JSON."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from indexer.library import Library

from . import agency_views

Render = Callable[..., HTMLResponse]


def add_agency_routes(
    app: FastAPI, library_dependency: Callable[[], Library], render: Render
) -> None:
    Lib = Annotated[Library, Depends(library_dependency)]
    Filter = Annotated[
        str,
        Query(
            max_length=200,
            description="Only agencies whose name, abbreviation or state contains this",
        ),
    ]
    Page = Annotated[int, Query(ge=1, le=1_000_000, description="Page of the agency's documents")]

    @app.get("/api/agencies", tags=["agencies"], summary="Every agency named, with its documents")
    def api_agencies(lib: Lib, q: Filter = "") -> dict[str, Any]:
        return agency_views.agencies_data(lib, q)

    @app.get("/agencies", response_class=HTMLResponse, include_in_schema=False)
    def html_agencies(request: Request, lib: Lib, q: Filter = "") -> HTMLResponse:
        return render(request, "agencies.html", agency_views.agencies_data(lib, q))

    @app.get(
        "/api/agencies/{slug}",
        tags=["agencies"],
        summary="One agency: names, documents, timeline, agencies named with it",
        responses={404: {"description": "No agency of that slug in the collection"}},
    )
    def api_agency(lib: Lib, slug: str, page: Page = 1) -> Any:
        data = agency_views.agency_data(lib, slug, page)
        if data is None:
            return JSONResponse(agency_views.agency_not_found(lib, slug), status_code=404)
        return data

    @app.get("/agencies/{slug}", response_class=HTMLResponse, include_in_schema=False)
    def html_agency(request: Request, lib: Lib, slug: str, page: Page = 1) -> HTMLResponse:
        data = agency_views.agency_data(lib, slug, page)
        if data is None:
            return render(request, "agency.html", agency_views.agency_not_found(lib, slug), 404)
        return render(request, "agency.html", data)
