"""A court filing's title from its first page: the document's name, the caption's parties in
short form and the case number ("Complaint, Helsby v. Chicago Police Department, No.
2015-CH-16186")."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..entities.agencies import normalise
from ._judge import ORG_WORDS, is_english, is_garbled, is_person
from ._lines import (
    clean,
    continues,
    is_caps,
    is_contact,
    is_label,
    is_sentence,
    names_record,
    title_case,
)

CAPTION_LINES = 80  # how far down the first page a caption's "v." is looked for
PARTY_LINES = 4

_DOTS = re.compile(r"[·•]+")
_LINE_NUMBER = re.compile(r"^\d{1,2}\s+(?=\S)")  # a deposition's
# a quick look for a line that is only "v." (after a line number, dots or the caption's rule)
_V_LINE = re.compile(r"^[\s\d·•:)]*(?:v|vs|versus)\.?[\s·•:)]|against", re.M | re.I)
_COLUMN = re.compile(r"\s*[)§]\s*|\s+:\s*|\s*:\s*$|^\s*:\s*")  # the caption's right-hand rule
_V = re.compile(r"^(?:v|vs|versus)\.?$|^-?\s*against\s*-?$", re.I)
_ROLE = re.compile(
    r"^(?:and\s+)?(?:(?:plaintiff|defendant|petitioner|respondent|appellant|appellee|intervenor"
    r"|movant|claimant|complainant|relator|charging party|real party in interest)s?"
    r"(?:[-–\s]+(?:cross[-\s])?(?:appellant|appellee|petitioner|respondent)s?)?)[,.;]?$",
    re.I,
)
_COURT = re.compile(
    r"\bcourt\b|\bcircuit\b|\bdistrict of\b|\bdivision\b|^in the\b|^for the\b|^before the\b",
    re.I,
)
_NUMBERS = (
    re.compile(
        r"\b(?:case|civil action|criminal action|cause|index|docket)\s*(?:no|number|#)\.?"
        r"[\s:.)]*(?P<n>[A-Z0-9][\w.:/-]*\d[\w.:/-]*)",
        re.I,
    ),
    re.compile(r"\bNo\.?[\s:]*(?P<n>\d[\w.:/-]*(?:\s+(?:Civ|Cr|CV|CR|Misc)\.?\s+\d+)?)"),
    re.compile(r"^Case\s+(?P<n>[\d:]+-?[\w-]*\d)[,\s]+Document", re.M),
    re.compile(r"\b(?P<n>\d{2,4}-[A-Z]{1,4}-\d{3,})\b"),
)
_ET_AL = re.compile(r",?\s*\bet\.? al\.?.*$", re.I)


def _cells(text: str) -> list[tuple[str, str]]:
    """Each line's left cell (the parties' column) and the rest (a number beside it)."""
    out = []
    for raw in text.splitlines()[:CAPTION_LINES]:
        line = " ".join(_DOTS.sub(" ", raw).split())
        line = _LINE_NUMBER.sub("", line)
        parts = _COLUMN.split(line, maxsplit=1)
        left = parts[0].strip()
        right = parts[1].strip() if len(parts) > 1 else ""
        out.append((left, right))
    return out


def _party(lines: list[str]) -> str:
    """A party's name from its caption lines, cut at its first comma or "et al."."""
    name = _ET_AL.sub("", " ".join(lines))
    return name.split(",")[0].strip(" .,;")


def _short(party: str, agencies: Mapping[str, str]) -> str:
    """A party as a citation writes it: an agency by its abbreviation, a person by surname."""
    key = normalise(party)
    if key in agencies:
        return agencies[key]
    if key in ("united states of america", "united states", "usa"):
        return "United States"
    words = party.split()
    if is_person(words) or _unlisted_name(words):
        surname = words[-1].strip(".,")
        return surname.capitalize() if is_caps(party) else surname
    return title_case(party)


def _lettered(line: str) -> bool:
    """Mostly letters, as a party's name is (OCR noise is mostly not)."""
    chars = line.replace(" ", "")
    return 3 * sum(c.isalpha() for c in chars) >= 2 * len(chars)


def _unlisted_name(words: list[str]) -> bool:
    """Two or three words, none of them English or an organisation's: a person's name that
    the census lists lack ("ALEXANDRE MIRZAYANCE")."""
    return 2 <= len(words) <= 3 and not any(
        is_english(w.strip(".,")) or w.lower().strip(".,") in ORG_WORDS for w in words
    )


def _walk(cells: list[tuple[str, str]], start: int, step: int) -> list[str]:
    """The name lines of the party above (step -1) or below (step 1) the "v." line: lines in
    capitals, up to the court's name, a document's name, an address or running text."""
    found: list[str] = []
    i = start
    while 0 <= i < len(cells) and len(found) < PARTY_LINES:
        left = _ET_AL.sub("", cells[i][0]).strip()
        i += step
        if not left or _ROLE.match(left):
            if found and step == 1:
                break
            continue
        if (
            not is_caps(left)
            or _is_court(left)
            or is_contact(left)
            or not _lettered(left)
            or names_record(left)
        ):
            break
        found.append(left)
    return found[::-1] if step == -1 else found


def _is_court(line: str) -> bool:
    return _COURT.search(line) is not None and not is_sentence(line)


def _document_name(lines: list[str]) -> str | None:
    """The first line from the court's name on that names a kind of record (COMPLAINT,
    MEMORANDUM OF LAW IN SUPPORT …), with a second line in capitals that continues it."""
    courts = [i for i, line in enumerate(lines) if _is_court(line)]
    start = courts[0] if courts else 0
    for i in range(start, len(lines)):
        line = lines[i]
        if (
            not names_record(line)
            or _is_court(line)
            or is_label(line)
            or is_sentence(line)
            or is_contact(line)
            or is_garbled(line)
        ):
            continue
        for following in lines[i + 1 : i + 3]:
            if not continues(line.splitlines()[-1], following):
                break
            line = f"{line}\n{following}"
        return " ".join(line.split())
    return None


def _number(text: str) -> str | None:
    """The case number: a labelled one, else the ECF header's, else a docket stamp's."""
    for pattern in _NUMBERS:
        m = pattern.search(text)
        if m:
            return m.group("n").rstrip(".,:")
    return None


def caption_title(text: str, agencies: Mapping[str, str], acronyms: set[str]) -> str | None:
    """The title of a court filing whose first page carries a caption (parties above and below
    a line that is only "v.", "vs." or "against"), or None. ``agencies`` maps normalised agency
    names to the short form a citation uses."""
    if not _V_LINE.search(text):
        return None
    cells = _cells(text)
    at = next((i for i, (left, _) in enumerate(cells) if _V.match(left)), None)
    if at is None:
        return None
    first, second = _walk(cells, at - 1, -1), _walk(cells, at + 1, 1)
    if not first or not second:
        return None
    parties = f"{_short(_party(first), agencies)} v. {_short(_party(second), agencies)}"
    lines = [clean(left) for left, _ in cells if clean(left)]
    name = _document_name(lines)
    flat = "\n".join(" ".join(cell for cell in pair if cell) for pair in cells)
    number = _number(flat)
    parts = [
        title_case(name, acronyms) if name else None,
        parties,
        f"No. {number}" if number else None,
    ]
    return ", ".join(part for part in parts if part)
