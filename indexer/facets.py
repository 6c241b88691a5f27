"""The facets search results narrow by, declared once: the library counts them, the API and
the command line take them as filters, and the pages show them, all from this list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Where a document's values of a facet come from.
Source = Literal["entity", "document", "year"]


@dataclass(frozen=True)
class Facet:
    name: str  # the URL parameter, the JSON key and the CLI option (--doc-type for doc_type)
    label: str  # as the pages show it
    source: Source  # entities of kind ``name``, a document attribute ``name``, or its date's year
    newest_first: bool = False  # values ordered by value, descending, instead of by count

    @property
    def option(self) -> str:
        """The command line's option for this filter."""
        return "--" + self.name.replace("_", "-")


FACETS: tuple[Facet, ...] = (
    Facet("agency", "Agency", "entity"),
    Facet("issuer", "Issued by", "document"),
    Facet("doc_type", "Document type", "document"),
    Facet("year", "Year", "year", newest_first=True),
    Facet("exemption", "Exemption", "entity"),
    Facet("contract", "Contract", "entity"),
    Facet("request", "Request", "entity"),
    Facet("vendor", "Vendor", "entity"),
    Facet("collection", "Collection", "document"),
)
BY_NAME = {facet.name: facet for facet in FACETS}
NAMES = tuple(BY_NAME)
