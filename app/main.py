"""The web site and its JSON API. Routes stay thin: they parse parameters, call a function of
``views`` for the page's data, and hand that data to a template or return it as JSON."""

import contextlib
import os
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, cast

import anyio
import swagger_ui_bundle
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParameter
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    Response,
    StreamingResponse,
)
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from indexer.errors import IndexUnavailable, QuerySyntaxError
from indexer.library import Library, SearchRequest
from indexer.query import MAX_QUERY_LENGTH, parse

from . import citation, exports, facet_views, images, views
from .agency_routes import PastLastPage, add_agency_routes
from .schemas import describe_responses

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Jinja2Templates(directory=str(ROOT / "templates"))
_DOC_ID = re.compile(r"^[0-9a-f]{16}$")

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


@dataclass(frozen=True)
class Settings:
    index_dir: Path
    base_url: str = "http://127.0.0.1:8000"
    site_name: str = "Reading Room"


class AtomResponse(Response):
    media_type = "application/atom+xml"


class RisResponse(Response):
    media_type = "application/x-research-info-systems"


class BibTeXResponse(Response):
    media_type = "application/x-bibtex"


class CslJsonResponse(Response):
    media_type = "application/vnd.citationstyles.csl+json"


class CsvResponse(StreamingResponse):
    media_type = "text/csv"


class JsonLinesResponse(StreamingResponse):
    media_type = "application/x-ndjson"


ERROR_SCHEMA = {
    "type": "object",
    "required": ["error", "message"],
    "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
}
PAST_LAST_PAGE_SCHEMA = {
    "type": "object",
    "required": ["error", "message", "last_page", "last_page_url"],
    "properties": {
        "error": {"type": "string"},
        "message": {"type": "string"},
        "last_page": {"type": "integer", "minimum": 1},
        "last_page_url": {"type": "string"},
    },
}


# ASGI messages that carry a response's body (zero-copy and path sends are extensions)
BODY_MESSAGES = ("http.response.body", "http.response.zerocopysend", "http.response.pathsend")


