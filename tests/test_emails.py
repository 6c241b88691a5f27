"""Printed email: each message of a thread in the layouts mail programs print (Outlook, Outlook
Web App, Gmail, Lotus Notes, quoted attributions), and the blocks that only look like one."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from indexer.entities.emails import Message, find_messages, sent_time
from indexer.extract import Options, extract
from indexer.models import Extraction

from .conftest import REAL_CORPUS, SAMPLE_DOCS, SHARED, requires_shared

REAL_CORPUS_2 = SHARED / "real_corpus_2" / "pdfs"


def read(text: str, *more: str) -> list[tuple[str, str | None, str]]:
    pages = [(number, page) for number, page in enumerate((text, *more), start=1)]
    return [(m.sender, m.sent, m.subject) for m in find_messages(pages)]


OUTLOOK = """Smith, Jane
From: Doe, John <john.doe@ice.dhs.gov>
Sent: Tuesday, March 20, 2018 10:14 AM
To: Smith, Jane <jane.smith@ice.dhs.gov>; Roe, Rick
<rick.roe@ice.dhs.gov>
Cc: ERO-Programs
Subject: RE: LPR pilot
Attachments: pilot.pdf
Jane, see below.
-----Original Message-----
From: Smith, Jane [mailto:jane.smith@ice.dhs.gov]
Sent: Monday, March 19, 2018 4:05 PM
To: Doe, John
Subject: LPR pilot
Where are we on the pilot?"""


def test_outlook_messages_and_their_original_message():
    first, second = find_messages([(3, OUTLOOK)])
    assert first.as_dict() == {
        "from": "Doe, John <john.doe@ice.dhs.gov>",
        "sent": "2018-03-20T10:14",
        "to": ["Smith, Jane <jane.smith@ice.dhs.gov>", "Roe, Rick <rick.roe@ice.dhs.gov>"],
        "cc": ["ERO-Programs"],
        "subject": "RE: LPR pilot",
        "page": 3,
    }
    assert (second.sender, second.sent, second.subject, second.to) == (
        "Smith, Jane <jane.smith@ice.dhs.gov>",
        "2018-03-19T16:05",
        "LPR pilot",
        ["Doe, John"],
    )


def test_the_one_paragraph_header_a_reply_quotes():
    text = (
        "Thanks, will do.\nFrom: John Smith [mailto:js@x.gov] Sent: Monday, March 02, 2020"
        " 4:05 PM To: Jane Roe Subject: RE: budget\nPlease send the numbers."
    )
    assert read(text) == [("John Smith <js@x.gov>", "2020-03-02T16:05", "RE: budget")]


def test_an_outlook_header_read_by_ocr_with_specks_and_a_lost_label():
    text = """- Vas quez-Lund Harriet
. From: . ‘Vasquez-Lund, Harriet <harriet.vasquezlund@longbeach.gov>
Sent: Thursday, May 2,20191:07PM >
To. ENN <EEXEIICNNN © cbp.chs.gov>
Cc: '. Prendergast, Owen <owen.prendergast@longbeach.gov>*
Subject: . : RE: LEARN account disabled?
Yes. Task force accounts have been disabled pending review.
_ From: EERE cb. dhs.gov>
: Sent: Thursday, May 2, 2019 11:19 AM .
* Tor ** . Vasquez-Lund, Harriet
Subject: | LEARN account, disabled?"""
    first, second = find_messages([(1, text)])
    assert (first.sender, first.sent, first.subject, first.cc) == (
        "Vasquez-Lund, Harriet <harriet.vasquezlund@longbeach.gov>",
        "2019-05-02T13:07",
        "RE: LEARN account disabled?",
        ["Prendergast, Owen <owen.prendergast@longbeach.gov>"],
    )
    assert (second.sent, second.subject) == ("2019-05-02T11:19", "LEARN account, disabled?")


def test_forwarded_blocks_with_date_lines():
    text = """From: Ana Garcia <agarcia@x.gov>
Sent: Wednesday, March 4, 2020 8:00 AM
To: Pat Lee <plee@x.gov>
Subject: FW: Quote
FYI
---------- Forwarded message ---------
From: Sales <sales@vendor.com>
Date: Tue, Mar 3, 2020 at 10:14 AM
Subject: Quote
To: Ana Garcia <agarcia@x.gov>
Begin forwarded message:

