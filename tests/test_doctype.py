"""Document types: the declared types and their labels, the form of the first page that tells
each type, and the sample release's types against the generator's truth."""

from __future__ import annotations

import json

import pytest

from indexer.entities import analyse, doctype
from indexer.entities._doclayout import measure
from tests.conftest import ROOT
from tests.entity_scoring import sample_pages

GOLD = ROOT / "tests" / "gold" / "real2.json"


def test_types_are_the_gold_types_each_with_a_label():
    gold = json.loads(GOLD.read_text())
    used = {d["doc_type"] for d in gold["documents"]}
    used |= {t for d in gold["documents"] for t in d.get("doc_type_also") or []}
    assert used == set(doctype.TYPES)
    assert doctype.TYPES["response_letter"] == "response letter"
    assert doctype.TYPES["court_filing"] == "court filing"
    assert all(label and label == label.lower() for label in doctype.TYPES.values())


LADWP = """Los Angeles Department of Water & Power
October 20, 2014
Chris Keller
Southern California Public Radio
Dear Chris Keller:
Subject: California Public Records Act (CPRA) Request Seeking a Copy of the Field Report
This letter in response to your CPRA request of October 8, 2014, seeking records.
LADWP has completed its search for records responsive to your request. No responsive
records were found."""

OIP = """U.S. Department of Justice
Office of Information Policy
Suite 11050
February 1, 2018
Re: DOJ-2018-001822 (OIP)
Dear Mr. Kick:
This responds to your Freedom of Information Act (FOIA) request dated and received in this
Office on January 3, 2018, for FOIA request logs covering 2017."""

FEE = """October 15, 2025
Seth May
Sent via email
PRR EPD-2025-3891
Mr. May,
The City is in receipt of your public records request for:
1. Organization Audit in Flock."""

CDE = """May 3, 2024
Matt Wayne, Ed.D., Superintendent
San Francisco County Office of Education
Dear Superintendent Wayne, Ed.D.:
Subject: 2023-24 Second Interim Reports
Pursuant to California Education Code sections 1240(l) and 42131(g), the California
Department of Education has reviewed the Second Interim Reports."""

REQUEST = """October 3, 2018
FOIA Officer
Dear FOIA Officer:
This letter constitutes a request under the Freedom of Information Act. We request all
records responsive to this request; please release all responsive records. Our request
is made on behalf of the ACLU Foundation."""

PORTAL = """Eugene Police Department - Police Department Records Request EPD-2025-4510: No
Responsive Information
1 message
RE: Request NumberRequest Number: EPD-2025-4510
Dear Jeff Salata,
The City of Eugene has reviewed your request and determined that there are no records
responsive to your request."""

EMAIL = """From: (CBER)
Sent: Tuesday, May 18, 2021 6:02 PM
To: Harkins Tull, Elisa <Elisa.HarkinsTull@pfizer.com>
Subject: STN 125742/0: IR RE datasets
Elisa, Neda and Carmel,
The BLA review committee has the below IR for you regarding datasets."""

RECORDS_EMAIL = """From: Public Records <records@example.gov>
Sent: Monday, March 4, 2019 9:12 AM
To: Requester
Subject: PRA 19-0231
The City has completed its search for records responsive to your request."""

MEMO = """Eugene Police Department
Finance and Administration
Memorandum
Date: 8/29/2024
To: Sarah Medary, City Manager
From: Tim Costin, Sr. Financial Analyst
Subject: 2023-2025 Oregon CJC Organized Retail Theft Grant Award agreement"""

TO_FROM_MEMO = """TO: Commander, Gang Investigations Division
FROM: Lieutenant, Technical Unit
SUBJECT: Request to purchase server
DATE: 15 June 2015"""

MOU = """MEMORANDUM OF UNDERSTANDING
This Data Sharing Memorandum of Understanding (hereinafter "MOU") is entered into by and
between Flock Group, Inc. and Eugene PD (each a "Party")."""

