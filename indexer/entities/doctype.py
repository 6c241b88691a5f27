"""The kind of record a document is, judged from the form of its first pages' text.

A reader skims the top of the first page: a court caption, a memo's or an email's header, a
letter's salutation, or a title that names the record ("Daily Crime Log", "Purchase Order").
Failing those, what the page holds tells: an order of business is an agenda or minutes,
billing fields an invoice, rows of dated entries a log, a grid of figures or of counts a
table, a policy's sections a policy, labelled blanks and boxes a form, sections of prose a
report. Scans are read as OCR writes them: specks before a title, a colon read as ';'.
"""

from __future__ import annotations

import re

from ._doclayout import measure
from .dates import find_dates

# Every type, with the label a person reads, in the order a list of them is shown.
TYPES: dict[str, str] = {
    "response_letter": "response letter",
    "letter": "letter",
    "email": "email",
    "memo": "memo",
    "contract": "contract",
    "agreement": "agreement",
    "invoice": "invoice or purchase order",
    "policy": "policy",
    "manual": "manual",
    "report": "report",
    "form": "form",
    "log": "log",
    "table": "table",
    "court_filing": "court filing",
    "minutes": "agenda or minutes",
    "other": "other",
}

# letters that lower() does not turn into the ASCII ones case-insensitive matching reads them as
_FOLD = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})
_FOLDED = re.compile("[\u0130\u0131\u017f\u212a]")
_TOP_LINES = 30  # where a memo's or an email's header may begin
# where a letter's salutation may be: below a letterhead that lists a firm's offices or a
# board's members down its side
_SALUTATION_LINES = 50
_TITLE_LINES = 15  # where a title may stand
_HEAD = 4000

