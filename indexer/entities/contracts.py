"""Contract, order and agreement identifiers, normalised, with what the text says about them.

Federal identifiers follow FAR subpart 4.16 (see ``indexer/data/SOURCES.md``):

* the uniform PIID (FY2018 on): a six-character AAC, two FY digits, an instrument letter and a
  serial, 13–17 characters without hyphens (``70CMSD18C00000003``, written with hyphens too);
* DHS legacy numbers (``HSCEMD-17-C-00012``, ``HSHQDC17J00370``), kept in their hyphenated form;
* DoD legacy numbers (``N00024-12-C-2120``) and GSA schedules (``GS-35F-0119Y``);
* purchase orders and agreements as local governments write them, only after a label
  ("Purchase Order No. 060-12013648", "Agreement No. C-2019-044").

Solicitations (R, Q, B in position 9) are not awards and are left out, as are look-alikes
listed in ``contract_id_patterns.md``: VINs (a digit in position 9), ORI codes (9 characters),
FOIA request numbers (a leading year), exemption codes and Bates stamps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..data import contracting_offices

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
_LABELLED = re.compile(
    r"(?=[pabctdo])\b(?P<label>Purchase\s+Order|P\.\s?O\.|PO|Blanket\s+Purchase\s+Agreement|Agreement|"
    r"Contract|Task\s+Order|Delivery\s+Order|Order)\s*(?:No\.?|Number|Num\.?|#)\s*[:.]?\s*"
    r"(?P<id>[A-Z0-9][A-Z0-9-]{3,24}[A-Z0-9])\b",
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
_VENDOR = re.compile(
    r"(?:awarded\s+to|(?:Contractor|Vendor|Offeror)(?:\s+Name)?\s*:)\s*"
    r"(?P<vendor>[A-Z][A-Za-z0-9&.,'’ -]{2,60}?)(?=\s*(?:[.;,]\s|\(|\n| and | for | under | on |$))"
)
_PERIOD = re.compile(
    r"(?i)period\s+of\s+performance[^\n.]{0,40}?(?:from\s+)?(?P<a>[A-Za-z0-9,/ .-]{6,20}?)"
    r"\s+(?:to|through|thru|-|–)\s+(?P<b>[A-Za-z0-9,/ .-]{6,20}?\d{2,4})"
)
_TOTAL = re.compile(
    r"(?i)(?:total\s+(?:contract\s+)?(?:value|amount|price|award)|total\s+amount\s+of\s+award|"
    r"not\s+to\s+exceed|contract\s+(?:value|amount|price)|award\s+amount)[^$\n]{0,40}"
    r"(?P<money>\$\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|thousand))?)"
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
    lowered = text.lower()
    labelled = any(word in lowered for word in ("order", "agreement", "contract", "p.o", "po"))
    for m in _LABELLED.finditer(text) if labelled else ():
        ident = m["id"]
        span = m.span("id")
        if not free(*span) or sum(c.isdigit() for c in ident) < 4:
            continue
        if re.match(r"(?:19|20)\d\d-[A-Z]{2,4}[A-Z]*-\d", ident) or "FOIA" in ident.upper():
            continue  # a FOIA request number
        if re.fullmatch(r"\d{1,2}[-/]\d{1,2}[-/]\d{2,4}", ident):
            continue  # a date
        label = " ".join(m["label"].split()).lower()
        kind = (
            "purchase order"
            if label in ("purchase order", "p.o.", "p. o.", "po")
            else ("agreement" if "agreement" in label else "contract")
        )
        taken.append(span)
        yield ContractMention(ident.upper(), ident, *span, {"kind": kind})


def details(text: str) -> dict[str, Any]:
    """What a page says about the contract it is about: vendor, total amount, period."""
    from .dates import parse_date
    from .money import parse_amount

    out: dict[str, Any] = {}
    m = _VENDOR.search(text)
    if m:
        out["vendor"] = " ".join(m["vendor"].split()).rstrip(" ,.")
    m = _TOTAL.search(text)
    if m:
        amount = parse_amount(m["money"])
        if amount is not None:
            out["amount"] = amount
    m = _PERIOD.search(text)
    if m:
        start, end = parse_date(m["a"]), parse_date(m["b"])
        if start and end:
            out["period"] = {"start": start, "end": end}
    return out


def find_mods(text: str) -> Iterator[tuple[str | None, str]]:
    """(PIID if written beside it, modification number) for each modification cited."""
    for m in _MOD.finditer(text):
        if m["mod"]:
            yield None, m["mod"].upper()
        else:
            yield m["piid"], m["mod2"].upper()
