"""Curated metadata: what a release's records team sets for its files in a ``readingroom.csv``
beside them, in place of what extraction found.

    file,title,date,issuer,type,request,description
    PPD_PRA_Response_19-0231.pdf,,2019-03-04,,response_letter,19-0231,"The department's reply"
    scans/box1.pdf,Audit log 2018,2018,Pasadena Police Department,log,,

A header row names ``file`` and any of the other columns; each row after it names one file,
relative to the CSV's folder (a file in a subfolder is ``subfolder/name.pdf``). An empty cell
leaves the extracted value. ``date`` is YYYY, YYYY-MM or YYYY-MM-DD; ``type`` one of
``doctype.TYPES``, by key or label (``court_filing`` or "court filing"); ``request`` one or
more request numbers, separated by semicolons; ``issuer`` is an agency's name or abbreviation
(then its agency page is linked) or any other name. What Excel writes is read: a byte-order
mark, quoted cells holding commas or line breaks, a semicolon or tab delimiter, Windows-1252
text. Each problem is a sentence naming the CSV and its line, and leaves out only what it
concerns: a bad date leaves the row's other values in use.

Extraction stays a function of a file's bytes. The curated values are applied when a
document's record is written (``apply``), and the catalog keeps the values they replaced with
them, so that a changed or removed CSV rewrites the record without reading the PDF again
(``restore``).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from .data import known_agencies
from .entities.doctype import TYPES
from .entities.requests import tidy
from .models import Entity, Extraction

FILENAME = "readingroom.csv"
COLUMNS = ("file", "title", "date", "issuer", "type", "request", "description")
_ALIASES = {"doc_type": "type", "requests": "request"}  # the API's names for two columns
_DELIMITERS = (",", ";", "\t")  # Excel writes ";" where the decimal mark is a comma
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_REQUEST_SEPARATORS = re.compile(r"[;,\n]")
_TYPE_KEYS = {name: key for key, label in TYPES.items() for name in (key, label.replace(" ", "_"))}


@dataclass(frozen=True)
class Curated:
    """What one row sets for a file (None or empty where it sets nothing: the extracted value
    stands), and the CSV it came from, as users know it."""

    source: str
    title: str | None = None
    date: str | None = None
    issuer: str | None = None
    doc_type: str | None = None
    request: tuple[str, ...] = ()
    description: str | None = None

    def values(self) -> dict[str, Any]:
        """The values it sets, by field name."""
        found = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "source"}
        return {name: value for name, value in found.items() if value}

    @classmethod
    def kept(cls, curation: Mapping[str, Any] | None) -> Curated | None:
        """The values a document was written with, from what the catalog keeps (``apply``)."""
        if not curation:
            return None
        values = dict(curation["set"])
        values["request"] = tuple(values.get("request", ()))
        return cls(curation["source"], **values)


@dataclass(frozen=True)
class Sheet:
    """A readingroom.csv, read: its rows by the path of the file each names (normalised, as
    the indexer finds files), the line of each, and the problems found."""

    rows: dict[str, Curated]
    lines: dict[str, int]
    problems: tuple[str, ...]


def read_sheet(data: bytes, folder: Path, name: str) -> Sheet:
    """Read a readingroom.csv's bytes; ``folder`` is where it lies and ``name`` how users know
    it (the problems name it)."""
    problems: list[str] = []
    text, undecoded = _decode(data)
    if undecoded:
        problems.append(
            f"{name} line {undecoded}: not UTF-8, read as Windows-1252 (save it as "
            "CSV UTF-8 to keep every character)"
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows: dict[str, Curated] = {}
    lines: dict[str, int] = {}
    header: list[str | None] | None = None
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader, None)
        except csv.Error as exc:
            problems.append(f"{name} line {line}: {_quoting(exc)}")
            continue
        if cells is None:
            break
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = _header(cells, f"{name} line {line}", problems)
            if "file" not in header:
                problems.append(
                    f'{name} line {line}: the header row has no "file" column (it names '
                    f"file and any of {', '.join(COLUMNS[1:])}); the file is not used"
                )
                return Sheet({}, {}, tuple(problems))
            continue
        found = _row(header, cells, folder, f"{name} line {line}", problems)
        if found is None:
            continue
        path, values = found
        if path in rows:
            problems.append(
                f"{name} line {line}: {cells[header.index('file')].strip()} is listed "
                f"already on line {lines[path]}; this row is not used"
            )
            continue
        rows[path], lines[path] = Curated(name, **values), line
    return Sheet(rows, lines, tuple(problems))


def _quoting(exc: csv.Error) -> str:
    """What is wrong with a row's quotes, in words."""
    if "end of data" in str(exc):
        return "a quote opened here is not closed; the rest of the file is not used"
    return (
        f'quotes out of place ({exc}: a quote inside a value is written twice, ""); the '
        "row is not used"
    )


