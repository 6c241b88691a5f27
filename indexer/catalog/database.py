"""The catalog's connection and its statements."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..models import Entity, Extraction, Failure, Page
from .records import (
    DocumentRecord,
    FileRecord,
    Rows,
    document_of,
    entity_of,
    entity_rows,
    extraction_rows,
    page_of,
)
from .schema import SCHEMA


class Catalog:
    """A connection to the catalog database, safe to share between threads: each statement
    runs under the connection's lock and its rows are read before the lock is let go (a
    large result is read a chunk at a time, never holding the lock while its reader works).

    Its methods are a statement or two each. They stay one class, long as it is, because
    every one of them goes through that connection and its lock."""

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
            self._db.executescript(SCHEMA)
        self._db.row_factory = sqlite3.Row

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self._lock:
            row: sqlite3.Row | None = self._db.execute(sql, params).fetchone()
            return row

    def _number(self, sql: str) -> int:
        """The single number a statement answers (a count, a pragma)."""
        row = self._one(sql)
        assert row is not None  # such a statement always answers one row
        return int(row[0])

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
        return self._number("PRAGMA data_version")

    def get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._run("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def delete_meta(self, key: str) -> None:
        self._run("DELETE FROM meta WHERE key = ?", (key,))

    def meta_starting(self, prefix: str) -> dict[str, str]:
        """The meta values whose keys start with ``prefix``, by the rest of the key."""
        rows = self._all(
            "SELECT key, value FROM meta WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)
        )
        return {key[len(prefix) :]: value for key, value in rows}

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

    def collections(self) -> list[str]:
        """Every collection that holds a file, in order."""
        rows = self._all("SELECT DISTINCT collection FROM files ORDER BY collection")
        return [row[0] for row in rows]

    def collections_of(self, doc_id: str) -> list[str]:
        """The collections that hold a file of one document, in order."""
        rows = self._all(
            "SELECT DISTINCT collection FROM files WHERE doc_id = ? ORDER BY collection",
            (doc_id,),
        )
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
        return document_of(row) if row else None

    def documents_by_id(self, doc_ids: list[str]) -> dict[str, DocumentRecord]:
        if not doc_ids:
            return {}
        marks = ",".join("?" * len(doc_ids))
        rows = self._all(f"SELECT * FROM documents WHERE id IN ({marks})", doc_ids)
        return {row["id"]: document_of(row) for row in rows}

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
            yield document_of(row)

    def put_extraction(
        self,
        ex: Extraction,
        collection: str,
        extractor: str,
        rows: Rows | None = None,
        *,
        description: str | None = None,
        curation: Mapping[str, Any] | None = None,
    ) -> None:
        """Store a document; ``rows`` are its ``extraction_rows`` when a worker made them.
        An extraction with curated values in place comes with its ``description`` and
        ``curation`` (see ``indexer.curated.apply``)."""
        doc, pages, entities = rows or extraction_rows(ex)
        doc_id = ex.doc_id
        with self._lock:
            self.delete_document(doc_id)
            self._db.execute(
                "INSERT INTO documents (id, sha256, title, collection, size, page_count, date, "
                "doc_type, status, error, metadata, issuer, extractor, description, curation) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ok', NULL, ?, ?, ?, ?, ?)",
                (
                    doc_id,
                    ex.sha256,
                    ex.title,
                    collection,
                    *doc,
                    extractor,
                    description,
                    json.dumps(curation) if curation else None,
                ),
            )
            self._db.executemany(
                "INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", pages
            )
            self._db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)", entities)

    def revise_document(
        self, ex: Extraction, description: str | None, curation: Mapping[str, Any] | None
    ) -> None:
        """Store a document's values and entities anew, as other curated values (or none)
        make them; its pages stay as they are."""
        with self._lock:
            self._db.execute(
                "UPDATE documents SET title = ?, date = ?, doc_type = ?, issuer = ?, "
                "description = ?, curation = ? WHERE id = ?",
                (
                    ex.title,
                    ex.date,
                    ex.doc_type,
                    ex.issuer,
                    description,
                    json.dumps(curation) if curation else None,
                    ex.doc_id,
                ),
            )
            self._db.execute("DELETE FROM entities WHERE doc_id = ?", (ex.doc_id,))
            self._db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)", entity_rows(ex))

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
        return [page_of(row) for row in rows]

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
        return [entity_of(row) for row in rows]

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

    def issuer_agencies(self, doc_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """For each document whose issuer is an agency it names, that agency's attributes."""
        if not doc_ids:
            return {}
        marks = ",".join("?" * len(doc_ids))
        rows = self._all(
            "SELECT e.doc_id, e.attrs FROM documents d JOIN entities e ON e.doc_id = d.id "
            f"AND e.kind = 'agency' AND e.value = d.issuer WHERE d.id IN ({marks})",
            doc_ids,
        )
        return {doc_id: json.loads(attrs) for doc_id, attrs in rows}

    def agency_states(self, names: Sequence[str]) -> dict[str, set[str]]:
        """The states the catalog's agency mentions give each of some agency names."""
        if not names:
            return {}
        marks = ",".join("?" * len(names))
        rows = self._all(
            "SELECT DISTINCT value, json_extract(attrs, '$.state') AS state FROM entities "
            f"WHERE kind = 'agency' AND value IN ({marks}) AND state IS NOT NULL",
            names,
        )
        states: dict[str, set[str]] = {}
        for name, state in rows:
            states.setdefault(name, set()).add(state)
        return states

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
        count = self._number
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
