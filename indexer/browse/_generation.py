"""The agencies and vendors of the generation a library searches, built from the catalog once
per generation (the moment the search's facet table is built again), so that their counts
equal the agency and vendor facets'."""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._index import AgencyIndex
from ._vendors import VendorIndex

if TYPE_CHECKING:
    from ..search import Library

# the entity kinds browsing reads from the catalog
_KINDS = ("agency", "contract", "exemption", "vendor")


@dataclass(frozen=True)
class Browse:
    agencies: AgencyIndex
    vendors: VendorIndex


_CACHE: weakref.WeakKeyDictionary[Library, tuple[weakref.ref[object], Browse]] = (
    weakref.WeakKeyDictionary()
)
_CACHE_LOCK = threading.Lock()


def browse_index(library: Library) -> Browse:
    """The library's agencies and vendors, built again when the text index has changed."""
    generation, live = library.live_documents()
    with _CACHE_LOCK:
        cached = _CACHE.get(library)
        if cached is not None and cached[0]() is generation:
            return cached[1]
    catalog = library.catalog
    documents = [doc for doc in catalog.documents() if doc.id in live]
    entities = [
        (doc.id, e.kind, e.value, e.pages, e.forms, e.attrs)
        for doc in documents
        for e in catalog.entities(doc.id, _KINDS)
    ]
    agencies = AgencyIndex(documents, entities)
    browse = Browse(agencies, VendorIndex(documents, entities, agencies))
    with _CACHE_LOCK:
        _CACHE[library] = (weakref.ref(generation), browse)
    return browse


def agency_index(library: Library) -> AgencyIndex:
    """The library's agencies (see ``browse_index``)."""
    return browse_index(library).agencies


def vendor_index(library: Library) -> VendorIndex:
    """The library's vendors (see ``browse_index``)."""
    return browse_index(library).vendors
