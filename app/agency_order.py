"""Which of a search result's agencies to name first. Long records name hundreds of agencies
and a result names a handful (``views.AGENCIES_SHOWN``): those the search asks about come
first, so that a reader sees why the document matched."""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from functools import lru_cache

from indexer import query
from indexer.entities.agencies import abbreviates, initials, normalise
from indexer.search import SearchRequest

Term = query.Word | query.Phrase | query.Prefix


class AgencyOrder:
    """Which of a result's agencies to name first: those selected in the agency facet, then
    those the query names (``agency:ICE``, or words of the name or its initials among the
    query's words), then those the document names on most pages."""

    def __init__(self, selected: frozenset[str], leaves: tuple[Term, ...]) -> None:
        self.selected = selected
        self.leaves = leaves

    @classmethod
    def of(cls, request: SearchRequest) -> AgencyOrder:
        """The order a search asks for."""
        leaves = query.positive_leaves(query.parse(request.q))
        return cls(
            selected=frozenset(request.filters.get("agency", ())),
            leaves=tuple(leaf for leaf in leaves if leaf.field in ("content", "agency")),
        )

    def first(self, agencies: Sequence[str], mentions: Mapping[str, int], count: int) -> list[str]:
        """The ``count`` agencies of ``agencies`` to name, in the order to name them;
        ``mentions`` says on how many pages the document names each."""

        selected, leaves = self.selected, self.leaves

        def key(item: tuple[int, str]) -> tuple[bool, int, int, int]:
            index, name = item
            named = sum(names(leaf, name) for leaf in leaves) if leaves else 0
            return (name not in selected, -named, -mentions.get(name, 0), index)

        return [name for _, name in heapq.nsmallest(count, enumerate(agencies), key=key)]


_FILLER = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})


@lru_cache(maxsize=1 << 16)
def names(leaf: Term, agency: str) -> bool:
    """Whether a term of the query names an agency: its words are words of the name, in
    order, or it is written in capitals (or asked of the agency field) and abbreviates it."""
    words = normalise(agency).split()
    if isinstance(leaf, query.Prefix):
        prefix = normalise(leaf.text)
        return bool(prefix) and any(word.startswith(prefix) for word in words)
    wanted = normalise(leaf.text).split()
    if not _FILLER.issuperset(wanted) and any(
        words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1)
    ):
        return True
    text = leaf.text.strip()
    if isinstance(leaf, query.Word) and (text.isupper() or leaf.field == "agency"):
        letters = text.upper()
        return len(letters) >= 2 and (letters in initials(agency) or abbreviates(letters, agency))
    return False
