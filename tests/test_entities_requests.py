"""Request numbers: found where the record says what they are, and nowhere else (vendors:
tests/test_vendors.py)."""

from __future__ import annotations

import re

import pytest

from indexer.entities import analyse
from indexer.entities.requests import find_requests
from indexer.extract import Options, extract
from indexer.models import Extraction, Page

from .conftest import SHARED, requires_shared

REAL_CORPUS_2 = SHARED / "real_corpus_2" / "pdfs"


def requests(text: str) -> list[str]:
    return [found.value for found in find_requests(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Re: Freedom of Information Act Request 2019-ICFO-10471", "2019-ICFO-10471"),
        ("referred to us as 2014-OCIO-00651-F on February 24", "2014-OCIO-00651-F"),
        ("See FOIA15-3528 for the quote.", "FOIA15-3528"),
        ("In response to FOIA 14-5298, the Department", "FOIA 14-5298"),
        ("REQUEST DATE: November 18, 2016\n FOIA FILE NO.: P054496", "P054496"),
        ("your Public Records Act request R000817-011520", "R000817-011520"),
        ("Request No. 21-1234", "21-1234"),
        ("FOIA Request #2020-0001", "2020-0001"),
        ("Public Records Request 19-123 was closed", "19-123"),
        ("Your tracking number is 2020-hqfo-00123.", "2020-HQFO-00123"),
        ("California Public Records Act Request No.\n19-0231", "19-0231"),
        ("Request Number: EPD-2025-4476", "EPD-2025-4476"),
        ("FOIA Request No. 15 - 06191", "15-06191"),
        ("RE: Request NumberRequest Number: EPD-2025-4510", "EPD-2025-4510"),
        ("Police Department Records Request EPD-2025-4510: No Responsive Information",
         "EPD-2025-4510"),
        ("PRR EPD-2025-3891\nThe City has your public records request", "EPD-2025-3891"),
        ("Records Request\nInvoice #EPD-2025-4432-INV-1\nCreated: 10/07/2025", "EPD-2025-4432"),
        ("Marymount High School (CPRA R14-211)", "R14-211"),
        ("released to Human Rights Watch as part of request 15-06191.", "15-06191"),
        ("This responds to your Freedom of Information Act request. Re: DOJ-2018-001822 (OIP)",
         "DOJ-2018-001822"),
        ("FOIA Case No. 2014-0CIO—00651—F", "2014-0CIO-00651-F"),
        ("Our Ref: 2023-0412\nThis letter answers your public records request.", "2023-0412"),
        ("Freedom of Information Act request EPA-R9-2019-000123", "EPA-R9-2019-000123"),
    ],
)  # fmt: skip
def test_a_labelled_or_agency_shaped_number_is_a_request_as_written(text, expected):
    assert requests(text) == [expected]


def test_a_label_names_every_number_it_lists():
    text = (
        "Your requests were assigned tracking numbers DOJ-2018-001842 (OIP) and\n"
        "DOJ-2018-001843 (OIP). Public Records Act Request Nos. 19-0412, 19-0413 and 19-0415."
    )
    assert requests(text) == [
        "DOJ-2018-001842", "DOJ-2018-001843", "19-0412", "19-0413", "19-0415",
    ]  # fmt: skip


