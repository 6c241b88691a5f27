"""A document's title, as a person would write it.

In order, the first that is not junk (``_judge``): an email's subject; the subject of a
printed web-mail thread (the line above "1 message"); a memo's or letter's Subject, Re or
Item line; a court filing's document name, parties and case number (``_caption``); the PDF's
own Title; the first page's heading, preferring one that names a kind of record, with the
period or number printed under it; and last the file's name, cleaned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..entities import Analysis
from ..entities.agencies import normalise
from ..models import Page
from . import _lines as lines_
from ._caption import caption_title
from ._judge import is_english, is_file_name, is_letterhead, junk, words_of
from ._lines import MAX_TITLE, WINDOW, title_case

__all__ = ["choose_title", "clean_file_name"]

RECORD_REACH = 20  # lines from the top within which a heading naming a record is preferred
TABLE_ROWS = 3  # rows in a row that start a table, below which no heading is looked for
_REPLY = re.compile(r"^(?:(?:re|fw|fwd)\s*:\s*)+", re.I)
_HASH = re.compile(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b", re.I)
_SEPARATORS = re.compile(r"[_\-#]+")
_LONG_NUMBER = re.compile(r"\b\d{7,}\b")
_NUMBER_FIELD = re.compile(r"\b(?:no|number|#)\b", re.I)
_EXTENSION = re.compile(r"\.(?:pdf|docx?|xlsx?|tiff?|txt|csv)$", re.I)


def choose_title(
    pages: Sequence[Page], analysis: Analysis, meta_title: str | None, name: str
) -> str:
    """The document's title (see the module's docstring); ``name`` is its file's stem."""
    short = _agency_short_forms(analysis)
    agencies = frozenset(short)
    page = pages[0] if pages else None
    text = page.text if page else ""
    lines = [line for line in lines_.page_lines(text) if not page or line != page.bates]
    acronyms = lines_.acronyms_of(text)
    subject = analysis.subject if analysis.doc_type == "email" else None
    for candidate, typed in _candidates(lines, text, subject, meta_title, short, acronyms):
        title = _finish(candidate, set() if typed else acronyms, typed)
        if title and len(title) > 3 and not junk(title, agencies):
            return title
    return clean_file_name(name)


def _candidates(
    lines: list[str],
    text: str,
    subject: str | None,
    meta_title: str | None,
    short: dict[str, str],
    acronyms: set[str],
) -> Iterator[tuple[str | None, bool]]:
    """Each source's title, with whether a person typed it as it stands (an email's subject, a
    PDF's Title) rather than it being printed on the page, maybe in capitals."""
    if subject and _REPLY.sub("", subject).strip():
        yield subject, True
    yield _webmail_subject(lines), False
    yield _subject_line(lines), False
    yield caption_title(text, short, acronyms), False
    if meta_title and _meaningful(meta_title):
        yield meta_title, True
    yield _heading(lines, frozenset(short)), False


def _finish(candidate: str | None, acronyms: set[str], typed: bool) -> str | None:
    if not candidate:
        return None
    title = " ".join(candidate.split()).strip(" _-–—*|~,;:")
    if len(title) > MAX_TITLE:
        title = title[:MAX_TITLE].rsplit(" ", 1)[0]
    return title if typed else title_case(title, acronyms)


def _agency_short_forms(analysis: Analysis) -> dict[str, str]:
    """Every name the document writes an agency by (normalised), to the short form a citation
    uses: its abbreviation, else its canonical name. The issuer counts as an agency."""
    short = {}
    for entity in analysis.entities:
        if entity.kind == "agency":
            form = str(entity.attrs.get("abbreviation") or entity.value)
            for written in (entity.value, *entity.forms):
                short[normalise(written)] = form
    if analysis.issuer:
        short.setdefault(normalise(analysis.issuer), analysis.issuer)
    return short


def _meaningful(meta_title: str) -> bool:
    """A PDF Title worth showing: no file-system or placeholder name, and with an English word
    of three letters or more ("LPR" is not one); other junk is judged as for every title."""
    return not is_file_name(meta_title) and any(
        len(word) >= 3 and is_english(word) for word in words_of(meta_title)
    )


