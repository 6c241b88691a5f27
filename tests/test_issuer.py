"""Who issued a record: the issuer module on its own, then a small release of generated PDFs
(an agency's email, a letter on agency letterhead to another agency, a request letter to an
agency, a court opinion, a records response citing request numbers, a vendor contract)
indexed by the real pipeline and read back through the real app and command line."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from pybtex.database import parse_string
from reportlab.pdfgen import canvas

from app.cli import main
from app.main import Settings, create_app
from indexer.entities import analyse
from indexer.models import Page
from indexer.store import SCHEMA_VERSION, Layout

from .conftest import build_index

ICE = "U.S. Immigration and Customs Enforcement"
LBPD = "Long Beach Police Department (CA)"  # other states have a Long Beach PD too
ACLU = "American Civil Liberties Union Foundation"
SDNY = "United States District Court for the Southern District of New York"


def issuer(*texts: str, author: str = "") -> str | None:
    pages = [Page(n, text) for n, text in enumerate(texts, 1)]
    return analyse(pages, {"Author": author} if author else {}).issuer


EMAIL = """From: Harwell, Desmond <dharwell.bcsc@ice.dhs.gov>
Sent: Wednesday, May 9, 2018 2:17 PM
To: Ruiz, Teresa <truiz@cityofpasadena.net>
Subject: LPR data sharing request
Teresa, the Pasadena Police Department shares its detections with the Pasadena Police
Department's partners. Please add our users as the Pasadena Police Department did last year."""

ICE_LETTER = """U.S. Department of Homeland Security
U.S. Immigration and Customs Enforcement
500 12th Street SW, Stop 5009
March 4, 2019
Chief of Police
Long Beach Police Department
400 West Broadway, Long Beach, CA 90802
Re: Data sharing with the Long Beach Police Department
Dear Chief:
The Long Beach Police Department asked about FOIA request 2019-ICFO-10471. The Long Beach
Police Department may share detections with federal users.
Sincerely,
Field Office Director"""

ACLU_LETTER = """AMERICAN CIVIL LIBERTIES UNION FOUNDATION
125 Broad Street, New York, NY 10004
October 3, 2018
FOIA Officer
U.S. Immigration and Customs Enforcement
500 12th Street SW, Washington, DC 20536
Re: Request under the Freedom of Information Act
Dear FOIA Officer:
The ACLU asks U.S. Immigration and Customs Enforcement for records of ICE's use of license
plate readers. ICE holds these records; ICE must release them. Call 212-549-2500.
Sincerely,
David Hausman"""

OPINION = """UNITED STATES DISTRICT COURT
SOUTHERN DISTRICT OF NEW YORK
AMERICAN CIVIL LIBERTIES UNION IMMIGRANTS' RIGHTS PROJECT, Plaintiff,
v.
UNITED STATES IMMIGRATION AND CUSTOMS ENFORCEMENT, Defendant.
19-cv-7058 (GBD)
MEMORANDUM DECISION AND ORDER
GEORGE B. DANIELS, United States District Judge:
Plaintiff asked ICE for records. ICE answered on March 10, 2021."""

LBPD_RESPONSE = """CITY OF LONG BEACH
LONG BEACH POLICE DEPARTMENT
400 West Broadway, Long Beach, CA 90802
June 28, 2019
RE: Public Records Act Request No. 19-0412
Dear Requester:
The Long Beach Police Department responds to your request. Records about ICE and its
FOIA request 2019-ICFO-10471 are attached.
Sincerely,
Records Division"""

CONTRACT = """AGREEMENT FOR LICENSE PLATE RECOGNITION DATA SERVICES
Issued by: Long Beach Police Department, Procurement
This Agreement is made between the City of Long Beach, California ("City") and Vigilant
Solutions, LLC,
a Delaware limited liability company.
Vendor: Vigilant Solutions, LLC
Term: July 1, 2019 through June 30, 2021."""


def test_an_email_is_issued_by_the_agency_of_its_senders_domain():
    assert issuer(EMAIL) == ICE
    assert issuer(EMAIL.replace("ice.dhs.gov", "hq.dhs.gov")) == "Department of Homeland Security"
    # a domain that is no agency's leaves the sender to what else the email says
    assert issuer(EMAIL.replace("ice.dhs.gov", "example.com")) == "Pasadena Police Department"


