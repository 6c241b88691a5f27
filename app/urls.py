"""The site's own URLs, made by its router from route names: a view, an export or a template
names the route it links to and the router writes the path, so a route that moves takes its
links with it. Absolute URLs (for exports, feeds and citations, which leave the site) add the
site's base URL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import urlencode

from starlette.routing import BaseRoute, Mount, Route

Params = Sequence[tuple[str, str]]


def query_string(params: Params) -> str:
    """URL parameters, leaving out those without a value."""
    return urlencode([(k, v) for k, v in params if v not in ("", None)])


class Urls:
    """Paths of the routes (and mounts) given, by name; ``base_url`` makes them absolute."""

    def __init__(self, routes: Iterable[BaseRoute], base_url: str = "") -> None:
        self._routes: dict[str, Route | Mount] = {}
        for route in routes:
            if isinstance(route, Route | Mount) and route.name:
                self._routes.setdefault(route.name, route)  # the first, as the router's lookup
        # the paths of routes without parameters, asked for hundreds of times a results page
        self._fixed = {
            name: str(route.url_path_for(name))
            for name, route in self._routes.items()
            if not route.param_convertors
        }
        self.base_url = base_url.rstrip("/")

    def path(self, route: str, query: Params = (), /, **params: str | int) -> str:
        """The path of the route named ``route`` with these path parameters, then ``?`` and
        the query when it has a value."""
        path = self._path(route, params)
        text = query_string(query)
        return f"{path}?{text}" if text else path

    def search(self, route: str, query: Params, /, **params: str | int) -> str:
        """A URL of a search (its results, a facet's values, an export, the feed): the path
        and the search's parameters, after a ``?`` even when there are none (``/search?`` is
        the empty search)."""
        return f"{self._path(route, params)}?{query_string(query)}"

    def absolute(self, path: str) -> str:
        return self.base_url + path

    def _path(self, route: str, params: dict[str, str | int]) -> str:
        if not params and route in self._fixed:
            return self._fixed[route]
        return str(self._routes[route].url_path_for(route, **params))
