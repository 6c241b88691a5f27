"""Browsing by agency: every agency the collection names, its documents, and what goes with it.

An ``AgencyIndex`` is built from the catalog once per index generation (like the search's
facet table) and answers the list, the tree of parents and children, and one agency's page.
It counts what the agency facet of ``Library.search`` counts: documents whose status is
``ok`` and that the text index holds, one count per document however often it names the
agency.

Who is one agency. The catalog stores each document's agency entities with their canonical
name and attributes (abbreviation, parent, level, ori, state). Agencies with the same name
are told apart by their state ("Aurora Police Department" in Colorado and in Illinois are
two agencies). A mention whose state the document did not decide (stored without a state)
belongs to the agency of that name when the collection holds exactly one with a state, and
otherwise stays an agency of its own, without a state.

Slugs depend only on the agency itself (and the reference lists shipped in
``indexer/data``), never on what else the collection holds, so they are stable across
re-indexing and across collections:

1. an agency whose abbreviation no other agency in the reference lists shares is known by
   it, lower-cased: ``ice``, ``hsi``, ``dhs``, ``ncric``, ``sd-lecc``;
2. otherwise by its canonical name, lower-cased, accents dropped, apostrophes removed, "&"
   written "and" and every other run of non-alphanumerics one hyphen, followed by its state
   when it has one: ``long-beach-police-department-ca``, ``california-highway-patrol-ca``;
3. should two agencies of one collection still meet on a slug (names that differ only in
   punctuation), the one later in (name, state) order gets ``-2``, the next ``-3``.

Parents. An agency's ``parent`` is the canonical name of another agency. A parent the
collection does not name (say, a department none of its documents mentions) still groups
its children: it appears in the tree as a node without a slug and with ``count`` None, and
its own parent is looked up in the reference lists, so chains nest to any depth.
"""

from __future__ import annotations

import csv
import re
import threading
import unicodedata
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .entities.agencies import STATES

if TYPE_CHECKING:
    from .catalog import DocumentRecord
    from .library import Library

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
    "slugify",
]

DATA = Path(__file__).resolve().parent / "data"
LEVELS = ("federal", "state", "local")  # in this order; any other level comes after
_MONTH = re.compile(r"^(\d{4}-\d{2})")
_FISCAL_YEAR = re.compile(r"^FY\s?(\d{4})$", re.IGNORECASE)

Key = tuple[str, str]  # (canonical name, state or "")


# -- slugs ----------------------------------------------------------------------------------


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Sheriff's Office & Jail" →
    "sheriffs-office-and-jail"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"['’`]", "", text.replace("&", " and ")).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@lru_cache(maxsize=1)
