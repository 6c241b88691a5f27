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

from ..models import Page

# A stamp's number, then the prefix read back from it on the same line. (One regex for the
# whole stamp nested its repeats and backtracked for seconds over long capitalised margins.)
_NUMBER = re.compile(r"(?<![0-9])\d{3,10}(?![\w-])")
_PREFIX = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:[-_ ][A-Z0-9]+)*[-_ ]?$")
_PREFIX_REACH = 40  # characters before the number that a prefix may take


def find_stamps(margin_text: str) -> list[tuple[str, int, str]]:
    """(prefix, number, stamp) candidates in a page's margin text."""
    found = []
    for m in _NUMBER.finditer(margin_text):
        start = m.start()
        line_start = margin_text.rfind("\n", 0, start) + 1
        prefix_match = _PREFIX.search(margin_text[max(line_start, start - _PREFIX_REACH) : start])
        if prefix_match is None:
            continue
        prefix, digits = prefix_match.group(0), m.group(0)
        if not prefix.strip() or (prefix[-1].isalnum() and len(digits) < 5):
            continue  # bare numbers, and FY2018-like words, are not stamps
        found.append((prefix, int(digits), prefix + digits))
    return found


def page_stamps(margins: Sequence[str]) -> list[str | None]:
    """The Bates stamp of each page (None where there is none), from the pages' margin text."""
    candidates = [find_stamps(text) for text in margins]
    pages_with = Counter(
        prefix for page in candidates for prefix in dict.fromkeys(c[0] for c in page)
    )
    # the prefix on most pages first; between equals, the longer one (a producer's
    # "ICE-2019-FOIA-" rather than a modification's "P"), then the one seen first
    for prefix in sorted(pages_with, key=lambda p: (-pages_with[p], -len(p))):
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


def fill_gaps(pages: Sequence[Page]) -> list[tuple[int, str]]:
    """(page number, stamp) for every stamped page, adding pages whose margins could not be
    read (a rotated table, a stamp inside the text layer) where the stamp the sequence expects
    at that page is printed in the page's text."""
    stamped = [(i, p.bates) for i, p in enumerate(pages) if p.bates]
    out = {pages[i].number: stamp for i, stamp in stamped}
    if len(stamped) >= 2:
        parsed = [(i, x) for i, stamp in stamped if (x := _split(stamp)) is not None]
        for (i, a), (j, b) in itertools.pairwise(parsed):
            if j - i < 2 or a[0] != b[0] or b[1] - a[1] != j - i:
                continue
            prefix, number, width = a
            for k in range(i + 1, j):
                expected = f"{prefix}{number + k - i:0{width}d}"
                if re.search(rf"(?<![\w-]){re.escape(expected)}(?![\w-])", pages[k].text):
                    out[pages[k].number] = expected
    return sorted(out.items())


def _split(stamp: str) -> tuple[str, int, int] | None:
    m = re.search(r"(\d+)$", stamp)
    if m is None:
        return None
    return stamp[: m.start()], int(m.group(1)), len(m.group(1))
