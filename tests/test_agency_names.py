"""Which agency a name is: one facet value per agency (same-named ones carry their state),
generic names resolved by the record's jurisdiction or left out, letterhead forms, state and
local bodies the reference lists do not hold. The strings are the forms real releases use."""

from __future__ import annotations

import pytest

from indexer.browse import agency_slug
from indexer.data import local_agencies
from indexer.entities.agencies import AgencyFinder


def values(*pages: str) -> list[str]:
    found = AgencyFinder().find(list(enumerate(pages, start=1)))
    return list(dict.fromkeys(m.agency.value for _, m in found))


def test_agencies_of_one_name_in_two_states_are_two_values():
    assert values("Aurora Police Department, Aurora, Colorado 80012") == [
        "Aurora Police Department (CO)"
    ]
    assert values("Aurora Police Department, Aurora, Illinois 60505") == [
        "Aurora Police Department (IL)"
    ]
    assert values("Pasadena Police Department, Pasadena, Texas") == [
        "Pasadena Police Department (TX)"
    ]
    # a name no other state's agency bears stays as it is
    assert values("Eugene Police Department, Eugene, Oregon") == ["Eugene Police Department"]
    assert agency_slug("Aurora Police Department (CO)", "", "CO") == "aurora-police-department-co"


def test_louisiana_parishes_stay_parishes():
    (mention,) = [m for _, m in AgencyFinder().find([(1, "Bossier Parish Sheriff's Office")])]
    assert mention.agency.value == "Bossier Parish Sheriff's Office"
    assert mention.agency.ori == "LA0080000"
    names = [row.name for row in local_agencies() if row.state == "LA"]
    assert not [name for name in names if " County " in name]


def test_no_police_department_police_department():
    assert values("Las Vegas Metro Police Department") == [
        "Las Vegas Metropolitan Police Department"
    ]
    assert not [row for row in local_agencies() if "Department Police Department" in row.name]


@pytest.mark.parametrize(
    "text",
    [
        "Chief Financial Officer",
        "send it to the Main Office",
        "as the Senate confirmed",
        "Traffic Section Police Department",
        "the Chicago Office",
        "the Board of Education approved the item",  # whose board? the record does not say
        "You may seek review by the Attorney General.",  # which state's? it does not say
        "Defense Counsel: Zachary Bannon and Court Reporter present.",
    ],
)
def test_titles_and_generic_names_are_not_agencies(text):
    assert values(text) == []


def test_letterhead_forms_are_the_agencies_they_name():
    assert values(
        "CITY AND COUNTY OF SAN FRANCISCO\nPOLICE DEPARTMENT\nHEADQUARTERS\n"
        "1245 3RD Street\nSan Francisco, California 94158"
    ) == ["San Francisco Police Department", "City and County of San Francisco"]
    chicago = values(
        "Rahm Emanuel Department of Police · City of Chicago Eddie T. Johnson\n"
        "Mayor 3510 South Michigan Avenue · Chicago, Illinois 60653"
    )
    assert "Chicago Police Department" in chicago
    assert values("OFFICE OF THE SHERIFF\nCOUNTY OF ORANGE\nSanta Ana, California 92703") == [
        "Orange County Sheriff's Office (CA)",
        "County of Orange (CA)",
    ]


def test_a_state_body_is_not_the_federal_department_of_its_name():
    text = "This information is collected via the \nCalifornia Department of Justice Stop Data"
    assert values(text) == ["California Department of Justice"]
    letter = (
        "Pursuant to California Education Code (EC) sections 1240(l) and 42131(g), the "
        "California \nDepartment of Education (CDE) has reviewed the San Francisco County"
    )
    assert values(letter)[0] == "California Department of Education"


def test_attorney_general_is_the_record_states():
    letter = (
        "Chicago, Illinois 60653\nYou have a right to have the denial reviewed by the Public "
        "Access Counselor at the Office of the Attorney General."
    )
    assert values(letter) == ["Office of the Illinois Attorney General"]
    log = "Department of Justice, Washington. Records of the Attorney General, Illinois"
    assert values(log) == ["Department of Justice"]


