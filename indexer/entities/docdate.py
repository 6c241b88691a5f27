"""The date a record bears (issue 14), as opposed to the dates it mentions.

A letter's date under its letterhead (or right-aligned on its line), a memo's ``DATE:``, an
email's Sent, a filing's ECF or Filed date, the latest signature of an agreement (a system's
"electronically signed on" too), the meeting of an agenda or minutes, a form's or report's
labelled date, a print or export stamp, a cover's month; a year or a fiscal year when that is
all the title says; the end of the period a sheet covers. Never a birth date, an incident, a
request received, a case number, or a date far before the record's others. Candidates are
tried from the most to the least trusted; a record bearing none stays undated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import accumulate, pairwise
from statistics import median

from ..models import Page
from .dates import DateMention, find_dates, parse_date

HEAD_LINES = 40  # the letterhead, address block and title of a first page
# a log's or a table's date standing alone is printed above its rows; below, a row's cell
GRID_HEAD_LINES = 3
GRIDS = ("log", "table")
TITLE_LINES = 4
COVER_LINES = 12  # where a report's cover may give its month alone ("December 2019")
# A record is not older than the dates it mentions by more than this many years: on the tune
# gold every document date is at or after the median of its first page's dates (within 3 of
# the whole document's), while the older dates a label could offer there (a judge's
# nomination) are 19 before it. Only older dates are refused: a date much later than the
# others is a cover letter's, a print or a release stamp, the record's own or accepted.
FAR_YEARS = 10

# a court filing's ECF stamp: "Document 32, 08/20/2021," or "Document 191 Filed 05/25/21"
_ECF = re.compile(r"\bDocument\s+[\d-]+,?\s+(?:Filed\s+)?(?P<value>\d\d?/\d\d?/\d{2,4})")
_FILED = re.compile(r"(?:ELECTRONICALLY )?FILED\s*\n?\s*(?P<value>\d\d?/\d\d?/\d{4})")
# the words that name a date field of a record's own, read just before its value
_FIELD = r"\b(?:dated?|sent|filed|effective|issued|signed|printed|created|as of|meeting of|run"
_FIELD += r"|decided|entered|executed|generated|prepared|compiled|produced|exported|published"
_FIELD += r")\b"
# words that date the record even in a sentence: "This MOU is effective April 1, 2016"
_IN_FORCE = ("as of", "effective")
_WEEKDAY = r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day|\.)?"
# when a sheet's content was last brought up to date ("Form updated: 3/28/25"); a template's
# revision ("Revised 03/07/2025", "Rev. 04/2014") is not the day it was filled in or signed
_UPDATED = re.compile(r"(?i)\bupdated[\s:]*$")
# between a field's name and its value: a colon, a form's fill-in line, a scan's specks
# ("DATE: =, Feb. 6, 2018", "Date: >. June 18, 2019"), a weekday
_LABEL = re.compile(
    rf"(?i)(?P<kw>{_FIELD})(?P<qual>[^\d:\n]{{0,30}}?)(?:[^\w\n]|_)*(?:{_WEEKDAY},?\s*)?$"
)
_FIELD_NAME = re.compile(r"\w[\w ]{0,30}:\s*$")
# what may precede a signature's date on the lines under the signature
_DATE_FIELD = re.compile(r"^[\s_]*$|\b(?:Date|DATE|Dated|DATED)\b[^\w\n]*$")
# a column header over its values ("Report Date Detective Assigned Reviewed Date")
_DATE_WORD = re.compile(r"\b(?:Date|DATE)\b")
# what a field's own words say when its date is of something else: an event the record
# reports, another paper (a request, the edition a policy supersedes), or a term
_NOT_OWN = re.compile(
    r"(?i)birth|\bdob\b|\bborn\b|death|incident|occur|offen[cs]e|arrest|book|release|custody"
    r"|admi(?:t|ssion)|discharge|depart|arriv|travel|entry|request|receiv|receipt|submi|due\b"
    r"|expir|hire|nominat|appoint|terminat|start|begin|\bend\b|from\b|through|\blast\b|next"
    r"|prior|previous|period|deliver|ship|paid|payment|hearing|injur|supersed|replac|rescind|requir"
)
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w.]*)[^\w\n]*$")
_WEEKDAY_OR_VIA = re.compile(
    rf"^(?:{_WEEKDAY}|(?:sent )?via [\w -]+"
    r"|by (?:e-?mail|fax|u\.?s\.? mail)[\w ]*)?"
    r"(?:[\s,]*(?:at\s+)?\d\d?:\d\d\s*(?:[ap]\.?m\.?)?)?$",  # a meeting's hour
    re.I,
)
# the line numbers of a transcript or pleading paper ("16· · ·Monday, February 19, 2018")
_LINE_NUMBER = re.compile(r"^\s*\d{1,2}(?=[·\s])")
_CLOCK = re.compile(r"^,?\s*(?:at\s+)?\d\d?:\d\d")
_EMAIL = re.compile(r"@[\w-]+\.[\w.-]+")
# a number, not a date: "Case No. 12-11-05", "§ 3-10-14", "Acct # 11/15/11"
_NUMBER_SIGN = re.compile(r"(?i)(?:\bno\.?|#|§|\bcase|\bsection)\s*$")
_SIGNATURE = re.compile(
    r"(?=[SsBb/ \t])(?:\b(?:[Ss]ign(?:ed|ature)|SIGN(?:ED|ATURE))\b|/s/|^[ \t]*(?:By|BY|by):)",
    re.M,
)
_WITNESS = re.compile(r"IN WITNESS (?:WHEREOF|THEREOF)", re.I)
_RANGE = re.compile(r"^\s*(?:-|–|—|to|through|thru)\s*$", re.I)
_SENTENCE_WORDS = re.compile(r"(?<![\w-])[a-z]{4,}\b")
# a word of an office's name in a letterhead
_OFFICE = re.compile(
    r"(?i)\b(?:bureau|department|dept|office|division|unit|section|agency|commission|board"
    r"|council|county|city|state|court|police|sheriff|district|authority|cent(?:er|re)"
    r"|administration|ministry|services?)\b"
)
# the last word before a date that is the value of a field, a revision or a phrase
_LEADS_IN = re.compile(
    r"(?i)\b(?:dated?|sent|filed|effective|issued|signed|printed|created|run|decided|entered"
    r"|generated|revised|rev|updated|version|edition|to|from|through|thru|and|or|on|of)\W*$"
)
_ISO = re.compile(r"\d{4}-\d\d-\d\d")
_CALENDAR_YEAR = re.compile(r"\b(?:Calendar Year|CALENDAR YEAR|CY)\s?(?P<year>(?:19|20)\d\d)\b")
# a year standing as a word in a title ("2020 Annual Report", "Annual Report 2018"), not a part
# of a number, a code, an amount or a date
_YEAR_WORD = re.compile(r"(?<![\w#§$/.,:-])(?:19|20)\d\d(?![\w/%$:]|[.,-]\d)")
_NOT_A_YEAR = re.compile(
    r"(?i)(?:\bno\.?|#|§|\bsince|\best\.?|\bestablished|\bfounded|\btitle|\bsection|\bchapter"
    r"|\brev(?:\.|ised)?|\bversion|\bform|\bpolicy|\border|\broom|\bsuite|\bbox|\bcode)\s*$"
)
_DIGITS = re.compile(r"\d+")
_ASIDE = re.compile(r"\([^)]*\)")
_ADDRESS = re.compile(
    r"(?i)\b(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|way|place|plaza|suite"
    r"|floor|highway|hwy|parkway|pkwy|[ns][ew])\b\.?"
)
# a meeting's name beside its date: "AGENDA – April 24, 2019", "Regular Meeting of ..."; not an
# item of its agenda ("4. Approval of the Minutes of the Regular Board Meeting – March 27")
_MEETING = re.compile(r"(?i)\b(?:agenda|minutes|meeting|session|hearing)\b")
_AGENDA_ITEM = re.compile(r"(?i)^\s*(?:[\dA-Z]{1,3}[.)]\s|.*\bapprov)")
# the end of the period a sheet covers: "From: 8/1/2017 To: 6/30/2023", "Dates: 01/01/2015 to
# 02/10/2016", "Week: # 16 Sunday 04/11/21 00:01 to Saturday 04/17/21"
_UNTIL = re.compile(
    rf"(?i)^[\s,]*(?:\d\d?:\d\d\s*)?(?:-|–|—|to|through|thru|until)\s*:?\s*(?:{_WEEKDAY},?\s*)?$"
)
_PERIOD_LABEL = re.compile(
    r"(?i)\b(?:from|dates?|period|time frame|week|range|covering|data)\b[^\n]{0,8}$"
)
_TRAILING_WEEKDAY = re.compile(rf"(?i)\b{_WEEKDAY},?\s*$")
# a signature a system applied: "electronically signed on 05/15/2019", "Digitally signed by
# J. Doe / Date: 2021.05.06 14:23:11"
_E_SIGNED = re.compile(r"(?i)\b(?:electronically|digitally)\s+signed\b")


def document_date(
    doc_type: str,
    pages: Sequence[Page],
    sent: str | None,
    dated_on: Mapping[int, Sequence[DateMention]] | None = None,
) -> str | None:
    """The date the record bears, or None. ``dated_on`` holds the dates ``find_dates`` found
    on each page, by page number, when the caller has them (they are not looked for again);
    their median stands in for the first page's when that page has fewer than three."""
    return _bears(doc_type, pages, sent, dated_on)


