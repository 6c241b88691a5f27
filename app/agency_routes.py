"""Routes for browsing by agency: ``/agencies``, ``/agencies/{slug}`` and their JSON twins.
Each route calls a builder of ``agency_views`` and renders its dict or returns it as JSON."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from indexer.library import Library

from . import agency_views

Render = Callable[..., HTMLResponse]


class PastLastPage(HTTPException):
    """A page number past the last page of a listing (search results, an agency's documents):
    a 404 that names the last page. The app's handler adds the link to it."""

    def __init__(self, listing: str, page: int, last_page: int) -> None:
        super().__init__(
            404, f"Page {page} is past the end of {listing}: the last is page {last_page}."
        )
        self.last_page = last_page


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

    def agency_page(lib: Library, slug: str, page: int) -> dict[str, Any] | None:
        """The agency's page, or None for an unknown slug; a page past its last is a 404."""
        data = agency_views.agency_data(lib, slug, page)
        if data is not None and page > data["pages"]:
            raise PastLastPage(f"the documents naming {data['name']}", page, data["pages"])
        return data

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
        responses={404: {"description": "No agency of that slug, or a page past its last"}},
    )
    def api_agency(lib: Lib, slug: str, page: Page = 1) -> Any:
        data = agency_page(lib, slug, page)
        if data is None:
            return JSONResponse(agency_views.agency_not_found(lib, slug), status_code=404)
        return data

    @app.get("/agencies/{slug}", response_class=HTMLResponse, include_in_schema=False)
    def html_agency(request: Request, lib: Lib, slug: str, page: Page = 1) -> HTMLResponse:
        data = agency_page(lib, slug, page)
        if data is None:
            return render(request, "agency.html", agency_views.agency_not_found(lib, slug), 404)
        return render(request, "agency.html", data)
