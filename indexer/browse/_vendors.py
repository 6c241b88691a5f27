"""The vendors of one index generation, with their documents: the list and one vendor's page
(its documents, the contracts and the agencies those documents name, its years)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._detail import Contracts, Mentions, listed, timeline
from ._records import CoOccurring, EntityRow, VendorDetail, VendorSummary
from ._slugs import vendor_slug

if TYPE_CHECKING:
    from ..catalog import DocumentRecord
    from ._index import AgencyIndex


class VendorIndex:
    """The vendors of one index generation: one per value of the vendor facet, with its
    count."""

    def __init__(
        self,
        documents: Iterable[DocumentRecord],
        entities: Iterable[EntityRow],
        agencies: AgencyIndex,
    ) -> None:
        """``documents``: the documents that count; ``entities``: their vendor and contract
        entities (others are left out); ``agencies``: the agencies of the same documents."""
        self.documents: dict[str, DocumentRecord] = {doc.id: doc for doc in documents}
        entities = [row for row in entities if row[0] in self.documents]
        self._agencies = agencies
        self._contracts = Contracts(entities)
        self._vendors: dict[str, Mentions] = {}
        for doc_id, kind, value, pages, forms, _ in entities:
            if kind == "vendor":
                self._vendors.setdefault(value, Mentions()).add(doc_id, pages, forms)
        self._summaries: dict[str, VendorSummary] = {}  # by slug
        taken: Counter[str] = Counter()
        for name in sorted(self._vendors):
            slug = vendor_slug(name)
            taken[slug] += 1
            slug = slug if taken[slug] == 1 else f"{slug}-{taken[slug]}"
            self._summaries[slug] = VendorSummary(name, slug, len(self._vendors[name].docs))
        self._slugs = {summary.name: slug for slug, summary in self._summaries.items()}

    def vendors(self, text: str = "") -> list[VendorSummary]:
        """Every vendor the collection names, by name; with ``text``, those whose name, or a
        form it is written in, contains it (any case)."""
        wanted = text.strip().lower()
        found = [
            summary
            for summary in self._summaries.values()
            if not wanted
            or wanted in summary.name.lower()
            or any(wanted in form.lower() for form in self._vendors[summary.name].forms())
        ]
        return sorted(found, key=lambda s: (s.name.lower(), s.name))

    def slug(self, name: str) -> str | None:
        """The slug of the vendor of this name (a vendor entity's value), if the collection
        names it."""
        return self._slugs.get(name)

    def detail(self, slug: str) -> VendorDetail | None:
        summary = self._summaries.get(slug)
        if summary is None:
            return None
        vendor = self._vendors[summary.name]
        documents = listed(self.documents, vendor.docs)
        years = timeline(documents, "year")
        agencies: Counter[str] = Counter()
        by_slug = {}
        for doc_id in vendor.docs:
            for agency in self._agencies.named_in(doc_id):
                agencies[agency.slug] += 1
                by_slug[agency.slug] = agency
        return VendorDetail(
            vendor=summary,
            forms=vendor.forms(),
            documents=documents,
            timeline=years,
            undated=len(documents) - sum(n for _, n in years),
            agencies=tuple(
                CoOccurring(by_slug[s], n)
                for s, n in sorted(
                    agencies.items(), key=lambda kv: (-kv[1], by_slug[kv[0]].name.lower(), kv[0])
                )
            ),
            # those whose mentions name another vendor after those of this one or of none
            contracts=tuple(
                sorted(
                    self._contracts.tallies(vendor.docs),
                    key=lambda c: c.vendor is not None and c.vendor != summary.name,
                )
            ),
        )
