"""The date a record bears (issue 14): each case is a pattern read on a real released record
(tests/gold/real2.json's tune split and ../shared/real_corpus), shortened."""

from __future__ import annotations

import pytest

from indexer.entities.dates import find_dates
from indexer.entities.docdate import document_date
from indexer.models import Page


def dated(*texts: str, doc_type: str = "letter", scanned: bool = False) -> str | None:
    pages = [
        Page(number=n, text=text, image_only=scanned, ocr=scanned)
        for n, text in enumerate(texts, start=1)
    ]
    return document_date(doc_type, pages, None)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Signature Information :\n06-May-2021 13:38:09", ["2021-05-06"]),  # a system's stamp
        ("13-MAY-2021\n18-MAY-2021", ["2021-05-13", "2021-05-18"]),
        ("Approved for Release: 2019/07/30 C06408441", ["2019-07-30"]),
        ("Regular Meeting of _February 10, 2026", ["2026-02-10"]),  # a form's fill-in line
        ("Date Report Run : Tue, May-24-16", ["2016-05-24"]),  # a records system's stamp
        ("Dec-02-2016 22:30 WEST", ["2016-12-02"]),
        ("Date: 2021.05.06 14:23:11 -04'00'", ["2021-05-06"]),  # a digital signature's
        ("Release 2019.10.01.5", []),  # a version number
        ("Chicago, January 5,2019", ["2019-01-05"]),  # a comma as OCR reads it
        ("Dated this 5th day of March, 2019", ["2019-03-05"]),
        ("Exported 2025-10-06T12:00:00Z", ["2025-10-06"]),
        ("PRR EPD-2025-3891 and 93-730106-K", []),
        ("xMarch 2018", []),
    ],
)
def test_forms_of_dates(text, values):
    assert [d.value for d in find_dates(text)] == values


LETTERHEAD = "Los Angeles Department of Water & Power\nBARBARA E, MOSCHOS, Secretary\n"


def test_a_scanned_letter_is_dated_from_its_ocr_text():
    text = LETTERHEAD + "October 20, 2014\nChris Keller\nDear Chris Keller:"
    assert dated(text, scanned=True) == "2014-10-20"


def test_a_date_line_may_name_its_weekday():
    text = (
        "All meetings will be accessible to handicapped individuals in compliance with\n"
        "Executive Order #5 (1979) as well as pertinent State and Federal laws upon\n"
        "notification of anticipated attendance. Handicapped persons planning to attend\n"
        "any meeting should contact the Authority by calling (312) 651-1319.\n"
        "Thursday, December 3, 2020 \n"
        "PUBLIC NOTICE OF SPECIAL MEETING\n"
        "on Tuesday, December 8, 2020 at 9:00 a.m."
    )
    assert dated(text) == "2020-12-03"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a column header over its values: the n-th Date field takes the n-th date below
        (
            "Reporting Officer Division Organization Reviewed By\n"
            "Report Date Detective Assigned Reviewed Date\n"
            "6/5/2020 1:39:30 PM $D5181 - MCCARVEL, ROGER 06/11/2020 07:20:22",
            "2020-06-05",
        ),
        ("Purchase Order Date Revision\n2510002336 03-25-2025\nPayment Terms", "2025-03-25"),
        # the incident's date is not the complaint's
        (
            "COMPLAINT INFORMATION\n"
            "Case Number Precinct CCN Date of Incident Time Preference\n"
            "18-15517 18-278723 August 18, 2018 07:00 PM Police Investigation\n"
            "Location of Incident City/State/Zip Date of Complaint\n"
            "3523 E 42st Apt 2 Minneapolis, MN 55406 September 09, 2018",
            "2018-09-09",
        ),
        ("Records Request\nInvoice #EPD-2025-4432-INV-1\nCreated: 10/07/2025", "2025-10-07"),
        ("No. 21-1233\n__________\nARGUED: MAY 18, 2022\nDECIDED: JANUARY 26, 2023", "2023-01-26"),
        ("From: A\nSent: Tuesday, May 18, 2021 10:41 AM\nTo: B", "2021-05-18"),
    ],
)
def test_a_labelled_date_of_the_records_own(text, date):
    assert dated(text) == date


