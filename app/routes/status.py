"""The index's status (HTML and JSON), a health check, and the API's documentation."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..pages import render
from .dependencies import Lib

router = APIRouter(tags=["status"])


@router.get("/api/status", summary="What the index holds, and files that failed")
def api_status(lib: Lib) -> dict[str, Any]:
    return lib.status()


@router.get("/status", response_class=HTMLResponse, include_in_schema=False)
def html_status(request: Request, lib: Lib) -> HTMLResponse:
    return render(request, "status.html", lib.status())


@router.get("/healthz", summary="200 when the index is readable")
def healthz(lib: Lib) -> dict[str, Any]:
    return {"status": "ok", "documents": lib.document_count()}


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    return render(request, "docs.html", {})
