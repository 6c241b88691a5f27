"""Cheap facts about the layout of a document's first lines, for telling its type: how many
lines carry a date and whether those dates run in order, how many lines are rows of figures,
counts under a short label, prose, or short cells that repeat."""

from __future__ import annotations

import re
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate, pairwise

_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# a day's date in figures, as rows print it: 3/14/21, 2020-01-05, 13-may-2021 (starting with
# a digit, so the scan skips letters quickly)
_DAY = re.compile(r"(\d{1,4})[/-](\d{1,2}|[a-z]{3})[a-z]*[/-](\d{2,4})(?!\d)")
# a figure standing alone: 1,742 or $959.22 or 38% (not a part of a date, a code or a word)
_FIGURE = re.compile(r"\d(?<![\w.]\d)[\d,.]*%?(?![\w/-])")
# a count under a short label, the line's last word: "Substantiated: 6", "Burglary 30"
_COUNT = re.compile(r"^\D[^\n]{0,40}?[\s:]\d[\d,]*$", re.M)


@dataclass(frozen=True)
class Layout:
    lines: int
    dated: int  # lines with a day's date
    in_order: float  # share of consecutive dated lines whose dates do not go back
    figures: int  # lines with three or more figures
    prose: int  # lines of eight or more words with at most one figure, not all in capitals
    cells: int  # lines of three words or fewer
    repeated: int  # lines that repeat an earlier line
    counts: int = 0  # lines that give a count under a short label

    def kind(self) -> str | None:
        """'log' for rows of dated entries in order; 'table' for another grid: rows of
        figures, rows dated in no order, counts under their labels, or short cells that repeat;
        None for prose."""
        n = self.lines
        if self.prose * 10 >= n * 3:
            return None
        if self.dated >= 6 and self.in_order >= 0.85:
            return "log"
        cells = self.cells * 4 >= n * 3
        if cells and self.prose * 10 <= n and self.dated * 10 >= n:
            return "table"  # a grid read cell by cell, a date in every row
        if self.figures * 3 >= n or self.dated * 2 >= n or (cells and self.repeated * 3 >= n):
            return "table"
        if self.counts >= 6 and self.counts * 2 >= n:
            return "table"  # a statistical summary, a count a line
        return None


def measure(text: str) -> Layout:
    """The layout of ``text``: lines stripped, none empty. A row of words in capitals is a
    table's or a heading's, not prose."""
    rows = text.split("\n")
    ends = list(accumulate(len(row) + 1 for row in rows))
    figures = [0] * len(rows)
    for m in _FIGURE.finditer(text):
        figures[bisect(ends, m.start())] += 1
    days: dict[int, tuple[int, int, int]] = {}
    for m in _DAY.finditer(text.lower()):
        row = bisect(ends, m.start())
        if row not in days and (day := _day(m)):
            days[row] = day
    steps = len(days) - 1
    in_order = sum(a <= b for a, b in pairwise(days.values())) / steps if steps > 0 else 0.0
    words = [row.count(" ") + 1 for row in rows]
    return Layout(
        lines=len(rows),
        dated=len(days),
        in_order=in_order,
        figures=sum(n >= 3 for n in figures),
        prose=sum(
            w >= 8 and f <= 1 and not row.isupper()
            for row, w, f in zip(rows, words, figures, strict=True)
        ),
        cells=sum(w <= 3 for w in words),
        repeated=len(rows) - len(set(map(str.lower, rows))),
        counts=len(_COUNT.findall(text)),
    )


def _day(m: re.Match[str]) -> tuple[int, int, int] | None:
    first, middle, last = m.groups()
    if middle.isalpha():
        if middle not in _MONTHS or len(first) > 2:
            return None
        year, month, day = last, _MONTHS.index(middle) + 1, int(first)
    elif len(first) == 4:
        year, month, day = first, int(middle), int(last)
    elif len(first) <= 2:
        year, month, day = last, int(first), int(middle)
    else:
        return None
    if len(year) == 3 or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    century = 0 if len(year) == 4 else 2000 if int(year) < 50 else 1900
    return (century + int(year), month, day)
