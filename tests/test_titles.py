"""Choosing a document's title (indexer/titles): what a person would write, never junk. The
lines are as real releases print them (FOIA letters, agendas, reports, court papers)."""

import pytest

from indexer.entities import Analysis
from indexer.entities.agencies import normalise
from indexer.extract import Options, extract
from indexer.models import Entity, Extraction, Page
from indexer.titles import choose_title, clean_file_name
from indexer.titles._judge import is_file_name, is_garbled, is_letterhead, is_lone_name
from indexer.titles._lines import clean, is_sentence, title_case

from .conftest import REAL_CORPUS, requires_shared


def agency(value: str, *forms: str, abbreviation: str = "") -> Entity:
    attrs = {"abbreviation": abbreviation} if abbreviation else {}
    return Entity("agency", value, (1,), forms or (value,), attrs)


def title_of(text: str, meta: str | None = None, *, entities=(), subject=None, name="a_file"):
    analysis = Analysis(tuple(entities), "email" if subject else "other", None, subject)
    return choose_title((Page(number=1, text=text),), analysis, meta, name)


@pytest.mark.parametrize(
    "title",
    [
        "10811.exe",
        "Microsoft Word - 15-3528PenLinkResponse.doc",
        "905_Precinct_NoOU",
        "Sample #2",
        "Document1",
        "scan0001",
        "/Users/clerk/Desktop/response",
    ],
)
def test_file_system_and_placeholder_names(title):
    assert is_file_name(title)


@pytest.mark.parametrize(
    "title",
    [
        "DHS/ICE/PIA-039(a) Acquisition and Use of License Plate Reader (LPR) Data",
        "Policy 1204 – Automated License Plate Readers",
        "Arrest/Juvenile Contact Report",
    ],
)
def test_titles_with_slashes_are_not_paths(title):
    assert not is_file_name(title)


@pytest.mark.parametrize(
    "line",
    [
        "I Pee | ee",
        "t:/j Kif",
        "ffock safety",
        "eclds7Se5754—-Page-4",
        "[amount Paid Total)",
        "PQSmON NAMEOFO RGANJZATION/ENTITY",
    ],
)
def test_garbled_lines(line):
    assert is_garbled(line)


@pytest.mark.parametrize(
    "line",
    [
        "Versadex Report",
        "PRR EPD-2025-3891",
        "OIS Protocol",
        "February 2014 M27 (Bus) Alphabetic Listing by Type of Active Licenses",
        "STN 125742/0: IR RE datasets",
    ],
)
def test_lines_of_words_names_and_codes_are_not_garbled(line):
    assert not is_garbled(line)


@pytest.mark.parametrize(
    "line",
    [
        "Seth May",
        "18-15517 Atkinson, Ryan",
        "Matt Wayne, Ed.D., Superintendent",
        "Mr. Russ Kick",
        "Dave Maass",
        "CHRIS KELLER",
        "F. A. Little, Jr.",
    ],
)
def test_a_persons_name_alone(line):
    assert is_lone_name(line)


@pytest.mark.parametrize(
    "line",
    ["Adult Arrests", "Grant Award", "Purchase Order", "Daily Crime Log", "System User Guide"],
)
def test_headings_are_not_names(line):
    assert not is_lone_name(line)


@pytest.mark.parametrize(
    "line",
    [
        "Law Offices",
        "Office of the",
        "City of Chicago",
        "LOS ANGELES COUNTY",
        "San Diego Police Dept",
        "SAN FRANCISCO UNIFIED SCHOOL DISTRICT",
        "Department of Campus Safety",
        "U.S. Department of Justice",
        "Los Angeles Department of Water & Power",
        "Office of Police Conduct Review",
        "General Counsel",
        "IN THE UNITED STATES DISTRICT COURT FOR THE DISTRICT OF MARYLAND",
    ],
)
def test_letterheads(line):
    assert is_letterhead(line)


@pytest.mark.parametrize(
    "line",
    [
        "Notice and Agenda of District Council Meeting",
        "Memorandum of Understanding",
        "Berkeley Police Jail Booking Log",
        "Contract between City of Los Angeles and Socrata, Inc.",
    ],
)
def test_titles_that_name_an_organisation_are_not_letterheads(line):
    assert not is_letterhead(line)


def test_an_agency_the_document_names_is_a_letterhead_alone():
    assert not is_letterhead("Metro Transit")
    assert is_letterhead("Metro Transit", {normalise("METRO TRANSIT")})


