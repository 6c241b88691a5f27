"""An index directory: the catalog and the Whoosh index, kept consistent with each other.

    index/
      catalog.sqlite   documents, files, pages, entities, runs (``catalog``)
      text/            the Whoosh index of document records (``textindex``)

A schema version is stored in the catalog. An index written by another version is rebuilt
by the indexer; the site and the other commands refuse it with a message saying so.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from .catalog import Catalog, FileRecord
from .models import Extraction, Failure
from .textindex import TextIndex

SCHEMA_VERSION = "1"


class IndexUnavailable(Exception):
    """The index directory cannot be used; the message says what to do."""


class Store:
    def __init__(self, directory: Path, *, writable: bool = False) -> None:
        self.directory = directory
        catalog_path = directory / "catalog.sqlite"
        if not writable and not catalog_path.exists():
            raise IndexUnavailable(
                f"No index at {directory}. Build one with: "
                f"readingroom index PATH --index {directory}"
            )
        if writable:
            directory.mkdir(parents=True, exist_ok=True)
        self.catalog = Catalog(catalog_path, readonly=not writable)
        version = self.catalog.get_meta("schema_version")
        if version != SCHEMA_VERSION and (version is not None or not writable):
            if not writable:
                self.catalog.close()
                raise IndexUnavailable(
                    f"The index at {directory} was built by another version of Reading Room "
                    f"(schema {version}, this one reads {SCHEMA_VERSION}). Rebuild it with: "
                    f"readingroom index PATH --index {directory}"
                )
            self.catalog.close()
            self._wipe()
            self.catalog = Catalog(catalog_path)
        if writable and self.catalog.get_meta("schema_version") is None:
            with self.catalog.transaction():
                self.catalog.set_meta("schema_version", SCHEMA_VERSION)
        try:
            self.text = TextIndex(directory / "text", create=writable)
        except FileNotFoundError:
            self.catalog.close()
            raise IndexUnavailable(
                f"The index at {directory} has no search index yet (an indexing run has not "
                f"committed). Build it with: readingroom index PATH --index {directory}"
            ) from None
        self.rebuilt = version is not None and version != SCHEMA_VERSION

    def _wipe(self) -> None:
        for name in ("catalog.sqlite", "catalog.sqlite-wal", "catalog.sqlite-shm"):
            (self.directory / name).unlink(missing_ok=True)
        shutil.rmtree(self.directory / "text", ignore_errors=True)

    def close(self) -> None:
        self.text.close()
        self.catalog.close()

    def write(
        self, items: Sequence[tuple[Extraction | Failure, list[FileRecord]]], extractor: str
    ) -> None:
        """Commit results: to Whoosh first, then to the catalog (see ``catalog``). A document
        the catalog does not hold is new to Whoosh too: ``reconcile`` removed any record left
        by a run that died between the two commits."""
        with self.text.writer() as writer:
            for result, files in items:
                if isinstance(result, Extraction):
                    writer.put(
                        result.doc_id,
                        [p.text for p in result.pages],
                        search_fields(result, files),
                        new=self.catalog.document(result.doc_id) is None,
                    )
                elif result.doc_id and self.catalog.document(result.doc_id) is not None:
                    writer.delete(result.doc_id)
        with self.catalog.transaction():
            for result, files in items:
                collection = files[0].collection
                if isinstance(result, Extraction):
                    self.catalog.put_extraction(result, collection, extractor)
                else:
                    self.catalog.put_failure(result, files[0].name, collection, extractor)
                for record in files:
                    self.catalog.put_file(record)

    def remove_documents(self, doc_ids: Sequence[str]) -> None:
        if not doc_ids:
            return
        with self.text.writer() as writer:
            for doc_id in doc_ids:
                writer.delete(doc_id)
        with self.catalog.transaction():
            for doc_id in doc_ids:
                self.catalog.delete_document(doc_id)

    def reconcile(self) -> None:
        """Drop Whoosh records the catalog does not know (left by a crash between commits)."""
        known = {doc.id for doc in self.catalog.documents()}
        stray = self.text.doc_ids() - known
        if stray:
            with self.text.writer() as writer:
                for doc_id in stray:
                    writer.delete(doc_id)


def search_fields(ex: Extraction, files: list[FileRecord]) -> dict[str, list[str]]:
    """The searchable fields of a document record, besides its page text."""
    by_kind: dict[str, list[str]] = {}
    for entity in ex.entities:
        by_kind.setdefault(entity.kind, []).append(entity.value)
    agencies: list[str] = []
    for entity in ex.entities:
        if entity.kind == "agency":
            agencies += [entity.value, entity.attrs.get("abbreviation") or "", *entity.forms]
    emails = [e.attrs for e in ex.entities if e.kind == "email"]
    return {
        "title": [ex.title],
        "doc_type": [ex.doc_type],
        "collection": sorted({f.collection for f in files}),
        "agency": [a for a in dict.fromkeys(agencies) if a],
        "contract": by_kind.get("contract", []),
        "exemption": by_kind.get("exemption", []),
        "bates": by_kind.get("bates", []),
        "email_from": [str(m.get("from", "")) for m in emails],
        "email_to": [str(a) for m in emails for a in [*m.get("to", []), *m.get("cc", [])]],
        "subject": [str(m.get("subject", "")) for m in emails],
    }