# The names a title gives a record, by type. A title's type is its head noun: the last name
# before a qualifier ("of", "for", "-", ":" ...), so "Query Audit Report" is a report and
# "Manual of Policy and Procedures" a manual.
_NAMES: dict[str, tuple[str, ...]] = {
    "response_letter": ("notice of response", "final response", "interim response", "fee estimate"),
    "agreement": (
        "memorandum of understanding",
        "memorandum of agreement",
        "mou",
        "moa",
        "agreement",
    ),
    "minutes": (
        "agenda",
        "minutes",
        "regular meeting",
        "special meeting",
        "meeting notice",
        "public hearing",
    ),
    "contract": (
        "contract",
        "award/contract",
        "order for supplies",
        "statement of work",
        "amendment of solicitation",
        "modification of contract",
        "task order",
    ),
    "invoice": ("invoice", "invoices", "purchase order", "quote", "quotation", "requisition"),
    "policy": (
        "policy",
        "policies",
        "directive",
        "general order",
        "procedures",
        "privacy impact assessment",
    ),
    "manual": ("manual", "handbook", "guide", "guidebook"),
    "log": ("log", "logbook", "audit trail", "blotter"),
    "table": ("listing", "statistics", "spreadsheet", "table", "tables"),
    "form": ("form", "checklist", "slip", "questionnaire", "worksheet"),
    "report": ("report", "bulletin", "study", "audit"),
    "memo": ("memo", "memorandum"),
}
_TYPE_OF = {name: kind for kind, names in _NAMES.items() for name in names}
_NOUN = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _TYPE_OF), key=len, reverse=True)) + r")\b"
)
_HEADS = frozenset(name.split()[-1].split("/")[-1] for name in _TYPE_OF)  # a title holds one
_WORD = re.compile(r"[a-z]+")
_A_WORD = re.compile(r"[a-z]{3}")
_QUALIFIER = re.compile(
    r"\s(?:of|for|by|between|to|from|on|under|with|in|regarding|concerning|re)\s|\s[-–—|]\s|:"
)
_DETERMINER = re.compile(r"(?:\bthis|\bthe|\ba|\ban|\bthat|\byour|\bour|\bits|\bany)\s+$")
# a line that names an office is letterhead, not a title: "Office of Information Policy"
_ORGANISATION = re.compile(
    r"\b(?:office|department|dept\.?|division|bureau|cent(?:er|re)|board|commission|council"
    r"|agency|unit|section|branch|committee|administration|institute|authority"
    r"|ministry|court)$"
)
# a sentence, not a title: "This report may contain ...", "Form must be typewritten", an
# aside in brackets, a line ending in a full stop
_SENTENCE = re.compile(
    r"\b(?:is|are|was|were|be|will|shall|may(?![\s-]*\d)|must|has|have|can|should)\b|^\(|[^.]\w\.$"
)
# a field of a header or form: the noun in its label does not title the record
_FIELD = re.compile(r"^(?:re|subject|to|from|cc|bcc|date|sent|attn|attention|description)\s*:")
_MEMO = re.compile(r"^(?:interoffice |internal |office )?memo(?:randum)?(?:\s+for\b.*|\s*:?)$")
_HEADER = re.compile(r"^(from|sent|date|to|cc|subject|re)\s*[:;]")  # ';': a scan's colon
_HEADER_SPAN = 12  # lines a header's fields spread over: values wrap, "Attention:" lines
# a labelled field that is no header's: "Record Number:", "Agency:", "Pages:"
_LABEL = re.compile(r"^[a-z][\w ./'()-]{1,30}\s?:")
# a title line that goes on in the next: "... Campus Security Policy and"
_GOES_ON = re.compile(r"(?:\b(?:and|of|for|the|on|in|to|with|by)|[&,–-])$")
# a type's noun that labels a number: "Contract Number: VA268-15-C-0066", "Invoice #4432"
_NUMBERED = re.compile(r"\s*(?:number|no\b|#|num\b|id\b)")
_SALUTATION = re.compile(
    r"^(?:dear\b|to whom it may concern|greetings\b)|^(?:mr|ms|mrs|dr|mx)\.?\s+[\w'-]+\s*[,:]$"
)
# an agency answering a records request, in its own voice ("your ... request"); a requester
# writes "my request" or "this request"
_ANSWER = re.compile(
    r"your (?:[\w()/.,'-]+ ){0,6}?(?:request|appeal)"
    r"|(?:records|information|documents|materials) (?:that )?you (?:have )?(?:requested|sought)"
    r"|above[- ]referenced (?:[\w()/.,'-]+ ){0,3}?request|request (?:that )?you (?:submitted|made)"
)
_ANSWER_CUES = ("request", "responsive", "records were", "records have", "unable to locate")
_ACT = r"(?:foia|foil|records|cpra|pra|opra|records act|information act|disclosure|sunshine)"
_RECORDS_ANSWER = re.compile(
    rf"your (?:[\w()/.,'-]+ ){{0,5}}?{_ACT}(?: \(foia\))? request|responsive to your"
    r"|no responsive records|notice of response|records (?:that )?you (?:have )?requested"
    r"|no (?:responsive )?records (?:were|have been) (?:found|located)"
    r"|unable to locate (?:any )?(?:responsive )?records"
)
_COURT = re.compile(
    r"^(?:in the\s+)?(?:[\w.,']+\s+){0,5}court(?:\s+of\s+[\w .,']+)?$"
    r"|^(?:supreme|district|circuit|superior) court\b",
    re.M,
)
_PARTY = re.compile(
    r"\b(?:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?"
    r"|charging party|complainants?|claimants?)(?:[-\s]+(?:appellants?|appellees?))?\s*[.,;]?$",
    re.M,
)
_VERSUS = re.compile(r"^(?:v|vs|versus)\.?$|\s(?:v|vs)\.\s", re.M)
_CASE_CUES = ("case", "action", "docket", "cause", "index")
# the rule of ")" or "§" between a caption's parties and its case number
_CAPTION_RULE = re.compile(r"[ \t]*[)§:|][)§:| \t]*$", re.M)
_CASE = re.compile(r"(?:case|civil action|docket|cause|index)\s+(?:no\b|number\b|#)")
_ECF = re.compile(r"case\s+[\d:]+-?[a-z]{0,2}-\d+.{0,40}\bdocument\s+[\d-]+|document\s+\d+\s+filed")
_HEARING = ("oral argument", "transcript of", "deposition of", "reporter's transcript")
# a form's instructions to whoever fills it in
_FORM_CUES = (
    "check one",
    "check all that apply",
    "check appropriate",
    "check the appropriate",
    "check the box",
    "(last, first",
    "(last first",
    "last name, first",
    "last name first",
    "print name",
    "type name",
    "this form",
    "signature of",
)
_ASSEMBLY_CUES = (
    "call to order",
    "roll call",
    "approval of",
    "adjourn",
    "public comment",
    "consent",
    "business",
    "quorum",
    "allegiance",
)
# the items of an order of business, numbered or lettered
_ASSEMBLY = re.compile(
    r"^(?:[\divx]+[.)]\s*|[a-z][.)]\s+)?(?:(call to order|roll call|approval of (?:the )?minutes"
    r"|pledge of allegiance)|(public comments?|adjournment|adjourn|consent (?:calendar|agenda)"
    r"|(?:old|new|unfinished) business|determination of (?:a )?quorum"
    r"|approval of (?:the )?agenda))",
    re.M,
)
_OPENING_ITEMS = frozenset(
    {
        "call to order",
        "roll call",
        "pledge of allegiance",
        "approval of minutes",
        "approval of the minutes",
    }
)
# an invoice's or a purchase order's fields
_BILLING = (
    "bill to",
    "remit to",
    "ship to",
    "amount due",
    "balance due",
    "total due",
    "invoice #",
    "invoice no",
    "invoice number",
    "invoice date",
    "unit price",
    "quantity",
    "subtotal",
    "payment terms",
    "po number",
    "p.o. number",
)
# what makes an agreement a contract, and what makes it a pact
_COOPERATION = re.compile(
    r"memorandum of|\bmou\b|\bmoa\b|inter(?:governmental|local|agency|departmental)"
    r"|mutual aid|data sharing|cooperati(?:ve|on) agreement|grant (?:award )?agreement"
)
_COMMERCIAL = re.compile(
    r"\b(?:services?|license|licensing|subscription|purchase|sales?|lease|software|consulting"
    r"|professional services|maintenance|supply) agreement\b|\border form\b"
)
_PRICED = re.compile(r"\$\s?\d|\bfees?\b|\bpayments?\b|\binvoices?\b|\bprices?\b|\bcompensation\b")
# a policy's section headings: "I. PURPOSE", "1204.1 PURPOSE AND SCOPE", "Definitions:"
_HEADING = r"(?:purpose|policy|procedures?|definitions|responsibilities|applicability|scope)"
_POLICY_HEADING = re.compile(
    rf"^(?:[\divx]+(?:\.\d+)*\.?\s+|[a-z][.)]\s+)?({_HEADING}(?: and {_HEADING})*)\s*[:.]?\s*$",
    re.M,
)
# a numbered section of a policy manual and the policy it belongs to: "3-10/200.00 USE OF
# FIREARMS" (policy 3-10/200), "1204.1 PURPOSE AND SCOPE" (policy 1204); policies are numbered
# in hundreds and thousands, a report's chapters 1, 2, 3
_NUMBERED_SECTION = re.compile(
    r"^(\d*\d{3}(?:[-/.]\d+)*?|\d+(?:[-/.]\d+)*?[-/.]\d{3})[-/.]\d+\s+[a-z][a-z ,'&-]{6,}$", re.M
)
_BINDING = re.compile(r"\b(?:shall|must|are required to)\b")
# the control number the Office of Management and Budget gives a federal form
_OMB = re.compile(r"\bomb (?:no\b|number|control|approval)")
# labelled blanks: a rule to write on, a box to tick, a label with nothing after it
_BLANK = re.compile(r"_{3,}|[\u2610\u2611\u2612\u25a1\u274f\u25a0]|\[ ?_?\]|:[ \t]*$", re.M)
_SECTIONS = (
    "abstract",
    "executive summary",
    "introduction",
    "background",
    "findings",
    "conclusion",
    "recommendations",
    "methodology",
    "table of contents",
)
_SECTION = re.compile(
    r"^(?:\d+\.?\s*|[ivx]+\.\s*)?(?:abstract|executive summary|introduction|background"
    r"|findings|conclusions?|recommendations|methodology|table of contents)\s*:?$",
    re.M,
)


