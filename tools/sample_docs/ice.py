"""ICE FOIA production 2019 (invented): contract, policy, guide, logs, memos, e-mails."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from . import ice_text as t
from .common import ICE_B6, banner, email_doc, footer, letterhead, memo_block, paras, plate, sent
from .layout import Writer
from .model import Collection, Doc

AUTHOR = "U.S. Immigration and Customs Enforcement"
FOUO = "FOR OFFICIAL USE ONLY // LAW ENFORCEMENT SENSITIVE"
PIID = "{c:70CMSD18C00000003}"
DHS_HEAD = [
    "{a:U.S. DEPARTMENT OF HOMELAND SECURITY}",
    "{a:U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT}",
    "Washington, DC 20536",
]


def redacted(name: str) -> str:
    """A person's name withheld under (b)(6) and (b)(7)(C)."""
    return f"[[{ICE_B6}|{name}]]"


def response_letter() -> Doc:
    """Final response letter of the FOIA office."""

    def build(w: Writer) -> None:
        letterhead(
            w,
            [
                "{a:U.S. DEPARTMENT OF HOMELAND SECURITY}",
                "Freedom of Information Act Office",
                "500 12th Street SW, Stop 5009, Washington, DC 20536-5009",
            ],
        )
        paras(w, t.RESPONSE_LETTER, size=12, after=9)

    return Doc(
        "ICE_FOIA_Final_Response_2019-ICFO-10471.pdf",
        "Final response to FOIA request 2019-ICFO-10471",
        AUTHOR,
        "response_letter",
        "2019-05-31",
        build,
        options={"footer": footer()},
    )


def contract() -> Doc:
    """Award document, schedule, statement of work and clauses."""

    def build(w: Writer) -> None:
        w.para("AWARD/CONTRACT", font="Helvetica-Bold", size=14, align="center", after=2)
        w.para(
            "SOLICITATION/CONTRACT/ORDER FOR COMMERCIAL ITEMS",
            font="Helvetica",
            size=9,
            align="center",
            after=8,
        )
        w.table([("Block", 0.3), ("Entry", 0.7)], t.AWARD_BLOCKS, size=9)
        w.table(
            [("CLIN", 0.1), ("Description", 0.45), ("Period", 0.25), ("Amount", 0.2)],
            t.CLINS,
            size=9,
            title="SCHEDULE OF SUPPLIES/SERVICES",
        )
        w.new_page()
        w.para("STATEMENT OF WORK", font="Times-Bold", size=14, align="center", after=2)
        w.para(
            "Commercial License Plate Reader Data Service",
            font="Times-Bold",
            size=12,
            align="center",
            after=10,
        )
        paras(w, t.SOW, size=12, after=9)
        w.new_page()
        w.para("SECTION I - CONTRACT CLAUSES", font="Times-Bold", size=13, after=8)
        paras(w, t.CLAUSES, size=10.5, after=6)

    return Doc(
        "ICE_LPR_Contract_70CMSD18C00000003.pdf",
        "Contract 70CMSD18C00000003 - Commercial LPR Data Service",
        AUTHOR,
        "contract",
        "2017-12-18",
        build,
        options={"footer": footer("Contract 70CMSD18C00000003", True), "header": banner(FOUO)},
    )


