"""Entities found in a document's pages, each kind in its own module.

``analyse`` runs them all over a document's pages and returns the entities grouped by
canonical value (with the pages each is on and the forms it was written in), the document
type and the date the document bears.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Entity, Page
from . import doctype
from .dates import find_dates, parse_date
from .emails import find_messages
from .exemptions import find_exemptions


@dataclass(frozen=True)
class Analysis:
    entities: tuple[Entity, ...]
    doc_type: str
    date: str | None
    subject: str | None  # of the first email, a good title for an email


class _Collector:
    def __init__(self) -> None:
        self._found: dict[tuple[str, str], tuple[set[int], dict[str, None], dict[str, Any]]] = {}

    def add(
        self, kind: str, value: str, page: int, form: str, attrs: dict[str, Any] | None = None
    ) -> None:
        pages, forms, merged = self._found.setdefault((kind, value), (set(), {}, {}))
        pages.add(page)
        forms.setdefault(" ".join(form.split()), None)
        for key, item in (attrs or {}).items():
            merged.setdefault(key, item)

    def count(self, kind: str, value: str, key: str, page: int) -> None:
        counts = self._found[(kind, value)][2].setdefault(key, {})
        counts[str(page)] = counts.get(str(page), 0) + 1

    def entities(self) -> tuple[Entity, ...]:
        return tuple(
            Entity(kind, value, tuple(sorted(pages)), tuple(forms), attrs)
            for (kind, value), (pages, forms, attrs) in sorted(self._found.items())
        )


def analyse(pages: Sequence[Page]) -> Analysis:
    found = _Collector()
    for page in pages:
        for mention in find_dates(page.text):
            found.add("date", mention.value, page.number, mention.text)
        for code, form in find_exemptions(page.text):
            found.add("exemption", code, page.number, form)
            found.count("exemption", code, "per_page", page.number)
        for box in page.redactions:
            for code in box.exemptions:
                found.add("exemption", code, page.number, box.label or code)
        if page.bates:
            found.add("bates", page.bates, page.number, page.bates)
    messages = list(find_messages([(p.number, p.text) for p in pages]))
    for message in messages:
        value = f"{message.sent or '?'} {message.sender}"
        found.add("email", value, message.page, message.subject, message.as_dict())
    head = "\n".join(p.text for p in pages[:2])
    doc_type = "email" if messages else doctype.classify(head)
    date = document_date(doc_type, pages, messages[0].sent if messages else None)
    subject = messages[0].subject if messages else None
    return Analysis(found.entities(), doc_type, date, subject)


_DATE_LINE = re.compile(
    r"^\s*(?:DATE|Date|Dated|Effective Date|EFFECTIVE DATE|Date Signed|DATE SIGNED|Award Date"
    r"|Report Date|Date of Report|Issued|Effective)\s*[:.]?\s*(?P<value>.+)$",
    re.M,
)


def document_date(doc_type: str, pages: Sequence[Page], sent: str | None) -> str | None:
    """The date the record bears: an email's Sent, a memo's or letter's date line, a contract's
    effective date. A date merely mentioned in the text is not the document's date."""
    if sent:
        return sent[:10]
    head = "\n".join(p.text for p in pages[:2])
    for m in _DATE_LINE.finditer(head):
        value = parse_date(m.group("value"))
        if value and len(value) == 10:
            return value
    if doc_type in ("letter", "memo", "report", "policy", "other", "log", "manual"):
        # a line near the top that is nothing but a date (letters, reports)
        for line in head.splitlines()[:25]:
            mentions = list(find_dates(line))
            if len(mentions) == 1 and len(mentions[0].value) == 10:
                rest = line.replace(mentions[0].text, "").strip(" ,.;:\t")
                if len(rest) <= 12:
                    return mentions[0].value
    return None
