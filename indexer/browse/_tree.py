"""The tree of agencies: each nested under its parents, to any depth, through parents the
collection does not name (looked up in the reference lists)."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from .. import data
from ._records import AgencyNode, AgencySummary, Key, level_rank, matches, order


class _Listed(NamedTuple):
    """What the reference lists say of a federal agency or fusion centre."""

    abbreviation: str
    parent: str
    level: str


@lru_cache(maxsize=1)
def _listed() -> dict[str, _Listed]:
    """The federal agencies and fusion centres of the reference lists by canonical name."""
    by_name: dict[str, _Listed] = {}
    for agency in data.federal_agencies():
        by_name.setdefault(agency.value, _Listed(agency.abbreviation, agency.parent, "federal"))
    for centre in data.fusion_centers():
        by_name.setdefault(centre.name, _Listed(centre.abbreviation, "", "state"))
    return by_name


class Hierarchy:
    """Parents and children among the agencies of one collection."""

    def __init__(self, summaries: dict[Key, AgencySummary]) -> None:
        self._summaries = summaries
        self._by_name: dict[str, list[Key]] = defaultdict(list)
        for key in sorted(summaries):
            self._by_name[key[0]].append(key)

    def _parent_key(self, name: str) -> Key | None:
        """The agency of the collection a ``parent`` name points at: one without a state
        (federal parents have none), else the only one of that name."""
        keys = self._by_name.get(name, [])
        if (name, "") in keys:
            return (name, "")
        return keys[0] if len(keys) == 1 else None

    def chain(self, summary: AgencySummary) -> list[tuple[str, Key | None]]:
        """The agency's ancestors, the nearest first: (name, key in the collection or None)."""
        chain: list[tuple[str, Key | None]] = []
        seen = {summary.name}
        parent = summary.parent
        listed = _listed()
        while parent and parent not in seen:
            seen.add(parent)
            key = self._parent_key(parent)
            chain.append((parent, key))
            if key is not None:
                parent = self._summaries[key].parent
            else:
                parent = listed[parent].parent if parent in listed else ""
        return chain

    def is_child(self, child: Key, parent: Key) -> bool:
        return self._parent_key(self._summaries[child].parent) == parent

    def tree(self, text: str = "") -> list[tuple[str, list[AgencyNode]]]:
        """The agencies grouped by level, each nested under its parents, to any depth. With
        ``text``, only the agencies whose name, abbreviation or state contains it (any case),
        with their parents for context."""
        listed = _listed()
        children: dict[str, set[str]] = defaultdict(set)  # node id -> child node ids
        nodes: dict[str, tuple[str, Key | None]] = {}  # node id -> (name, key)
        roots: set[str] = set()
        wanted = text.strip().lower()

        def node_id(name: str, key: Key | None) -> str:
            return f"{key[0]}\0{key[1]}" if key else f"{name}\0?"

        for key, summary in self._summaries.items():
            if wanted and not matches(summary, wanted):
                continue
            current = node_id(key[0], key)
            nodes[current] = (key[0], key)
            for name, parent_key in self.chain(summary):
                parent = node_id(name, parent_key)
                nodes[parent] = (name, parent_key)
                children[parent].add(current)
                current = parent
            roots.add(current)

        def build(nid: str, path: frozenset[str]) -> AgencyNode:
            name, key = nodes[nid]
            kids = sorted(
                (build(c, path | {nid}) for c in children.get(nid, ()) if c not in path),
                key=order,
            )
            if key is not None:
                s = self._summaries[key]
                return AgencyNode(
                    s.name, s.slug, s.abbreviation, s.level, s.state, s.count, tuple(kids)
                )
            ref = listed.get(name)
            level = (ref.level if ref else "") or (kids[0].level if kids else "other")
            abbreviation = ref.abbreviation if ref else ""
            return AgencyNode(name, None, abbreviation, level, "", None, tuple(kids))

        by_level: dict[str, list[AgencyNode]] = defaultdict(list)
        for root in roots:
            node = build(root, frozenset())
            by_level[node.level].append(node)
        levels = sorted(by_level, key=lambda lv: (level_rank(lv), lv))
        return [(level, sorted(by_level[level], key=order)) for level in levels]