MOA = """MEMORANDUM OF AGREEMENT
This Memorandum of Agreement constitutes an agreement between U.S. Immigration and Customs
Enforcement and the Henry County Sheriff's Office."""

CONTRACT = """CONTRACT SUMMARY SHEET
TO: THE OFFICE OF THE CITY CLERK,
DATE: May 20, 2014
FORM MUST BE TYPEWRITTEN
CONTRACT NO."""

PURCHASE_ORDER = """INSTRUCTIONS TO SUPPLIER
Authorized Signature
Purchase Order Page: 1 of 1
Procurement
Finance/Purchasing"""

INVOICE = """Records Request
Invoice #EPD-2025-4432-INV-1
Created: 10/07/2025
Item Description Quantity Price Amount
RESEARCH FEE (PER HOUR) 1 $53.27 $53.27
The City is the custodian of a user list responsive to this request."""

POLICY = """Policy 1204 - Automated License Plate Readers 06-04-25 Page 1
Automated License Plate Readers
1204.1 PURPOSE AND SCOPE
Automated License Plate Reader (ALPR) technology provides automated detection of plates."""

GUIDE = """FOR OFFICIAL USE ONLY // LAW ENFORCEMENT SENSITIVE
LEARN for Federal Users
License Plate Recognition Training Guide for ICE Personnel
Version 2.1 - March 2018"""

ARREST_REPORT = """San Diego Police Dept
Arrest/Juvenile Contact Report
caseNo. 20028831
Special Studies: Related Cases:
Primary Charge: 241 (C) - PC - ASSAULT ON PEACE OFFICER"""

DISCLOSURE = """Report Required by the Ethics AO-10 FINANCIAL DISCLOSURE REPORT
1. Person Reporting (Last name, First name, Middle initial)
5. Report Type (check appropriate type)
IMPORTANT NOTES: The instructions accompanying this form must be followed."""

CHECKLIST = """Periodic Safety Report Review Checklist
Product Name
Manufacturer
Submission Type"""

CRIME_LOG = """Department of Campus Safety
Daily Crime Log
Calendar Year 2020
Case Number Date/Time Reported Date/Time Occurred General Location Disposition"""

ARRESTS = "3/22/2021\nADULT ARRESTS\nANTIOCH POLICE DEPARTMENT\n" + "\n".join(
    f"21005{n:02d}\nDOE JOHN 3/{14 + n // 3}/21 8:15 3/{14 + n // 3}/21 8:48\nEyes: Hair: Height:"
    for n in range(9)
)

AUDIT_REPORT = "LPR Query Audit Report - FY2018\nDate/time Office User Plate\n" + "\n".join(
    f"2018-01-{day:02d} 06:46 ERO San Diego (b)(6) 7RNB950 compliance" for day in range(2, 12)
)

LISTING = (
    "ALPHABETIC LISTING BY TYPE OF ACTIVE LICENSES\nLICENSE NUMBER TYPE DBA NAME\n"
    + "\n".join(
        f"6487{n} AAA AIRLINE {n} LLC 7100 TERMINAL DRIVE OKLAHOMA CITY OK 73159 2014/{12 - n}/03"
        for n in range(10)
    )
)

SHARING_LIST = "Agencies Sharing LPR Detections with ICE Accounts\n" + "\n".join(
    f"Police Department {n} CA {(n * 5) % 12 + 1:02d}/12/18 Group {n * 37}" for n in range(12)
)

PERB = """OAKLAND UNIFIED SCHOOL DISTRICT,
Charging Party,
v.
OAKLAND EDUCATION ASSOCIATION,
Respondent.
Case No. SF-CO-864-E
PERB Decision No. 2906"""

ECF = """Case 1:19-cv-07058-GBD Document 52 Filed 03/10/21 Page 1 of 15
MEMORANDUM DECISION AND ORDER"""

CITED_CASE = """Dear Mr. Helsby:
Re: Helsby v. Chicago Police Department, Case No. 2015 CH 16186
This letter concerns the schedule of the production."""

