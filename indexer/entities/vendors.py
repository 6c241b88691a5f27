"""Vendors: the companies a record names as contractor, seller or supplier.

Only where the record says so: a label at the start of a line ("Vendor:", "Contractor Name:",
"Supplier:", "Seller:", "Sold by:", a contract form's numbered "8. Contractor" block naming a
company), or a party with a corporate suffix in an agreement "between the City of Long Beach
and Vigilant Solutions, LLC". Prose ("awarded to …", "the Contractor shall …") is left for a
finder that reads sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SUFFIX = (
    r"(?:Inc|Incorporated|LLC|L\.L\.C|Corp|Corporation|Company|Co|Ltd|Limited|LLP|L\.L\.P|LP"
    r"|L\.P|PLLC|GmbH)\b\.?"
)
_LABEL = re.compile(
    r"(?im)^[ \t]*(?:(?P<block>\d{1,2}[A-Z]?\.)[ \t]*)?"
    r"(?:Vendor|Contractor|Supplier|Seller|Sold[ \t]+by)(?:[ \t]+Name)?"
    r"(?:[ \t]*(?P<colon>:)|(?(block)[ \t]|(?!)))[ \t]*(?P<name>[^\n]+)"
)
_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?P<a>[A-Z][^\n;]{2,80}?)\s*(?:\([^)\n]*\)\s*)?,?\s+and\s+"
    rf"(?:the\s+)?(?P<b>[A-Z][\w&.'’ -]{{1,60}}?,?\s+{_SUFFIX})"
)
_ENDS_NAME = re.compile(r"\s*(?:\(|;|\t| {2,}| - | – |,(?!\s*" + _SUFFIX + r"))")
_NOT_NAMES = re.compile(r"(?i)^(?:n/?a|none|tbd|same as\b.*|see\b.*|name|address|\(b\).*)$")
_CORPORATE = re.compile(rf",?\s+{_SUFFIX}$")


@dataclass(frozen=True)
class Vendor:
    value: str  # the name, its spacing tidied
    text: str  # as found


def find_vendors(text: str) -> Iterator[Vendor]:
    """Each vendor a page names by label or as a corporate party to an agreement."""
    for m in _LABEL.finditer(text):
        name = vendor_name(m["name"])
        # a numbered block without a colon may be a heading ("13. CONTRACTOR PERFORMANCE")
        if name and (m["colon"] or _CORPORATE.search(name)):
            yield Vendor(name, m["name"].strip())
    if "between" in text:
        for m in _BETWEEN.finditer(text):
            for party in (m["a"], m["b"]):
                name = vendor_name(party)
                if name and _CORPORATE.search(name):
                    yield Vendor(name, party)


def vendor_name(written: str) -> str | None:
    """The company's name from what follows a label: up to an address, a parenthesis or a
    comma that does not start a corporate suffix; None when it is no name ("N/A", "Same as
    block 6", a redaction)."""
    name = " ".join(_ENDS_NAME.split(written.strip(), maxsplit=1)[0].split()).strip(" .,:")
    if _CORPORATE.search(name + "."):  # "Co." and "Inc." keep their full stop
        name += "." if re.search(r"(?:Inc|Co|Corp|Ltd)$", name) else ""
    if not 2 <= len(name) <= 80 or (not name[0].isupper() and not name[0].isdigit()):
        return None
    if sum(c.isalpha() for c in name) < 2 or _NOT_NAMES.match(name) or "█" in name:
        return None
    return name
