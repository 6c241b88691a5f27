"""Browsing by agency (indexer/browse.py, app/agency_views.py, app/agency_routes.py), through
the real app over the real index of sample_docs/, and on small hand-made catalogs."""

import random
import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from indexer.browse import AgencyIndex, agency_index, agency_slug, slugify
from indexer.catalog import DocumentRecord
from indexer.search import SearchRequest

ICE = "U.S. Immigration and Customs Enforcement"
LBPD = "Long Beach Police Department (CA)"


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


@pytest.fixture(scope="module")
def ice(client):
    return get_json(client, "/api/agencies/ice")


# -- the list ---------------------------------------------------------------------------------


def test_list_answers_in_the_spec_shape(client):
    data = get_json(client, "/api/agencies")
    assert data["agencies"], data
    for agency in data["agencies"]:
        assert {"name", "slug", "abbreviation", "level", "parent", "count"} <= set(agency)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", agency["slug"]), agency
        assert agency["count"] >= 1
    slugs = [a["slug"] for a in data["agencies"]]
    assert len(slugs) == len(set(slugs))
    ice = next(a for a in data["agencies"] if a["name"] == ICE)
    assert ice["slug"] == "ice" and ice["abbreviation"] == "ICE" and ice["level"] == "federal"


def documents_of(index: AgencyIndex, slug: str) -> set[str]:
    """The documents that name the agency ``slug``."""
    detail = index.detail(slug)
    return {document.id for document in detail.documents} if detail else set()


def test_list_counts_equal_the_agency_facet_for_an_empty_query(client, library):
    agencies = get_json(client, "/api/agencies")["agencies"]
    names = sorted({a["name"] for a in agencies})
    # selecting every agency lists each in its facet, with counts its own selection does not narrow
    result = library.search(SearchRequest(filters={"agency": tuple(names)}))
    facet = {v.value: v.count for v in result.facets["agency"]}
    assert {name for name, count in facet.items() if count} == set(names)
    plain = library.search(SearchRequest())
    assert {v.value: v.count for v in plain.facets["agency"]}.items() <= facet.items()

    index = agency_index(library)
    # one agency, one facet value: same-named agencies of different states carry their state
    assert len(names) == len(agencies)
    for agency in agencies:
        assert (
            agency["count"] == facet[agency["name"]] == len(documents_of(index, agency["slug"]))
        ), agency["name"]


def test_same_named_agencies_of_different_states_have_their_own_pages(client):
    agencies = get_json(client, "/api/agencies")["agencies"]
    aurora = sorted((a["name"], a["slug"]) for a in agencies if a["name"].startswith("Aurora P"))
    assert aurora == [
        ("Aurora Police Department (CO)", "aurora-police-department-co"),
        ("Aurora Police Department (IL)", "aurora-police-department-il"),
    ]
    lbpd = [a for a in agencies if a["name"] == LBPD]
    assert [a["slug"] for a in lbpd] == ["long-beach-police-department-ca"]


def test_list_nests_components_under_their_parents(client):
    data = get_json(client, "/api/agencies")
    federal = next(level for level in data["levels"] if level["level"] == "federal")
    roots = [node for group in federal["groups"] for node in group["agencies"]]
    dhs = next(node for node in roots if node["slug"] == "dhs")
    ice = next(node for node in dhs["children"] if node["slug"] == "ice")
    assert {"hsi", "ero"} <= {node["slug"] for node in ice["children"]}
    assert [level["level"] for level in data["levels"]] == ["federal", "state", "local"]

    depth = _link_depths(client.get("/agencies").text)
    assert depth["/agencies/ice"] == depth["/agencies/dhs"] + 1
    assert depth["/agencies/hsi"] == depth["/agencies/ero"] == depth["/agencies/ice"] + 1