def _webmail_subject(lines: list[str]) -> str | None:
    """A printed web-mail thread's subject: the line (wrapped or not) above "N messages"."""
    for i, line in enumerate(lines[:WINDOW]):
        if lines_.MESSAGES.match(line) and i:
            start = i - 1
            while start and lines_.wraps(lines[start - 1], lines[start]):
                start -= 1
            return " ".join(lines[start:i])
    return None


def _subject_line(lines: list[str]) -> str | None:
    """The value of the first Subject, Re, Regarding or Item line, with the lines it wraps
    onto; a label alone on its line takes the next line."""
    for i, line in enumerate(lines[:WINDOW]):
        m = lines_.SUBJECT.search(line)
        if m is None:
            continue
        value = (m.group("value") or m.group("mid") or "").strip()
        j = i
        if not value and i + 1 < len(lines):
            j, value = i + 1, lines[i + 1]
        while j + 1 < len(lines) and lines_.wraps(lines[j], lines[j + 1]):
            j += 1
            value = f"{value} {lines[j]}"
            if len(value) >= MAX_TITLE:
                break
        if len(value.split()) >= 2 or len(value) >= 8:
            return value
    return None


def _outside_letter(lines: list[str]) -> list[bool]:
    """Which lines may hold a heading: in a letter, not the inside address (from its date to
    its last address line) and nothing from the salutation on."""
    allowed = [True] * len(lines)
    salutation = next(
        (i for i, line in enumerate(lines[:WINDOW]) if lines_.is_salutation(line)), None
    )
    if salutation is None:
        return allowed
    for i in range(salutation, len(lines)):
        allowed[i] = False
    dated = next((i for i in range(salutation) if lines_.is_date(lines[i])), None)
    if dated is not None:
        last = max(
            (i for i in range(dated, salutation) if lines_.is_contact(lines[i])), default=dated
        )
        for i in range(dated, last + 1):
            allowed[i] = False
    return allowed


def _heading(lines: list[str], agencies: frozenset[str]) -> str | None:
    """The first page's heading (capitals wrapped over lines joined), preferring the first
    that names a kind of record near the top, followed by the period or number printed under
    it."""
    allowed = _outside_letter(lines)
    found: list[tuple[int, str]] = []
    i = rows = 0
    while i < min(len(lines), WINDOW) and rows < TABLE_ROWS:
        if found and i >= RECORD_REACH:
            break  # the choice below is made
        rows = rows + 1 if lines_.is_row(lines[i]) else 0
        end, text = i, lines[i]
        while end + 1 < len(lines) and lines_.continues(lines[end], lines[end + 1]):
            end += 1
            text = f"{text} {lines[end]}"
        if allowed[i] and lines_.is_heading(text, agencies):
            found.append((end, text))
        i = end + 1
    if not found:
        return None
    named = (c for c in found if c[0] < RECORD_REACH and lines_.names_record(c[1]))
    end, text = next(named, found[0])
    return text + _qualifier(lines[end + 1 : end + 4], agencies)


def _qualifier(following: list[str], agencies: frozenset[str]) -> str:
    """The period ("3/14/2021 - 3/20/2021", "Calendar Year 2020") or the number ("Invoice
    #EPD-2025-4432-INV-1", "IND Number : EUA 27034") printed just under a heading, letterheads
    between them skipped."""
    for line in following:
        if is_letterhead(line, agencies):
            continue
        period = lines_.PERIOD.search(line)
        if period and len(line.replace(period.group(0), "").split()) <= 3:
            return f", {period.group(0)}"
        numbered = any(c.isdigit() for c in line) and len(line.split()) <= 6
        if numbered and (_NUMBER_FIELD.search(line) or "#" in line):
            label = lines_.LABEL.match(line)
            return f": {label.group('value')}" if label else f" {line}"
        return ""
    return ""


def clean_file_name(name: str) -> str:
    """A file's name as a title: no extension, underscores, hyphens, hashes or long runs of
    digits ("2017-12-27_Email_Award" → "2017 12 27 Email Award")."""
    stem = _SEPARATORS.sub(" ", _EXTENSION.sub("", name.strip()))
    cleaned = " ".join(_LONG_NUMBER.sub(" ", _HASH.sub(" ", stem)).split())
    return cleaned or name
