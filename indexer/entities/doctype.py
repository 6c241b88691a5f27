"""The kind of record a document is, judged from the form of its first pages' text.

A reader skims the top of the first page: a court caption, a memo's or an email's header, a
letter's salutation, or a title that names the record ("Daily Crime Log", "Purchase Order").
Failing those, the layout tells: rows of dated entries are a log, a grid of figures a table,
labelled blanks and boxes a form, sections of prose a report.
"""

from __future__ import annotations

import re

from ._doclayout import measure

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
_TOP_LINES = 30  # where a letter's salutation or a memo's header may begin
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
    "minutes": ("agenda", "minutes", "regular meeting", "special meeting", "meeting notice"),
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
    "log": ("log", "logbook", "audit", "blotter"),
    "table": ("listing", "statistics", "spreadsheet", "table"),
    "form": ("form", "checklist", "slip", "questionnaire", "worksheet"),
    "report": ("report", "bulletin", "study"),
    "memo": ("memo", "memorandum"),
}
_TYPE_OF = {name: kind for kind, names in _NAMES.items() for name in names}
_NOUN = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _TYPE_OF), key=len, reverse=True)) + r")\b"
)
_HEADS = frozenset(name.split()[-1].split("/")[-1] for name in _TYPE_OF)  # a title holds one
_WORD = re.compile(r"[a-z]+")
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
    r"\b(?:is|are|was|were|be|will|shall|may|must|has|have|can|should)\b|^\(|[^.]\w\.$"
)
# a field of a header or form: the noun in its label does not title the record
_FIELD = re.compile(r"^(?:re|subject|to|from|cc|bcc|date|sent|attn|attention|description)\s*:")
_MEMO = re.compile(r"^(?:interoffice |internal |office )?memo(?:randum)?(?:\s+for\b.*|\s*:?)$")
_HEADER = re.compile(r"^(from|sent|date|to|cc|subject)\s*:")
_SALUTATION = re.compile(
    r"^(?:dear\b|to whom it may concern|greetings\b)|^(?:mr|ms|mrs|dr|mx)\.?\s+[\w'-]+\s*[,:]$"
)
# an agency answering a records request, in its own voice ("your ... request"); a requester
# writes "my request" or "this request"
_ANSWER = re.compile(r"your (?:[\w()/.,'-]+ ){0,6}?request")
_ANSWER_CUES = ("request", "responsive", "records were", "records have")
_RECORDS_ANSWER = re.compile(
    r"your (?:[\w()/.,'-]+ ){0,5}?(?:foia|records|cpra|pra|records act|information act)"
    r"(?: \(foia\))? request|responsive to your|no responsive records|notice of response"
    r"|no (?:responsive )?records (?:were|have been) (?:found|located)"
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
_ASSEMBLY_CUES = ("call to order", "roll call", "approval of")
_ASSEMBLY = re.compile(
    r"^(?:\d+\.\s*)?(?:call to order|roll call|approval of (?:the )?minutes)", re.M
)
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
    head = head.lower()
    lines = [line for line in map(str.strip, head.splitlines()) if line]
    if _is_court_paper(head, "\n".join(lines[: _TOP_LINES * 2])):
        return "court_filing"
    opening = _opening(lines[:_TOP_LINES])
    if opening == "letter":
        return "response_letter" if "request" in head and _ANSWER.search(head) else "letter"
    if opening == "email":
        return "response_letter" if _answers_records_request(head) else "email"
    text = "\n".join(lines)
    layout = measure(text)
    if opening == "report" and layout.kind() == "log":
        return "log"  # a system's report of dated entries in order is its log
    if opening == "report" and _filled_in(head):
        return "form"  # a "Financial Disclosure Report" or another report filled in on a form
    if opening:
        return opening
    if any(cue in head for cue in _ASSEMBLY_CUES) and _ASSEMBLY.search(text):
        return "minutes"
    return layout.kind() or _by_content(head, text)


def _opening(lines: list[str]) -> str | None:
    """The type the first lines declare, by the first of: a memo's heading, a header block,
    a salutation, or a title naming the record."""
    for i, line in enumerate(lines):
        if _MEMO.match(line):
            return "memo"
        header = _HEADER.match(line)
        if header:
            names = {m.group(1) for m in map(_HEADER.match, lines[i : i + 6]) if m}
            if header.group(1) == "from" and ("sent" in names or "date" in names):
                return "email"
            if {"to", "from"} <= names and names & {"subject", "date"}:
                return "memo"
        if _SALUTATION.match(line):
            return "letter"
        noun = _title_noun(line) if i < _TITLE_LINES else None
        if noun:
            return noun
    return None


def _title_noun(line: str) -> str | None:
    """The type a title line names by its head noun, if it is a title and names one: the last
    name before the first qualifier, else the last name on the line."""
    if len(line) > 100 or _HEADS.isdisjoint(words := _WORD.findall(line)) or len(words) > 12:
        return None
    if _FIELD.match(line) or _SENTENCE.search(line):
        return None
    names = [m for m in _NOUN.finditer(line) if not _DETERMINER.search(line, 0, m.start())]
    cut = _QUALIFIER.search(line)
    if not names or _ORGANISATION.search(line, 0, cut.start() if cut else len(line)):
        return None
    before = [m for m in names if cut is None or m.start() < cut.start()]
    return _TYPE_OF[(before or names)[-1].group()]


def _is_court_paper(head: str, top: str) -> bool:
    """A caption: an ECF stamp, or two of a court's name, the parties, a case number, a
    hearing's transcript."""
    if "document" in head and _ECF.search(head):
        return True
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


def _filled_in(head: str) -> bool:
    """Two or more of a form's instructions to whoever fills it in."""
    return sum(head.count(cue) for cue in _FORM_CUES) >= 2


def _by_content(head: str, text: str) -> str:
    """For records with no title and no grid: a request answered makes a response letter,
    labelled blanks a form, sections of prose a report."""
    if _answers_records_request(head):
        return "response_letter"
    if len(_BLANK.findall(text)) >= 6 or _filled_in(head):
        return "form"
    if any(name in text for name in _SECTIONS) and _SECTION.search(text):
        return "report"
    return "other"
