"""The kind of record a document is, judged from the form of its text."""

from __future__ import annotations

import re

# (type, words of which the text must hold one, pattern); the first rule that matches wins.
# Every branch of a pattern holds one of its words, so a text without them is passed over
# without running the pattern. Patterns in lower case are matched against the lower-cased
# text: word alternations under re.I were ten times slower.
_RULES: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = [
    ("email", ("From:",), re.compile(r"^\s*From:.*\n(?:.*\n){0,3}?\s*(?:Sent|Date):", re.M)),
    ("memo", ("MEMO",), re.compile(r"^\s*MEMORANDUM\b|^\s*MEMORANDUM FOR\b|^\s*MEMO\s*$", re.M)),
    (
        "contract",
        (
            "contract",
            "order for supplies",
            "amendment of solicitation",
            "statement of work",
            "purchase order",
            "memorandum of",
            "agreement",
        ),
        re.compile(
            r"award/contract|order for supplies or services|amendment of solicitation/modification"
            r"|statement of work|\bcontract (?:no|number)\b|\bpurchase order\b"
            r"|memorandum of (?:agreement|understanding)|\bagreement\b.*\bbetween\b"
        ),
    ),
    (
        "policy",
        ("privacy impact assessment", "policy", "directive", "general order"),
        re.compile(r"privacy impact assessment|\bpolicy\b|\bdirective\b|general order"),
    ),
    (
        "manual",
        ("guide", "manual", "handbook"),
        re.compile(r"user(?:'s)? guide|training guide|\bmanual\b|handbook"),
    ),
    (
        "log",
        ("audit ", " log"),
        re.compile(r"audit (?:log|trail|report)|query log|search log|access log"),
    ),
    (
        "report",
        ("report", "summary"),
        re.compile(r"staff report|\breport\b|data sharing report|annual report|summary"),
    ),
    (
        "letter",
        ("Dear", "Re:", "RE:", "Sincerely"),
        re.compile(r"^\s*(?:Dear|Re:|RE:)\b.*$|^\s*Sincerely,?\s*$", re.M),
    ),
    (
        "form",
        ("form", "check "),
        re.compile(r"\bform\b\s+[a-z0-9-]+|\bcheck (?:one|all that apply)\b"),
    ),
]
_LOWER = frozenset(["contract", "policy", "manual", "log", "report", "form"])
# letters that re.I matches to ASCII ones but lower() does not turn into them
_FOLDED = re.compile("[\u0130\u0131\u017f\u212a]")
_FOLDING_RULES = [
    (doc_type, re.compile(pattern.pattern, pattern.flags | re.I) if doc_type in _LOWER else pattern)
    for doc_type, _, pattern in _RULES
]


def classify(first_pages: str) -> str:
    """One of SPEC's document types for text from a document's first pages."""
    head = first_pages[:4000]
    if _FOLDED.search(head):
        return next((t for t, pattern in _FOLDING_RULES if pattern.search(head)), "other")
    lower = head.lower()
    for doc_type, words, pattern in _RULES:
        text = lower if doc_type in _LOWER else head
        if any(word in text for word in words) and pattern.search(text):
            return doc_type
    return "other"
