"""Which documents a search finds, and in what order: the query's matches narrowed by the
date range and the selected facet values, then sorted by relevance, date or arrival."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from .. import query as q
from ..facets import BY_NAME
from .facet_table import FacetTable
from .generations import Generation
from .results import SearchRequest


@dataclass(frozen=True)
class Selection:
    matched: set[int]  # documents matching the query and the date range
    selected: dict[str, set[int]]  # for each facet with values chosen, the documents of those
    final: set[int]  # documents matching everything: the results
    undated_excluded: int = 0  # results but for the date range, which undated ones cannot meet


def request_key(request: SearchRequest) -> Hashable:
    """The request as a key of a generation's kept answers."""
    filters = tuple(sorted((name, tuple(values)) for name, values in request.filters.items()))
    return (
        request.q,
        filters,
        request.date_from,
        request.date_to,
        request.sort,
        request.page,
        request.per_page,
    )


def select(
    generation: Generation,
    node: q.Node | None,
    request: SearchRequest,
    ranked: list[int] | None = None,
) -> Selection:
    """The documents a request selects; ``ranked`` is the query's ranking when the caller
    has it already (a relevance search: one scored pass gives both the matches and their
    order, so a phrase's positions are checked once)."""
    table = generation.table
    if node is None:
        matched = table.all
    elif ranked is not None:
        matched = set(ranked) & table.all
    else:
        matched = generation.matching(node) & table.all
    selected = {
        name: table.union(name, values)
        for name, values in request.filters.items()
        if name in BY_NAME and values
    }
    undated: set[int] = set()
    if request.date_from or request.date_to:
        undated = {d for d in matched if not table.dates.get(d)}
        matched = _in_dates(matched, table, request)
    final = set(matched)
    for docs in selected.values():
        final &= docs
        undated &= docs
    return Selection(matched, selected, final, len(undated))


def _in_dates(matched: set[int], table: FacetTable, request: SearchRequest) -> set[int]:
    """The documents dated within the range; a partial date (2020, 2020-03, FY2020) is within
    it when any of its days is."""
    low, high = request.date_from or "", request.date_to or "9999"
    found = set()
    for d in matched:
        date = table.dates.get(d)
        if date:
            first, last = date_span(date)
            if first <= high[: len(first)] and low[: len(last)] <= last:
                found.add(d)
    return found


def date_span(date: str) -> tuple[str, str]:
    """A document's date as the first and last day (or month, or year) it may be: itself for
    a calendar date, month or year. A fiscal year ("FY2019") ends in its year and starts in
    the year before, in July (most states) or October (the federal government), so it spans
    July of one year to September of the next."""
    if date.startswith("FY") and date[2:].isdigit():
        year = int(date[2:])
        return f"{year - 1}-07", f"{year}-09"
    return date, date


def _date_key(date: str) -> str:
    """Where a date sorts: a fiscal year by its last month."""
    return date_span(date)[1]


def order(
    generation: Generation,
    node: q.Node | None,
    final: set[int],
    request: SearchRequest,
    limit: int,
) -> list[int]:
    """The first ``limit`` of the results in the request's order: relevance (for a query),
    newest arrivals first (``-indexed``), or by date, newest first unless ``sort`` is
    ``date``; undated documents come last, by title."""
    table = generation.table
    if request.sort == "relevance" and node is not None:
        return [d for d in generation.ranked(node) if d in final][:limit]
    if request.sort == "-indexed":
        key = lambda d: (table.indexed[d], table.ids[d])  # noqa: E731
        return sorted(final, key=key, reverse=True)[:limit]
    dated = sorted(
        (d for d in final if table.dates.get(d)),
        key=lambda d: (_date_key(table.dates[d] or ""), table.titles[d]),
    )
    if request.sort != "date":
        dated.reverse()
    undated = sorted((d for d in final if not table.dates.get(d)), key=lambda d: table.titles[d])
    return (dated + undated)[:limit]
