"""Browsing by agency: every agency the collection names, its documents, and what goes with it.

An ``AgencyIndex`` is built from the catalog once per index generation (like the search's
facet table) and answers the list, the tree of parents and children, and one agency's page.
It counts what the agency facet of ``Library.search`` counts: documents whose status is
``ok`` and that the text index holds, one count per document however often it names the
agency.

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
``_index`` the index of one generation and one agency's page.
"""

from ._index import AgencyIndex, agency_index
from ._records import (
    LEVELS,
    AgencyDetail,
    AgencyDocument,
    AgencyNode,
    AgencySummary,
    ContractTally,
    CoOccurring,
    ExemptionTally,
)
from ._slugs import agency_slug, issuer_slug, slugify

__all__ = [
    "LEVELS",
    "AgencyDetail",
    "AgencyDocument",
    "AgencyIndex",
    "AgencyNode",
    "AgencySummary",
    "CoOccurring",
    "ContractTally",
    "ExemptionTally",
    "agency_index",
    "agency_slug",
    "issuer_slug",
    "slugify",
]
