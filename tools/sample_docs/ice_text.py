"""Invented prose and table data for the ICE production."""

from __future__ import annotations

from collections.abc import Callable

from .model import Message

PIID = "{c:70CMSD18C00000003}"
PRINTER = "Tamsin Aldridge-Voss"
B6 = "(b)(6);(b)(7)(C)"

RESPONSE_LETTER = [
    "{d:May 31, 2019}",
    "Re: Freedom of Information Act Request 2019-ICFO-10471",
    "Dear Requester:",
    (
        "This is the final response to your Freedom of Information Act (FOIA) request to {a:U.S. "
        "Immigration and Customs Enforcement} ({a:ICE}), dated {d:January 9, 2019} and received in "
        "this office the same day. You asked for records concerning {a:ICE's} access to license "
        "plate reader (LPR) data, including the contract with {v:Thomson Reuters Special Services} "
        "({v:TRSS}) for access to the {v:Vigilant Solutions} LEARN database, training materials, "
        "policies, audit records, and communications with state and local law enforcement agencies "
        "about LPR data."
    ),
    (
        "{a:ICE} conducted a search of the Office of Acquisition Management, {a:Enforcement and "
        "Removal Operations} ({a:ERO}), {a:Homeland Security Investigations} ({a:HSI}), the Office "
        "of Information Governance and Privacy and the Office of the Principal Legal Advisor. The "
        "search located records responsive to your request. Of those records, pages are released "
        "in part and enclosed, Bates-stamped ICE-2019-FOIA-000001 onward. Portions of pages have "
        "been withheld under the FOIA exemptions described below."
    ),
    "# Exemptions applied",
    (
        "{x:FOIA Exemption 6|(b)(6)} exempts from disclosure personnel or medical files and "
        "similar files the release of which would cause a clearly unwarranted invasion of personal "
        "privacy. {a:ICE} has applied {x:(b)(6)} to the names, e-mail addresses, telephone numbers "
        "and user identifiers of {a:DHS} employees and contractor personnel, and to plate numbers "
        "and information that could identify third parties."
    ),
    (
        "{x:FOIA Exemption 7(C)|(b)(7)(C)} protects records compiled for law enforcement purposes "
        "whose release could reasonably be expected to constitute an unwarranted invasion of "
        "personal privacy. It has been applied, together with {x:(b)(6)}, to the same categories "
        "of information. Law enforcement personnel have a privacy interest in not being harassed "
        "in the conduct of their official duties, and no public interest in the names outweighs it."
    ),
    (
        "{x:FOIA Exemption 7(E)|(b)(7)(E)} protects records that would disclose techniques and "
        "procedures for law enforcement investigations or guidelines whose disclosure could "
        "reasonably be expected to risk circumvention of the law. {a:ICE} has applied "
        "{x:(b)(7)(E)} to case numbers, internal system query parameters and portions of the "
        "training guide that describe how alert lists are configured."
    ),
    "# Appeal",
    (
        "You have the right to appeal this determination. An appeal must be submitted within 90 "
        "days of the date of this letter to the {a:ICE} Office of the Principal Legal Advisor, "
        "Government Information Law Division. You may also seek dispute resolution services from "
        "the {a:ICE} FOIA Public Liaison or the Office of Government Information Services at the "
        "National Archives."
    ),
    (
        "Provisions of the FOIA allow us to recover part of the cost of complying with your "
        "request. In this instance, because the cost is below the $25.00 minimum, there is no "
        "charge."
    ),
    "Sincerely,",
    "[[(b)(6)|Rosalind Achterberg]]",
    "Deputy FOIA Officer, Freedom of Information Act Office",
    "Enclosures: records Bates-stamped ICE-2019-FOIA-000001 through the end of the production",
]

AWARD_BLOCKS = [
    ["2. Contract number", PIID],
    ["3. Award/effective date", "{d:12/18/2017}"],
    ["4. Order number", "N/A"],
    ["5. Solicitation number", "70CMSD18Q00000011"],
    [
        "9. Issued by",
        (
            "{a:DHS/ICE} Office of Acquisition Management, Mission Support Dallas, "
            "8701 N. MacArthur Blvd, Irving TX 75063"
        ),
    ],
    [
        "17a. Contractor",
        "{v:Thomson Reuters Special Services} LLC, 1410 Spring Hill Rd, McLean VA 22102",
    ],
    ["18a. Payment will be made by", "{a:DHS/ICE} Burlington Finance Center"],
    ["Total award amount (all options)", "{m:$6,100,000.00}"],
    ["Base period of performance", "{d:December 18, 2017} through {d:September 30, 2018}"],
    ["Final option end date", "{d:September 30, 2020}"],
    ["30a. Signature of offeror", "[[(b)(6)|Lawrence Petrakis]], Vice President"],
    ["31a. Contracting officer", "[[(b)(6);(b)(7)(C)|Bernadette Quill-Sorensen]]"],
]

CLINS = [
    [
        "0001",
        "LPR data service subscription, base period (up to 9,500 users)",
        "{d:12/18/2017} - {d:09/30/2018}",
        "{m:$1,650,000.00}",
    ],
    [
        "1001",
        "Option period 1: LPR data service subscription",
        "{d:10/01/2018} - {d:09/30/2019}",
        "{m:$2,200,000.00}",
    ],
    [
        "2001",
        "Option period 2: LPR data service subscription",
        "{d:10/01/2019} - {d:09/30/2020}",
        "{m:$2,250,000.00}",
    ],
    ["", "Total, base and all options", "", "{m:$6,100,000.00}"],
]

