"""Vendors: the companies a record names as contractor, seller, supplier or service provider.

Only where the record gives the company that role:

* a label ("Vendor:", "Contractor Name:", "Supplier:", "Seller:", "Sold by:", "Bill From:",
  "Remit To:", "Payee:", "Awarded To:", "Consultant:", "Licensor:", "Service Provider:", a
  contract form's numbered "8. Contractor" block naming a company), the name after it or, where
  a number stands there, on the next line;
* a company, known by its corporate suffix (Inc., LLC, Corp., Company: the United States' and
  United Kingdom's legal terms of the ``cleanco`` package), that is a party to an agreement
  ("between the City of Long Beach and Vigilant Solutions, LLC"), that the agreement defines
  as its contractor ('Acme, Inc. (hereinafter "Contractor")'), or that a purchase names
  ("awarded to", "purchased from", "invoice number 11015 from", "payable to"), or that
  heads an invoice, a quote or an order (not after its "Bill To:");
* on a purchase order, contract award or invoice (a page with a vendor or supplier field), the
  name over an address under one of the form's fields ("Supplier: 1000008226 / FLOCK SAFETY /
  PO BOX 121923 / DALLAS TX 75312").

A company named in passing (a licensee in a list, a party to a cited case) is no vendor, nor
is a public body, a person or what is no name ("N/A", "Same as block 6", a redaction).

The value is the company's name as people say it: the trade name of a "d/b/a", without its
corporate suffix ("Vigilant Solutions, LLC" and "VIGILANT SOLUTIONS" are both "Vigilant
Solutions"), a name written in capitals in capitalised words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from cleanco.termdata import terms_by_country

from ..ocr import english_words
from .agencies import gazetteer, normalise

# legal terms that are also officials' titles (a Chief Information Officer's "CIO")
_NOT_SUFFIXES = {"cic", "cio"}


def _suffix_pattern() -> str:
    """Corporate suffixes as a pattern: each term of ``cleanco`` for the United States and the
    United Kingdom, capitalised or in capitals, initialisms also with full stops ("L.L.C."),
    longest first."""
    by_country: dict[str, list[str]] = terms_by_country
    terms: set[str] = set()
    for country in ("United States of America", "United Kingdom"):
        for term in by_country[country]:
            bare = term.replace(".", "").lower()
            if bare.isalpha() and bare not in _NOT_SUFFIXES:
                terms.add(bare)
    forms = {form for t in terms for form in (t.capitalize(), t.upper())}
    forms |= {".".join(t.upper()) + "." for t in terms if len(t) <= 4 and not _has_vowel(t)}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def _has_vowel(word: str) -> bool:
    return any(c in "aeiouy" for c in word.lower())


_SUFFIX = _suffix_pattern()
# a suffix after a name: not a word of a longer name ("Limited English Proficiency",
# "Corporation Counsel"), nor a state after a city ("Denver, CO")
# (the suffix comes first, so that ``re`` skips to the letters suffixes start with; what stands
# before it is read in ``_companies_in_roles``)
_SUFFIX_AT = re.compile(rf"(?P<suffix>{_SUFFIX})(?P<stop>\.)?(?![\w-])(?![ \t]+[A-Z][a-z])")
_ENDS_WITH_SUFFIX = re.compile(rf"(?:,?\s+(?:{_SUFFIX})\b\.?)+$")
_NAME_TOKEN = re.compile(r"[A-Z0-9][\w'’&.\-/+]*|&|of|and|de|the|for")
_CONNECTORS = {"&", "of", "and", "de", "the", "for"}
# words that open a sentence or a clause, never a company's name
_LEAD_STOP = {
    "this", "that", "the", "a", "an", "and", "with", "by", "between", "to", "from", "for", "of",
    "agreement", "contract", "vendor", "contractor", "supplier", "seller", "awarded", "whereas",
    "dear", "re", "subject", "mr", "ms", "our", "your", "its", "in", "on", "at", "is", "as",
}  # fmt: skip
_DBA = re.compile(r"(?i)[,\s]*\b(?:d/b/a|dba|d\.b\.a\.|doing\s+business\s+as)\b[\s:]*")
_QUOTES = "\"'“”‘’"
_LETTERS = re.compile(r"[A-Za-z]+")
_COMMON = (
    1000  # how often (in pyspellchecker's counts) a word of three letters is a word, not initials
)
_PROSE = 50  # a line this long is wrapped prose, where a name may go on on the next line

_LABEL = re.compile(
    r"(?im)^[ \t]*(?:(?P<block>\d{1,2}[A-Z]?\.)[ \t]*)?(?:For[ \t]+(?:the[ \t]+)?)?"
    r"(?:Vendor|Contractor|Supplier|Seller|Sold[ \t]+by|Bill[ \t]+from|Payee|Remit[ \t]+to"
    r"|Awarded[ \t]+to|Awardee|Consultant|Licensor|Service[ \t]+Provider)(?:[ \t]*Name)?"
    r"(?:[ \t]*(?P<colon>:)|(?(block)[ \t]|(?!)))[ \t]*(?P<name>[^\n]*)"
    r"(?:\n[ \t]*(?P<next>[^\n:]+)$)?"
)
# the vendor's number a form writes before or instead of its name ("Supplier: 1000008226")
_VENDOR_NUMBER = re.compile(r"^#?\s*\d[\d-]{3,}\b\s*")
# what opens an agreement before the "between" of its parties: "This Agreement is made",
# "entered into by and", a title ("CONTRACT" on its own line); not a request for "communications
# between" or "the agreement between" that a record only speaks of
_OPENS_AGREEMENT = re.compile(
    r"(?i)(?:\b(?:entered\s+into|made|this\s+(?:\S+\s+){0,6}?(?:agreement|contract"
    r"|memorandum|mou|moa|lease|license|addendum|amendment))\b[^.;]{0,80}"
    r"|(?:^|\n)[ \t]*(?:\S+[ \t]+){0,4}(?:agreement|contract|memorandum\s+of\s+\w+)[ \t]*\n[ \t]*)$"
)
_BETWEEN_REACH = 400  # characters after "between" in which the parties are named
# the end of a sentence (a lower-case word and a full stop; "Inc." is no end) or a paragraph
_SENTENCE_END = re.compile(r"(?<![A-Za-z])[a-z]{2,}[.!?][\"”’)]?\s+[A-Z]|\n[ \t]*\n")
# what a purchase says before the company it buys from
_BOUGHT_FROM = re.compile(
    r"(?i)(?:\b(?:award(?:ed)?|purchase\s+order|p\.?o\.?)\b[^\n]{0,30}?\b(?:to|with)"
    r"|\b(?:purchased?|ordered|bought|leased?|licensed)\s+from"
    r"|\b(?:quote|quotation|invoice|estimate|proposal|bid)\b[^.\n]{0,25}?\bfrom"
    r"|\bpayable\s+to|\b(?:supplied|sold|provided|manufactured)\s+by"
    r"|\b(?:contract|agreement|subscription|license)\s+with)\s+(?:the\s+)?$"
)
_BOUGHT_REACH = 40
# an invoice's, quote's or order's heading: the company in its head lines sells
_SALE_HEADING = re.compile(
    r"(?im)^[ \t]*(?:(?:sales[ \t]+|purchase[ \t]+)?order|invoice|quot(?:e|ation)|estimate"
    r"|price[ \t]+quote)\b"
)
_HEAD_LINES = 12
# words one of which a page naming a company in a role holds (looked up before any pattern)
_ROLE_CUES = (
    "award", "purchase", "order", "bought", "quot", "invoice", "payable", "supplied",
    "sold by", " with", "hereinafter", "referred to as", "called",
)  # fmt: skip
# an agreement defining the company as its contractor: 'Acme, Inc. (hereinafter "Contractor")'
_DEFINED = re.compile(
    r"(?i)[^.;]{0,120}?\((?:[^)]{0,60}?\b(?:hereinafter|referred\s+to\s+as|called)\b[^)]{0,30}?)?"
    r"\s*[\"“'‘](?:Contractor|Vendor|Supplier|Seller|Provider|Service\s+Provider|Consultant"
    r"|Licensor|Reseller|Distributor)[\"”'’]"
)
_ENDS_NAME = re.compile(r"\s*(?:\(|;|\t| {2,}| - | – |,(?!\s*(?:" + _SUFFIX + r")\b))")
_NOT_NAMES = re.compile(r"(?i)^(?:n/?a|none|tbd|same as\b.*|see\b.*|name|address|\(b\).*)$")
# a page that is a purchase order, contract award or invoice: it has a vendor's field
_VENDOR_FIELD = re.compile(r"(?i)\b(?:vendor|supplier)\s*(?:no\b|number|#|id\b|code|:)")
_STREET = re.compile(r"(?i)^\s*(?:\d+[A-Z]?\s+\S+|P\.?\s*O\.?\s+BOX\b)")
_CITY_LINE = re.compile(r"^[A-Za-z .'-]+,?\s+[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?\b")
_NOT_BLOCK_LABEL = re.compile(r"(?i)\b(?:ship|bill|deliver|sold|invoice|mail)\s*to\b|\battn\b")
# head words of public bodies: a name with one and no corporate suffix is an agency
_BODY_WORDS = {
    "department", "dept", "office", "board", "commission", "authority", "agency", "council",
    "district", "court", "county", "city", "state", "police", "sheriff", "university",
    "college", "school", "bureau", "division", "government", "administration", "ministry",
    "committee", "township", "village", "town", "parish",
}  # fmt: skip


@dataclass(frozen=True)
class Vendor:
    value: str  # the name as people say it: no corporate suffix, a trade name for a d/b/a
    text: str  # as found


def find_vendors(text: str) -> Iterator[Vendor]:
    """Each vendor a page names by label, as a company in a role, or over a form's address."""
    for m in _LABEL.finditer(text):
        # the name after the label, else (a number or nothing there) on the next line
        found = _VENDOR_NUMBER.sub("", m["name"].strip())
        if not found and m["colon"] and m["next"]:
            found = m["next"].strip()
        written = vendor_name(found)
        # a numbered block without a colon may be a heading ("13. CONTRACTOR PERFORMANCE");
        # a form's next column may stand beside a label ("Remit To: Subtotal")
        if written and (m["colon"] or _ENDS_WITH_SUFFIX.search(written)) and not _is_word(written):
            value = canonical(written)
            if value:
                yield Vendor(value, written)
    yield from _companies_in_roles(text)
    lower = text.lower()
    if ("vendor" in lower or "supplier" in lower) and _VENDOR_FIELD.search(text):
        yield from _address_blocks(text)