def test_a_letter_is_issued_by_its_letterhead_not_its_addressee():
    assert issuer(ICE_LETTER) == ICE


def test_a_request_to_an_agency_is_not_issued_by_it():
    assert issuer(ACLU_LETTER) == ACLU
    # without a letterhead or signature that names its writer, a letter has no issuer
    assert issuer(ACLU_LETTER.replace("AMERICAN CIVIL LIBERTIES UNION FOUNDATION\n", "")) is None


def test_a_court_opinion_is_issued_by_the_court_of_its_caption():
    assert issuer(OPINION) == SDNY
    second = "21-1233\nIn the\nUnited States Court of Appeals\nfor the Second Circuit\nNo. 21-1233"
    assert issuer(second) == "United States Court of Appeals for the Second Circuit"
    cook = "IN THE CIRCUIT COURT OF COOK COUNTY, ILLINOIS\nCOUNTY DEPARTMENT, CHANCERY DIVISION"
    assert issuer(cook) == "Circuit Court of Cook County, Illinois"


def test_a_form_is_issued_by_its_issued_by_block():
    assert issuer(CONTRACT) == LBPD
    form = "AWARD/CONTRACT\n9. Issued by DHS/ICE Office of Acquisition Management, Dallas TX"
    assert issuer(form) == ICE


def test_a_memo_is_issued_by_its_letterhead_not_the_office_on_its_from_line():
    memo = (
        "U.S. DEPARTMENT OF HOMELAND SECURITY\nU.S. IMMIGRATION AND CUSTOMS ENFORCEMENT\n"
        "MEMORANDUM\nFROM: Executive Associate Director, Homeland Security Investigations\n"
        "SUBJECT: Queries"
    )
    assert issuer(memo) == ICE


def test_the_pdfs_author_counts_when_the_record_itself_does_not_say():
    report = "Plate reads by camera, 2018\nCamera Reads Hits\nF01 Atlantic Ave 56,211 38"
    assert issuer(report) is None
    # a name that departments of several states bear stays without a state the record lacks
    lbpd = LBPD.removesuffix(" (CA)")
    assert issuer(report, author=lbpd) == lbpd
    assert issuer(report, author="Vigilant Solutions") == "Vigilant Solutions"
    assert issuer(report, author="PC0U208") is None
    assert issuer(EMAIL, author=lbpd) == ICE  # what the record shows comes first


def test_a_departments_letterhead_is_the_departments_not_its_citys():
    letter = (
        "CITY AND COUNTY OF SAN FRANCISCO\nPOLICE DEPARTMENT\nHEADQUARTERS\n1245 3RD Street\n"
        "San Francisco, California 94158\nNovember 5, 2019\nThe Honorable London N. Breed\n"
        "Mayor\nCity and County of San Francisco\nDear Mayor Breed:\nThe report is attached."
    )
    assert issuer(letter) == "San Francisco Police Department"


def test_an_email_is_issued_by_the_agency_that_signs_it():
    email = (
        "Eugene Police Department - Records Request EPD-2025-4510: No Responsive Information\n"
        "PR Admin (Eugene, OR)<EugeneOR@request.justfoia.com> Wed, Oct 29, 2025\n"
        "Dear Jeff Salata,\nThe City of Eugene has reviewed your request and found no records.\n"
        "Thank you,\nEugene Police Department\n300 Country Club Rd\nEugene, Oregon 97401"
    )
    assert issuer(email) == "Eugene Police Department"


def test_a_decision_is_issued_by_the_board_of_its_caption_not_a_party():
    decision = (
        "OAKLAND UNIFIED SCHOOL DISTRICT,\nCharging Party,\nv.\n"
        "OAKLAND EDUCATION ASSOCIATION,\nRespondent.\nCase No. SF-CO-864-E\n"
        "PERB Decision No. 2906\nJune 28, 2024\nSTATE OF CALIFORNIA\nDECISION OF THE\n"
        "PUBLIC EMPLOYMENT RELATIONS BOARD"
    )
    assert issuer(decision) == "California Public Employment Relations Board"


