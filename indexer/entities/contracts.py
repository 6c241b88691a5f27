"""Contract, order and agreement identifiers, normalised, with what the text says about them.

Federal identifiers follow FAR subpart 4.16 (see ``indexer/data/SOURCES.md``):

* the uniform PIID (FY2018 on): a six-character AAC, two FY digits, an instrument letter and a
  serial, 13–17 characters without hyphens (``70CMSD18C00000003``, written with hyphens too);
* DHS legacy numbers (``HSCEMD-17-C-00012``, ``HSHQDC17J00370``), kept in their hyphenated form;
* DoD legacy numbers (``N00024-12-C-2120``) and GSA schedules (``GS-35F-0119Y``).

Everyone else's numbers (purchase orders, quotes, RFPs, bids, agreements, task orders) have no
shape of their own, so they count only after a label that says what they are: "Purchase Order
No. 060-12013648", "PO 060-12013648", "Quote# QUO-04689-V8Y5D0", "RFP No. 19-0235", "CONTRACT
NO:" with the number on the next line, or a form's header row ("Purchase Order  Date") with the
number first in the row below. Each keeps the kind its label names and is written as the
record writes it, in capitals, without the punctuation around it. Solicitations (RFPs, bids,
quotes) are kept after their label; they come after the awards of their page.

Unlabelled solicitations (R, Q, B in position 9) are not awards and are left out, as are
look-alikes listed in ``contract_id_patterns.md``: VINs (a digit in position 9), ORI codes (9
characters), FOIA request numbers (a leading year), exemption codes and Bates stamps; after a
label, dates, phone numbers, ZIP+4 codes, year ranges, court case numbers and amounts are not
numbers either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from ..data import contracting_offices
from .dates import find_dates
from .vendors import Vendor, find_vendors

_AWARD_TYPES = "ACDFGHKLMNPSTUVY"  # FAR 4.1603(a)(3) less the solicitations (B, Q, R)
_UNIFORM = re.compile(
    rf"(?<![\w-])(?P<aac>[A-Z0-9]{{6}})-?(?P<fy>\d\d)-?(?P<type>[{_AWARD_TYPES}])-?"
    r"(?P<serial>(?=[A-Z0-9]*\d{3})[A-Z0-9]{4,8})(?![\w-])"
)
_DHS_LEGACY = re.compile(
    r"(?<![\w-])(?P<aac>HS[A-Z]{4})-?(?P<fy>\d\d)-?(?P<type>[A-Z])-?(?P<serial>[A-Z0-9]{5})(?![\w-])"
)
_GSA = re.compile(
    r"(?<![\w-])GS-?(?P<sched>\d\d)(?P<letter>[A-Z])-?(?P<serial>(?=[A-Z0-9]*\d)[A-Z0-9]{4,6})(?![\w-])"
)
_IGSA = re.compile(r"(?<![\w-])(?:DRO|ERO)IGSA-\d\d-\d{4}(?![\w-])")
_UNIFORM_HINT = re.compile(rf"\d\d-?[{_AWARD_TYPES}]")  # implied by a uniform PIID, cheaper

# What a label names, most specific first; abbreviations only in capitals ("po" is a word).
_KINDS: tuple[tuple[str, str], ...] = (
    ("blanket purchase agreement", r"Blanket\s+Purchase\s+Agreement|(?-i:BPA)"),
    ("master agreement", r"Master\s+(?:Services?\s+|Purchase\s+|Price\s+)?Agreement"),
    ("purchase order", r"Purchase\s+Order|(?-i:P\.\s?O\.|PO)"),
    ("task order", r"(?:Task|Delivery)\s+Order"),
    ("request for proposals", r"Request\s+for\s+Proposals?|(?-i:RFP)"),
    ("request for quotations", r"Request\s+for\s+Quot(?:e|ation)s?|(?-i:RFQ)"),
    ("bid", r"Invitation\s+(?:for|to)\s+Bids?|(?-i:IFB)|Bid"),
    ("solicitation", r"Solicitation"),
    ("quote", r"Quot(?:e|ation)"),
    ("agreement", r"(?:Grant\s+|Service\s+|Services\s+|Lease\s+|Interlocal\s+)?Agreement"),
    ("contract", r"Contract"),
    ("order", r"(?<![^\n])Order"),  # a bare "Order No." only as a form field at a line's start
)
_SOLICITATIONS = frozenset(
    {"request for proposals", "request for quotations", "bid", "solicitation", "quote"}
)
_LABEL = "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_KINDS))
_MARKER = r"(?P<marker>[ \t]*(?:No\b\.?|Nos\b\.?|Number\b|Num\b\.?|#|ID\b))"
# a number: letters, digits and inner hyphens, at least four digits (checked in code)
_ID = r"(?P<id>[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,24})(?![A-Za-z0-9]|-[A-Za-z0-9]|[.,/]\d)"
# label then number on its line ("PO 060-12013648", "Quote# QUO-04689") or, after a marker or
# a colon, on the next line ("CONTRACT NO:\nMA-IS-1540123-1")
_SAME_LINE = re.compile(
    rf"(?i)\b(?:{_LABEL})(?![A-Za-z]){_MARKER}?[ \t]*(?P<colon>[:.])?"
    rf"[ \t]*(?P<below>\n[ \t]*)?{_ID}"
)
# a form's header row that starts with the label, its value first in the row below, followed
# by the row's other cells or nothing (not an address: "12345 Main Street")
_HEADER_ROW = re.compile(
    rf"(?im)^[ \t]*(?:{_LABEL})(?![A-Za-z]){_MARKER}?[ \t]*:?"
    rf"(?:[ \t|]+[A-Za-z][A-Za-z .#/&'()|\t-]{{0,60}})?[ \t]*\n[ \t]*{_ID}(?=[ \t]*(?:$|[\d|$]))"
)
# the word every label ends with (lower case) or its abbreviation (capitals): labels are tried
# only where one is, at the word and at the few words before it on its line
_HEADS = re.compile(r"order|agreement|contract|bid|solicitation|quot|proposal")
_ABBREVIATIONS = re.compile(r"PO|P\.\s?O|RF[PQ]|IFB|BPA")
_WORD = re.compile(r"(?<![\w.])[A-Za-z]")
_DIGIT = re.compile(r"\d")
_REACH = 45  # characters from a label's start to its last word ("Blanket Purchase Agreement")
_SPAN = 140  # characters from that word to the end of its number, on the next line perhaps
_SELF_LABELLED = re.compile(r"(?<![\w-])PO-(?=[\d-]*\d{5})\d[\d-]*\d(?![\w-])")  # PO-060-12013648
_NOT_NUMBERS = re.compile(
    r"(?:19|20)\d\d-[A-Z]{2,4}[A-Z]*-\d.*|.*FOIA.*"  # FOIA request numbers
    r"|\d{1,2}-\d{1,2}-\d{2,4}|\d{4}-\d\d-\d\d"  # dates
    r"|(?:1-)?\d{3}-\d{3}-\d{4}|\d{3}-\d\d-\d{4}|\d{5}-\d{4}"  # phones, SSNs, ZIP+4
    r"|(?:19|20)\d\d-(?:19|20)?\d\d"  # year ranges, fiscal years
    r"|\d\d-?(?:CV|CR|MJ|MC|MD|BK|AP|CF)-?\d+(?:-[A-Z]+)*",  # court cases
    re.I,
)

_MOD = re.compile(
    r"\b(?:Modification|Mod\.?|Amendment/Modification)\s*(?:No\.?|Number|#)?\s*:?\s*"
    r"(?P<mod>[PA][0-9A-Z]\d{4})\b"
    r"|(?P<piid>[A-Z0-9]{13,17})\s*/?\s*(?P<mod2>P\d{5})\b",
    re.I,
)
_HSI_CASE = re.compile(r"^[A-Z]{2}\d\d[A-Z]{2}\d\d[A-Z]{2}\d{4}$")
_CONTEXT = re.compile(
    r"(?i)\b(?:contract|order|award|agreement|BPA|IDIQ|IDV|PIID|schedule|modification|mod|"
    r"task|delivery|purchase|vendor|contractor)\b"
)

# The vendor where no company is labelled or defined as one (``vendors``): the one a contract
# was awarded to, in prose.
_AWARDED = re.compile(
    r"awarded\s+to\s+(?P<vendor>[A-Z][A-Za-z0-9&.,'’ -]{2,60}?)"
    r"(?=\s*(?:[.;,]\s|\(|\n| and | for | under | on |$))"
)
# The total: what the contract or order is worth, not a line item.
_TOTAL = re.compile(
    r"(?i)\b(?:(?:grand\s+)?total(?:\s+(?:contract|order|PO|purchase\s+order|quote|award|agreement))?"
    r"(?:\s+(?:value|amount|price|award|cost|sum|obligation))?(?:\s+of\s+award)?"
    r"|(?:not[\s-]+to|shall\s+not)[\s-]+exceed(?:\s+amount)?|(?:contract|agreement|order|award)\s+"
    r"(?:value|amount|price|sum|total)|maximum\s+(?:contract\s+)?amount)"
    r"(?P<between>[^$\n]{0,80}?)[:\s]*(?:\$\s?(?P<number>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<scale>million|billion|thousand)\b)?|(?<![\d,.])(?P<plain>\d[\d,]*\.\d\d)(?!\d))"
)
_SCALES = {"million": 1e6, "billion": 1e9, "thousand": 1e3}
# The period: a term's or period of performance's start and end, or two dates of a form.
_PERIOD_LABEL = re.compile(
    r"(?i)\b(?:period\s+of\s+performance|performance\s+period|(?:contract|agreement|service)\s+"
    r"(?:term|period)|term(?:\s+of\s+(?:the\s+|this\s+)?(?:contract|agreement|order))?|"
    r"effective\s+(?:dates?|period)|period\s+covered)\b"
)
_RANGE = re.compile(r"(?i)^[\s,]*(?:-|–|—|to|through|thru|until|and|ending(?:\s+on)?)[\s,]*$")
_START_END = re.compile(
    r"(?i)\b(?P<label>effective|start|begin(?:ning)?|commencement|expiration|end|termination)"
    r"[ \t]+date[ \t]*:?[ \t]*"
)


@dataclass
class ContractMention:
    value: str
    text: str
    start: int
    end: int
    attrs: dict[str, Any] = field(default_factory=dict)


def find_contracts(text: str) -> Iterator[ContractMention]:
    """Each contract or order identifier in ``text``, normalised."""
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(start < b and a < end for a, b in taken)

    # each pattern is tried only where a cheaper test that a match implies passes
    for m in _DHS_LEGACY.finditer(text) if "HS" in text else ():
        value = f"{m['aac']}-{m['fy']}-{m['type']}-{m['serial']}"
        taken.append(m.span())
        yield ContractMention(value, m.group(0), *m.span(), {"kind": "DHS legacy"})
    for m in _UNIFORM.finditer(text) if _UNIFORM_HINT.search(text) else ():
        if not free(*m.span()):
            continue
        aac, compact = m["aac"], m.group(0).replace("-", "")
        if _HSI_CASE.match(compact) or aac.isdigit() or (aac.isalpha() and not aac.startswith("W")):
            continue
        known = aac in contracting_offices()
        if not known and not _CONTEXT.search(text[max(0, m.start() - 60) : m.start()]):
            continue
        attrs: dict[str, Any] = {"kind": "uniform PIID", "fiscal_year": 2000 + int(m["fy"])}
        if known:
            attrs["office_agency"] = contracting_offices()[aac]
        if "-" in m.group(0) and aac[0] in "WNFS" and len(m["serial"]) == 4:
            attrs["kind"] = "DoD"
            value = f"{aac}-{m['fy']}-{m['type']}-{m['serial']}"
        else:
            value = compact
        taken.append(m.span())
        yield ContractMention(value, m.group(0), *m.span(), attrs)
    for m in _GSA.finditer(text) if "GS" in text else ():
        if not free(*m.span()):
            continue
        taken.append(m.span())
        value = f"GS-{m['sched']}{m['letter']}-{m['serial']}"
        yield ContractMention(value, m.group(0), *m.span(), {"kind": "GSA schedule"})
    for m in _IGSA.finditer(text) if "IGSA-" in text else ():
        if free(*m.span()):
            taken.append(m.span())
            yield ContractMention(m.group(0), m.group(0), *m.span(), {"kind": "IGSA"})
    # what was awarded before what was asked for: the first number is the one a page's
    # vendor, total and term are read as belonging to (``details``)
    solicitations: list[ContractMention] = []
    for m in _labelled(text):
        span = m.span("id")
        if free(*span):
            taken.append(span)
            found = ContractMention(m["id"].upper(), m["id"], *span, {"kind": _kind(m)})
            if found.attrs["kind"] in _SOLICITATIONS:
                solicitations.append(found)
            else:
                yield found
    for m in _SELF_LABELLED.finditer(text) if "PO-" in text else ():
        if free(*m.span()):
            taken.append(m.span())
            yield ContractMention(m.group(0), m.group(0), *m.span(), {"kind": "purchase order"})
    yield from solicitations


def _labelled(text: str) -> Iterator[re.Match[str]]:
    """Numbers after a label, in the order they are written, each once: a label is tried at
    the start of each word just before a label's last word, the longest label first."""
    found: dict[int, re.Match[str]] = {}
    heads = [m.start() for m in _HEADS.finditer(text.lower())]
    heads += [m.start() for m in _ABBREVIATIONS.finditer(text)]
    for head in sorted(heads):
        if not _DIGIT.search(text, head, head + _SPAN):
            continue
        line_start = text.rfind("\n", 0, head) + 1
        reach = max(head - _REACH, line_start)
        if reach == line_start:
            m = _HEADER_ROW.match(text, reach)
            if m and _is_number(m):
                found.setdefault(m.start("id"), m)
        starts = [w.start() for w in _WORD.finditer(text, reach, head)] + [head]
        for start in starts:
            m = _SAME_LINE.match(text, start)
            if m and m.start("id") > head and _is_number(m) and _marked(m):
                found.setdefault(m.start("id"), m)
                break
    return iter(sorted(found.values(), key=lambda m: m.start("id")))


