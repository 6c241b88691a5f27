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

from indexer.search import ExportRow, Library, ResultRow, SearchRequest

from .citation import bates_range, bates_text
from .urls import Urls
from .views import document_fields, page_url, request_params

CSV_COLUMNS = [
    "id", "title", "date", "doc_type", "collection", "page_count", "file_names", "agencies",
    "contracts", "exemptions", "bates", "matching_pages", "url",
]  # fmt: skip
FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 does not allow anywhere in a document, even escaped: C0 controls other than
# tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. ElementTree writes them as they are.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export_record(row: ExportRow, urls: Urls, q: str) -> dict[str, object]:
    doc = row.document
    bates = bates_range(row.entities.get("bates", ()))
    return {
        **document_fields(doc),
        "file_names": list(row.file_names),
        "agencies": list(row.entities.get("agency", ())),
        "contracts": list(row.entities.get("contract", ())),
        "exemptions": list(row.entities.get("exemption", ())),
        "bates": bates_text(bates) if bates else "",
        "matching_pages": [
            {"page": n, "url": urls.absolute(page_url(urls, doc.id, n, q))} for n in row.pages
        ],
        "url": urls.absolute(urls.path("html_document", doc_id=doc.id)),
    }


def jsonl(library: Library, request: SearchRequest, urls: Urls) -> Iterator[str]:
    for row in library.export(request):
        yield json.dumps(export_record(row, urls, request.q), ensure_ascii=False) + "\n"


def csv_rows(library: Library, request: SearchRequest, urls: Urls) -> Iterator[str]:
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
        record = export_record(row, urls, request.q)
        record["matching_pages"] = " ".join(str(n) for n in row.pages)
        writer.writerow([safe_cell(_cell(record[column])) for column in CSV_COLUMNS])
        yield flush()


def _cell(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will show as text: one starting like a formula gets a quote."""
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def atom(library: Library, request: SearchRequest, urls: Urls) -> str:
    """The newest documents (by when they entered the collection) that match a search."""
    newest = SearchRequest(
        q=request.q,
        filters=request.filters,
        date_from=request.date_from,
        date_to=request.date_to,
        sort="-indexed",
        per_page=FEED_SIZE,
    )
    result = library.search(newest)
    params = request_params(request)
    search_url = urls.absolute(urls.search("html_search", params))
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    title = f"Reading Room: {request.q}" if request.q else "Reading Room: new documents"
    _sub(feed, "title", title)
    _sub(feed, "id", search_url)
    _sub(feed, "link", href=search_url, rel="alternate", type="text/html")
    _sub(feed, "link", href=urls.absolute(urls.search("search_atom", params)), rel="self")
    updated = [library.catalog.document(row.id) for row in result.rows]
    stamps = [doc.indexed_at for doc in updated if doc]
    _sub(
        feed, "updated", max(stamps) if stamps else datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    )
    _sub(_sub(feed, "author"), "name", "Reading Room")
    for row, doc in zip(result.rows, updated, strict=True):
        if doc is not None:
            url = urls.absolute(urls.path("html_document", doc_id=row.id))
            _entry(feed, row, doc.indexed_at, url)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")


def _entry(feed: ET.Element, row: ResultRow, indexed_at: str, url: str) -> None:
    entry = _sub(feed, "entry")
    _sub(entry, "title", row.title)
    _sub(entry, "id", url)
    _sub(entry, "link", href=url, rel="alternate", type="text/html")
    _sub(entry, "updated", indexed_at)
    if row.date and len(row.date) == 10:
        _sub(entry, "published", f"{row.date}T00:00:00Z")
    summary = f"{row.doc_type}, {row.date or 'undated'}, {row.page_count} pages, {row.collection}"
    if row.agencies:
        summary += ". " + ", ".join(row.agencies)
    _sub(entry, "summary", summary)
    for agency in row.agencies:
        _sub(entry, "category", term=agency)


def xml_text(value: str) -> str:
    """The value without the characters XML 1.0 forbids, for any text or attribute written."""
    return _NOT_XML.sub("", value)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    clean = {name: xml_text(value) for name, value in attrs.items()}
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", clean)
    if text is not None:
        element.text = xml_text(text)
    return element
