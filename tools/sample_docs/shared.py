"""Documents released, byte for byte, by more than one city."""

from __future__ import annotations

from .common import footer, paras
from .layout import Writer
from .model import Doc

POLICY = [
    "# 1. Purpose",
    (
        "This policy governs how participating agencies share license plate recognition (LPR) "
        "detections through the {v:Vigilant Solutions} LEARN platform. {v:Vigilant Solutions} "
        "({v:Vigilant}) hosts detections uploaded by law enforcement agencies (LEA data) "
        "separately from detections collected by commercial camera operators (commercial data). "
        "Sharing LEA data is always the decision of the agency that owns it; {v:Vigilant} does not "
        "share an agency's detections with any other agency unless the owning agency's LEARN "
        "administrator approves it."
    ),
    "# 2. Definitions",
    (
        "- Detection: a single read of a license plate by a fixed or mobile camera, stored with "
        "the plate characters, an image of the vehicle, the date and time, and GPS coordinates."
    ),
    (
        "- Hot list: a list of plates of interest (stolen vehicles, AMBER alerts, wanted persons) "
        "against which new detections are compared in real time."
    ),
    (
        "- Sharing partner: another LEARN agency to which an agency grants access to its "
        "detections or hot lists."
    ),
    (
        "- Group approval: a LEARN setting that grants access to every agency in a named group "
        "(for example, all agencies in a state, or all agencies of a given type) instead of one "
        "agency at a time. Agencies that join the group later receive access automatically."
    ),
    "# 3. Sharing requests",
    (
        "A sharing request is sent from one agency's LEARN administrator to another through the "
        "Agency Sharing screen. The request identifies the requesting agency, its originating "
        "agency identifier (ORI), the data requested (detections, hot lists, or both) and the "
        "retention period that the requesting agency applies. The owning agency may approve, deny "
        "or ignore the request. Approved sharing can be revoked at any time and takes effect "
        "immediately."
    ),
    (
        "Agencies should review their sharing partners at least twice a year. The Sharing Report "
        "(Reports > Agency Sharing) lists every partner, the date sharing began, and whether "
        "access was granted individually or through group approval."
    ),
    "# 4. Use of shared data",
    (
        "Users of a sharing partner may query shared detections only for a legitimate law "
        "enforcement purpose and must enter a reason code and, where the owning agency requires "
        "it, a case or incident number for every query. Queries against shared data are logged in "
        "the owning agency's audit trail as well as the querying agency's, so the owning agency "
        "can see which outside users searched its detections, when, and for which plate."
    ),
    (
        "Shared detections may not be sold, re-published or transferred to a third party. "
        "Immigration enforcement is not addressed by this policy; each agency is responsible for "
        "ensuring that its sharing complies with the laws of its state, including California Civil "
        "Code section 1798.90.5 and following."
    ),
    "# 5. Retention",
    (
        "Each agency sets its own retention period for LEA data. Commercial data is retained "
        "according to {v:Vigilant}'s commercial data terms. When an agency's retention period "
        "ends, its detections are purged from LEARN, including from the view of every sharing "
        "partner."
    ),
    "# 6. Audit",
    (
        "Agency administrators may run audit reports at any time. {v:Vigilant} recommends monthly "
        "review of queries made by sharing partners, with particular attention to queries whose "
        "reason "
        'field is blank, generic (for example, "investigation") or inconsistent with the '
        "partner's "
        "mission. Suspected misuse should be reported to the partner agency and to {v:Vigilant} "
        "customer support."
    ),
    "# 7. Questions",
    (
        "Questions about this policy may be directed to {v:Vigilant Solutions} customer support. "
        "This document is provided to LEARN agencies for internal use and may be disclosed in "
        "response to public records requests at the agency's discretion."
    ),
]