def classify(first_pages: str) -> str:
    """One of ``TYPES`` for the text of a document's first pages."""
    head = first_pages[:_HEAD]
    if _FOLDED.search(head):
        head = head.translate(_FOLD)
    rows = "\n".join(line for line in map(str.strip, head.splitlines()) if line)
    head = head.lower()
    lines = rows.lower().split("\n")
    if _is_court_paper(head, "\n".join(lines[: _TOP_LINES * 2])):
        return "court_filing"
    opening = _opening(lines[:_SALUTATION_LINES])
    if opening == "letter":
        return "response_letter" if "request" in head and _ANSWER.search(head) else "letter"
    if opening == "email":
        return "response_letter" if _answers_records_request(head) else "email"
    text = "\n".join(lines)
    if opening == "agreement" and _for_consideration(head):
        return "contract"  # an agreement to sell or serve for a price, not to cooperate
    layout = measure(rows)  # in the case it is written in: a row in capitals is no prose
    if opening == "report" and layout.kind() == "log":
        return "log"  # a system's report of dated entries in order is its log
    if opening == "report" and _filled_in(head):
        return "form"  # a "Financial Disclosure Report" or another report filled in on a form
    if opening:
        return opening
    if _order_of_business(head, text):
        return "minutes"
    if sum(cue in head for cue in _BILLING) >= 2:
        return "invoice"
    return layout.kind() or _by_content(head, text)


