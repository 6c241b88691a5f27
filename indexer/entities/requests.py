"""FOIA and public-records request numbers (tracking numbers), as the agency writes them.

A number counts only where something says what it is:

* a label: "FOIA Request No. 21-1234", "Public Records Act Request 19-0412", "FOIA FILE NO.:
  P054496", "Request #2020-0001", "tracking numbers DOJ-2018-001842 and DOJ-2018-001843",
  "PRR EPD-2025-3891", "Records Request R14-211", "your request 19-0412"; a reference
  ("Our Ref: 19-0412") only on a page about a records request (booking logs and forms number
  everything "Reference #");
* an agency's own form, written anywhere: DHS's year, office and serial ("2019-ICFO-10471",
  "2014-OCIO-00651-F"), a FOIA prefix on the number ("FOIA15-3528", "FOIA 14-5298"), GovQA's
  letter, six digits and six more ("R000817-011520"); and, on a page about a records request,
  the request portals' office code, year and serial ("DOJ-2018-001842", "EPD-2025-4510",
  "EPA-R9-2019-000123"), also inside the invoice a portal numbers after it
  ("EPD-2025-4432-INV-1");
* a log's request-number column: under a header naming one ("Tracking Number", "Request No."),
  the numbers that open its rows, when three rows or more share one shape.

Dates, court case numbers (19-cv-7058), phone numbers, Bates stamps, dockets and contract
numbers are not request numbers, even after a label. A number is kept as written, its spacing
and case tidied.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .contracts import find_contracts

_PREFIX = (
    r"(?:FOIA|FOIPA|FOI|PRA|CPRA|PRR|Freedom\s+of\s+Information(?:\s+Act)?|Public\s+Records?"
    r"(?:\s+Act)?|Open\s+Records(?:\s+Act)?|Privacy\s+Act|Records(?=\s+Requests?\b))\b"
    r"(?:\s*/\s*PA\b)?"
)
_MARKER = r"(?:No\b\.?|Nos\b\.?|Numbers?\b|Num\b\.?|#|ID\b)"
# kinds of request that are not for records: "Purchase Request No. 2019-0045"
_NOT_RECORDS = {
    "purchase", "payment", "change", "service", "work", "check", "travel", "leave", "budget",
    "transfer", "funding",
}  # fmt: skip
# what a label ends with: a prefix and its nouns (the marker optional), a noun ("Request No.",
# or a bare "Request" after which the number must look like one), a reference; a label may
# start where a word glued to it ends ("Request NumberRequest Number:"); the lookahead lets
# ``re`` skip to the two letters a label starts with
_LABEL = re.compile(
    rf"(?i)(?=[fpocrt][eopru])(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?:"
    rf"{_PREFIX}(?:\s+(?:Request|Case|File|Control|Tracking|Reference|Log|Appeal)s?\b)*"
    rf"(?P<marked>\s*{_MARKER})?"
    rf"|(?P<noun>Request|Tracking)s?(?P<noun_marked>\s*{_MARKER})?"
    rf"|(?P<ref>Ref(?:erence)?\b\.?)(?:\s*{_MARKER})?"
    rf")\s*[:.,]?\s*"
)
_ID = re.compile(r"(?:[A-Z]{1,6}[- ]?)?\d[\dA-Z]*(?:\s?[-–—]\s?[\dA-Z]+)*(?![\w-])")
# "X (OIP) and Y", "X, Y": the numbers a label names after its first
_MORE = re.compile(r"(?:\s*\([A-Z]{2,8}\))?\s*(?:,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+)")
# in either case (an email may write "2019-icfo-10471"), one pattern so the text is read once
_OWN_FORM = re.compile(  # the lookahead lets ``re`` skip to where a number can start
    r"(?i)(?=[12fprwt])(?<![\w/-])(?:"
    # DHS: year, office, serial; not a Bates stamp's "2019-FOIA-000024" missing its prefix
    r"(?:19|20)\d\d-(?!FOIA)[A-Z]{4}-\d{4,6}(?:-[A-Z])?"
    r"|FOIA[- ]?\d\d(?:\d\d)?-\d{3,6}"
    r"|[PRWT]\d{6}-\d{6}"  # GovQA
    r")(?![\w-])"
)
# the request portals' year and serial after an office code ("DOJ-2018-001842",
# "EPA-R9-2019-000123"), maybe inside the invoice numbered after the request
# ("EPD-2025-4432-INV-1"); found by its year, the office read back (a leading "-" is fast)
_PORTAL_YEAR = re.compile(r"-(?:19|20)\d\d-\d{3,7}(?P<invoice>-INV-\d{1,3})?(?![\w-])")
_OFFICE = re.compile(r"(?<![\w/-])[A-Z]{2,6}(?:-[A-Z][A-Z0-9]{0,4})?$")
# a page about a records request, where the portals' office-year-serial form counts
_RECORDS_WORDS = (
    "foia", "foipa", "freedom of information", "public record", "open record", "records act",
    "records request", "request for records", "tracking number", "prr ", "cpra", "right to know",
)  # fmt: skip
# labels before a number that say it is something else
_OTHER_LABEL = re.compile(
    r"(?i)\b(?:docket|case|contract|bates|incident|report|permit|citation|bid|rfp|invoice)"
    r"(?:\s+(?:No\b\.?|Number|ID\b|#))?\s*[:.]?\s*$"
)
# a code in a log's row: hyphenated parts with digits, or letters and four digits or more
_ROW_CODE = re.compile(
    r"(?<![\w/.-])(?:[A-Z]{0,6}-?\d[\dA-Z]*(?:-[\dA-Z]+)+|[A-Z]{1,6}\d{4,})(?![\w/-])"
)
_LINE = re.compile(r"[^\n]+")
_NOT_REQUESTS = re.compile(
    r"\d{4}-\d\d-\d\d|\d\d?-\d\d?-\d\d(?:\d\d)?"  # dates
    r"|(?:\d:)?\d\d-?(?:CV|CR|MJ|MC|MD|BK|AP|CF)-?\d+(?:-[A-Z]+)*"  # court cases
    r"|(?:1-)?(?:\d{3}-)?\d{3}-\d{4}"  # phone numbers
)

# "FOIA 2019-2020" (a span of years), unless a "No." marks it as a number
_YEARS = re.compile(r"(?:FOIA[- ]?)?((?:19|20)\d\d)-((?:19|20)\d\d|\d\d)")


@dataclass(frozen=True)
class RequestNumber:
    value: str  # as written, spacing and case tidied
    text: str  # as found
    start: int
    end: int


def find_requests(text: str) -> Iterator[RequestNumber]:
    """Each request number in ``text``: the agencies' own forms, the labelled ones, then a
    log's column of them."""
    taken: list[tuple[int, int]] = []
    for own in _own_forms(text):
        taken.append((own.start, own.end))
        yield own
    about_records: bool | None = None
    header: int | None = None
    for label in _LABEL.finditer(text):
        noun, ref = label["noun"], label["ref"]
        if noun and _word_before(text, label.start()) in _NOT_RECORDS:
            continue
        if ref:
            if about_records is None:
                about_records = _about_records(text)
            if not about_records:
                continue
        marked = label["marked"] is not None or label["noun_marked"] is not None
        loose = ref is not None or (noun is not None and not marked)
        if loose and noun and noun.lower().startswith("t"):
            continue  # "tracking" alone names no number
        at = label.end()
        first = True
        # the label's number, then those listed after it ("Nos. 19-0412 and 19-0413")
        while (found := _ID.match(text, at)) is not None:
            number = tidy(found.group(0))
            if not _counts(number, marked=marked) or (loose and not _looks_like_one(number)):
                break
            first = False
            if not any(found.start() < b and a < found.end() for a, b in taken):
                taken.append(found.span())
                yield RequestNumber(number, found.group(0), *found.span())
            more = _MORE.match(text, found.end())
            if more is None:
                break
            at = more.end()
        if first and marked and header is None:
            header = label.start()  # "Tracking Number Sub-Office Date Submitted": a log's header
    if header is not None:
        yield from _column(text, header, taken)