def test_bodies_named_without_their_place_are_the_records_jurisdictions():
    letter = (
        "CITY AND COUNTY OF SAN FRANCISCO\nPOLICE DEPARTMENT\n"
        "The Honorable Robert Hirsch\nPresident\nPolice Commission\n1245 3rd Street\n"
        "forwarded to the Department of Human Resources, (DHR), for investigation. The "
        "Department of Police Accountability reports"
    )
    found = values(letter)
    for name in (
        "San Francisco Police Commission",
        "San Francisco Department of Human Resources",
        "San Francisco Department of Police Accountability",
    ):
        assert name in found
    contract = (
        "This CONTRACT is made and entered into by and between the City of Los Angeles, a "
        "municipal corporation, and Socrata. WHEREAS, the City Council adopted Council File "
        "13-0112. C. The Office of the City Attorney has indicated in writing its approval. "
        "Ordinance may be obtained from the Department of Public Works, Office of Contract "
        "Compliance."
    )
    assert values(contract) == [
        "City of Los Angeles",
        "Los Angeles City Council",
        "Los Angeles City Attorney",
        "Los Angeles Department of Public Works",
        "Los Angeles Office of Contract Compliance",
    ]


def test_the_county_of_a_county_contract_is_that_county():
    text = "The County of Los Angeles accepts your offer. The County shall pay the Contractor."
    assert values(text) == ["County of Los Angeles"]


def test_bodies_named_with_their_place():
    assert values(
        "Attorneys, for Oakland Unified School District; California Teachers Association by "
        "Mandy Hu, Staff Attorney. STATE OF CALIFORNIA"
    ) == ["Oakland Unified School District (CA)"]  # Oakland, Maryland has police too
    assert values("before the European Union Aviation Safety Agency, Missouri") == []
    assert values("the 2023-2025 grant of the Oregon Criminal Justice Commission") == [
        "Oregon Criminal Justice Commission"
    ]
    assert values("Los Angeles Department of Water & Power, 111 N. Hope Street") == [
        "Los Angeles Department of Water and Power"
    ]


def test_a_table_row_of_names_is_not_one_name():
    row = "San Mateo County LEARN Agency\nArizona Department of Public Safety ATF National Account"
    found = values(row)
    assert "Arizona Department of Public Safety ATF National Account" not in found
    assert not [name for name in found if "LEARN" in name]


def test_the_county_of_an_orange_county_contract_is_the_county_of_orange():
    text = (
        "AGREEMENT between the County of Orange, a political subdivision of the State of "
        "California, and the Contractor. The County shall pay the Contractor monthly."
    )
    assert values(text) == ["County of Orange (CA)"]  # Florida, New York … have one too


@pytest.mark.parametrize(
    "text",
    ["The DHS OIG reviewed", "DHS-OIG-21-01", "DHS/OIG", "DHS Office of the Inspector General"],
)
def test_an_inspector_general_is_found_with_its_department(text):
    assert "Department of Homeland Security Office of the Inspector General" in values(text)


def test_a_federal_component_named_without_its_parent_is_the_records_parents():
    letter = (
        "U.S. Department of Justice\nOffice of Information Policy\nSuite 11050\n"
        "You may appeal to the Office of Information Policy, or contact the Office of "
        "Government Information Services (OGIS) at the National Archives."
    )
    found = values(letter)
    assert "Office of Information Policy" in found  # the only one of its name
    assert "Office of Government Information Services" in found
    # without the department, "Office of Public Affairs" is anyone's
    assert values("Call the Office of Public Affairs at 541-682-5010.") == []
    # with two departments that have one, it is neither's
    two = "The Department of Justice and the Department of Energy. The Office of Public Affairs"
    assert values(two) == ["Department of Justice", "Department of Energy"]


def test_a_components_abbreviation_counts_beside_its_parent():
    slip = "FDA Receipt Dt : 09-APR-2021\nCBER Receipt Dt : 09-APR-2021\nOffice : OVRR"
    assert values(slip) == [
        "Food and Drug Administration",
        "Center for Biologics Evaluation and Research",
        "Office of Vaccines Research and Review",
    ]
    assert values("Office : OVRR, CBER") == []  # nothing says they are the FDA's