SOW = [
    "# 1. Background",
    (
        "{a:U.S. Immigration and Customs Enforcement} ({a:ICE}) is the principal investigative arm "
        "of the {a:Department of Homeland Security} ({a:DHS}). Its two operational directorates, "
        "{a:Enforcement and Removal Operations} ({a:ERO}) and {a:Homeland Security Investigations} "
        "({a:HSI}), locate and arrest persons who are subject to removal or are the subject of "
        "criminal investigations. Officers frequently have an address for a person that is out of "
        "date, but a current vehicle registration. Commercial license plate reader data can show "
        "where and when that vehicle has recently been seen, narrowing the search and reducing the "
        "time officers spend in the field."
    ),
    "# 2. Scope",
    (
        "The contractor shall provide query-based access to a commercially available database of "
        "license plate detections, nationwide, together with the ability to receive alerts when a "
        "plate on an {a:ICE} alert list is detected. The service shall include detections "
        "collected by commercial sources (for example, repossession companies, parking operators "
        "and toll facilities) and, where the owning law enforcement agency has agreed to share "
        "them, detections collected by state and local law enforcement agencies."
    ),
    (
        "The Government estimates that the database holds approximately 5 billion commercial "
        "detections and approximately 1.5 billion detections from law enforcement agencies, "
        "growing by more than 150 million detections each month. The contractor shall not be "
        "required to obtain sharing agreements from law enforcement agencies; access to law "
        "enforcement data is governed by the data-sharing settings of the owning agency."
    ),
    "# 3. Requirements",
    (
        "- 3.1 Query. Authorized users shall be able to query a full or partial plate and receive "
        "the date, time, GPS coordinates and images of each matching detection within the "
        "look-back period permitted by {a:ICE} policy."
    ),
    (
        "- 3.2 Look-back limits. The system shall enforce a maximum look-back of five years for "
        "queries related to immigration enforcement and allow {a:ICE} to set shorter periods by "
        "user role without contractor intervention."
    ),
    (
        "- 3.3 Reason and case number. The system shall require the user to select a reason code "
        "and enter a case or event number before any query is executed, and shall record both."
    ),
    (
        "- 3.4 Alert lists. Users shall be able to place up to 2,500 plates per user on an alert "
        "list, receive e-mail or mobile notification of new detections, and shall be prompted to "
        "re-validate each plate on the list every 365 days."
    ),
    (
        "- 3.5 Audit. The contractor shall maintain an audit trail of every query and alert list "
        "action, including user, date and time, plate queried, reason code, case number and "
        "results returned, and shall deliver audit reports to the Contracting Officer's "
        "Representative (COR) monthly and on request within three business days."
    ),
    (
        "- 3.6 Mobile access. The service shall include a mobile application for iOS and Android "
        "devices issued by {a:DHS}, so that officers can query plates and receive alerts in the "
        "field."
    ),
    (
        "- 3.7 Users. The service shall support over 9,000 named {a:ICE} users across {a:ERO} and "
        "{a:HSI}, with account provisioning through a designated {a:ICE} administrator in each "
        "field office."
    ),
    "# 4. Privacy and security",
    (
        "The contractor shall comply with the Privacy Impact Assessment {a:DHS/ICE}/PIA-039(a) and "
        "any successor. The contractor shall not use {a:ICE} query data, alert lists or audit "
        "records for any purpose other than performance of this contract, and shall not share "
        "{a:ICE} alert lists with any other customer. {a:ICE} shall not upload any data to the "
        "contractor's system other than plates placed on alert lists and the case information "
        "required by 3.3."
    ),
    (
        "The service shall be accessible only through multi-factor authentication. The contractor "
        "shall notify the COR within one hour of discovering any suspected breach affecting "
        "{a:ICE} data."
    ),
    "# 5. Training",
    (
        "The contractor shall provide web-based training and a written user guide tailored to "
        "{a:ICE} policy. No user may be given access until the user has completed training and "
        "signed the Rules of Behavior."
    ),
    "# 6. Deliverables",
    "- Monthly audit report to the COR, by the 10th of each month.",
    "- Quarterly usage statistics by office and directorate.",
    "- Training guide updates within 30 days of any change to the service or to {a:ICE} policy.",
    "# 7. Period of performance",
    (
        "The base period runs from {d:December 18, 2017} to {d:September 30, 2018}, with two "
        "one-year option periods ending {d:September 30, 2019} and {d:September 30, 2020}."
    ),
]

CLAUSES = [
    "The following clauses are incorporated by reference or in full text.",
    "- FAR 52.212-4 Contract Terms and Conditions - Commercial Items (JAN 2017)",
    (
        "- FAR 52.212-5 Contract Terms and Conditions Required to Implement Statutes or Executive "
        "Orders - Commercial Items (NOV 2017)"
    ),
    "- FAR 52.217-8 Option to Extend Services (NOV 1999)",
    (
        "- FAR 52.217-9 Option to Extend the Term of the Contract (MAR 2000). The Government may "
        "extend the term of this contract by written notice to the Contractor within 30 days "
        "before the contract expires; the total duration of this contract, including the exercise "
        "of any options under this clause, shall not exceed 36 months."
    ),
    "- FAR 52.224-1 Privacy Act Notification (APR 1984) and 52.224-2 Privacy Act (APR 1984)",
    "- FAR 52.224-3 Privacy Training (JAN 2017)",
    "- FAR 52.232-39 Unenforceability of Unauthorized Obligations (JUN 2013)",
    "- HSAR 3052.204-71 Contractor Employee Access (SEP 2012)",
    "- HSAR 3052.215-70 Key Personnel or Facilities (DEC 2003)",
    "# Special clause H-1: Safeguarding of sensitive information",
    (
        "Sensitive information includes {a:ICE} alert lists, query records, and any information "
        "that would reveal the identity of persons of investigative interest. The Contractor shall "
        "restrict access to such information to employees with a need to know and shall not "
        "disclose it to any third party, including law enforcement customers of the Contractor, "
        "without the written consent of the Contracting Officer."
    ),
    "# Special clause H-2: Publicity",
    (
        "The Contractor shall not issue press releases or other public statements concerning this "
        "contract without the prior approval of the {a:ICE} Office of Public Affairs."
    ),
    "# Special clause H-3: Contracting Officer's Representative",
    (
        "The COR for this contract is [[(b)(6);(b)(7)(C)|Harlan Ostrowski-Bay]] of the {a:ERO} "
        "Targeting Operations Division. The COR has no authority to change the terms of the "
        "contract; only the Contracting Officer may do so."
    ),
    "# Special clause H-4: Funding",
    (
        "Funds are obligated for the base period only in the amount of {m:$1,650,000.00}. The "
        "Government's obligation for option periods is contingent on the availability of "
        "appropriated funds for {d:FY2019} and {d:FY2020}."
    ),
]

