"""Documents: a document and its pages (HTML and JSON), a page as an image, and the original
PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from starlette.concurrency import run_in_threadpool

from indexer.search import Library

from .. import images, vendor_views, views
from ..pages import render
from ..urls import Urls
from .dependencies import DocId, Lib, QueryText, SiteUrls

router = APIRouter(tags=["documents"])


def document(lib: Library, doc_id: str, q: str, urls: Urls) -> dict[str, Any]:
    view = lib.document(doc_id)
    if view is None:
        raise HTTPException(404, f"No document {doc_id} in this index.")
    hits = lib.document_hits(doc_id, q) if q else []
    vendors = (e.value for e in view.entities if e.kind == "vendor")
    pages = {name: url for name in vendors if (url := vendor_views.vendor_url(lib, urls, name))}
    return views.document_data(view, q, urls, hits, pages)


def page(lib: Library, doc_id: str, number: int, q: str, urls: Urls) -> dict[str, Any]:
    view = lib.page(doc_id, number, q)
    if view is None:
        raise HTTPException(404, f"No page {number} in document {doc_id}.")
    return views.page_data(view, q, urls)


def page_source(lib: Library, doc_id: str, number: int) -> Path:
    """The file a page is drawn from; a 404 for a page the document does not have."""
    path = lib.file_path(doc_id)
    view = lib.document(doc_id)
    if path is None or view is None or not 1 <= number <= view.record.page_count:
        raise HTTPException(404, f"No page {number} in document {doc_id}.")
    return path


@router.get(
    "/api/documents/{doc_id}",
    summary="One document with its entities, pages, citation, and the pages matching q",
)
def api_document(lib: Lib, urls: SiteUrls, doc_id: DocId, q: QueryText = "") -> JSONResponse:
    return JSONResponse(document(lib, doc_id, q, urls))


@router.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def html_document(
    request: Request, lib: Lib, urls: SiteUrls, doc_id: DocId, q: QueryText = ""
) -> HTMLResponse:
    return render(request, "document.html", document(lib, doc_id, q, urls))


@router.get("/documents/{doc_id}/pdf", summary="The original file", response_class=FileResponse)
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


@router.get(
    "/documents/{doc_id}/pages/{number}.png",
    summary="A page as an image",
    response_class=FileResponse,
    responses={200: {"content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}}},
)
async def page_image(
    request: Request,
    lib: Lib,
    doc_id: DocId,
    number: int,
    size: Literal["thumb", "page", "large"] = "page",
) -> FileResponse:
    # the library's lookups wait on its lock and on SQLite: not on the event loop
    path = await run_in_threadpool(page_source, lib, doc_id, number)
    pictures: images.PageImages = request.app.state.images
    png = await pictures.png(doc_id, path, number, images.WIDTHS[size])
    return FileResponse(
        png, media_type="image/png", headers={"Cache-Control": "public, max-age=86400"}
    )


@router.get(
    "/api/documents/{doc_id}/pages/{number}", summary="One page: text, Bates number, citation"
)
def api_page(
    lib: Lib, urls: SiteUrls, doc_id: DocId, number: int, q: QueryText = ""
) -> JSONResponse:
    return JSONResponse(page(lib, doc_id, number, q, urls))


@router.get(
    "/documents/{doc_id}/pages/{number}", response_class=HTMLResponse, include_in_schema=False
)
def html_page(
    request: Request, lib: Lib, urls: SiteUrls, doc_id: DocId, number: int, q: QueryText = ""
) -> HTMLResponse:
    return render(request, "page.html", page(lib, doc_id, number, q, urls))
