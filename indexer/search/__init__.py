"""The search layer: what the site and the command line ask of an index.

Search runs on document records: the query picks documents from a snapshot of the text
index, facets are counted over them from a table built once per index generation, and only
the documents on the page being shown get their matching pages and excerpts. This layer
sees the index only through ``indexer.index``'s snapshots, which answer in plain data; it
never imports Whoosh.

    results.py      the requests and answers (plain dataclasses)
    generations.py  one commit as searched, and refreshing it when the indexer commits
    facet_table.py  every document's facet values, and counting a search's facets
    selection.py    which documents a search finds, and their order
    documents.py    result rows, a document, its matching pages, a marked page
    excerpts.py     excerpts and marked text, from the index's analysis
    suggestions.py  spelling corrections from the records' own words
    exports.py      every result of a search, with files, entities and pages
    library.py      ``Library``: the entry points, under one lock
"""

from .library import Library
from .results import (
    DocumentView,
    ExportRow,
    FacetValue,
    Issuer,
    PageHit,
    PageView,
    ResultRow,
    SearchRequest,
    SearchResult,
)

__all__ = [
    "DocumentView",
    "ExportRow",
    "FacetValue",
    "Issuer",
    "Library",
    "PageHit",
    "PageView",
    "ResultRow",
    "SearchRequest",
    "SearchResult",
]