MOD1 = [
    "# Description of modification",
    "The purpose of this modification is to exercise Option Period 1 of contract " + PIID + " in "
    "accordance with FAR 52.217-9. The period of performance for CLIN 1001 is {d:October 1, "
    "2018} through {d:September 30, 2019}. Funds in the amount of {m:$2,200,000.00} are "
    "obligated by this modification, increasing total obligated funds from {m:$1,650,000.00} to "
    "{m:$3,850,000.00}.",
    "All other terms and conditions remain unchanged and in full force and effect.",
]

MOD2 = [
    "# Description of modification",
    "The purpose of this modification is to exercise Option Period 2 of contract " + PIID + ", "
    "period of performance {d:10/01/2019} through {d:09/30/2020}, and to obligate "
    "{m:$2,250,000.00}, bringing total obligated funds to {m:$6,100,000.00}, or {m:$6.1 million}.",
    (
        "This is the final option period. Any continuation of the service after {d:September 30, "
        "2020} will require a new procurement."
    ),
    "All other terms and conditions remain unchanged.",
]

CLOSEOUT = [
    (
        "1. Contract {c:HSCEMD-17-C-00012} provided a limited bridge subscription to commercial "
        "license plate reader data for {a:ERO} pilot offices in Los Angeles, Houston and Atlanta "
        "from {d:March 1, 2017} to {d:December 17, 2017}, while the full requirement was competed."
    ),
    (
        "2. The final invoice of {m:$38,750.00} was received and paid on {d:January 22, 2018}. "
        "Total paid under the contract was {m:$455,000.00}. No claims are pending and no "
        "Government property was furnished."
    ),
    (
        "3. The requirement continues under contract {c:70CMSD18C00000003}, awarded to {v:Thomson "
        "Reuters Special Services} on {d:December 18, 2017}. User accounts created under the "
        "bridge subscription were migrated on {d:Dec. 18, 2017} without interruption."
    ),
    "4. The contract file is complete and the contract is closed.",
]

PIA_CONTACTS = [
    (
        "Contact Point: [[(b)(6)|Yusuf Calderwood-Ames]], Unit Chief, Targeting Operations "
        "Division, {a:Enforcement and Removal Operations}, {a:U.S. Immigration and Customs "
        "Enforcement}"
    ),
    "Reviewing Official: Chief Privacy Officer, {a:Department of Homeland Security}",
]

PIA_SECTIONS = [
    [
        "# Abstract",
        (
            "{a:U.S. Immigration and Customs Enforcement} ({a:ICE}) is updating its Privacy Impact "
            "Assessment for the acquisition and use of license plate reader (LPR) data from a "
            "commercial service. In {d:March 2015} {a:ICE} published a PIA describing the privacy "
            "protections it would require of any vendor. {a:ICE} has now entered into a contract "
            "for access to the service and publishes this update to describe the service selected, "
            "the access controls it provides, and the rules {a:ICE} personnel must follow."
        ),
        "# Overview",
        (
            "LPR systems use cameras mounted on vehicles or fixed structures to capture images of "
            "license plates. Software converts the plate into text and stores it with the date, "
            "time and location of the capture. Private companies collect such detections for "
            "repossession, insurance and parking purposes and sell access to the aggregated data. "
            "Many state and local law enforcement agencies also operate LPR cameras and store "
            "their detections in the same commercial platforms, where they can choose to share "
            "them with other agencies."
        ),
        (
            "{a:ICE} does not own LPR cameras for the purposes described here and does not "
            "contribute detections to the service. {a:ICE} queries the service to locate vehicles "
            "associated with persons who are the subject of criminal investigations or who are "
            "subject to arrest and removal, and sets alerts so that officers are notified when "
            "such a vehicle is detected."
        ),
    ],
    [
        "# Reason for the PIA Update",
        (
            "The 2015 PIA described requirements; this update reflects the award of contract "
            "{c:70CMSD18C00000003} to {v:Thomson Reuters Special Services} ({v:TRSS}), which "
            "resells access to the LEARN database operated by {v:Vigilant Solutions} "
            "({v:Vigilant}). The database is reported to hold over 5 billion detections from "
            "commercial sources and over 1.5 billion detections from law enforcement agencies that "
            "have agreed to share them. Access to an agency's detections depends on that agency's "
            "own sharing decisions."
        ),
    ],
    [
        "# Privacy Impact Analysis: Authorities and Other Requirements",
        (
            "{a:ICE} is authorized to collect this information under 8 U.S.C. 1103, 1226, 1231 and "
            "1357 and 19 U.S.C. 1589a. Query records are covered by the {a:DHS/ICE}-009 External "
            "Investigations and {a:DHS/ICE}-011 Criminal Arrest Records and Immigration "
            "Enforcement Records system of records notices."
        ),
    ],
    [
        "# Characterization of the Information",
        (
            "Each detection contains a plate number, the state of issuance where it can be read, "
            "one or more images of the vehicle and its surroundings, the date and time, and the "
            "GPS coordinates of the camera. Images may incidentally show the driver, passengers, "
            "pedestrians and the exterior of homes."
        ),
        (
            "Privacy Risk: There is a risk that detection data is inaccurate because the optical "
            "character recognition misreads the plate."
        ),
        (
            "Mitigation: {a:ICE} users must visually compare the image with the plate before "
            "acting on a detection, and may not rely on a detection as the sole basis for an "
            "arrest or any enforcement action."
        ),
        "# Uses of the Information",
        (
            "{a:ICE} uses the data to develop leads in ongoing investigations and to locate "
            "persons subject to arrest. Queries must relate to a specific case; users may not "
            "query the service to identify persons at a particular location (for example, a place "
            "of worship, a school, a medical facility or a demonstration) or to discover who owns "
            "vehicles seen near a location."
        ),
        "Privacy Risk: Users may query the service for purposes unrelated to their duties.",
        (
            "Mitigation: The service requires a reason code and case number for every query, and "
            "supervisors review audit reports monthly. Misuse is referred to the Office of "
            "Professional Responsibility."
        ),
    ],
    [
        "# Notice",
        (
            "Because the service is commercially operated, notice is provided by this PIA and by "
            "the system of records notices. Individuals cannot be notified that their plate was "
            "detected."
        ),
        "# Data Retention",
        (
            "{a:ICE} does not retain the database. Query results that are relevant to a case are "
            "saved to the case file and retained under the case file's records schedule; other "
            "results are not retained. {a:ICE} users may only query detections no older than five "
            "years for immigration enforcement and may not use detections older than that."
        ),
        "# Information Sharing",
        (
            "{a:ICE} does not share query results outside {a:DHS} except as part of case "
            "information shared with law enforcement partners under existing authorities. Alert "
            "lists are not visible to other customers of the vendor."
        ),
    ],
    [
        "# Redress",
        (
            "Individuals seeking access to records about themselves may submit a FOIA or Privacy "
            "Act request to the {a:ICE} FOIA Office."
        ),
        "# Auditing and Accountability",
        (
            "The vendor provides {a:ICE} a monthly audit report of all queries. {a:ICE} "
            "supervisors must review the queries of their users each month and certify the review "
            "to the program office. The program office samples at least 1 percent of queries each "
            "quarter to confirm that the reason code and case number correspond to an open case."
        ),
        "# Responsible Official",
        (
            "Unit Chief, Targeting Operations Division, {a:ERO}, {a:ICE}, {a:Department of "
            "Homeland Security}."
        ),
        "Approval Signature: original signed copy on file with the {a:DHS} Privacy Office.",
    ],
]


