"""City of Long Beach public-records response (invented)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from . import agencies
from .common import email_doc, footer, letterhead, memo_block, paras, plate, sent
from .layout import Writer
from .model import Collection, Doc, Message
from .shared import jric_bulletin, vigilant_policy

AUTHOR = "Long Beach Police Department"
PRA = "{x:Cal. Gov. Code § 6254(f)}"
LETTER = [
    "{d:June 28, 2019}",
    "RE: Public Records Act Request No. 19-0412",
    "Dear Requester:",
    (
        "The {a:City of Long Beach} responds to your California Public Records Act request "
        "received {d:April 29, 2019}, seeking records of the {a:Long Beach Police Department}'s "
        "automated license plate reader (ALPR) program, including the agencies with which {a:LBPD} "
        "shares ALPR data, audit records of queries by users outside the Department, and "
        "communications with {a:U.S. Immigration and Customs Enforcement} or {a:U.S. Customs and "
        "Border Protection}."
    ),
    (
        "Enclosed are the Department's ALPR query audit log for calendar year 2018 (queries by "
        "users of outside agencies and task forces), the LEARN sharing report as of {d:March 31, "
        "2019}, General Order 6.14 on ALPR, the staff report presented to the City Council on "
        "{d:June 18, 2019}, an internal memorandum concerning the sharing settings, related "
        "e-mails, and two documents from third parties."
    ),
    "Information has been withheld under " + PRA + ", which exempts records of investigations "
    "conducted by a local police agency, and {x:Government Code section 6254(k)|Cal. Gov. Code "
    "§ 6254(k)} in conjunction with state law protecting criminal offender record information. "
    "User names of individual officers are withheld under {x:§ 6254(c)|Cal. Gov. Code § "
    "6254(c)}. Under {x:§ 6255|Cal. Gov. Code § 6255}, the Department withheld vehicle images "
    "because the public interest served by withholding them clearly outweighs disclosure.",
    "The audit log shows that in 2018 a user assigned to a federal task force ran 278 queries "
    "through a Department account over a period of nine months, and that two officers of "
    "{a:CBP} ran a combined 578 queries. The Department has since disabled those accounts. The "
    "Department's review of these queries is ongoing and records of that review are exempt "
    "under " + PRA + " while it is pending.",
    "This concludes the City's response.",
    "Sincerely,",
    "Records Manager, {a:Long Beach Police Department}",
]

STAFF_REPORT = [
    "# RECOMMENDATION",
    (
        "Receive and file a report on the {a:Long Beach Police Department}'s use of automated "
        "license plate readers (ALPR) and the Department's data-sharing practices, and request the "
        "City Attorney to review the Department's ALPR policy for consistency with Senate Bill 54 "
        "and Civil Code section 1798.90.5 and following."
    ),
    "# DISCUSSION",
    (
        "{a:LBPD} has used ALPR cameras since 2009. The Department operates 33 fixed cameras and "
        "24 patrol-car systems that together capture roughly 3 million plate reads each month. "
        "Detections are uploaded to the {v:Vigilant Solutions} LEARN platform and retained for one "
        "year. Officers query the data to locate stolen vehicles, vehicles associated with "
        "violent crimes, and missing persons."
    ),
    (
        "On {d:March 12, 2018}, while a LEARN administrator was updating the Department's sharing "
        'partners, a setting called "group approval" was turned on. The setting grants access to '
        "every agency in a group automatically. As a result, {a:LBPD} data became visible to "
        "several hundred agencies, including federal agencies, without the Department deciding to "
        "share with them individually. The Department did not discover the change until it "
        "received a public records request in {d:April 2019}."
    ),
    (
        "The Department's audit of 2018 queries also found that a user assigned to a joint task "
        "force, later identified as a Special Agent of {a:Homeland Security Investigations}, used "
        "a Department account to run 278 plate searches over nine months, and that two officers of "
        "{a:U.S. Customs and Border Protection} ({a:CBP}) ran 578 searches between them. These "
        "accounts were issued to task force members and were not intended for federal personnel. "
        'The reasons recorded for many of these searches are generic, such as "investigation" or '
        '"locate".'
    ),
    (
        "The Department has taken the following steps: it turned off group approval on {d:April "
        "22, 2019}; it removed every federal agency from its sharing list; it disabled all task "
        "force accounts and will issue new accounts only to sworn {a:LBPD} personnel; and it now "
        "requires a case number for every query. The Chief of Police has ordered a monthly audit "
        "of queries by any user outside the Department."
    ),
    "# FISCAL IMPACT",
    (
        "There is no fiscal impact associated with this recommendation. The annual LEARN "
        "subscription of {m:$45,300} is budgeted in the Police Department's General Fund."
    ),
    "# SUGGESTED ACTION",
    "Approve recommendation.",
    "Respectfully submitted,",
    "Chief of Police",
    "Approved: City Manager",
]

GENERAL_ORDER = [
    "# 6.14.1 Purpose",
    (
        "This order establishes guidelines for the use of automated license plate reader (ALPR) "
        "technology and the data it collects, consistent with Civil Code sections 1798.90.5 "
        "through 1798.90.55."
    ),
    "# 6.14.2 Authorized uses",
    (
        "ALPR data may be used only for official law enforcement purposes: locating stolen, wanted "
        "or subject-of-investigation vehicles; locating missing or at-risk persons; and "
        "investigating crimes. ALPR data shall not be used for civil immigration enforcement or to "
        "monitor lawful activity protected by the First Amendment."
    ),
    "# 6.14.3 Queries",
    (
        "Users must enter a case or incident number and a specific reason for each query. Users "
        "shall not share their credentials. Accounts may be issued only to Department personnel "
        "and to task force members approved in writing by a Deputy Chief."
    ),
    "# 6.14.4 Sharing",
    (
        "ALPR data may be shared only with public agencies, upon written request describing the "
        "purpose, and with the approval of the Investigations Bureau Deputy Chief. Sharing with "
        "an agency must be granted individually. Group approvals are prohibited."
    ),
    "# 6.14.5 Retention",
    (
        "ALPR data is retained for one year unless it has become evidence in a criminal or civil "
        "action, in which case it is retained with the case file."
    ),
    "# 6.14.6 Audit",
    (
        "The ALPR administrator shall audit queries monthly and report to the Investigations "
        "Bureau Deputy Chief any query that appears to be unrelated to a legitimate purpose, and "
        "any query made by a user who is not a member of the Department."
    ),
]

MEMO = [
    (
        "1. This memorandum documents how the Department's LEARN sharing settings came to include "
        "group approval and what has been done to correct it."
    ),
    (
        "2. On {d:3/12/2018} the then-administrator added two agencies that had requested sharing. "
        "The administrator's screen shows a checkbox labelled \"Approve all agencies in this "
        'group" beside each request. It was checked for the request from a regional group, which '
        "added every agency in that group, including federal accounts of {a:ICE} and {a:CBP}, and "
        "any agency that joined the group later."
    ),
    (
        "3. From that date until {d:22 April 2019} the Department shared detections with 525 "
        "agencies, of which only 2 were granted individually. The remainder, including 3 federal "
        "accounts, were granted through the group."
    ),
    (
        "4. The task force accounts used by the {a:HSI} Special Agent and the two {a:CBP} officers "
        "are a separate problem. Those accounts are {a:LBPD} accounts, so their queries count as "
        "{a:LBPD} queries and would not have been visible in a review of sharing partners. They "
        "were found only by filtering the audit log for users with non-Department e-mail domains."
    ),
    (
        "5. Corrective actions are listed in the staff report. I recommend that the sharing report "
        "and the audit of outside users be reviewed monthly by someone other than the "
        "administrator."
    ),
]


def letter() -> Doc:
    """PRA response letter."""

    def build(w: Writer) -> None:
        letterhead(
            w,
            [
                "{a:CITY OF LONG BEACH}",
                "{a:LONG BEACH POLICE DEPARTMENT}",
                "400 West Broadway, Long Beach, CA 90802",
            ],
        )
        paras(w, LETTER, size=12, after=9)

    return Doc(
        "LBPD_PRA_Response_Letter_19-0412.pdf",
        "LBPD response to PRA request 19-0412",
        AUTHOR,
        "response_letter",
        "2019-06-28",
        build,
        options={"footer": footer()},
    )


def staff_report() -> Doc:
    """City Council staff report."""

    def build(w: Writer) -> None:
        letterhead(
            w,
            [
                "{a:CITY OF LONG BEACH}",
                "Police Department",
                "411 West Ocean Boulevard, Long Beach, CA 90802",
            ],
        )
        w.para("R-14", font="Times-Bold", size=14, align="right", after=6)
        for label, value in (
            ("Date:", "{d:June 18, 2019}"),
            ("To:", "Mayor and Members of the City Council"),
            ("From:", "City Manager"),
            ("Subject:", "Report on Automated License Plate Readers and Data Sharing (Citywide)"),
        ):
            w.kv(label, value, label_width=70, size=12, after=4)
        w.rule()
        paras(w, STAFF_REPORT, size=12, after=9)

    return Doc(
        "City_Council_Staff_Report_ALPR_2019-06-18.pdf",
        "Staff report: Automated License Plate Readers and Data Sharing",
        "City of Long Beach",
        "report",
        "2019-06-18",
        build,
        options={"footer": footer("City Council - June 18, 2019")},
        scanned=True,
    )


def general_order() -> Doc:
    """Department general order on ALPR."""

    def build(w: Writer) -> None:
        letterhead(
            w,
            [
                "{a:LONG BEACH POLICE DEPARTMENT}",
                "General Order 6.14 - Automated License Plate Readers",
                "Effective {d:2019-05-01}; supersedes {d:Jan. 4, 2016}",
            ],
        )
        paras(w, GENERAL_ORDER, size=12, after=9)

    return Doc(
        "LBPD_General_Order_6.14_ALPR.pdf",
        "General Order 6.14 - Automated License Plate Readers",
        AUTHOR,
        "policy",
        "2019-05-01",
        build,
        options={"footer": footer("LBPD Manual")},
        scanned=True,
    )


def group_memo() -> Doc:
    """Internal memo on the group approval setting."""

    def build(w: Writer) -> None:
        letterhead(w, ["{a:LONG BEACH POLICE DEPARTMENT}", "Investigations Bureau"])
        memo_block(
            w,
            "Deputy Chief, Investigations Bureau",
            "ALPR Administrator, Technology Section",
            "LEARN sharing settings (group approval)",
            "{d:May 3, 2019}",
        )
        paras(w, MEMO, size=12, after=9)

    return Doc(
        "LBPD_Internal_Memo_Group_Approval_Setting.pdf",
        "Memo: LEARN sharing settings (group approval)",
        AUTHOR,
        "memo",
        "2019-05-03",
        build,
        options={"footer": footer()},
    )


def audit_log() -> Doc:
    """Queries by outside users (task force accounts) in 2018."""
    rng = random.Random(278)
    users = [
        ("TF-HSI-01", 278, datetime(2018, 1, 8), 270),
        ("TF-CBP-01", 341, datetime(2018, 2, 1), 320),
        ("TF-CBP-02", 237, datetime(2018, 3, 5), 290),
    ]
    users += [
        (f"TF-LASD-{i:02d}", rng.randint(20, 60), datetime(2018, 1, 2), 360) for i in range(1, 4)
    ]
    entries = []
    for user, count, start, days in users:
        for _ in range(count):
            entries.append((start + timedelta(minutes=rng.randint(0, days * 1440)), user))
    entries.sort()
    reasons = [
        "investigation",
        "locate",
        "INV",
        "Locate subject",
        "task force",
        "follow up",
        "surveillance",
        "vehicle of interest",
        "case",
        "lead",
    ]
    rows = []
    for when, user in entries:
        hidden = f"[[§ 6254(c)|{user.lower().replace('-', '.')}@{rng.randint(10, 99)}]]"
        rows.append(
            [
                when.strftime("%m/%d/%y %H:%M"),
                user,
                hidden,
                plate(rng),
                rng.choice(reasons),
                rng.choice(["0", "1", "2", "3", "5", "12"]),
            ]
        )
    rows[17][4] = "=SUM(A1:A9)"

    def build(w: Writer) -> None:
        w.para(
            "{a:LBPD} LEARN Audit - Queries by task force accounts, 2018",
            font="Helvetica-Bold",
            size=12,
            after=2,
        )
        w.para(
            "Exported {d:4/26/2019}. Columns as exported from LEARN. User e-mail withheld "
            "under {x:§ 6254(c)|Cal. Gov. Code § 6254(c)}.",
            font="Helvetica",
            size=9,
            after=6,
        )
        w.table(
            [
                ("Date/time", 0.16),
                ("Account", 0.14),
                ("User e-mail", 0.2),
                ("Plate", 0.13),
                ("Reason", 0.25),
                ("Hits", 0.12),
            ],
            rows,
            size=7.5,
        )
        w.para(
            "Totals: TF-HSI-01 278 queries (Jan-Sep 2018); TF-CBP-01 and TF-CBP-02 578 "
            "queries combined.",
            size=10,
        )

    return Doc(
        "LBPD_ALPR_Audit_Log_2018.pdf",
        "LBPD ALPR audit log 2018 - task force accounts",
        AUTHOR,
        "log",
        None,
        build,
        options={"footer": footer("LBPD LEARN audit export"), "top": 54, "bottom": 64},
        scanned={18, 19},
    )


def camera_summary() -> Doc:
    """Monthly plate reads per camera in 2018."""
    rng = random.Random(57)
    streets = [
        "Atlantic Ave",
        "Long Beach Blvd",
        "Pacific Coast Hwy",
        "Ocean Blvd",
        "Anaheim St",
        "Cherry Ave",
        "Bellflower Blvd",
        "Lakewood Blvd",
        "Artesia Blvd",
        "Del Amo Blvd",
        "Carson St",
        "Willow St",
        "Spring St",
        "7th St",
        "Santa Fe Ave",
    ]
    cameras = [f"F{i:02d} {rng.choice(streets)} / {rng.choice(streets)}" for i in range(1, 34)]
    cameras += [f"M{i:02d} Patrol unit {rng.randint(100, 999)}" for i in range(1, 25)]
    rows = []
    for month in range(1, 13):
        label = f"{{d:{datetime(2018, month, 1):%B %Y}}}"
        for cam in cameras:
            reads = rng.randint(8000, 90000) if cam[0] == "F" else rng.randint(15000, 60000)
            rows.append([label, cam, f"{reads:,}", f"{rng.randint(0, 40)}", f"{reads // 9000}"])

    def build(w: Writer) -> None:
        w.para("{a:LBPD} ALPR plate reads by camera, 2018", font="Helvetica-Bold", size=12, after=2)
        w.para(
            "F = fixed camera, M = mobile (patrol car). Hits = hot-list alerts.",
            font="Helvetica",
            size=9,
            after=6,
        )
        w.table(
            [
                ("Month", 0.18),
                ("Camera", 0.42),
                ("Plate reads", 0.14),
                ("Hits", 0.1),
                ("Errors", 0.16),
            ],
            rows,
            size=8,
        )

    return Doc(
        "LBPD_ALPR_Camera_Read_Summary_2018.pdf",
        "LBPD ALPR plate reads by camera 2018",
        AUTHOR,
        "table",
        None,
        build,
        options={"footer": footer("LBPD ALPR statistics")},
    )


def sharing_report() -> Doc:
    """Sharing partners as of March 2019 (long table)."""
    rng = random.Random(1117)
    rows = [
        [
            "{a:U.S. Immigration and Customs Enforcement} - {a:ERO}",
            "Federal",
            "Group",
            "{d:03/12/2018}",
        ],
        ["{a:U.S. Customs and Border Protection}", "Federal", "Group", "{d:03/12/2018}"],
        [
            "{a:Homeland Security Investigations} - Los Angeles",
            "Federal",
            "Group",
            "{d:03/12/2018}",
        ],
        ["{a:Joint Regional Intelligence Center}", "CA", "Individual", "{d:08/01/2016}"],
        ["{a:Los Angeles Police Department}", "CA", "Individual", "{d:02/10/2015}"],
    ]
    for name in agencies.sample(520, 62):
        agency, state = name.rsplit(", ", 1)
        since = datetime(2018, 3, 12) + timedelta(days=rng.choice([0, 0, 0, rng.randint(1, 380)]))
        rows.append([agency, state, "Group", since.strftime("%m/%d/%Y")])

    def build(w: Writer) -> None:
        w.para(
            "LEARN Agency Sharing Report - {a:Long Beach Police Department}",
            font="Helvetica-Bold",
            size=12,
            after=2,
        )
        w.para(
            "As of {d:March 31, 2019}. 'Group' means access granted through a group approval.",
            font="Helvetica",
            size=9,
            after=6,
        )
        w.table(
            [("Agency", 0.55), ("State", 0.12), ("Approval", 0.15), ("Since", 0.18)], rows, size=8
        )

    return Doc(
        "LBPD_ALPR_Sharing_Report_2019-03-31.pdf",
        "LBPD LEARN Agency Sharing Report, March 2019",
        AUTHOR,
        "report",
        "2019-03-31",
        build,
        options={"footer": footer("LEARN Agency Sharing Report")},
    )


def emails() -> list[Doc]:
    """E-mails about the task force accounts and sharing."""
    admin = "Vasquez-Lund, Harriet <{e:harriet.vasquezlund@longbeach.gov}>"
    lt = "Prendergast, Owen <{e:owen.prendergast@longbeach.gov}>"
    cbp = "[[§ 6254(c)|Kettleman, Roy]] <[[§ 6254(c)|rkettleman.cbp]]@cbp.dhs.gov>"
    find = Message(
        admin,
        sent(2019, 4, 26, 16, 41),
        [lt],
        "Outside users in our LEARN audit",
        [
            "Lt. Prendergast,",
            (
                "While pulling the audit for the PRA request I filtered for accounts whose e-mail "
                "is not longbeach.gov. Three task force accounts stand out: one assigned to an "
                "{a:HSI} agent ran 278 queries from January to September 2018, and two assigned to "
                "{a:CBP} "
                'officers ran 578 between them. Most reasons just say "investigation" or '
                '"locate".'
            ),
            (
                "I also found that group approval has been on since {d:March 12, 2018}. I do not "
                "think anyone intended that. Should I turn it off now or wait for the Deputy Chief?"
            ),
            "Harriet",
        ],
    )
    reply = Message(
        lt,
        sent(2019, 4, 29, 8, 2),
        [admin],
        "RE: Outside users in our LEARN audit",
        [
            (
                "Turn off group approval today and disable the three task force accounts. Do not "
                "delete anything; we will need the logs. I will brief the Deputy Chief this "
                "morning."
            ),
        ],
        cc=["Deputy Chief, Investigations Bureau"],
    )
    fed = Message(
        cbp,
        sent(2019, 5, 2, 11, 19),
        [admin],
        "LEARN account disabled?",
        [
            (
                "Good morning, my LEARN account under {a:Long Beach PD} stopped working this week. "
                "Was this intentional? I use it for port cases with the task force."
            ),
        ],
    )
    fed_reply = Message(
        admin,
        sent(2019, 5, 2, 13, 7),
        [cbp],
        "RE: LEARN account disabled?",
        [
            (
                "Yes. Task force accounts have been disabled pending review. Federal partners "
                "should use their own agency's access. Please contact Lt. Prendergast with any "
                "questions."
            ),
        ],
        cc=[lt],
    )
    return [
        email_doc(
            "2019-04-29_Email_RE_Outside_users_in_LEARN_audit.pdf",
            "Vasquez-Lund, Harriet",
            [reply, find],
            AUTHOR,
        ),
        email_doc(
            "2019-05-02_Email_RE_LEARN_account_disabled.pdf",
            "Vasquez-Lund, Harriet",
            [fed_reply, fed],
            AUTHOR,
            scanned=True,
        ),
    ]


def collection() -> Collection:
    """The Long Beach release."""
    return Collection(
        "long-beach-pra-2019",
        [
            letter(),
            staff_report(),
            camera_summary(),
            general_order(),
            group_memo(),
            audit_log(),
            sharing_report(),
            vigilant_policy(),
            jric_bulletin(),
            *emails(),
        ],
    )