def modification(number: str, date_line: str, iso: str, body: list[str], scanned: bool) -> Doc:
    """A contract modification (SF-30 style)."""
    mod = f"{{mod:{number}|70CMSD18C00000003}}"

    def build(w: Writer) -> None:
        w.para(
            "AMENDMENT OF SOLICITATION/MODIFICATION OF CONTRACT",
            font="Helvetica-Bold",
            size=13,
            align="center",
            after=8,
        )
        w.table(
            [("Block", 0.35), ("Entry", 0.65)],
            [
                ["2. Amendment/Modification No.", mod],
                ["3. Effective date", date_line],
                ["6. Issued by", "{a:ICE} Office of Acquisition Management, Dallas TX"],
                ["7. Administered by", "Same as block 6"],
                ["8. Contractor", "{v:Thomson Reuters Special Services} LLC, McLean VA"],
                ["10A. Modification of contract no.", PIID],
                ["10B. Dated", "{d:12/18/2017}"],
                [
                    "13. This modification is issued pursuant to",
                    "FAR 52.217-9, Option to Extend the Term of the Contract",
                ],
            ],
            size=9,
        )
        paras(w, body, size=12, after=9)
        w.space(20)
        w.kv("Contracting Officer:", redacted("Bernadette Quill-Sorensen"), label_width=120)
        w.kv("Contractor signatory:", "[[(b)(6)|Lawrence Petrakis]]", label_width=120)

    return Doc(
        f"ICE_LPR_Contract_70CMSD18C00000003_Mod_{number}.pdf",
        f"Modification {number} to contract 70CMSD18C00000003",
        AUTHOR,
        "contract",
        iso,
        build,
        options={"footer": footer(f"70CMSD18C00000003 {number}")},
        scanned=scanned,
    )


def bridge_closeout() -> Doc:
    """Closeout memo for the legacy contract (scanned)."""

    def build(w: Writer) -> None:
        letterhead(w, DHS_HEAD)
        memo_block(
            w,
            "File, contract {c:HSCEMD-17-C-00012}",
            "Contracting Officer, Office of Acquisition Management",
            "Contract closeout - LPR data service (bridge)",
            "{d:Feb. 6, 2018}",
        )
        paras(w, t.CLOSEOUT, size=12, after=9)
        w.kv("Signed:", redacted("Orla Mbeki-Thorne"), label_width=60)

    return Doc(
        "ICE_LPR_Contract_HSCEMD-17-C-00012_Closeout.pdf",
        "Closeout of contract HSCEMD-17-C-00012",
        AUTHOR,
        "memo",
        "2018-02-06",
        build,
        options={"footer": footer()},
        scanned=True,
    )


def pia() -> Doc:
    """Privacy impact assessment update."""

    def build(w: Writer) -> None:
        w.para(
            "Privacy Impact Assessment Update", font="Times-Bold", size=18, align="center", after=4
        )
        w.para("for the", size=12, align="center", after=4)
        w.para(
            "Acquisition and Use of License Plate Reader (LPR) Data from a Commercial Service",
            font="Times-Bold",
            size=14,
            align="center",
            after=6,
        )
        w.para("{a:DHS/ICE}/PIA-039(a)", size=12, align="center", after=4)
        w.para("{d:December 27, 2017}", size=12, align="center", after=30)
        paras(w, t.PIA_CONTACTS, size=11, align="center", after=4)
        w.new_page()
        for i, section in enumerate(t.PIA_SECTIONS):
            if i in (3, 6):
                w.new_page()
            paras(w, section, size=12, after=9)

    return Doc(
        "DHS_ICE_PIA-039a_LPR_Data_Update_2017.pdf",
        "Privacy Impact Assessment Update: "
        "Acquisition and Use of LPR Data from a Commercial Service",
        AUTHOR,
        "policy",
        "2017-12-27",
        build,
        options={"footer": footer("Privacy Impact Assessment - DHS/ICE/PIA-039(a)")},
    )