def chapter(title: str, *body: str) -> list[str]:
    """A guide chapter."""
    return [f"# {title}", *body]


GUIDE = [
    chapter(
        "1. About this guide",
        "This guide explains how {a:U.S. Immigration and Customs Enforcement} personnel use the "
        "LEARN license plate recognition service provided under contract {c:70CMSD18C00000003}. "
        "It covers signing in, running plate queries, reading results, managing alert lists, "
        "using the mobile application and the rules {a:ICE} has set for all of these.",
        "Chapters 2 to 4 are for every user. Chapter 5 is for users who set alerts. Chapters 9 "
        "and 10 are for supervisors and field office administrators. Appendix A lists the "
        "reason codes and Appendix B answers frequently asked questions.",
        "Throughout the guide, a LEARN detection means one read of one license plate by one "
        "camera. A query returns detections; it does not return names, addresses or registration "
        "information, which must be obtained separately through authorized {a:DHS} systems.",
        "Where this guide and {a:ICE} policy differ, the policy governs. Policy questions should "
        "be directed to your field office LPR administrator, not to the vendor.",
    ),
    chapter(
        "2. What the data is",
        "LEARN holds two kinds of detections. Commercial detections are collected by private "
        "operators such as vehicle-recovery companies that drive camera cars through parking lots "
        "and streets, and by parking and toll operators. There are more than 5 billion of them, "
        "and the national feed adds well over 100 million each month. Law enforcement "
        "detections are collected by police and sheriff agencies with fixed and mobile cameras. "
        "There are about 1.5 billion, but you can only see those of agencies that share with "
        "{a:ICE}.",
        "Commercial coverage is densest in large metropolitan areas and in the parking lots of "
        "apartment complexes, shopping centers and hospitals. Law enforcement coverage is densest "
        "at highway entry points and city limits. Neither kind is a complete record of a "
        "vehicle's movements; the absence of detections does not mean a vehicle was not there.",
        "Each detection shows the plate as read, the state if known, a close-up plate image, "
        "a wider vehicle image, the date and time, the coordinates, and the source (commercial or "
        "the name of the agency). Always check the plate image before relying on the read.",
    ),
    chapter(
        "3. Getting an account",
        "Your supervisor requests an account through the field office LPR administrator. Before "
        "the account is activated you must complete the online training module (about 45 "
        "minutes) and sign the Rules of Behavior form. Accounts are personal; you may not share "
        "your credentials with anyone, including task force officers from other agencies.",
        "Sign-in requires your {a:DHS} e-mail address, your password and a one-time code sent to "
        "your government-issued phone. Passwords expire every 90 days. After five failed attempts "
        "the account is locked and only the administrator can unlock it.",
        "Accounts that are not used for 90 days are suspended automatically. To reactivate a "
        "suspended account, ask your administrator; you will need to retake the training if it "
        "was completed more than a year ago.",
    ),
    chapter(
        "4. Running a plate query",
        "From the home screen select Investigate, then Plate Search. Enter the full plate or a "
        "partial plate using an asterisk for unknown characters (for example 7AB*123). Select the "
        "state if known. Select the date range: the default is the last 30 days and the maximum "
        "allowed for immigration cases is five years.",
        "Before the query runs, LEARN asks for a reason code and a case or event number. Choose "
        "the reason code that describes why you are running this plate (see Appendix A). Enter the "
        'number exactly as it appears in the case management system. Entries such as "test", '
        '"N/A" or "investigation" are not acceptable and will be flagged in the monthly audit.',
        "Results are shown on a map and in a list sorted by date. Select a detection to see its "
        "images. The Locate Analysis button groups detections by location and time of day and is "
        "useful for identifying where a vehicle is usually parked overnight.",
        "You may query only plates associated with a subject of an open case. You may not run "
        "a plate to find out who a vehicle belongs to out of curiosity, to check on family "
        "members or acquaintances, or for any personal purpose. Every query is logged with your "
        "name.",
    ),
    chapter(
        "5. Alert lists",
        "An alert tells you when a plate on your list is detected anywhere in LEARN. To create "
        "one, select Hot Lists, then New Alert. Enter the plate, state, reason code and case "
        "number and choose whether to be notified by e-mail, by the mobile app, or both.",
        "Each user may keep up to 2,500 plates on alert lists. LEARN asks you to re-validate each "
        "plate every 365 days; plates that are not re-validated are removed. Remove a plate as "
        "soon as the case is closed or the subject is in custody.",
        "Alerts from commercial sources often arrive within minutes of the detection. Treat an "
        "alert as a lead, not as confirmation: confirm the plate image, and remember that the "
        "vehicle may be driven by someone other than your subject.",
        "[[(b)(7)(E)|Alert priority can be set to urgent for targets classified as level one, "
        "which pushes notifications to all users assigned to the case]]. Ask your administrator "
        "before using shared alert lists.",
    ),
    chapter(
        "6. Reading results carefully",
        "Misreads are common. A 0 may be read as an O or a D, an 8 as a B, and plates from other "
        "states with similar formats may be recorded as California plates. The plate image is the "
        "only reliable check. If the image is unclear, do not rely on the detection.",
        "Detection coordinates are those of the camera, not the vehicle. A camera car in a "
        "parking garage may record detections from several floors at the same coordinates. "
        "Clusters of detections in one place at night often indicate where the vehicle is kept, "
        "but they may also indicate a workplace with night shifts.",
        "Do not print or export detection images except to include them in a case file. Do not "
        "send screenshots by personal e-mail or text message.",
    ),
    chapter(
        "7. The mobile application",
        "The LEARN Mobile app is installed on {a:DHS}-issued phones through the device management "
        "catalog. Sign in with the same credentials and one-time code. The app lets you run plate "
        "queries, view alerts and capture a plate with the phone camera to check it against your "
        "alert lists.",
        "The app does not store results on the device after you sign out. Sign out at the end of "
        "each shift. If your phone is lost, report it immediately so that your session can be "
        "revoked.",
        "Plates you photograph with the app are compared with alert lists but are not uploaded to "
        "LEARN as detections and are not shared with other agencies.",
    ),
    chapter(
        "8. Data from law enforcement agencies",
        "Detections owned by a law enforcement agency are visible to you only if that agency has "
        "agreed to share with {a:ICE}. Sharing is the owning agency's decision and can be "
        "withdrawn at any time. The list of agencies currently sharing is available from your "
        "administrator. Do not ask a local agency to share through informal channels.",
        "You must not use another agency's account to query LEARN, and you must not ask an "
        "officer of another agency to run a plate for you in that agency's system for an "
        "immigration case. Some states, including California, restrict the use of local "
        "resources for immigration enforcement, and local agencies may be in breach of state law "
        "if they run such queries for you.",
        "If an officer of another agency offers to run a plate for you, decline and use your own "
        "account, where the query is recorded against your case number.",
    ),
    chapter(
        "9. Supervisor review",
        "Supervisors receive a monthly audit report listing every query and alert set by their "
        "users. Review each entry: is the case number valid, does the reason code fit the case, "
        "and is the volume of queries consistent with the user's assignments? Certify the review "
        "in the LPR review tracker by the 20th of each month.",
        "Refer any query that appears to have been run for a personal reason, or without a "
        "case, to the Office of Professional Responsibility. Suspend the user's account while "
        "the referral is pending.",
    ),
    chapter(
        "10. Administrators",
        "Field office administrators create and suspend accounts, assign roles, reset passwords "
        "and produce audit reports. Administrators may not create accounts for personnel outside "
        "{a:ICE}, including task force officers, without written approval from the program "
        "office.",
        "Roles control the maximum look-back: Officer (five years for immigration cases, per "
        "policy), Analyst (five years, no alerts), Read-only (30 days). [[(b)(7)(E)|Analyst roles "
        "can run bulk lists of up to 200 plates at a time through the batch interface]]. Keep "
        "the number of accounts with bulk access to a minimum.",
        "Administrators also receive the sharing report each month, which lists the agencies "
        "sharing with {a:ICE}. Forward any change to the program office.",
    ),
    chapter(
        "11. Rules of behavior (summary)",
        "- Use LEARN only for official duties connected with an open case.",
        "- Enter an accurate reason code and case number for every query and alert.",
        "- Never share your account or use another person's account, including an account of "
        "another agency.",
        "- Do not query plates to identify persons at sensitive locations such as schools, "
        "places of worship, hospitals, courthouses or demonstrations.",
        "- Do not use a detection as the sole basis for an enforcement action.",
        "- Save relevant results to the case file only; do not keep personal copies.",
        "- Report misuse, lost devices or suspected breaches immediately.",
    ),
    chapter(
        "Appendix A. Reason codes",
        "Select the code that matches the purpose of the query. The codes are the same in the web "
        "and mobile applications.",
        "- ERO-FUG: locate a fugitive alien subject to a final order of removal.",
        "- ERO-CAP: locate a removable alien identified through the Criminal Alien Program.",
        "- ERO-ATD: compliance check for a participant in Alternatives to Detention.",
        "- HSI-CRIM: criminal investigation (narcotics, weapons, financial, fraud).",
        "- HSI-HT: human trafficking or smuggling investigation.",
        "- HSI-CE: child exploitation investigation.",
        "- OTHER: any other authorized purpose; a description is required.",
    ),
    chapter(
        "Appendix B. Frequently asked questions",
        "Can I search by location? Only with the Locate Analysis tool, and only within the results "
        "of a plate query tied to your case. Searching for every vehicle seen at an address is "
        "not permitted.",
        "Why can I not see detections from a particular city? That agency does not share its "
        "detections with {a:ICE}. You cannot request sharing yourself.",
        "Can I give results to a local police officer? Only as part of formal case coordination "
        "approved by your supervisor, and not to a local agency for its own purposes.",
        "How long are my queries kept? The audit trail of your queries is kept by the vendor for "
        "the life of the contract and delivered to {a:ICE} monthly.",
        "Who do I call if LEARN is down? The {v:TRSS} help desk is available at all hours. Do not "
        "contact {v:Vigilant} directly.",
    ),
]

