"""What an agency's page and a vendor's page share: the documents that name it, newest first;
their dates by month or by year; the contracts those documents name; how it is written."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from ._records import ContractTally, EntityRow, ListedDocument

if TYPE_CHECKING:
    from ..catalog import DocumentRecord

_MONTH = re.compile(r"^(\d{4}-\d{2})")
_FISCAL_YEAR = re.compile(r"^FY\s?(\d{4})$", re.IGNORECASE)


@dataclass
class Mentions:
    """Where the collection names one agency or vendor."""

    docs: dict[str, set[int]] = field(default_factory=dict)  # doc id -> pages naming it
    doc_forms: dict[str, set[str]] = field(default_factory=dict)  # doc id -> forms written

    def add(self, doc_id: str, pages: Iterable[int], forms: Iterable[str]) -> None:
        self.docs.setdefault(doc_id, set()).update(pages)
        self.doc_forms.setdefault(doc_id, set()).update(forms)

    def forms(self) -> tuple[str, ...]:
        """As written, in the most documents first."""
        counts: Counter[str] = Counter()
        for forms in self.doc_forms.values():
            counts.update(forms)
        return tuple(f for f, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def listed(
    documents: Mapping[str, DocumentRecord], pages: Mapping[str, set[int]]
) -> tuple[ListedDocument, ...]:
    """The documents of ``pages`` (doc id -> the pages naming it), newest first (a fiscal year
    sorts as its year), undated last, each group by title."""
    docs = [documents[doc_id] for doc_id in pages]
    dated = sorted((d for d in docs if d.date), key=lambda d: d.title)
    dated.sort(key=lambda d: _sortable_date(d.date), reverse=True)
    undated = sorted((d for d in docs if not d.date), key=lambda d: d.title)
    return tuple(
        ListedDocument(
            id=d.id,
            title=d.title,
            date=d.date,
            doc_type=d.doc_type,
            collection=d.collection,
            page_count=d.page_count,
            pages=tuple(sorted(pages[d.id])),
        )
        for d in dated + undated
    )


def timeline(
    documents: Iterable[ListedDocument], unit: Literal["month", "year"]
) -> tuple[tuple[str, int], ...]:
    """Documents by month (YYYY-MM) or by year (YYYY, as the year facet counts them), oldest
    first; a document whose date has no such part is left out (it is undated there)."""
    periods: Counter[str] = Counter()
    for doc in documents:
        date = doc.date or ""
        if unit == "month":
            month = _MONTH.match(date)
            if month:
                periods[month.group(1)] += 1
        elif date[:4].isdigit():
            periods[date[:4]] += 1
    return tuple(sorted(periods.items()))


class Contracts:
    """The contract entities of each document, tallied over a set of documents."""

    def __init__(self, entities: Iterable[EntityRow]) -> None:
        self._by_doc: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
        for doc_id, kind, value, _, _, attrs in entities:
            if kind == "contract":
                self._by_doc[doc_id].setdefault(value, []).append(attrs)

    def tallies(self, doc_ids: Iterable[str]) -> tuple[ContractTally, ...]:
        """The contracts the documents name, in the most documents first, each with the vendor,
        amount and period most of its mentions give."""
        mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
        docs: Counter[str] = Counter()
        for doc_id in doc_ids:
            for value, attrs in self._by_doc.get(doc_id, {}).items():
                docs[value] += 1
                mentions[value].extend(attrs)
        return tuple(
            ContractTally(
                value,
                n,
                _most_common(mentions[value], "vendor"),
                _amount(mentions[value]),
                _period(mentions[value]),
            )
            for value, n in sorted(docs.items(), key=lambda kv: (-kv[1], kv[0]))
        )


def _sortable_date(date: str | None) -> str:
    if not date:
        return ""
    fiscal = _FISCAL_YEAR.match(date.strip())
    return fiscal.group(1) if fiscal else date


def _most_common(attrs: list[dict[str, Any]], name: str) -> str | None:
    values = Counter(str(a[name]) for a in attrs if a.get(name))
    if not values:
        return None
    return sorted(values.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def _amount(attrs: list[dict[str, Any]]) -> float | None:
    values = Counter(float(a["amount"]) for a in attrs if isinstance(a.get("amount"), int | float))
    if not values:
        return None
    return sorted(values.items(), key=lambda kv: (-kv[1], -kv[0]))[0][0]


def _period(attrs: list[dict[str, Any]]) -> tuple[str, str] | None:
    values: Counter[tuple[str, str]] = Counter()
    for a in attrs:
        period = a.get("period")
        if isinstance(period, dict) and period.get("start") and period.get("end"):
            values[(str(period["start"]), str(period["end"]))] += 1
    if not values:
        return None
    return sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
