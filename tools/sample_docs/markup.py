"""Inline entity markup and its canonical forms.

Content is written as plain text with two kinds of inline marks:

* ``{type:display}`` or ``{type:display|canonical}`` marks an entity mention. ``type`` is one of
  ``a`` (agency), ``v`` (vendor), ``c`` (contract), ``mod`` (contract modification; the
  canonical part is the parent contract), ``m`` (money), ``d`` (date), ``x`` (exemption) and
  ``e`` (email address). Only ``display`` is drawn.
* ``[[label; label|hidden text]]`` is a redaction: a black box labelled with the exemptions
  replaces ``hidden text``, which is never drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

AGENCY_ALIASES: dict[str, list[str]] = {
    "U.S. Immigration and Customs Enforcement": [
        "ICE",
        "ICE's",
        "U.S. Immigration and Customs Enforcement",
        "Immigration and Customs Enforcement",
        "Immigration & Customs Enforcement",
        "U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT",
        "DHS/ICE",
    ],
    "U.S. Customs and Border Protection": [
        "CBP",
        "CBP's",
        "U.S. Customs and Border Protection",
        "Customs and Border Protection",
    ],
    "Department of Homeland Security": [
        "DHS",
        "DHS's",
        "Department of Homeland Security",
        "U.S. Department of Homeland Security",
        "U.S. DEPARTMENT OF HOMELAND SECURITY",
    ],
    "Homeland Security Investigations": [
        "HSI",
        "HSI's",
        "Homeland Security Investigations",
        "HOMELAND SECURITY INVESTIGATIONS",
        "Bulk Cash Smuggling Center",
        "HSI Bulk Cash Smuggling Center",
    ],
    "Enforcement and Removal Operations": [
        "ERO",
        "ERO's",
        "Enforcement and Removal Operations",
        "ENFORCEMENT AND REMOVAL OPERATIONS",
    ],
    "Long Beach Police Department": [
        "Long Beach Police Department",
        "LONG BEACH POLICE DEPARTMENT",
        "LBPD",
        "LBPD's",
        "Long Beach PD",
    ],
    "Pasadena Police Department": [
        "Pasadena Police Department",
        "PASADENA POLICE DEPARTMENT",
        "PPD",
        "Pasadena PD",
    ],
    "Sacramento Police Department": [
        "Sacramento Police Department",
        "SACRAMENTO POLICE DEPARTMENT",
        "SPD",
        "SPD's",
        "Sacramento PD",
    ],
    "San Diego Police Department": ["San Diego Police Department", "SDPD", "San Diego PD"],
    "Northern California Regional Intelligence Center": [
        "Northern California Regional Intelligence Center",
        "NCRIC",
    ],
    "Joint Regional Intelligence Center": ["Joint Regional Intelligence Center", "JRIC"],
    "San Diego Law Enforcement Coordination Center": [
        "San Diego Law Enforcement Coordination Center",
        "SD-LECC",
    ],
    "Orange County Sheriff's Office": ["Orange County Sheriff's Office", "OCSO"],
    "Los Angeles Police Department": ["Los Angeles Police Department", "LAPD"],
    "City of Long Beach": ["City of Long Beach", "CITY OF LONG BEACH"],
    "City of Sacramento": ["City of Sacramento", "CITY OF SACRAMENTO"],
    "City of Pasadena": ["City of Pasadena", "CITY OF PASADENA"],
}
AGENCY_BY_ALIAS = {alias: name for name, aliases in AGENCY_ALIASES.items() for alias in aliases}

VENDOR_BY_ALIAS = {
    "Vigilant Solutions": "Vigilant Solutions",
    "Vigilant": "Vigilant Solutions",
    "Vigilant's": "Vigilant Solutions",
    "VIGILANT SOLUTIONS": "Vigilant Solutions",
    "Thomson Reuters Special Services": "Thomson Reuters Special Services",
    "TRSS": "Thomson Reuters Special Services",
    "Thomson Reuters": "Thomson Reuters Special Services",
}

ENTITY_TYPES = {
    "a": "agency",
    "v": "vendor",
    "c": "contract",
    "mod": "mod",
    "m": "money",
    "d": "date",
    "x": "exemption",
    "e": "email",
}

DATE_FORMATS = [
    ("%A, %B %d, %Y %I:%M %p", "day"),
    ("%A, %B %d, %Y", "day"),
    ("%B %d, %Y", "day"),
    ("%b. %d, %Y", "day"),
    ("%b %d, %Y", "day"),
    ("%m/%d/%y %H:%M", "day"),
    ("%m/%d/%Y %H:%M", "day"),
    ("%m/%d/%y", "day"),
    ("%m/%d/%Y", "day"),
    ("%d %B %Y", "day"),
    ("%d-%b-%Y", "day"),
    ("%Y-%m-%d %H:%M", "day"),
    ("%Y-%m-%d", "day"),
    ("%B %Y", "month"),
    ("%b. %Y", "month"),
]


@dataclass(frozen=True)
class Entity:
    """A recognised mention: its type, canonical value and printed form."""

    kind: str
    canonical: str | float
    printed: str


@dataclass(frozen=True)
class Redaction:
    """A redaction box: exemption labels and the text it replaces."""

    labels: tuple[str, ...]
    hidden: str
    label_text: str


def canonical_date(text: str) -> str:
    """Return ISO date, ``YYYY-MM`` for month-only, or ``FYyyyy`` for fiscal years."""
    fy = re.fullmatch(r"(?:FY|Fiscal Year )\s?(\d{2}|\d{4})", text.strip())
    if fy:
        year = fy.group(1)
        return "FY" + (year if len(year) == 4 else "20" + year)
    for fmt, grain in DATE_FORMATS:
        try:
            parsed = datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m-%d" if grain == "day" else "%Y-%m")
    raise ValueError(f"unparseable date: {text!r}")


def canonical_money(text: str) -> float:
    """Parse ``$6.1 million``, ``$6,100,000.00`` or ``$1,650,000`` into a number."""
    match = re.fullmatch(r"\$([\d,]+(?:\.\d+)?)(?: (million|billion))?", text.strip())
    if not match:
        raise ValueError(f"unparseable amount: {text!r}")
    value = float(match.group(1).replace(",", ""))
    scale = {"million": 1e6, "billion": 1e9, None: 1.0}[match.group(2)]
    return round(value * scale, 2)


def canonical_exemption(text: str) -> str:
    """Normalise ``(b)(7)(c)`` to ``(b)(7)(C)`` and state code cites to ``Cal. Gov. Code § N``."""
    compact = text.replace(" ", "")
    fed = re.fullmatch(r"\(?b\)?\((\d)\)(?:\(([a-fA-F])\))?", compact)
    if fed:
        return f"(b)({fed.group(1)})" + (f"({fed.group(2).upper()})" if fed.group(2) else "")
    state = re.search(r"(\d{4}(?:\.\d+)?(?:\([a-z0-9]+\))*)", text)
    if state:
        return f"Cal. Gov. Code § {state.group(1)}"
    raise ValueError(f"unknown exemption: {text!r}")


def canonical_contract(text: str) -> str:
    """Uniform PIIDs are compact; legacy DHS numbers keep ``HSCEMD-17-C-00012`` hyphenation."""
    compact = text.replace("-", "").replace(" ", "").upper()
    legacy = re.fullmatch(r"(HS[A-Z]{4})(\d{2})([A-Z])(\d{5})", compact)
    if legacy:
        return "-".join(legacy.groups())
    if not re.fullmatch(r"\d{2}[A-Z0-9]{4}\d{2}[A-Z][A-Z0-9]{8}", compact):
        raise ValueError(f"unknown contract number: {text!r}")
    return compact


def make_entity(kind: str, display: str, canonical: str | None) -> Entity:
    """Build the entity for one ``{kind:display|canonical}`` mark."""
    name = ENTITY_TYPES[kind]
    value: str | float
    if name == "agency":
        value = canonical or AGENCY_BY_ALIAS[display]
    elif name == "vendor":
        value = canonical or VENDOR_BY_ALIAS[display]
    elif name == "contract":
        value = canonical_contract(canonical or display)
    elif name == "mod":
        if canonical is None:
            raise ValueError(f"modification {display!r} needs its parent contract")
        value = f"{canonical_contract(canonical)}/{display}"
    elif name == "money":
        value = float(canonical) if canonical else canonical_money(display)
    elif name == "date":
        value = canonical or canonical_date(display)
    elif name == "exemption":
        value = canonical or canonical_exemption(display)
    else:
        value = (canonical or display).lower()
    return Entity(name, value, display)


Piece = tuple[str, Entity | None] | Redaction
MARK = re.compile(r"\{(\w+):([^{}|]+)(?:\|([^{}]+))?\}|\[\[([^\]|]+)\|([^\]]+)\]\]")


def parse(markup: str) -> list[Piece]:
    """Split markup into plain/entity text pieces and redaction boxes."""
    pieces: list[Piece] = []
    pos = 0
    for match in MARK.finditer(markup):
        if match.start() > pos:
            pieces.append((markup[pos : match.start()], None))
        if match.group(1):
            entity = make_entity(match.group(1), match.group(2), match.group(3))
            pieces.append((match.group(2), entity))
        else:
            printed = [x.strip() for x in match.group(4).split(";")]
            labels = tuple(canonical_exemption(x) for x in printed)
            pieces.append(Redaction(labels, match.group(5), "; ".join(printed)))
        pos = match.end()
    if pos < len(markup):
        pieces.append((markup[pos:], None))
    return pieces


def plain(markup: str) -> str:
    """The text a reader sees (redactions shown as their labels)."""
    out = []
    for piece in parse(markup):
        out.append(piece.label_text if isinstance(piece, Redaction) else piece[0])
    return "".join(out)