ERO_MEMO = [
    (
        "1. Purpose. This memorandum announces that {a:ERO} officers may now use commercial "
        "license plate reader (LPR) data in support of fugitive and at-large enforcement "
        "operations, and sets the conditions for that use."
    ),
    (
        "2. Background. On {d:December 18, 2017}, the Office of Acquisition Management awarded "
        "contract {c:70CMSD18C00000003} to {v:Thomson Reuters Special Services} for access to a "
        "nationwide database of license plate detections. The contract runs through {d:September "
        "30, 2020} if all options are exercised, at a total value of approximately {m:$6.1 "
        "million}. It replaces the pilot subscription under contract {c:HSCEMD-17-C-00012}."
    ),
    (
        "3. Who may use the service. Deportation officers, supervisory deportation officers and "
        "analysts assigned to fugitive operations, the Criminal Alien Program and the National "
        "Criminal Analysis and Targeting Center may request accounts. Accounts will be issued only "
        "after completion of training and signature of the Rules of Behavior."
    ),
    (
        "4. Conditions. Each query must be tied to a specific subject in an open case. Users must "
        "enter the event number from the case management system. Queries may not reach back more "
        "than five years. LPR data may not be used as the sole basis for an arrest."
    ),
    (
        "5. State and local data. Some detections come from state and local law enforcement "
        "agencies that choose to share them with {a:ICE}. Officers must not ask local agencies to "
        "run plates on {a:ICE's} behalf, and must not use the account of any other agency, "
        "including as a member of a task force."
    ),
    (
        "6. Oversight. Supervisors will review monthly audit reports. The Targeting Operations "
        "Division will report usage statistics to the Executive Associate Director quarterly."
    ),
    "7. Questions may be directed to the Targeting Operations Division program manager.",
]