@pytest.mark.parametrize(
    "text",
    [
        # a death report is not dated by the detainee's birth, nor by the death it reports
        "Detainee Death Report: JONES, Anthony\n• Date of Birth: March 29, 1969\n"
        "• Date of Death: December 17, 2020\n• Age: 51",
        "Name:\nDOB:\n03/29/1969\nSex: M",
        # a log's rows under its "Date/time" column
        "LPR Query Audit\nDate/time Office User Plate\n2018-01-02 06:46 ERO San Diego 7RNB950\n"
        "2018-01-02 07:31 ERO Chicago 6VXP729\n2018-01-02 12:44 HSI San Francisco 6NJH482",
        # a list of dates, each on its own line
        "Applicant: BioNTech Manufacturing GmbH\n13-MAY-2021\n18-MAY-2021\n20-MAY-2021",
        # another paper's date, or a number
        "EUA/ OTHER/ Response to IR dated 31 MAR 2021\nIND Title : Human Coronavirus",
        "In re Smith\nCase No. 12-11-05\nORDER",
        # a template's revision, and a blank template
        "For ICE:\nDate:______\nSignature:______\n9 Revised 03/07/2025",
        "District Council ___ Notice and Agenda\nDate: ______ Time: ______",
    ],
)
def test_dates_the_record_does_not_bear(text):
    assert dated(text) is None


def test_a_print_stamp_and_a_printed_mail_header():
    report = (
        "1Page\n***THIS REPORT MAY CONTAIN CONFIDENTIAL INFORMATION***\n"
        "December 20, 2021 8:32 AM License Action Recommendation Documents for Submissions and "
        "FDA Communication\n***FOR OFFICIAL USE ONLY***\n13-MAY-2021\n18-MAY-2021"
    )
    assert dated(report) == "2021-12-20"
    mail = (
        "Eugene Police Department - Records Request EPD-2025-4510: No Responsive Information\n"
        "1 message\n"
        "PR Admin (Eugene, OR)<EugeneOR@request.justfoia.com> Wed, Oct 29, 2025 at 12:51 PM\n"
        "RE: Request Number: EPD-2025-4510\nSubmitted on: 10/05/2025"
    )
    assert dated(mail) == "2025-10-29"
    # a fax header is later than the letter it carries
    fax = "03/07/2019 10:32 FAX 202 514 1009 DOJ OIP\nU.S. Department of Justice\nMarch 5, 2019"
    assert dated(fax) == "2019-03-05"


def test_a_form_signed_on_a_later_page():
    first = "Review Slip\nSubmission : 09-APR-2021\n09-APR-2021\nResponse to IR dated 31 MAR 2021"
    second = "Review Slip\nSignature Information :\nSerial Number Signed Name\n06-May-2021 13:38:09"
    assert dated(first, second) == "2021-05-06"


def test_an_agreement_is_dated_by_its_last_signature():
    first = "MEMORANDUM OF UNDERSTANDING\nEffective Date: May 1, 2014\nThe parties agree:"
    last = (
        "IN WITNESS WHEREOF, the parties have signed this agreement.\n"
        "CITY OF LOS ANGELES\nBy: /s/ Jane Roe\nDate: 5/20/2014\n"
        "SOCRATA, INC.\nBy: /s/ John Doe\nDate: 5/13/2014"
    )
    assert dated(first, last) == "2014-05-20"
    # a sentence that says someone signed is no signature block
    told = "Any documents signed by Attorney General Jeff\nSessions since February 8th, 2017."
    assert dated("U.S. Department of Justice\nFebruary 1, 2018\nDear Mr. Kick:", told) == (
        "2018-02-01"
    )


def test_a_date_far_from_the_others_on_the_page_is_not_the_records():
    text = (
        "FINANCIAL DISCLOSURE REPORT\n0 Nomination. Date 10/17/1984\n0 Initial @ Annual\n"
        "3. Date of Report\n5/4/2004\n6. Reporting Period\n1/1/2003\nto\n12/31/2003"
    )
    assert dated(text) == "2004-05-04"
    # a letter is later than the records it answers for: its date is never refused for that
    letter = (
        "U.S. Department of Justice\nFebruary 1, 2018\nDear Mr. Kick:\nThis responds to your "
        "request for\nrecords of March 1995, June 1997 and May 1996."
    )
    assert dated(letter) == "2018-02-01"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Pg. 1\n Department of Campus Safety\nDaily Crime Log\nCalendar Year 2020", "2020"),
        ("Request Table Report 2025-06-01 to 2025-10-06\n[amount Paid Total)", "2025-10-06"),
        (
            "LPR Query Audit Report - FY2018\nSource: LEARN audit export.\n"
            "January 2, 2018 through September 30, 2018.",
            "FY2018",  # the record's own period, as it names it
        ),
    ],
)
def test_a_title_that_is_all_the_record_says(text, date):
    assert dated(text) == date


def test_a_sheets_update_date_on_its_last_page():
    sheet = "Directions:\nTotal Awarded Total Spent\n1 Detective $ 2,026.00"
    assert dated(sheet, "Administrative Costs $ 35,569.00\nForm updated: 3/28/25") == "2025-03-28"


