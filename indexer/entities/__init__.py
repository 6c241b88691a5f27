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

from ..data import contracting_offices
from ..models import Entity, Page
from . import doctype
from .agencies import AgencyFinder, gazetteer
from .bates import fill_gaps
from .contracts import details, find_contracts, find_mods
from .dates import find_dates, parse_date
from .emails import find_messages
from .exemptions import find_exemptions
from .money import find_money

__all__ = ["Analysis", "analyse", "document_date"]


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


def analyse(pages: Sequence[Page]) -> Analysis:
    found = _Collector()
    texts = [(p.number, p.text) for p in pages if p.text]
    for number, mention in AgencyFinder().find(texts):
        found.add("agency", mention.agency.value, number, mention.text, mention.agency.attrs())
    contract_pages: dict[str, list[int]] = {}
    for page in pages:
        text = page.text
        for dated in find_dates(text):
            found.add("date", dated.value, page.number, dated.text)
        for code, form in find_exemptions(text):
            found.add("exemption", code, page.number, form)
            found.count("exemption", code, "per_page", page.number)
        for box in page.redactions:
            for code in box.exemptions:
                found.add("exemption", code, page.number, box.label or code)
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
            facts = details(text)
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
    date = document_date(doc_type, pages, messages[0].sent if messages else None)
    subject = messages[0].subject if messages else None
    return Analysis(found.entities(), doc_type, date, subject)


def _money_value(amount: float) -> str:
    return f"{amount:.2f}"


def _starts_as_email(pages: Sequence[Page]) -> bool:
    return doctype.classify(pages[0].text[:1500]) == "email" if pages else False


_DATE_LINE = re.compile(
    r"^[^\n]{0,100}?\b(?:DATE|Date|Dated|[Ee]ffective [Dd]ate|EFFECTIVE DATE|Date Signed"
    r"|DATE SIGNED|Award [Dd]ate|Award/effective date|Report [Dd]ate|Date of Report|Date Created"
    r"|Issued|[Ee]ffective|Date of Issue|Run)\b\s*[:.]?\s*(?P<value>[^\n]+)$",
    re.M,
)
# a court filing's ECF stamp: "Document 32, 08/20/2021," or "Document 191 Filed 05/25/21"
_ECF = re.compile(r"\bDocument\s+[\d-]+,?\s+(?:Filed\s+)?(?P<value>\d\d?/\d\d?/\d{2,4})")
_FILED = re.compile(r"(?:ELECTRONICALLY )?FILED\s*\n?\s*(?P<value>\d\d?/\d\d?/\d{4})")
_NOT_OWN = re.compile(r"(?i)request|received|birth|due|departed|arrest|entry|release")
_BARE_REST = re.compile(
    r"^(?:(?:sent )?via [\w -]+|by (?:e-?mail|fax|u\.?s\.? mail)[\w ]*)?$", re.I
)


def document_date(doc_type: str, pages: Sequence[Page], sent: str | None) -> str | None:
    """The date the record bears: an email's Sent, a memo's or letter's date line, a contract's
    effective date, a court filing's ECF date. A date merely mentioned in the text is not the
    document's date."""
    if sent and doc_type == "email":
        return sent[:10]
    first = next((p.text for p in pages if p.text.strip() and not p.image_only), "")
    head = first[:3000]
    m = _ECF.search(head)
    if m:
        return parse_date(m.group("value"))
    # a line near the top that is nothing but a date (letters, reports, PIAs)
    for line in head.splitlines()[:40]:
        mentions = list(find_dates(line))
        if len(mentions) == 1 and len(mentions[0].value) == 10:
            rest = line.replace(mentions[0].text, "").strip(" ,.;:\t")
            if len(rest) <= 3 or _BARE_REST.match(rest):
                return mentions[0].value
    for m in _DATE_LINE.finditer(head):
        if _NOT_OWN.search(m.group(0)[: m.start("value") - m.start()]):
            continue
        value = parse_date(m.group("value")[:40])
        if value and (len(value) == 10 or value.startswith("FY")):
            return value
    # a title that carries its date: "Bulletin 2018-07-16: …", "Version 2.1 - March 2018"
    title = "\n".join(head.splitlines()[:3])
    fiscal = [d.value for d in find_dates(title) if d.value.startswith("FY")]
    if fiscal:
        return fiscal[0]
    for line in head.splitlines()[:4]:
        mentions = [d for d in find_dates(line) if not d.value.startswith("FY")]
        if len(mentions) == 1 and len(line) <= 100 and not mentions[0].text[:1].isdigit():
            return mentions[0].value
        if len(mentions) == 1 and re.fullmatch(r"\d{4}-\d\d-\d\d", mentions[0].text):
            return mentions[0].value
    m = _FILED.search(head)
    if m:
        return parse_date(m.group("value"))
    return sent[:10] if sent else None
