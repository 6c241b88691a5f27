"""Request numbers and vendors: found where the record says what they are, and nowhere else."""

from __future__ import annotations

import pytest

from indexer.entities import analyse
from indexer.entities.requests import find_requests
from indexer.entities.vendors import find_vendors
from indexer.models import Page


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
    ],
)
def test_a_labelled_or_agency_shaped_number_is_a_request_as_written(text, expected):
    assert requests(text) == [expected]


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
    ],
)
def test_dates_cases_phones_stamps_and_contracts_are_not_requests(text):
    assert requests(text) == []


def vendors(text: str) -> list[str]:
    return [found.value for found in find_vendors(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vendor: Vigilant Solutions, LLC\n1152 Stealth Street", "Vigilant Solutions, LLC"),
        (
            "Contractor Name: Thomson Reuters Special Services LLC, McLean VA",
            "Thomson Reuters Special Services LLC",
        ),
        (
            "8. Contractor Thomson Reuters Special Services LLC, McLean VA",
            "Thomson Reuters Special Services LLC",
        ),
        ("Supplier: Motorola Solutions, Inc. (see attached)", "Motorola Solutions, Inc."),
        ("Sold by: PenLink, Ltd.", "PenLink, Ltd."),
        ("Seller:    Acme Co.    123 Main Street", "Acme Co."),
        (
            'This Agreement is made between the City of Long Beach ("City") and Vigilant '
            "Solutions, LLC, a Delaware company.",
            "Vigilant Solutions, LLC",
        ),
    ],
)
def test_a_labelled_company_is_a_vendor(text, expected):
    assert vendors(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Vendor: N/A",
        "Contractor: Same as block 6",
        "Vendor: (b)(4)",
        "Contractor: █████",
        "The contractor shall provide monthly reports.",
        "13. CONTRACTOR PERFORMANCE EVALUATION",
        "Sold To: Chicago Police Department",
        "an agreement between ICE and the State of California",
        "Contract 70CMSD18C00000003 was awarded to Thomson Reuters Special Services.",
    ],
)
def test_no_label_no_vendor(text):
    assert vendors(text) == []


def test_requests_and_vendors_are_entities_of_their_pages():
    pages = [
        Page(1, "RE: Public Records Act Request No. 19-0412\nDear Requester:"),
        Page(2, "Vendor: Vigilant Solutions, LLC\nSee also FOIA request 2019-ICFO-10471."),
    ]
    found = {(e.kind, e.value): e.pages for e in analyse(pages).entities}
    assert found[("request", "19-0412")] == (1,)
    assert found[("request", "2019-ICFO-10471")] == (2,)
    assert found[("vendor", "Vigilant Solutions, LLC")] == (2,)