def _own_forms(text: str) -> Iterator[RequestNumber]:
    """The agencies' own forms; a portal's only on a page about a records request and not
    after another kind of number's label ("Docket ID: DHS-2019-0044")."""
    for m in _OWN_FORM.finditer(text):
        if not _year_span(m.group(0)):
            yield RequestNumber(tidy(m.group(0)), m.group(0), *m.span())
    about_records: bool | None = None
    for m in _PORTAL_YEAR.finditer(text):
        office = _OFFICE.search(text, max(0, m.start() - 13), m.start())
        if office is None:
            continue
        if about_records is None:
            about_records = _about_records(text)
        # an "Invoice #" names the invoice numbered after the request, not another number
        other = not m["invoice"] and _OTHER_LABEL.search(
            text, max(0, office.start() - 30), office.start()
        )
        if about_records and not other:
            end = m.start("invoice") if m["invoice"] else m.end()
            number = text[office.start() : end]
            yield RequestNumber(tidy(number), text[office.start() : m.end()], office.start(), end)


def _about_records(text: str) -> bool:
    """Whether a page is about a records request: it speaks of FOIA, public records, a
    records request or its tracking number."""
    lower = text.lower()
    return any(words in lower for words in _RECORDS_WORDS)


def _word_before(text: str, at: int) -> str:
    words = text[max(0, at - 20) : at].split()
    return words[-1].lower() if words else ""