@pytest.mark.parametrize(
    ("line", "cleaned"),
    [
        (
            "Policy 1204 – Automated License Plate Readers 06-04-25 Page 1",
            "Policy 1204 – Automated License Plate Readers 06-04-25",
        ),
        (
            "December 20, 2021 8:32 AM License Action Recommendation Documents for Submissions",
            "License Action Recommendation Documents for Submissions",
        ),
        ("_ A PROGRAM FOR PROVIDING ", "A PROGRAM FOR PROVIDING"),
        ("HIGH--RESOLUTION OBLIQUE PHOTOGRAPHY '", "HIGH-RESOLUTION OBLIQUE PHOTOGRAPHY"),
        ("Purchase Order Page: 1 of 1", "Purchase Order"),
        ("Mr. May, ", "Mr. May,"),
    ],
)
def test_clean(line, cleaned):
    assert clean(line) == cleaned


@pytest.mark.parametrize(
    ("title", "acronyms", "expected"),
    [
        (
            "FEBRUARY 2014 M27 (BUS) ALPHABETIC LISTING BY TYPE OF ACTIVE LICENSES",
            (),
            "February 2014 M27 (Bus) Alphabetic Listing by Type of Active Licenses",
        ),
        (
            "3-10/200.00 USE OF FIREARMS AND DEADLY FORCE",
            (),
            "3-10/200.00 Use of Firearms and Deadly Force",
        ),
        ("NOTICE OF Response TO FOIA Request", (), "Notice of Response to FOIA Request"),
        ("ICE AIR OPERATIONS", {"ICE"}, "ICE Air Operations"),
        ("ICE AIR OPERATIONS", (), "Ice Air Operations"),
        ("CPRA REQUEST R14-211", (), "CPRA Request R14-211"),
        ("RE: LPR query", (), "RE: LPR query"),
        ("PRECINCT RUN 12/3/2014 11:57:01 AM", (), "Precinct Run 12/3/2014 11:57:01 AM"),
    ],
)
def test_title_case(title, acronyms, expected):
    assert title_case(title, acronyms) == expected


@pytest.mark.parametrize(
    "line",
    [
        "All meetings will be accessible to handicapped individuals in compliance with",
        "***THIS REPORT MAY CONTAIN CONFIDENTIAL INFORMATION***",
        "1. Show this Purchaser Order Number on all invoices, packing slips, packages and related",
        "Add agreed upon charges to Invoice as a separate line item",
        "This section of the FEDERAL REGISTER",
    ],
)
def test_running_text_is_not_a_heading(line):
    assert is_sentence(line)


LETTER = """Los Angeles Department of Water & Power
October 20, 2014
Chris Keller
Southern California Public Radio
474 S. Raymond Avenue
Pasadena, California 91105
Dear Chris Keller:
Subject: California Public Records Act (CPRA) Request Seeking a Copy of the LADWP Field
Report From the July 29 Water Main Break in Westwood on Sunset Boulevard Near
Marymount High School (CPRA R14-211)
This letter in response to your CPRA request of October 8, 2014, seeking records from
the Los Angeles Department of Water and Power (LADWP) relating to the above subject."""


def test_a_letters_subject_line_wrapped_over_three_lines():
    assert title_of(LETTER, "Untitled") == (
        "California Public Records Act (CPRA) Request Seeking a Copy of the LADWP Field Report"
        " From the July 29 Water Main Break in Westwood on Sunset Boulevard Near Marymount High"
        " School (CPRA R14-211)"
    )


def test_a_re_line_beside_the_address_and_one_followed_by_the_body():
    doj = "U.S. Department of Justice\nMr. Russ Kick\nSomerville, MA 02144-2516 Re: DOJ-2018-001822 (OIP)\n47116-6042704@requests.muckrock.com VRB:VAV:JMS\nDear Mr. Kick:"  # noqa: E501
    assert title_of(doj) == "DOJ-2018-001822 (OIP)"
    sfpd = (
        "RE: Third Quarter of 2019 - Report in Compliance with Administrative Code 96A\n"
        "The attached reporting and supporting document are being submitted as required under"
    )
    assert title_of(sfpd, "Sample #2") == (
        "Third Quarter of 2019 - Report in Compliance with Administrative Code 96A"
    )


def test_a_letter_without_re_is_titled_by_its_reference_line_not_its_addressee():
    text = (
        "October 15, 2025\nSeth May\nSent via email - 191912-34975298@requests.muckrock.com\n"
        "PRR EPD-2025-3891\nMr. May,\nThe City is in receipt of your public records request for:"
        "\n1. Organization Audit in Flock."
    )
    assert title_of(text) == "PRR EPD-2025-3891"


