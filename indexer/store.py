"""An index directory: the catalog and the Whoosh index, kept consistent with each other.

    index/
      catalog.sqlite     documents, files, pages, entities, runs (``catalog``)
      text/              the Whoosh index of document records (``index``)
      ocr-cache.sqlite   OCR text by page image, shared by runs and workers (``ocr``)
      images/            page images drawn for the site (``app.images``)

``Layout`` is the one place that spells these names. A schema version is stored in the
catalog. An index written by another version is rebuilt by the indexer (the catalog and the
text index; OCR text and page images depend only on a file's content, so they are kept); the
site and the other commands refuse it with a message saying so.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalog import Catalog, FileRecord, Rows, extraction_rows, revised_rows
from .curated import Curated, apply, restore
from .data import known_agencies
from .errors import IndexUnavailable
from .index import IndexWriter, Record, TextIndex, analyse_record
from .models import Extraction, Failure

# 3: documents have an issuer; request and vendor entities. 4: curated values (readingroom.csv)
SCHEMA_VERSION = "4"


@dataclass(frozen=True)
class Layout:
    """Where each part of an index lives in its directory."""

    directory: Path

    @property
    def catalog(self) -> Path:
        return self.directory / "catalog.sqlite"

    @property
    def catalog_files(self) -> tuple[Path, ...]:
        """The catalog with SQLite's write-ahead log and its shared-memory index."""
        name = self.catalog.name
        return (self.catalog, self.directory / f"{name}-wal", self.directory / f"{name}-shm")

    @property
    def text(self) -> Path:
        return self.directory / "text"

    @property
    def ocr_cache(self) -> Path:
        return self.directory / "ocr-cache.sqlite"

    @property
    def images(self) -> Path:
        return self.directory / "images"


class Store:
    def __init__(self, directory: Path, *, writable: bool = False) -> None:
        self.directory = directory
        self.layout = Layout(directory)
        catalog_path = self.layout.catalog
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
            self.text = TextIndex(self.layout.text, create=writable)
        except IndexUnavailable:
            self.catalog.close()
            raise IndexUnavailable(
                f"The index at {directory} has no search index yet (an indexing run has not "
                f"committed). Build it with: readingroom index PATH --index {directory}"
            ) from None
        self.rebuilt = version is not None and version != SCHEMA_VERSION

    def _wipe(self) -> None:
        for path in self.layout.catalog_files:
            path.unlink(missing_ok=True)
        shutil.rmtree(self.layout.text, ignore_errors=True)

    def close(self) -> None:
        self.text.close()
        self.catalog.close()

    def write(
        self, items: Sequence[tuple[Extraction | Failure, list[FileRecord]]], extractor: str
    ) -> None:
        """Write and commit results (see ``Writing``)."""
        writing = self.writing(extractor)
        try:
            for result, files in items:
                writing.add(result, files)
        except BaseException:
            writing.cancel()
            raise
        writing.commit()

    def writing(self, extractor: str) -> Writing:
        return Writing(self, extractor)

    def remove_documents(self, doc_ids: Sequence[str]) -> None:
        if not doc_ids:
            return
        with self.text.writer() as writer:
            for doc_id in doc_ids:
                writer.delete(doc_id)
        with self.catalog.transaction():
            for doc_id in doc_ids:
                self.catalog.delete_document(doc_id)

    def refile(
        self, doc_ids: Sequence[str], curated: Mapping[str, Curated | None] | None = None
    ) -> None:
        """Write the records of documents again, from the catalog, without reading a PDF:
        with the collections of the files they have now (a copy of a file found in another
        release adds that release to its document, a pruned one takes it away), and those
        in ``curated`` with those curated values in place of the ones they were written with
        (None: the extracted ones), which the catalog then keeps too."""
        curated = curated or {}
        if not doc_ids and not curated:
            return
        revised: list[tuple[Extraction, str | None, dict[str, Any] | None]] = []
        with self.text.writer() as writer:
            for doc_id in sorted({*doc_ids, *curated}):
                doc = self.catalog.document(doc_id)
                if doc is None or doc.status != "ok":
                    continue
                ex = Extraction(
                    sha256=doc.sha256,
                    size=doc.size,
                    title=doc.title,
                    pages=tuple(self.catalog.pages(doc_id)),
                    entities=tuple(self.catalog.entities(doc_id)),
                    doc_type=doc.doc_type,
                    date=doc.date,
                    metadata=doc.metadata,
                    issuer=doc.issuer,
                )
                if doc_id in curated:
                    wanted = curated[doc_id]
                    ex, kept = _curate(restore(ex, doc.curation), wanted)
                    revised.append((ex, wanted.description if wanted else None, kept))
                record = analyse_record(doc_id, [p.text for p in ex.pages], search_fields(ex))
                writer.add(record.with_fields({"collection": self.catalog.collections_of(doc_id)}))
        with self.catalog.transaction():
            for ex, description, kept in revised:
                self.catalog.revise_document(ex, description, kept)

    def reconcile(self) -> None:
        """Drop Whoosh records the catalog does not know (left by a crash between commits)."""
        known = {doc.id for doc in self.catalog.documents()}
        stray = self.text.doc_ids() - known
        if stray:
            with self.text.writer() as writer:
                for doc_id in stray:
                    writer.delete(doc_id)