AGENDA = """City of Chicago
NOTICE AND AGENDA OF DISTRICT COUNCIL MEETING
Meeting Type: Regular Special Closed
1. Roll Call & Quorum Determination"""

NOTICE = """Thursday, December 3, 2020
PUBLIC NOTICE OF SPECIAL MEETING OF THE CONDUIT FINANCING
COMMITTEE MEMBERS OF THE ILLINOIS FINANCE AUTHORITY"""

ORDER_OF_BUSINESS = """BOARD OF HEALTH
Wednesday, April 24, 2019
1. Call to Order
2. Roll Call
3. Approval of Minutes"""

FLOWCHART = """OIS Protocol
Homicide conducts (initial) investigation
Shooting investigation is submitted to the Executive Force Review Committee (EFRC)
(EFRC determines whether the use of deadly force complied with Department policy)"""

BANNER = """***THIS REPORT MAY CONTAIN CONFIDENTIAL INFORMATION***
Report is based on unaudited CAD/RMS data at time of report generation."""

ABSTRACT = """A PROGRAM FOR PROVIDING
HIGH-RESOLUTION OBLIQUE PHOTOGRAPHY
ABSTRACT
The Office of Research and Development has demonstrated the ability of homing pigeons."""


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        (LADWP, "response_letter"),
        (OIP, "response_letter"),  # "Office of Information Policy" is letterhead, not a policy
        (FEE, "response_letter"),
        (PORTAL, "response_letter"),
        (RECORDS_EMAIL, "response_letter"),
        (CDE, "letter"),  # a letter with "Reports" in its subject answers no request
        (REQUEST, "letter"),  # a requester writes "this request", not "your request"
        (EMAIL, "email"),
        (MEMO, "memo"),
        (TO_FROM_MEMO, "memo"),
        (MOU, "agreement"),
        (MOA, "agreement"),
        (CONTRACT, "contract"),
        ("AWARD/CONTRACT\n1. THIS CONTRACT IS A RATED ORDER", "contract"),
        (PURCHASE_ORDER, "invoice"),
        (INVOICE, "invoice"),
        (POLICY, "policy"),
        (GUIDE, "manual"),
        (ARREST_REPORT, "report"),
        (DISCLOSURE, "form"),
        (CHECKLIST, "form"),
        (CRIME_LOG, "log"),
        (ARRESTS, "log"),
        (AUDIT_REPORT, "log"),  # a system's "report" of dated entries in order
        (LISTING, "table"),
        (SHARING_LIST, "table"),  # rows dated in no order
        (PERB, "court_filing"),
        (ECF, "court_filing"),
        (CITED_CASE, "letter"),  # citing a case is no caption
        (AGENDA, "minutes"),
        (NOTICE, "minutes"),
        (ORDER_OF_BUSINESS, "minutes"),
        (ABSTRACT, "report"),
        (FLOWCHART, "other"),  # "policy" in a sentence names no record
        (BANNER, "other"),  # nor does "report" in a warning
        ("", "other"),
    ],
)
def test_document_type_from_the_form_of_the_first_page(text, doc_type):
    assert doctype.classify(text) == doc_type


def test_dated_rows_in_order_are_a_log_and_out_of_order_a_table():
    rows = [f"0{m}/1{m}/2019 10:0{m} Folsom PD 4HNN60{m} Robbery" for m in range(1, 9)]
    assert measure("\n".join(rows).lower()).kind() == "log"
    assert measure("\n".join(reversed(rows)).lower()).kind() == "table"
    prose = "the city has completed its search for records and encloses them with this letter"
    assert measure("\n".join([prose] * 4 + rows[:3]).lower()).kind() is None