def _marked(m: re.Match[str]) -> bool:
    """Whether a label says enough: a number below it needs its "No." or colon, and a bare
    label reads as a word in prose ("the contract 12345 units") unless capitalised."""
    if m["marker"] or m["colon"]:
        return True
    return not m["below"] and m.group(0)[0].isupper()


def _is_number(m: re.Match[str]) -> bool:
    ident = m["id"]
    digits = [c for c in ident if c.isdigit()]
    # all zeros is a placeholder, as in the Federal Register's printing slug "PO 00000"
    return (
        len(digits) >= 4 and digits.count("0") < len(digits) and not _NOT_NUMBERS.fullmatch(ident)
    )


def _kind(m: re.Match[str]) -> str:
    return next(kind for i, (kind, _) in enumerate(_KINDS) if m[f"k{i}"] is not None)


def details(text: str, vendors: Sequence[Vendor] | None = None) -> dict[str, Any]:
    """What a page says about the contract it is about: vendor, total amount, period;
    ``vendors``: the page's, by ``find_vendors``, when the caller has them."""
    out: dict[str, Any] = {}
    vendor = _vendor(text, find_vendors(text) if vendors is None else vendors)
    if vendor:
        out["vendor"] = vendor
    amount = _total(text)
    if amount is not None:
        out["amount"] = amount
    period = _period(text)
    if period:
        out["period"] = period
    return out