def _bears(
    doc_type: str,
    pages: Sequence[Page],
    sent: str | None,
    dated_on: Mapping[int, Sequence[DateMention]] | None,
) -> str | None:
    if sent and doc_type == "email":
        return sent[:10]
    stamped = next((p.text for p in pages if p.text.strip()), "")
    m = _ECF.search(stamped)
    if m and (value := parse_date(m.group("value"))):
        return value
    readable = [p for p in pages if p.text.strip() and (p.ocr or not p.image_only)]
    first = readable[0].text if readable else ""
    lines = first.split("\n")
    known = dated_on.get(readable[0].number) if dated_on and readable else None
    found = _dates_by_line(lines, find_dates(first) if known is None else known)
    on_page = [d.value for dates in found for d in dates]
    everywhere = [d.value for dates in (dated_on or {}).values() for d in dates]
    near = _Near(on_page if len(on_page) >= 3 else everywhere)
    signatures, agreement = _signature_dates(pages)
    signatures.sort(reverse=True)  # the parties sign in turn: the last signature binds
    tiers = (
        _meeting_date(lines, found) if doc_type == "minutes" else (),
        signatures if agreement else (),
        _head_dates(lines, found, GRID_HEAD_LINES if doc_type in GRIDS else HEAD_LINES),
        signatures,
        _title_dates(lines, found),
        _updated(readable),
        _period_ends(lines, found),
    )
    for tier in tiers:
        for value in tier:
            if near(value):
                return value
    m = _FILED.search(first[:3000])
    if m and (value := parse_date(m.group("value"))):
        return value
    return sent[:10] if sent else None


