"""Search results as files: CSV and JSON Lines of every result (streamed), and an Atom feed
of the newest documents matching a search. Record text is untrusted: CSV cells that a
spreadsheet would run as a formula are defused, and the feed is built by an XML library."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from indexer.library import ExportRow, Library, SearchRequest

from .views import document_fields, page_url, query_string, request_params

CSV_COLUMNS = [
    "id", "title", "date", "doc_type", "collection", "page_count", "file_names", "agencies",
    "contracts", "exemptions", "bates", "matching_pages", "url",
]  # fmt: skip
FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 does not allow anywhere in a document, even escaped: C0 controls other than
# tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. ElementTree writes them as they are.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export_record(row: ExportRow, base_url: str, q: str) -> dict[str, object]:
    doc = row.document
    url = f"{base_url.rstrip('/')}/documents/{doc.id}"
    return {
        **document_fields(doc),
        "file_names": list(row.file_names),
        "agencies": list(row.entities.get("agency", ())),
        "contracts": list(row.entities.get("contract", ())),
        "exemptions": list(row.entities.get("exemption", ())),
        "bates": _bates_range(row.entities.get("bates", ())),
        "matching_pages": [
            {"page": n, "url": base_url.rstrip("/") + page_url(doc.id, n, q)} for n in row.pages
        ],
        "url": url,
    }


def _bates_range(stamps: tuple[str, ...]) -> str:
    ordered = sorted(stamps)
    return f"{ordered[0]}–{ordered[-1]}" if len(ordered) > 1 else "".join(ordered)


def jsonl(library: Library, request: SearchRequest, base_url: str) -> Iterator[str]:
    for row in library.export(request):
        yield json.dumps(export_record(row, base_url, request.q), ensure_ascii=False) + "\n"


def csv_rows(library: Library, request: SearchRequest, base_url: str) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield flush()
    for row in library.export(request):
        record = export_record(row, base_url, request.q)
        cells = []
        for column in CSV_COLUMNS:
            value = record[column]
            if column == "matching_pages":
                value = " ".join(str(hit["page"]) for hit in value)  # type: ignore[union-attr, index]
            elif isinstance(value, list):
                value = "; ".join(str(v) for v in value)
            cells.append(safe_cell("" if value is None else str(value)))
        writer.writerow(cells)
        yield flush()


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will show as text: one starting like a formula gets a quote."""
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def atom(library: Library, request: SearchRequest, base_url: str) -> str:
    """The newest documents (by when they entered the collection) that match a search."""
    base = base_url.rstrip("/")
    newest = SearchRequest(
        q=request.q,
        filters=request.filters,
        date_from=request.date_from,
        date_to=request.date_to,
        sort="-indexed",
        per_page=FEED_SIZE,
    )
    result = library.search(newest)
    search_url = f"{base}/search?{query_string(request_params(request))}"
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    title = f"Reading Room: {request.q}" if request.q else "Reading Room: new documents"
    _sub(feed, "title", title)
    _sub(feed, "id", search_url)
    _sub(feed, "link", href=search_url, rel="alternate", type="text/html")
    _sub(
        feed, "link", href=f"{base}/search.atom?{query_string(request_params(request))}", rel="self"
    )
    updated = [library.catalog.document(row.id) for row in result.rows]
    stamps = [doc.indexed_at for doc in updated if doc]
    _sub(
        feed, "updated", max(stamps) if stamps else datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    )
    _sub(_sub(feed, "author"), "name", "Reading Room")
    for row, doc in zip(result.rows, updated, strict=True):
        if doc is None:
            continue
        entry = _sub(feed, "entry")
        _sub(entry, "title", row.title)
        _sub(entry, "id", f"{base}/documents/{row.id}")
        _sub(entry, "link", href=f"{base}/documents/{row.id}", rel="alternate", type="text/html")
        _sub(entry, "updated", doc.indexed_at)
        if row.date and len(row.date) == 10:
            _sub(entry, "published", f"{row.date}T00:00:00Z")
        summary = (
            f"{row.doc_type}, {row.date or 'undated'}, {row.page_count} pages, {row.collection}"
        )
        if row.agencies:
            summary += ". " + ", ".join(row.agencies)
        _sub(entry, "summary", summary)
        for agency in row.agencies:
            _sub(entry, "category", term=agency)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")


def xml_text(value: str) -> str:
    """The value without the characters XML 1.0 forbids, for any text or attribute written."""
    return _NOT_XML.sub("", value)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    clean = {name: xml_text(value) for name, value in attrs.items()}
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", clean)
    if text is not None:
        element.text = xml_text(text)
    return element