class Writing:
    """Results on their way into the index. Each goes to the Whoosh writer as it is added, so
    the writer's work overlaps the extraction of the next files; the catalog rows wait for
    ``commit``, which commits Whoosh first and then the catalog (see ``catalog``). Holds the
    Whoosh index's lock from the first result to the commit."""

    def __init__(self, store: Store, extractor: str) -> None:
        self.store = store
        self.extractor = extractor
        self.items: list[_Item] = []
        self._writer: IndexWriter | None = None

    def add(
        self,
        result: Extraction | Failure,
        files: list[FileRecord],
        prepared: Prepared | None = None,
        curated: Curated | None = None,
    ) -> None:
        """Add a result; ``prepared`` is what a worker made of it already, ``curated`` the
        values a readingroom.csv sets for its files. A document the catalog does not hold is
        new to Whoosh too: ``reconcile`` removed any record left by a run that died between
        the two commits."""
        catalog = self.store.catalog
        if self._writer is None:
            self._writer = self.store.text.open_writer()
        item = _Item(result, files)
        if isinstance(result, Extraction):
            prepared = prepared or prepare(result)
            if curated is not None:
                item.result, item.curation = apply(result, curated)
                item.description = curated.description
                prepared = prepared.revised(item.result)
            record = prepared.record.with_fields(
                {"collection": sorted({f.collection for f in files})}
            )
            self._writer.add(record, new=catalog.document(result.doc_id) is None)
            item.rows = prepared.rows
        elif result.doc_id and catalog.document(result.doc_id) is not None:
            self._writer.delete(result.doc_id)
        self.items.append(item)

    def commit(self) -> None:
        if self._writer is not None:
            self._writer.commit()
            self._writer = None
        catalog = self.store.catalog
        with catalog.transaction():
            for item in self.items:
                result, files = item.result, item.files
                collection = files[0].collection
                if isinstance(result, Extraction):
                    catalog.put_extraction(
                        result,
                        collection,
                        self.extractor,
                        item.rows,
                        description=item.description,
                        curation=item.curation,
                    )
                else:
                    catalog.put_failure(result, files[0].name, collection, self.extractor)
                for record in files:
                    catalog.put_file(record)
        self.items = []

    def cancel(self) -> None:
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None
        self.items = []


@dataclass(frozen=True)
class Prepared:
    """What the writer needs of an extraction, made in the worker that extracted it: the
    analysed search record (all but its collections, which belong to its files) and the
    catalog rows."""

    record: Record
    rows: Rows

    def revised(self, ex: Extraction) -> Prepared:
        """What the writer needs of the extraction with revised values and entities (curated
        ones): its page text is analysed already, and its pages' rows are made."""
        return Prepared(self.record.with_fields(search_fields(ex)), revised_rows(self.rows, ex))


@dataclass
class _Item:
    """A result on its way into the catalog."""

    result: Extraction | Failure
    files: list[FileRecord]
    rows: Rows | None = None
    description: str | None = None
    curation: dict[str, Any] | None = None  # what ``curated.apply`` keeps


def prepare(ex: Extraction) -> Prepared:
    record = analyse_record(ex.doc_id, [p.text for p in ex.pages], search_fields(ex))
    return Prepared(record, extraction_rows(ex))


def _curate(ex: Extraction, curated: Curated | None) -> tuple[Extraction, dict[str, Any] | None]:
    """The extraction with curated values in place, and what the catalog keeps of them."""
    return apply(ex, curated) if curated is not None else (ex, None)


def search_fields(ex: Extraction) -> dict[str, Sequence[str]]:
    """The searchable fields of a document record, besides its page text and collections."""
    by_kind: dict[str, list[str]] = {}
    for entity in ex.entities:
        by_kind.setdefault(entity.kind, []).append(entity.value)
    agencies: list[str] = []
    # the issuer, and its abbreviation when it is a known agency (named in the record or not)
    issuer = [ex.issuer, known_agencies().get(ex.issuer, ("", ""))[0]] if ex.issuer else []
    for entity in ex.entities:
        if entity.kind == "agency":
            names = [entity.value, entity.attrs.get("abbreviation") or "", *entity.forms]
            agencies += names
            if entity.value == ex.issuer:  # issuer:ICE finds what agency:ICE finds
                issuer += names
    emails = [e.attrs for e in ex.entities if e.kind == "email"]
    return {
        "title": [ex.title],
        "doc_type": [ex.doc_type],
        "agency": [a for a in dict.fromkeys(agencies) if a],
        "issuer": [a for a in dict.fromkeys(issuer) if a],
        "request": by_kind.get("request", []),
        "vendor": by_kind.get("vendor", []),
        "contract": by_kind.get("contract", []),
        "exemption": by_kind.get("exemption", []),
        "bates": by_kind.get("bates", []),
        "email_from": [str(m.get("from", "")) for m in emails],
        "email_to": [str(a) for m in emails for a in [*m.get("to", []), *m.get("cc", [])]],
        "subject": [str(m.get("subject", "")) for m in emails],
    }