HSI_MEMO = [
    (
        "1. Several Special Agents in Charge have asked whether {a:HSI} personnel assigned to task "
        "forces may query license plate reader data held by state and local partners through those "
        "partners' systems, rather than through the {a:ICE} LPR data service."
    ),
    (
        "2. {a:HSI} agents and task force officers must use the {a:ICE} LPR data service, accessed "
        "with their own credentials, for every query made in support of an {a:HSI} investigation. "
        "This ensures that each query is recorded against an {a:HSI} case number and is subject "
        "to {a:ICE} audit."
    ),
    (
        "3. Agents must not use a partner agency's LEARN account, and must not ask partner "
        "personnel to run queries for them, unless the query is part of a joint criminal "
        "investigation documented in both agencies' case systems. Queries on behalf of {a:ERO} "
        "for civil immigration purposes are not permitted through partner systems under any "
        "circumstances."
    ),
    (
        "4. Field offices have reported that some partner agencies' sharing settings give {a:ICE} "
        "accounts access to their detections without a deliberate decision by the partner, for "
        "example through group approvals. Where an agent becomes aware of this, the agent should "
        "notify the SAC, who will inform the partner agency. Relationships with partners depend on "
        "their confidence that we use shared data as they intend."
    ),
    (
        "5. The {a:HSI Bulk Cash Smuggling Center} will continue to coordinate requests for "
        "sharing from agencies along major currency-smuggling corridors. Requests must describe "
        "the investigative purpose and must not be presented as general-purpose access."
    ),
    "6. Questions should be directed to the Domestic Operations Division.",
]

ERO_REASONS = [
    "ERO-FUG fugitive locate",
    "ERO-CAP removable alien",
    "ERO-FUG target vehicle",
    "ERO-ATD compliance",
    "ERO-FUG collateral lead",
    "OTHER: address verification",
]
HSI_REASONS = [
    "HSI-CRIM narcotics",
    "HSI-HT smuggling",
    "HSI-CRIM bulk cash",
    "HSI-CE investigation",
    "HSI-CRIM firearms",
]

SHARING_FIXED = [
    ["{a:Long Beach Police Department}", "CA", "{d:03/12/18}", "Group", "1,742"],
    ["{a:Pasadena Police Department}", "CA", "{d:05/09/18}", "Individual", "70"],
    ["{a:Sacramento Police Department}", "CA", "{d:01/30/18}", "Group", "412"],
    ["{a:San Diego Police Department}", "CA", "{d:02/14/18}", "Group", "388"],
    ["{a:Northern California Regional Intelligence Center}", "CA", "{d:04/02/18}", "Group", "95"],
    ["{a:Joint Regional Intelligence Center}", "CA", "{d:06/11/18}", "Individual", "61"],
    [
        "{a:San Diego Law Enforcement Coordination Center}",
        "CA",
        "{d:03/05/18}",
        "Individual",
        "143",
    ],
    ["{a:Orange County Sheriff's Office}", "CA", "{d:08/20/18}", "Group", "220"],
]
SHARING_CITIES = [
    f"{city} Police Department"
    for city in (
        "Anaheim",
        "Bakersfield",
        "Chula Vista",
        "Escondido",
        "Fresno",
        "Modesto",
        "Oceanside",
        "Oxnard",
        "Riverside",
        "Salinas",
        "Santa Ana",
        "Stockton",
        "Visalia",
        "Vista",
        "El Cajon",
        "Carlsbad",
        "National City",
        "Merced",
        "Redding",
        "Yuba City",
        "Lodi",
        "Elk Grove",
        "Roseville",
        "Folsom",
        "Davis",
        "Turlock",
        "Tracy",
        "Manteca",
        "Hanford",
        "Tulare",
        "Delano",
        "Porterville",
        "Lompoc",
        "Santa Maria",
        "Ventura",
        "Simi Valley",
        "Thousand Oaks",
        "Camarillo",
        "Fontana",
        "Ontario",
        "Rialto",
        "Upland",
        "Chino",
        "Corona",
        "Murrieta",
        "Temecula",
        "Hemet",
        "Indio",
        "Palm Springs",
        "Cathedral City",
        "Austin",
        "Houston",
        "El Paso",
        "Laredo",
        "Phoenix",
        "Mesa",
        "Tucson",
        "Yuma",
        "Atlanta",
        "Marietta",
        "Chicago Heights",
        "Aurora",
        "Yonkers",
        "Buffalo",
        "Tacoma",
        "Spokane",
        "Yakima",
        "Kent",
        "Everett",
        "Vancouver",
        "Pasco",
        "Kennewick",
        "Wenatchee",
        "Bellingham",
        "Olympia",
    )
]