From: Bob <bob@vendor.com>
Subject: Quote draft
Date: March 2, 2020
To: Sales <sales@vendor.com>"""
    assert read(text) == [
        ("Ana Garcia <agarcia@x.gov>", "2020-03-04T08:00", "FW: Quote"),
        ("Sales <sales@vendor.com>", "2020-03-03T10:14", "Quote"),
        ("Bob <bob@vendor.com>", "2020-03-02", "Quote draft"),
    ]


GMAIL = """Gmail Jeff Salata <jsalata@gmail.com>
Re: Camera locations for the
Flock pilot
3 messages
Jeff Salata <jsalata@gmail.com> Tue, Mar 3, 2020 at 10:14 AM
To: records@ci.eugene.or.us
Cc: Pat Lee <plee@example.org>, Records Desk <desk@example.org>
Please send the list of camera locations.
Records Office <records@ci.eugene.or.us>
Wed, Mar 4, 2020 at 9:02 AM
To: Jeff Salata <jsalata@gmail.com>
We have received your request.
[Quoted text hidden]"""


def test_a_gmail_thread_each_message_with_the_threads_subject():
    subject = "Re: Camera locations for the Flock pilot"
    page2 = """Jeff Salata <jsalata@gmail.com> Wed, Mar 4, 2020 at 11:30 PM
To: Records Office <records@ci.eugene.or.us>
Thank you."""
    messages = list(find_messages([(1, GMAIL), (2, page2)]))
    assert [(m.page, m.sender, m.sent, m.subject) for m in messages] == [
        (1, "Jeff Salata <jsalata@gmail.com>", "2020-03-03T10:14", subject),
        (1, "Records Office <records@ci.eugene.or.us>", "2020-03-04T09:02", subject),
        (2, "Jeff Salata <jsalata@gmail.com>", "2020-03-04T23:30", subject),
    ]
    assert messages[0].to == ["records@ci.eugene.or.us"]
    assert messages[0].cc == ["Pat Lee <plee@example.org>", "Records Desk <desk@example.org>"]


def test_a_gmail_message_whose_recipients_were_boxed_out():
    text = """M
Police Department Records Request EPD-2025-4510: No
Responsive Information
1 message
PR Admin (Eugene, OR)<EugeneOR@request.justfoia.com> Wed, Oct 29, 2025 at 12:51 PM
RE: Request Number: EPD-2025-4510"""
    assert read(text) == [
        (
            "PR Admin (Eugene, OR) <EugeneOR@request.justfoia.com>",
            "2025-10-29T12:51",
            "Police Department Records Request EPD-2025-4510: No Responsive Information",
        )
    ]


def test_outlook_web_app_prints():
    older = """FOIA Request HailStorm Page 1 of 1
FOIA Request HailStorm
Freddy [freddymartinez9@gmail.com]
Sent: Thursday, November 13, 2014 7:10 PM
To: FOIA
Cc: freddymartinez9@gmail.com
Greetings,"""
    newer = """RE: Body camera policy
Garcia, Ana <agarcia@cityofx.gov>
Mon 3/2/2020 4:05 PM
To: Lee, Pat <plee@cityofx.gov>; Chief's Office <chief@cityofx.gov>
Pat, attached is the draft."""
    assert read(older) == [
        ("Freddy <freddymartinez9@gmail.com>", "2014-11-13T19:10", "FOIA Request HailStorm")
    ]
    assert read(newer) == [
        ("Garcia, Ana <agarcia@cityofx.gov>", "2020-03-02T16:05", "RE: Body camera policy")
    ]
    without_address = "RE: Overtime\nGarcia, Ana\nTue 3/3/2020 9:15 AM\nTo: Lee, Pat\nPat,"
    assert read(without_address) == [("Garcia, Ana", "2020-03-03T09:15", "RE: Overtime")]
    (message,) = find_messages([(1, newer)])
    assert message.to == ["Lee, Pat <plee@cityofx.gov>", "Chief's Office <chief@cityofx.gov>"]


def test_lotus_notes_headers_with_bare_labels():
    stacked = """John Smith/OPS/ICE/DHS
03/14/2011 10:22 AM
To
Jane Doe/OPS/ICE/DHS@DHS
cc
Bob Jones/OPS/ICE/DHS@DHS
bcc
Subject
Re: Detainer form
Jane, the form is attached."""
    (message,) = find_messages([(1, stacked)])
    assert (message.sender, message.sent, message.subject) == (
        "John Smith/OPS/ICE/DHS",
        "2011-03-14T10:22",
        "Re: Detainer form",
    )
    assert (message.to, message.cc) == (["Jane Doe/OPS/ICE/DHS@DHS"], ["Bob Jones/OPS/ICE/DHS@DHS"])


def test_lotus_notes_sender_over_its_organisation():
    text = "John Smith\nOPS/ICE/DHS\n03/14/2011 10:22 AM\nTo\nJane Doe\ncc\nSubject\nForm"
    assert read(text) == [("John Smith/OPS/ICE/DHS", "2011-03-14T10:22", "Form")]


def test_lotus_notes_labels_beside_the_sender_and_its_reply_line():
    text = """Mary Brown/REGION5/USEPA/US To Tom White/REGION5/USEPA/US@EPA
