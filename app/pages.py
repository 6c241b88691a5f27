"""HTML pages: the templates render the dict a view built (``data``, the same dict the JSON
twin answers) and link with the site's router (``urls``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .citation import bates_text

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Jinja2Templates(directory=str(ROOT / "templates"))
TEMPLATES.env.filters["bates"] = bates_text


def render(
    request: Request, template: str, data: dict[str, Any], status: int = 200
) -> HTMLResponse:
    state = request.app.state
    context = {
        "request": request,
        "data": data,
        "site_name": state.settings.site_name,
        "urls": state.urls,
    }
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status)
