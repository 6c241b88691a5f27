"""Reading and citing: document pages, page images, in-document hits, citations."""

import io
import json
import re
from html.parser import HTMLParser

import pytest
from PIL import Image
from pybtex.database import parse_string
from pybtex.plugin import find_plugin
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from app.citation import Cited, bibtex

# What LaTeX prints for a .bib value. pylatexenc lacks textcomp's names for braces, and reads
# \textasciicircum as a modifier letter; LaTeX prints ^ for it.
_LATEX = get_default_latex_context_db()
_LATEX.add_context_category(
    "textcomp",
    prepend=True,
    macros=[
        MacroTextSpec("textbraceleft", "{"),
        MacroTextSpec("textbraceright", "}"),
        MacroTextSpec("textasciicircum", "^"),
    ],
)


def latex_text(value: str) -> str:
    return LatexNodes2Text(latex_context=_LATEX).latex_to_text(value)


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
    assert bib.startswith(f"@misc{{readingroom_{doc_id},")
    entry = parse_string(bib, "bibtex").entries[f"readingroom_{doc_id}"]
    csl = json.loads(client.get(f"/documents/{doc_id}/cite.json").text)[0]
    assert tags["TI"] == latex_text(entry.fields["title"]) == csl["title"]
    [author] = entry.persons["author"]  # one name, in braces: a body, not a person's name
    assert tags["AU"] == latex_text(str(author)) == csl["author"][0]["literal"]
    assert tags["PY"] == entry.fields["year"] == str(csl["issued"]["date-parts"][0][0])
    assert tags["UR"] == entry.fields["url"] == csl["URL"]
    assert csl["URL"].endswith(f"/documents/{doc_id}")


def test_every_sample_document_exports_bibtex_that_parses(client):
    rows = client.get("/api/search", params={"per_page": 100}).json()["results"]
    assert len(rows) > 20
    for row in rows:
        bib = client.get(f"/documents/{row['id']}/cite.bib").text
        entry = parse_string(bib, "bibtex").entries[f"readingroom_{row['id']}"]
        csl = json.loads(client.get(f"/documents/{row['id']}/cite.json").text)[0]
        assert latex_text(entry.fields["title"]) == csl["title"], bib
        assert entry.fields["url"] == csl["URL"]


def cited_as(title: str, url: str = "https://records.example.org/documents/0123456789abcdef"):
    return Cited(
        author="U.S. Immigration and Customs Enforcement",
        title=title,
        date="2017-12-27",
        collection="ice_foia-2019",
        url=url,
        pdf_url=url + "/pdf",
        doc_id="0123456789abcdef",
        doc_type="email",
        bates_range=("ICE-2019-FOIA-000001", "ICE-2019-FOIA-000004"),
        pages=4,
    )


HOSTILE_TITLES = [
    "Draft {unfinished",
    "Reply} to the field office",
    "}{",
    "~$5,000 ^ 100% & more #1 per_diem",
    "\\input{/etc/passwd}",
    "\\",
    "% of plates read",
    "Café – naïve résumé, Øresund, 東京",
    "Ends with a backslash \\",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_bibtex_keeps_a_hostile_title_intact(title):
    bib = bibtex(cited_as(title))
    entries = parse_string(bib, "bibtex").entries
    assert list(entries) == ["readingroom_0123456789abcdef"]
    entry = entries["readingroom_0123456789abcdef"]
    assert set(entry.fields) == {"title", "year", "month", "date", "howpublished", "url", "note"}
    assert latex_text(entry.fields["title"]) == title
    # a value that starts {\ is a BibTeX "special character", whose letters styles lowercase
    assert entry.fields["title"].startswith("{") and not entry.fields["title"].startswith("{\\")
    assert latex_text(entry.fields["howpublished"]) == "ice_foia-2019"
    assert latex_text(entry.fields["note"]) == "Bates ICE-2019-FOIA-000001 – ICE-2019-FOIA-000004"
    assert [str(p) for p in entry.persons["author"]] == [
        "{U.S. Immigration and Customs Enforcement}"
    ]
    assert entry.fields["url"] == "https://records.example.org/documents/0123456789abcdef"


def test_bibtex_month_is_a_macro_that_styles_name():
    bib = bibtex(cited_as("Award"))
    assert "  month = dec,\n" in bib
    entry = parse_string(bib, "bibtex").entries["readingroom_0123456789abcdef"]
    assert entry.fields["month"] == "December"
    assert entry.fields["year"] == "2017"
    assert entry.fields["date"] == "2017-12-27"


def test_bibtex_url_is_verbatim_and_cannot_unbalance_the_entry():
    plain = "https://records.example.org/~rr/a_b%20c#top/documents/0123456789abcdef"
    entry = parse_string(bibtex(cited_as("Award", plain)), "bibtex").entries
    assert entry["readingroom_0123456789abcdef"].fields["url"] == plain
    braced = "https://records.example.org/}{x/documents/0123456789abcdef"
    entry = parse_string(bibtex(cited_as("Award", braced)), "bibtex").entries
    fields = entry["readingroom_0123456789abcdef"].fields
    assert fields["url"] == "https://records.example.org/%7D%7Bx/documents/0123456789abcdef"
    assert latex_text(fields["note"]).startswith("Bates ")


def test_bibtex_title_keeps_its_capitals_in_a_style_that_lowercases_titles():
    data = parse_string(bibtex(cited_as("ICE contract award")), "bibtex")
    style = find_plugin("pybtex.style.formatting", "unsrt")()
    text = next(iter(style.format_entries(data.entries.values()))).text.render_as("text")
    assert "ICE contract award" in text, text
    assert "December 2017" in text, text


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