06/02/2009 03:15 PM cc
bcc
SubjectSite visit schedule
Tom, the visit is on Tuesday.
Tom White---06/01/2009 09:40:12 AM---Mary, when is the visit?"""
    assert read(text) == [
        ("Mary Brown/REGION5/USEPA/US", "2009-06-02T15:15", "Site visit schedule"),
        ("Tom White", "2009-06-01T09:40", "Site visit schedule"),
    ]


def test_quoted_attributions_take_the_subject_of_the_message_quoting_them():
    text = """From: Martinez, Maria P.
Sent: Friday, August 30, 2013 11:08 AM
Subject: Re: Afu computers
Sent from my iPhone
On Aug 30, 2013, at 11:07 AM, "Lewin, Jonathan H." <Jonathan.Lewin
@chicagopolice.org> wrote:
No idea.
On Mon, Mar 2, 2020 at 4:05 PM John Smith <js@x.gov> wrote:
> quoted
On 3/2/2020 4:05 PM, Jane Roe wrote:
text
On Monday, March 2, 2020, Pat Lee <plee@x.gov> wrote:
On Aug 30, 2013, at 8:59 AM, "Martinez, Maria P." <Maria.Martinez@chicagopolice.org>
wrote:"""
    assert read(text) == [
        ("Martinez, Maria P.", "2013-08-30T11:08", "Re: Afu computers"),
        (
            "Lewin, Jonathan H. <Jonathan.Lewin@chicagopolice.org>",
            "2013-08-30T11:07",
            "Re: Afu computers",
        ),
        ("John Smith <js@x.gov>", "2020-03-02T16:05", "Re: Afu computers"),
        ("Jane Roe", "2020-03-02T16:05", "Re: Afu computers"),
        ("Pat Lee <plee@x.gov>", "2020-03-02", "Re: Afu computers"),
        (
            "Martinez, Maria P. <Maria.Martinez@chicagopolice.org>",
            "2013-08-30T08:59",
            "Re: Afu computers",
        ),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a memo's header block, with or without a heading
        "Eugene Police Department\nMemorandum\nDate: 8/29/2024\nTo: Sarah Medary, City Manager\n"
        "From: Tim Costin, Sr. Financial Analyst\nCC: Jacob Burke, Investigations Captain\n"
        "Subject: Grant award agreement\nPlease find attached.",
        "MEMORANDUM FOR: Field Office Directors\nFROM: Executive Associate Director\n"
        "SUBJECT: LPR access\nDATE: January 12, 2018",
        "TO: All Sworn Personnel\nFROM: Chief of Police\nDATE: March 3, 2020 10:00 AM\n"
        "SUBJECT: Body cameras",
        # a letter
        "From the desk of John Smith\nMarch 3, 2020 10:00 AM\nTo whom it may concern:\n"
        "I write to request records.",
        # form fields
        "Reporting period\nFrom: 01/01/2020 10:00 To: 12/31/2020 11:00\n"
        "Date: 03/14/2011 10:22 AM\nFrom: ________\nTo: ________",
        # a signature over a sentence with a time in it, a log's rows
        "Sincerely,\nJohn Smith <js@x.gov>\nMeeting at 10:30 AM on March 3, 2020 in room 4.",
        "Theft from vehicle\n03/14/2011 10:22\nBurglary\n03/14/2011 11:40\nTo be continued",
        # a report's author over its time, and a To line
        "Incident report\nOfficer John Smith\n03/14/2011 10:22\nTo: Sgt Brown\nRe: theft",
        # prose that quotes someone
        "On March 2, 2020, the Department wrote: the records are exempt.",
    ],
)
def test_what_only_looks_like_an_email_is_not_one(text):
    assert read(text) == []


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("Tuesday, March 20, 2018 10:14 AM", "2018-03-20T10:14"),
        ("Tue, Mar 3, 2020 at 12:05 AM", "2020-03-03T00:05"),
        ("Mon, 2 Mar 2020 16:05:12 -0500", "2020-03-02T16:05"),
        ("03/14/2011 10:22 PM", "2011-03-14T22:22"),
        ("March 2, 2020", "2020-03-02"),
        ("(b)(6)", None),
    ],
)
def test_sent_times_are_iso(value, iso):
    assert sent_time(value) == iso


def test_every_email_of_the_sample_release_is_read_as_its_generator_wrote_it(truth):
    checked = 0
    for file in truth["files"]:
        result = extract(SAMPLE_DOCS / file["path"], options=Options(ocr="off"))
        assert isinstance(result, Extraction)
        if all(page.image_only for page in result.pages):
            continue  # a scan: its text comes from OCR, not checked here
        messages = find_messages([(page.number, page.text) for page in result.pages])
        got = [{k: v for k, v in m.as_dict().items() if k != "page"} for m in messages]
        assert got == file["emails"], file["path"]
        checked += bool(got)
    assert checked >= 10


def _draw(path: Path, rows: list[list[tuple[float, str]]]) -> None:
    """One page whose rows hold strings at x positions (a date printed at a line's right)."""
    drawing = canvas.Canvas(str(path), pagesize=(612, 792))
    for row, items in enumerate(rows):
        for x, text in items:
            drawing.drawString(x, 740 - 14 * row, text)
    drawing.showPage()
    drawing.save()


def test_a_printed_gmail_thread_is_an_email_dated_and_titled_by_it(tmp_path):
    path = tmp_path / "thread.pdf"
    _draw(
        path,
        [
            [(60, "Gmail"), (380, "Jeff Salata <jsalata@gmail.com>")],
            [(60, "Camera locations for the Flock pilot")],
            [(60, "2 messages")],
            [(60, "Jeff Salata <jsalata@gmail.com>"), (400, "Tue, Mar 3, 2020 at 10:14 AM")],
            [(60, "To: records@ci.eugene.or.us")],
            [(60, "Please send the list of camera locations.")],
            [
                (60, "Records Office <records@ci.eugene.or.us>"),
                (400, "Wed, Mar 4, 2020 at 9:02 AM"),
            ],
            [(60, "To: Jeff Salata <jsalata@gmail.com>")],
            [(60, "We have received your request.")],
        ],
    )
    result = extract(path, options=Options(ocr="off"))
    assert isinstance(result, Extraction)
    assert (result.doc_type, result.date, result.title) == (
        "email",
        "2020-03-03",
        "Camera locations for the Flock pilot",
    )
    emails = [e for e in result.entities if e.kind == "email"]
    assert sorted(e.attrs["from"] for e in emails) == [
        "Jeff Salata <jsalata@gmail.com>",
        "Records Office <records@ci.eugene.or.us>",
    ]


def test_a_lotus_notes_print_with_its_labels_in_a_column(tmp_path):
    path = tmp_path / "notes.pdf"
    _draw(
        path,
        [
            [(60, "John Smith/OPS/ICE/DHS"), (300, "To"), (340, "Jane Doe/OPS/ICE/DHS@DHS")],
            [(60, "03/14/2011 10:22 AM"), (300, "cc"), (340, "Bob Jones/OPS/ICE/DHS@DHS")],
            [(300, "bcc")],
            [(300, "Subject"), (340, "Re: Detainer form")],
            [(60, "Jane, the form is attached.")],
        ],
    )
    result = extract(path, options=Options(ocr="off"))
    assert isinstance(result, Extraction)
    assert (result.doc_type, result.date, result.title) == (
        "email",
        "2011-03-14",
        "Re: Detainer form",
    )


def _text_pages(path: Path) -> list[tuple[int, str]]:
    result = extract(path, options=Options(ocr="off"))
    assert isinstance(result, Extraction)
    return [(page.number, page.text) for page in result.pages]


@requires_shared
def test_a_gmail_print_filed_as_a_complaints_exhibit():
    path = (
        REAL_CORPUS
        / "il-cook-county-circuit-court_helsby-v-chicago-pd_foia-complaint_2015-11-03.pdf"
    )
    messages = list(find_messages(_text_pages(path)))
    assert [(m.page, m.sender, m.sent, m.subject, m.to) for m in messages] == [
        (
            5,
            "Jen Helsby <jen.helsby@gmail.com>",
            "2015-09-14T00:59",
            "1505 Fund Check Expenditures information",
            ["foia@chicagopolice.org"],
        )
    ]


@requires_shared
def test_a_real_outlook_print_with_wrapped_recipients():
    path = (
        REAL_CORPUS_2 / "us-fda-cber_email-information-request-datasets-bla-125742_2021-05-18.pdf"
    )
    (message,) = find_messages(_text_pages(path))
    assert (message.sent, message.subject) == ("2021-05-18T18:02", "STN 125742/0: IR RE datasets")
    assert message.to == [
        "Harkins Tull, Elisa <Elisa.HarkinsTull@pfizer.com>",
        "Aghajani Memar, Neda <Neda.AghajaniMemar@pfizer.com>",
        "Devlin, Carmel M <Carmel.Devlin@pfizer.com>",
    ]


def test_messages_keep_their_place_on_the_page():
    messages: list[Message] = list(find_messages([(1, OUTLOOK)]))
    assert [m.line for m in messages] == [1, 10]