def test_the_sample_release_has_the_types_its_generator_declared(truth):
    wrong = []
    for file in truth["files"]:
        if file["duplicate_of"] or file["pages"][0]["scanned"]:
            continue  # a scan has no text until OCR, which this test leaves off
        found = analyse(sample_pages(file)).doc_type
        if found != file["doc_type"]:
            wrong.append((file["path"], file["doc_type"], found))
    assert wrong == []


# -- the forms records take beyond those of the gold's tune documents ------------------------

SPREAD_MEMO = """BUREAU OF ORGANIZED CRIME 11 June 2015
Gang Investigations Division
TO: Anthony J. Riccio
Chief
Bureau of Organized Crime
Attention: Maureen C. Biggane
Lieutenant
Bureau of Organized Crime
FROM: Christopher J. Kennedy
Commander
SUBJECT: Purchase of one database server"""

SCANNED_MAIL = """FOIA Request Page 1 of 1
Freddy [freddy@example.com]
Sent: Thursday, November 13, 2014 7:10 PM
To: FOIA
Cc: freddy@example.com
Greetings,
I am seeking, under the Illinois FOIA Act, documents relating to cell site simulators."""

MAIL_PROGRAM = """Jane Doe <jane.doe@state.gov>
To: John Roe
Subject: Meeting notes
Date: Wed, 3 Feb 2016 09:12:44 -0500
Thanks for the notes."""

ROUTING_FORM = """AGENCY INFORMATION
AGENCY: FBI
RECORD NUMBER: 124-10180-10295
RECORD SERIES: HQ
AGENCY FILE NUMBER: 105-93072
ORIGINATOR: FBI
FROM: LEGAT, PARIS
TO: DIRECTOR, FBI
TITLE:
DATE: 12/03/1963
PAGES: 5
SUBJECT: LIAISON WITH CIA"""

TWO_LINE_TITLE = """2020 (2019, 2018, 2017)
Jeanne Clery Disclosure of Campus Security Policy and
Campus Crime Statistics Act Report
This report has been prepared in accordance with the Clery Act."""

SPECKS = "~\na E\n=|\n2)\n.\n' ,\n" * 3  # what OCR reads in a scan's margin

NUMBER_THEN_TITLE = """Real Time Customer Service Satisfaction Survey for
Supportive Services for Veteran Families (SSVF) Program
Contract Number: VA268-15-C-0066
SSVF Participant Survey Data Results - Year End Report
Submitted to:"""

AFTER_THE_DATA = """CITY OF MINNEAPOLIS
OFFICE OF POLICE CONDUCT REVIEW
COMPLAINT INFORMATION
Case Number Precinct CCN Date of Incident Time Preference
18-15517 18-278723 August 18, 2018 07:00 PM Police Investigation
Sex
Privacy Policy
Race"""

PAREN_CAPTION = """IN THE CIRCUIT COURT OF COOK COUNTY, ILLINOIS
COUNTY DEPARTMENT, CHANCERY DIVISION
JENNIFER HELSBY, )
)
Plaintiff, )
v. )
CHICAGO POLICE DEPARTMENT, )
Defendant. )
COMPLAINT"""

HEARING = """NOTICE OF PUBLIC HEARING
CITY OF FRESNO PLANNING COMMISSION
Tuesday, October 20, 2020, 6:00 p.m."""

ORDER_OF_ITEMS = """Village of Oak Park
1. Pledge of Allegiance
2. Public Comment
3. Consent Calendar
4. Adjournment"""

BILLING = """Vigilant Solutions, LLC
Livermore, CA 94551
Invoice Number: INV-21-0331
Bill To: Anytown Police Department
Description Qty Unit Price Amount
LEARN subscription 1 $5,000.00 $5,000.00"""

SERVICES = """PROFESSIONAL SERVICES AGREEMENT
This Agreement is entered into as of July 1, 2018 by the City of Austin and Axon, Inc.
1. Compensation. City shall pay Contractor a fee not to exceed $250,000.
2. Payment. Contractor shall submit invoices monthly."""

INTERLOCAL = """INTERLOCAL AGREEMENT
between the County of King and the City of Kent
for the sharing of license plate reader data; no fee or payment is due under it."""

