"""Citations: a document as RIS, BibTeX and CSL-JSON, for citation managers."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from indexer.search import Library

from .. import citation, views
from ..urls import Urls
from .dependencies import DocId, Lib, SiteUrls

router = APIRouter(tags=["citations"])


class RisResponse(Response):
    media_type = "application/x-research-info-systems"


class BibTeXResponse(Response):
    media_type = "application/x-bibtex"


class CslJsonResponse(Response):
    media_type = "application/vnd.citationstyles.csl+json"


def cited(lib: Library, doc_id: str, urls: Urls) -> citation.Cited:
    view = lib.document(doc_id)
    if view is None:
        raise HTTPException(404, f"No document {doc_id} in this index.")
    return views.document_citation(view, urls)


def attachment(doc_id: str, extension: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{doc_id}.{extension}"'}


@router.get(
    "/documents/{doc_id}/cite.ris", summary="The document as RIS", response_class=RisResponse
)
def cite_ris(lib: Lib, urls: SiteUrls, doc_id: DocId) -> Response:
    return RisResponse(citation.ris(cited(lib, doc_id, urls)), headers=attachment(doc_id, "ris"))


@router.get(
    "/documents/{doc_id}/cite.bib", summary="The document as BibTeX", response_class=BibTeXResponse
)
def cite_bib(lib: Lib, urls: SiteUrls, doc_id: DocId) -> Response:
    return BibTeXResponse(
        citation.bibtex(cited(lib, doc_id, urls)), headers=attachment(doc_id, "bib")
    )


@router.get(
    "/documents/{doc_id}/cite.json",
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
def cite_json(lib: Lib, urls: SiteUrls, doc_id: DocId) -> Response:
    return CslJsonResponse(citation.csl_json(cited(lib, doc_id, urls)))