class _Depths(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.links: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "ul":
            self.depth += 1
        elif tag == "a":
            self.links.setdefault(dict(attrs).get("href") or "", self.depth)

    def handle_endtag(self, tag):
        if tag == "ul":
            self.depth -= 1


def _link_depths(page: str) -> dict[str, int]:
    parser = _Depths()
    parser.feed(page)
    return parser.links


def test_filter_box_narrows_the_list_server_side(client):
    data = get_json(client, "/api/agencies?q=long%20beach")
    assert data["filter"] == "long beach"
    # the Long Beach police of documents that do not say which state's it is stand apart
    assert {a["name"] for a in data["agencies"]} == {
        LBPD,
        "Long Beach Police Department",
        "City of Long Beach (CA)",
        "Long Beach City Council (CA)",
    }
    page = client.get("/agencies", params={"q": "long beach"})
    assert 'href="/agencies/long-beach-police-department-ca"' in page.text
    assert 'href="/agencies/ice"' not in page.text
    assert 'name="q"' in page.text and 'action="/agencies"' in page.text


def test_filter_keeps_the_parents_of_what_it_finds(client):
    data = get_json(client, "/api/agencies?q=HSI")
    assert [a["slug"] for a in data["agencies"]] == ["hsi"]
    (federal,) = data["levels"]
    (dhs,) = federal["groups"][0]["agencies"]
    assert dhs["slug"] == "dhs" and dhs["children"][0]["slug"] == "ice"
    assert dhs["children"][0]["children"][0]["slug"] == "hsi"


def test_filter_text_is_escaped_when_echoed(client):
    page = client.get("/agencies", params={"q": "<script>alert(1)</script>"})
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


# -- one agency -------------------------------------------------------------------------------


def test_ice_page_has_the_spec_fields(ice):
    assert {"name", "slug", "abbreviation", "level", "parent", "count"} <= set(ice)
    assert {"forms", "documents", "timeline", "co_occurring", "contracts", "exemptions"} <= set(ice)
    assert ice["name"] == ICE and ice["parent"] == "Department of Homeland Security"
    assert {"ICE", "DHS/ICE"} <= set(ice["forms"])
    assert ice["ancestors"] == [
        {"name": "Department of Homeland Security", "slug": "dhs", "url": "/agencies/dhs"}
    ]
    assert {"hsi", "ero"} <= {child["slug"] for child in ice["children"]}


def test_ice_page_lists_its_documents_newest_first(client, ice):
    documents = ice["documents"]
    assert len(documents) == ice["count"] == ice["documents_total"] >= 20
    dates = [d["date"].removeprefix("FY") for d in documents if d["date"]]
    assert dates == sorted(dates, reverse=True)
    undated = [i for i, d in enumerate(documents) if not d["date"]]
    assert undated == list(range(len(documents) - len(undated), len(documents)))
    assert all(d["doc_type"] and d["url"] == f"/documents/{d['id']}" for d in documents)
    # exactly the documents the search finds when filtered on the agency
    found = get_json(client, f"/api/search?agency={ICE}&per_page=100")
    assert {r["id"] for r in found["results"]} == {d["id"] for d in documents}
    doc = get_json(client, documents[0]["url"].replace("/documents", "/api/documents"))
    assert ICE in {e["value"] for e in doc["entities"]["agency"]}


def test_ice_timeline_counts_its_documents_by_month(ice):
    months = Counter(
        d["date"][:7] for d in ice["documents"] if re.match(r"\d{4}-\d{2}", d["date"] or "")
    )
    assert ice["timeline"] == [{"month": m, "count": n} for m, n in sorted(months.items())]
    assert {"month": "2018-03", "count": 2} in ice["timeline"]
    assert sum(t["count"] for t in ice["timeline"]) + ice["undated"] == ice["count"]
    assert ice["undated"] >= 2  # FY2018 and FY2019 audit logs have a year but no month


def test_long_beach_police_appear_with_ice_and_the_counts_agree_both_ways(client, ice):
    lbpd = next(a for a in ice["co_occurring"] if a["name"] == LBPD)
    assert lbpd["url"] == "/agencies/long-beach-police-department-ca"
    other = get_json(client, "/api" + lbpd["url"])
    back = next(a for a in other["co_occurring"] if a["slug"] == "ice")
    shared = {d["id"] for d in ice["documents"]} & {d["id"] for d in other["documents"]}
    assert lbpd["count"] == back["count"] == len(shared) >= 1
    counts = [a["count"] for a in ice["co_occurring"]]
    assert counts == sorted(counts, reverse=True)
    assert "ice" not in {a["slug"] for a in ice["co_occurring"]}


def test_ice_page_has_its_contracts_exemptions_and_search_link(client, ice):
    contracts = {c["value"]: c for c in ice["contracts"]}
    assert "70CMSD18C00000003" in contracts
    assert contracts["70CMSD18C00000003"]["count"] >= 2
    assert {"(b)(6)", "(b)(7)(C)"} <= {e["value"] for e in ice["exemptions"]}
    assert ice["search_url"] == "/search?agency=U.S.+Immigration+and+Customs+Enforcement"
    page = client.get("/agencies/ice")
    assert f'href="{ice["search_url"]}"' in page.text
    assert get_json(client, "/api" + ice["search_url"])["total"] == ice["count"]


def test_html_pages_advertise_their_json_twins(client):
    for url in ("/agencies", "/agencies/ice", "/agencies?q=police"):
        page = client.get(url)
        assert page.status_code == 200
        json_url = page.context["data"]["links"]["json"]
        assert json_url.startswith("/api" + url.split("?")[0])
        expected = f'<link rel="alternate" type="application/json" href="{json_url}">'
        assert expected.replace("&", "&amp;") in page.text


@pytest.mark.parametrize("url", ["/agencies", "/agencies/ice", "/agencies/hsi", "/agencies?q=ca"])
def test_json_twins_are_the_data_the_html_shows(client, url):
    page = client.get(url)
    assert page.context["data"] == get_json(client, "/api" + url)


def test_html_agency_page_shows_what_its_data_holds(client, ice):
    text = client.get("/agencies/ice").text
    for doc in ice["documents"]:
        assert f'href="{doc["url"]}"' in text
    assert 'href="/agencies/long-beach-police-department-ca"' in text
    assert 'datetime="2018-03"' in text
    assert "Also written as" in text and "DHS/ICE" in text


def test_unknown_agency_is_404_with_a_link_to_the_list(client):
    body = get_json(client, "/api/agencies/no-such-agency", status=404)
    assert body["error"] == "not_found" and body["agencies_url"] == "/agencies"
    assert "no-such-agency" in body["message"]
    page = client.get("/agencies/no-such-agency")
    assert page.status_code == 404
    assert 'href="/agencies"' in page.text
    # a slug without its state suggests the agency it probably meant
    near = get_json(client, "/api/agencies/aurora-police-department", status=404)
    assert "aurora-police-department-co" in {s["slug"] for s in near["suggestions"]}


def test_agency_record_text_is_escaped(client):
    page = client.get("/agencies/%3Cscript%3E")
    assert page.status_code == 404
    assert "<script>" not in page.text


def test_a_page_of_documents_past_the_last_is_404_naming_the_last(client, ice):
    assert ice["pages"] == 1
    body = get_json(client, "/api/agencies/ice?page=2", status=404)
    assert body == {
        "error": "not_found",
        "message": f"Page 2 is past the end of the documents naming {ICE}: the last is page 1.",
        "last_page": 1,
        "last_page_url": "/api/agencies/ice",
    }
    page = client.get("/agencies/ice?page=2")
    assert page.status_code == 404
    assert "No agency" not in page.text and "the last is page 1." in page.text
    assert '<a href="/agencies/ice">Go to page 1</a>' in page.text
    assert client.get("/api/agencies/ice?page=0").status_code == 400


# -- slugs and hierarchy, on hand-made catalogs -----------------------------------------------


def test_slug_rule():
    assert agency_slug(ICE, "ICE") == "ice"
    assert agency_slug(LBPD, "", "CA") == "long-beach-police-department-ca"
    assert agency_slug("Orange County Sheriff's Office", "", "CA") == (
        "orange-county-sheriffs-office-ca"
    )
    # an abbreviation other agencies share is not a slug
    assert agency_slug("Office of Inspector General, Department of Justice", "OIG") == (
        "office-of-inspector-general-department-of-justice"
    )
    assert slugify("Immigration & Customs Enforcement") == "immigration-and-customs-enforcement"
    assert slugify("Oficina de Policía") == "oficina-de-policia"


def _doc(doc_id: str, date: str | None = None) -> DocumentRecord:
    return DocumentRecord(
        id=doc_id,
        sha256=doc_id * 4,
        title=f"Document {doc_id}",
        collection="c",
        size=1,
        page_count=1,
        date=date,
        doc_type="memo",
        status="ok",
        error=None,
        metadata={},
        extractor="test",
        indexed_at="2024-01-01T00:00:00Z",
    )


def _agency(doc_id: str, name: str, **attrs):
    return (doc_id, "agency", name, (1,), (name,), {"level": "local", **attrs})


def test_slugs_do_not_depend_on_order_or_on_the_rest_of_the_collection():
    docs = [_doc(f"{i:016x}") for i in range(4)]
    entities = [
        _agency(docs[0].id, LBPD, state="CA"),
        _agency(docs[1].id, LBPD, state="CA"),
        _agency(docs[1].id, "Aurora Police Department", state="CO"),
        (docs[2].id, "agency", ICE, (1,), ("ICE",), {"level": "federal", "abbreviation": "ICE"}),
    ]
    first = {a.name + a.state: a.slug for a in AgencyIndex(docs, entities).agencies()}
    shuffled = entities[:]
    random.Random(7).shuffle(shuffled)
    assert {a.name + a.state: a.slug for a in AgencyIndex(docs[::-1], shuffled).agencies()} == (
        first
    )
    # another Long Beach police department (New York) joins: the Californian one keeps its slug
    ny = "Long Beach Police Department (NY)"
    more = [*entities, _agency(docs[3].id, ny, state="NY")]
    again = {a.name + a.state: a.slug for a in AgencyIndex(docs, more).agencies()}
    assert again[LBPD + "CA"] == first[LBPD + "CA"] == "long-beach-police-department-ca"
    assert again[ny + "NY"] == "long-beach-police-department-ny"


def test_a_mention_without_a_state_joins_the_only_agency_of_its_name():
    docs = [_doc(f"{i:016x}") for i in range(2)]
    name = "Citrus College Department of Campus Safety"
    one_state = [_agency(docs[0].id, name, state="CA"), _agency(docs[1].id, name)]
    (campus,) = AgencyIndex(docs, one_state).agencies()
    assert (campus.slug, campus.count) == ("citrus-college-department-of-campus-safety-ca", 2)


def test_same_named_agencies_and_an_undecided_mention_are_three_agencies_as_in_the_facet():
    docs = [_doc(f"{i:016x}") for i in range(3)]
    name = "Long Beach Police Department"
    entities = [
        _agency(docs[0].id, f"{name} (CA)", state="CA"),
        _agency(docs[1].id, name),  # the document does not say which state's
        _agency(docs[2].id, f"{name} (NY)", state="NY"),
    ]
    agencies = AgencyIndex(docs, entities).agencies()
    assert {a.slug: (a.name, a.count) for a in agencies} == {
        "long-beach-police-department": (name, 1),
        "long-beach-police-department-ca": (f"{name} (CA)", 1),
        "long-beach-police-department-ny": (f"{name} (NY)", 1),
    }


def test_parents_absent_from_the_collection_group_without_a_page():
    docs = [_doc("0" * 16, "2019-05-01")]
    hsi = (
        docs[0].id,
        "agency",
        "Homeland Security Investigations",
        (1,),
        ("HSI",),
        {"level": "federal", "abbreviation": "HSI", "parent": ICE},
    )
    index = AgencyIndex(docs, [hsi])
    ((level, (dhs,)),) = index.tree()
    assert level == "federal"
    assert (dhs.name, dhs.slug, dhs.count) == ("Department of Homeland Security", None, None)
    (ice,) = dhs.children
    assert (ice.name, ice.slug, ice.count, ice.abbreviation) == (ICE, None, None, "ICE")
    assert [(c.slug, c.count) for c in ice.children] == [("hsi", 1)]
    detail = index.detail("hsi")
    assert detail is not None
    assert detail.ancestors == (("Department of Homeland Security", None), (ICE, None))
    assert detail.timeline == (("2019-05", 1),)
    assert index.detail("ice") is None
