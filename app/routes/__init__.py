"""The site's routes, one module per area, each an ``APIRouter``: ``search`` (results, facets,
exports, the feed), ``documents`` (documents, pages, page images, the PDF), ``citations``,
``status`` (status, health, the API's documentation), ``agencies`` and ``vendors``. Routes
parse their parameters, call a view for the page's data, and render it or answer it as JSON;
the views link to routes by name (``app.urls``)."""

from fastapi import APIRouter

from . import agencies, citations, documents, search, status, vendors

ROUTERS: tuple[APIRouter, ...] = (
    search.router,
    documents.router,
    citations.router,
    status.router,
    agencies.router,
    vendors.router,
)