GENERAL_ORDER = """Anytown Police Department
Body-Worn Cameras
I. PURPOSE
This order establishes guidelines for the use of body-worn cameras.
II. POLICY
Officers shall activate their cameras on every call for service."""

MANUAL_SECTIONS = """LOS ANGELES COUNTY
SHERIFF'S DEPARTMENT
3-10/200.00 USE OF FIREARMS AND DEADLY FORCE
Department members shall use deadly force only when they reasonably believe it necessary.
3-10/210.00 USE OF FIREARMS ON ANIMALS
The shooting of animals that are not a threat is prohibited."""

CELLS = "List of Deaths in Custody\nNAME\nSEX\nDATE OF DEATH\nLOCATION\n" + "\n".join(
    f"DOE, JOHN {n}\nM\n{12 - n}/{n + 1}/2016\nHOUSTON"
    for n in range(12)  # the latest first
)

CAPITAL_ROWS = "DOCUMENT NO. DATE PAYEE NAME DESCRIPTION AMOUNT\n" + "\n".join(
    f"DHAW2019000{n} 0{n % 3 + 5}/0{n}/2019 CITIBANK TRAVEL CARD 03/04/2019 STAFF 920.68\n"
    f"AIRFARE FOR E JOHNSON KANSAS CITY TO WASHINGTON DC AND RETURN"
    for n in range(1, 9)
)

ENCLOSED = """OFFICE OF THE SHERIFF
March 5, 2018
Re: FOIA Request 18-0123
Dear Mr. Jones:
Enclosed please find the records responsive to the above-referenced request."""

APPEAL = """Office of Information Policy
August 22, 2017
Dear Requester:
You appealed from the action of the FBI. After carefully considering your appeal, I am
affirming the FBI's action."""


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        (SPREAD_MEMO, "memo"),  # a header's values wrap over several lines
        (SCANNED_MAIL, "email"),  # OCR lost the From label, not the Sent and To lines
        (MAIL_PROGRAM, "email"),  # the sender's line has no label; the mail an address
        (ROUTING_FORM, "form"),  # To and From among a form's many labelled fields
        (TWO_LINE_TITLE, "report"),  # a title that goes on in the next line
        (SPECKS + "DAILY CRIME LOG\nCase Number Date Reported", "log"),  # a scan's specks
        (NUMBER_THEN_TITLE, "report"),  # a contract's number labelled above the title
        ("Contract Number: 12-345\nCity of Anytown\nScope of services", "contract"),
        (AFTER_THE_DATA, "other"),  # a redaction label after the first row is no title
        (PAREN_CAPTION, "court_filing"),  # a caption ruled by ")"
        (HEARING, "minutes"),
        (ORDER_OF_ITEMS, "minutes"),  # two of a meeting's items
        ("Agency Annual Summary\nPublic comment was received on the draft plan.", "other"),
        (BILLING, "invoice"),  # an invoice's fields, no title
        (SERVICES, "contract"),  # an agreement to serve for a price
        (INTERLOCAL, "agreement"),  # a pact between public bodies
        (GENERAL_ORDER, "policy"),  # a purpose and a policy
        (MANUAL_SECTIONS, "manual"),  # sections of two numbered policies
        (CELLS, "table"),  # a grid read one cell a line, a date in each row
        (CAPITAL_ROWS, "table"),  # rows in capitals are no prose
        (ENCLOSED, "response_letter"),
        (APPEAL, "response_letter"),
        ("CITY OF OAKLAND\nPerformance Audit of the Police Department's Overtime", "report"),
        ("Monthly Crime Report May 2018\nPart I Offenses", "report"),  # "May" is no verb
        ("Survey of Sexual Victimization, 2021\nStatistical Tables\nNCJ 304125", "table"),
    ],
)
def test_the_forms_of_records_of_other_agencies(text, doc_type):
    assert doctype.classify(text) == doc_type
