"""City of Sacramento public-records response (invented)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from . import agencies
from .common import email_doc, footer, letterhead, memo_block, paras, plate, sent
from .layout import Writer
from .model import Collection, Doc, Message
from .shared import vigilant_policy

AUTHOR = "Sacramento Police Department"
LETTER = [
    "{d:February 14, 2020}",
    "Re: Public Records Act request R000817-011520",
    "Dear Requester:",
    (
        "The {a:City of Sacramento} has reviewed your request dated {d:01/15/2020} for records "
        "about the {a:Sacramento Police Department}'s sharing of automated license plate reader "
        "(ALPR) data, including the list of agencies with access to {a:SPD} data and any "
        "communications with {a:ICE}, {a:CBP} or the {a:Northern California Regional Intelligence "
        "Center}."
    ),
    (
        "Enclosed are the LEARN sharing report, the query audit log for the first two "
        "quarters of 2019, a memorandum from {a:NCRIC}, the Department's ALPR policy, e-mails, "
        "and {v:Vigilant Solutions}' data sharing policy. The sharing report lists 758 agencies. "
        "We also enclose a copy of the sharing report of the {a:San Diego Police Department} that "
        "was attached to one of the e-mails; it lists 644 agencies."
    ),
    (
        "Plate numbers associated with investigations have been redacted under {x:Cal. Gov. Code "
        "§ 6254(f)}. Personal e-mail addresses and the names of non-supervisory staff are "
        "redacted under {x:§ 6254(c)|Cal. Gov. Code § 6254(c)} and {x:§ 6255|Cal. Gov. Code § "
        "6255}."
    ),
    "Sincerely,",
    "Office of the City Clerk, Public Records Unit",
]
POLICY = [
    "# 430.1 Purpose and scope",
    (
        "This policy provides guidance for the capture, storage and use of digital data obtained "
        "through the use of automated license plate reader (ALPR) technology."
    ),
    "# 430.2 Administration",
    (
        "The ALPR program is administered by the Office of Investigations. The administrator "
        "approves sharing requests from other agencies and reviews the sharing report each "
        "quarter."
    ),
    "# 430.3 Operations",
    (
        "Department members shall not use ALPR data for any purpose other than a legitimate law "
        "enforcement purpose. Members shall not share ALPR data with any agency for the purpose of "
        "civil immigration enforcement, consistent with Government Code section 7284.6."
    ),
    "# 430.4 Data sharing",
    (
        "ALPR data may be shared with other law enforcement agencies that request it in writing "
        "and agree to use it in accordance with this policy. Sharing through regional groups "
        "requires the approval of the Chief of Police."
    ),
    "# 430.5 Retention and audit",
    (
        "ALPR data is retained for two years. The administrator shall audit a random sample of "
        "queries each quarter and report the results to the Chief of Police."
    ),
]
NCRIC = [
    (
        "1. The {a:Northern California Regional Intelligence Center} ({a:NCRIC}) hosts a regional "
        "ALPR sharing group for agencies in the Northern District of California and the Eastern "
        "District. Agencies that join the group share their detections with every other member."
    ),
    (
        "2. We have been asked by several member agencies whether federal agencies are members. "
        "As of {d:October 1, 2019}, the group includes federal task force accounts, including "
        "accounts assigned to {a:HSI}. No account assigned to {a:ERO} is a member of the group."
    ),
    (
        "3. Members that do not wish to share with federal task force accounts should manage their "
        "sharing individually rather than through the group. {a:NCRIC} cannot remove individual "
        "agencies from a member's sharing list."
    ),
    "4. Member agencies remain responsible for compliance with SB 54 and SB 34.",
]


def letter() -> Doc:
    """PRA response letter."""

    def build(w: Writer) -> None:
        letterhead(
            w,
            [
                "{a:CITY OF SACRAMENTO}",
                "Office of the City Clerk",
                "915 I Street, Sacramento, CA 95814",
            ],
        )
        paras(w, LETTER, size=12, after=9)

    return Doc(
        "SPD_PRA_Response_R000817-011520.pdf",
        "City of Sacramento response to PRA request R000817-011520",
        "City of Sacramento",
        "response_letter",
        "2020-02-14",
        build,
        options={"footer": footer()},
    )


def sharing_report(name: str, agency: str, count: int, seed: int, date: str) -> Doc:
    """A long LEARN sharing report."""
    rng = random.Random(seed)
    fixed = [
        ["{a:U.S. Immigration and Customs Enforcement}", "Federal", "Group"],
        ["{a:Northern California Regional Intelligence Center}", "CA", "Individual"],
        ["{a:San Diego Law Enforcement Coordination Center}", "CA", "Group"],
    ]
    rows = [
        [*r, f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/{rng.choice([2016, 2017, 2018])}"]
        for r in fixed
    ]
    for full in agencies.sample(count - len(fixed), seed):
        other, state = full.rsplit(", ", 1)
        since = datetime(2016, 1, 1) + timedelta(days=rng.randint(0, 1100))
        rows.append(
            [
                other,
                state,
                rng.choice(["Group", "Group", "Individual"]),
                f"{since.month}/{since.day}/{since.year}",
            ]
        )

    def build(w: Writer) -> None:
        w.para(f"LEARN Agency Sharing Report - {agency}", font="Helvetica-Bold", size=12, after=2)
        w.para(
            f"Report date {date}. Sharing partners: {len(rows)}.", font="Helvetica", size=9, after=6
        )
        w.table(
            [("Agency", 0.55), ("State", 0.12), ("Approval", 0.15), ("Since", 0.18)], rows, size=8
        )

    return Doc(
        name,
        f"LEARN Agency Sharing Report - {agency}",
        AUTHOR,
        "report",
        None,
        build,
        options={"footer": footer("LEARN Agency Sharing Report")},
    )


def audit_log(quarter: int, count: int, scanned: set[int]) -> Doc:
    """A quarter of the 2019 query audit log."""
    rng = random.Random(2019 + quarter)
    rows = []
    start = datetime(2019, 3 * quarter - 2, 1)
    for _ in range(count):
        when = start + timedelta(minutes=rng.randint(0, 89 * 1440))
        rows.append(
            (
                when,
                rng.choice(
                    [
                        "SPD",
                        "SPD",
                        "SPD",
                        "SSD",
                        "NCRIC",
                        "HSI SAC",
                        "CHP",
                        "Elk Grove PD",
                        "Folsom PD",
                    ]
                ),
            )
        )
    rows.sort()
    table = []
    for when, who in rows:
        shown = plate(rng) if rng.random() < 0.8 else f"[[§ 6254(f)|{plate(rng)}]]"
        table.append(
            [
                when.strftime("%d-%b-%Y %H:%M").upper(),
                who,
                shown,
                rng.choice(
                    [
                        "Stolen vehicle",
                        "Homicide",
                        "Robbery",
                        "Missing person",
                        "Narcotics",
                        "Task force",
                        "Burglary",
                        "Hit and run",
                    ]
                ),
            ]
        )

    def build(w: Writer) -> None:
        w.para(
            f"{{a:SPD}} ALPR query audit - Q{quarter} 2019", font="Helvetica-Bold", size=12, after=6
        )
        w.table(
            [("Date/time", 0.25), ("Agency", 0.2), ("Plate", 0.2), ("Reason", 0.35)],
            table,
            size=8.5,
        )

    return Doc(
        f"SPD_ALPR_Audit_Log_Q{quarter}_2019.pdf",
        f"SPD ALPR query audit log Q{quarter} 2019",
        AUTHOR,
        "log",
        None,
        build,
        options={"footer": footer("SPD - LEARN audit")},
        scanned=scanned,
    )


def policy() -> Doc:
    """Department ALPR policy."""

    def build(w: Writer) -> None:
        letterhead(
            w,
            [
                "{a:SACRAMENTO POLICE DEPARTMENT}",
                "Policy Manual - Section 430",
                "Automated License Plate Readers (ALPR)",
            ],
        )
        paras(w, POLICY, size=12, after=9)

    return Doc(
        "SPD_Policy_430_ALPR.pdf",
        "SPD Policy 430 - Automated License Plate Readers",
        AUTHOR,
        "policy",
        None,
        build,
        options={"footer": footer("SPD Policy Manual")},
        scanned=True,
    )


def ncric_memo() -> Doc:
    """Fusion-centre memo (scanned)."""

    def build(w: Writer) -> None:
        letterhead(
            w,
            [
                (
                    "{a:NORTHERN CALIFORNIA REGIONAL INTELLIGENCE CENTER|Northern "
                    "California Regional Intelligence Center}"
                ),
                "San Francisco, CA",
            ],
        )
        memo_block(
            w,
            "{a:NCRIC} ALPR sharing group members",
            "{a:NCRIC} Privacy Officer",
            "Federal accounts in the regional ALPR sharing group",
            "{d:October 7, 2019}",
        )
        paras(w, NCRIC, size=12, after=9)

    return Doc(
        "NCRIC_Memo_Federal_Accounts_ALPR_Group.pdf",
        "NCRIC memo: Federal accounts in the regional ALPR sharing group",
        "Northern California Regional Intelligence Center",
        "memo",
        "2019-10-07",
        build,
        options={"footer": footer()},
        scanned=True,
    )


def emails() -> list[Doc]:
    """E-mails."""
    admin = "Lindqvist, Paloma <{e:plindqvist@pd.cityofsacramento.org}>"
    capt = "Adeyemi-Cross, Jonah <{e:jadeyemicross@pd.cityofsacramento.org}>"
    sd = "[[§ 6254(c)|Whitlock, Bram]] <[[§ 6254(c)|bwhitlock]]@pd.sandiego.gov>"
    q = Message(
        capt,
        sent(2019, 10, 9, 10, 33),
        [admin],
        "ICE access to our ALPR data?",
        [
            (
                "Paloma, after the {a:NCRIC} memo I want to know exactly who can see our data. Is "
                "{a:ICE} on our sharing list, and if so, how did that happen? I thought we only "
                "shared through {a:NCRIC}."
            ),
        ],
    )
    a = Message(
        admin,
        sent(2019, 10, 9, 15, 58),
        [capt],
        "RE: ICE access to our ALPR data?",
        [
            (
                "Captain, we currently share with 758 agencies. Most come through the regional "
                "group. One entry is an {a:ICE} account that was added through a group approval in "
                "{d:January 2018}; I do not find any written request from {a:ICE}. I can remove it "
                "today, and I suggest we move to individual approvals only."
            ),
            (
                "For comparison, a contact at {a:SDPD} sent me their report last week. {a:San "
                "Diego PD} shares with 644 agencies, also mostly through groups, including the "
                "{a:SD-LECC}."
            ),
        ],
        cc=["SPD Office of Investigations"],
    )
    sdm = Message(
        sd,
        sent(2019, 10, 1, 9, 12),
        [admin],
        "Sharing report as discussed",
        [
            (
                "Hi Paloma, as discussed at the CALEA conference, here is our current LEARN "
                "sharing report. We have the same question about federal accounts in the groups. "
                "Let me know what you find on your end."
            ),
        ],
        attachments=["SDPD_LEARN_Sharing_Report_2019-09-30.pdf"],
    )
    return [
        email_doc(
            "2019-10-01_Email_Sharing_report_as_discussed.pdf", "Lindqvist, Paloma", [sdm], AUTHOR
        ),
        email_doc(
            "2019-10-09_Email_RE_ICE_access_to_our_ALPR_data.pdf",
            "Lindqvist, Paloma",
            [a, q],
            AUTHOR,
        ),
    ]


def collection() -> Collection:
    """The Sacramento release."""
    return Collection(
        "sacramento-pra-2020",
        [
            letter(),
            sharing_report(
                "SPD_LEARN_Sharing_Report_2019-10.pdf",
                "Sacramento Police Department",
                758,
                750,
                "10/08/2019",
            ),
            sharing_report(
                "SDPD_LEARN_Sharing_Report_2019-09-30.pdf",
                "San Diego Police Department",
                644,
                640,
                "9/30/2019",
            ),
            audit_log(1, 330, {2, 3, 4, 5, 6}),
            audit_log(2, 1800, set()),
            policy(),
            ncric_memo(),
            vigilant_policy(),
            *emails(),
        ],
    )