def test_a_log_is_issued_by_the_department_at_its_top():
    log = (
        "Pg. 1\n Department of Campus Safety\nDaily Crime Log\nCalendar Year 2020\n"
        "2020-001 01/05/2020 1625 hrs. Petty Theft Closed\n"
        "2020-002 01/20/2020 1150 hrs. Petty Theft Closed"
    )
    statement = "Citrus College Department of Campus Safety reserves the right to amend this log."
    assert issuer(log, statement) == "Citrus College Department of Campus Safety"


def test_the_cias_release_stamp_says_who_released_a_record():
    report = (
        "Approved for Release: 2019/07/30 C06408441\nA PROGRAM FOR PROVIDING\n"
        "HIGH-RESOLUTION OBLIQUE PHOTOGRAPHY\nOVER DENIED AREAS"
    )
    assert issuer(report) == "Central Intelligence Agency"
    assert issuer(report.replace("C06408441", "page 2")) is None


# -- real releases (../shared/real_corpus_2), their text layers as the indexer reads them -------

CORPUS_2 = Path(__file__).resolve().parent.parent.parent / "shared" / "real_corpus_2" / "pdfs"


def real(name: str) -> tuple[str | None, list[str]]:
    """The issuer and agencies of a real release, read without OCR."""
    path = CORPUS_2 / name
    if not path.is_file():
        pytest.skip(f"{path} is not beside this checkout")
    from indexer.extract import Extraction, Options, extract

    found = extract(path, options=Options(ocr="off"))
    assert isinstance(found, Extraction)
    analysis = analyse(list(found.pages), found.metadata)
    agencies = [e.value for e in analysis.entities if e.kind == "agency"]
    return analysis.issuer, agencies


@pytest.mark.parametrize(
    ("name", "issued_by", "named"),
    [
        (
            "ca-sfpd_cover-letter-admin-code-96a-q3-report_2019-11-05.pdf",
            "San Francisco Police Department",
            ["San Francisco Police Commission", "California Department of Justice"],
        ),
        (
            "ca-citrus-college_daily-crime-log_2020.pdf",
            "Citrus College Department of Campus Safety",
            ["Citrus College Department of Campus Safety"],
        ),
        (
            "us-fda-cber_review-slip-statistical-memo-eua-27034_2021-05-06.pdf",
            "Center for Biologics Evaluation and Research",
            [
                "Center for Biologics Evaluation and Research",
                "Office of Vaccines Research and Review",
            ],
        ),
        (
            "us-doj-oip_foia-log-office-of-legislative-affairs-2017_2018-02-01.pdf",
            "Office of Information Policy",
            [
                "Office of Legislative Affairs",
                "Office of Government Information Services",
            ],
        ),
    ],
)
def test_real_releases_name_their_issuer_and_components(name, issued_by, named):
    found_issuer, agencies = real(name)
    assert found_issuer == issued_by
    assert set(named) <= set(agencies), agencies


# -- the release, through the pipeline, the app and the command line --------------------------

RECORDS = {
    "email.pdf": [EMAIL],
    "ice-letter.pdf": [ICE_LETTER, "The Long Beach Police Department agreed.\nPage 2 of 2"],
    "aclu-request.pdf": [ACLU_LETTER],
    "opinion.pdf": [OPINION],
    "lbpd-response.pdf": [LBPD_RESPONSE],
    "contract.pdf": [CONTRACT],
}


