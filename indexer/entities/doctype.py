"""The kind of record a document is, judged from the form of its text."""

from __future__ import annotations

import re

# (type, pattern on the first pages' text); the first that matches wins
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("email", re.compile(r"^\s*From:.*\n(?:.*\n){0,3}?\s*(?:Sent|Date):", re.M)),
    ("memo", re.compile(r"^\s*MEMORANDUM\b|^\s*MEMORANDUM FOR\b|^\s*MEMO\s*$", re.M)),
    (
        "contract",
        re.compile(
            r"AWARD/CONTRACT|ORDER FOR SUPPLIES OR SERVICES|AMENDMENT OF SOLICITATION/MODIFICATION"
            r"|STATEMENT OF WORK|\bCONTRACT (?:NO|NUMBER)\b|\bPURCHASE ORDER\b"
            r"|MEMORANDUM OF (?:AGREEMENT|UNDERSTANDING)|\bAGREEMENT\b.*\bBETWEEN\b",
            re.I,
        ),
    ),
    (
        "policy",
        re.compile(r"Privacy Impact Assessment|\bPOLICY\b|\bDIRECTIVE\b|General Order", re.I),
    ),
    ("manual", re.compile(r"User(?:'s)? Guide|Training Guide|\bMANUAL\b|Handbook", re.I)),
    ("log", re.compile(r"Audit (?:Log|Trail|Report)|Query Log|Search Log|Access Log", re.I)),
    (
        "report",
        re.compile(r"Staff Report|\bREPORT\b|Data Sharing Report|Annual Report|Summary", re.I),
    ),
    ("letter", re.compile(r"^\s*(?:Dear|Re:|RE:)\b.*$|^\s*Sincerely,?\s*$", re.M)),
    ("form", re.compile(r"\bFORM\b\s+[A-Z0-9-]+|\bCheck (?:one|all that apply)\b", re.I)),
]


def classify(first_pages: str) -> str:
    """One of SPEC's document types for text from a document's first pages."""
    head = first_pages[:4000]
    for doc_type, pattern in _RULES:
        if pattern.search(head):
            return doc_type
    return "other"
