"""The agencies of one index generation, with their documents: built from the catalog once
per generation, they answer the list, the tree and one agency's page."""

from __future__ import annotations

import re
import threading
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._records import (
    AgencyDetail,
    AgencyDocument,
    AgencyNode,
    AgencySummary,
    ContractTally,
    CoOccurring,
    ExemptionTally,
    Key,
    matches,
    order,
)
from ._slugs import agency_slug, placed_state
from ._tree import Hierarchy

if TYPE_CHECKING:
    from ..catalog import DocumentRecord
    from ..search import Library

_MONTH = re.compile(r"^(\d{4}-\d{2})")
_FISCAL_YEAR = re.compile(r"^FY\s?(\d{4})$", re.IGNORECASE)


@dataclass
class _Agency:
    key: Key
    attrs: Counter[tuple[tuple[str, Any], ...]]
    docs: dict[str, set[int]]  # doc id -> pages naming it
    doc_forms: dict[str, set[str]]  # doc id -> forms it is written in there
    slug: str = ""

    def forms(self) -> tuple[str, ...]:
        """As written, in the most documents first."""
        counts: Counter[str] = Counter()
        for forms in self.doc_forms.values():
            counts.update(forms)
        return tuple(f for f, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

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

    def __init__(
        self,
        documents: Iterable[DocumentRecord],
        entities: Iterable[tuple[str, str, str, tuple[int, ...], tuple[str, ...], dict[str, Any]]],
    ) -> None:
        """``documents``: the documents that count; ``entities``: (doc id, kind, value, pages,
        forms, attrs) of their agency, contract and exemption entities."""
        self.documents: dict[str, DocumentRecord] = {doc.id: doc for doc in documents}
        mentions: list[tuple[str, str, tuple[int, ...], tuple[str, ...], dict[str, Any]]] = []
        self._contracts: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
        self._exemptions: dict[str, Counter[str]] = defaultdict(Counter)
        for doc_id, kind, value, pages, forms, attrs in entities:
            if doc_id not in self.documents:
                continue
            if kind == "agency":
                mentions.append((doc_id, value, pages, forms, attrs))
            elif kind == "contract":
                self._contracts[doc_id].setdefault(value, []).append(attrs)
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
                agency = self._agencies[key] = _Agency(key, Counter(), {}, {})
            agency.attrs[tuple(sorted(attrs.items(), key=lambda kv: kv[0]))] += 1
            agency.docs.setdefault(doc_id, set()).update(pages)
            agency.doc_forms.setdefault(doc_id, set()).update(forms)
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

    def tree(self, text: str = "") -> list[tuple[str, list[AgencyNode]]]:
        """The agencies grouped by level, each nested under its parents (see ``Hierarchy``)."""
        return self._hierarchy.tree(text)

    def detail(self, slug: str) -> AgencyDetail | None:
        key = self._by_slug.get(slug)
        if key is None:
            return None
        agency = self._agencies[key]
        summary = self._summaries[key]
        docs = [self.documents[doc_id] for doc_id in agency.docs]
        dated = sorted((d for d in docs if d.date), key=lambda d: d.title)
        dated.sort(key=lambda d: _sortable_date(d.date), reverse=True)
        undated_docs = sorted((d for d in docs if not d.date), key=lambda d: d.title)
        months: Counter[str] = Counter()
        for doc in docs:
            month = _MONTH.match(doc.date or "")
            if month:
                months[month.group(1)] += 1
        shared: Counter[Key] = Counter()
        contracts: dict[str, list[dict[str, Any]]] = defaultdict(list)
        contract_docs: Counter[str] = Counter()
        exemption_docs: Counter[str] = Counter()
        redactions: Counter[str] = Counter()
        for doc_id in agency.docs:
            shared.update(self._by_doc[doc_id] - {key})
            for value, attrs in self._contracts.get(doc_id, {}).items():
                contract_docs[value] += 1
                contracts[value].extend(attrs)
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
            documents=tuple(
                AgencyDocument(
                    id=d.id,
                    title=d.title,
                    date=d.date,
                    doc_type=d.doc_type,
                    collection=d.collection,
                    page_count=d.page_count,
                    pages=tuple(sorted(agency.docs[d.id])),
                )
                for d in dated + undated_docs
            ),
            timeline=tuple(sorted(months.items())),
            undated=len(docs) - sum(months.values()),
            co_occurring=tuple(
                CoOccurring(self._summaries[k], n)
                for k, n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
            contracts=tuple(
                ContractTally(
                    value, n, _most_common(contracts[value], "vendor"), _amount(contracts[value])
                )
                for value, n in sorted(contract_docs.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
            exemptions=tuple(
                ExemptionTally(value, n, redactions[value])
                for value, n in sorted(exemption_docs.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
        )


def _sortable_date(date: str | None) -> str:
    if not date:
        return ""
    fiscal = _FISCAL_YEAR.match(date.strip())
    return fiscal.group(1) if fiscal else date


def _most_common(attrs: list[dict[str, Any]], name: str) -> str | None:
    values = Counter(str(a[name]) for a in attrs if a.get(name))
    if not values:
        return None
    return sorted(values.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def _amount(attrs: list[dict[str, Any]]) -> float | None:
    values = Counter(float(a["amount"]) for a in attrs if isinstance(a.get("amount"), int | float))
    if not values:
        return None
    return sorted(values.items(), key=lambda kv: (-kv[1], -kv[0]))[0][0]


# -- one index per generation ---------------------------------------------------------------

_CACHE: weakref.WeakKeyDictionary[Library, tuple[weakref.ref[object], AgencyIndex]] = (
    weakref.WeakKeyDictionary()
)
_CACHE_LOCK = threading.Lock()


def agency_index(library: Library) -> AgencyIndex:
    """The library's agencies, built again when the text index has changed (the moment the
    search's facet table is built again), so that counts equal the agency facet's."""
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
        for e in catalog.entities(doc.id, ("agency", "contract", "exemption"))
    ]
    index = AgencyIndex(documents, entities)
    with _CACHE_LOCK:
        _CACHE[library] = (weakref.ref(generation), index)
    return index
