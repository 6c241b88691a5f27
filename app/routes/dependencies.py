"""What the routes of every area depend on: the index's library, the site's URLs, and a
document id of the right shape."""

from __future__ import annotations

import re
from typing import Annotated, cast

from fastapi import Depends, HTTPException, Query, Request

from indexer.errors import IndexUnavailable
from indexer.query import MAX_QUERY_LENGTH
from indexer.search import Library

from ..urls import Urls

_DOC_ID = re.compile(r"^[0-9a-f]{16}$")


def library(request: Request) -> Library:
    """The library of the index; opened at the first request when the server started before
    the index existed, and a 503 that says how to build one until then."""
    state = request.app.state
    if state.library is None:
        try:
            state.library = Library(state.settings.index_dir)
        except IndexUnavailable as exc:
            raise HTTPException(503, str(exc)) from None
    return cast(Library, state.library)


def site_urls(request: Request) -> Urls:
    return cast(Urls, request.app.state.urls)


def document_id(doc_id: str) -> str:
    if not _DOC_ID.match(doc_id):
        raise HTTPException(404, f"No document {doc_id!r}: ids are 16 hexadecimal digits.")
    return doc_id


Lib = Annotated[Library, Depends(library)]
SiteUrls = Annotated[Urls, Depends(site_urls)]
DocId = Annotated[str, Depends(document_id)]
QueryText = Annotated[str, Query(max_length=MAX_QUERY_LENGTH)]