def test_an_agenda_item_in_capitals():
    text = (
        "SAN FRANCISCO UNIFIED SCHOOL DISTRICT\nBOARD AGENDA BACKUP\n"
        "ITEM: RATIFICATION OF THE WARRANT REGISTER FOR WARRANTS\n"
        "ISSUED DECEMBER 1, 2025- DECEMBER 31, 2025 FOR SAN\nFRANCISCO UNIFIED SCHOOL DISTRICT\n"
        "PREPARED BY: CHRIS MOUNT-BENITES, DEPUTY SUPERINTENDENT"
    )
    assert title_of(text) == (
        "Ratification of the Warrant Register for Warrants Issued December 1, 2025- December 31,"
        " 2025 for San Francisco Unified School District"
    )


def test_a_printed_webmail_thread_is_titled_by_the_subject_above_its_message_count():
    text = (
        "M\nEugene Police Department - Police Department Records Request EPD-2025-4510: No\n"
        "Responsive Information\n1 message\n"
        "PR Admin (Eugene, OR)<EugeneOR@request.justfoia.com> Wed, Oct 29, 2025 at 12:51 PM\n"
        "RE: Request NumberRequest Number: EPD-2025-4510"
    )
    assert title_of(text) == (
        "Eugene Police Department - Police Department Records Request EPD-2025-4510: No"
        " Responsive Information"
    )


def test_an_emails_subject():
    text = "From: Tim Costin\nTo: Sarah Medary\nSubject: Grant award agreement\nPlease sign."
    assert title_of(text, "Document1", subject="RE: Grant award agreement") == (
        "RE: Grant award agreement"
    )


def test_a_report_heading_past_its_letterhead_with_its_period():
    text = (
        "3/22/2021\nADULT ARRESTS\nANTIOCH POLICE DEPARTMENT\n3/14/2021 - 3/20/2021 Print Date:\n"
        "3/14/2021\n2100546\nBROWN DAQUAN 3/14/21 8:15 3/14/21 8:48"
    )
    entities = [agency("Antioch Police Department", "ANTIOCH POLICE DEPARTMENT")]
    assert title_of(text, entities=entities) == "Adult Arrests, 3/14/2021 - 3/20/2021"
    crime_log = "Pg. 1\n Department of Campus Safety\nDaily Crime Log\nCalendar Year 2020\nNature"
    assert title_of(crime_log) == "Daily Crime Log, Calendar Year 2020"


def test_a_heading_in_capitals_over_two_lines_after_a_boilerplate_sentence():
    text = (
        "All meetings will be accessible to handicapped individuals in compliance with "
        "Executive Order #5 (1979) as well as\npertinent State and Federal laws.\n"
        "Thursday, December 3, 2020\n______________________________\n"
        "PUBLIC NOTICE OF SPECIAL MEETING OF THE CONDUIT FINANCING\n"
        "COMMITTEE MEMBERS OF THE ILLINOIS FINANCE AUTHORITY\n"
        "The Illinois Finance Authority (the “Authority”) will hold a special meeting."
    )
    assert title_of(text) == (
        "Public Notice of Special Meeting of the Conduit Financing Committee Members of the"
        " Illinois Finance Authority"
    )


def test_a_heading_that_names_a_record_beats_a_sidebar_and_its_number_follows_it():
    text = (
        "INSTRUCTIONS TO SUPPLIER\n1. Show this Purchaser Order Number on all invoices.\n"
        "Authorized Signature\nPurchase Order Page: 1 of 1\nProcurement"
    )
    assert title_of(text) == "Purchase Order"
    invoice = "Records Request\nInvoice #EPD-2025-4432-INV-1\nCreated: 10/07/2025\nTo\nSeth May"
    assert title_of(invoice, "Invoice EPD-2025-4432-INV-1.pdf") == (
        "Records Request Invoice #EPD-2025-4432-INV-1"
    )


def test_meaningful_pdf_titles_are_kept_and_others_passed_over():
    heading = "CITY OF MINNEAPOLIS\nOFFICE OF POLICE CONDUCT REVIEW\nCOMPLAINT INFORMATION"
    assert title_of(heading, "Citrus College Crime Log 2020") == "Citrus College Crime Log 2020"
    for junk in ("18-15517 Atkinson, Ryan", "Sample #2", "LPR", "10811.exe"):
        assert title_of(heading, junk) == "Complaint Information"


