"""The data browsing hands out, and the order agencies and vendors are listed in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..data import STATES

LEVELS = ("federal", "state", "local")  # in this order; any other level comes after

Key = tuple[str, str]  # (canonical name, state or "")
# an entity of a document as the catalog holds it: (doc id, kind, value, pages, forms, attrs)
EntityRow = tuple[str, str, str, tuple[int, ...], tuple[str, ...], dict[str, Any]]


@dataclass(frozen=True)
class AgencySummary:
    name: str
    slug: str
    abbreviation: str
    level: str
    parent: str
    state: str
    ori: str
    count: int  # documents naming the agency


@dataclass(frozen=True)
class AgencyNode:
    """One agency in the tree; ``slug`` None and ``count`` None for a parent the collection
    does not name."""

    name: str
    slug: str | None
    abbreviation: str
    level: str
    state: str
    count: int | None
    children: tuple[AgencyNode, ...]


@dataclass(frozen=True)
class ListedDocument:
    """A document on an agency's or a vendor's page."""

    id: str
    title: str
    date: str | None
    doc_type: str
    collection: str
    page_count: int
    pages: tuple[int, ...]  # the pages that name the agency or vendor


@dataclass(frozen=True)
class CoOccurring:
    agency: AgencySummary
    count: int  # documents naming both (the agency and the agency or vendor of the page)


@dataclass(frozen=True)
class ContractTally:
    value: str
    count: int  # documents of the agency (or vendor) naming the contract
    vendor: str | None  # as most of its mentions give them
    amount: float | None
    period: tuple[str, str] | None  # (start, end), ISO dates


@dataclass(frozen=True)
class ExemptionTally:
    value: str
    count: int  # documents of the agency citing the exemption
    redactions: int  # redactions labelled with it in those documents


@dataclass(frozen=True)
class AgencyDetail:
    agency: AgencySummary
    forms: tuple[str, ...]  # as written, most documents first
    ancestors: tuple[tuple[str, str | None], ...]  # (name, slug or None), the top first
    children: tuple[AgencySummary, ...]  # sub-agencies the collection names
    documents: tuple[ListedDocument, ...]  # newest first, undated last
    timeline: tuple[tuple[str, int], ...]  # (YYYY-MM, documents), oldest first
    undated: int  # documents whose date has no month
    co_occurring: tuple[CoOccurring, ...]  # most shared documents first
    contracts: tuple[ContractTally, ...]
    exemptions: tuple[ExemptionTally, ...]


@dataclass(frozen=True)
class VendorSummary:
    name: str  # the vendor entity's value, the vendor facet's value
    slug: str
    count: int  # documents naming the vendor


@dataclass(frozen=True)
class VendorDetail:
    vendor: VendorSummary
    forms: tuple[str, ...]  # as written, most documents first
    documents: tuple[ListedDocument, ...]  # newest first, undated last
    timeline: tuple[tuple[str, int], ...]  # (YYYY, documents), oldest first
    undated: int  # documents whose date has no year
    agencies: tuple[CoOccurring, ...]  # agencies its documents name, most documents first
    contracts: tuple[ContractTally, ...]  # contracts its documents name


def order(item: AgencySummary | AgencyNode) -> tuple[int, str, str, str]:
    """Where an agency is listed: by level, then name."""
    return (level_rank(item.level), item.name.lower(), item.state, item.name)


def level_rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def matches(summary: AgencySummary, wanted: str) -> bool:
    """Whether the agency's name, abbreviation or state contains ``wanted`` (lower case)."""
    state_name = STATES.get(summary.state, "")
    haystack = " ".join((summary.name, summary.abbreviation, summary.state, state_name))
    return wanted in haystack.lower()
