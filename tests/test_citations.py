"""Reading and citing: document pages, page images, in-document hits, citations."""

import io
import json
import re
from html.parser import HTMLParser

from PIL import Image


def ice_document(client, truth, name):
    doc = next(f for f in truth["files"] if f["path"].endswith(name))
    return doc, doc["sha256"][:16]


class MetaTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name", "").startswith("citation_"):
            self.tags.append((attrs["name"], attrs["content"]))


def test_page_citation_carries_the_bates_stamp_and_date(client, truth):
    doc, doc_id = ice_document(
        client, truth, "2017-12-27_Email_Award_LPR_data_service_contract.pdf"
    )
    page = client.get(f"/api/documents/{doc_id}/pages/1").json()
    assert page["bates"] == doc["pages"][0]["bates"] == "ICE-2019-FOIA-000001"
    citation = page["citation"]
    assert "ICE-2019-FOIA-000001" in citation
    assert "(Dec. 27, 2017)" in citation
    assert citation.startswith("U.S. Immigration and Customs Enforcement, Email re: ")
    assert citation.endswith(f"/documents/{doc_id}/pages/1")


def test_page_without_a_stamp_is_cited_by_page_number(client, truth):
    doc = next(
        f
        for f in truth["files"]
        if f["collection"] == "long-beach-pra-2019" and not f["bates_range"]
    )
    page = client.get(f"/api/documents/{doc['sha256'][:16]}/pages/1").json()
    assert page["bates"] is None
    assert ", p. 1, long-beach-pra-2019, " in page["citation"]


def test_citation_exports_parse_and_agree(client, truth):
    _, doc_id = ice_document(client, truth, "ICE_LPR_Contract_70CMSD18C00000003.pdf")
    ris = client.get(f"/documents/{doc_id}/cite.ris").text
    tags = dict(re.findall(r"^([A-Z][A-Z0-9])  - (.*)\r$", ris, re.M))
    assert ris.rstrip().endswith("ER  -")
    bib = client.get(f"/documents/{doc_id}/cite.bib").text
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", bib, re.M))
    assert bib.startswith(f"@misc{{readingroom_{doc_id},")
    csl = json.loads(client.get(f"/documents/{doc_id}/cite.json").text)[0]
    assert tags["TI"] == fields["title"].replace("\\", "") == csl["title"]
    assert tags["AU"] == fields["author"].strip("{}") == csl["author"][0]["literal"]
    assert tags["PY"] == fields["year"] == str(csl["issued"]["date-parts"][0][0])
    assert tags["UR"] == fields["url"] == csl["URL"]
    assert csl["URL"].endswith(f"/documents/{doc_id}")


def test_document_page_has_highwire_tags_for_zotero(client, truth):
    doc, doc_id = ice_document(client, truth, "ICE_LPR_Contract_70CMSD18C00000003.pdf")
    parser = MetaTags()
    parser.feed(client.get(f"/documents/{doc_id}").text)
    tags = dict(parser.tags)
    assert tags["citation_title"]
    assert tags["citation_pdf_url"].endswith(f"/documents/{doc_id}/pdf")
    assert tags["citation_publication_date"].startswith(doc["date"][:4])
    assert tags["citation_author"] == "U.S. Immigration and Customs Enforcement"


def test_page_image_is_a_png_with_the_page_shape(client, truth):
    _, doc_id = ice_document(client, truth, "ICE_LPR_Contract_70CMSD18C00000003.pdf")
    page = client.get(f"/api/documents/{doc_id}/pages/1").json()
    for size, width in (("thumb", 200), ("page", 900)):
        response = client.get(f"/documents/{doc_id}/pages/1.png", params={"size": size})
        assert response.status_code == 200 and response.headers["content-type"] == "image/png"
        image = Image.open(io.BytesIO(response.content))
        assert image.format == "PNG" and image.width == width
        assert abs(image.height / image.width - page["image_height"] / page["image_width"]) < 0.01


def test_arriving_from_a_search_marks_terms_and_links_the_next_hit(client):
    data = client.get("/api/search", params={"q": "LEARN", "per_page": 50}).json()
    row = next(r for r in data["results"] if r["more_hits"] > 0)
    first = row["hits"][0]
    page = client.get(first["url"])
    assert page.status_code == 200
    assert "<mark>LEARN</mark>" in page.text
    details = client.get(
        f"/api/documents/{row['id']}/pages/{first['page']}", params={"q": "LEARN"}
    ).json()
    following = [p for p in details["hit_pages"] if p > first["page"]]
    assert details["links"]["next_hit"] == f"/documents/{row['id']}/pages/{following[0]}?q=LEARN"
    assert 'data-key="j"' in page.text and details["links"]["next_hit"] in page.text


def test_search_within_a_document_lists_every_matching_page(client):
    data = client.get("/api/search", params={"q": "LEARN", "per_page": 50}).json()
    row = next(r for r in data["results"] if r["more_hits"] > 0)
    doc = client.get(f"/api/documents/{row['id']}", params={"q": "LEARN"}).json()
    assert len(doc["hits"]) == len(row["hits"]) + row["more_hits"]
    assert all("<mark>" in hit["excerpt"] for hit in doc["hits"])
    html = client.get(f"/documents/{row['id']}", params={"q": "LEARN"}).text
    assert html.count('data-hit="') == len(doc["hits"])


def test_entity_values_link_to_a_filtered_search(client, truth):
    _, doc_id = ice_document(client, truth, "ICE_LPR_Contract_70CMSD18C00000003.pdf")
    doc = client.get(f"/api/documents/{doc_id}").json()
    agency = doc["entities"]["agency"][0]
    assert agency["search_url"].startswith("/search?agency=")
    filtered = client.get(agency["search_url"].replace("/search", "/api/search")).json()
    assert doc_id in {r["id"] for r in filtered["results"]} or filtered["total"] > 20