def _opening(lines: list[str]) -> str | None:
    """The type the first lines declare, by the first of: a memo's heading, a header block,
    a salutation, or a title naming the record. A title that labels a number ("Contract No.
    12") declares its type only if no other title follows; titles stand among the first lines
    that hold a word (a scan's specks and stamps before them are not counted) and before the
    record's first row of data."""
    labelled: str | None = None
    titles_left = _TITLE_LINES
    second = False  # whether this line is the second of a title read whole
    for i, line in enumerate(lines):
        if i < _TOP_LINES and _MEMO.match(line):
            return "memo"
        if i < _TOP_LINES and _HEADER.match(line) and (kind := _header_kind(lines, i)):
            return kind
        if _SALUTATION.match(line):
            return "letter"
        if titles_left <= 0 or second:
            second = False
            continue
        titles_left -= _A_WORD.search(line) is not None
        second = _GOES_ON.search(line) is not None and i + 1 < len(lines)
        found = _title_noun(f"{line} {lines[i + 1]}", 16) if second else _title_noun(line)
        if found and not found[1]:
            return found[0]
        labelled = labelled or (found[0] if found else None)
        if _data_row(line):
            titles_left = 0
    return labelled


def _header_kind(lines: list[str], i: int) -> str | None:
    """'email' or 'memo' for a header block starting at line ``i`` (From/Sent/To/Date/Subject,
    a value perhaps wrapped over lines; an email's names an address); 'form' for To/From
    fields among a form's many other labelled fields; None for a lone label."""
    window = lines[i : i + _HEADER_SPAN]
    names = {m.group(1) for m in map(_HEADER.match, window) if m}
    if "sent" in names and names & {"from", "to"}:
        return "email"  # a scan may lose the From line, not both
    addressed = any("@" in line for line in lines[max(0, i - 1) : i + _HEADER_SPAN])
    if "date" in names and addressed and ("from" in names or {"to", "subject"} <= names):
        return "email"  # a mail program's print: the sender's line may carry no label
    if {"to", "from"} <= names and names & {"subject", "date", "re"}:
        around = lines[max(0, i - 6) : i + _HEADER_SPAN]
        fields = sum(1 for line in around if _LABEL.match(line) and not _HEADER.match(line))
        return "form" if fields >= 4 else "memo"
    return None


def _data_row(line: str) -> bool:
    """A row of a record's data: a date with three other figures or codes beside it."""
    dates = [d for d in find_dates(line) if len(d.value) == 10]
    if not dates:
        return False
    rest = line[: dates[0].start] + " " + line[dates[0].end :]
    return sum(1 for token in rest.split() if any(c.isdigit() for c in token)) >= 3