def _dates_by_line(lines: list[str], dates: Iterable[DateMention]) -> list[list[DateMention]]:
    """A page's dates, placed in their lines, in order; not a number ("Case No. 12-11-05")."""
    starts = _line_starts(lines)
    found: list[list[DateMention]] = [[] for _ in lines]
    for d in dates:
        i = bisect_right(starts, d.start) - 1
        start, end = d.start - starts[i], d.end - starts[i]
        if "\n" not in d.text and not _NUMBER_SIGN.search(lines[i][:start]):
            found[i].append(DateMention(d.value, d.text, start, end))
    for dates in found:
        dates.sort(key=lambda d: d.start)
    return found


def _line_starts(lines: list[str]) -> list[int]:
    return list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))


class _Near:
    """Whether a date is not more than FAR_YEARS before the median year of the record's
    dates (a birth, an appointment, a superseded edition, a misread year)."""

    def __init__(self, dates: Sequence[str]) -> None:
        years = [y for y in map(_year, dates) if y]
        self.median = median(years) if len(years) >= 3 else None

    def __call__(self, value: str) -> bool:
        year = _year(value)
        return self.median is None or year is None or year >= self.median - FAR_YEARS


def _year(value: str) -> int | None:
    digits = value[2:6] if value.startswith("FY") else value[:4]
    return int(digits) if digits.isdigit() else None


