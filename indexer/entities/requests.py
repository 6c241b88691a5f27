"""FOIA and public-records request numbers (tracking numbers), as the agency writes them.

A number counts only where something says what it is:

* a label: "FOIA Request No. 21-1234", "Public Records Act Request 19-0412", "FOIA FILE NO.:
  P054496", "Request #2020-0001", "tracking number 2019-ICFO-10471" (a bare "Reference #" is not
  one: booking logs and forms number everything so);
* an agency's own form, written anywhere: DHS's year, office and serial ("2019-ICFO-10471",
  "2014-OCIO-00651-F"), a FOIA prefix on the number ("FOIA15-3528", "FOIA 14-5298"), GovQA's
  letter, six digits and six more ("R000817-011520").

Dates, court case numbers (19-cv-7058), phone numbers, Bates stamps and contract numbers are not
request numbers, even after a label. A number is kept as written, its spacing and case tidied.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .contracts import find_contracts

_PREFIX = (
    r"(?:FOIA|FOIPA|FOI|PRA|CPRA|Freedom\s+of\s+Information(?:\s+Act)?|Public\s+Records?"
    r"(?:\s+Act)?|Open\s+Records(?:\s+Act)?|Privacy\s+Act)\b(?:\s*/\s*PA\b)?"
)
_MARKER = r"(?:No\b\.?|Nos\b\.?|Number\b|Num\b\.?|#|ID\b)"
# what a label ends with: a prefix and its nouns (the marker optional), or a noun and a marker;
# the lookahead lets ``re`` skip to the letters a label starts with (three times faster)
_LABEL = re.compile(
    rf"(?i)(?=[fpocrt])\b(?:{_PREFIX}(?:\s+(?:Request|Case|File|Control|Tracking|Reference|Log|Appeal)\b)*"
    rf"(?P<marked>\s*{_MARKER})?|(?P<noun>Request|Tracking)\s*{_MARKER})\s*[:.,]?\s*"
)
_ID = re.compile(r"(?:[A-Z]{1,6}[- ]?)?\d[\dA-Z]*(?:\s?-\s?[\dA-Z]+)*(?![\w-])")
# in either case (an email may write "2019-icfo-10471"), one pattern so the text is read once
_OWN_FORM = re.compile(
    r"(?i)(?<![\w-])(?:"
    # DHS: year, office, serial; not a Bates stamp's "2019-FOIA-000024" missing its prefix
    r"(?:19|20)\d\d-(?!FOIA)[A-Z]{4}-\d{4,6}(?:-[A-Z])?"
    r"|FOIA[- ]?\d\d(?:\d\d)?-\d{3,6}"
    r"|[PRWT]\d{6}-\d{6}"  # GovQA
    r")(?![\w-])"
)
_NOT_REQUESTS = re.compile(
    r"\d{4}-\d\d-\d\d|\d\d?-\d\d?-\d\d(?:\d\d)?"  # dates
    r"|(?:\d:)?\d\d-?(?:CV|CR|MJ|MC|MD|BK|AP|CF)-?\d+(?:-[A-Z]+)*"  # court cases
    r"|\d{3}-\d{3}-\d{4}"  # phone numbers
)


@dataclass(frozen=True)
class RequestNumber:
    value: str  # as written, spacing and case tidied
    text: str  # as found
    start: int
    end: int


def find_requests(text: str) -> Iterator[RequestNumber]:
    """Each request number in ``text``: the agencies' own forms, then the labelled ones."""
    taken: list[tuple[int, int]] = []
    for m in _OWN_FORM.finditer(text):
        taken.append(m.span())
        yield RequestNumber(tidy(m.group(0)), m.group(0), *m.span())
    for label in _LABEL.finditer(text):
        found = _ID.match(text, label.end())
        if found is None or any(found.start() < b and a < found.end() for a, b in taken):
            continue
        number = tidy(found.group(0))
        if _counts(number, marked=label["marked"] is not None or label["noun"] is not None):
            taken.append(found.span())
            yield RequestNumber(number, found.group(0), *found.span())


def tidy(number: str) -> str:
    """A request number as the agency writes it: upper case, one space at most, none around
    a hyphen."""
    return re.sub(r"\s*-\s*", "-", " ".join(number.split())).upper()


def _counts(number: str, *, marked: bool) -> bool:
    """Whether a number after a label is a request number: three digits or more, and, unless
    a "No." or "#" marks it, a hyphen, a letter or five digits (so that "FOIA 2019" and a
    statute's "552" are not); never a date, a court case, a phone or a contract number."""
    digits = sum(c.isdigit() for c in number)
    if digits < 3 or _NOT_REQUESTS.fullmatch(number):
        return False
    if not marked and "-" not in number and number.isdigit() and digits < 5:
        return False
    return not any(c.value == number or c.text == number for c in find_contracts(number))