def _decode(data: bytes) -> tuple[str, int]:
    """The CSV's text, and the line of its first byte that is not UTF-8 (0 if none): Excel's
    plain "CSV" is Windows-1252."""
    try:
        return data.decode("utf-8-sig"), 0
    except UnicodeDecodeError as exc:
        return data.decode("cp1252", errors="replace"), data[: exc.start].count(b"\n") + 1


def _delimiter(text: str) -> str:
    """The delimiter that splits the header row into the most known columns (a comma when
    none does better)."""
    first = next((line for line in text.splitlines() if line.strip()), "")

    def known(delimiter: str) -> int:
        return sum(_column(cell) in COLUMNS for cell in first.split(delimiter))

    return max(_DELIMITERS, key=known)


def _column(cell: str) -> str:
    name = "_".join(cell.strip().strip('"').lower().split())
    return _ALIASES.get(name, name)


def _header(cells: list[str], where: str, problems: list[str]) -> list[str | None]:
    """The header's columns, None for a column that is not used."""
    header: list[str | None] = []
    for cell in cells:
        column = _column(cell)
        if column in header:
            problems.append(
                f'{where}: the column "{cell.strip()}" is there twice; the second is not used'
            )
            header.append(None)
        elif column in COLUMNS:
            header.append(column)
        else:
            if column:
                problems.append(
                    f'{where}: unknown column "{cell.strip()}", not used (the '
                    f"columns are {', '.join(COLUMNS)})"
                )
            header.append(None)
    return header


def _row(
    header: list[str | None], cells: list[str], folder: Path, where: str, problems: list[str]
) -> tuple[str, dict[str, Any]] | None:
    """The file a row names, as a path, and the values it sets; None for a row that is not
    used."""
    if any(cell.strip() for cell in cells[len(header) :]):
        problems.append(
            f"{where}: {len(cells)} cells for {len(header)} columns (a value with "
            "a comma needs quotes around it); the row is not used"
        )
        return None
    cell = dict(zip(header, (c.strip() for c in cells), strict=False))
    written = cell.get("file", "")
    if not written:
        problems.append(f"{where}: no file named; the row is not used")
        return None
    path = _path(folder, written)
    if path is None:
        problems.append(
            f"{where}: {written} is not in the folder of {FILENAME}; the row is not used"
        )
        return None
    values: dict[str, Any] = {
        "title": " ".join(cell.get("title", "").split()) or None,
        "issuer": " ".join(cell.get("issuer", "").split()) or None,
        "description": _paragraphs(cell.get("description", "")) or None,
        "request": tuple(
            dict.fromkeys(
                tidy(number)
                for number in _REQUEST_SEPARATORS.split(cell.get("request", ""))
                if number.strip()
            )
        ),
    }
    if written_date := cell.get("date"):
        values["date"] = _date(written_date)
        if values["date"] is None:
            problems.append(
                f'{where}: the date "{written_date}" is not YYYY, YYYY-MM or '
                "YYYY-MM-DD; the extracted date stands"
            )
    if written_type := cell.get("type"):
        values["doc_type"] = _TYPE_KEYS.get(
            "_".join(written_type.lower().replace("-", " ").split())
        )
        if values["doc_type"] is None:
            problems.append(
                f'{where}: the type "{written_type}" is not one of '
                f"{', '.join(TYPES)}; the extracted type stands"
            )
    return path, values


