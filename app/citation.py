"""Citations built from what the record says about itself: a pinpoint citation for a page,
and the whole document as RIS, BibTeX and CSL-JSON for citation managers."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from indexer.catalog import DocumentRecord
from indexer.models import Page

from .urls import Urls

_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
           "Dec."]  # fmt: skip
_DOC_TYPE_NAMES = {"email": "Email", "memo": "Memorandum", "letter": "Letter"}


@dataclass(frozen=True)
class Cited:
    """The facts a citation is made of, in the order a citation uses them."""

    author: str  # who issued the record (an agency, court or firm), or "" when unknown
    title: str
    date: str | None  # ISO, full or partial
    collection: str
    url: str  # the document's permalink
    pdf_url: str
    doc_id: str
    doc_type: str
    bates_range: tuple[str, str] | None
    pages: int


def cited(doc: DocumentRecord, urls: Urls, bates: tuple[str, str] | None = None) -> Cited:
    """The facts of a citation, its author the record's issuer (``indexer.entities.issuer``)."""
    return Cited(
        author=doc.issuer or "",
        title=descriptive_title(doc),
        date=doc.date,
        collection=doc.collection,
        url=urls.absolute(urls.path("html_document", doc_id=doc.id)),
        pdf_url=urls.absolute(urls.path("document_pdf", doc_id=doc.id)),
        doc_id=doc.id,
        doc_type=doc.doc_type,
        bates_range=bates,
        pages=doc.page_count,
    )


def bates_range(stamps: Iterable[str]) -> tuple[str, str] | None:
    """The Bates range of a record: its lowest and highest stamp (stamps are numbered with
    leading zeros, so that is its first and last page's), or None when it has none."""
    ordered = sorted(stamps)
    return (ordered[0], ordered[-1]) if ordered else None


def bates_text(bates: Sequence[str]) -> str:
    """A Bates range as the site, its exports and its citations write it."""
    first, last = bates[0], bates[-1]
    return first if first == last else f"{first} – {last}"


def descriptive_title(doc: DocumentRecord) -> str:
    """An email is cited as "Email re: its subject"; other records by their title."""
    name = _DOC_TYPE_NAMES.get(doc.doc_type)
    title = doc.title.strip()
    if name and not title.lower().startswith(name.lower()):
        subject = re.sub(r"^(?:re|fw|fwd)\s*:\s*", "", title, flags=re.I)
        return f"{name} re: {subject}" if doc.doc_type == "email" else f"{name}: {title}"
    return title


def citation_date(iso: str | None) -> str:
    """2018-03-20 -> Mar. 20, 2018; 2018-03 -> Mar. 2018; n.d. when undated."""
    if not iso:
        return "n.d."
    if re.fullmatch(r"\d{4}-\d{2}", iso):
        return f"{_MONTHS[int(iso[5:7]) - 1]} {iso[:4]}"
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def document_citation(c: Cited) -> str:
    """Agency, title (date), Bates range, release, permalink of the document."""
    pin = bates_text(c.bates_range) if c.bates_range else ""
    parts = [c.author, f"{c.title} ({citation_date(c.date)})", pin, c.collection, c.url]
    return ", ".join(p for p in parts if p)


def page_citation(c: Cited, page: Page, permalink: str) -> str:
    """Agency, title (date), Bates number or page, release, permalink of the page."""
    pin = page.bates or f"p. {page.number}"
    parts = [c.author, f"{c.title} ({citation_date(c.date)})", pin, c.collection, permalink]
    return ", ".join(p for p in parts if p)


def _year_month_day(iso: str | None) -> list[int]:
    if not iso or not re.match(r"\d{4}", iso):
        return []
    return [int(part) for part in iso.split("-") if part.isdigit()]


def ris(c: Cited) -> str:
    """RIS, the tagged format Zotero, EndNote and Mendeley import."""
    lines = [("TY", "GOVDOC"), ("TI", c.title)]
    if c.author:
        lines.append(("AU", c.author))
    parts = _year_month_day(c.date)
    if parts:
        lines.append(("PY", str(parts[0])))
        lines.append(("DA", "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))))
    lines += [("PB", c.author), ("T2", c.collection), ("UR", c.url), ("L1", c.pdf_url)]
    lines.append(("ID", c.doc_id))
    if c.bates_range:
        lines.append(("N1", _bates_note(c)))
    lines.append(("ER", ""))
    return "".join(
        f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines if value or tag == "ER"
    )


def bibtex(c: Cited) -> str:
    """A BibTeX @misc entry. Title and author are brace-protected, so that styles keep their
    capitals; every value keeps its braces balanced, whatever the record says."""
    fields = [("title", "{" + _protected(c.title) + "}")]
    if c.author:
        fields.append(("author", "{" + _protected(c.author) + "}"))
    parts = _year_month_day(c.date)
    if parts:
        fields.append(("year", f"{{{parts[0]}}}"))
        if len(parts) > 1 and 1 <= parts[1] <= 12:
            fields.append(("month", _BIB_MONTHS[parts[1] - 1]))  # a macro, so never braced
        iso = "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))
        fields.append(("date", f"{{{iso}}}"))
    if c.collection:
        fields.append(("howpublished", "{" + _bib(c.collection) + "}"))
    fields.append(("url", "{" + _bib_url(c.url) + "}"))
    if c.bates_range:
        fields.append(("note", "{" + _bib(_bates_note(c)) + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@misc{{readingroom_{c.doc_id},\n{body}\n}}\n"


def csl_json(c: Cited) -> str:
    """CSL-JSON, the citation format of Zotero and Pandoc, as a one-item list."""
    item: dict[str, object] = {
        "id": c.doc_id,
        "type": "document",
        "title": c.title,
        "publisher": c.author,
        "collection-title": c.collection,
        "URL": c.url,
        "number-of-pages": c.pages,
        "genre": c.doc_type,
    }
    if c.author:
        item["author"] = [{"literal": c.author}]
    parts = _year_month_day(c.date)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    note = _bates_note(c)
    if note:
        item["note"] = note
    return json.dumps([item], ensure_ascii=False, indent=2)


def _bates_note(c: Cited) -> str:
    return f"Bates {bates_text(c.bates_range)}" if c.bates_range else ""


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


# LaTeX's text-mode names for the characters a .bib value cannot hold as they are. BibTeX
# counts braces even after a backslash, so braces need names too, not \{ and \}.
_BIB_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    **{char: "\\" + char for char in "%&$#_"},
}
_BIB_SPECIAL = re.compile("[" + re.escape("".join(_BIB_ESCAPES)) + "]")
_BIB_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _bib(text: str) -> str:
    return _BIB_SPECIAL.sub(lambda m: _BIB_ESCAPES[m.group()], _one_line(text))


def _protected(text: str) -> str:
    """Text in a brace group, whose case styles leave alone. A group that starts with a
    backslash would be a BibTeX "special character", whose letters styles do change: an empty
    group in front keeps it a plain group."""
    escaped = _bib(text)
    return "{" + ("{}" if escaped.startswith("\\") else "") + escaped + "}"


def _bib_url(url: str) -> str:
    """A URL as it is (biblatex reads it verbatim), with braces and spaces percent-encoded."""
    return re.sub(r"[{}\s]", lambda m: f"%{ord(m.group()):02X}", url.strip())