def test_a_transcripts_line_numbers_are_not_words():
    text = (
        "15· · CONFIDENTIAL DEPOSITION OF CRYSTAL M. LONG\n"
        "16· · · · · · ·Monday, February 19, 2018\n· · · · · · · · · · · ·1:01 p.m."
    )
    assert dated(text) == "2018-02-19"


def test_an_ecf_stamp_at_the_foot_of_a_page():
    text = "Page 1\n" + "testimony\n" * 400 + "Case 8:17-cv-01955 Document 57-7 Filed 04/20/18"
    assert dated(text) == "2018-04-20"


# -- a date range and the undated documents it leaves out ------------------------------------


def _all_rows(client, **params) -> list[dict]:
    rows: list[dict] = []
    page = 1
    while True:
        data = client.get("/api/search", params={**params, "per_page": 100, "page": page}).json()
        rows += data["results"]
        if page >= data["pages"]:
            return rows
        page += 1


def test_a_date_range_says_how_many_undated_documents_it_left_out(client):
    rows = _all_rows(client)
    undated = [r for r in rows if not r["date"]]
    # a fiscal year runs from July of the year before to September of its year
    in_2018 = [r for r in rows if (r["date"] or "").startswith(("2018", "FY2018", "FY2019"))]
    assert undated and in_2018  # the sample release has both
    ranged = client.get("/api/search", params={"date_from": "2018-01-01", "date_to": "2018-12-31"})
    data = ranged.json()
    assert data["undated_excluded"] == len(undated)
    assert data["total"] == len(in_2018)
    page = client.get("/search", params={"date_from": "2018-01-01", "date_to": "2018-12-31"})
    assert f"{len(undated)} undated documents are not shown" in page.text
    assert client.get("/api/search").json()["undated_excluded"] == 0
    assert "undated document" not in client.get("/search").text


def test_the_count_of_undated_documents_follows_the_query_and_filters(client):
    rows = _all_rows(client, q="plate", doc_type="report")
    undated = sum(1 for r in rows if not r["date"])
    params = {"q": "plate", "doc_type": "report", "date_from": "2000-01-01"}
    assert client.get("/api/search", params=params).json()["undated_excluded"] == undated


def test_a_partial_date_is_within_a_range_that_holds_one_of_its_days():
    from types import SimpleNamespace

    from indexer.search.results import SearchRequest
    from indexer.search.selection import select

    dates = {1: "2020", 2: "2020-03", 3: "2020-03-15", 4: "2019-12-31", 5: None, 6: "FY2020"}
    table = SimpleNamespace(all=set(dates), dates=dates, union=lambda name, values: set())
    generation = SimpleNamespace(table=table)
    chosen = select(generation, None, SearchRequest(date_from="2020-03-10"))  # no end
    assert chosen.final == {1, 2, 3, 6}
    assert chosen.undated_excluded == 1
    chosen = select(generation, None, SearchRequest(date_from="2019-06-01", date_to="2020-02-01"))
    assert chosen.final == {1, 4, 6}  # FY2020 began in 2019
    chosen = select(generation, None, SearchRequest(date_from="2020-10-01"))
    assert chosen.final == {1}  # and ended in September 2020


def test_a_field_word_in_a_sentence_is_no_label():
    text = "OPINION\nPlaintiff filed this action on May 4, 2019, and the\ncourt was asked"
    assert dated(text) is None
    assert dated("3. Award/effective date 12/18/2017\n5. Solicitation") == "2017-12-18"


