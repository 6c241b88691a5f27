"""Search: the results page and its JSON twin, every value of one facet, and every result as
CSV and JSON Lines, or the newest as an Atom feed."""

from __future__ import annotations

import inspect
from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParameter
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse

from indexer.errors import InvalidParameter
from indexer.facets import BY_NAME, FACETS, NAMES, Facet
from indexer.query import parse
from indexer.search import Library, SearchRequest

from .. import exports, facet_views, parameters, views
from ..errors import PastLastPage
from ..pages import render
from ..parameters import SearchOptions, not_valid
from ..urls import Urls
from .dependencies import Lib, SiteUrls

router = APIRouter(tags=["search"])


class AtomResponse(Response):
    media_type = "application/atom+xml"


class CsvResponse(StreamingResponse):
    media_type = "text/csv"


class JsonLinesResponse(StreamingResponse):
    media_type = "application/x-ndjson"


class FacetFilters:
    """The facet filters of a search, as a dependency: one repeatable query parameter per
    facet of ``indexer.facets.FACETS``, so that a facet declared there is a filter of every
    search route. FastAPI reads a dependency's parameters from its signature, which is why
    this one's is built from the facets."""

    __signature__ = inspect.Signature(
        [
            inspect.Parameter(
                facet.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=[],
                annotation=Annotated[list[str], Query()],
            )
            for facet in FACETS
        ]
    )

    def __call__(self, **values: list[str]) -> dict[str, list[str]]:
        return values


def search_request(
    given: Annotated[SearchOptions, Query()],
    filters: Annotated[dict[str, list[str]], Depends(FacetFilters())],
) -> SearchRequest:
    """The search the query string asks for: the options the command line takes too, each
    checked as it checks them, and the facet filters."""
    return parameters.search_request(given, filters)


def facet_named(
    name: Annotated[
        str,
        PathParameter(description="A facet of the search", json_schema_extra={"enum": [*NAMES]}),
    ],
) -> Facet:
    """The facet a path names; the enum declares the names, this refuses any other."""
    if name not in BY_NAME:
        wanted = f"{name!r} is not a facet; the facets are {', '.join(NAMES)}"
        raise InvalidParameter(not_valid([(("name",), wanted)]))
    return BY_NAME[name]


Search = Annotated[SearchRequest, Depends(search_request)]
FacetNamed = Annotated[Facet, Depends(facet_named)]
Contains = Annotated[
    str, Query(max_length=200, description="Only values containing this (any case)")
]


def results(lib: Library, search: SearchRequest, urls: Urls) -> dict[str, object]:
    """The results page's data; a page past the last is a 404 that names the last."""
    data = views.search_data(lib, search, urls)
    last = cast(int, data["pages"])
    if search.page > last:
        raise PastLastPage("these results", search.page, last)
    return data


@router.get("/api/search", summary="Search documents, with facets and page hits")
def api_search(lib: Lib, urls: SiteUrls, search: Search) -> JSONResponse:
    # The view data is plain JSON already. Returned as a dict, FastAPI would walk it again
    # with its generic encoder: 4 ms for a results page, ten times the cost of the search
    # when it comes from the cache. The same goes for documents and pages.
    return JSONResponse(results(lib, search, urls))


@router.get("/", response_class=HTMLResponse, include_in_schema=False, name="home")
@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def html_search(request: Request, lib: Lib, urls: SiteUrls, search: Search) -> HTMLResponse:
    return render(request, "search.html", results(lib, search, urls))


@router.get(
    "/api/search/facets/{name}",
    summary="Every value of one facet for a search, with its count of documents",
)
def api_facet(
    lib: Lib, urls: SiteUrls, search: Search, facet: FacetNamed, contains: Contains = ""
) -> Any:
    return facet_views.facet_data(lib, search, facet, urls, contains)


@router.get("/search/facets/{name}", response_class=HTMLResponse, include_in_schema=False)
def html_facet(
    request: Request,
    lib: Lib,
    urls: SiteUrls,
    search: Search,
    facet: FacetNamed,
    contains: Contains = "",
) -> HTMLResponse:
    return render(request, "facet.html", facet_views.facet_data(lib, search, facet, urls, contains))


@router.get(
    "/api/search.csv",
    summary="Every result of a search as CSV, streamed",
    response_class=CsvResponse,
)
def search_csv(lib: Lib, urls: SiteUrls, search: Search) -> StreamingResponse:
    parse(search.q)  # a bad query answers 400 before the stream starts
    return CsvResponse(
        exports.csv_rows(lib, search, urls),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="search.csv"'},
    )


@router.get(
    "/api/search.jsonl",
    summary="Every result of a search as JSON Lines, streamed",
    response_class=JsonLinesResponse,
)
def search_jsonl(lib: Lib, urls: SiteUrls, search: Search) -> StreamingResponse:
    parse(search.q)
    return JsonLinesResponse(exports.jsonl(lib, search, urls))


@router.get(
    "/search.atom",
    summary="Newest documents matching a search, as Atom",
    response_class=AtomResponse,
)
def search_atom(lib: Lib, urls: SiteUrls, search: Search) -> Response:
    return AtomResponse(exports.atom(lib, search, urls))