def user_guide() -> Doc:
    """The long LEARN training guide for ICE users."""

    def build(w: Writer) -> None:
        w.space(120)
        w.para("LEARN for Federal Users", font="Helvetica-Bold", size=26, align="center", after=8)
        w.para(
            "License Plate Recognition Training Guide for {a:ICE} Personnel",
            font="Helvetica",
            size=15,
            align="center",
            after=8,
        )
        w.para("Version 2.1 - {d:March 2018}", font="Helvetica", size=12, align="center", after=40)
        w.para(
            "Prepared by {v:Thomson Reuters Special Services} ({v:TRSS}) with {v:Vigilant "
            "Solutions} under contract {c:70CMSD-18-C-00000003|70CMSD18C00000003}",
            font="Helvetica",
            size=11,
            align="center",
            after=4,
        )
        w.para(
            "Not for distribution outside {a:DHS}",
            font="Helvetica-Oblique",
            size=10,
            align="center",
        )
        for chapter in t.GUIDE:
            w.new_page()
            paras(w, chapter, size=12, after=9)

    return Doc(
        "LEARN_User_Guide_ICE_v2.1.pdf",
        "LEARN for Federal Users - LPR Training Guide v2.1",
        "Thomson Reuters Special Services",
        "manual",
        "2018-03",
        build,
        options={
            "footer": footer("LEARN Training Guide v2.1 - For official use only"),
            "header": banner(FOUO),
        },
    )


def memo_ero() -> Doc:
    """ERO policy memo."""

    def build(w: Writer) -> None:
        letterhead(w, DHS_HEAD)
        memo_block(
            w,
            "Field Office Directors, {a:Enforcement and Removal Operations}",
            redacted("Calloway Hendrickx") + ", Executive Associate Director, {a:ERO}",
            "Access to Commercial License Plate Reader Data",
            "{d:January 12, 2018}",
        )
        paras(w, t.ERO_MEMO, size=12, after=9)

    return Doc(
        "ERO_Memo_LPR_Access_Procedures_2018-01-12.pdf",
        "ERO memo: Access to Commercial License Plate Reader Data",
        AUTHOR,
        "memo",
        "2018-01-12",
        build,
        options={"footer": footer(FOUO), "header": banner(FOUO)},
    )


def memo_hsi() -> Doc:
    """HSI guidance memo, scanned, one page upside down."""

    def build(w: Writer) -> None:
        letterhead(
            w,
            [
                "{a:U.S. DEPARTMENT OF HOMELAND SECURITY}",
                "{a:HOMELAND SECURITY INVESTIGATIONS}",
                "Office of the Executive Associate Director",
            ],
        )
        memo_block(
            w,
            "All {a:HSI} Special Agents in Charge",
            redacted("Priya Vandermolen") + ", Deputy Executive Associate Director",
            "Guidance on queries of license plate reader data held by state and local agencies",
            "{d:20 April 2018}",
        )
        paras(w, t.HSI_MEMO, size=12, after=9)

    return Doc(
        "HSI_Memo_LPR_Query_Guidance_2018-04-20.pdf",
        "HSI memo: Guidance on queries of LPR data held by state and local agencies",
        AUTHOR,
        "memo",
        "2018-04-20",
        build,
        options={"footer": footer()},
        scanned=True,
        rotations={1: 180},
    )


ERO_OFFICES = [
    "ERO Los Angeles",
    "ERO San Francisco",
    "ERO San Diego",
    "ERO Phoenix",
    "ERO Houston",
    "ERO Chicago",
    "ERO New York",
    "ERO Atlanta",
    "ERO Seattle",
]
HSI_OFFICES = [
    "HSI Los Angeles",
    "HSI San Diego",
    "HSI San Francisco",
    "HSI Newark",
    "HSI BCSC Williston",
]


