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