def write_pdf(path: Path, pages: list[str]) -> None:
    pdf = canvas.Canvas(str(path))  # its Author is reportlab's "anonymous": no agency
    for text in pages:
        y = 740
        for line in text.split("\n"):
            pdf.drawString(60, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("issued") / "release" / "records-2019"
    folder.mkdir(parents=True)
    for name, pages in RECORDS.items():
        write_pdf(folder / name, pages)
    return folder.parent


@pytest.fixture(scope="module")
def index(release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("issued-index")
    summary = build_index([release], directory)
    assert summary["added"] == len(RECORDS) and not summary["failed"]
    return directory


@pytest.fixture(scope="module")
def site(index: Path) -> Iterator[TestClient]:
    app = create_app(Settings(index_dir=index, base_url="https://records.example.org"))
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def ids(site: TestClient) -> dict[str, str]:
    """Each file's document id, by file name."""
    rows = site.get("/api/search", params={"per_page": 100}).json()["results"]
    found = {}
    for row in rows:
        (name,) = site.get(f"/api/documents/{row['id']}").json()["file_names"]
        found[name.rsplit("/", 1)[1]] = row["id"]
    assert set(found) == set(RECORDS)
    return found


def document(site: TestClient, doc_id: str) -> dict:
    return site.get(f"/api/documents/{doc_id}").json()


def test_each_document_answers_its_issuer_with_the_slug_of_its_agency_page(site, ids):
    issuers = {name: document(site, doc_id)["issuer"] for name, doc_id in ids.items()}
    names = {name: found and found["name"] for name, found in issuers.items()}
    assert names == {
        "email.pdf": ICE,
        "ice-letter.pdf": ICE,
        "aclu-request.pdf": ACLU,
        "opinion.pdf": SDNY,
        "lbpd-response.pdf": LBPD,
        "contract.pdf": LBPD,
    }
    assert issuers["email.pdf"]["slug"] == issuers["ice-letter.pdf"]["slug"] == "ice"
    assert issuers["aclu-request.pdf"]["slug"] is None  # a requester is no agency
    # a federal court is one of the agencies its caption names, with its own page
    assert issuers["opinion.pdf"]["slug"] == (
        "united-states-district-court-for-the-southern-district-of-new-york"
    )
    # the contract names the department and its state apart, the response together: one agency
    assert issuers["contract.pdf"]["slug"] == issuers["lbpd-response.pdf"]["slug"]
    for found in (issuers["ice-letter.pdf"], issuers["contract.pdf"], issuers["opinion.pdf"]):
        agency = site.get(f"/api/agencies/{found['slug']}")
        assert agency.status_code == 200 and agency.json()["name"] == found["name"]
    # the addressee stays an agency the letter names, not its issuer
    agencies = [e["value"] for e in document(site, ids["ice-letter.pdf"])["entities"]["agency"]]
    assert LBPD in agencies


def test_search_results_answer_the_issuer_and_count_it_as_a_facet(site, ids):
    data = site.get("/api/search", params={"per_page": 100}).json()
    by_id = {row["id"]: row["issuer"] for row in data["results"]}
    assert by_id[ids["aclu-request.pdf"]] == {
        "name": ACLU,
        "slug": None,
        "search_url": "/search?issuer=American+Civil+Liberties+Union+Foundation",
    }
    assert by_id[ids["email.pdf"]]["slug"] == "ice"
    facets = {
        name: {v["value"]: v["count"] for v in data["facets"][name]} for name in data["facets"]
    }
    assert facets["issuer"] == {ICE: 2, LBPD: 2, ACLU: 1, SDNY: 1}
    assert facets["request"] == {"2019-ICFO-10471": 2, "19-0412": 1}
    assert facets["vendor"] == {"Vigilant Solutions": 1}  # named without its legal form
    assert data["facet_labels"]["issuer"] == "Issued by"
    narrowed = site.get("/api/search", params={"issuer": ICE}).json()
    assert {row["id"] for row in narrowed["results"]} == {ids["email.pdf"], ids["ice-letter.pdf"]}


@pytest.mark.parametrize(
    ("query", "files"),
    [
        ("issuer:ICE", {"email.pdf", "ice-letter.pdf"}),
        ('issuer:"Long Beach"', {"lbpd-response.pdf", "contract.pdf"}),
        ("issuer:court", {"opinion.pdf"}),
        ("agency:ICE NOT issuer:ICE", {"aclu-request.pdf", "opinion.pdf", "lbpd-response.pdf"}),
        ("request:2019-ICFO-10471", {"ice-letter.pdf", "lbpd-response.pdf"}),
        ("request:2019icfo10471", {"ice-letter.pdf", "lbpd-response.pdf"}),
        ("request:19-0412", {"lbpd-response.pdf"}),
        ("vendor:Vigilant", {"contract.pdf"}),
    ],
)
def test_issuer_request_and_vendor_are_query_fields(site, ids, query, files):
    data = site.get("/api/search", params={"q": query}).json()
    names = {name for name, doc_id in ids.items() if doc_id in {r["id"] for r in data["results"]}}
    assert names == files


def test_the_document_page_says_who_issued_it(site, ids):
    page = site.get(f"/documents/{ids['lbpd-response.pdf']}").text
    assert "<dt>Issued by</dt>" in page
    assert f'<a href="/search?{urlencode({"issuer": LBPD})}">{LBPD}</a>' in page
    results = site.get("/search", params={"q": "request:19-0412"}).text
    assert f'<span class="issuer">{LBPD}</span>' in results
    assert "<h2>Issued by</h2>" in results and "<h2>Request</h2>" in results


def test_the_request_and_vendor_entities_link_to_their_facets(site, ids):
    entities = document(site, ids["contract.pdf"])["entities"]
    assert [(e["value"], e["search_url"]) for e in entities["vendor"]] == [
        ("Vigilant Solutions", "/search?vendor=Vigilant+Solutions")
    ]
    requests = document(site, ids["lbpd-response.pdf"])["entities"]["request"]
    assert [e["value"] for e in requests] == ["19-0412", "2019-ICFO-10471"]
    opinion = document(site, ids["opinion.pdf"])["entities"]
    assert opinion["request"] == [] and opinion["vendor"] == []  # 19-cv-7058 is a case


def test_citations_name_the_issuer_as_author(site, ids):
    for name, author in (("email.pdf", ICE), ("aclu-request.pdf", ACLU), ("opinion.pdf", SDNY)):
        doc_id = ids[name]
        ris = site.get(f"/documents/{doc_id}/cite.ris").text
        assert f"AU  - {author}\r\n" in ris
        bib = parse_string(site.get(f"/documents/{doc_id}/cite.bib").text, "bibtex")
        assert [str(p) for p in bib.entries[f"readingroom_{doc_id}"].persons["author"]] == [
            "{" + author + "}"
        ]
        csl = json.loads(site.get(f"/documents/{doc_id}/cite.json").text)[0]
        assert csl["author"] == [{"literal": author}]
        assert document(site, doc_id)["citation"]["author"] == author
        page = site.get(f"/api/documents/{doc_id}/pages/1").json()
        assert page["citation"].startswith(f"{author}, ")
    assert ICE not in site.get(f"/documents/{ids['aclu-request.pdf']}/cite.ris").text


def test_the_command_line_filters_on_issuer_request_and_vendor(index, ids, capsys):
    def found(*options: str) -> set[str]:
        assert main(["search", "", "--index", str(index), "--json", *options]) == 0
        rows = json.loads(capsys.readouterr().out)["results"]
        return {name for name, doc_id in ids.items() if doc_id in {r["id"] for r in rows}}

    assert found("--issuer", ICE) == {"email.pdf", "ice-letter.pdf"}
    assert found("--issuer", ACLU, "--issuer", SDNY) == {"aclu-request.pdf", "opinion.pdf"}
    assert found("--request", "2019-ICFO-10471", "--issuer", LBPD) == {"lbpd-response.pdf"}
    assert found("--vendor", "Vigilant Solutions") == {"contract.pdf"}


def test_an_index_of_the_previous_schema_is_rebuilt_with_issuers(release, tmp_path):
    build_index([release], tmp_path)
    catalog = Layout(tmp_path).catalog
    with sqlite3.connect(catalog) as db:  # as schema 2 wrote it: no issuers
        db.execute("ALTER TABLE documents DROP COLUMN issuer")
        db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.close()
    summary = build_index([release], tmp_path)
    assert summary["added"] == len(RECORDS)
    with sqlite3.connect(catalog) as db:
        version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        issuers = {row[0] for row in db.execute("SELECT issuer FROM documents")}
    db.close()
    assert version == (SCHEMA_VERSION,)
    assert issuers == {ICE, LBPD, ACLU, SDNY}
