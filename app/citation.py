"""Pinpoint citations built from what the record says about itself."""

from __future__ import annotations

from datetime import date

from indexer.catalog import DocumentRecord
from indexer.models import Page

_MONTHS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]


def citation_date(iso: str | None) -> str:
    """2018-03-20 -> Mar. 20, 2018 (legal citation style); n.d. when undated."""
    if not iso:
        return "n.d."
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def page_citation(
    doc: DocumentRecord, page: Page, agencies: tuple[str, ...], permalink: str
) -> str:
    """Agency, title (date), Bates number or page, collection, permalink."""
    author = doc.metadata.get("Author") or (agencies[0] if agencies else "")
    pin = page.bates or f"p. {page.number}"
    parts = [
        part
        for part in (
            author,
            f"{doc.title} ({citation_date(doc.date)})",
            pin,
            doc.collection,
            permalink,
        )
        if part
    ]
    return ", ".join(parts)