def query_audit(fy: int, start: datetime, days: int, count: int, scanned: set[int]) -> Doc:
    """A fiscal-year query audit extract (table over many pages)."""
    rng = random.Random(fy)
    end = start + timedelta(days=days)
    rows = []
    for _ in range(count):
        when = start + timedelta(minutes=rng.randint(0, days * 24 * 60 - 1))
        office = rng.choice(ERO_OFFICES * 3 + HSI_OFFICES)
        reason = rng.choice(t.ERO_REASONS if office.startswith("ERO") else t.HSI_REASONS)
        rows.append((when, office, reason))
    rows.sort()
    table = []
    for when, office, reason in rows:
        user = f"[[(b)(6);(b)(7)(C)|{office.split()[1][:3].lower()}{rng.randint(100, 999)}]]"
        case = f"[[(b)(7)(E)|{rng.choice('ABCDEFGH')}{rng.randint(1000000, 9999999)}]]"
        table.append([when.strftime("%Y-%m-%d %H:%M"), office, user, plate(rng), case, reason])
    table[40][5] = '=HYPERLINK("http://example.invalid/lpr")'

    def build(w: Writer) -> None:
        w.para(f"LPR Query Audit Report - {{d:FY{fy}}}", font="Helvetica-Bold", size=13, after=2)
        w.para(
            "Source: LEARN audit export provided by {v:TRSS} under {c:70CMSD18C00000003}. "
            f"Queries by {{a:ERO}} and {{a:HSI}} users, {{d:{start:%B} {start.day}, "
            f"{start.year}}} through {{d:{end:%B} {end.day}, {end.year}}}. User IDs and case "
            "numbers redacted.",
            font="Helvetica",
            size=9,
            after=8,
        )
        w.table(
            [
                ("Date/time", 0.17),
                ("Office", 0.18),
                ("User", 0.15),
                ("Plate", 0.11),
                ("Case no.", 0.13),
                ("Stated reason", 0.26),
            ],
            table,
            size=7.5,
        )
        w.para(f"Total queries in this extract: {len(table)}.", size=10)

    return Doc(
        f"ICE_LPR_Query_Audit_Report_FY{fy}.pdf",
        f"LPR Query Audit Report FY{fy} <ERO & HSI extract>",
        AUTHOR,
        "log",
        f"FY{fy}",
        build,
        options={"footer": footer(FOUO), "top": 54, "bottom": 64},
        scanned=scanned,
    )


def sharing_list() -> Doc:
    """Landscape list of local agencies sharing with ICE; page 2 scanned sideways."""
    rng = random.Random(80)
    rows = [list(r) for r in t.SHARING_FIXED]
    for city in t.SHARING_CITIES:
        since = datetime(2018, 1, 1) + timedelta(days=rng.randint(0, 500))
        rows.append(
            [
                city,
                rng.choice(["CA", "CA", "CA", "TX", "AZ", "GA", "IL", "NY", "WA"]),
                since.strftime("%m/%d/%y"),
                rng.choice(["Individual", "Group"]),
                str(rng.randint(0, 900)),
            ]
        )

    def build(w: Writer) -> None:
        w.para(
            "Agencies Sharing LPR Detections with {a:ICE} Accounts in LEARN",
            font="Helvetica-Bold",
            size=13,
            after=2,
        )
        w.para(
            "Compiled by the {a:ERO} Targeting Operations Division from the LEARN sharing "
            "report, {d:2019-02-28}. Queries = ICE queries of the agency's data since sharing "
            "began.",
            font="Helvetica",
            size=9,
            after=8,
        )
        w.table(
            [
                ("Agency", 0.42),
                ("State", 0.08),
                ("Sharing since", 0.15),
                ("Approval", 0.15),
                ("ICE queries", 0.2),
            ],
            rows,
            size=8.5,
        )
        w.para(f"{len(rows)} agencies share detections with {{a:ICE}} accounts.", size=10)

    return Doc(
        "ICE_LPR_Local_Agency_Sharing_List_2019.pdf",
        "Local agencies sharing LPR data with ICE (February 2019)",
        AUTHOR,
        "table",
        "2019-02-28",
        build,
        options={"size": (792, 612), "footer": footer(FOUO), "top": 50, "bottom": 60},
        scanned={2},
        rotations={2: 90},
    )