def _head_dates(lines: list[str], found: list[list[DateMention]], head: int) -> Iterator[str]:
    """The first page's dates of its own, in line order: a line among the first ``head`` that
    is a date and nothing else (a letter's date), a labelled date (``Date:``, ``Created:``, a column
    ``Report Date`` over its value); then a cover's month alone ("December 2019"), and a print
    stamp or mail header (a date, a clock time)."""
    found = list(found)
    months: list[str] = []
    stamps: list[str] = []
    for i, (line, dates) in enumerate(zip(lines, found, strict=True)):
        if not dates:
            if _DATE_WORD.search(line) and len(line.split()) <= 12:
                value = _under_label(line, lines, found, i)
                if value:
                    yield value
                other = value is None
            else:  # "DOB:" over its value
                other = line.rstrip().endswith(":") and _NOT_OWN.search(line) is not None
            if other and i + 1 < len(found):
                found[i + 1] = []  # the values of another event's date fields
            continue
        if i < head and _alone(line, dates, i) and not _in_column(lines, found, i):
            if len(dates[0].value) == 10:
                yield dates[0].value
            else:
                months.append(dates[0].value)
            continue
        if i < 8 and _after_letterhead(line, dates) and not _in_column(lines, found, i):
            yield dates[0].value
            continue
        for d in dates:
            if _labelled(line, d, dates) and not d.value.startswith("FY"):
                yield d.value
                break
            top = i < 8 and not line[: d.start].strip() and not _in_column(lines, found, i)
            stamp = top or _EMAIL.search(line[: d.start])
            if stamp and len(d.value) == 10 and _CLOCK.match(line[d.end :]):
                stamps.append(d.value)
    yield from months  # a day's date labelled below it is more precise
    yield from stamps  # a fax or print header is later than the letter it carries


def _alone(line: str, dates: list[DateMention], i: int) -> bool:
    """A date on a line of its own: a day's, or near the top a month's (a report's cover)."""
    value = dates[0].value if len(dates) == 1 else ""
    if not (len(value) == 10 or (len(value) == 7 and i < COVER_LINES)):
        return False
    rest = line.replace(dates[0].text, "")
    rest = _LINE_NUMBER.sub("", rest).strip(" ,.;:\t_·")
    return len(rest) <= 3 or _WEEKDAY_OR_VIA.match(rest) is not None


def _after_letterhead(line: str, dates: list[DateMention]) -> bool:
    """A date that ends a letterhead's line, right-aligned on the page ("BUREAU OF ORGANIZED
    CRIME    11 June 2015"): an office's name before it, no sentence and no field name."""
    if len(dates) != 1 or len(dates[0].value) != 10 or len(line[dates[0].end :].strip()) > 3:
        return False
    before = line[: dates[0].start].rstrip()
    words = before.split()
    return (
        len(words) >= 2
        and _OFFICE.search(before) is not None
        and not before.endswith(":")
        and _SENTENCE_WORDS.search(before) is None
        and _NOT_OWN.search(" ".join(words[-3:])) is None
        and _NUMBER_SIGN.search(before) is None
        and _LEADS_IN.search(before) is None
    )


def _in_column(lines: list[str], found: list[list[DateMention]], i: int) -> bool:
    """A date under a line that starts or ends with one, or over a line that starts with one,
    is a value of a list, a table or the field above, not a date set apart."""
    if i > 0 and found[i - 1]:
        above, dates = lines[i - 1], found[i - 1]
        if not above[: dates[0].start].strip() or not above[dates[-1].end :].strip(" .,;"):
            return True
    below = found[i + 1] if i + 1 < len(found) else []
    return bool(below) and not lines[i + 1][: below[0].start].strip()


def _labelled(line: str, d: DateMention, dates: list[DateMention]) -> bool:
    """Whether the words just before ``d`` name a date field of the record's own. A field
    word in a sentence gives way to a nearer one that dates the record ("is entered into as
    of July 1")."""
    start = max((e.end for e in dates if e.end <= d.start), default=0)
    before = line[start : d.start]
    offset = max(len(before) - 60, 0)
    m = _LABEL.search(before, offset)
    while m is not None:
        own = _own_label(before, m)
        if own is not None:
            return own
        m = _LABEL.search(before, m.start() + 1)
    return False


def _own_label(before: str, m: re.Match[str]) -> bool | None:
    """True for a label of the record's own date, False for one of another event or paper,
    None for a field word in a sentence."""
    kw = m.group("kw")
    ahead = before[: m.start()]
    if kw.lower() == "dated" and ahead.strip():
        return False  # "the letter dated ..." names another paper's date
    prose = _in_sentence(before, m) or len(m.group("qual").split()) > 1
    if ":" not in m.group(0) and kw[0].islower() and prose and kw not in _IN_FORCE:
        return None  # "was signed on March 3", "Plaintiff filed this action on May 4"
    previous = _PREVIOUS_WORD.search(ahead)
    qualifier = (previous.group(1) if previous else "") + m.group(0)
    return _NOT_OWN.search(qualifier) is None


