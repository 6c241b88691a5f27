"""Page data for one facet in full: every value of a facet for a search (the results page
shows the most common fifty), optionally those containing some text, each with its count and
a link that adds it to the search or takes it away. Built like ``views``: one dict for the
HTML page and its JSON twin."""

from __future__ import annotations

from indexer.library import Library, SearchRequest

from .views import FACET_LABELS, query_string, request_params, toggled


def facet_data(
    library: Library, request: SearchRequest, name: str, contains: str = ""
) -> dict[str, object]:
    values = library.facet_values(request, name, contains)
    base = request_params(request)
    here = f"/search/facets/{name}"
    return {
        "facet": name,
        "label": FACET_LABELS[name],
        "query": request.q,
        "contains": contains,
        "count": len(values),
        "values": [
            {
                "value": v.value,
                "count": v.count,
                "selected": v.selected,
                "toggle_url": "/search?" + query_string(toggled(base, name, v.value)),
            }
            for v in values
        ],
        "params": [(key, value) for key, value in base if value],
        "links": {
            "self": here,
            "all": f"{here}?" + query_string(base),
            "results": "/search?" + query_string(base),
            "json": f"/api{here}?" + query_string([*base, ("contains", contains)]),
        },
    }
