"""Indexing a release: walk the folders, decide what changed, extract in worker processes,
and stream the results into the single writer.

Unchanged files (same size and modification time, or the same SHA-256) are never read
twice; identical files become one document with all their paths. Work is committed in
batches, Whoosh first and the catalog second (see ``catalog``), so killing the indexer at
any moment loses at most the batch in flight, and the next run picks it up.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .catalog import Catalog, FileRecord
from .extract import EXTRACTOR_VERSION, extract, sha256_of
from .models import Extraction, Failure
from .store import Store

COMMIT_EVERY_DOCS = 200
COMMIT_EVERY_SECONDS = 30.0


@dataclass(frozen=True)
class FoundFile:
    path: Path
    name: str  # as shown to users: relative to the indexed folder
    collection: str
    size: int
    mtime_ns: int


@dataclass
class Summary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": self.failed,
            "pages": self.pages,
            "ocr_pages": self.ocr_pages,
            "seconds": round(self.seconds, 2),
            "warnings": self.warnings,
        }


ProgressFn = Callable[[int, int, int], None]  # files done, files to do, pages done


def walk(roots: Iterable[Path], warn: Callable[[str], None]) -> Iterator[FoundFile]:
    """Every PDF under the roots; folder loops and unreadable folders are reported, not fatal."""
    for root in roots:
        root = root.resolve()
        if root.is_file():
            yield _found(root, root.name, root.parent.name)
            continue
        if not root.is_dir():
            warn(f"{root}: no such file or folder")
            continue
        seen: set[tuple[int, int]] = set()
        for folder, dirs, files in os.walk(
            root, followlinks=True, onerror=lambda e: warn(_walk_error(e))
        ):
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                warn(f"{folder}: skipped, it leads back to a folder already walked (a link loop)")
                dirs[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            dirs.sort()
            rel = Path(folder).relative_to(root)
            collection = rel.parts[0] if rel.parts else root.name
            for name in sorted(files):
                if name.lower().endswith(".pdf"):
                    path = Path(folder) / name
                    try:
                        yield _found(path, str(rel / name), collection)
                    except OSError as exc:
                        warn(f"{path}: {exc.strerror or exc}")


def _found(path: Path, name: str, collection: str) -> FoundFile:
    st = path.stat()
    return FoundFile(path, name, collection, st.st_size, st.st_mtime_ns)


def _walk_error(exc: OSError) -> str:
    return f"{exc.filename}: cannot read the folder ({exc.strerror or exc})"


class Indexer:
    """One indexing run over some folders into an index directory."""

    def __init__(self, store: Store, *, workers: int | None = None) -> None:
        self.store = store
        self.catalog: Catalog = store.catalog
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.summary = Summary()

    def run(
        self, roots: list[Path], *, prune: bool = False, progress: ProgressFn | None = None
    ) -> Summary:
        started = datetime.now(UTC)
        clock = time.monotonic()
        self.store.reconcile()
        known = self.catalog.files()
        found = list(walk(roots, self.summary.warnings.append))
        todo: dict[str, list[FoundFile]] = {}  # sha256 -> files with that content
        for item in found:
            record = known.get(str(item.path))
            if record and self._unchanged(record, item):
                self.summary.unchanged += 1
                continue
            try:
                sha, _ = sha256_of(item.path)
            except OSError as exc:
                self._record_unreadable(item, f"cannot read the file: {exc.strerror or exc}")
                continue
            doc = self.catalog.document(sha[:16])
            if doc is not None and doc.extractor == EXTRACTOR_VERSION:
                with self.catalog.transaction():
                    self._put_file(item, doc.id)
                if record and record.doc_id != doc.id:
                    self.summary.updated += 1
                    self._drop_orphans()
                else:
                    self.summary.unchanged += 1
                continue
            todo.setdefault(sha, []).append(item)
        self._extract_all(todo, known, progress)
        if prune:
            self._prune(found)
        self.summary.seconds = time.monotonic() - clock
        with self.catalog.transaction():
            self.catalog.add_run(
                started.isoformat(timespec="seconds"),
                datetime.now(UTC).isoformat(timespec="seconds"),
                self.summary.as_dict(),
            )
        return self.summary

    def _unchanged(self, record: FileRecord, item: FoundFile) -> bool:
        if record.size != item.size or record.mtime_ns != item.mtime_ns or record.doc_id is None:
            return False
        doc = self.catalog.document(record.doc_id)
        return doc is not None and doc.extractor == EXTRACTOR_VERSION

    def _extract_all(
        self,
        todo: dict[str, list[FoundFile]],
        known: dict[str, FileRecord],
        progress: ProgressFn | None,
    ) -> None:
        total, done, pages = len(todo), 0, 0
        batch = Batch(self.store)
        pending: dict[Future[Extraction | Failure], str] = {}
        queue = iter(todo.items())
        with ProcessPoolExecutor(max_workers=self.workers) as pool:

            def submit_next() -> bool:
                item = next(queue, None)
                if item is None:
                    return False
                sha, files = item
                pending[pool.submit(extract, files[0].path, sha)] = sha
                return True

            for _ in range(self.workers * 2):
                if not submit_next():
                    break
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    sha = pending.pop(future)
                    files = todo[sha]
                    try:
                        result = future.result()
                    except Exception as exc:  # a worker that died: record it, go on
                        result = Failure(sha, files[0].size, f"extraction crashed: {exc!r}")
                    self._write(batch, result, files, known)
                    done += 1
                    if isinstance(result, Extraction):
                        pages += len(result.pages)
                    if progress:
                        progress(done, total, pages)
                    submit_next()
                batch.maybe_commit()
        batch.commit()

    def _write(
        self,
        batch: Batch,
        result: Extraction | Failure,
        files: list[FoundFile],
        known: dict[str, FileRecord],
    ) -> None:
        first = files[0]
        replaced = any(str(f.path) in known for f in files)
        batch.add(result, files)
        if isinstance(result, Extraction):
            self.summary.pages += len(result.pages)
            self.summary.ocr_pages += sum(p.ocr for p in result.pages)
            if replaced:
                self.summary.updated += 1
            else:
                self.summary.added += 1
        else:
            self.summary.failed.append({"file": first.name, "reason": result.reason})
        if replaced:
            batch.after_commit(self._drop_orphans)

    def _record_unreadable(self, item: FoundFile, reason: str) -> None:
        with self.catalog.transaction():
            self.catalog.put_file(
                FileRecord(
                    str(item.path),
                    item.name,
                    item.collection,
                    None,
                    item.size,
                    item.mtime_ns,
                    reason,
                )
            )
        self.summary.failed.append({"file": item.name, "reason": reason})

    def _put_file(self, item: FoundFile, doc_id: str | None) -> None:
        self.catalog.put_file(
            FileRecord(
                str(item.path), item.name, item.collection, doc_id, item.size, item.mtime_ns, None
            )
        )

    def _drop_orphans(self) -> None:
        orphans = self.catalog.orphan_documents()
        if orphans:
            self.store.remove_documents(orphans)

    def _prune(self, found: list[FoundFile]) -> None:
        present = {str(item.path) for item in found}
        gone = [
            path for path in self.catalog.files() if path not in present and not Path(path).exists()
        ]
        if not gone:
            return
        before = set(self.catalog.orphan_documents())
        with self.catalog.transaction():
            for path in gone:
                self.catalog.delete_file(path)
        orphans = [doc for doc in self.catalog.orphan_documents() if doc not in before]
        self.store.remove_documents(orphans)
        self.summary.removed += len(orphans)


class Batch:
    """Results waiting for the next commit, with what to do once they are committed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.items: list[tuple[Extraction | Failure, list[FileRecord]]] = []
        self.callbacks: list[Callable[[], None]] = []
        self.started = time.monotonic()

    def add(self, result: Extraction | Failure, files: list[FoundFile]) -> None:
        self.items.append((result, [_record(f, result.doc_id) for f in files]))

    def after_commit(self, callback: Callable[[], None]) -> None:
        self.callbacks.append(callback)

    def maybe_commit(self) -> None:
        full = len(self.items) >= COMMIT_EVERY_DOCS
        if full or time.monotonic() - self.started >= COMMIT_EVERY_SECONDS:
            self.commit()

    def commit(self) -> None:
        if self.items:
            self.store.write(self.items)
        for callback in self.callbacks:
            callback()
        self.items, self.callbacks = [], []
        self.started = time.monotonic()


def _record(item: FoundFile, doc_id: str | None) -> FileRecord:
    error = None if doc_id else "cannot read the file"
    return FileRecord(
        str(item.path), item.name, item.collection, doc_id, item.size, item.mtime_ns, error
    )