def _updated(pages: Sequence[Page]) -> Iterator[str]:
    """The date a sheet says it was updated, page by page (often in a footer): an as-of date,
    for a record that bears no other."""
    for page in pages:
        for line in page.text.splitlines():
            if "pdated" in line:
                for d in find_dates(line):
                    if len(d.value) >= 7 and _UPDATED.search(line[: d.start]):
                        yield d.value


def _in_sentence(line: str, m: re.Match[str]) -> bool:
    """A lower-case field word after a lower-case word is part of a sentence, not a label."""
    previous = _PREVIOUS_WORD.search(line[: m.start()])
    return m.group(0)[:1].islower() and previous is not None and previous.group(1).islower()


def _under_label(line: str, lines: list[str], found: list[list[DateMention]], i: int) -> str | None:
    """The value of the record's own date field in a header line that has no date, read
    from the line below (the n-th date field takes the n-th date there); "" when there is
    none, None when the line's date fields are all of other events."""
    labels = list(_DATE_WORD.finditer(line))
    own = [n for n, m in enumerate(labels) if _own_field(line, m)]
    if not own:
        return None
    if all(found[i + 1 : i + 4]) and len(found) > i + 3:
        return None  # a log's column: a date on every row below
    for j in (i + 1, i + 2):
        if j >= len(lines):
            break
        if found[j]:
            values = found[j]
            pick = values[own[0]] if len(values) == len(labels) else values[0]
            return pick.value if len(pick.value) >= 7 and not pick.value.startswith("FY") else ""
        if not _DATE_WORD.search(lines[j]):
            break
    return ""


def _own_field(line: str, m: re.Match[str]) -> bool:
    """A ``Date`` header word whose own words (the one before, up to three after) are not
    those of another event."""
    previous = _PREVIOUS_WORD.search(line[: m.start()])
    after = " ".join(line[m.end() :].split()[:3])
    after = re.split(r"\b(?:Date|DATE)\b", after)[0]
    words = (previous.group(1) if previous else "") + " " + after
    return _NOT_OWN.search(words) is None


def _signature_dates(pages: Sequence[Page]) -> tuple[list[str], bool]:
    """Full dates on a signature line (``Signature``, ``Signed:``, ``/s/``, ``By:``, not a
    sentence that says someone signed) or, standing first or after ``Date``, within the four
    lines after it (Name:, Title:, Date:), each line once; and whether they close an
    agreement (two signatures dated on one page, or an "IN WITNESS WHEREOF" clause)."""
    seen: dict[tuple[int, int], str] = {}
    agreement = False
    for page in pages:
        text = page.text
        if not ("ign" in text or "IGN" in text or "/s/" in text or "y:" in text):
            continue  # what a signature line implies, tested at the speed of ``in``
        before = len(seen)
        checked: set[int] = set()
        for sign in _SIGNATURE.finditer(text):
            start = text.rfind("\n", 0, sign.start()) + 1
            if start in checked:
                continue
            checked.add(start)
            window = text[start : _after_lines(text, sign.start(), 5)].split("\n")
            m = _SIGNATURE.search(window[0])
            if m is None or _in_sentence(window[0], m) or _sentence(window[0]):
                continue
            if m.group(0)[:1].islower() and _goes_on(text, start):
                continue  # "... that your agency has\nsigned."
            offset = start  # where each line starts: a line under two signatures counts once
            for n, line in enumerate(window):
                for d in find_dates(line):
                    if len(d.value) == 10 and (n == 0 or _DATE_FIELD.search(line[: d.start])):
                        seen.setdefault((page.number, offset), d.value)
                offset += len(line) + 1
        for sign in _E_SIGNED.finditer(text):
            after = text[sign.end() : _after_lines(text, sign.end(), 3)]
            full = [d for d in find_dates(after) if len(d.value) == 10]
            if full:
                seen.setdefault((page.number, sign.start()), full[0].value)
        dated = len(seen) - before
        agreement = agreement or dated > 1 or bool(dated and _WITNESS.search(text))
    return list(seen.values()), agreement