USAGE_NOTES = [
    (
        "Active users are users who ran at least one query or received at least one alert during "
        "the month. The number of provisioned accounts passed 9,000 in {d:FY2019}; about a third "
        "are active in any month."
    ),
    (
        "Queries include plate searches from the web and mobile applications. Alerts received "
        "counts notifications of detections of plates on alert lists. Hot-list hits that led to an "
        "arrest are reported separately by the field offices and are not included here."
    ),
    (
        "The total row contains spreadsheet formulas as exported from the billing portal; the "
        "values were not calculated at export."
    ),
]

RULES = [
    (
        "I understand that the LPR data service provided to {a:ICE} under contract "
        "{c:70CMSD18C00000003} may be used only for official purposes in connection with an open "
        "case, and that every query I run is recorded with my name, the reason code and the case "
        "number I enter."
    ),
    (
        "I will not share my account or use any other person's account, including an account of "
        "another agency. I will not query license plates to identify persons at sensitive "
        "locations. I will not use a detection as the sole basis for an enforcement action."
    ),
    (
        "I have completed the required training and received the LEARN training guide. I "
        "understand that misuse may result in loss of access, disciplinary action and criminal "
        "penalties."
    ),
]

TRAINEES = [
    ("Gideon Farrowby", "{a:ERO} Los Angeles Field Office", "{d:2/14/2018}"),
    ("Annika Stolberg-Reyes", "{a:ERO} San Diego Field Office", "{d:2/15/2018}"),
    ("Marcus Oyelaran", "{a:HSI} Long Beach", "{d:2/21/2018}"),
    ("Celestine Pruitt-Havel", "{a:ERO} San Francisco Field Office", "{d:3/02/2018}"),
    ("Rafael Quintanar-Lobb", "{a:HSI} San Diego", "{d:3/06/2018}"),
    ("Henrietta Osei-Brandt", "{a:ERO} Houston Field Office", "{d:3/13/2018}"),
    ("Dmitri Valcourt", "{a:ERO} Phoenix Field Office", "{d:3/19/2018}"),
    ("Lucinda Achebe-Marsh", "{a:HSI Bulk Cash Smuggling Center}", "{d:4/03/2018}"),
]