def test_a_logs_request_number_column_is_read_when_its_rows_share_one_shape():
    log = (
        "Request No. Received Requester Description\n"
        "23-0101 01/03/2023 J. Doe Body camera video of March 4\n"
        "23-0102 01/04/2023 A. Roe Use of force policy\n"
        "23-0107 01/09/2023 Press Herald Contracts with vendors\n"
        "Page 1 of 3\n"
    )
    assert requests(log) == ["23-0101", "23-0102", "23-0107"]
    # the column need not come first: the codes of one shape, one in each row, are read
    moved = (
        "Received Requester Request No. Status\n"
        "01/03/2023 J. Doe 23-0101 Closed\n"
        "01/04/2023 A. Roe PRR-23-0102 Open\n"
        "01/05/2023 B. Poe 23-0103 Closed\n"
        "01/09/2023 Press Herald 23-0107 Closed 555-0199\n"
    )
    assert requests(moved) == ["23-0101", "23-0103", "23-0107"]
    # two rows are no column, and a case-number column is no request column
    assert (
        requests(log.replace("23-0107 01/09/2023 Press Herald Contracts with vendors\n", "")) == []
    )
    assert requests(log.replace("Request No.", "Case No.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Your request dated 2019-03-15 was received on 03/18/2019.",
        "FOIA Request No. 2019-03-15",
        "ACLU v. ICE, Case No. 19-cv-7058 (GBD); 1:19-cv-07058",
        "FOIA Case No. 19-cv-7058",
        "Call (562) 570-7260 or 562-570-7260 about your request.",
        "ICE-2019-FOIA-000123",
        "ICE- 2019-FOIA-000024",
        "Request No. HSCEMD-18-C-00001",
        "Contract 70CMSD18C00000003, Purchase Order No. 060-12013648",
        "the FOIA 2019 annual report",
        "the Privacy Act of 1974 and FOIA, 5 U.S.C. § 552",
        "Charge Description Reference # 179703",
        "No. 21-1233, decided January 26, 2023",
        "Request No. 5",
        "PRACTICE 123",
        "REQUEST DATE: November 18, 2016",
        "Purchase Request No. 2019-0045",
        "To request copies call 1-800-555-0199 or 570-7260.",
        "Request 10-15 days before the hearing.",
        "records request covering FOIA 2019-2020",
        "Docket ID: DHS-2019-0044, a public records notice",
        "Docket No. USCIS-2019-0010 (FOIA regulations)",
        "Our Ref: 2023-0412",  # a reference counts only on a page about a records request
        "Incident Report EPD-2025-4510",  # the portal's form only where records are requested
        "Invoice #EPD-2025-4432 for your public records request",
    ],
)
def test_dates_cases_phones_stamps_and_contracts_are_not_requests(text):
    assert requests(text) == []


def test_requests_and_vendors_are_entities_of_their_pages():
    pages = [
        Page(1, "RE: Public Records Act Request No. 19-0412\nDear Requester:"),
        Page(2, "Vendor: Vigilant Solutions, LLC\nSee also FOIA request 2019-ICFO-10471."),
    ]
    found = {(e.kind, e.value): e.pages for e in analyse(pages).entities}
    assert found[("request", "19-0412")] == (1,)
    assert found[("request", "2019-ICFO-10471")] == (2,)
    assert found[("vendor", "Vigilant Solutions")] == (2,)


def real_requests(name: str) -> list[str]:
    result = extract(REAL_CORPUS_2 / name, options=Options(ocr="off"))
    assert isinstance(result, Extraction)
    return [e.value for e in result.entities if e.kind == "request"]


@requires_shared
def test_a_foia_logs_tracking_numbers_and_its_cover_letters_are_requests():
    found = real_requests("us-doj-oip_foia-log-office-of-legislative-affairs-2017_2018-02-01.pdf")
    # the letter's own request and the two closed as its duplicates, then the log's column
    assert {"DOJ-2018-001822", "DOJ-2018-001842", "DOJ-2018-001843"} <= set(found)
    assert len(found) > 200 and all(re.fullmatch(r"DOJ-20\d\d-\d{6}", v) for v in found)


@requires_shared
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("or-eugene-police_records-request-fee-invoice-epd-2025-4432_2025-10-07.pdf",
         ["EPD-2025-4432"]),
        # a contract and a licence listing are full of numbers, none of them a request's
        ("ca-city-of-los-angeles-ita_contract-socrata-open-data_2014-05-20.pdf", []),
        ("ok-able-commission_active-licenses-listing-m27_2014-02.pdf", []),
    ],
)  # fmt: skip
def test_requests_of_real_releases(name, expected):
    assert real_requests(name) == expected
