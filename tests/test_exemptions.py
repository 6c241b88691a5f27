"""Exemptions are the codes a record cites as the reason something is withheld: federal FOIA
(b)(1)-(b)(9), Illinois section 7, and the exemption sections of states' public-records acts.
Subsections of other statutes, an act's procedural sections and statutes cited in passing are
not exemptions."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from indexer.entities.exemptions import find_exemptions
from indexer.extract import Options, extract
from indexer.models import Extraction

from .conftest import REAL_CORPUS, SHARED, requires_shared

REAL_CORPUS_2 = SHARED / "real_corpus_2" / "pdfs"


def codes(text: str) -> list[str]:
    return [code for code, _ in find_exemptions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(b)(6); (b)(7)(C)", ["(b)(6)", "(b)(7)(C)"]),
        ("(b) (4) (b) (4) (b) (6)", ["(b)(4)", "(b)(4)", "(b)(6)"]),
        ("Withheld in part: b6, b7C", ["(b)(6)", "(b)(7)(C)"]),
        (
            "ICE redacted the A-numbers pursuant to 5 U.S.C. § 552(b)(6) and (7)(C).",
            ["(b)(6)", "(b)(7)(C)"],
        ),
        ("withheld under 5 U.S.C. 552 (b)(5), the deliberative process privilege", ["(b)(5)"]),
        ("The agency invoked Exemptions 6 and 7(C) for the names.", ["(b)(6)", "(b)(7)(C)"]),
        ("Names of agents\n(b)(6)\n(b)(7)(C)\nField office", ["(b)(6)", "(b)(7)(C)"]),
    ],
)
def test_federal_exemptions(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # subsections of other titles, rules and regulations
        "treated as Federal employees for purposes of the Federal Tort Claims Act, "
        "28 U.S.C. § 1346(b)(1), 2671-2680",
        "Pursuant to 28 U.S.C. Section 636(c) and Fed. R. Civ. P. 73(b)(1) parties are notified",
        "The motion to dismiss under Rule 12(b)(6) is denied.",
        "see also 6 C.F.R. § 5.11(b)(6); fee waiver",
        "the Privacy Act, 5 U.S.C. § 552a(b)(3), permits routine uses",
        "as required by FAR 52.212-5(b)(1) the Contractor shall",
        "in accordance with section 1001 (b)(2) of the Act",
        # the nine exemptions as a range, and a contract's cross-reference
        'There are "nine, exclusive" FOIA exemptions. See 5 U.S.C. § 552(b)(1)-(9).',
        "exemptions (b)(1) through (b)(9) of the Act",
        "The Contractor shall comply with paragraph (b)(2) of this clause.",
    ],
)
def test_subsections_of_other_statutes_are_not_federal_exemptions(text: str) -> None:
    assert codes(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # California: the Public Records Act's exemption sections, old and recodified
        (
            "Portions have been withheld under Cal. Gov. Code § 6254(f) and § 6254(k).",
            ["Cal. Gov. Code § 6254(f)", "Cal. Gov. Code § 6254(k)"],
        ),
        (
            "The names are exempt under Government Code sections 6254(c), (k) and 6255.",
            ["Cal. Gov. Code § 6254(c)", "Cal. Gov. Code § 6254(k)", "Cal. Gov. Code § 6255"],
        ),
        (
            "Personnel records are withheld pursuant to Government Code section 7927.700.",
            ["Cal. Gov. Code § 7927.700"],
        ),
        (
            "The Department withheld the images under Gov. Code §§ 7923.600 and 7922.000.",
            ["Cal. Gov. Code § 7923.600", "Cal. Gov. Code § 7922.000"],
        ),
        ("Officer names withheld under § 6254(c).", ["Cal. Gov. Code § 6254(c)"]),
        # a redaction label: the code and its section, nothing else
        ("Gov. Code § 7927.705", ["Cal. Gov. Code § 7927.705"]),
        ("§ 7927.700", ["Cal. Gov. Code § 7927.700"]),
        (
            "The records are confidential and withheld pursuant to Penal Code section 832.7.",
            ["Cal. Penal Code § 832.7"],
        ),
        (
            "The data is exempt from disclosure under Civil Code section 1798.90.55(b).",
            ["Cal. Civ. Code § 1798.90.55(b)"],
        ),
        # Oregon
        (
            "The information within these audits may be exempt from disclosure pursuant to "
            "ORS 192.345(3) and ORS 181A.825(1)(b).",
            ["ORS 192.345(3)", "ORS 181A.825(1)(b)"],
        ),
        (
            "Please note that the requested information may be exempt pursuant to ORS 181A.825.",
            ["ORS 181A.825"],
        ),
        ("Personal Privacy Information - ORS 192.355(2)(a)", ["ORS 192.355(2)(a)"]),
        ("Personal Privacy Information - ORS 192.355(2Xa)", ["ORS 192.355(2)(a)"]),
        (
            "Home addresses were redacted as exempt under 192.355(23)(b).",
            ["ORS 192.355(23)(b)"],
        ),
        # Minnesota, Texas, Washington and others, as each state writes its citations
        ("13.43 - Personnel Data", ["Minn. Stat. § 13.43"]),
        (
            "Data on the complainant is private and was redacted under Minn. Stat. § 13.82, "
            "subd. 17.",
            ["Minn. Stat. § 13.82, subd. 17"],
        ),
        (
            "The City asserts the information is excepted from disclosure under section "
            "552.108 of the Government Code.",
            ["Tex. Gov't Code § 552.108"],
        ),
        (
            "We have redacted the records under Tex. Gov't Code §§ 552.101 and 552.130.",
            ["Tex. Gov't Code § 552.101", "Tex. Gov't Code § 552.130"],
        ),
        ("Redacted: RCW 42.56.240(1)", ["RCW 42.56.240(1)"]),
        (
            "The report is withheld under Public Officers Law § 87(2)(e).",
            ["N.Y. Pub. Off. Law § 87(2)(e)"],
        ),
        ("Withheld pursuant to MCL 15.243(1)(b).", ["MCL 15.243(1)(b)"]),
        ("Denied under KRS 61.878(1)(h).", ["KRS 61.878(1)(h)"]),
        ("exempt under D.C. Code § 2-534(a)(2)", ["D.C. Code § 2-534(a)(2)"]),
        ("withheld under 65 P.S. § 67.708(b)(16)", ["65 P.S. § 67.708(b)(16)"]),
        ("exempt pursuant to O.C.G.A. § 50-18-72(a)(4)", ["O.C.G.A. § 50-18-72(a)(4)"]),
        ("withheld under R.C. 149.43(A)(1)(h)", ["Ohio Rev. Code § 149.43(A)(1)(h)"]),
        ("Redacted: s. 119.071(4)(d), F.S.", ["Fla. Stat. § 119.071(4)(d)"]),
        # Illinois: section 7 of the FOIA, and its statutory exemptions of section 7.5
        ("exempt from disclosure under 5 ILCS 140/7(1)(c)", ["5 ILCS 140/7(1)(c)"]),
        ("records withheld under 5 ILCS 140/7.5(v).", ["5 ILCS 140/7.5(v)"]),
        (
            "Your Illinois FOIA request is denied under Section 7(1)(d)(v).",
            ["5 ILCS 140/7(1)(d)(v)"],
        ),
    ],
)
def test_state_exemptions(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the act itself, its title, fees, deadlines and review
        "This request is made under the California Public Records Act, Cal. Gov. Code § 6250.",
        "the California Public Records Act (Government Code section 6250 et seq.)",
        "Government Code § 6253 (c) (1) allows an extension of up to 14 days.",
        "This request is made pursuant to Oregon's Public Records Law, ORS 192.311-192.478.",
        "If an exemption has been asserted, you may seek review of that decision pursuant to "
        "ORS 192.415.",
        "Please note the Oregon State Law (ORS 192.324(4)(a)) authorizes the City to establish "
        "fees.",
        "You may seek judicial review of a denial under 5 ILCS 140/11.",
        # an exemption section a request names as the law it is made under
        "This is a request under ORS 192.338, 192.345, and 192.355 for records.",
        # sections of other codes cited in passing
        "allow 10 days for review and comment, in accordance with Government Code Section "
        "3540.2(e).",
        "Respondent failed and refused to bargain in good faith in violation of Government "
        "Code section 3543.6(c).",
        "EERA is codified at Government Code section 3540 et seq.",
        "liabilities under the False Claims Act (Cal. Gov. Code §§ 12650 et seq.)",
        "The employee was an exempt employee under Labor Code section 515.",
        "The City is exempt from sales tax under Revenue and Taxation Code section 6381.",
        "Consent shall not be unreasonably withheld, as provided in Civil Code section 1995.260.",
        # a section 7(1) of something else
        "Section 7(1)(a) of this Agreement governs termination.",
        "per the Open Meetings Act 7(e)",
        # section numbers that are only numbers
        "Total hours 13.43 for the pay period",
        "Invoice 7927.700 paid in full",
    ],
)
def test_procedure_and_passing_citations_are_not_exemptions(text: str) -> None:
    assert codes(text) == []


def test_the_form_as_written_comes_with_each_code() -> None:
    found = list(find_exemptions("exempt under ORS 192.345(3), 192.355(2) and 5 ILCS 140/7(1)(c)"))
    assert found == [
        ("5 ILCS 140/7(1)(c)", "5 ILCS 140/7(1)(c)"),
        ("ORS 192.345(3)", "ORS 192.345(3)"),
        ("ORS 192.355(2)", "192.355(2)"),
    ]


def test_a_state_label_on_a_redaction_box_names_its_exemption(tmp_path: Path) -> None:
    path = tmp_path / "log.pdf"
    canvas = Canvas(str(path), pagesize=(612, 792))
    canvas.setFont("Helvetica", 11)
    lines = [
        "City of Springfield Police Department public records response.",
        "This request is made pursuant to Oregon's Public Records Law, ORS 192.311-192.478.",
        "The enclosed audit log is released in part. Entries about open cases are exempt",
        "from disclosure pursuant to ORS 192.345(3). You may seek review of that decision",
        "pursuant to ORS 192.415.",
    ]
    for number, line in enumerate(lines):
        canvas.drawString(72, 720 - 16 * number, line)
    canvas.drawString(72, 600, "Requested by")
    canvas.rect(150, 596, 140, 14, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.drawString(155, 600, "ORS 192.355(2)(a)")
    canvas.save()

    result = extract(path, options=Options(ocr="off"))

    assert isinstance(result, Extraction)
    (redaction,) = result.pages[0].redactions
    assert redaction.exemptions == ("ORS 192.355(2)(a)",)
    found = {e.value for e in result.entities if e.kind == "exemption"}
    assert found == {"ORS 192.345(3)", "ORS 192.355(2)(a)"}


@pytest.mark.skipif(not REAL_CORPUS_2.is_dir(), reason="../shared/real_corpus_2 is absent")
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "or-eugene-police_public-records-fee-estimate-flock-audits-epd-2025-3891_2025-10-15.pdf",
            {"ORS 192.345(3)", "ORS 181A.825(1)(b)"},
        ),
        # a school-finance letter and a labour board's decision cite the Government Code
        ("ca-cde_letter-second-interim-report-review-sfcoe_2024-05-03.pdf", set()),
        (
            "ca-perb_decision-2906e-oakland-usd-v-oakland-education-association_2024-06-28.pdf",
            set(),
        ),
    ],
)
def test_real_releases(name: str, expected: set[str]) -> None:
    result = extract(REAL_CORPUS_2 / name, options=Options(ocr="off"))
    assert isinstance(result, Extraction)
    assert {e.value for e in result.entities if e.kind == "exemption"} == expected


@requires_shared
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # cites the Federal Tort Claims Act, 28 U.S.C. § 1346(b)(1)
        ("dhs-ice_287g-task-force-moa_level-plains-pd-al_2025-07-30_ENCRYPTED.pdf", set()),
        # a court's opinion: the exemptions at issue, and "§ 552(b)(6)-(7)" as a range
        ("2d-cir_aclu-irp-v-ice_21-1233_opinion_2023-01-26.pdf", {"(b)(6)", "(b)(7)(C)"}),
        (
            "il-chicago-pd_foia-p054496_response-letter_2016-11-23.pdf",
            {"5 ILCS 140/7(1)(d)(v)", "5 ILCS 140/7(1)(f)", "5 ILCS 140/7(1)(c)"},
        ),
    ],
)
def test_real_corpus(name: str, expected: set[str]) -> None:
    result = extract(REAL_CORPUS / name, options=Options(ocr="off"))
    assert isinstance(result, Extraction)
    assert {e.value for e in result.entities if e.kind == "exemption"} == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Records exempt under ORC 149.43(A)(1)(h) are withheld.",
            "Ohio Rev. Code § 149.43(A)(1)(h)",
        ),
        ("Withheld pursuant to F.S. 119.071(4)(d) as exempt.", "Fla. Stat. § 119.071(4)(d)"),
    ],
)
def test_codes_named_by_an_abbreviation_before_their_section(text, code):
    """Names that look ahead to their section number (once read the whole page's extraction
    failed on them)."""
    assert [found for found, _ in find_exemptions(text)] == [code]
