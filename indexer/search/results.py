"""What the search layer is asked and answers: plain frozen dataclasses, for the site and the
command line to render."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..catalog import DocumentRecord
from ..models import Entity, Page


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20


@dataclass(frozen=True)
class PageHit:
    page: int
    excerpt: str  # escaped HTML with <mark> around matches
    matches: int


@dataclass(frozen=True)
class Issuer:
    """Who issued a document; ``slug`` when it is a known agency (its page, /agencies/{slug},
    is there when the collection names it)."""

    name: str
    slug: str | None


@dataclass(frozen=True)
class ResultRow:
    id: str
    title: str
    date: str | None
    doc_type: str
    collection: str
    page_count: int
    agencies: tuple[str, ...]
    agency_pages: Mapping[str, int]  # how many of its pages name each agency
    hits: tuple[PageHit, ...]
    more_hits: int  # matching pages beyond those in ``hits``
    issuer: Issuer | None = None


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    selected: bool


@dataclass(frozen=True)
class SearchResult:
    request: SearchRequest
    total: int
    rows: tuple[ResultRow, ...]
    facets: dict[str, list[FacetValue]]
    suggestion: str | None = None  # the query with misspelled words corrected
    notices: tuple[str, ...] = ()  # how the query was read, where it differs from as typed
    facet_totals: Mapping[str, int] = field(default_factory=dict)  # values of each facet in all
    undated_excluded: int = 0  # undated documents a date range left out of the results


@dataclass(frozen=True)
class ExportRow:
    document: DocumentRecord
    file_names: tuple[str, ...]
    entities: dict[str, tuple[str, ...]]
    pages: tuple[int, ...]  # pages that match the query


@dataclass(frozen=True)
class DocumentView:
    record: DocumentRecord
    file_names: tuple[str, ...]
    entities: tuple[Entity, ...]
    pages: tuple[dict[str, object], ...]  # number, image_only, ocr, bates, width, height
    issuer: Issuer | None = None


@dataclass(frozen=True)
class PageView:
    document: DocumentRecord
    page: Page
    marked_text: str  # escaped HTML with the query's words marked
    hit_pages: tuple[int, ...]  # pages of this document that match the query
