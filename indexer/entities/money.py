"""Dollar amounts ("$6.1 million", "$6,100,000.00", "($9,423.80)", "137,171.67 USD") with what
they are the amount of, when the words before them say ("Base period funding is $1,650,000")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_MONEY = re.compile(
    r"(?P<neg>\(|-)?\$\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<cents>\.\d{1,4})?"
    r"(?:\s?(?P<scale>(?i:million|billion|thousand))\b|(?P<letter>[MBK])\b)?\)?"
    r"|(?<![\w.,])(?P<num2>\d{1,3}(?:,\d{3})+|\d+)(?P<cents2>\.\d\d)?\s?(?:USD|[Dd]ollars)\b",
)
_SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "b": 1e9, "thousand": 1e3, "k": 1e3}
_OF = re.compile(
    r"(?P<of>[A-Za-z][A-Za-z/ -]{2,60}?)\s*(?:\bis|\bwas|\bof|\btotals?|\btotaling|:|=|"
    r"\bamounts? to|\bin the amount of|\bnot to exceed|\bfor)\s*$"
)
_LEADING = re.compile(r"^(?:.*\b(?:the|a|an|with|and|our|its|their|this|that)\s+)", re.I)


@dataclass(frozen=True)
class MoneyMention:
    amount: float
    text: str
    start: int
    end: int
    of: str | None


def parse_amount(text: str) -> float | None:
    m = _MONEY.search(text)
    return _amount(m) if m else None


def _amount(m: re.Match[str]) -> float | None:
    number = m["num"] or m["num2"]
    cents = m["cents"] or m["cents2"] or ""
    try:
        value = float(number.replace(",", "") + cents)
    except ValueError:
        return None
    scale = m["scale"] or m["letter"]
    if scale:
        value *= _SCALE[scale.lower()]
    return round(value, 2)


def find_money(text: str) -> Iterator[MoneyMention]:
    if "$" not in text and "USD" not in text and "ollars" not in text:
        return
    for m in _MONEY.finditer(text):
        amount = _amount(m)
        if amount is None:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start, m.start() - 80) : m.start()].rstrip("( ")
        of = None
        found = _OF.search(before)
        if found:
            phrase = _LEADING.sub("", found["of"]).strip(" -/")
            words = phrase.split()
            if 1 <= len(words) <= 5 and not phrase.lower().startswith(("is", "was")):
                of = " ".join(words).lower()
        written = m.group(0).strip()
        yield MoneyMention(amount, written, m.start(), m.end(), of)
