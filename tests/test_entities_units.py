"""Each entity finder on the strings that break naive matching."""

from __future__ import annotations

import pytest

from indexer.entities import analyse, doctype, document_date
from indexer.entities.agencies import AgencyFinder, abbreviates, initials
from indexer.entities.bates import fill_gaps, page_stamps
from indexer.entities.contracts import details, find_contracts, find_mods
from indexer.entities.dates import find_dates
from indexer.entities.exemptions import find_exemptions
from indexer.entities.money import find_money
from indexer.models import Page


def agencies(text: str) -> list[str]:
    return [m.agency.value for _, m in AgencyFinder().find([(1, text)])]


ICE = "U.S. Immigration and Customs Enforcement"


@pytest.mark.parametrize(
    "text",
    [
        "ICE",
        "U.S. Immigration and Customs Enforcement",
        "Immigration & Customs Enforcement",
        "DHS/ICE",
        "UNITED STATES IMMIGRATION AND CUSTOMS ENFORCEMENT",
        "U.S. Immigration and Customs\nEnforcement",
        "U.S. Immigration and Customs Enforce-\nment",
        "Immigration and Customs Enforcement's",
    ],
)
def test_every_form_of_ice_is_one_agency(text):
    assert agencies(text) == [ICE]


def test_components_know_their_parents():
    found = {m.agency.value: m.agency for _, m in AgencyFinder().find([(1, "HSI and ERO")])}
    assert found["Homeland Security Investigations"].parent == ICE
    assert found["Enforcement and Removal Operations"].parent == ICE
    assert found["Enforcement and Removal Operations"].abbreviation == "ERO"


def test_local_names_are_canonicalised_to_the_ori_list():
    text = "Orange County Sheriff’s Department, Santa Ana, California"
    (agency,) = [m.agency for _, m in AgencyFinder().find([(1, text)])]
    assert agency.value == "Orange County Sheriff's Office (CA)"  # Florida, Texas … have one
    assert agency.base == "Orange County Sheriff's Office"
    assert (agency.ori, agency.state, agency.level) == ("CA0300000", "CA", "local")


def test_a_state_after_the_name_decides_between_homonyms():
    (agency,) = [m.agency for _, m in AgencyFinder().find([(1, "Biloxi Police Department (MS)")])]
    assert agency.state == "MS"


def test_homonyms_without_a_state_keep_the_name_but_no_ori():
    (agency,) = [m.agency for _, m in AgencyFinder().find([(1, "Long Beach Police Department")])]
    assert agency.value == "Long Beach Police Department" and agency.ori == ""


def test_abbreviation_defined_in_the_text_counts_later():
    text = "reviewed by the Chicago Police Department’s (CPD) Organized Crime Division. CPD said"
    assert agencies(text).count("Chicago Police Department") == 3


@pytest.mark.parametrize(
    "text",
    ["PD", "the Department", "OIG", "the police said", "ice on the road", "Congress", "D.C."],
)
def test_ambiguous_short_forms_alone_are_left_out(text):
    assert agencies(text) == []


def test_a_parenthesised_state_or_word_is_not_an_abbreviation():
    assert not abbreviates("MS", "Biloxi Police Department")
    assert not abbreviates("NAIL", "Drug Enforcement Administration")
    assert abbreviates("CPD", "Chicago Police Department")
    assert "OCSD" in initials("Orange County Sheriff's Office")


def test_fusion_centers_are_agencies():
    assert (
        agencies("Joint Regional Intelligence Center (JRIC) and JRIC")
        == ["Joint Regional Intelligence Center"] * 3
    )