def test_federal_courts_are_agencies_as_captions_and_citations_name_them():
    caption = "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\nACLU, Plaintiff"
    assert values(caption) == ["United States District Court for the Southern District of New York"]
    log = "Judge Engelhardt of the U.S. District Court for the Eastern District\nof Louisiana."
    assert values(log) == ["United States District Court for the Eastern District of Louisiana"]
    assert values("as the Ninth Circuit held") == [
        "United States Court of Appeals for the Ninth Circuit"
    ]
    assert values("SUPERIOR COURT OF CALIFORNIA\nCOUNTY OF ORANGE")[0] == (
        "Orange County Superior Court (CA)"
    )
    assert values("the Supreme Court of California decided") == ["California Supreme Court"]


def test_state_bodies_named_with_their_state_after_them():
    contract = (
        "City of Los Angeles. G. In the event of a finding by the Fair Employment and Housing "
        "Commission\nof the State of California, or the Board of Public Works"
    )
    assert "California Fair Employment and Housing Commission" in values(contract)
    assert values("progress reports submitted to the Criminal Justice Commission of Oregon") == [
        "Oregon Criminal Justice Commission"
    ]


def test_a_name_cut_short_is_the_whole_name_the_record_gives():
    # at the edge of a scanned form
    form = (
        "CITY OF MINNEAPOLIS\nOFFICE OF POLICE CONDUCT REVIEW\nMinneapolis, MN 55415\n"
        "Director - Office of Police Con _. Date"
    )
    assert values(form) == [
        "City of Minneapolis (MN)",
        "Minneapolis Office of Police Conduct Review (MN)",
    ]
    # by the next name on an addressee's line
    letter = (
        "San Francisco County Office of Education\n"
        "San Francisco County Office of Education Unified School District\n"
        "555 Franklin Street\nSan Francisco, CA 94102"
    )
    assert not [name for name in values(letter) if "Unified School" in name]
    # by the end of a line, the next one going on
    contract = (
        "The City of Los Angeles. Approved by the Office of Contract Compliance. A plan "
        "prepared and furnished by the Office of Contract\nCompliance. or it may prepare"
    )
    assert values(contract) == ["City of Los Angeles", "Los Angeles Office of Contract Compliance"]


def test_a_body_named_again_in_short_is_the_one_named_in_full():
    contract = (
        "COUNTY OF LOS ANGELES\nInternal Services Department\n"
        "a debarment hearing before the Contractor Hearing Board. A record of the hearing and "
        "the recommendation of the Hearing Board shall be presented."
    )
    found = values(contract)
    assert "Los Angeles County Contractor Hearing Board" in found
    assert "Los Angeles County Hearing Board" not in found
    log = "Department of Campus Safety\nDaily Crime Log\n2020-001 Petty Theft\n" + (
        "Citrus College Department of Campus Safety reserves the right to amend this log."
    )
    assert values(log) == ["Citrus College Department of Campus Safety"]


def test_campus_and_transit_police_are_named_as_records_name_them():
    log = (
        "CA0012100 BART Police Department\nCA0019700 UC Berkeley Police Department\n"
        "CA0010300 Berkeley Police Department"
    )
    assert values(log) == [
        "BART Police Department",
        "University of California, Berkeley Police Department",
        "Berkeley Police Department (CA)",
    ]
    assert values("officers of the Bay Area Rapid Transit Police") == ["BART Police Department"]


def test_a_name_in_a_laws_title_is_not_the_agency():
    text = "pursuant to the provisions of the Illinois Emergency Management Agency Act, a disaster"
    assert values(text) == []


def test_words_of_prose_and_misread_words_are_not_agencies():
    # Many, Louisiana has a police department; a sentence about many police is not it
    assert values("have you used the tool in many police investigations?") == []
    # a booking log's "LAST, FIRST": Jane Doe, not the Department of Energy
    assert values("05/01/2021 13:00 DOE, JANE 23152(a) VC") == []
    assert values("The DOE, DOJ and DHS signed.") == [
        "Department of Energy",
        "Department of Justice",
        "Department of Homeland Security",
    ]
    # a poor scan's misreadings of "Police"
    assert values("between the City of Eugene and Eugene Poice Department and Flock") == [
        "City of Eugene"
    ]


def test_a_citys_officials_named_without_the_city():
    contract = (
        "This CONTRACT is made between the City of Los Angeles and Socrata. WHEREAS, the "
        "platform presents the Office of the Controller's financial data"
    )
    assert values(contract) == ["City of Los Angeles", "Los Angeles City Controller"]
