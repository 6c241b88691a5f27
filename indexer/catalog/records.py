"""The catalog's records: files and documents as read back, an extraction as the rows it is
written as, and the decoding of rows into pages and entities."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..models import Entity, Extraction, Page, Redaction


@dataclass(frozen=True)
class FileRecord:
    path: str
    name: str
    collection: str
    doc_id: str | None
    size: int
    mtime_ns: int
    error: str | None


@dataclass(frozen=True)
class DocumentRecord:
    id: str
    sha256: str
    title: str
    collection: str
    size: int
    page_count: int
    date: str | None
    doc_type: str
    status: str
    error: str | None
    metadata: dict[str, str]
    extractor: str
    indexed_at: str
    issuer: str | None = None  # the agency, court or firm that issued it
    description: str | None = None  # as a readingroom.csv sets it
    # what a readingroom.csv set, where from, and the extracted values it replaced, as
    # ``indexer.curated.apply`` made it; the other fields hold the values it set
    curation: dict[str, Any] | None = None

    @property
    def curated(self) -> tuple[str, ...]:
        """The fields a readingroom.csv set (title, date, issuer, doc_type, request,
        description)."""
        return tuple(self.curation["set"]) if self.curation else ()

    @property
    def curated_by(self) -> str | None:
        """The readingroom.csv that set them, as users know it."""
        return str(self.curation["source"]) if self.curation else None


# A document's rows but for its collection and extractor: (size, page count, date, type,
# metadata, issuer), its pages' rows and its entities' rows.
Rows = tuple[tuple[Any, ...], list[tuple[Any, ...]], list[tuple[Any, ...]]]


def extraction_rows(ex: Extraction) -> Rows:
    """An extraction as catalog rows, its JSON encoded: made in the worker that extracted it
    (encoding was a third of the catalog's commit)."""
    doc_id = ex.doc_id
    pages = [
        (
            doc_id,
            p.number,
            p.text,
            p.width,
            p.height,
            p.rotation,
            int(p.image_only),
            int(p.ocr),
            p.bates,
            json.dumps(
                [[list(r.bbox), r.label, list(r.exemptions), r.hidden] for r in p.redactions]
            ),
            sum(1 for r in p.redactions if r.hidden),
        )
        for p in ex.pages
    ]
    return _document_row(ex), pages, entity_rows(ex)


def revised_rows(rows: Rows, ex: Extraction) -> Rows:
    """The rows of an extraction whose document values or entities were revised (by curated
    values), its pages' rows kept."""
    return _document_row(ex), rows[1], entity_rows(ex)


def _document_row(ex: Extraction) -> tuple[Any, ...]:
    return (ex.size, len(ex.pages), ex.date, ex.doc_type, json.dumps(ex.metadata), ex.issuer)


def entity_rows(ex: Extraction) -> list[tuple[Any, ...]]:
    return [
        (
            ex.doc_id,
            e.kind,
            e.value,
            json.dumps(list(e.pages)),
            json.dumps(list(e.forms)),
            json.dumps(e.attrs),
        )
        for e in ex.entities
    ]


def document_of(row: sqlite3.Row) -> DocumentRecord:
    values = dict(row)
    values["metadata"] = json.loads(values["metadata"])
    values["curation"] = json.loads(values["curation"]) if values["curation"] else None
    return DocumentRecord(**values)


def page_of(row: sqlite3.Row) -> Page:
    return Page(
        number=row["number"],
        text=row["text"],
        width=row["width"],
        height=row["height"],
        rotation=row["rotation"],
        image_only=bool(row["image_only"]),
        ocr=bool(row["ocr"]),
        bates=row["bates"],
        redactions=tuple(
            Redaction(bbox=tuple(bbox), label=label, exemptions=tuple(codes), hidden=hidden)
            for bbox, label, codes, hidden in json.loads(row["redactions"])
        ),
    )


def entity_of(row: sqlite3.Row) -> Entity:
    return Entity(
        kind=row["kind"],
        value=row["value"],
        pages=tuple(json.loads(row["pages"])),
        forms=tuple(json.loads(row["forms"])),
        attrs=json.loads(row["attrs"]),
    )