def _companies_in_roles(text: str) -> Iterator[Vendor]:
    """Companies with a corporate suffix that are parties to an agreement, defined as its
    contractor, or named by a purchase."""
    lower = text.lower()
    betweens = []
    at = lower.find("between")
    while at >= 0:
        if _OPENS_AGREEMENT.search(text, max(0, at - 160), at) and len(lower) == len(text):
            betweens.append(at + len("between"))
        at = lower.find("between", at + 1)
    if not betweens and not any(cue in lower for cue in _ROLE_CUES):
        return
    head = _seller_head(text)
    for m in _SUFFIX_AT.finditer(text):
        name_end = m.start()
        while name_end > 0 and text[name_end - 1] in " \t\n":
            name_end -= 1
        comma = name_end > 0 and text[name_end - 1] == ","
        if name_end == m.start() and not comma:
            continue  # part of a word: "ZINC"
        suffix = m["suffix"]
        if suffix.lower() == "co" and (comma or not (suffix == "Co" or m["stop"])):
            continue  # "Denver, CO" is a city and its state
        name_start, name = _name_before(text, name_end - comma)
        if not name or name == "a":
            continue
        written = text[name_start : m.end()]
        nearest = bisect.bisect_right(betweens, name_start) - 1  # the last "between" before it
        party = (
            nearest >= 0
            and name_start - betweens[nearest] <= _BETWEEN_REACH
            and not _SENTENCE_END.search(text, betweens[nearest], name_start)
        )
        bought = _BOUGHT_FROM.search(text, max(0, name_start - _BOUGHT_REACH), name_start)
        sells = name_start < head and not _NOT_BLOCK_LABEL.search(
            text, max(0, text.rfind("\n", 0, text.rfind("\n", 0, name_start)) + 1), name_start
        )
        if party or bought or sells or _DEFINED.match(text, m.end()):
            value = canonical(_with_trade_name(written, text, m.end()))
            if value:
                yield Vendor(value, " ".join(written.split()))