def _vendor(text: str, vendors: Iterable[Vendor]) -> str | None:
    for found in vendors:
        return found.value
    m = _AWARDED.search(text)
    return " ".join(m["vendor"].split()).rstrip(" ,.") if m else None


def _total(text: str) -> float | None:
    """The largest amount a total or a ceiling is given as: the grand total over subtotals."""
    amounts = []
    for m in _TOTAL.finditer(text):
        if re.search(r"\d", m["between"]):
            continue  # "Total 3 items $450": the amount is not the label's
        amount = float((m["number"] or m["plain"]).replace(",", ""))  # plain: with cents
        amounts.append(round(amount * _SCALES.get((m["scale"] or "").lower(), 1), 2))
    return max(amounts) if amounts else None


def _period(text: str) -> dict[str, str] | None:
    """Start and end of a labelled term ("Period of performance: 12/18/2017 through
    12/17/2018"), or of a form's "Effective Date: …" and "Expiration Date: …"."""
    for m in _PERIOD_LABEL.finditer(text):
        window = text[m.end() : m.end() + 120]
        # in the order written: find_dates answers by pattern, not by position
        days = (d for d in find_dates(window) if len(d.value) == 10)
        dates = sorted(days, key=attrgetter("start"))[:2]
        if (
            len(dates) == 2
            and _RANGE.match(window[dates[0].end : dates[1].start])
            and dates[0].value < dates[1].value
        ):
            return {"start": dates[0].value, "end": dates[1].value}
    start = end = None
    for m in _START_END.finditer(text):
        found = next(find_dates(text[m.end() : m.end() + 30]), None)
        if found is None or found.start > 0 or len(found.value) != 10:
            continue  # the date is not the field's value
        if m["label"].lower() in ("expiration", "end", "termination"):
            end = end or found.value
        else:
            start = start or found.value
    if start and end and start < end:
        return {"start": start, "end": end}
    return None


def find_mods(text: str) -> Iterator[tuple[str | None, str]]:
    """(PIID if written beside it, modification number) for each modification cited."""
    for m in _MOD.finditer(text):
        if m["mod"]:
            yield None, m["mod"].upper()
        else:
            yield m["piid"], m["mod2"].upper()
