"""Browsing by agency and by vendor: every agency (vendor) the collection names, its
documents, and what goes with them.

An ``AgencyIndex`` and a ``VendorIndex`` are built from the catalog once per index generation
(like the search's facet table, see ``browse_index``). The first answers the list of
agencies, the tree of parents and children, and one agency's page; the second the list of
vendors and one vendor's page (its documents, the contracts they name, the agencies they
name, its years). Each counts what the agency (vendor) facet of ``Library.search`` counts:
documents whose status is ``ok`` and that the text index holds, one count per document
however often it names the agency (vendor).

Who is one vendor: one value of the vendor entities (the vendor facet's values). Its slug is
its name slugified (``vigilant-solutions``); two names of one collection that differ only in
punctuation or case get ``-2``, ``-3`` in name order, as rule 3 below says of agencies.

Who is one agency. The catalog stores each document's agency entities with their canonical
name and attributes (abbreviation, parent, level, ori, state). The canonical name of an
agency whose name agencies of other states bear too carries its state ("Aurora Police
Department (CO)" and "Aurora Police Department (IL)" are two agencies), so each agency is
one value of the agency facet and one page here, with the same count. A mention whose state
the document did not decide is stored under the bare name, without a state: it belongs to
the agency of that name when the collection holds exactly one with a state under that same
name, and otherwise stays an agency of its own, as it is a facet value of its own.

Slugs depend only on the agency itself (and the reference lists shipped in
``indexer/data``), never on what else the collection holds, so they are stable across
re-indexing and across collections:

1. an agency whose abbreviation no other agency in the reference lists shares is known by
   it, lower-cased: ``ice``, ``hsi``, ``dhs``, ``ncric``, ``sd-lecc``;
2. otherwise by its canonical name, lower-cased, accents dropped, apostrophes removed, "&"
   written "and" and every other run of non-alphanumerics one hyphen, followed by its state
   when it has one and its name does not end with it: ``long-beach-police-department-ca``
   (for "Long Beach Police Department (CA)"), ``california-highway-patrol-ca``;
3. should two agencies of one collection still meet on a slug (names that differ only in
   punctuation), the one later in (name, state) order gets ``-2``, the next ``-3``.

Parents. An agency's ``parent`` is the canonical name of another agency. A parent the
collection does not name (say, a department none of its documents mentions) still groups
its children: it appears in the tree as a node without a slug and with ``count`` None, and
its own parent is looked up in the reference lists, so chains nest to any depth.

Inside: ``_records`` the data handed out, ``_slugs`` slugs, ``_tree`` parents and children,
``_detail`` what an agency's and a vendor's pages share, ``_index`` the agencies and one
agency's page, ``_vendors`` the vendors and one vendor's page, ``_generation`` both, built
once per generation.
"""

from ._generation import Browse, agency_index, browse_index, vendor_index
from ._index import AgencyIndex
from ._records import (
    LEVELS,
    AgencyDetail,
    AgencyNode,
    AgencySummary,
    ContractTally,
    CoOccurring,
    ExemptionTally,
    ListedDocument,
    VendorDetail,
    VendorSummary,
)
from ._slugs import agency_slug, issuer_slug, slugify, vendor_slug
from ._vendors import VendorIndex

__all__ = [
    "LEVELS",
    "AgencyDetail",
    "AgencyIndex",
    "AgencyNode",
    "AgencySummary",
    "Browse",
    "CoOccurring",
    "ContractTally",
    "ExemptionTally",
    "ListedDocument",
    "VendorDetail",
    "VendorIndex",
    "VendorSummary",
    "agency_index",
    "agency_slug",
    "browse_index",
    "issuer_slug",
    "slugify",
    "vendor_index",
    "vendor_slug",
]