def _seller_head(text: str) -> int:
    """Where the head of an invoice, quote or order ends (its first lines, where the seller
    prints its name); 0 on other pages."""
    lines = text.lstrip().split("\n", _HEAD_LINES)
    head = "\n".join(lines[:_HEAD_LINES])
    if not _SALE_HEADING.search(head):
        return 0
    return len(text) - len(text.lstrip()) + len(head)


def _name_before(text: str, end: int) -> tuple[int, str]:
    """The capitalised words before a suffix at ``end``, up to a comma, a lower-case word or
    the end of a short line (a name may wrap only in prose), leading words that open a clause
    dropped: their start and the name; "a" for a description ("a Delaware Corporation")."""
    window_start = max(0, end - 100)
    window = text[window_start:end]
    kept: list[re.Match[str]] = []
    for token in reversed(list(re.finditer(r"\S+", window))):
        word = token.group(0)
        if kept:
            gap = window[token.end() : kept[-1].start()]
            line = window[: token.end()].rsplit("\n", 1)[-1]
            if word.endswith(",") or ("\n" in gap and len(line) < _PROSE):
                break
        if not _NAME_TOKEN.fullmatch(word):
            break
        kept.append(token)
        if len(kept) >= 8:
            break
    kept.reverse()
    while kept and kept[0].group(0).lower() in _LEAD_STOP | _CONNECTORS:
        kept.pop(0)
    if not kept:
        return end, ""
    before = window[: kept[0].start()].split()
    if before and before[-1].lower() in ("a", "an"):
        return end, "a"
    return window_start + kept[0].start(), window[kept[0].start() :].strip()