class HeadAsGet:
    """HEAD on every GET route, static files and the schema included: the app answers the
    request as a GET and the client gets that status and those headers (Content-Length among
    them) without the body. Once the headers are out, a body still streaming (an export, a
    file) is cancelled rather than produced for nobody. A 405 lists HEAD wherever GET is."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] != "HEAD":

            async def allow_head(message: Message) -> None:
                _allow_head(message)
                await send(message)

            await self.app(scope, receive, allow_head)
            return

        with anyio.CancelScope() as body_unwanted:
            ended = False

            async def headers_only(message: Message) -> None:
                nonlocal ended
                if message["type"] not in BODY_MESSAGES:
                    _allow_head(message)
                    await send(message)
                elif not ended:
                    ended = True
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                    if message.get("more_body"):
                        body_unwanted.cancel()

            # a copy: the server keeps its own scope, and with it the knowledge that this is HEAD
            await self.app({**scope, "method": "GET"}, receive, headers_only)


def _allow_head(message: Message) -> None:
    if message["type"] != "http.response.start" or message["status"] != 405:
        return
    headers = MutableHeaders(scope=message)
    allowed = [method.strip() for method in headers.get("allow", "").split(",") if method.strip()]
    if "GET" in allowed and "HEAD" not in allowed:
        headers["allow"] = ", ".join([*allowed, "HEAD"])


def answers_json(path: str) -> bool:
    """Whether errors on this path are JSON (the API, feeds, citation files) or an HTML page."""
    return (
        path.startswith("/api/")
        or path in ("/healthz", "/openapi.json", "/search.atom")
        or path.endswith((".ris", ".bib", ".json"))
    )


def _openapi_with_real_errors(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, saying what the app really answers: invalid parameters are a 400 (not
    422) and unknown ids a 404, both as {"error", "message"}."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
        describe_responses(schema)
        for path, path_item in schema["paths"].items():
            for operation in path_item.values():
                responses = operation.setdefault("responses", {})
                responses.pop("422", None)
                if answers_json(path):
                    error = {"application/json": {"schema": ERROR_SCHEMA}}
                else:
                    error = {"text/html": {"schema": {"type": "string"}}}
                responses["400"] = {"description": "Invalid parameters or query", "content": error}
                if "{" in path:
                    responses["404"] = {"description": "No such document or page", "content": error}
                if path == "/api/search":
                    responses["404"] = {
                        "description": "A page past the last page of results",
                        "content": {"application/json": {"schema": PAST_LAST_PAGE_SCHEMA}},
                    }
        schema.get("components", {}).get("schemas", {}).pop("HTTPValidationError", None)
        schema.get("components", {}).get("schemas", {}).pop("ValidationError", None)
        app.openapi_schema = schema
    return app.openapi_schema


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Searcher and facet table are ready before the first request (seconds on a large
        # index); a server started before any index exists answers 503 until one does.
        with contextlib.suppress(IndexUnavailable):
            app.state.library = Library(settings.index_dir)
            app.state.library.warm()
        app.state.images = images.PageImages(settings.index_dir)
        yield
        app.state.images.close()
        if app.state.library is not None:
            app.state.library.close()
            app.state.library = None

    app = FastAPI(
        title="Reading Room",
        summary="Search released public records page by page.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.openapi = lambda: _openapi_with_real_errors(app)  # type: ignore[method-assign]
    app.state.settings = settings
    app.state.library = None
    # before /static, which would otherwise answer (404) for everything under it
    app.mount(
        "/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger"
    )
    app.mount("/static", StaticFiles(directory=str(ROOT / "app" / "static")), name="static")

    def library() -> Library:
        if app.state.library is None:
            try:
                app.state.library = Library(settings.index_dir)
            except IndexUnavailable as exc:
                raise HTTPException(503, str(exc)) from None
        return app.state.library

    Lib = Annotated[Library, Depends(library)]

    def render(
        request: Request, template: str, data: dict[str, Any], status: int = 200, **extra: Any
    ) -> HTMLResponse:
        context = {"request": request, "data": data, "site_name": settings.site_name, **extra}
        return TEMPLATES.TemplateResponse(request, template, context, status_code=status)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.add_middleware(HeadAsGet)  # outside the one above, so HEAD gets its headers too

    def wants_json(request: Request) -> bool:
        return answers_json(request.url.path)

    @app.exception_handler(QuerySyntaxError)
    async def bad_query(request: Request, exc: QuerySyntaxError) -> Response:
        body = {"error": "bad_query", "message": exc.message, "position": exc.position}
        if wants_json(request):
            return JSONResponse(body, status_code=400)
        data = {
            "query": request.query_params.get("q", ""),
            "error": exc.message,
            "results": [],
            "facets": {},
            "total": 0,
            "chips": [],
            "links": {},
        }
        return render(request, "search.html", data, status=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if wants_json(request):
            response: Response = JSONResponse(
                {"error": _error_name(exc.status_code), "message": exc.detail},
                status_code=exc.status_code,
            )
        else:
            response = render(
                request,
                "error.html",
                {"status": exc.status_code, "message": exc.detail},
                status=exc.status_code,
            )
        response.headers.update(exc.headers or {})  # e.g. Allow on a 405
        return response

    @app.exception_handler(PastLastPage)
    async def past_last_page(request: Request, exc: PastLastPage) -> Response:
        last = request.url.remove_query_params("page")
        if exc.last_page > 1:
            last = last.include_query_params(page=exc.last_page)
        last_url = last.path + (f"?{last.query}" if last.query else "")
        if wants_json(request):
            body = {
                "error": "not_found",
                "message": exc.detail,
                "last_page": exc.last_page,
                "last_page_url": last_url,
            }
            return JSONResponse(body, status_code=404)
        message = Markup('{} <a href="{}">Go to page {}</a>.').format(
            exc.detail, last_url, exc.last_page
        )
        return render(request, "error.html", {"status": 404, "message": message}, status=404)

    @app.exception_handler(RequestValidationError)
    async def invalid_params(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'][1:])}: {err['msg']}" for err in exc.errors()
        )
        message = f"Some parameters are not valid: {problems}"
        if wants_json(request):
            return JSONResponse({"error": "bad_request", "message": message}, status_code=400)
        return render(request, "error.html", {"status": 400, "message": message}, status=400)

    def search_request(
        q: Annotated[
            str, Query(max_length=MAX_QUERY_LENGTH, description="Query (see the syntax help)")
        ] = "",
        agency: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI copies defaults
        doc_type: Annotated[list[str], Query()] = [],  # noqa: B006
        year: Annotated[list[str], Query()] = [],  # noqa: B006
        exemption: Annotated[list[str], Query()] = [],  # noqa: B006
        contract: Annotated[list[str], Query()] = [],  # noqa: B006
        collection: Annotated[list[str], Query()] = [],  # noqa: B006
        date_from: Annotated[str | None, Query(description="ISO date, e.g. 2018-03-20")] = None,
        date_to: Annotated[str | None, Query(description="ISO date, e.g. 2018-12-31")] = None,
        sort: Literal["relevance", "date", "-date"] = "relevance",
        page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        per_page: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> SearchRequest:
        filters = {
            "agency": tuple(agency),
            "doc_type": tuple(doc_type),
            "year": tuple(year),
            "exemption": tuple(exemption),
            "contract": tuple(contract),
            "collection": tuple(collection),
        }
        first, last = _iso_date("date_from", date_from), _iso_date("date_to", date_to)
        if first and last and first > last:
            raise HTTPException(
                400,
                f"date_from {first} is after date_to {last}, so no record can match. "
                f"Swap them: date_from={last}&date_to={first}.",
            )
        return SearchRequest(
            q=q.strip(),
            filters={k: v for k, v in filters.items() if v},
            date_from=first,
            date_to=last,
            sort=sort,
            page=page,
            per_page=per_page,
        )

    Search = Annotated[SearchRequest, Depends(search_request)]

    def search_page(lib: Library, search: SearchRequest) -> dict[str, object]:
        data = views.search_data(lib, search)
        last = cast(int, data["pages"])
        if search.page > last:
            raise PastLastPage("these results", search.page, last)
        return data

    def document_id(doc_id: str) -> str:
        if not _DOC_ID.match(doc_id):
            raise HTTPException(404, f"No document {doc_id!r}: ids are 16 hexadecimal digits.")
        return doc_id

    DocId = Annotated[str, Depends(document_id)]

    # -- search -----------------------------------------------------------------------------

    @app.get("/api/search", tags=["search"], summary="Search documents, with facets and page hits")
    def api_search(lib: Lib, request: Search) -> JSONResponse:
        # The view data is plain JSON already. Returned as a dict, FastAPI would walk it again
        # with its generic encoder: 4 ms for a results page, ten times the cost of the search
        # when it comes from the cache. The same goes for documents and pages below.
        return JSONResponse(search_page(lib, request))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def html_search(request: Request, lib: Lib, search: Search) -> HTMLResponse:
        return render(request, "search.html", search_page(lib, search))

    FacetName = Annotated[
        Literal["agency", "doc_type", "year", "exemption", "contract", "collection"],
        PathParameter(description="A facet of the search"),
    ]
    Contains = Annotated[
        str, Query(max_length=200, description="Only values containing this (any case)")
    ]

    @app.get(
        "/api/search/facets/{name}",
        tags=["search"],
        summary="Every value of one facet for a search, with its count of documents",
    )
    def api_facet(lib: Lib, request: Search, name: FacetName, contains: Contains = "") -> Any:
        return facet_views.facet_data(lib, request, name, contains)

    @app.get("/search/facets/{name}", response_class=HTMLResponse, include_in_schema=False)
    def html_facet(
        request: Request, lib: Lib, search: Search, name: FacetName, contains: Contains = ""
    ) -> HTMLResponse:
        return render(request, "facet.html", facet_views.facet_data(lib, search, name, contains))

    @app.get(
        "/api/search.csv",
        tags=["search"],
        summary="Every result of a search as CSV, streamed",
        response_class=CsvResponse,
    )
    def search_csv(lib: Lib, request: Search) -> StreamingResponse:
        parse(request.q)  # a bad query answers 400 before the stream starts
        return CsvResponse(
            exports.csv_rows(lib, request, settings.base_url),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="search.csv"'},
        )

    @app.get(
        "/api/search.jsonl",
        tags=["search"],
        summary="Every result of a search as JSON Lines, streamed",
        response_class=JsonLinesResponse,
    )
    def search_jsonl(lib: Lib, request: Search) -> StreamingResponse:
        parse(request.q)
        return JsonLinesResponse(exports.jsonl(lib, request, settings.base_url))

    @app.get(
        "/search.atom",
        tags=["search"],
        summary="Newest documents matching a search, as Atom",
        response_class=AtomResponse,
    )
    def search_atom(lib: Lib, request: Search) -> Response:
        return AtomResponse(exports.atom(lib, request, settings.base_url))

    # -- documents --------------------------------------------------------------------------

    QueryText = Annotated[str, Query(max_length=MAX_QUERY_LENGTH)]

    def load_document(lib: Library, doc_id: str, q: str = "") -> dict[str, Any]:
        view = lib.document(doc_id)
        if view is None:
            raise HTTPException(404, f"No document {doc_id} in this index.")
        hits = lib.document_hits(doc_id, q) if q else []
        return views.document_data(view, q, settings.base_url, hits)

    @app.get(
        "/api/documents/{doc_id}",
        tags=["documents"],
        summary="One document with its entities, pages, citation, and the pages matching q",
    )
    def api_document(lib: Lib, doc_id: DocId, q: QueryText = "") -> JSONResponse:
        return JSONResponse(load_document(lib, doc_id, q))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def html_document(request: Request, lib: Lib, doc_id: DocId, q: QueryText = "") -> HTMLResponse:
        return render(request, "document.html", load_document(lib, doc_id, q))

    def cited(lib: Library, doc_id: str) -> citation.Cited:
        view = lib.document(doc_id)
        if view is None:
            raise HTTPException(404, f"No document {doc_id} in this index.")
        return views.document_citation(view, settings.base_url)

    @app.get(
        "/documents/{doc_id}/cite.ris",
        tags=["citations"],
        summary="The document as RIS",
        response_class=RisResponse,
    )
    def cite_ris(lib: Lib, doc_id: DocId) -> Response:
        return RisResponse(
            citation.ris(cited(lib, doc_id)),
            headers={"Content-Disposition": f'attachment; filename="{doc_id}.ris"'},
        )

    @app.get(
        "/documents/{doc_id}/cite.bib",
        tags=["citations"],
        summary="The document as BibTeX",
        response_class=BibTeXResponse,
    )
    def cite_bib(lib: Lib, doc_id: DocId) -> Response:
        return BibTeXResponse(
            citation.bibtex(cited(lib, doc_id)),
            headers={"Content-Disposition": f'attachment; filename="{doc_id}.bib"'},
        )

    @app.get(
        "/documents/{doc_id}/cite.json",
        tags=["citations"],
        summary="The document as CSL-JSON",
        response_class=CslJsonResponse,
        responses={
            200: {
                "content": {
                    CslJsonResponse.media_type: {
                        "schema": {"type": "array", "items": {"type": "object"}}
                    }
                }
            }
        },
    )
    def cite_json(lib: Lib, doc_id: DocId) -> Response:
        return CslJsonResponse(citation.csl_json(cited(lib, doc_id)))

    @app.get(
        "/documents/{doc_id}/pdf",
        tags=["documents"],
        summary="The original file",
        response_class=FileResponse,
    )
    def document_pdf(lib: Lib, doc_id: DocId) -> FileResponse:
        path = lib.file_path(doc_id)
        if path is None:
            raise HTTPException(404, f"The file of document {doc_id} is not available.")
        return FileResponse(
            path,
            media_type="application/pdf",
            filename=path.name,
            content_disposition_type="inline",
        )

    @app.get(
        "/documents/{doc_id}/pages/{number}.png",
        tags=["documents"],
        summary="A page as an image",
        response_class=FileResponse,
        responses={
            200: {"content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}}
        },
    )
    async def page_image(
        lib: Lib,
        doc_id: DocId,
        number: int,
        size: Literal["thumb", "page", "large"] = "page",
    ) -> FileResponse:
        # the library's lookups wait on its lock and on SQLite: not on the event loop
        path = await run_in_threadpool(page_source, lib, doc_id, number)
        png = await app.state.images.png(doc_id, path, number, images.WIDTHS[size])
        return FileResponse(
            png, media_type="image/png", headers={"Cache-Control": "public, max-age=86400"}
        )

    def page_source(lib: Library, doc_id: str, number: int) -> Path:
        path = lib.file_path(doc_id)
        view = lib.document(doc_id)
        if path is None or view is None or not 1 <= number <= view.record.page_count:
            raise HTTPException(404, f"No page {number} in document {doc_id}.")
        return path

    def load_page(lib: Library, doc_id: str, number: int, q: str) -> dict[str, Any]:
        view = lib.page(doc_id, number, q)
        if view is None:
            raise HTTPException(404, f"No page {number} in document {doc_id}.")
        return views.page_data(view, q, settings.base_url)

    @app.get(
        "/api/documents/{doc_id}/pages/{number}",
        tags=["documents"],
        summary="One page: text, Bates number, citation",
    )
    def api_page(
        lib: Lib,
        doc_id: DocId,
        number: int,
        q: QueryText = "",
    ) -> JSONResponse:
        return JSONResponse(load_page(lib, doc_id, number, q))

    @app.get(
        "/documents/{doc_id}/pages/{number}", response_class=HTMLResponse, include_in_schema=False
    )
    def html_page(
        request: Request,
        lib: Lib,
        doc_id: DocId,
        number: int,
        q: QueryText = "",
    ) -> HTMLResponse:
        return render(request, "page.html", load_page(lib, doc_id, number, q))

    # -- status and health ------------------------------------------------------------------

    @app.get("/api/status", tags=["status"], summary="What the index holds, and files that failed")
    def api_status(lib: Lib) -> dict[str, Any]:
        return lib.status()

    @app.get("/status", response_class=HTMLResponse, include_in_schema=False)
    def html_status(request: Request, lib: Lib) -> HTMLResponse:
        return render(request, "status.html", lib.status())

    @app.get("/healthz", tags=["status"], summary="200 when the index is readable")
    def healthz(lib: Lib) -> dict[str, Any]:
        return {"status": "ok", "documents": lib.document_count()}

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return render(request, "docs.html", {})

    add_agency_routes(app, library, render)
    return app


def app_from_environment() -> FastAPI:
    """The app for ``readingroom serve``, configured by READINGROOM_INDEX and
    READINGROOM_BASE_URL, so that each of several server processes can build its own."""
    index = Path(os.environ.get("READINGROOM_INDEX", "index"))
    base_url = os.environ.get("READINGROOM_BASE_URL", "http://127.0.0.1:8000")
    return create_app(Settings(index_dir=index, base_url=base_url))


def _iso_date(name: str, value: str | None) -> str | None:
    """A date parameter as ISO YYYY-MM-DD; anything else is a 400 that says so."""
    if not value:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(
            400, f"{name} must be a date written as YYYY-MM-DD, like 2018-03-20; not {value!r}."
        ) from None


def _error_name(status: int) -> str:
    return {
        400: "bad_request",
        404: "not_found",
        405: "method_not_allowed",
        503: "unavailable",
    }.get(status, "error")
