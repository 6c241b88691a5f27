"""How the site answers what it cannot do: as ``{"error", "message"}`` JSON where JSON was
asked for (the API, feeds, citation files), else as an HTML page saying the same. Invalid
parameters are a 400 that names them (not FastAPI's 422); an unreadable query a 400 that
says what to change; a page past the last a 404 that links the last."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException

from indexer.errors import InvalidParameter, QuerySyntaxError

from .pages import render
from .parameters import not_valid

Handler = Callable[[Request, Any], Coroutine[Any, Any, Response]]

_ERROR_NAMES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    503: "unavailable",
}


class PastLastPage(HTTPException):
    """A page number past the last page of a listing (search results, an agency's documents):
    a 404 that names the last page. Its handler adds the link to it."""

    def __init__(self, listing: str, page: int, last_page: int) -> None:
        super().__init__(
            404, f"Page {page} is past the end of {listing}: the last is page {last_page}."
        )
        self.last_page = last_page


def answers_json(path: str) -> bool:
    """Whether errors on this path are JSON (the API, feeds, citation files) or an HTML page."""
    return (
        path.startswith("/api/")
        or path in ("/healthz", "/openapi.json", "/search.atom")
        or path.endswith((".ris", ".bib", ".json"))
    )


def error_response(request: Request, status: int, message: str) -> Response:
    if answers_json(request.url.path):
        body = {"error": _ERROR_NAMES.get(status, "error"), "message": message}
        return JSONResponse(body, status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, status)


async def bad_query(request: Request, exc: QuerySyntaxError) -> Response:
    body = {"error": "bad_query", "message": exc.message, "position": exc.position}
    if answers_json(request.url.path):
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


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    response = error_response(request, exc.status_code, exc.detail)
    response.headers.update(exc.headers or {})  # e.g. Allow on a 405
    return response


async def past_last_page(request: Request, exc: PastLastPage) -> Response:
    last = request.url.remove_query_params("page")
    if exc.last_page > 1:
        last = last.include_query_params(page=exc.last_page)
    last_url = last.path + (f"?{last.query}" if last.query else "")
    if answers_json(request.url.path):
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
    return error_response(request, 404, message)


async def invalid_params(request: Request, exc: RequestValidationError) -> Response:
    problems = ((error["loc"][1:], error["msg"]) for error in exc.errors())
    return error_response(request, 400, not_valid(problems))


async def invalid_parameter(request: Request, exc: InvalidParameter) -> Response:
    return error_response(request, 400, exc.message)


HANDLERS: dict[int | type[Exception], Handler] = {
    QuerySyntaxError: bad_query,
    StarletteHTTPException: http_error,
    PastLastPage: past_last_page,
    RequestValidationError: invalid_params,
    InvalidParameter: invalid_parameter,
}