def test_a_subject_mentioned_in_running_text_is_no_subject_line():
    text = "Annual Audit Report\nWe discussed the subject: records retention, at length"
    assert title_of(text) == "Annual Audit Report"


def test_no_heading_is_looked_for_below_the_start_of_a_table():
    text = "Notice Date\n06/22/2015\n06/30/2015\n07/01/2015\nLayoff Permanent\nClosure Temporary"
    assert title_of(text, name="warn-report_2015") == "warn report 2015"


def test_a_pdf_title_is_judged_as_it_shows_and_kept_as_it_is():
    title = "Award\x01 notice\ufffe of\uffff the\x08 plate contract"
    assert title_of("Heading line", title) == title


def test_nothing_but_letterhead_and_names_falls_back_to_the_cleaned_file_name():
    text = "Law Offices\nDrinker Biddle & Reath LLP\nSeth May\nCITY OF CHICAGO"
    assert title_of(text, name="il-chicago-pd_foia14-5298_response-letter") == (
        "il chicago pd foia14 5298 response letter"
    )


CAPTION = """IN THE CIRCUIT COURT OF COOK COUNTY, ILLINOIS
COUNTY DEPARTMENT, CHANCERY DIVISION
JENNIFER HELSBY, )
)
Plaintiff, )
)
v. ) No. 2015-CH-16186
)
CHICAGO POLICE DEPARTMENT, )
)
Defendant. )
COMPLAINT
NOW COMES Plaintiff, JENNIFER HELSBY, by her undersigned attorneys, LOEVY & LOEVY"""


def test_a_court_filing_by_document_name_short_parties_and_number():
    entities = [agency("Chicago Police Department", "CHICAGO POLICE DEPARTMENT")]
    assert title_of(CAPTION, entities=entities) == (
        "Complaint, Helsby v. Chicago Police Department, No. 2015-CH-16186"
    )


def test_a_caption_names_an_agency_by_its_abbreviation():
    text = (
        "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n"
        "MEMORANDUM DECISION AND ORDER\nAMERICAN CIVIL LIBERTIES UNION, et al.,\nPlaintiffs,\n"
        "- against -\nUNITED STATES IMMIGRATION AND\nCUSTOMS ENFORCEMENT,\nDefendant.\n"
        "No. 19 Civ. 7058 (GBD) (JLC)"
    )
    ice = agency(
        "U.S. Immigration and Customs Enforcement",
        "UNITED STATES IMMIGRATION AND CUSTOMS ENFORCEMENT",
        abbreviation="ICE",
    )
    assert title_of(text, entities=[ice]) == (
        "Memorandum Decision and Order, American Civil Liberties Union v. ICE, No. 19 Civ. 7058"
    )


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("2017-12-27_Email_Award_LPR_data_service_contract", "2017 12 27 Email Award LPR data"
         " service contract"),
        ("doc_3f9a2b4c5d6e7f8091a2b3c4_scan", "doc scan"),
        ("FOIA_2510002336_response.pdf", "FOIA response"),
        ("LBPD_audit-log", "LBPD audit log"),
    ],
)  # fmt: skip
def test_clean_file_name(name, cleaned):
    assert clean_file_name(name) == cleaned


@requires_shared
@pytest.mark.parametrize(
    ("file", "title"),
    [
        (
            "sdny_aclu-irp-v-ice_19-cv-7058_govt-msj-memo_dkt31_2020-05-07.pdf",
            "Memorandum of Law in Support of Defendant’s Motion for Summary Judgment, American"
            " Civil Liberties Union Immigrants’ Rights Project v. ICE, No. 19 Civ. 7058",
        ),
        (
            "scotus_oral-argument-transcript_knowles-v-mirzayance_07-1315_2009-01-13_p1.pdf",
            "Knowles v. Mirzayance, No. 07-1315",
        ),
        (
            "il-chicago-pd_foia14-5298_response-letter-drinker-biddle_2014-12-08.pdf",
            "Notice of Response",
        ),
        (
            "dhs-ice_pia-039a_license-plate-reader-commercial-data-update_2017-12-27.pdf",
            "DHS/ICE/PIA-039(a) Acquisition and Use of License Plate Reader (LPR) Data from a"
            " Commercial Service",
        ),
    ],
)
def test_real_records(file, title):
    result = extract(REAL_CORPUS / file, options=Options(ocr="off"))
    assert isinstance(result, Extraction)
    assert result.title == title
