"""Vendors: companies a record names as contractor, seller, supplier or service provider, by
label, by their role in an agreement or a purchase, or over a purchase order's address; their
value is the company's name without its corporate suffix."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from indexer.entities.vendors import find_vendors
from indexer.extract import Options, extract
from indexer.models import Extraction

from .conftest import SHARED, requires_shared

REAL_CORPUS_2 = SHARED / "real_corpus_2" / "pdfs"


def vendors(text: str) -> list[str]:
    return list(dict.fromkeys(found.value for found in find_vendors(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vendor: Vigilant Solutions, LLC\n1152 Stealth Street", "Vigilant Solutions"),
        (
            "Contractor Name: Thomson Reuters Special Services LLC, McLean VA",
            "Thomson Reuters Special Services",
        ),
        (
            "8. Contractor Thomson Reuters Special Services LLC, McLean VA",
            "Thomson Reuters Special Services",
        ),
        ("Supplier: Motorola Solutions, Inc. (see attached)", "Motorola Solutions"),
        ("Sold by: PenLink, Ltd.", "PenLink"),
        ("Seller:    Acme Co.    123 Main Street", "Acme"),
        ("Payee: Axon Enterprise, Inc.", "Axon Enterprise"),
        (
            "For Contractor:\nVigilant Video, Inc.\n2021 Las Positas Ct., Suite 101",
            "Vigilant Video",
        ),
        ("Vendor: 167589 ACME INDUSTRIES INC", "Acme Industries"),
    ],
)
def test_a_labelled_company_is_a_vendor_without_its_suffix(text, expected):
    assert vendors(text) == [expected]


def test_a_labelled_vendor_is_written_as_its_name_not_its_address():
    line = "Vendor: Thomson Reuters Special Services LLC, 1410 Spring Hill Rd, McLean VA"
    assert [(v.value, v.text) for v in find_vendors(line)] == [
        ("Thomson Reuters Special Services", "Thomson Reuters Special Services LLC")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'This Agreement is made between the City of Long Beach ("City") and Vigilant '
            "Solutions, LLC, a Delaware company.",
            "Vigilant Solutions",
        ),
        (  # a name wrapped in prose, and a municipal corporation that is no company
            "THIS CONTRACT is made and entered into by and between the City of Los Angeles, a\n"
            'municipal corporation (hereinafter referred to as "City"), acting by and through the\n'
            "Information Technology Agency, and Socrata Inc., a Delaware corporation",
            "Socrata",
        ),
        ("CONTRACT\nbetween\nCITY OF LOS ANGELES\nand\nSOCRATA, INC.\nTHIS CONTRACT", "Socrata"),
        (  # the trade name of a d/b/a
            "This Data Sharing Memorandum of Understanding is entered into by and\nbetween Flock "
            "Group, Inc., d/b/a “Flock Safety”, with a place of business at 1170 Howell Mill",
            "Flock Safety",
        ),
        (
            'Cellebrite USA Corp. (hereinafter "Vendor") shall deliver the licenses.',
            "Cellebrite USA",
        ),
        ("Attached you will find a quote from Harris Corporation of Melbourne.", "Harris"),
        ("The contract was awarded to Thomson Reuters Special Services LLC.", "Thomson Reuters "
         "Special Services"),
        ("The Board approved the award of Bid No. 19-01 to Acme Paving Co. for repairs.",
         "Acme Paving"),
        (  # a name wrapped in prose
            "Attached to this report you will find invoice number 11015 from PEN\n"
            "Link Inc, of Lincoln Nebraska",
            "PEN Link",
        ),
        (  # the seller heads its invoice; the customer comes after "Bill To"
            "INVOICE\nAxon Enterprise, Inc.\n17800 N 85th St.\nScottsdale, AZ 85255\n"
            "Bill To:\nCascade County Holdings, LLC\nInvoice #: INUS123456",
            "Axon Enterprise",
        ),
        ("DELTA AIR LINES INC, a Delaware corporation, (hereinafter called \"Seller\")",
         "Delta Air Lines"),
    ],
)  # fmt: skip
def test_a_company_in_the_role_of_a_vendor_is_one(text, expected):
    assert vendors(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Vendor: N/A",
        "Contractor: Same as block 6",
        "Vendor: (b)(4)",
        "Contractor: █████",
        "Vendor: Eugene Police Department",
        "Payee: John Smith",
        "Contractor: Federal Deposit Insurance Corporation",
        "The contractor shall provide monthly reports.",
        "13. CONTRACTOR PERFORMANCE EVALUATION",
        "Sold To: Chicago Police Department",
        "an agreement between ICE and the State of California",
        # prose without a corporate suffix is left for a reader of sentences
        "Contract 70CMSD18C00000003 was awarded to Thomson Reuters Special Services.",
        # companies named in passing: a licensee, a cited case, a request about others' deals
        "648765 AAA ALLEGIANT AIR ALLEGIANT AIR LLC 7100 TERMINAL DRIVE OKLAHOMA CITY OK 73159",
        "accord Hood River Distillers, Inc. (2023) 372 NLRB No. 126",
        "Records concerning the $4.3 billion agreement between\nCerner Corporation and the "
        "Department of Defense.",
        "Copies of executed settlement agreements between\nMallinckrodt LLC and the Department",
        "communications between the Senator and any official pertaining to McWane\nCorporation",
        "between January and March the Corporation Counsel, Limited English Proficiency staff",
        "This Agreement is made between the City of Aurora and the County of Arapahoe, "
        "Denver, CO 80202.",
    ],
)
def test_no_role_no_vendor(text):
    assert vendors(text) == []


def write_purchase_order(path: Path) -> None:
    """A purchase order as a city's finance system prints one: the buyer's address, the
    supplier's number over its name and address, a ship-to block."""
    lines = [
        "INSTRUCTIONS TO SUPPLIER",
        "Purchase Order Page: 1 of 1",
        "Procurement",
        "Finance/Purchasing",
        "100 West 10th Avenue Suite 400",
        "Springfield OR 97477",
        "Purchase Order Date Revision",
        "2510009999 03-25-2025",
        "Supplier: 1000008226",
        "CASCADE RADIO WORKS",
        "PO BOX 121923",
        "DALLAS TX 75312",
        "Ship To: SPD",
        "Administration",
        "300 Country Club Rd",
        "Springfield OR 97477",
        "Item/Description Quantity UOM PO Price Extended Amt",
        "1 Portable radios 12.00 EA 3000.00 36000.00",
    ]
    pdf = canvas.Canvas(str(path))
    y = 760
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 16
    pdf.save()


def entities(result: object, kind: str) -> list[str]:
    assert isinstance(result, Extraction)
    return [e.value for e in result.entities if e.kind == kind]


def test_a_purchase_orders_supplier_is_its_vendor_and_its_own_offices_are_not(tmp_path):
    path = tmp_path / "po.pdf"
    write_purchase_order(path)
    assert entities(extract(path, options=Options(ocr="off")), "vendor") == ["Cascade Radio Works"]


@requires_shared
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("or-city-of-eugene_purchase-order-flock-safety-2510002336_2025-03-25.pdf",
         ["Flock Safety"]),
        ("ca-city-of-los-angeles-ita_contract-socrata-open-data_2014-05-20.pdf", ["Socrata"]),
        # a listing of liquor licensees, every one a company: none is a vendor
        ("ok-able-commission_active-licenses-listing-m27_2014-02.pdf", []),
        # a FOIA log whose requests speak of companies' agreements: none is the agency's vendor
        ("us-doj-oip_foia-log-office-of-legislative-affairs-2017_2018-02-01.pdf", []),
    ],
)  # fmt: skip
def test_vendors_of_real_releases(name, expected):
    path = REAL_CORPUS_2 / name
    assert entities(extract(path, options=Options(ocr="off")), "vendor") == expected
