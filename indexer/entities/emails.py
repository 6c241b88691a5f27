"""Email headers printed into PDFs: From, Sent, To, Cc and Subject of each message of a thread."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .dates import parse_date

_HEADER = re.compile(
    r"^[ \t]*(?P<name>From|Sent|Date|To|Cc|CC|Subject)[ \t]*:[ \t]*(?P<value>.*)$", re.M
)
_TIME = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::\d\d)?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
)


@dataclass
class Message:
    page: int
    sender: str = ""
    sent: str | None = None
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    subject: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "from": self.sender,
            "sent": self.sent,
            "to": self.to,
            "cc": self.cc,
            "subject": self.subject,
            "page": self.page,
        }


def find_messages(pages: list[tuple[int, str]]) -> Iterator[Message]:
    """Each message header block (From: … Subject:) in page order."""
    for number, text in pages:
        current: Message | None = None
        for m in _HEADER.finditer(text):
            name, value = m.group("name").lower(), m.group("value").strip()
            if name == "from":
                if current is not None and current.sender:
                    yield current
                current = Message(page=number, sender=value)
            elif current is None:
                continue
            elif name in ("sent", "date"):
                current.sent = sent_time(value)
            elif name == "to":
                current.to = _addresses(value)
            elif name == "cc":
                current.cc = _addresses(value)
            elif name == "subject":
                current.subject = value
                yield current
                current = None
        if current is not None and current.sender and current.sent:
            yield current


def sent_time(value: str) -> str | None:
    """'Tuesday, March 20, 2018 10:14 AM' -> '2018-03-20T10:14' (the date alone if no time)."""
    day = parse_date(value)
    if day is None or len(day) != 10:
        return None
    m = _TIME.search(value)
    if m is None:
        return day
    hour = int(m.group("h"))
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"{day}T{hour:02d}:{m.group('m')}"


def _addresses(value: str) -> list[str]:
    parts = re.split(r";|,(?![^<]*>)(?=\s*[^,]*(?:<|@|$))", value)
    return [part.strip() for part in parts if part.strip()]
