"""The issuer of a record: the agency, court or firm that issued it, whom a citation names as
its author, as against the agencies it merely mentions. A request letter the ACLU wrote to ICE
is issued by the ACLU, not by ICE.

``find_issuer`` weighs the evidence, strongest first. What the record itself shows:

1. a court's caption ("UNITED STATES DISTRICT COURT / SOUTHERN DISTRICT OF NEW YORK"), or an
   adjudicating board's ("DECISION OF THE / PUBLIC EMPLOYMENT RELATIONS BOARD");
2. an email's sender: the agency whose .gov or .mil domain it is (``ice.dhs.gov`` is ICE, a
   component of DHS, by the reference data's abbreviations), or an agency named in the From line;
3. a form's "Issued by" block;
4. the letterhead (of a letter, a form, a log): lines at the top that are an agency's name,
   before the date, the addressee, a caption's parties or the heading; a component rather
   than its department and a department rather than its city ("City and County of San
   Francisco / Police Department"), the lower of two lines;
5. a letter's or an email's signature block ("Sincerely,", "Thank you,");
6. the CIA's release stamp ("Approved for Release: 2019/07/30 C06408441");

then what the PDF says of itself (often who released it rather than who wrote it):

7. the PDF's Author, when it names an agency (as the document writes it, or as the reference
   data does);
8. an organisation named in the letterhead or the signature ("… Foundation", "… LLP");
9. for a record that is not a letter, the agency on its first page that it names on the most
   pages. A letter's addressee is never its issuer, so a letter goes without rather than guess;
10. the Author, when it reads as an organisation's name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..data import STATES, FederalAgency, federal_agencies
from ..models import Page
from .agencies import AgencyFinder, AgencyMention
from .dates import find_dates

Mentions = Sequence[tuple[int, AgencyMention]]  # (page number, mention), as AgencyFinder finds
Line = tuple[int, int, str]  # start and end in the page's text, and the line

_STATE_NAMES = "|".join(sorted(STATES.values(), key=len, reverse=True))
_CIRCUITS = (
    "First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh"
    "|District of Columbia|Federal"
)
_COURT = re.compile(
    r"(?i)\b(?:(?:United\s+States|U\.\s?S\.)\s+(?P<kind>District|Bankruptcy)\s+Court\s+"
    rf"(?:for\s+the\s+)?(?P<district>(?:(?:Northern|Southern|Eastern|Western|Central|Middle)\s+)?"
    rf"District\s+of\s+(?:{_STATE_NAMES}))"
    rf"|United\s+States\s+Court\s+of\s+Appeals\s+(?:for\s+the\s+)?(?P<circuit>(?:{_CIRCUITS})"
    r"\s+Circuit)"
    r"|(?P<supreme>Supreme\s+Court\s+of\s+the\s+United\s+States)"
    r"|(?P<local>(?:Circuit|Superior|District|Chancery)\s+Court\s+of\s+[A-Z][A-Za-z.]*(?:\s+"
    rf"[A-Z][A-Za-z.]*){{0,2}}\s+County)(?:\s*,\s*(?P<state>{_STATE_NAMES}))?)\b"
)
_SMALL_WORDS = frozenset(["of", "the", "for", "and", "in", "at"])
# an email's From line, as mail programs print it (a memo's is "FROM:", under its letterhead)
_FROM = re.compile(r"(?m)^[ \t]*From[ \t]*:[ \t]*(?P<value>[^\n]*)")
_DOMAIN = re.compile(r"@\s?(?P<domain>[A-Za-z0-9-]+(?:\s?\.\s?[A-Za-z0-9-]+)+)")
_ISSUED_BY = re.compile(r"(?im)^[ \t]*(?:\d{1,2}[A-Z]?\.[ \t]*)?Issued[ \t]+by\b[ \t:]*")
_BANNER = re.compile(
    r"(?i)^\W*(?:(?:un)?classified|for official use only|law enforcement sensitive|fouo"
    r"|sensitive but unclassified|\(b\)\S*|page \d+(?: of \d+)?|\d+)?\W*$"
)
_HEAD_ENDS = re.compile(
    r"(?i)^\W*(?:dear|to|from|re|subject|date|memorandum|via|sent|attention|attn)\b"
)
_SALUTATION = re.compile(r"(?m)^\W{0,3}Dear\b")
_CLOSING = re.compile(
    r"(?im)^[ \t]*(?:Sincerely(?: yours)?|Respectfully(?: submitted| yours)?|Very truly yours"
    r"|Yours truly|(?:Best |Kind )?Regards|Cordially|Thank you|Thanks)[ \t]*[,.!]?[ \t]*$"
)
# the stamp the CIA puts on every page it releases, with its own document numbers: its FOIA
# reading room's "C06408441", CREST's "CIA-RDP…" (a declassified report often names no agency)
_CIA_RELEASE = re.compile(
    r"(?i)approved\s+for\s+release\s*:?\s*\d{4}/\d{2}/\d{2}\s*:?\s*(?:C\d{8}\b|CIA-RDP)"
)
_CIA = "Central Intelligence Agency"
# an adjudicating body's caption: "DECISION OF THE / PUBLIC EMPLOYMENT RELATIONS BOARD"
_ADJUDICATOR = re.compile(
    r"(?m)^[ \t]*(?:(?:DECISION|ORDER|RULING|OPINION|FINDINGS)(?: AND [A-Z]+)? OF THE|BEFORE THE)"
    r"\b[ \t]*\n?"
)
# a party of a caption ("OAKLAND UNIFIED SCHOOL DISTRICT, / Charging Party,"): no letterhead
_PARTY = re.compile(
    r"(?i)^\W*(?:charging party|plaintiffs?|defendants?|respondents?|petitioners?|appellants?"
    r"|appellees?|complainants?|claimants?)\b\W*$"
)
_AFTER_SIGNATURE = re.compile(r"(?i)^\W*(?:b?cc|encl|enclosures?|attachments?)\b")  # others named
# a name of capitalised words (in any case) ending in a word that organisations' names end in
_ORGANISATION = re.compile(
    r"^(?:(?:[A-Z][\w&'’.-]*|of|the|and|for|&),?\s+){1,7}(?i:Union|Foundation|Project|Institute"
    r"|Association|Center|Centre|Council|Coalition|Committee|Alliance|League|Society|Network"
    r"|Clinic|Solutions|Services|Systems|Technologies|Group|LLP|LLC|L\.L\.C\.|Inc\.?"
    r"|Corporation|Corp\.|Company|P\.C\.|PLLC|Ltd\.?)$"
)
_GOVERNMENTS = frozenset(["city", "county"])  # the agencies' kinds that are a place's government
_HEAD_LINES = 8  # letterhead lines read, banners aside
_SIGNATURE_LINES = 8  # lines after the closing
_NAME_SHARE = 0.5  # of a letterhead line's letters that an agency's name must be


def find_issuer(
    pages: Sequence[Page], metadata: Mapping[str, str], mentions: Mentions
) -> str | None:
    """Who issued a record (see the module's docstring); None when nothing says."""
    first = next((p for p in pages[:2] if p.text.strip()), None)
    author = " ".join(metadata.get("Author", "").split())
    if first is None:
        return _named_by_author(author, mentions) or _organisation(author)
    text = first.text
    on_first = [m for n, m in mentions if n == first.number]
    head = _letterhead(text)
    signed_on, signature = _signature(pages)
    letter = bool(_SALUTATION.search(text))
    return (
        _court(text)
        or _adjudicator(text, on_first)
        or _sender(text, on_first)
        or _issued_by(text, on_first)
        or _lowest(_in_lines(head, on_first, whole=True), last=True)
        or _lowest(_in_lines(signature, [m for n, m in mentions if n == signed_on]))
        or (_CIA if _CIA_RELEASE.search(text) else None)
        or _named_by_author(author, mentions)
        or next(filter(None, map(_organisation, [line for _, _, line in head + signature])), None)
        or (None if letter else _most_named_on(first.number, mentions))
        or _organisation(author)
    )


def _named_by_author(author: str, mentions: Mentions) -> str | None:
    """The agency the PDF's Author names: one the document names by that name, else the
    agency of the reference data that the whole Author is the name of."""
    wanted = author.lower()
    if not wanted:
        return None
    for _, mention in mentions:
        agency = mention.agency
        if wanted in {agency.value.lower(), agency.abbreviation.lower(), mention.text.lower()}:
            return agency.value
    named = AgencyFinder().find([(1, author)])
    whole = [m.agency.value for _, m in named if m.text == author]
    return whole[0] if len(whole) == 1 else None


def _court(text: str) -> str | None:
    """The court a caption near the top names, in words: "United States District Court for
    the Southern District of New York"."""
    m = _COURT.search(" ".join(text.split("\n")[:30]))
    if m is None:
        return None
    if m["district"]:
        name = f"United States {m['kind']} Court for the {m['district']}"
    elif m["circuit"]:
        name = f"United States Court of Appeals for the {m['circuit']}"
    else:
        name = m["supreme"] or m["local"] + (f", {m['state']}" if m["state"] else "")
    return _title(name)


def _adjudicator(text: str, mentions: Sequence[AgencyMention]) -> str | None:
    """The board or commission whose caption heads a decision: "DECISION OF THE PUBLIC
    EMPLOYMENT RELATIONS BOARD", "BEFORE THE CIVIL SERVICE COMMISSION"."""
    for m in _ADJUDICATOR.finditer(text):
        line_end = text.find("\n", m.end())
        named = [
            x for x in mentions if m.end() <= x.start <= (line_end if line_end >= 0 else len(text))
        ]
        if named:
            return named[0].agency.value
    return None


def _title(name: str) -> str:
    words = name.split()
    return " ".join(
        w.lower() if i and w.lower() in _SMALL_WORDS else w[:1].upper() + w[1:].lower()
        for i, w in enumerate(words)
    )


def _sender(text: str, mentions: Sequence[AgencyMention]) -> str | None:
    """An email's issuer from its first From line: its domain's agency, or an agency the line
    names."""
    m = _FROM.search(text, 0, len("\n".join(text.split("\n")[:15])))
    if m is None:
        return None
    domain = _DOMAIN.search(m["value"])
    agency = _domain_agency(re.sub(r"\s", "", domain["domain"])) if domain else None
    if agency:
        return agency
    named = [x for x in mentions if m.start("value") <= x.start < m.end("value")]
    return named[0].agency.value if named else None


def _domain_agency(domain: str) -> str | None:
    """The federal agency a .gov or .mil domain is: its lowest label that is an agency's
    abbreviation (under the next label's agency, when there is one: ice.dhs.gov)."""
    labels = domain.lower().split(".")
    if labels[-1] not in ("gov", "mil"):
        return None
    by_abbreviation, abbreviation_of = _federal()
    for i, label in enumerate(labels[:-1]):
        found = by_abbreviation.get(label.upper(), [])
        if i + 2 < len(labels):  # a parent label follows: the agency must be its component
            found = [a for a in found if abbreviation_of.get(a.parent) == labels[i + 1].upper()]
        if len({a.value for a in found}) == 1:
            return found[0].value
    return None


@lru_cache(maxsize=1)
def _federal() -> tuple[dict[str, list[FederalAgency]], dict[str, str]]:
    """Federal agencies by abbreviation (upper case), and each one's abbreviation by name."""
    by_abbreviation: dict[str, list[FederalAgency]] = {}
    abbreviation_of: dict[str, str] = {}
    for agency in federal_agencies():
        if agency.abbreviation:
            by_abbreviation.setdefault(agency.abbreviation.upper(), []).append(agency)
            abbreviation_of[agency.value] = agency.abbreviation.upper()
    return by_abbreviation, abbreviation_of


def _issued_by(text: str, mentions: Sequence[AgencyMention]) -> str | None:
    """The agency of a form's "Issued by" block (the rest of its line and the next)."""
    m = _ISSUED_BY.search(text)
    if m is None:
        return None
    end = text.find("\n", text.find("\n", m.end()) + 1)
    named = [x for x in mentions if m.end() <= x.start < (end if end >= 0 else len(text))]
    return _lowest(named)


def _letterhead(text: str) -> list[Line]:
    """The lines at the top of a page before its date, addressee, heading or body text."""
    lines: list[Line] = []
    start = 0
    for line in text.split("\n"):
        span = (start, start + len(line), line)
        start += len(line) + 1
        if _BANNER.match(line):
            continue
        if _PARTY.match(line):
            lines = lines[:-1]  # the line before names a party of a caption
            break
        if _HEAD_ENDS.match(line) or len(line.split()) > 12 or any(find_dates(line)):
            break
        lines.append(span)
        if len(lines) == _HEAD_LINES:
            break
    return lines


def _signature(pages: Sequence[Page]) -> tuple[int | None, list[Line]]:
    """The page of a letter's closing ("Sincerely,"), on its first five pages, and the lines
    after it, up to those that name others (copies, enclosures)."""
    for page in pages[:5]:
        m = _CLOSING.search(page.text)
        if m is None:
            continue
        lines: list[Line] = []
        start = m.end() + 1
        for line in page.text[start:].split("\n")[:_SIGNATURE_LINES]:
            if _AFTER_SIGNATURE.match(line):
                break
            lines.append((start, start + len(line), line))
            start += len(line) + 1
        return page.number, lines
    return None, []


def _in_lines(
    lines: Sequence[Line], mentions: Sequence[AgencyMention], *, whole: bool = False
) -> list[AgencyMention]:
    """The mentions within the lines, in order; with ``whole``, only where the agency's name is
    most of its line (a letterhead, not a title that mentions it)."""
    out = []
    for start, end, line in lines:
        letters = sum(c.isalnum() for c in line)
        for m in mentions:
            if start <= m.start < end:
                named = sum(c.isalnum() for c in m.text)
                if not whole or named >= _NAME_SHARE * letters:
                    out.append(m)
    return out


def _lowest(mentions: Sequence[AgencyMention], *, last: bool = False) -> str | None:
    """The most specific of some agencies: a component rather than its parent, a department
    rather than its city or county ("City and County of San Francisco / Police Department");
    of the rest, the first (or the ``last``, for a letterhead, which runs from department to
    office)."""
    values = list(dict.fromkeys(m.agency.value for m in mentions))
    parents = {m.agency.parent for m in mentions}
    if any(m.agency.kind not in _GOVERNMENTS for m in mentions):
        parents |= {m.agency.value for m in mentions if m.agency.kind in _GOVERNMENTS}
    values = [v for v in values if v not in parents]
    if not values:
        return None
    return values[-1] if last else values[0]


def _organisation(line: str) -> str | None:
    """A line that is an organisation's name ("American Civil Liberties Union Foundation",
    "Drinker Biddle & Reath LLP"), its capitals tidied."""
    name = " ".join(line.split()).strip(" ,")
    if not _ORGANISATION.match(name):
        return None
    return _title(name) if name.isupper() else name


def _most_named_on(page: int, mentions: Mentions) -> str | None:
    """The agency on a page that the document names on the most pages."""
    pages: dict[str, set[int]] = {}
    for number, m in mentions:
        pages.setdefault(m.agency.value, set()).add(number)
    candidates = [value for value, numbers in pages.items() if page in numbers]
    return max(candidates, key=lambda v: (len(pages[v]), -len(v)), default=None)