def vigilant_policy() -> Doc:
    """The vendor's data-sharing policy, released by several cities."""

    def build(w: Writer) -> None:
        w.para("{v:VIGILANT SOLUTIONS}", font="Helvetica-Bold", size=16, align="center", after=2)
        w.para(
            "LEARN Agency Data Sharing Policy", font="Helvetica", size=13, align="center", after=2
        )
        w.para(
            "Revision 3.2 \u2014 effective {d:January 1, 2017}",
            font="Helvetica",
            size=9,
            align="center",
            after=12,
        )
        paras(w, POLICY, size=12, after=9)

    return Doc(
        name="Vigilant_LEARN_Data_Sharing_Policy.pdf",
        title="Vigilant Solutions LEARN Agency Data Sharing Policy",
        author="Vigilant Solutions",
        doc_type="policy",
        date="2017-01-01",
        build=build,
        options={"footer": footer("Vigilant Solutions \u2014 LEARN Data Sharing Policy")},
    )


BULLETIN = [
    "# Summary",
    (
        "The {a:Joint Regional Intelligence Center} ({a:JRIC}) reminds partner agencies that "
        "automated license plate reader (ALPR) data is sensitive information. Several partner "
        "agencies have asked whether detections they upload may be shared with federal agencies, "
        "including {a:U.S. Immigration and Customs Enforcement} ({a:ICE}) and {a:U.S. Customs and "
        "Border Protection} ({a:CBP}). This bulletin summarises the considerations but is not "
        "legal advice."
    ),
    "# Background",
    (
        "Since {d:January 1, 2018}, California agencies have operated under Senate Bill 54, which "
        "limits the use of state and local resources for immigration enforcement. Civil Code "
        "section 1798.90.55 separately prohibits public agencies from selling, sharing or "
        "transferring ALPR information except to another public agency and as otherwise permitted "
        "by law. Federal criminal investigators in {a:Homeland Security Investigations} ({a:HSI}) "
        "routinely request access for narcotics, human-trafficking and financial investigations, "
        "while officers of {a:Enforcement and Removal Operations} ({a:ERO}) use location data to "
        "find people subject to civil immigration arrest."
    ),
    "# Observations",
    (
        "- A review of LEARN sharing reports submitted by partner agencies in {d:June 2018} found "
        "federal accounts among the sharing partners of at least nine agencies in the {a:JRIC} "
        "region."
    ),
    (
        "- In several cases the agency had not approved the federal account individually; access "
        "was granted through a group approval setting that included all agencies of a type or "
        "state."
    ),
    (
        "- Queries by federal users through a local agency's account appear in that agency's audit "
        "trail under the local account name, which makes them hard to spot in routine reviews."
    ),
    "# Recommendations",
    "- Review your LEARN Agency Sharing screen and turn off group approvals you did not intend.",
    "- Require a case number and a specific reason for every query and reject generic reasons.",
    (
        "- Prohibit sharing of user credentials with personnel from other agencies, including task "
        "force officers, and audit accounts shared by task forces at least monthly."
    ),
    "- Document your sharing decisions and the legal basis for each federal partner.",
    "Questions may be directed to the {a:JRIC} privacy officer through the partner portal.",
]


def jric_bulletin() -> Doc:
    """A fusion-centre bulletin released by two cities."""

    def build(w: Writer) -> None:
        w.para(
            "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
            font="Helvetica-Bold",
            size=9,
            align="center",
            after=6,
        )
        w.para(
            "{a:JOINT REGIONAL INTELLIGENCE CENTER|Joint Regional Intelligence Center}",
            font="Helvetica-Bold",
            size=14,
            align="center",
            after=2,
        )
        w.para(
            "Information Bulletin {d:2018-07-16}: ALPR Data Sharing with Federal Partners",
            font="Helvetica",
            size=11,
            align="center",
            after=12,
        )
        paras(w, BULLETIN, size=12, after=9)

    return Doc(
        name="JRIC_ALPR_Information_Bulletin_2018-07.pdf",
        title="JRIC Information Bulletin: ALPR Data Sharing with Federal Partners",
        author="Joint Regional Intelligence Center",
        doc_type="report",
        date="2018-07-16",
        build=build,
        options={"footer": footer("UNCLASSIFIED//FOR OFFICIAL USE ONLY")},
    )