def _reference() -> tuple[dict[str, dict[str, str]], Counter[str]]:
    """Federal agencies and fusion centres of the reference lists: canonical name → attributes
    (abbreviation, parent, level), and how many agencies use each abbreviation (upper case)."""
    by_name: dict[str, dict[str, str]] = {}
    abbreviations: Counter[str] = Counter()
    with open(DATA / "agencies_federal.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            name, parent = row["name"], row["parent"]
            # a generic component ("Office of Inspector General") is named with its parent
            value = f"{name}, {parent}" if row["generic"] == "1" and parent else name
            by_name.setdefault(
                value,
                {"abbreviation": row["abbreviation"], "parent": parent, "level": "federal"},
            )
            if row["abbreviation"]:
                abbreviations[row["abbreviation"].upper()] += 1
    with open(DATA / "fusion_centers.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            by_name.setdefault(
                row["name"], {"abbreviation": row["abbreviation"], "parent": "", "level": "state"}
            )
            if row["abbreviation"]:
                abbreviations[row["abbreviation"].upper()] += 1
    return by_name, abbreviations


def agency_slug(name: str, abbreviation: str = "", state: str = "") -> str:
    """The slug of one agency by rules 1 and 2 of the module's docstring (rule 3, for
    collisions within a collection, is ``AgencyIndex``'s)."""
    _, abbreviations = _reference()
    if abbreviation and abbreviations[abbreviation.upper()] == 1 and slugify(abbreviation):
        return slugify(abbreviation)
    base = slugify(name) or "agency"
    return f"{base}-{slugify(state)}" if state else base


# -- the data handed out --------------------------------------------------------------------


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
class AgencyDocument:
    id: str
    title: str
    date: str | None
    doc_type: str
    collection: str
    page_count: int
    pages: tuple[int, ...]  # the pages that name the agency


@dataclass(frozen=True)
class CoOccurring:
    agency: AgencySummary
    count: int  # documents naming both


@dataclass(frozen=True)
class ContractTally:
    value: str
    count: int  # documents of the agency naming the contract
    vendor: str | None
    amount: float | None


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
    documents: tuple[AgencyDocument, ...]  # newest first, undated last
    timeline: tuple[tuple[str, int], ...]  # (YYYY-MM, documents), oldest first
    undated: int  # documents whose date has no month
    co_occurring: tuple[CoOccurring, ...]  # most shared documents first
    contracts: tuple[ContractTally, ...]
    exemptions: tuple[ExemptionTally, ...]


# -- building -------------------------------------------------------------------------------


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


def _sortable_date(date: str | None) -> str:
    if not date:
        return ""
    fiscal = _FISCAL_YEAR.match(date.strip())
    return fiscal.group(1) if fiscal else date


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
            state = str(attrs.get("state") or "")
            if not state and len(states[value]) == 1:
                state = next(iter(states[value]))
            key = (value, state)
            agency = self._agencies.get(key)
            if agency is None:
                agency = self._agencies[key] = _Agency(key, Counter(), {}, {})
            agency.attrs[tuple(sorted(attrs.items(), key=lambda kv: kv[0]))] += 1
            agency.docs.setdefault(doc_id, set()).update(pages)
            agency.doc_forms.setdefault(doc_id, set()).update(forms)
            self._by_doc[doc_id].add(key)
        self._assign_slugs()
        self._summaries = {key: self._summary(agency) for key, agency in self._agencies.items()}
        self._by_name: dict[str, list[Key]] = defaultdict(list)
        for key in sorted(self._agencies):
            self._by_name[key[0]].append(key)

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

    # -- the list ---------------------------------------------------------------------------

    def agencies(self, text: str = "") -> list[AgencySummary]:
        """Every agency the collection names, by level then name; with ``text``, those whose
        name, abbreviation or state contains it (any case)."""
        wanted = text.strip().lower()
        found = (s for s in self._summaries.values() if not wanted or _matches(s, wanted))
        return sorted(found, key=_order)

    def summary(self, slug: str) -> AgencySummary | None:
        key = self._by_slug.get(slug)
        return self._summaries[key] if key else None

    def documents_of(self, slug: str) -> set[str]:
        key = self._by_slug.get(slug)
        return set(self._agencies[key].docs) if key else set()

    def _parent_key(self, name: str) -> Key | None:
        """The agency of the collection a ``parent`` name points at: one without a state (federal
        parents have none), else the only one of that name."""
        keys = self._by_name.get(name, [])
        if (name, "") in keys:
            return (name, "")
        return keys[0] if len(keys) == 1 else None

    def _chain(self, summary: AgencySummary) -> list[tuple[str, Key | None]]:
        """The agency's ancestors, the nearest first: (name, key in the collection or None)."""
        chain: list[tuple[str, Key | None]] = []
        seen = {summary.name}
        parent = summary.parent
        reference, _ = _reference()
        while parent and parent not in seen:
            seen.add(parent)
            key = self._parent_key(parent)
            chain.append((parent, key))
            if key is not None:
                parent = self._summaries[key].parent
            else:
                parent = reference.get(parent, {}).get("parent", "")
        return chain

    def tree(self, text: str = "") -> list[tuple[str, list[AgencyNode]]]:
        """The agencies grouped by level, each nested under its parents, to any depth. With
        ``text``, only the agencies whose name, abbreviation or state contains it (any case),
        with their parents for context."""
        reference, _ = _reference()
        children: dict[str, set[str]] = defaultdict(set)  # node id -> child node ids
        nodes: dict[str, tuple[str, Key | None]] = {}  # node id -> (name, key)
        roots: set[str] = set()
        wanted = text.strip().lower()

        def node_id(name: str, key: Key | None) -> str:
            return f"{key[0]}\0{key[1]}" if key else f"{name}\0?"

        for key, summary in self._summaries.items():
            if wanted and not _matches(summary, wanted):
                continue
            current = node_id(key[0], key)
            nodes[current] = (key[0], key)
            for name, parent_key in self._chain(summary):
                parent = node_id(name, parent_key)
                nodes[parent] = (name, parent_key)
                children[parent].add(current)
                current = parent
            roots.add(current)

        def build(nid: str, path: frozenset[str]) -> AgencyNode:
            name, key = nodes[nid]
            kids = sorted(
                (build(c, path | {nid}) for c in children.get(nid, ()) if c not in path),
                key=_order,
            )
            if key is not None:
                s = self._summaries[key]
                return AgencyNode(
                    s.name, s.slug, s.abbreviation, s.level, s.state, s.count, tuple(kids)
                )
            ref = reference.get(name, {})
            level = ref.get("level") or (kids[0].level if kids else "other")
            return AgencyNode(name, None, ref.get("abbreviation", ""), level, "", None, tuple(kids))

        by_level: dict[str, list[AgencyNode]] = defaultdict(list)
        for root in roots:
            node = build(root, frozenset())
            by_level[node.level].append(node)
        levels = sorted(by_level, key=lambda lv: (_level_rank(lv), lv))
        return [(level, sorted(by_level[level], key=_order)) for level in levels]

    # -- one agency -------------------------------------------------------------------------

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
            s for k, s in self._summaries.items() if s.parent == key[0] and self._is_child(k, key)
        ]
        return AgencyDetail(
            agency=summary,
            forms=agency.forms(),
            ancestors=tuple(
                (name, self._summaries[k].slug if k else None)
                for name, k in reversed(self._chain(summary))
            ),
            children=tuple(sorted(children, key=_order)),
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

    def _is_child(self, child: Key, parent: Key) -> bool:
        return self._parent_key(self._summaries[child].parent) == parent


def _order(item: AgencySummary | AgencyNode) -> tuple[int, str, str, str]:
    return (_level_rank(item.level), item.name.lower(), item.state, item.name)


def _level_rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def _matches(summary: AgencySummary, wanted: str) -> bool:
    state_name = STATES.get(summary.state, "")
    haystack = " ".join((summary.name, summary.abbreviation, summary.state, state_name))
    return wanted in haystack.lower()


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