def training_forms() -> Doc:
    """Scanned training acknowledgment forms, one per page."""

    def build(w: Writer) -> None:
        for i, (name, office, date) in enumerate(t.TRAINEES):
            if i:
                w.new_page()
            w.para(
                "{a:U.S. Immigration and Customs Enforcement}",
                font="Helvetica-Bold",
                size=12,
                align="center",
                after=2,
            )
            w.para(
                "LPR DATA SERVICE - USER RULES OF BEHAVIOR AND TRAINING ACKNOWLEDGMENT",
                font="Helvetica-Bold",
                size=11,
                align="center",
                after=12,
            )
            paras(w, t.RULES, size=11, after=6)
            w.space(12)
            w.kv("Name:", redacted(name), label_width=90)
            w.kv("Office:", office, label_width=90)
            w.kv("Date:", date, label_width=90)
            w.kv("Signature:", "[[(b)(6)|signed " + name.split()[0] + "]]", label_width=90)

    return Doc(
        "ICE_LPR_Training_Acknowledgment_Forms.pdf",
        "LPR user rules of behavior - signed acknowledgments",
        AUTHOR,
        "form",
        None,
        build,
        scanned=True,
    )


def usage_stats() -> Doc:
    """Monthly usage statistics with a spreadsheet formula cell."""
    rng = random.Random(19)
    rows = []
    for month in range(10, 22):
        year, mon = 2018 + (month - 1) // 12, (month - 1) % 12 + 1
        label = f"{{d:{datetime(year, mon, 1):%B %Y}}}"
        q, h = rng.randint(5200, 9800), rng.randint(40, 160)
        rows.append(
            [label, str(rng.randint(2100, 3400)), f"{q:,}", f"{rng.randint(900, 2100):,}", str(h)]
        )
    rows.append(["FY2019 total", "", "=SUM(C2:C13)", "=SUM(D2:D13)", "=SUM(E2:E13)"])

    def build(w: Writer) -> None:
        w.para(
            "LPR Data Service - Monthly Usage Statistics", font="Helvetica-Bold", size=14, after=2
        )
        w.para(
            "{a:Enforcement and Removal Operations} / {a:Homeland Security Investigations}; "
            "exported from the {v:TRSS} billing portal",
            font="Helvetica",
            size=9,
            after=10,
        )
        w.table(
            [
                ("Month", 0.2),
                ("Active users", 0.18),
                ("Queries", 0.18),
                ("Alerts received", 0.22),
                ("Hot-list hits", 0.22),
            ],
            rows,
            size=9,
        )
        paras(w, t.USAGE_NOTES, size=12, after=9)

    return Doc(
        "ICE_LPR_Monthly_Usage_Statistics_FY2019.pdf",
        "LPR data service monthly usage statistics FY2019",
        AUTHOR,
        "table",
        "FY2019",
        build,
        options={"footer": footer(FOUO)},
    )


def emails() -> list[Doc]:
    """E-mails, each a separate file as produced."""
    docs = []
    for name, messages, scanned in t.ice_emails(redacted, sent):
        docs.append(
            email_doc(name, redacted(t.PRINTER), messages, AUTHOR, caption=FOUO, scanned=scanned)
        )
    return docs


def collection() -> Collection:
    """The ICE production."""
    mods = [
        modification("P00001", "{d:September 24, 2018}", "2018-09-24", t.MOD1, False),
        modification("P00002", "{d:09/23/2019}", "2019-09-23", t.MOD2, True),
    ]
    docs = [
        response_letter(),
        contract(),
        *mods,
        bridge_closeout(),
        pia(),
        user_guide(),
        memo_ero(),
        memo_hsi(),
        query_audit(2018, datetime(2018, 1, 2, 6, 0), 271, 2000, set()),
        query_audit(2019, datetime(2018, 10, 1, 6, 0), 181, 2200, {5, 6, 7, 8}),
        sharing_list(),
        training_forms(),
        usage_stats(),
        *emails(),
    ]
    return Collection("ice-foia-2019", docs, bates_prefix="ICE-2019-FOIA-")