def test_state_doj_is_not_the_federal_doj():
    assert "Department of Justice" not in agencies("CA DOJ - Bureau of Firearms")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Contract 70CMSD18C00000003 was awarded", "70CMSD18C00000003"),
        ("under contract 70CMSD-18-C-00000003", "70CMSD18C00000003"),
        ("under contract HSCEMD-17-C-00012.", "HSCEMD-17-C-00012"),
        ("order HSCEDM16J00044", "HSCEDM-16-J-00044"),
        ("GSA schedule GS-35F-0119Y", "GS-35F-0119Y"),
        ("GS35F0119Y", "GS-35F-0119Y"),
        ("contract N00024-12-C-2120", "N00024-12-C-2120"),
        ("Purchase Order No. 060-12013648", "060-12013648"),
        ("P.O. # 4500123456", "4500123456"),
    ],
)
def test_contract_numbers_are_normalised(text, value):
    assert [c.value for c in find_contracts(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "VIN 1HGCM82633A004352",
        "ORI CA0194200",
        "FOIA 2019-ICFO-12345 and case 2015-CH-16186",
        "(b)(6); (b)(7)(C)",
        "Bates ICE-2019-FOIA-000123",
        "case DE02QR18DE0004",
        "FOIA FILE NO.: P054496",
        "Special Order S09-11",
    ],
)
def test_look_alikes_are_not_contracts(text):
    assert list(find_contracts(text)) == []


def test_a_solicitation_is_found_with_its_kind():
    (found,) = find_contracts("Solicitation number 70CMSD18Q00000011")
    assert (found.value, found.attrs["kind"]) == ("70CMSD18Q00000011", "solicitation")


def test_contract_details_and_mods():
    text = (
        "Contract 70CMSD18C00000003 was awarded to Thomson Reuters Special Services and is "
        "executed. The total value is $6.1 million. Period of performance: 12/18/2017 through "
        "12/17/2018. Modification No. P00001"
    )
    facts = details(text)
    assert facts["vendor"] == "Thomson Reuters Special Services"
    assert facts["amount"] == 6_100_000
    assert facts["period"] == {"start": "2017-12-18", "end": "2018-12-17"}
    assert list(find_mods(text)) == [(None, "P00001")]


@pytest.mark.parametrize(
    ("text", "amount", "of"),
    [
        ("Base period funding is $1,650,000; more", 1_650_000, "base period funding"),
        ("with both options the total value is $6.1 million.", 6_100_000, "total value"),
        ("$6,100,000.00", 6_100_000, None),
        ("($9,423.80)", 9423.8, None),
        ("a license to the amount of 137,171.67 USD", 137_171.67, None),
    ],
)
def test_money(text, amount, of):
    (m,) = find_money(text)
    assert m.amount == amount
    if of:
        assert m.of == of


def test_money_letters_need_to_touch_the_number():
    assert [m.amount for m in find_money("$10,000 b $10M")] == [10_000, 10_000_000]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("(b)(6)(b)(7)(c) (b)(7)(e)", ["(b)(6)", "(b)(7)(C)", "(b)(7)(E)"]),
        ("b(6),b(7)(c ),b(7)(eb(6)", ["(b)(6)", "(b)(7)(C)", "(b)(7)(E)", "(b)(6)"]),
        ("Exemption 7(C)", ["(b)(7)(C)"]),
        ("5 ILCS 140/7(1)(d)(v)", ["5 ILCS 140/7(1)(d)(v)"]),
        ("5 ILCS 104/7(1)(a)", ["5 ILCS 140/7(1)(a)"]),
        ("withheld under § 6254(c).", ["Cal. Gov. Code § 6254(c)"]),
        ("Cal. Gov. Code § 6254(f)", ["Cal. Gov. Code § 6254(f)"]),
    ],
)
def test_exemptions(text, codes):
    assert [code for code, _ in find_exemptions(text)] == codes


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("03/20/18", "2018-03-20"),
        ("20 March 2018", "2018-03-20"),
        ("20 July, 2015", "2015-07-20"),
        ("March 2018", "2018-03"),
        ("FY2018", "FY2018"),
        ("Date Created: 03-02-20", "2020-03-02"),
    ],
)
def test_dates(text, value):
    assert [d.value for d in find_dates(text)] == [value]


