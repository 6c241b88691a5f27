"""City of Pasadena public-records response (invented)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from .common import email_doc, footer, letterhead, paras, plate
from .layout import Writer
from .model import Collection, Doc, Message
from .shared import jric_bulletin, vigilant_policy

CLERK = "Records Unit, {a:Pasadena Police Department}"
SGT = "Ruiz-Albright, Teresa <{e:tralbright@cityofpasadena.net}>"
ADMIN = "Okonjo, Felix <{e:fokonjo@cityofpasadena.net}>"
BCSC = "Harwell, Desmond <{e:dharwell.bcsc@ice.dhs.gov}>"

LETTER = [
    "{d:March 4, 2019}",
    "Sent via e-mail",
    "Re: California Public Records Act Request No. 19-0231",
    "Dear Requester:",
    (
        "The {a:City of Pasadena} has completed its search for records responsive to your request "
        "of {d:01/28/2019} for records concerning the {a:Pasadena Police Department}'s automated "
        "license plate reader (ALPR) program, including records showing which agencies have access "
        "to {a:Pasadena PD}'s ALPR data through the {v:Vigilant Solutions} LEARN system and any "
        "communications with {a:Immigration & Customs Enforcement}."
    ),
    (
        "Enclosed please find: (1) the LEARN Agency Sharing Report as of {d:December 31, 2018}; "
        "(2) the ALPR query audit log for calendar year 2018, limited to queries by users outside "
        "the Department; (3) e-mail correspondence regarding sharing with the {a:HSI Bulk Cash "
        "Smuggling Center}; (4) {v:Vigilant}'s data sharing policy; and (5) an information "
        "bulletin issued by the {a:Joint Regional Intelligence Center}."
    ),
    (
        "Portions of the audit log have been withheld. Plate numbers of vehicles associated with "
        "open investigations and the names of individual users are exempt under {x:Government Code "
        "section 6254(f)|Cal. Gov. Code § 6254(f)} (records of investigations) and {x:section "
        "6254(c)|Cal. Gov. Code § 6254(c)} (personnel matters). The Department has also determined "
        "under {x:section 6255|Cal. Gov. Code § 6255} that the public interest in withholding the "
        "vehicle images attached to individual detections clearly outweighs the public interest in "
        "disclosure, because the images reveal the movements of private persons who are not the "
        "subject of any investigation."
    ),
    (
        "The Department did not locate a written agreement with {a:U.S. Immigration and Customs "
        "Enforcement} for access to ALPR data. As the enclosed e-mails show, access for the "
        "{a:Bulk Cash Smuggling Center} was approved on {d:May 9, 2018} at the request of a "
        "Special Agent and was revoked on {d:January 17, 2019} after the Department's internal "
        "review."
    ),
    "This letter closes your request. If you have questions, please contact the Records Unit.",
    "Sincerely,",
    "Lt. Marisol Venn-Castillo",
    "Custodian of Records, {a:Pasadena Police Department}",
]


def letter() -> Doc:
    """Response letter."""

    def build(w: Writer) -> None:
        letterhead(
            w,
            [
                "{a:CITY OF PASADENA}",
                "{a:PASADENA POLICE DEPARTMENT}",
                "207 North Garfield Avenue, Pasadena, California 91101",
            ],
        )
        paras(w, LETTER, size=12, after=9)

    return Doc(
        "PPD_PRA_Response_19-0231.pdf",
        "Pasadena PD response to PRA request 19-0231",
        "Pasadena Police Department",
        "response_letter",
        "2019-03-04",
        build,
        options={"footer": footer()},
    )


PARTNERS = [
    ("{a:Los Angeles Police Department}", "CA0194200", "Individual", "03/14/2016"),
    ("{a:Long Beach Police Department}", "CA0191900", "Individual", "03/14/2016"),
    ("{a:Orange County Sheriff's Office}", "CA0300000", "Group - CA agencies", "06/02/2016"),
    ("{a:HSI Bulk Cash Smuggling Center}", "VTICE0900", "Individual", "05/09/2018"),
    ("{a:Joint Regional Intelligence Center}", "CA019JRIC", "Individual", "11/30/2016"),
    ("{a:San Diego Police Department}", "CA0371100", "Group - CA agencies", "06/02/2016"),
    ("{a:Sacramento Police Department}", "CA0340400", "Group - CA agencies", "06/02/2016"),
    (
        "{a:Northern California Regional Intelligence Center}",
        "CA038NCRC",
        "Group - CA agencies",
        "06/02/2016",
    ),
]
CITIES = [
    "Alhambra",
    "Arcadia",
    "Azusa",
    "Baldwin Park",
    "Burbank",
    "Claremont",
    "Covina",
    "Culver City",
    "Downey",
    "El Monte",
    "Gardena",
    "Glendale",
    "Glendora",
    "Hawthorne",
    "Inglewood",
    "Irvine",
    "La Verne",
    "Monrovia",
    "Montebello",
    "Monterey Park",
    "Pomona",
    "Redondo Beach",
    "San Gabriel",
    "San Marino",
    "Santa Monica",
    "Sierra Madre",
    "South Pasadena",
    "Torrance",
    "Upland",
    "West Covina",
    "Whittier",
    "Anaheim",
    "Fullerton",
    "Garden Grove",
    "Huntington Beach",
    "Newport Beach",
    "Orange",
    "Santa Ana",
    "Tustin",
    "Riverside",
    "Ontario",
    "Chino",
    "Corona",
    "Fontana",
    "Rialto",
    "Redlands",
]


def sharing_report() -> Doc:
    """LEARN sharing report (table)."""
    rng = random.Random(5)
    rows = [[name, ori, how, since, "Detections; Hot lists"] for name, ori, how, since in PARTNERS]
    for city in CITIES:
        how = rng.choice(["Individual", "Group - CA agencies", "Group - CA agencies"])
        since = f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.choice([16, 17, 18])}"
        rows.append(
            [
                f"{city} Police Department",
                f"CA0{rng.randint(100000, 999999)}",
                how,
                since,
                rng.choice(["Detections", "Detections; Hot lists"]),
            ]
        )

    def build(w: Writer) -> None:
        w.para("LEARN Agency Sharing Report", font="Helvetica-Bold", size=14, after=2)
        w.para(
            "Agency: {a:Pasadena Police Department} (CA0196500) | Run: {d:2018-12-31} 16:02 | "
            "Data shared: LEA detections, hot lists",
            font="Helvetica",
            size=9,
            after=10,
        )
        w.table(
            [
                ("Sharing partner", 0.36),
                ("ORI", 0.13),
                ("Access granted via", 0.2),
                ("Since", 0.11),
                ("Data", 0.2),
            ],
            rows,
            size=8.5,
        )
        w.para(
            f"Total sharing partners: {len(rows)}. Partners granted through group approval "
            "receive access automatically when they join the group.",
            size=10,
        )

    return Doc(
        "PPD_ALPR_Data_Sharing_Report_2018.pdf",
        "Pasadena PD LEARN Agency Sharing Report, December 2018",
        "Pasadena Police Department",
        "report",
        "2018-12-31",
        build,
        options={"footer": footer("LEARN Agency Sharing Report - Pasadena PD")},
    )


REASONS = [
    "Narcotics investigation",
    "Money laundering investigation",
    "Bulk cash case",
    "Stolen vehicle",
    "Investigation",
    "Locate witness",
    "Financial crimes",
    "Task force case",
    "Surveillance lead",
    "Criminal investigation",
]
AGENCIES = [
    ("HSI BCSC", 70),
    ("LAPD", 95),
    ("Glendale PD", 60),
    ("OCSO", 55),
    ("JRIC", 35),
    ("Burbank PD", 45),
    ("Arcadia PD", 40),
]


def audit_log() -> Doc:
    """Audit log of outside queries; the last pages are scanned."""
    rng = random.Random(7)
    start = datetime(2018, 1, 3, 8, 0)
    entries = []
    for agency, count in AGENCIES:
        for _ in range(count):
            when = start + timedelta(minutes=rng.randint(0, 362 * 24 * 60))
            entries.append((when, agency))
    entries.sort()
    rows = []
    for i, (when, agency) in enumerate(entries):
        user = f"[[§ 6254(c)|user{rng.randint(1000, 9999)}]]"
        reason = rng.choice(REASONS) if agency != "HSI BCSC" or i % 3 else "Bulk cash case"
        shown = plate(rng) if i % 5 else f"[[§ 6254(f)|{plate(rng)}]]"
        rows.append([when.strftime("%m/%d/%Y %H:%M"), agency, user, shown, reason])

    def build(w: Writer) -> None:
        w.para(
            "LEARN Query Audit - Queries of Pasadena PD data by sharing partners",
            font="Helvetica-Bold",
            size=12,
            after=2,
        )
        w.para(
            "Period {d:1/1/2018} to {d:12/31/2018}. Names of users withheld under {x:Gov. "
            "Code § 6254(c)}; some plates withheld under {x:§ 6254(f)|Cal. Gov. Code § "
            "6254(f)}.",
            font="Helvetica",
            size=9,
            after=8,
        )
        w.table(
            [
                ("Date/time", 0.19),
                ("Agency", 0.16),
                ("User", 0.16),
                ("Plate", 0.15),
                ("Reason", 0.34),
            ],
            rows,
            size=8,
        )
        w.para(
            f"{len(rows)} queries by sharing partners; {AGENCIES[0][1]} by the {{a:HSI Bulk "
            "Cash Smuggling Center}.",
            size=10,
        )

    return Doc(
        "PPD_ALPR_Audit_Log_2018.pdf",
        "Pasadena PD ALPR audit log 2018 (sharing partners)",
        "Pasadena Police Department",
        "log",
        None,
        build,
        options={"footer": footer("Pasadena PD - LEARN audit export")},
        scanned={4, 5, 6},
    )


def emails() -> list[Doc]:
    """E-mail correspondence about the Bulk Cash Smuggling Center."""
    request = Message(
        BCSC,
        "Wednesday, May 2, 2018 9:41 AM",
        [SGT],
        "LPR data sharing request - HSI Bulk Cash Smuggling Center",
        [
            "Sergeant Ruiz-Albright,",
            (
                "I am a Special Agent with the {a:HSI Bulk Cash Smuggling Center} in Williston, "
                "Vermont. The Center supports investigations nationwide into the movement of "
                "illicit proceeds, much of which moves by car along the I-5, I-10 and I-15 "
                "corridors. We use the {v:Vigilant} LEARN system and would like to request access "
                "to {a:Pasadena PD}'s license plate detections. I have sent the request through "
                "LEARN as well."
            ),
            (
                "Our users query LEARN only for criminal investigations and every query carries a "
                "case number. Happy to answer any questions or set up a call."
            ),
            "Respectfully,",
            "Desmond Harwell, Special Agent, {a:HSI} BCSC",
        ],
    )
    reply = Message(
        SGT,
        "Wednesday, May 9, 2018 2:17 PM",
        [BCSC],
        "RE: LPR data sharing request - HSI Bulk Cash Smuggling Center",
        [
            "Agent Harwell,",
            (
                "I have approved the request in LEARN this afternoon. Please make sure your users "
                "understand that our data may not be used for civil immigration enforcement. Our "
                "policy allows use for criminal investigations only, and we review partner queries "
                "every quarter."
            ),
            "Teresa Ruiz-Albright, Sergeant, Technology Section",
        ],
        cc=[ADMIN],
    )
    audit = Message(
        ADMIN,
        "Tuesday, January 15, 2019 11:05 AM",
        [SGT],
        "FW: ALPR sharing review - federal partners",
        [
            "Teresa,",
            (
                "Following the {a:JRIC} bulletin and the press coverage of {a:ICE}'s contract for "
                "LEARN access, I went through our partner list. The only federal partner is the "
                "{a:Bulk Cash Smuggling Center}, which we approved last May. They ran 70 queries "
                "in "
                '2018. Most carry a case number, but about a third just say "Bulk cash case" and I '
                "cannot tell from the log what the investigation was."
            ),
            (
                "Given the Chief's direction on SB 54 compliance, I recommend "
                "we revoke their access and ask them to send individual requests through our "
                "detectives instead. I can do it Thursday unless you object."
            ),
            "Felix",
        ],
    )
    return [
        email_doc(
            "2018-05-02_Email_LPR_data_sharing_request_HSI_BCSC.pdf",
            "Ruiz-Albright, Teresa",
            [request],
            "Pasadena Police Department",
        ),
        email_doc(
            "2018-05-09_Email_RE_LPR_data_sharing_request.pdf",
            "Ruiz-Albright, Teresa",
            [reply, request],
            "Pasadena Police Department",
        ),
        email_doc(
            "2019-01-15_Email_FW_ALPR_sharing_review.pdf",
            "Ruiz-Albright, Teresa",
            [audit],
            "Pasadena Police Department",
            scanned=True,
        ),
    ]


# How a records team documents its release: descriptions only (and a request number the
# letter carries), so nothing the tests compare with the truth changes.
CURATED = (
    "file,title,date,issuer,type,request,description\n"
    "PPD_PRA_Response_19-0231.pdf,,,,,19-0231,\"The Department's letter closing "
    "request 19-0231, on Pasadena PD's license plate reader program and its sharing"
    " with ICE: what was released, what was withheld under Gov. Code §§ 6254(c), "
    '6254(f) and 6255, and that no written agreement with ICE was found."\n'
    "PPD_ALPR_Audit_Log_2018.pdf,,,,,,\"Searches of Pasadena PD's license plate "
    "reader data by other agencies in 2018, released with request 19-0231. Users' "
    'names and some plates are withheld; pages 4 to 6 are scans."\n'
)


def collection() -> Collection:
    """The Pasadena release."""
    return Collection(
        "pasadena-pra-2019",
        [letter(), sharing_report(), audit_log(), vigilant_policy(), jric_bulletin(), *emails()],
        curated=CURATED,
    )