def ice_emails(
    redact: Callable[[str], str], sent: Callable[..., str]
) -> list[tuple[str, list[Message], bool]]:
    """The e-mails of the ICE production as (file name, messages top first, scanned)."""
    dc = f"{redact('Nolan Birchwood-Sato')} ({{a:ICE}})"
    to = f"{redact('Harlan Ostrowski-Bay')}"
    award = Message(
        dc,
        sent(2017, 12, 27, 15, 42),
        [to, "ERO-TOD-Programs"],
        "Award - LPR data service contract 70CMSD18C00000003",
        [
            "All,",
            (
                "Contract {c:70CMSD18C00000003} for the commercial LPR data service was awarded to "
                "{v:Thomson Reuters Special Services} and is fully executed as of {d:Dec. 27, "
                "2017} (award date on the SF-1449 is {d:12/18/2017}). Base period funding is "
                "{m:$1,650,000}; with both options the total value is {m:$6.1 million}."
            ),
            (
                "The PIA update was signed today and will be posted to the {a:DHS} privacy "
                "website. The vendor will start provisioning the pilot users from the old contract "
                "first."
            ),
            "Thanks to everyone who worked on this over the holidays.",
            redact("Nolan Birchwood-Sato") + ", Contracting Officer",
        ],
    )
    rollout1 = Message(
        to,
        sent(2018, 1, 19, 9, 5),
        ["ERO-Field-Office-Directors"],
        "LPR data service - rollout to field offices",
        [
            "FODs,",
            (
                "Attached is the EAD memo of {d:January 12, 2018} on access to commercial license "
                "plate reader data. Please nominate a field office LPR administrator by "
                "{d:2/2/2018}. The administrator will request accounts for your officers once they "
                "complete the training module."
            ),
            (
                "We expect to bring on about 9,000 users across {a:ERO} and {a:HSI} by the end of "
                "the fiscal year. Please do not ask local police departments to run plates for us "
                "in the meantime; the vendor tells us that over 80 local agencies already share "
                "their detections with {a:ICE} accounts."
            ),
            "Program Manager, Targeting Operations Division",
        ],
        attachments=["EAD memo LPR access 2018-01-12.pdf"],
    )
    rollout2 = Message(
        redact("Wendell Achterhof"),
        sent(2018, 1, 19, 11, 38),
        [to],
        "RE: LPR data service - rollout to field offices",
        [
            (
                "Thanks. For Los Angeles, our administrator will be [[(b)(6);(b)(7)(C)|SDDO Kiran "
                "Lowenthal-Park]]. Question: some of our officers already have LEARN accounts "
                "through the task force with {a:Long Beach PD}. Should they stop using those once "
                "they have {a:ICE} accounts?"
            ),
        ],
    )
    rollout3 = Message(
        to,
        sent(2018, 1, 19, 13, 2),
        [redact("Wendell Achterhof")],
        "RE: LPR data service - rollout to field offices",
        [
            (
                "Yes. Per paragraph 5 of the memo, officers must not use another agency's account "
                "for any purpose. Please have them close out any {a:LBPD} accounts and confirm to "
                "me when done."
            ),
        ],
    )
    lbpd = f"{redact('Det. Corwin Haskell-Ruiz')} ({{a:LBPD}})"
    query1 = Message(
        lbpd,
        sent(2018, 3, 20, 10, 14),
        [redact("Gideon Farrowby")],
        "RE: LPR query",
        [
            (
                "Got two hits on that plate in the last 30 days, both at the same apartment "
                "complex off Atlantic Ave, overnight. Screenshots attached. Let me know if you "
                "need the older ones."
            ),
        ],
        attachments=["hits_0320.png"],
    )
    query0 = Message(
        redact("Gideon Farrowby"),
        sent(2018, 3, 20, 8, 47),
        [lbpd],
        "LPR query",
        [
            (
                "Hey, can you run a plate for me in your system? [[(b)(6);(b)(7)(C)|6KRT518]], CA. "
                "Subject is a target of ours, last known address is no good. Our {a:ICE} accounts "
                "are still not set up, so I would appreciate the help."
            ),
            "Thanks, " + redact("Gideon Farrowby") + ", {a:ERO} Los Angeles",
        ],
    )
    tfo1 = Message(
        redact("Marcus Oyelaran"),
        sent(2018, 4, 11, 16, 20),
        [to],
        "FW: Long Beach account access",
        [
            (
                "Forwarding as requested. I have been using the {a:Long Beach PD} account since "
                "last summer as a task force officer. I was told by {a:LBPD} that all task force "
                "members use it. I have not used it since I got my {a:ICE} account on "
                "{d:2/21/2018}."
            ),
        ],
    )
    tfo0 = Message(
        "LEARN Support <support@vigilantsolutions.com>",
        sent(2018, 4, 10, 7, 3),
        [redact("Marcus Oyelaran")],
        "Long Beach account access",
        [
            (
                "Your LEARN account under agency {a:Long Beach Police Department} has been "
                "inactive for 30 days. Sign in within 60 days to keep the account active. This is "
                "an automated message; please do not reply."
            ),
        ],
    )
    users = Message(
        to,
        sent(2018, 6, 5, 14, 51),
        ["ERO-TOD-Programs"],
        "LPR accounts passed 9,000",
        [
            "Team,",
            (
                "{v:TRSS} reports 9,114 provisioned {a:ICE} accounts as of this morning, so we "
                "have passed the 9,000 mark in under six months. Active users for May: 2,874. "
                "About 71 percent of queries came from {a:ERO}, the rest from {a:HSI}."
            ),
            (
                "Sharing report: 83 local agencies now share detections with us, most of them in "
                "California, Texas and Arizona. Several California agencies share through a group "
                "setting rather than individually, so I expect some of them will turn it off once "
                "they notice, especially after SB 54 took effect."
            ),
        ],
    )
    sb54_1 = Message(
        redact("Yusuf Calderwood-Ames"),
        sent(2018, 8, 14, 17, 26),
        [to],
        "RE: Question on sharing from California agencies",
        [
            (
                "I would not contact them. The sharing decision is theirs, and the contract makes "
                "clear that we do not solicit it. If a California agency turns sharing off, our "
                "users lose access to its detections but still have the commercial data, which is "
                "the bulk of what they use. Let's discuss at Thursday's meeting."
            ),
        ],
    )
    sb54_0 = Message(
        to,
        sent(2018, 8, 14, 15, 3),
        [redact("Yusuf Calderwood-Ames")],
        "Question on sharing from California agencies",
        [
            (
                "A reporter has asked the {a:ICE} press office whether {a:ICE} has access to "
                "license plate data from California police departments, including {a:Sacramento "
                "PD} and {a:San Diego PD}. Our sharing report shows both share with us through "
                "group approvals. {a:Sacramento Police Department} shares with more than 750 "
                "agencies and {a:San Diego Police Department} with more than 640. Should we reach "
                "out to them before the story runs?"
            ),
        ],
    )
    html = Message(
        redact("Ingrid Tallowmere"),
        sent(2018, 10, 2, 9, 30),
        [to],
        "LEARN banner shows raw markup",
        [
            (
                "FYI, since this morning's release the LEARN sign-in page shows the maintenance "
                "banner as raw text instead of formatting it. This is what users see, copied "
                "exactly:"
            ),
            '<b>bold</b> Scheduled maintenance Saturday 0200-0600 ET <script>alert("x")</script>',
            (
                "I have opened a ticket with {v:TRSS}. No data issue as far as I can tell, but a "
                "few users have reported it as a phishing attempt."
            ),
        ],
    )
    option = Message(
        dc,
        sent(2018, 9, 24, 12, 12),
        [to],
        "Mod P00001 executed - option year 1",
        [
            (
                "Modification {mod:P00001|70CMSD18C00000003} exercising option period 1 is signed. "
                "{m:$2,200,000.00} obligated for {d:FY2019}. Period of performance {d:10/1/2018} "
                "through {d:9/30/2019}."
            ),
            (
                "Reminder that the audit report deliverable is still arriving late. Please let "
                "{v:TRSS} know that we expect it by the 10th."
            ),
        ],
    )
    audit1 = Message(
        to,
        sent(2019, 1, 8, 10, 48),
        [redact("Wendell Achterhof")],
        "RE: Audit of Q1 FY2019 queries",
        [
            (
                "Thanks for pulling the sample. Of the 120 queries you reviewed, 9 had a case "
                "number that did not match an open case and 14 used OTHER with a description of "
                '"address check". Please have the supervisors counsel those users and resubmit '
                "the certification."
            ),
        ],
    )
    audit0 = Message(
        redact("Wendell Achterhof"),
        sent(2019, 1, 7, 16, 2),
        [to],
        "Audit of Q1 FY2019 queries",
        [
            (
                "Attached is the sample review for Los Angeles for {d:October 2018} to {d:December "
                "2018}. Most queries are fine. A handful have reason codes that do not match the "
                "case type, and one user ran 61 queries in a single day, which the supervisor "
                "says was a targeted operation. Detail in the spreadsheet."
            ),
        ],
        attachments=["LA_LPR_sample_Q1FY19.xlsx"],
    )
    return [
        ("2017-12-27_Email_Award_LPR_data_service_contract.pdf", [award], False),
        (
            "2018-01-19_Email_RE_LPR_rollout_to_field_offices.pdf",
            [rollout3, rollout2, rollout1],
            False,
        ),
        ("2018-03-20_Email_RE_LPR_query.pdf", [query1, query0], True),
        ("2018-04-11_Email_FW_Long_Beach_account_access.pdf", [tfo1, tfo0], False),
        ("2018-06-05_Email_LPR_accounts_passed_9000.pdf", [users], False),
        (
            "2018-08-14_Email_RE_Question_on_sharing_from_California_agencies.pdf",
            [sb54_1, sb54_0],
            False,
        ),
        ("2018-09-24_Email_Mod_P00001_executed.pdf", [option], False),
        ("2018-10-02_Email_LEARN_banner_shows_raw_markup.pdf", [html], False),
        ("2019-01-08_Email_RE_Audit_of_Q1_FY2019_queries.pdf", [audit1, audit0], True),
    ]
