"""The lines of a first page as a reader scans them for a title: cleaned of stamps and page
numbers, told apart as labels, sentences, addresses, salutations and headings."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

from ._judge import RECORD_WORDS, is_english, junk, words_of

WINDOW = 40  # lines of a first page a title is looked for in (pleading line numbers not counted)
READ_LINES = 150  # raw lines of a first page read at most: a heading or caption is near the top
LONG_LINE = 50  # a label's value on a line this long may wrap onto the next
MAX_TITLE = 250

_DASHES = re.compile(r"-{2,}")
_SENTENCE_END = re.compile(r"(?<=[a-z]{2}\.)\s+(?=[A-Z])")
_NOT_LETTER = re.compile(r"[^A-Za-z]")
_ROMAN = re.compile(r"[IVX]+")
_LETTERS = re.compile(r"[A-Za-z]+")
_AFTER_JOIN = re.compile(r"(?<=[-/])[a-z]")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_DOTS = re.compile(r"[·•▪]+")
_EDGES = " \t_'’*•|~-=.,;"
_RIGHT_EDGES = " \t_'’*•|~-=.;"  # a trailing comma is kept: it ends a salutation
_PAGE = re.compile(
    r"\s*[-–|,]?\s*\b(?:page|pg\.?)\s*:?\s*\d+(?:\s*(?:of|/)\s*\d+)?\s*$|^\d*\s*page\s+(?=\S)",
    re.I,
)
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d\d-\d\d|\d{{1,2}}-[A-Za-z]{{3}}-\d{{4}}"
    rf"|(?:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})"
)
_DATES = re.compile(_DATE, re.I)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_LEADING_DATE = re.compile(
    rf"^{_WEEKDAY}{_DATE}(?:\s+\d{{1,2}}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?)?\s+(?=[A-Za-z])", re.I
)
_ONLY_DATE = re.compile(rf"^{_WEEKDAY}(?:{_DATE}|(?:{_MONTH})\s+\d{{4}})[\s,.]*$", re.I)
PERIOD = re.compile(
    rf"{_DATE}\s*(?:-|–|—|to|through|thru)\s*{_DATE}"
    r"|\b(?:calendar|fiscal|school|program) year\s+\d{4}(?:\s*[-–]\s*\d{2,4})?"
    r"|\bFY\s?\d{2,4}(?:\s*[-–]\s*\d{2,4})?",
    re.I,
)
_SENTENCE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|will|shall|must|should|would|could|can|cannot|has|"
    r"have|had|does|did|contain|contains|please|hereby)\b",
    re.I,
)
_CONTACT = re.compile(
    r"@|https?:|www\.|\(\d{3}\)\s*\d{3}|\b\d{3}[-.\s/]\d{3}[-.]\d{4}\b|\b[A-Z]{2}\s+\d{5}\b"
    r"|,\s*[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?\s+\d{5}\b|\bsent via\b|\bvia (?:e-?mail|fax)\b"
    r"|^\d+[A-Z]?\s+(?:[NSEW]\.?\s+)?(?:[\w.’']+\s+){1,4}(?:street|st|avenue|ave|road|rd|"
    r"boulevard|blvd|drive|dr|lane|ln|way|place|pl|plaza|parkway|pkwy|highway|hwy|floor)\b"
    r"|^(?:suite|room|p\.?\s?o\.?\s+box|box)\s+\w+",
    re.I,
)
LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z/&().'’# -]{0,40}?)\s*:\s*(?P<value>.*)$")
SUBJECT = re.compile(
    r"^(?:subject|subj|re|regarding|item(?=\s*:\s*[A-Za-z]))\s*:\s*(?P<value>.*)$"
    r"|(?-i:\s(?:Re|RE|Subject|SUBJECT))\s*:\s+(?P<mid>\S.*)$",
    re.I,
)
_SALUTATION = re.compile(
    r"^(?:dear\b.*|(?:mr|ms|mrs|miss|dr)\.?\s+[A-Z][\w'’-]+\s*[,:]|to whom it may concern\W*)$",
    re.I,
)
# a sentence's first word, never a title's
_OPENER = re.compile(
    r"^(?:this|these|that|those|it|its|we|our|you|your|i|my|he|she|they|their|there|here)\b",
    re.I,
)
# a court's filing stamp or a release stamp, printed on every page
_STAMP = re.compile(
    r"^Case\s+\S+\s+Document\s+\d|\bFiled\s+\d\d?/\d\d?/\d\d|^Approved for Release\b"
    r"|^ELECTRONICALLY FILED\b",
    re.I,
)
_LIST_ITEM = re.compile(r"^\(?(?:\d{1,2}|[a-z])[.)]\s")
MESSAGES = re.compile(r"^\d+ messages?$")
_SMALL = {
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "nor", "of", "on", "or",
    "over", "per", "the", "to", "under", "upon", "v", "v.", "vs", "vs.", "via", "with",
}  # fmt: skip
_JOINING = _SMALL - {"a", "an", "v", "v.", "vs", "vs."} | {"between", "regarding", "concerning"}


def clean(line: str) -> str:
    """A line without dot leaders, page numbers, edge punctuation or a leading date stamp."""
    line = " ".join(_DOTS.sub(" ", line).split())
    line = _DASHES.sub("-", line)
    line = _PAGE.sub("", line).lstrip(_EDGES).rstrip(_RIGHT_EDGES)
    stamp = _LEADING_DATE.match(line)
    if stamp and len(line) - stamp.end() > 10:
        line = line[stamp.end() :]
    return line


def page_lines(text: str) -> list[str]:
    """The first page's cleaned lines, without blank ones or pleading paper's line numbers;
    a line holding the end of one sentence and a heading ("… persons. Review Slip") is split."""
    lines = []
    for raw in text.splitlines()[:READ_LINES]:
        for part in _SENTENCE_END.split(raw):
            line = clean(part)
            if line and not line.isdigit():
                lines.append(line)
    return lines


def is_sentence(line: str) -> bool:
    """Running text rather than a heading: it starts in lower case, with a list item's number
    or a pronoun ("This section of …"), has an auxiliary verb, ends with a full stop after six
    words or more, or has more than six words, most of them in lower case ("Add agreed upon
    charges to Invoice as …")."""
    words = line.split()
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return (
        line[:1].islower()
        or _LIST_ITEM.match(line) is not None
        or _OPENER.match(line) is not None
        or _SENTENCE.search(line) is not None
        or (line.endswith(".") and len(words) >= 6)
        or len(words) > 16
        or (len(words) > 6 and 2 * sum(w[:1].isupper() for w in long_words) < len(long_words))
    )


def is_contact(line: str) -> bool:
    """An address, telephone number, e-mail address or web address."""
    return _CONTACT.search(line) is not None


def is_label(line: str) -> bool:
    """A form's or header's field ("Case Number: 21002053", "Directions:", "Order: Date"), not
    a title with a subtitle ("Detainee Death Report: Jones, Anthony")."""
    m = LABEL.match(line)
    if m is None or len(m.group("label").split()) > 5:
        return False
    label = m.group("label")
    named = len(label.split()) > 1 and any(w in RECORD_WORDS for w in words_of(label))
    return not (named and len(m.group("value")) > 3)


def is_date(line: str) -> bool:
    return _ONLY_DATE.match(line) is not None


def is_salutation(line: str) -> bool:
    return _SALUTATION.match(line) is not None


def names_record(line: str) -> bool:
    return any(w in RECORD_WORDS for w in words_of(line))


def is_heading(line: str, agencies: Collection[str]) -> bool:
    """A line that can stand as a title: two words or more, short, and none of a table's row,
    an aside in brackets, a stamp, a label, a sentence, an address, or junk (see ``_judge``).
    """
    return (
        len(line) <= 150
        and len(line.split()) >= 2
        and sum(c.isalpha() for c in line) >= 4
        and not (line.startswith("(") and line.endswith(")"))
        and _STAMP.search(line) is None
        and not is_label(line)
        and not is_sentence(line)
        and not is_row(line)
        and not is_contact(line)
        and not junk(line, agencies)
    )


@functools.lru_cache(maxsize=1024)
def is_row(line: str) -> bool:
    """A table's row: two dates that are not a period, more numbers than words, or a date
    alone."""
    if not any(c.isdigit() for c in line):
        return False
    tokens = line.split()
    numbers = sum(any(c.isdigit() for c in t) and not any(c.isalpha() for c in t) for t in tokens)
    return (
        len(_DATES.findall(PERIOD.sub(" ", line))) >= 2
        or 2 * numbers > len(tokens)
        or is_date(line)
    )


def is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def continues(line: str, following: str) -> bool:
    """Whether a heading in capitals goes on to the next line: one ends or the other begins
    with a joining word, or the first ends with a word in -ING ("… FOR PROVIDING")."""
    if not (is_caps(line) and is_caps(following)) or is_label(following):
        return False
    last, first = line.split()[-1].lower(), following.split()[0].lower()
    return last in _JOINING or first in _JOINING or last.endswith("ing") or line.endswith(",")


def wraps(line: str, following: str) -> bool:
    """Whether a label's value goes on to the next line: the line is full and unfinished,
    and the next is neither a label, a salutation, an address nor a new sentence."""
    return (
        len(line) >= LONG_LINE
        and line[-1:] not in ".:;!?"
        and not is_label(following)
        and not is_salutation(following)
        and _SENTENCE.search(following) is None
        and _OPENER.match(following) is None
        and not is_contact(following)
    )


def _capitalise(m: re.Match[str]) -> str:
    return m.group(0).capitalize()


def _upper_match(m: re.Match[str]) -> str:
    return m.group(0).upper()


def _upper(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def title_case(text: str, acronyms: Collection[str] = ()) -> str:
    """A title written in capitals, or half of whose words of four letters or more are, in
    title case; acronyms (``acronyms``, or capitals that are no English word), codes, roman
    numerals and AM or PM after a time stay as written. Other titles are returned as they
    are."""
    words = text.split()
    long_words = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    if not long_words or 2 * sum(_upper(w) for w in long_words) < len(long_words):
        return text
    out: list[str] = []
    for i, word in enumerate(words):
        core = word.strip("()[]\"'“”‘’,.:;")
        letters = _NOT_LETTER.sub("", core)
        if (
            not letters
            or not _upper(word)
            or core in acronyms
            or (core in ("AM", "PM") and i and any(c.isdigit() for c in out[-1]))
            or any(c.isdigit() for c in core)
            or _ROMAN.fullmatch(letters)
            or (len(letters) <= 6 and not is_english(letters) and "'" not in core)
        ):
            out.append(word)
        elif i and word.lower() in _SMALL:
            out.append(word.lower())
        else:
            out.append(_LETTERS.sub(_capitalise, word.lower(), count=1))
            out[-1] = _AFTER_JOIN.sub(_upper_match, out[-1])
    return " ".join(out)


def acronyms_of(text: str) -> set[str]:
    """Words a document writes in capitals inside running text (lines of five words or more,
    a quarter of them in capitals at most): its acronyms (ICE, OIS)."""
    found: set[str] = set()
    for line in text.splitlines():
        words = _LETTERS.findall(line)
        capitals = _ACRONYM.findall(line)
        if len(words) >= 5 and 4 * len(capitals) <= len(words):
            found.update(capitals)
    return found