# -- the dates records of other agencies bear -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a print stamp: "generated", a report's run
        (
            "Library Weeding Log\nFrom: 8/1/2017 To: 6/30/2023\n6/12/2023 - Copies Removed: 2\n"
            "Report generated on 7/20/2023 at 2:59 PM Page: 5",
            "2023-07-20",
        ),
        (
            "For:1094N\nPage 1 SAN JOSE POLICE DEPT Date Report Run : Tue, May-24-16\n"
            "FIREARM SEARCH",
            "2016-05-24",
        ),
        # the end of the period a sheet covers, when it bears no other date
        (
            "List of Deaths in ICE Custody\nData from: 10/01/2003 to 06/05/2017\nALIEN NAME SEX",
            "2017-06-05",
        ),
        (
            "OFFENSES 13 14 15\nMurder 1 2 -50% 10\nWeek: # 16 Sunday 04/11/21 00:01 to "
            "Saturday 04/17/21 24:00",
            "2021-04-17",
        ),
        # a year a title names as a word
        ("2020\nANNUAL REPORT\nSpend time, and do the right thing.", "2020"),
        ("Herbert T. Jenkins\nAtlanta Police Academy\n2020 Use of Force Report", "2020"),
        ("2020 (2019, 2018, 2017)\nJeanne Clery Disclosure Act Report", "2020"),
        # a date right-aligned on a letterhead's line
        (
            "BUREAU OF ORGANIZED CRIME 11 June 2015\nGang Investigations Division\nTO: Chief",
            "2015-06-11",
        ),
        # a signature a system applied
        (
            "Filer's Information\nLucero, Carlos F\n/s/ Carlos F Lucero [electronically signed on "
            "05/15/2019 by Carlos F Lucero in JEFS]\nLand was purchased on January 1, 2013",
            "2019-05-15",
        ),
        (
            "Review of the protocol\nDigitally signed by Jane Doe\n"
            "Date: 2021.05.06 14:23:11 -04'00'",
            "2021-05-06",
        ),
        # a signature block in capitals, the parties' last signature
        (
            "INTERLOCAL AGREEMENT\nIN WITNESS WHEREOF, the parties have executed this Agreement.\n"
            "COUNTY OF KING By: /s/ A. Roe Date: 10/01/2019\n"
            "CITY OF KENT By: /s/ B. Doe Date: 10/15/2019",
            "2019-10-15",
        ),
        # words that date a record in a sentence
        ("Agent staffing statistics depict on-board personnel data as of 9/30/2017", "2017-09-30"),
        (
            "MEMORANDUM OF UNDERSTANDING\nBETWEEN THE CITY AND THE SCHOOL DISTRICT\n"
            "This MOU is effective April 1, 2016.",
            "2016-04-01",
        ),
        (
            "PROFESSIONAL SERVICES AGREEMENT\nThis Agreement is entered into as of July 1, 2018 by "
            "and between the City of Austin and Axon",
            "2018-07-01",
        ),
        (
            "Declaration of Jane Roe\nI declare under penalty of perjury.\n"
            "Executed on February 20, 2020.",
            "2020-02-20",
        ),
        # a cover's month; a day labelled below it is more precise
        (
            "Office of the Inspector General\nReview of the Gang Database\nDecember 2019\n"
            "EXECUTIVE SUMMARY",
            "2019-12",
        ),
        ("Survey of Sexual Victimization\nApril 2022\nPublished April 5, 2022", "2022-04-05"),
        # a meeting's date and hour on a line of their own
        (
            "NOTICE OF PUBLIC HEARING\nCITY OF FRESNO PLANNING COMMISSION\n"
            "Tuesday, October 20, 2020, 6:00 p.m.",
            "2020-10-20",
        ),
    ],
)
def test_dates_records_of_other_agencies_bear(text, date):
    assert dated(text) == date


@pytest.mark.parametrize(
    "text",
    [
        # a sentence that says when something is due, ending in a full stop
        "The following 2014 PREA Statistics were submitted online.\n"
        "This submission is required by September 1, 2015.\nSubstantiated: 0",
        # a log's first row, a date at its end, is no letterhead
        "ADULT ARRESTS\nDOE JOHN M W 35 3/14/21\nEyes: Hair: Height:",
        # a street number is no year, nor is a range of years one
        "2000 L Street NW\nWashington, DC 20036\nPolicy on travel",
        "DEPUTY INVOLVED SHOOTING STATISTICS\n2010 - 2015\nYEAR HIT NON-HIT",
        # a sentence that goes on onto a line that starts with "signed"
        "Request Data Table Report\n"
        + "Request details\n" * 8
        + "All agreements that your agency has\nsigned.\n7/27/2025 12:00 AM Alan Torres",
    ],
)
def test_more_dates_records_do_not_bear(text):
    assert dated(text) is None


def test_minutes_are_dated_by_their_meeting_not_by_a_revision():
    agenda = (
        "REVISED\n4/23/19\nCUYAHOGA COUNTY BOARD OF HEALTH\nAGENDA - April 24, 2019\n"
        "1. Call to Order.\n"
        "4. Approval of the Minutes of the Regular Board Meeting - March 27, 2019."
    )
    assert dated(agenda, doc_type="minutes") == "2019-04-24"
    assert dated(agenda, doc_type="report") == "2019-04-23"


def test_a_fiscal_year_stays_the_fiscal_year():
    assert dated("ERO Monthly Encounter Report\nFY2025 | NOVEMBER\nMonthly", doc_type="report") == (
        "FY2025"
    )


def test_a_logs_date_alone_above_its_rows_not_in_them():
    rows = "".join(f"20-00{n}\n01/{n}/2020\n08:15\nParking Lot B\nTheft\n" for n in range(12, 20))
    log = "Campus Safety\nDaily Crime and Fire Log\nCase # Date Reported Time Location Nature\n"
    assert dated(log + rows + "Printed 01/31/2020 16:00", doc_type="log") == "2020-01-31"
    assert dated(
        "3/22/2021\nADULT ARRESTS\nANTIOCH POLICE DEPARTMENT\n" + rows, doc_type="log"
    ) == ("2021-03-22")
