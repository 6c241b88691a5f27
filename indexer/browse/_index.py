"""The agencies of one index generation, with their documents: built from the catalog once
per generation, they answer the list, the tree and one agency's page."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._detail import Contracts, Mentions, listed, timeline
from ._records import (
    AgencyDetail,
    AgencyNode,
    AgencySummary,
    CoOccurring,
    EntityRow,
    ExemptionTally,
    Key,
    matches,
    order,
)
from ._slugs import agency_slug, placed_state
from ._tree import Hierarchy

if TYPE_CHECKING:
    from ..catalog import DocumentRecord


@dataclass(kw_only=True)
class _Agency(Mentions):
    key: Key
    attrs: Counter[tuple[tuple[str, Any], ...]] = field(default_factory=Counter)
    slug: str = ""

    def attr(self, name: str) -> str:
        """The attribute most of the agency's mentions give (ties: the first in sort order)."""
        values: Counter[str] = Counter()
        for attrs, n in self.attrs.items():
            value = dict(attrs).get(name)
            if value:
                values[str(value)] += n
        if name == "state" and self.key[1]:
            return self.key[1]
        if not values:
            return ""
        return sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


class AgencyIndex:
    """The agencies of one index generation, with their documents."""

    def __init__(self, documents: Iterable[DocumentRecord], entities: Iterable[EntityRow]) -> None:
        """``documents``: the documents that count; ``entities``: (doc id, kind, value, pages,
        forms, attrs) of their agency, contract and exemption entities (others are left out)."""
        self.documents: dict[str, DocumentRecord] = {doc.id: doc for doc in documents}
        entities = [row for row in entities if row[0] in self.documents]
        mentions: list[tuple[str, str, tuple[int, ...], tuple[str, ...], dict[str, Any]]] = []
        self._contracts = Contracts(entities)
        self._exemptions: dict[str, Counter[str]] = defaultdict(Counter)
        for doc_id, kind, value, pages, forms, attrs in entities:
            if kind == "agency":
                mentions.append((doc_id, value, pages, forms, attrs))
            elif kind == "exemption":
                per_page = attrs.get("per_page") or {}
                redactions = sum(int(n) for n in per_page.values()) if per_page else 0
                self._exemptions[doc_id][value] += redactions
        states: dict[str, set[str]] = defaultdict(set)
        for _, value, _, _, attrs in mentions:
            if attrs.get("state"):
                states[value].add(str(attrs["state"]))
        self._agencies: dict[Key, _Agency] = {}
        self._by_doc: dict[str, set[Key]] = defaultdict(set)
        for doc_id, value, pages, forms, attrs in mentions:
            key = (value, placed_state(str(attrs.get("state") or ""), states[value]))
            agency = self._agencies.get(key)
            if agency is None:
                agency = self._agencies[key] = _Agency(key=key)
            agency.attrs[tuple(sorted(attrs.items(), key=lambda kv: kv[0]))] += 1
            agency.add(doc_id, pages, forms)
            self._by_doc[doc_id].add(key)
        self._assign_slugs()
        self._summaries = {key: self._summary(agency) for key, agency in self._agencies.items()}
        self._hierarchy = Hierarchy(self._summaries)

    def _assign_slugs(self) -> None:
        taken: Counter[str] = Counter()
        for key in sorted(self._agencies):
            agency = self._agencies[key]
            slug = agency_slug(key[0], agency.attr("abbreviation"), key[1])
            taken[slug] += 1
            agency.slug = slug if taken[slug] == 1 else f"{slug}-{taken[slug]}"
        self._by_slug = {agency.slug: key for key, agency in self._agencies.items()}

    def _summary(self, agency: _Agency) -> AgencySummary:
        return AgencySummary(
            name=agency.key[0],
            slug=agency.slug,
            abbreviation=agency.attr("abbreviation"),
            level=agency.attr("level") or "other",
            parent=agency.attr("parent"),
            state=agency.attr("state"),
            ori=agency.attr("ori"),
            count=len(agency.docs),
        )

    def agencies(self, text: str = "") -> list[AgencySummary]:
        """Every agency the collection names, by level then name; with ``text``, those whose
        name, abbreviation or state contains it (any case)."""
        wanted = text.strip().lower()
        found = (s for s in self._summaries.values() if not wanted or matches(s, wanted))
        return sorted(found, key=order)

    def summary(self, slug: str) -> AgencySummary | None:
        key = self._by_slug.get(slug)
        return self._summaries[key] if key else None

    def named_in(self, doc_id: str) -> list[AgencySummary]:
        """The agencies a document names."""
        return [self._summaries[key] for key in sorted(self._by_doc.get(doc_id, ()))]

    def tree(self, text: str = "") -> list[tuple[str, list[AgencyNode]]]:
        """The agencies grouped by level, each nested under its parents (see ``Hierarchy``)."""
        return self._hierarchy.tree(text)

    def detail(self, slug: str) -> AgencyDetail | None:
        key = self._by_slug.get(slug)
        if key is None:
            return None
        agency = self._agencies[key]
        summary = self._summaries[key]
        documents = listed(self.documents, agency.docs)
        months = timeline(documents, "month")
        shared: Counter[Key] = Counter()
        exemption_docs: Counter[str] = Counter()
        redactions: Counter[str] = Counter()
        for doc_id in agency.docs:
            shared.update(self._by_doc[doc_id] - {key})
            for value, n in self._exemptions.get(doc_id, {}).items():
                exemption_docs[value] += 1
                redactions[value] += n
        children = [
            s
            for k, s in self._summaries.items()
            if s.parent == key[0] and self._hierarchy.is_child(k, key)
        ]
        return AgencyDetail(
            agency=summary,
            forms=agency.forms(),
            ancestors=tuple(
                (name, self._summaries[k].slug if k else None)
                for name, k in reversed(self._hierarchy.chain(summary))
            ),
            children=tuple(sorted(children, key=order)),
            documents=documents,
            timeline=months,
            undated=len(documents) - sum(n for _, n in months),
            co_occurring=tuple(
                CoOccurring(self._summaries[k], n)
                for k, n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
            contracts=self._contracts.tallies(agency.docs),
            exemptions=tuple(
                ExemptionTally(value, n, redactions[value])
                for value, n in sorted(exemption_docs.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
        )
