"""The catalog: documents, their files, pages, entities and indexing runs, in SQLite.

The catalog is the record of what was indexed; the Whoosh index (``textindex``) is derived
from it for searching. A document is committed to Whoosh first and to the catalog second,
so a crash between the two leaves a document the catalog does not know, which the next run
indexes again (and ``Library`` never shows).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .models import Entity, Extraction, Failure, Page, Redaction

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    collection TEXT NOT NULL,
    size INTEGER NOT NULL,
    page_count INTEGER NOT NULL,
    date TEXT,
    doc_type TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    metadata TEXT NOT NULL,
    extractor TEXT NOT NULL,
    indexed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    collection TEXT NOT NULL,
    doc_id TEXT,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    error TEXT
);
CREATE INDEX IF NOT EXISTS files_doc ON files (doc_id);
CREATE TABLE IF NOT EXISTS pages (
    doc_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    width REAL NOT NULL,
    height REAL NOT NULL,
    rotation INTEGER NOT NULL,
    image_only INTEGER NOT NULL,
    ocr INTEGER NOT NULL,
    bates TEXT,
    redactions TEXT NOT NULL,
    hidden_boxes INTEGER NOT NULL DEFAULT 0,  -- boxes with text under them (not applied)
    PRIMARY KEY (doc_id, number)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pages_hidden ON pages (doc_id) WHERE hidden_boxes > 0;
CREATE TABLE IF NOT EXISTS entities (
    doc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    pages TEXT NOT NULL,
    forms TEXT NOT NULL,
    attrs TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_doc ON entities (doc_id);
CREATE INDEX IF NOT EXISTS entities_value ON entities (kind, value);
-- covers the facet table's read of every agency, exemption and contract (4x faster at 100k pages)
CREATE INDEX IF NOT EXISTS entities_facets ON entities (kind, doc_id, value);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT NOT NULL,
    summary TEXT NOT NULL
);
"""


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


# A document's rows but for its collection and extractor: (size, page count, date, type,
# metadata), its pages' rows and its entities' rows.
Rows = tuple[tuple[Any, ...], list[tuple[Any, ...]], list[tuple[Any, ...]]]


def extraction_rows(ex: Extraction) -> Rows:
    """An extraction as catalog rows, its JSON encoded: made in the worker that extracted it
    (encoding was a third of the catalog's commit)."""
    doc_id = ex.doc_id
    doc = (ex.size, len(ex.pages), ex.date, ex.doc_type, json.dumps(ex.metadata))
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
    entities = [
        (
            doc_id,
            e.kind,
            e.value,
            json.dumps(list(e.pages)),
            json.dumps(list(e.forms)),
            json.dumps(e.attrs),
        )
        for e in ex.entities
    ]
    return doc, pages, entities


