"""The web site and its JSON API, put together: the settings, the index, the middleware, the
error handlers and the routes (``app.routes``, one router per area)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import swagger_ui_bundle
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles

from indexer.errors import IndexUnavailable
from indexer.search import Library

from . import images
from .errors import HANDLERS, answers_json
from .middleware import HeadAsGet, security_headers
from .routes import ROUTERS
from .schemas import describe_responses
from .settings import Settings
from .urls import Urls

STATIC = Path(__file__).resolve().parent / "static"
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


class ReadingRoom(FastAPI):
    """The FastAPI app, whose OpenAPI document describes the errors it really answers."""

    def openapi(self) -> dict[str, Any]:
        """FastAPI's schema, saying what the app really answers: invalid parameters are a 400
        (not 422) and unknown ids a 404, both as {"error", "message"}."""
        if self.openapi_schema is None:
            schema = get_openapi(title=self.title, version=self.version, routes=self.routes)
            describe_responses(schema)
            for path, path_item in schema["paths"].items():
                for operation in path_item.values():
                    _describe_errors(path, operation.setdefault("responses", {}))
            schema.get("components", {}).get("schemas", {}).pop("HTTPValidationError", None)
            schema.get("components", {}).get("schemas", {}).pop("ValidationError", None)
            self.openapi_schema = schema
        return self.openapi_schema


def _describe_errors(path: str, responses: dict[str, Any]) -> None:
    responses.pop("422", None)
    if answers_json(path):
        error = {"application/json": {"schema": ERROR_SCHEMA}}
    else:
        error = {"text/html": {"schema": {"type": "string"}}}
    responses["400"] = {"description": "Invalid parameters or query", "content": error}
    if "{" in path:
        described = responses.get("404", {}).get("description", "No such document or page")
        responses["404"] = {"description": described, "content": error}
    if path == "/api/search":
        responses["404"] = {
            "description": "A page past the last page of results",
            "content": {"application/json": {"schema": PAST_LAST_PAGE_SCHEMA}},
        }


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Searcher and facet table are ready before the first request (seconds on a large
    # index); a server started before any index exists answers 503 until one does.
    index_dir = app.state.settings.index_dir
    with contextlib.suppress(IndexUnavailable):
        app.state.library = Library(index_dir)
        app.state.library.warm()
    app.state.images = images.PageImages(index_dir)
    yield
    app.state.images.close()
    if app.state.library is not None:
        app.state.library.close()
        app.state.library = None


def create_app(settings: Settings) -> FastAPI:
    """The site over the index in ``settings``; the index is opened when the app starts."""
    app = ReadingRoom(
        title="Reading Room",
        summary="Search released public records page by page.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        exception_handlers=HANDLERS,
    )
    app.state.settings = settings
    app.state.library = None
    # before /static, which would otherwise answer (404) for everything under it
    app.mount(
        "/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger"
    )
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.middleware("http")(security_headers)
    app.add_middleware(HeadAsGet)  # outside the one above, so HEAD gets its headers too
    for router in ROUTERS:
        # the routes themselves: FastAPI's include_router now includes a router lazily, and
        # app.routes, which the site's URLs are made from, would list the router instead
        app.router.routes.extend(router.routes)
    app.state.urls = Urls(app.routes, settings.base_url)
    return app


def app_from_environment() -> FastAPI:
    """The app for ``readingroom serve``, configured by READINGROOM_INDEX and
    READINGROOM_BASE_URL, so that each of several server processes can build its own."""
    index = Path(os.environ.get("READINGROOM_INDEX", "index"))
    base_url = os.environ.get("READINGROOM_BASE_URL", "http://127.0.0.1:8000")
    return create_app(Settings(index_dir=index, base_url=base_url))
