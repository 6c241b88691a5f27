"""Entities found in a document's pages, each kind in its own module.

``analyse`` runs them all over a document's pages and returns the entities grouped by
canonical value (with the pages each is on and the forms it was written in), the document
type, the date the document bears and who issued it (``issuer``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..data import contracting_offices
from ..models import Entity, Page
from . import doctype
from .agencies import AgencyFinder, gazetteer
from .bates import fill_gaps
from .contracts import details, find_contracts, find_mods
from .dates import DateMention, find_dates
from .docdate import document_date
from .emails import find_messages
from .exemptions import find_exemptions
from .issuer import find_issuer
from .money import find_money
from .requests import find_requests
from .vendors import find_vendors

__all__ = ["Analysis", "analyse", "document_date"]


@dataclass(frozen=True)
class Analysis:
    entities: tuple[Entity, ...]
    doc_type: str
    date: str | None
    subject: str | None  # of the first email, a good title for an email
    issuer: str | None = None  # the agency, court or firm that issued it


class _Collector:
    def __init__(self) -> None:
        self._found: dict[tuple[str, str], tuple[set[int], dict[str, None], dict[str, Any]]] = {}

    def add(
        self, kind: str, value: str, page: int, form: str, attrs: dict[str, Any] | None = None
    ) -> None:
        entry = self._found.get((kind, value))
        if entry is None:
            entry = self._found[(kind, value)] = (set(), {}, {})
        pages, forms, merged = entry
        pages.add(page)
        forms.setdefault(" ".join(form.split()), None)
        if attrs:
            for key, item in attrs.items():
                merged.setdefault(key, item)

    def append_attr(self, kind: str, value: str, key: str, item: Any) -> None:
        if (kind, value) not in self._found:
            return
        items = self._found[(kind, value)][2].setdefault(key, [])
        if item not in items:
            items.append(item)

    def count(self, kind: str, value: str, key: str, page: int) -> None:
        counts = self._found[(kind, value)][2].setdefault(key, {})
        counts[str(page)] = counts.get(str(page), 0) + 1

    def entities(self) -> tuple[Entity, ...]:
        return tuple(
            Entity(kind, value, tuple(sorted(pages)), tuple(forms), attrs)
            for (kind, value), (pages, forms, attrs) in sorted(self._found.items())
        )


def prepare() -> None:
    """Load the reference data (agency names, contracting offices) now. The indexer calls
    this before it starts worker processes, which then share the loaded tables instead of
    each spending a third of a second loading its own."""
    gazetteer()
    contracting_offices()


def analyse(pages: Sequence[Page], metadata: Mapping[str, str] | None = None) -> Analysis:
    """Everything the pages say; ``metadata`` (the PDF's Author) helps name the issuer."""
    found = _Collector()
    texts = [(p.number, p.text) for p in pages if p.text]
    mentions = AgencyFinder().find(texts)
    for number, mention in mentions:
        found.add("agency", mention.agency.value, number, mention.text, mention.agency.attrs())
    contract_pages: dict[str, list[int]] = {}
    dated_on: dict[int, list[DateMention]] = {}
    for page in pages:
        text = page.text
        dated_on[page.number] = list(find_dates(text))
        for dated in dated_on[page.number]:
            found.add("date", dated.value, page.number, dated.text)
        for code, form in find_exemptions(text):
            found.add("exemption", code, page.number, form)
            found.count("exemption", code, "per_page", page.number)
        for box in page.redactions:
            for code in box.exemptions:
                found.add("exemption", code, page.number, box.label or code)
        for request in find_requests(text):
            found.add("request", request.value, page.number, request.text)
        vendors = list(find_vendors(text))
        for vendor in vendors:
            found.add("vendor", vendor.value, page.number, vendor.text)
        for money in find_money(text):
            found.add(
                "money",
                _money_value(money.amount),
                page.number,
                money.text,
                {"amount": money.amount, **({"of": money.of} if money.of else {})},
            )
        contracts = list(find_contracts(text))
        if contracts:
            facts = details(text, vendors)
            for contract in contracts:
                attrs = dict(contract.attrs)
                if len({c.value for c in contracts}) == 1 or contract is contracts[0]:
                    attrs.update(facts)
                found.add("contract", contract.value, page.number, contract.text, attrs)
                contract_pages.setdefault(contract.value, []).append(page.number)
            for piid, mod in find_mods(text):
                target = piid if piid in contract_pages else contracts[0].value
                found.append_attr("contract", target, "mods", mod)
    for number, stamp in fill_gaps(pages):
        found.add("bates", stamp, number, stamp)
    messages = list(find_messages([(p.number, p.text) for p in pages]))
    for message in messages:
        value = f"{message.sent or '?'} {message.sender}"
        found.add("email", value, message.page, message.subject, message.as_dict())
    head = "\n".join(p.text for p in pages[:2])
    doc_type = (
        "email"
        if messages and (messages[0].page == pages[0].number or _starts_as_email(pages))
        else doctype.classify(head)
    )
    date = document_date(doc_type, pages, messages[0].sent if messages else None, dated_on)
    subject = messages[0].subject if messages else None
    issuer = find_issuer(pages, metadata or {}, mentions)
    return Analysis(found.entities(), doc_type, date, subject, issuer)


def _money_value(amount: float) -> str:
    return f"{amount:.2f}"


def _starts_as_email(pages: Sequence[Page]) -> bool:
    return doctype.classify(pages[0].text[:1500]) == "email" if pages else False