def _column(text: str, header: int, taken: list[tuple[int, int]]) -> Iterator[RequestNumber]:
    """The numbers of a log's request-number column, under a header naming one (at
    ``header``): of the codes in its rows, those of the shape (letters as A, digits as 9) that
    three rows or more hold once each; a column, not a stray code."""
    line_end = text.find("\n", header)
    if line_end < 0:
        return
    rows: list[list[re.Match[str]]] = []
    for line in _LINE.finditer(text, line_end + 1):
        codes = [
            m
            for m in _ROW_CODE.finditer(text, line.start(), line.end())
            if not _NOT_REQUESTS.fullmatch(m.group(0))
        ]
        if codes:
            rows.append(codes)
    shapes = Counter(shape for row in rows for shape in set(_shape(m.group(0)) for m in row))
    if not shapes:
        return
    shape, count = shapes.most_common(1)[0]
    if count < 3:
        return
    for row in rows:
        hits = [m for m in row if _shape(m.group(0)) == shape]
        if len(hits) != 1 or any(hits[0].start() < b and a < hits[0].end() for a, b in taken):
            continue
        number = tidy(hits[0].group(0))
        if _counts(number, marked=True) and _looks_like_one(number):
            yield RequestNumber(number, hits[0].group(0), *hits[0].span())


def _shape(number: str) -> str:
    return re.sub(r"\d", "9", re.sub(r"[A-Za-z]", "A", number))


def tidy(number: str) -> str:
    """A request number as the agency writes it: upper case, one space at most, none around
    a hyphen, a dash (as OCR reads a hyphen) written as one."""
    return re.sub(r"\s*[-–—]\s*", "-", " ".join(number.split())).upper()


def _year_span(number: str) -> bool:
    """Whether a number is a span of years ("2019-2020", "FOIA 2019-20")."""
    m = _YEARS.fullmatch(number.upper())
    return m is not None and 0 < (int(m[2]) - int(m[1])) % 100 <= 5


def _looks_like_one(number: str) -> bool:
    """Whether a number that only a bare "Request" or "Reference" names looks like a request
    number: letters and digits ("R14-211"), or five digits or more in hyphenated parts
    ("19-0412"); so "Request 10-15 days" is not one."""
    digits = sum(c.isdigit() for c in number)
    letters = any(c.isalpha() for c in number)
    return (letters and digits >= 3) or ("-" in number and digits >= 5)


def _counts(number: str, *, marked: bool) -> bool:
    """Whether a number after a label is a request number: three digits or more, and, unless
    a "No." or "#" marks it, a hyphen, a letter or five digits (so that "FOIA 2019" and a
    statute's "552" are not); never a date, a court case, a phone or a contract number."""
    digits = sum(c.isdigit() for c in number)
    if digits < 3 or _NOT_REQUESTS.fullmatch(number):
        return False
    if not marked and (
        ("-" not in number and number.isdigit() and digits < 5) or _year_span(number)
    ):
        return False
    return not any(c.value == number or c.text == number for c in find_contracts(number))