def _with_trade_name(written: str, text: str, end: int) -> str:
    """The company's trade name when a "d/b/a" follows its legal name."""
    dba = _DBA.match(text, end)
    if dba is None:
        return written
    trade = re.match(r"[\"“']?([^\"”'\n,;()]{2,60})", text[dba.end() :])
    return trade.group(1).strip() if trade else written


def _address_blocks(text: str) -> Iterator[Vendor]:
    """On a purchase order or an invoice, a company's name over its street and its city,
    under a field of the form (not a ship-to or bill-to block)."""
    lines = text.split("\n")
    for i in range(1, len(lines) - 2):
        name, above = lines[i].strip(), lines[i - 1]
        if ":" not in above or _NOT_BLOCK_LABEL.search(above) or not _STREET.match(lines[i + 1]):
            continue
        if not any(_CITY_LINE.match(line.strip()) for line in lines[i + 2 : i + 4]):
            continue
        if ":" in name or any(c.isdigit() for c in name) or not 1 <= len(name.split()) <= 6:
            continue
        if _is_word(name):
            continue  # an office's name ("Administration"), not a company's
        value = canonical(name)
        if value:
            yield Vendor(value, name)


def vendor_name(written: str) -> str | None:
    """The company's name from what follows a label: up to an address, a parenthesis or a
    comma that does not start a corporate suffix; None when it is no name ("N/A", "Same as
    block 6", a redaction)."""
    name = " ".join(_ENDS_NAME.split(written.strip(), maxsplit=1)[0].split()).strip(" .,:")
    if not 2 <= len(name) <= 80 or (not name[0].isupper() and not name[0].isdigit()):
        return None
    if sum(c.isalpha() for c in name) < 2 or _NOT_NAMES.match(name) or "█" in name:
        return None
    return name


def canonical(written: str) -> str | None:
    """A company's name as people say it: the trade name of a d/b/a, without corporate
    suffixes, quotes or a leading "The", words in capitals capitalised; None when what is left
    is no company (a public body, a person, nothing)."""
    name = " ".join(written.split())
    dba = _DBA.search(name)
    if dba:
        name = name[dba.end() :]
    name = name.strip(_QUOTES + " ,.")
    full = name
    name = _ENDS_WITH_SUFFIX.sub("", name).strip(_QUOTES + " ,.&")
    name = re.sub(r"(?i)^the\s+", "", re.sub(r"[–—]", "-", name))
    # "the Customer and Pen-Link, Ltd.": the other party before an "and" is no part of it
    left, joined, right = name.rpartition(" and ")
    if joined and (_is_public_body(left, suffixed=False) or _all_english(left)):
        name = right
    if sum(c.isalpha() for c in name) < 2 or len(name) > 80:
        return None
    suffixed = name != full
    if _is_public_body(full, suffixed=suffixed) or (not suffixed and _is_person(name)):
        return None
    return _recase(name) if name.isupper() else name


def _is_public_body(name: str, *, suffixed: bool) -> bool:
    """A name of the agency lists ("Federal Deposit Insurance Corporation"), or, without a
    corporate suffix, with a public body's head word ("Eugene Police Department")."""
    automaton = gazetteer().automaton
    if automaton.exists(normalise(name)):
        return True
    words = {w.lower().strip(".,") for w in name.split()}
    return not suffixed and bool(words & _BODY_WORDS)


def _is_word(name: str) -> bool:
    """A single English word ("Subtotal", "Total"): a form's column, not a company's name."""
    return " " not in name and name.lower() in english_words()


def _all_english(words: str) -> bool:
    """Whether each word is an English word ("the Customer"), as no company is named."""
    english = english_words()
    return all(w.lower() in english for w in words.split())


def _is_person(name: str) -> bool:
    """A person's name ("John Smith"), by the census names the titles judge by."""
    from ..titles._judge import is_person  # titles read entities: imported when first used

    return is_person(name.split())


def _recase(name: str) -> str:
    """A name written in capitals, capitalised: runs of four letters or more, and common
    English words ("FLOCK SAFETY" -> "Flock Safety", "PEN-LINK" -> "Pen-Link", "DELTA AIR
    LINES" -> "Delta Air Lines"); initialisms and codes stay ("IBM", "GEO", "AT&T", "N.A.")."""
    english = english_words()

    def run(m: re.Match[str]) -> str:
        letters = m.group(0)
        common = len(letters) == 3 and english.get(letters.lower(), 0) >= _COMMON
        return (
            letters.capitalize()
            if _has_vowel(letters) and (len(letters) >= 4 or common)
            else letters
        )

    def word(w: str) -> str:
        return w.lower() if w.lower() in _CONNECTORS and w != "&" else _LETTERS.sub(run, w)

    return " ".join(word(w) for w in name.split())