def _goes_on(text: str, start: int) -> bool:
    """Whether the line before ``start`` ends in the middle of a sentence."""
    last = text[max(start - 80, 0) : max(start - 1, 0)].rstrip(" \t")[-1:]
    return last.islower() or last == ","


def _sentence(line: str) -> bool:
    """A line of prose, not of a signature block ("COUNTY OF KING By: /s/ A. Roe Date: ...")."""
    return len(line.split()) > 14 or len(_SENTENCE_WORDS.findall(line)) > 3


def _after_lines(text: str, position: int, count: int) -> int:
    """Where the ``count``-th line from ``position`` ends."""
    end = position - 1
    for _ in range(count):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


def _title_dates(lines: list[str], found: list[list[DateMention]]) -> Iterator[str]:
    """A date a title carries, line by line: a fiscal or calendar year, the end of the period
    a report covers, a lone date or month ("FEBRUARY 2014 ... LISTING"); not a log's first
    row."""
    title = [i for i, line in enumerate(lines) if line.strip()][:TITLE_LINES]
    for i in title:
        line = lines[i]
        if _in_column(lines, found, i):
            continue
        dates = [d for d in found[i] if not _other_field(line[: d.start])]
        fiscal = [d.value for d in dates if d.value.startswith("FY")]
        calendar = _CALENDAR_YEAR.search(line)
        if fiscal:
            yield fiscal[0]
        elif calendar:
            yield calendar.group("year")
        elif len(dates) == 2 and _RANGE.match(line[dates[0].end : dates[1].start]):
            yield dates[1].value
        elif len(dates) == 1 and (_ISO.fullmatch(dates[0].text) or _worded(line, dates[0])):
            yield dates[0].value
        elif not found[i] and (year := _title_year(line)):
            yield year


def _title_year(line: str) -> str | None:
    """The one year a short title line names as a word ("2020 Annual Report", "2020 (2019, 2018,
    2017)"), in no sentence, address or number; None for a range of years or none."""
    if len(line) > 80 or len(_SENTENCE_WORDS.findall(line)) > 2 or _ADDRESS.search(line):
        return None
    outside = _ASIDE.sub(" ", line)  # the earlier years a report compares with
    years = {
        m.group()
        for m in _YEAR_WORD.finditer(outside)
        if not _NOT_A_YEAR.search(outside[: m.start()])
    }
    if len(years) != 1 or len(_DIGITS.findall(outside)) != 1:
        return None
    return years.pop()


def _meeting_date(lines: list[str], found: list[list[DateMention]]) -> Iterator[str]:
    """The date of the meeting an agenda or minutes are of, from the line that names it."""
    for i in [i for i, line in enumerate(lines) if line.strip()][:15]:
        line = lines[i]
        if _MEETING.search(line) and not _AGENDA_ITEM.match(line):
            yield from (d.value for d in found[i] if len(d.value) == 10)


def _period_ends(lines: list[str], found: list[list[DateMention]]) -> Iterator[str]:
    """The last day of a period the page labels or titles ("Data from: 10/01/2003 to
    06/05/2017"): the date a sheet, log or report of the period is as of."""
    title = set([i for i, line in enumerate(lines) if line.strip()][:TITLE_LINES])
    for i, dates in enumerate(found):
        for first, last in pairwise(dates):
            if not _UNTIL.match(lines[i][first.end : last.start]) or last.value < first.value:
                continue
            before = _TRAILING_WEEKDAY.sub("", lines[i][: first.start])
            if i in title or _PERIOD_LABEL.search(before):
                yield last.value


def _worded(line: str, d: DateMention) -> bool:
    """A date written with its month's name in a short title line ("Version 2 - March 2018"),
    not a sentence (more than two lower-case words besides the short ones)."""
    short = len(line) <= 100 and len(_SENTENCE_WORDS.findall(line)) <= 2
    return short and not d.text[:1].isdigit() and not line.rstrip().endswith(".")


def _other_field(before: str) -> bool:
    """Whether a date is the value of a field of another event or paper ("Date of Birth:
    ...", "supersedes Jan. 4, 2016")."""
    m = _FIELD_NAME.search(before)
    words = m.group(0) if m else " ".join(before.split()[-2:])
    return _NOT_OWN.search(words) is not None