def _path(folder: Path, written: str) -> str | None:
    """The normalised path of a file named relative to ``folder``; None outside it."""
    relative = written.replace("\\", "/")  # as Windows writes it
    if os.path.isabs(relative):
        return None
    path = os.path.normpath(os.path.join(folder, relative))
    return path if path.startswith(os.path.join(folder, "")) else None


def _date(written: str) -> str | None:
    """An ISO date, possibly partial, if ``written`` is a real one."""
    found = _DATE.fullmatch(written)
    if found is None or found[1] == "0000":
        return None
    if found[2] and not 1 <= int(found[2]) <= 12:
        return None
    if found[3]:
        try:
            date.fromisoformat(written)
        except ValueError:
            return None
    return written


def _paragraphs(text: str) -> str:
    """A description with its lines' spacing tidied and its paragraphs kept."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# -- applying and restoring --------------------------------------------------------------------


def apply(ex: Extraction, curated: Curated) -> tuple[Extraction, dict[str, Any]]:
    """The extraction with the curated values in place of the extracted ones, and what the
    catalog keeps with it: the values set, where from, and the extracted values they
    replaced (``restore`` puts them back). A curated request number not found in the document
    is a ``request`` entity on no page, marked ``curated``."""
    values = curated.values()
    values.pop("description", None)  # the document's own field: no extraction finds one
    requests = values.pop("request", ())
    if "issuer" in values:
        values["issuer"] = _issuer(values["issuer"], ex)
    extracted = {name: getattr(ex, name) for name in values}
    found = {e.value for e in ex.entities if e.kind == "request"}
    added = [
        Entity("request", number, (), (number,), {"curated": True})
        for number in requests
        if number not in found
    ]
    entities = tuple(sorted((*ex.entities, *added), key=lambda e: (e.kind, e.value)))
    kept_set = curated.values()
    if requests:
        kept_set["request"] = list(requests)  # as JSON has it
    kept = {"source": curated.source, "set": kept_set, "extracted": extracted}
    return replace(ex, **values, entities=entities), kept


def restore(ex: Extraction, curation: Mapping[str, Any] | None) -> Extraction:
    """An extraction written with curated values (``apply``) as it was extracted."""
    if not curation:
        return ex
    entities = tuple(e for e in ex.entities if not e.attrs.get("curated"))
    return replace(ex, **curation["extracted"], entities=entities)


def _issuer(name: str, ex: Extraction) -> str:
    """A curated issuer as the index names it: the agency of the document that it names (by
    name, abbreviation or as the document writes it), else the known agency it names, else
    as written."""
    key = _key(name)
    for entity in ex.entities:
        if entity.kind == "agency":
            names = (entity.value, entity.attrs.get("abbreviation") or "", *entity.forms)
            if key in {_key(n) for n in names} | {_key(_unplaced(entity.value))}:
                return entity.value
    return _known_agencies().get(key, name)


@lru_cache(maxsize=1)
def _known_agencies() -> dict[str, str]:
    """Federal agencies and fusion centres by the keys of their names and of their
    abbreviations that name one agency only."""
    by_abbreviation: dict[str, set[str]] = {}
    names = {}
    for name, (abbreviation, _) in known_agencies().items():
        names[_key(name)] = name
        if abbreviation:
            by_abbreviation.setdefault(_key(abbreviation), set()).add(name)
    unique = {key: next(iter(found)) for key, found in by_abbreviation.items() if len(found) == 1}
    return {**unique, **names}


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", name.casefold()).split())


def _unplaced(value: str) -> str:
    """An agency's name without the state that tells it from another of its name."""
    return re.sub(r"\s+\([A-Z]{2}\)$", "", value)
