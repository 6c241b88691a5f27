"""Contract, order and solicitation numbers that a label names, with the vendor, total and
term the page gives them: composed text in the forms records use, a purchase order drawn as
a PDF, and real releases."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from indexer.entities import analyse
from indexer.entities.contracts import details, find_contracts
from indexer.extract import Options, extract
from indexer.models import Entity

from .conftest import SHARED

REAL_CORPUS_2 = SHARED / "real_corpus_2" / "pdfs"


def numbers(text: str) -> list[tuple[str, str]]:
    return [(found.value, found.attrs["kind"]) for found in find_contracts(text)]


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("County of Orange PO 060-12013648", "060-12013648", "purchase order"),
        ("Purchase Order 2510002336 was issued", "2510002336", "purchase order"),
        ("P.O. Number: 4500123456", "4500123456", "purchase order"),
        ("Invoice No. 100234    Customer PO# 45001234", "45001234", "purchase order"),
        ("SUBJECT: Quote# QUO-04689-V8Y5D0_ Purchase one server", "QUO-04689-V8Y5D0", "quote"),
        ("Quotation No. 77841", "77841", "quote"),
        ("RFP No. 19-0235: Automated License Plate Readers", "19-0235", "request for proposals"),
        ("Request for Proposals No. RFP-PD-2020-03", "RFP-PD-2020-03", "request for proposals"),
        ("RFQ 2020-4471 for body-worn cameras", "2020-4471", "request for quotations"),
        ("Invitation for Bid No. 2019-0112", "2019-0112", "bid"),
        ("Bid #21-0034 closes at 2 p.m.", "21-0034", "bid"),
        ("Solicitation No.: 70CMSD18R00000004", "70CMSD18R00000004", "solicitation"),
        ("Agreement No. C-2019-044", "C-2019-044", "agreement"),
        ("Grant Agreement #: 23-0456", "23-0456", "agreement"),
        ("Master Agreement No. MA-060-21011092", "MA-060-21011092", "master agreement"),
        (
            "Blanket Purchase Agreement No. BPA-2020-117",
            "BPA-2020-117",
            "blanket purchase agreement",
        ),
        ("BPA# 4400012345", "4400012345", "blanket purchase agreement"),
        ("Task Order No. 0012-2018", "0012-2018", "task order"),
        ("PER CONTRACT 2025-03244", "2025-03244", "contract"),
        ("as set out in contract number 2025-03244, section 10", "2025-03244", "contract"),
        ("Vigilant Video, Inc. Contract #: PO-060-12013648", "PO-060-12013648", "contract"),
        ("Order No.: 112233", "112233", "order"),
        ("(see PO-060-12013648, attached)", "PO-060-12013648", "purchase order"),
        # the value on the line below its label, as forms print them
        ("TERM CONTRACT AWARD\nCONTRACT NO:\nMA-IS-1540123-1\n", "MA-IS-1540123-1", "contract"),
        ("Purchase Order Date Revision\n2510002336 03-25-2025\n", "2510002336", "purchase order"),
        (
            "PO Number | Vendor | Amount\n4500012345 | Acme Inc | $1,200.00",
            "4500012345",
            "purchase order",
        ),
    ],
)
def test_a_labelled_number_is_found_with_the_kind_its_label_names(text, value, kind):
    assert numbers(text) == [(value, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "FLOCK SAFETY\nPO BOX 121923\nDALLAS TX 75312",  # a post-office box
        "write to P.O. Box 2210, Springfield IL 62705-2210",
        "Contract No. 03-25-2025",  # a date
        "Contract Phone: 213-978-3327",
        "Contract No. 213-978-3327",  # a phone number
        "Contract No. 90210-1234",  # a ZIP+4 code
        "the Contract 2019-2020 budget",  # a year range
        "RFP 2019-20 schedule",
        "PO Price Extended Amt\n342000.00 342000.00",  # amounts
        "Total PO Amount 342000.00",
        "Contract Amount: 1,250,000.00",
        "the contract 10000 units were delivered",  # a word in prose, not a label
        "General Order No. 2015-0012",  # a police directive
        "Special Order S09-11",
        "Contractor No. 556677",  # the vendor's number
        "Request No. 2019-1234",  # a records request
        "Account No. 123456789",
        "Bates CONTRACT-000123",
        "Agreement\n12345 Main Street",  # an address below a heading
        "Jkt 250001 PO 00000 Frm 00001 Fmt 4702",  # the Federal Register's printing slug
        "Quote valid for 30 days",
        "BREACH OF CONTRACT 19-cv-07058",  # a court case
    ],
)
def test_what_follows_a_label_but_is_no_number_is_left_out(text):
    assert numbers(text) == []


def test_what_was_awarded_comes_before_what_was_asked_for():
    # the first number is the one the page's vendor, total and term are given to
    text = "In response to RFP No. 19-0235, Contract No. C-2020-11 was awarded to Acme Data."
    assert numbers(text) == [("C-2020-11", "contract"), ("19-0235", "request for proposals")]


def test_a_pages_total_is_the_largest_total_or_ceiling_not_a_line_item():
    text = (
        "Quote # Q-33871\n1 Server $10,607.80\n1 Shipping $106.08\nSubtotal $10,713.88\n"
        "1 Consulting $3,500.00\nTotal $14,213.88\n"
    )
    assert details(text)["amount"] == 14_213.88
    ceiling = "Contract PO-060-12013648\nContract Not To Exceed Amount: $24,659.67"
    assert details(ceiling)["amount"] == 24_659.67
    prose = "The City's total obligation under this Contract shall not exceed $2,000,000."
    assert details(prose)["amount"] == 2_000_000
    plain = "Schedule Total 342000.00\nItem Total 342000.00\nTotal PO Amount 342000.00"
    assert details(plain)["amount"] == 342_000


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Term: 07/01/2019 through 06/30/2022", "2019-07-01", "2022-06-30"),
        (
            "The term of this Agreement is from January 1, 2020 to December 31, 2022.",
            "2020-01-01",
            "2022-12-31",
        ),
        ("Period of Performance: 12/18/2017 - 12/17/2018", "2017-12-18", "2018-12-17"),
        (
            "Effective Date: 03/01/2020\nVendor No. 1234\nExpiration Date: 02/28/2023",
            "2020-03-01",
            "2023-02-28",
        ),
    ],
)
def test_the_period_is_a_labelled_start_and_end(text, start, end):
    assert details(text)["period"] == {"start": start, "end": end}


def test_two_dates_that_are_no_term_make_no_period():
    assert "period" not in details("EFFECTIVE DATE: 01/12/15\n01/11/18")
    assert "period" not in details("Term: 06/30/2022 through 07/01/2019")  # ends before it starts


def test_the_vendor_a_contract_was_awarded_to():
    text = "Agreement No. C-2019-044 was awarded to Thomson Reuters Special Services on May 2."
    assert details(text)["vendor"] == "Thomson Reuters Special Services"


def _contracts(entities: tuple[Entity, ...]) -> dict[str, dict[str, object]]:
    return {e.value: e.attrs for e in entities if e.kind == "contract"}


def test_a_purchase_order_form_drawn_as_a_pdf(tmp_path: Path):
    # the form prints its fields as a header row over a row of values, as ERP systems do
    path = tmp_path / "purchase-order.pdf"
    drawing = canvas.Canvas(str(path), pagesize=(612, 792))
    drawing.setFont("Helvetica", 10)
    rows = [
        (740, [(72, "CITY OF SPRINGFIELD, PURCHASING DIVISION")]),
        (690, [(72, "Purchase Order"), (220, "Date"), (320, "Revision")]),
        (676, [(72, "4500012345"), (220, "03/25/2025"), (320, "0")]),
        (650, [(72, "Vendor: Vigilant Solutions, LLC")]),
        (636, [(72, "2021 Las Positas Court, Livermore CA 94551")]),
        (610, [(72, "Contract Term: 07/01/2025 through 06/30/2028")]),
        (590, [(72, "Line"), (110, "Description"), (330, "Unit Price"), (420, "Extended")]),
        (576, [(72, "1"), (110, "LPR data subscription"), (330, "45,000.00"), (420, "45,000.00")]),
        (562, [(72, "2"), (110, "Mobile LPR cameras"), (330, "7,375.00"), (420, "29,500.00")]),
        (540, [(300, "Total PO Amount 74,500.00")]),
        (510, [(72, "Questions: 217-555-0100, P.O. Box 2210, Springfield IL 62705-2210")]),
    ]
    for y, cells in rows:
        for x, words in cells:
            drawing.drawString(x, y, words)
    drawing.showPage()
    drawing.save()
    analysis = analyse(extract(path, options=Options(ocr="off")).pages)
    assert _contracts(analysis.entities) == {
        "4500012345": {
            "kind": "purchase order",
            "vendor": "Vigilant Solutions",
            "amount": 74_500.0,
            "period": {"start": "2025-07-01", "end": "2028-06-30"},
        }
    }


requires_real_corpus_2 = pytest.mark.skipif(
    not REAL_CORPUS_2.is_dir(), reason="../shared/real_corpus_2 is not beside this checkout"
)


@requires_real_corpus_2
def test_a_citys_purchase_order_and_the_contract_it_cites():
    path = REAL_CORPUS_2 / "or-city-of-eugene_purchase-order-flock-safety-2510002336_2025-03-25.pdf"
    found = _contracts(analyse(extract(path, options=Options(ocr="off")).pages).entities)
    assert set(found) == {"2510002336", "2025-03244"}
    assert found["2510002336"]["kind"] == "purchase order"
    assert found["2510002336"]["amount"] == 342_000.0
    assert found["2025-03244"]["kind"] == "contract"


@requires_real_corpus_2
def test_a_contract_number_in_a_federal_reports_header():
    path = REAL_CORPUS_2 / "us-va_ssvf-participant-survey-year-end-report-fy20_2020-11-15.pdf"
    pages = extract(path, options=Options(ocr="off")).pages
    assert numbers(pages[0].text) == [("VA268-15-C-0066", "contract")]


def test_a_period_reads_its_dates_in_the_order_written():
    # spelled-out and numeric dates are found by different patterns, not in the text's order
    text = "Period of performance: 12/18/2017 through December 17, 2018, renewed 1/1/2019"
    assert details(text)["period"] == {"start": "2017-12-18", "end": "2018-12-17"}