def _title_noun(line: str, most: int = 12) -> tuple[str, bool] | None:
    """The type a title line names by its head noun, if it is a title and names one: the last
    name before the first qualifier, else the last name on the line; and whether the noun
    labels a number."""
    if len(line) > most * 8 + 4 or _HEADS.isdisjoint(words := _WORD.findall(line)):
        return None
    if len(words) > most or _FIELD.match(line) or _SENTENCE.search(line):
        return None
    names = [m for m in _NOUN.finditer(line) if not _DETERMINER.search(line, 0, m.start())]
    cut = _QUALIFIER.search(line)
    if not names or _ORGANISATION.search(line, 0, cut.start() if cut else len(line)):
        return None
    before = [m for m in names if cut is None or m.start() < cut.start()]
    noun = (before or names)[-1]
    return _TYPE_OF[noun.group()], _NUMBERED.match(line, noun.end()) is not None


def _is_court_paper(head: str, top: str) -> bool:
    """A caption: an ECF stamp, or two of a court's name, the parties, a case number, a
    hearing's transcript."""
    if "document" in head and _ECF.search(head):
        return True
    top = _CAPTION_RULE.sub("", top)
    marks = 0
    if "court" in top and _COURT.search(top):
        marks += 1
    if ("v." in top or "vs" in top) and _VERSUS.search(top) and _PARTY.search(top):
        marks += 1
    if marks and any(cue in head for cue in _HEARING):
        marks += 1
    if marks and any(cue in head for cue in _CASE_CUES) and _CASE.search(head):
        marks += 1
    return marks >= 2


def _answers_records_request(head: str) -> bool:
    return any(cue in head for cue in _ANSWER_CUES) and bool(_RECORDS_ANSWER.search(head))


def _order_of_business(head: str, text: str) -> bool:
    """An agenda's or minutes' items: one that only a meeting has (call to order, roll call,
    approval of minutes), or two of a meeting's other items."""
    if not any(cue in head for cue in _ASSEMBLY_CUES):
        return False
    items = {m.group(1) or m.group(2) for m in _ASSEMBLY.finditer(text)}
    return bool(items & _OPENING_ITEMS) or len(items) >= 2


def _for_consideration(head: str) -> bool:
    """Whether an agreement is a contract: one to sell, license or serve (its title says so,
    or it speaks of prices and payments), not a memorandum or a pact between public bodies."""
    if _COOPERATION.search(head):
        return False
    return _COMMERCIAL.search(head) is not None or len(_PRICED.findall(head)) >= 4


def _policy(text: str) -> str | None:
    """'policy' for a policy's sections (a purpose, and its policy, procedure, definitions or
    responsibilities); 'manual' for the sections of several numbered policies in force
    ("3-10/200.00 USE OF FIREARMS", "3-10/210.00 ..."); else None."""
    headings = {word for m in _POLICY_HEADING.finditer(text) for word in m.group(1).split(" and ")}
    if "purpose" in headings and len(headings) >= 2:
        return "policy"
    sections = [m.group(1) for m in _NUMBERED_SECTION.finditer(text)]
    if len(sections) < 2 or _BINDING.search(text) is None:
        return None
    return "manual" if len(set(sections)) >= 2 else "policy"


def _filled_in(head: str) -> bool:
    """Two or more of a form's instructions to whoever fills it in."""
    return sum(head.count(cue) for cue in _FORM_CUES) >= 2


def _by_content(head: str, text: str) -> str:
    """For records with no title and no grid: a request answered makes a response letter,
    a policy's sections a policy (or, several numbered policies, a manual), labelled blanks a
    form, sections of prose a report."""
    if _answers_records_request(head):
        return "response_letter"
    if policy := _policy(text):
        return policy
    if len(_BLANK.findall(text)) >= 6 or _filled_in(head) or _OMB.search(head):
        return "form"
    if any(name in text for name in _SECTIONS) and _SECTION.search(text):
        return "report"
    return "other"
