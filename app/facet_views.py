"""Page data for one facet in full: every value of a facet for a search (the results page
shows the most common fifty), optionally those containing some text, each with its count and
a link that adds it to the search or takes it away. Built like ``views``: one dict for the
HTML page and its JSON twin."""

from __future__ import annotations

from indexer.facets import Facet
from indexer.search import Library, SearchRequest

from .urls import Urls
from .views import request_params, toggled


def facet_data(
    library: Library, request: SearchRequest, facet: Facet, urls: Urls, contains: str = ""
) -> dict[str, object]:
    values = library.facet_values(request, facet.name, contains)
    base = request_params(request)
    return {
        "facet": facet.name,
        "label": facet.label,
        "query": request.q,
        "contains": contains,
        "count": len(values),
        "values": [
            {
                "value": v.value,
                "count": v.count,
                "selected": v.selected,
                "toggle_url": urls.search("html_search", toggled(base, facet.name, v.value)),
            }
            for v in values
        ],
        "params": [(key, value) for key, value in base if value],
        "links": {
            "self": urls.path("html_facet", name=facet.name),
            "all": urls.search("html_facet", base, name=facet.name),
            "results": urls.search("html_search", base),
            "json": urls.search("api_facet", [*base, ("contains", contains)], name=facet.name),
        },
    }
