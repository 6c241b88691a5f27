"""Bates numbers: the production stamp in a page's header or footer.

A stamp is a prefix and a number (ICE-2019-FOIA-000123, LBPD 000045, JA-123). A page may
carry other codes in its margins (a request number, "Page 3 of 9"), so a prefix only counts
as the document's Bates prefix when its numbers run upward through the document's pages.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

_STAMP = re.compile(
    r"(?<![\w-])(?P<prefix>[A-Z][A-Z0-9]*(?:[-_ ][A-Z0-9]*[A-Z][A-Z0-9]*)*(?:[-_ ][0-9]{2,4}"
    r"(?:[-_ ][A-Z]+)+)?[-_ ]?)(?P<number>\d{3,10})(?![\w-])"
)


def find_stamps(margin_text: str) -> list[tuple[str, int, str]]:
    """(prefix, number, stamp) candidates in a page's margin text."""
    found = []
    for m in _STAMP.finditer(margin_text):
        prefix, digits = m.group("prefix"), m.group("number")
        if not prefix.strip() or (prefix[-1].isalnum() and len(digits) < 5):
            continue  # bare numbers, and FY2018-like words, are not stamps
        found.append((prefix, int(digits), m.group(0)))
    return found


def page_stamps(margins: Sequence[str]) -> list[str | None]:
    """The Bates stamp of each page (None where there is none), from the pages' margin text."""
    candidates = [find_stamps(text) for text in margins]
    prefixes = Counter(prefix for page in candidates for prefix in {c[0] for c in page})
    for prefix, _ in prefixes.most_common():
        chosen: list[tuple[int, str] | None] = []
        for page in candidates:
            match = next(((n, s) for p, n, s in page if p == prefix), None)
            chosen.append(match)
        numbers = [c[0] for c in chosen if c is not None]
        if (len(numbers) == 1 and len(margins) == 1) or _ascending(numbers):
            return [c[1] if c is not None else None for c in chosen]
    return [None] * len(margins)


def _ascending(numbers: list[int]) -> bool:
    return len(numbers) >= 2 and all(b > a for a, b in itertools.pairwise(numbers))


def bates_range(stamps: Sequence[str | None]) -> tuple[str, str] | None:
    present = [s for s in stamps if s]
    return (present[0], present[-1]) if present else None