def page(text: str, number: int = 1, bates: str | None = None) -> Page:
    return Page(number=number, text=text, bates=bates)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Law Offices\nDecember 8, 2014 \nVIA E-MAIL\nRe: REQUEST RECEIVED: November 13, 2014",
            "2014-12-08",
        ),
        ("20 July, 2015 Sent Via E-Mail\nREQUEST DATE: 19 June, 2015", "2015-07-20"),
        ("Mayor\nNovember 23, 2016\nRe: x\nREQUEST DATE: November 18, 2016", "2016-11-23"),
        ("MEMORANDUM\nFOR: All\nDATE: 20 April 2018\nIn March 2015 ICE", "2018-04-20"),
        ("3. Award/effective date 12/18/2017\n5. Solicitation", "2017-12-18"),
        ("Case 21-1233, Document 32, 08/20/2021, 3160136, Page1 of 196", "2021-08-20"),
        ("In March 2015 ICE published a PIA mentioned on 4 May 2016 in passing.", None),
    ],
)
def test_document_date_is_the_one_the_record_bears(text, date):
    assert document_date("letter", [page(text)], None) == date


def test_email_date_is_the_sent_line():
    text = "From: A\nSent: Wednesday, December 27, 2017 3:42 PM\nTo: B\nSubject: S\nOn 12/18/2017"
    result = analyse([page(text)])
    assert (result.doc_type, result.date) == ("email", "2017-12-27")


def test_bates_gaps_are_filled_from_the_page_text():
    pages = [page("x", 1, "JA 045"), page("table JA 046 rotated", 2), page("y", 3, "JA 047")]
    assert fill_gaps(pages) == [(1, "JA 045"), (2, "JA 046"), (3, "JA 047")]


def test_page_stamps_need_an_ascending_sequence():
    assert page_stamps(["ICE-2019-FOIA-000001", "ICE-2019-FOIA-000002"]) == [
        "ICE-2019-FOIA-000001",
        "ICE-2019-FOIA-000002",
    ]
    assert page_stamps(["Page 1 of 9 FOIA 15-0599", "Page 2 of 9 FOIA 15-0599"]) == [None, None]


def test_between_equally_common_prefixes_the_longer_is_the_stamp():
    """The same answer in every process: it once depended on set order, so on the hash seed."""
    margin = "70CMSD18C00000003 P00001\nPage 1 of 1\nICE-2019-FOIA-000023"
    assert page_stamps([margin]) == ["ICE-2019-FOIA-000023"]


def test_a_month_that_only_case_folding_reads_is_not_a_date():
    """'ſeptember' matches the month pattern case-insensitively but is no month name."""
    assert [d.value for d in find_dates("On ſeptember 3, 2019 and March 4, 2019")] == ["2019-03-04"]


@pytest.mark.parametrize("before", ["\u212a", "\u0130", "Police-\nDepartment"])
def test_letters_that_lower_casing_changes_do_not_shift_agency_mentions(before):
    """A Kelvin sign or dotted capital I lower-cases to other letters; a hyphen at a line end
    joins words once lower-cased. The mention is still found where it is written."""
    text = f"{before} Long Beach Police Department"
    found = [(m.agency.value, m.text) for _, m in AgencyFinder().find([(1, text)])]
    assert found == [("Long Beach Police Department", "Long Beach Police Department")]


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        ("\u017ftatement of work", "contract"),
        ("AUD\u0130T LOG", "log"),
        ("Statement of Work", "contract"),
    ],
)
def test_document_type_reads_letters_as_case_folding_does(text, doc_type):
    assert doctype.classify(text) == doc_type


def test_analyse_groups_entities_with_pages_forms_and_attrs():
    result = analyse(
        [
            page("ICE awarded contract 70CMSD18C00000003 for $1,650,000.", 1),
            page("U.S. Immigration and Customs Enforcement (b)(6) (b)(6)", 2),
        ]
    )
    by_kind = {(e.kind, e.value): e for e in result.entities}
    ice = by_kind[("agency", ICE)]
    assert ice.pages == (1, 2) and set(ice.forms) == {"ICE", ICE}
    assert (
        ice.attrs["abbreviation"] == "ICE"
        and ice.attrs["parent"] == "Department of Homeland Security"
    )
    assert by_kind[("contract", "70CMSD18C00000003")].attrs["kind"] == "uniform PIID"
    assert by_kind[("money", "1650000.00")].attrs["amount"] == 1_650_000
    assert by_kind[("exemption", "(b)(6)")].attrs["per_page"] == {"2": 2}
