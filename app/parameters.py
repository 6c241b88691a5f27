"""A search's parameters, read and checked once for the site and the command line, so that
both take the same names, refuse the same values and say so in the same words.

``SearchOptions`` holds every parameter but the facet filters, with its limits; the API
reads it from the query string, the command line from its options. The facet filters come
from ``indexer.facets.FACETS``: one repeatable parameter per facet, never refused."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, ValidationError

from indexer.errors import InvalidParameter
from indexer.facets import FACETS
from indexer.query import MAX_QUERY_LENGTH
from indexer.search import SearchRequest

# relevance; date, oldest first; date, newest first; arrival in the collection, newest first
Sort = Literal["relevance", "date", "-date", "-indexed"]
PER_PAGE = 20


class SearchOptions(BaseModel):
    q: Annotated[
        str, Field(max_length=MAX_QUERY_LENGTH, description="Query (see the syntax help)")
    ] = ""
    date_from: Annotated[str | None, Field(description="ISO date, e.g. 2018-03-20")] = None
    date_to: Annotated[str | None, Field(description="ISO date, e.g. 2018-12-31")] = None
    sort: Annotated[
        Sort,
        Field(
            description="relevance (the default), date (oldest first), -date (newest first) "
            "or -indexed (newest arrivals first)"
        ),
    ] = "relevance"
    page: Annotated[int, Field(ge=1, le=1_000_000, description="Page of results")] = 1
    per_page: Annotated[int, Field(ge=1, le=100, description="Results per page")] = PER_PAGE


def not_valid(problems: Iterable[tuple[Sequence[str | int], str]]) -> str:
    """What is said of parameters that fail validation, from each one's name (its location
    in the request, after where it came from) and pydantic's message."""
    listed = "; ".join(f"{'.'.join(str(p) for p in loc)}: {message}" for loc, message in problems)
    return f"Some parameters are not valid: {listed}"


def options(values: Mapping[str, object]) -> SearchOptions:
    """Options given as text (the command line's), checked as the API checks its own."""
    try:
        return SearchOptions.model_validate(values)
    except ValidationError as exc:
        raise InvalidParameter(not_valid((e["loc"], e["msg"]) for e in exc.errors())) from None


def search_request(given: SearchOptions, filters: Mapping[str, Sequence[str]]) -> SearchRequest:
    """The search asked for; a date that is not one, or a range that ends before it starts,
    is an ``InvalidParameter``."""
    first, last = _iso_date("date_from", given.date_from), _iso_date("date_to", given.date_to)
    if first and last and first > last:
        raise InvalidParameter(
            f"date_from {first} is after date_to {last}, so no record can match. "
            f"Swap them: date_from={last}&date_to={first}."
        )
    return SearchRequest(
        q=given.q.strip(),
        filters={f.name: tuple(filters[f.name]) for f in FACETS if filters.get(f.name)},
        date_from=first,
        date_to=last,
        sort=given.sort,
        page=given.page,
        per_page=given.per_page,
    )


def _iso_date(name: str, value: str | None) -> str | None:
    """A date parameter as ISO YYYY-MM-DD; no value is no bound."""
    if not value:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidParameter(
            f"{name} must be a date written as YYYY-MM-DD, like 2018-03-20; not {value!r}."
        ) from None