class Catalog:
    """A connection to the catalog database, safe to share between threads: each statement
    runs under the connection's lock and its rows are read before the lock is let go (a
    large result is read a chunk at a time, never holding the lock while its reader works)."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        self._lock = threading.RLock()
        if readonly:
            uri = f"file:{path}?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self._db = sqlite3.connect(path, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        self._db.row_factory = sqlite3.Row

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self._lock:
            return self._db.execute(sql, params).fetchone()

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self._lock:
            self._db.execute(sql, params)

    def _stream(self, sql: str, params: Sequence[Any] = (), chunk: int = 5000) -> Iterator[Any]:
        """The rows of a large result, read ``chunk`` at a time under the lock."""
        with self._lock:
            cursor = self._db.execute(sql, params)
            rows = cursor.fetchmany(chunk)
        while rows:
            yield from rows
            with self._lock:
                rows = cursor.fetchmany(chunk)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._db:
            yield

    # -- meta -------------------------------------------------------------------------------

    def data_version(self) -> int:
        """A number that changes when another connection commits to the catalog."""
        return self._one("PRAGMA data_version")[0]  # type: ignore[index]

    def get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._run("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- files ------------------------------------------------------------------------------

    def files(self) -> dict[str, FileRecord]:
        rows = self._all("SELECT * FROM files")
        return {row["path"]: FileRecord(**dict(row)) for row in rows}

    def put_file(self, record: FileRecord) -> None:
        self._run(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                record.path,
                record.name,
                record.collection,
                record.doc_id,
                record.size,
                record.mtime_ns,
                record.error,
            ),
        )

    def delete_file(self, path: str) -> None:
        self._run("DELETE FROM files WHERE path = ?", (path,))

    def file_names(self, doc_id: str) -> list[str]:
        rows = self._all("SELECT name FROM files WHERE doc_id = ? ORDER BY name", (doc_id,))
        return [row[0] for row in rows]

    def file_paths(self, doc_id: str) -> list[str]:
        rows = self._all("SELECT path FROM files WHERE doc_id = ? ORDER BY name", (doc_id,))
        return [row[0] for row in rows]

    def orphan_documents(self) -> list[str]:
        """Documents no file points at any more."""
        rows = self._all(
            "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM files "
            "WHERE doc_id IS NOT NULL)"
        )
        return [row[0] for row in rows]

    # -- documents --------------------------------------------------------------------------

    def document(self, doc_id: str) -> DocumentRecord | None:
        row = self._one("SELECT * FROM documents WHERE id = ?", (doc_id,))
        return _document(row) if row else None

    def documents_by_id(self, doc_ids: list[str]) -> dict[str, DocumentRecord]:
        if not doc_ids:
            return {}
        marks = ",".join("?" * len(doc_ids))
        rows = self._all(f"SELECT * FROM documents WHERE id IN ({marks})", doc_ids)
        return {row["id"]: _document(row) for row in rows}

    def page_texts(self, doc_id: str, numbers: Iterable[int]) -> dict[int, str]:
        """The text of some pages of a document, without their other facts."""
        wanted = sorted(set(numbers))
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        rows = self._all(
            f"SELECT number, text FROM pages WHERE doc_id = ? AND number IN ({marks})",
            (doc_id, *wanted),
        )
        return {number: text for number, text in rows}

    def documents(self, status: str | None = "ok") -> Iterator[DocumentRecord]:
        if status is None:
            rows = self._stream("SELECT * FROM documents ORDER BY id")
        else:
            rows = self._stream("SELECT * FROM documents WHERE status = ? ORDER BY id", (status,))
        for row in rows:
            yield _document(row)

    def put_extraction(
        self, ex: Extraction, collection: str, extractor: str, rows: Rows | None = None
    ) -> None:
        """Store a document; ``rows`` are its ``extraction_rows`` when a worker made them."""
        doc, pages, entities = rows or extraction_rows(ex)
        doc_id = ex.doc_id
        with self._lock:
            self.delete_document(doc_id)
            self._db.execute(
                "INSERT INTO documents (id, sha256, title, collection, size, page_count, date, "
                "doc_type, status, error, metadata, extractor) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ok', NULL, ?, ?)",
                (doc_id, ex.sha256, ex.title, collection, *doc, extractor),
            )
            self._db.executemany(
                "INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", pages
            )
            self._db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)", entities)

    def put_failure(self, failure: Failure, title: str, collection: str, extractor: str) -> None:
        doc_id = failure.doc_id
        if doc_id is None:
            return
        self.delete_document(doc_id)
        self._run(
            "INSERT INTO documents (id, sha256, title, collection, size, page_count, date, "
            "doc_type, status, error, metadata, extractor) "
            "VALUES (?, ?, ?, ?, ?, 0, NULL, 'other', 'failed', ?, '{}', ?)",
            (doc_id, failure.sha256, title, collection, failure.size, failure.reason, extractor),
        )

    def delete_document(self, doc_id: str) -> None:
        for table, column in (("documents", "id"), ("pages", "doc_id"), ("entities", "doc_id")):
            self._run(f"DELETE FROM {table} WHERE {column} = ?", (doc_id,))

    # -- pages and entities -----------------------------------------------------------------

    def pages(self, doc_id: str, numbers: Iterable[int] | None = None) -> list[Page]:
        if numbers is None:
            rows = self._all("SELECT * FROM pages WHERE doc_id = ? ORDER BY number", (doc_id,))
        else:
            wanted = sorted(set(numbers))
            marks = ",".join("?" * len(wanted))
            rows = self._all(
                f"SELECT * FROM pages WHERE doc_id = ? AND number IN ({marks}) ORDER BY number",
                (doc_id, *wanted),
            )
        return [_page(row) for row in rows]

    def page_summaries(self, doc_id: str) -> list[sqlite3.Row]:
        """Page facts without their text, for page lists."""
        return self._all(
            "SELECT number, image_only, ocr, bates, width, height FROM pages "
            "WHERE doc_id = ? ORDER BY number",
            (doc_id,),
        )

    def entities(self, doc_id: str, kinds: Sequence[str] = ()) -> list[Entity]:
        """A document's entities, or only those of some kinds."""
        if not kinds:
            rows = self._all(
                "SELECT * FROM entities WHERE doc_id = ? ORDER BY kind, value", (doc_id,)
            )
        else:
            marks = ",".join("?" * len(kinds))
            # +kind: look the document up by its id, whichever indexes an older catalog has
            rows = self._all(
                f"SELECT * FROM entities WHERE doc_id = ? AND +kind IN ({marks}) "
                "ORDER BY kind, value",
                (doc_id, *kinds),
            )
        return [_entity(row) for row in rows]

    def entity_values(self, kinds: Iterable[str]) -> Iterator[tuple[str, str, str]]:
        """(doc_id, kind, value) for every entity of the given kinds."""
        kinds = list(kinds)
        marks = ",".join("?" * len(kinds))
        yield from self._stream(
            f"SELECT doc_id, kind, value FROM entities WHERE kind IN ({marks})", kinds
        )

    def mention_counts(self, doc_ids: Sequence[str], kind: str) -> dict[str, dict[str, int]]:
        """For each document, how many pages name each of its entities of one kind."""
        if not doc_ids:
            return {}
        marks = ",".join("?" * len(doc_ids))
        rows = self._all(
            f"SELECT doc_id, value, json_array_length(pages) FROM entities "
            f"WHERE kind = ? AND doc_id IN ({marks})",
            (kind, *doc_ids),
        )
        counts: dict[str, dict[str, int]] = {}
        for doc_id, value, pages in rows:
            counts.setdefault(doc_id, {})[value] = pages
        return counts

    def entity_values_of(self, doc_id: str) -> list[tuple[str, str, str]]:
        """(doc_id, kind, value) for every entity of one document."""
        return [
            tuple(row)
            for row in self._all(
                "SELECT doc_id, kind, value FROM entities WHERE doc_id = ? ORDER BY kind, value",
                (doc_id,),
            )
        ]

    # -- status -----------------------------------------------------------------------------

    def counts(self) -> dict[str, Any]:
        def count(sql: str) -> int:
            return self._one(sql)[0]  # type: ignore[index]

        kinds = self._all("SELECT kind, count(*) FROM entities GROUP BY kind")
        return {
            "documents": count("SELECT count(*) FROM documents WHERE status = 'ok'"),
            "pages": count("SELECT count(*) FROM pages"),
            "ocr_pages": count("SELECT count(*) FROM pages WHERE ocr = 1"),
            "image_only_pages": count(
                "SELECT count(*) FROM pages WHERE image_only = 1 AND ocr = 0"
            ),
            "files": count("SELECT count(*) FROM files"),
            "entities": {kind: n for kind, n in kinds},
        }

    def failures(self) -> list[dict[str, str]]:
        """Every file that could not be indexed, with the reason."""
        rows = self._all(
            "SELECT f.name, f.path, COALESCE(f.error, d.error) AS reason "
            "FROM files f LEFT JOIN documents d ON d.id = f.doc_id "
            "WHERE f.error IS NOT NULL OR d.status = 'failed' ORDER BY f.name"
        )
        return [dict(row) for row in rows]

    def unapplied_redactions(self) -> list[dict[str, Any]]:
        """Documents with boxes drawn over text the PDF still carries: how many boxes, on
        which pages (never the text)."""
        rows = self._all(
            "SELECT p.doc_id, d.title, sum(p.hidden_boxes) AS boxes, "
            "group_concat(p.number) AS pages FROM pages p JOIN documents d ON d.id = p.doc_id "
            "WHERE p.hidden_boxes > 0 GROUP BY p.doc_id ORDER BY d.title, p.doc_id"
        )
        return [
            {
                "document": row["doc_id"],
                "title": row["title"],
                "files": self.file_names(row["doc_id"]),
                "boxes": row["boxes"],
                "pages": sorted(int(n) for n in row["pages"].split(",")),
            }
            for row in rows
        ]

    def add_run(self, started: str, finished: str, summary: dict[str, Any]) -> None:
        self._run(
            "INSERT INTO runs (started, finished, summary) VALUES (?, ?, ?)",
            (started, finished, json.dumps(summary)),
        )

    def last_run(self) -> dict[str, Any] | None:
        row = self._one("SELECT * FROM runs ORDER BY id DESC LIMIT 1")
        if row is None:
            return None
        return {
            "started": row["started"],
            "finished": row["finished"],
            **json.loads(row["summary"]),
        }


def _document(row: sqlite3.Row) -> DocumentRecord:
    values = dict(row)
    values["metadata"] = json.loads(values["metadata"])
    return DocumentRecord(**values)


def _page(row: sqlite3.Row) -> Page:
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


def _entity(row: sqlite3.Row) -> Entity:
    return Entity(
        kind=row["kind"],
        value=row["value"],
        pages=tuple(json.loads(row["pages"])),
        forms=tuple(json.loads(row["forms"])),
        attrs=json.loads(row["attrs"]),
    )
