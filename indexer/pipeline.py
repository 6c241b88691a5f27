"""Indexing a release: walk the folders, decide what changed, extract in worker processes,
and stream the results into the single writer.

Unchanged files (same size and modification time, or the same SHA-256) are never read
twice; identical files become one document with all their paths. Work is committed in
batches, Whoosh first and the catalog second (see ``catalog``), so killing the indexer at
any moment loses at most the batch in flight, and the next run picks it up.
"""

from __future__ import annotations

import os
import resource
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, TimeoutError, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pebble import ProcessExpired, ProcessPool

from . import entities, ocr
from .catalog import Catalog, FileRecord
from .errors import OcrUnavailable
from .extract import (
    EXTRACTOR_VERSION,
    Draft,
    Options,
    extract_bytes,
    finish,
    needs_ocr,
    ocr_page,
    read,
    sha256_of,
)
from .models import Extraction, Failure
from .store import Prepared, Store, Writing, prepare

# A commit makes a Whoosh segment. Large ones are cheaper: Whoosh merges segments (see
# textindex.merge_tiers) at about the cost of indexing their documents again, so batches of
# 200 documents had the 100,000-page benchmark build copy most documents several times.
# Thirty seconds bounds what a crash can lose; ten thousand pages bounds the batch's memory.
COMMIT_EVERY_PAGES = 10_000
COMMIT_EVERY_SECONDS = 30.0
# Per-file limits. Text layers read at hundreds of pages a second, and a scanned page takes
# about 2 s of OCR, so ten minutes covers some 300 scanned pages; a file that needs longer is
# pathological or needs --timeout. Workers peak at about 200 MB on the real corpus; the limit
# leaves room for a large scan while keeping any one file from taking the machine's memory.
DEFAULT_TIMEOUT = 600.0
DEFAULT_MEMORY_MB = 1536
# Tasks queued per worker: enough that workers go on while the writer files a large document.
IN_FLIGHT_PER_WORKER = 3
READ, FINISH = 0, -1  # what a worker task does, besides OCR of a page (its number)


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
    unread_pages: int = 0  # pages that needed OCR and did not get it
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    # files whose boxes cover text the PDF still carries (left out of the index)
    unapplied_redactions: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": self.failed,
            "pages": self.pages,
            "ocr_pages": self.ocr_pages,
            "unread_pages": self.unread_pages,
            "seconds": round(self.seconds, 2),
            "warnings": self.warnings,
            "unapplied_redactions": self.unapplied_redactions,
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


def extractor_signature(ocr_mode: str) -> str:
    """What a stored extraction depends on: when it changes, files are extracted again (for
    example with OCR once Tesseract is installed)."""
    if ocr_mode == "off":
        return f"{EXTRACTOR_VERSION}/ocr=off"
    try:
        engine = ocr.engine_signature()
    except OcrUnavailable:
        engine = "none"
    return f"{EXTRACTOR_VERSION}/ocr={ocr_mode}/{engine}"


Result = tuple[Extraction | Failure, Prepared | None]


def _indexable(result: Extraction | Failure) -> Result:
    """A result with what the writer needs of it, made in the worker so that the single
    writer has less to do."""
    return result, prepare(result) if isinstance(result, Extraction) else None


def read_task(path: Path, sha256: str, options: Options, ocr_ready: bool) -> object:
    """Worker task: read a file. A file with pages to OCR comes back as a Draft when Tesseract
    is there to read them, else finished without their text."""
    result = read(path, sha256, options)
    if isinstance(result, Draft):
        return result if ocr_ready else _indexable(finish(result, {}))
    return _indexable(result)


def finish_task(draft: Draft, texts: dict[int, str]) -> Result:
    """Worker task: finish a file whose pages were OCR'd."""
    return _indexable(finish(draft, texts))


def extract_task(data: bytes, sha256: str, name: str, options: Options) -> Result:
    """Cluster task: a whole file, sent as bytes."""
    return _indexable(extract_bytes(data, sha256, name, options))


def _sha256_or_reason(path: Path) -> tuple[str, str] | tuple[None, str]:
    """A file's SHA-256, or why it cannot be read."""
    try:
        return sha256_of(path)[0], ""
    except OSError as exc:
        return None, f"cannot read the file: {exc.strerror or exc}"


def _limit_memory(megabytes: int) -> None:
    """Worker initializer: cap the address space so one file cannot exhaust the machine."""
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _found(path: Path, name: str, collection: str) -> FoundFile:
    st = path.stat()
    return FoundFile(path, name, collection, st.st_size, st.st_mtime_ns)


def _walk_error(exc: OSError) -> str:
    return f"{exc.filename}: cannot read the folder ({exc.strerror or exc})"


class Indexer:
    """One indexing run over some folders into an index directory."""

    def __init__(
        self,
        store: Store,
        *,
        workers: int | None = None,
        ocr_mode: str = "auto",
        timeout: float = DEFAULT_TIMEOUT,
        memory_mb: int = DEFAULT_MEMORY_MB,
        commit_every: int = COMMIT_EVERY_PAGES,
        scheduler: str | None = None,
    ) -> None:
        self.store = store
        self.catalog: Catalog = store.catalog
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.commit_every = commit_every
        self.scheduler = scheduler  # a Dask scheduler address: extract on its cluster
        self.options = Options(ocr=ocr_mode, ocr_cache=store.directory / "ocr-cache.sqlite")
        self.signature = extractor_signature(ocr_mode)
        self.summary = Summary()

    def run(
        self, roots: list[Path], *, prune: bool = False, progress: ProgressFn | None = None
    ) -> Summary:
        started = datetime.now(UTC)
        clock = time.monotonic()
        self.store.reconcile()
        self._drop_orphans()  # a run stopped between a commit and its clean-up leaves some
        known = self.catalog.files()
        found = list(walk(roots, self.summary.warnings.append))
        todo: dict[str, list[FoundFile]] = {}  # sha256 -> files with that content
        to_hash = []
        for item in found:
            record = known.get(str(item.path))
            if record and self._unchanged(record, item):
                self.summary.unchanged += 1
            else:
                to_hash.append((item, record))
        # hashlib lets go of the GIL while it digests, so threads hash on every core
        with ThreadPoolExecutor(self.workers) as hashing:
            hashes = hashing.map(_sha256_or_reason, [item.path for item, _ in to_hash])
            for (item, record), (sha, reason) in zip(to_hash, hashes, strict=True):
                if sha is None:
                    self._record_unreadable(item, reason)
                else:
                    self._sort(item, record, sha, todo)
        if self.scheduler:
            self._extract_on_cluster(todo, known, progress)
        else:
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

    def _sort(
        self,
        item: FoundFile,
        record: FileRecord | None,
        sha: str,
        todo: dict[str, list[FoundFile]],
    ) -> None:
        """A file whose content is indexed already points at its document; any other joins
        the files to extract, with those of the same content."""
        doc = self.catalog.document(sha[:16])
        if doc is None or doc.extractor != self.signature:
            todo.setdefault(sha, []).append(item)
            return
        with self.catalog.transaction():
            self._put_file(item, doc.id)
        if record and record.doc_id != doc.id:
            self.summary.updated += 1
            self._drop_orphans()
        else:
            self.summary.unchanged += 1

    def _unchanged(self, record: FileRecord, item: FoundFile) -> bool:
        if record.size != item.size or record.mtime_ns != item.mtime_ns or record.doc_id is None:
            return False
        doc = self.catalog.document(record.doc_id)
        return doc is not None and doc.extractor == self.signature

    def _extract_all(
        self,
        todo: dict[str, list[FoundFile]],
        known: dict[str, FileRecord],
        progress: ProgressFn | None,
    ) -> None:
        """Read files in worker processes, OCR their scanned pages one page per task (so both
        cores stay busy even when one long scan is all that is left), and finish OCR'd files
        in a worker too. Results go to the writer as they come."""
        if not todo:
            return
        ocr_ready = self._check_ocr()
        entities.prepare()  # before the workers fork, so they share it
        batch = Batch(self.store, self.signature, self.commit_every)
        # future -> (sha, what: READ, FINISH or the number of a page being OCR'd)
        pending: dict[Future[object], tuple[str, int]] = {}
        drafts: dict[str, tuple[Draft, set[int], dict[int, str]]] = {}
        tasks: deque[tuple[Callable[..., object], tuple[object, ...], str, int]] = deque()
        files = iter(todo.items())
        done = pages = 0
        pool = ProcessPool(
            max_workers=self.workers, initializer=_limit_memory, initargs=(self.memory_mb,)
        )

        def written(result: Extraction | Failure, prepared: Prepared | None, sha: str) -> None:
            nonlocal done, pages
            self._write(batch, result, prepared, todo[sha], known)
            done += 1
            pages += len(result.pages) if isinstance(result, Extraction) else 0
            if progress:
                progress(done, len(todo), pages)

        def fill() -> None:
            # a few tasks queued per worker, so workers need not wait while the writer works
            while len(pending) < self.workers * IN_FLIGHT_PER_WORKER:
                batch.make_room()
                if tasks:
                    function, args, sha, what = tasks.popleft()
                elif (item := next(files, None)) is not None:
                    sha, found = item
                    function, args, what = (
                        read_task,
                        (found[0].path, sha, self.options, ocr_ready),
                        READ,
                    )
                else:
                    return
                pending[pool.schedule(function, args=args, timeout=self.timeout)] = (sha, what)

        try:
            fill()
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    sha, what = pending.pop(future)
                    if what in (READ, FINISH):
                        outcome = self._result(future, sha, todo[sha][0].size)
                        if isinstance(outcome, Draft):
                            drafts[sha] = (outcome, {n for n, _ in outcome.ocr_pages}, {})
                            path = todo[sha][0].path
                            tasks.extend(
                                (ocr_page, (path, n, dpi, self.options), sha, n)
                                for n, dpi in outcome.ocr_pages
                            )
                        elif isinstance(outcome, Failure):
                            written(outcome, None, sha)
                        else:
                            written(*outcome, sha)
                        continue
                    draft, remaining, texts = drafts[sha]
                    try:
                        texts[what] = future.result()  # type: ignore[assignment]
                    except Exception as exc:  # the page stays a scan without text
                        name = todo[sha][0].name
                        self.summary.warnings.append(f"{name} p. {what}: OCR failed ({exc!r})")
                    remaining.discard(what)
                    if not remaining:
                        del drafts[sha]
                        tasks.appendleft((finish_task, (draft, texts), sha, FINISH))
                fill()
                batch.maybe_commit()
            # the pool's threads poll for messages, taking turns at the GIL with the commit
            pool.stop()
            pool.join()
            batch.commit()
        except BaseException:
            batch.cancel()
            raise
        finally:
            pool.stop()
            pool.join()

    def _extract_on_cluster(
        self,
        todo: dict[str, list[FoundFile]],
        known: dict[str, FileRecord],
        progress: ProgressFn | None,
    ) -> None:
        """Extract on a Dask cluster, whole files as bytes, so its workers need no access to
        these folders; results stream back to the single writer here. Per-file limits are the
        cluster's own (a Dask worker's memory limit)."""
        from distributed import Client, as_completed

        if not todo:
            return
        options = Options(ocr=self.options.ocr, ocr_cache=None)
        batch = Batch(self.store, self.signature, self.commit_every)
        done = pages = 0
        client = Client(self.scheduler)
        try:
            in_flight = max(2, 2 * sum(client.nthreads().values()))
            queue = iter(todo.items())
            running = as_completed()

            def submit_next() -> None:
                batch.make_room()
                item = next(queue, None)
                if item is not None:
                    sha, files = item
                    data = files[0].path.read_bytes()
                    name = files[0].path.stem
                    future = client.submit(
                        extract_task, data, sha, name, options, key=f"extract-{sha}"
                    )
                    running.add(future)

            for _ in range(in_flight):
                submit_next()
            for future in running:
                sha = future.key.removeprefix("extract-")
                prepared = None
                try:
                    result, prepared = future.result()
                except Exception as exc:  # the cluster lost the task: record it, go on
                    result = Failure(
                        sha, todo[sha][0].size, f"extraction failed on the cluster: {exc!r}"
                    )
                self._write(batch, result, prepared, todo[sha], known)
                done += 1
                pages += len(result.pages) if isinstance(result, Extraction) else 0
                if progress:
                    progress(done, len(todo), pages)
                future.release()
                submit_next()
                batch.maybe_commit()
            batch.commit()
        except BaseException:
            batch.cancel()
            raise
        finally:
            client.close()

    def _result(self, future: Future[object], sha: str, size: int) -> Result | Draft | Failure:
        """The worker's result, or a Failure that says which limit the file ran into."""
        try:
            return future.result()  # type: ignore[return-value]
        except TimeoutError:
            reason = f"took longer than the {self.timeout:g} s allowed per file (see --timeout)"
        except MemoryError:
            reason = f"needed more than the {self.memory_mb} MB allowed per file (see --memory)"
        except ProcessExpired as exc:
            reason = (
                f"the reader crashed (exit code {exc.exitcode}), possibly out of the "
                f"{self.memory_mb} MB allowed per file (see --memory)"
            )
        except Exception as exc:  # a bug or a library failing on a hostile file: record, go on
            reason = f"extraction failed: {type(exc).__name__}: {exc}"
        return Failure(sha, size, reason)

    def _check_ocr(self) -> bool:
        """Whether scanned pages can be OCR'd; a missing Tesseract is reported once."""
        if self.options.ocr == "off":
            return False
        try:
            ocr.check_tesseract()
        except OcrUnavailable as exc:
            self.summary.warnings.append(str(exc))
            return False
        return True

    def _write(
        self,
        batch: Batch,
        result: Extraction | Failure,
        prepared: Prepared | None,
        files: list[FoundFile],
        known: dict[str, FileRecord],
    ) -> None:
        first = files[0]
        replaced = any(str(f.path) in known for f in files)
        batch.add(result, prepared, files)
        if isinstance(result, Extraction):
            self.summary.pages += len(result.pages)
            self.summary.ocr_pages += sum(p.ocr for p in result.pages)
            self.summary.unread_pages += sum(
                needs_ocr(p, self.options.ocr) and not p.ocr for p in result.pages
            )
            if replaced:
                self.summary.updated += 1
            else:
                self.summary.added += 1
            hiding = {p.number: sum(1 for r in p.redactions if r.hidden) for p in result.pages}
            if any(hiding.values()):
                self.summary.unapplied_redactions.append(
                    {
                        "file": first.name,
                        "document": result.doc_id,
                        "boxes": sum(hiding.values()),
                        "pages": [number for number, boxes in hiding.items() if boxes],
                    }
                )
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
    """Results written since the last commit, with what to do once they are committed.

    A full batch commits in a background thread while the workers go on; results that come
    in meanwhile wait for the next writer, which can only open once the commit has released
    the index. Whoosh's commit is Python and holds the GIL, but the main thread has little
    else to do than hand out tasks and collect results. When a whole batch is waiting, the
    writer is what limits the run, and ``make_room`` waits for the commit."""

    def __init__(self, store: Store, extractor: str, pages: int) -> None:
        self.store = store
        self.extractor = extractor
        self.pages = pages  # commit when the batch holds this many pages
        self.writing: Writing = store.writing(extractor)
        self.held = 0
        self.callbacks: list[Callable[[], None]] = []
        self.started = time.monotonic()
        self._committing: _Commit | None = None
        self._waiting: list[tuple[Extraction | Failure, list[FileRecord], Prepared | None]] = []
        self._waiting_pages = 0

    def add(
        self, result: Extraction | Failure, prepared: Prepared | None, files: list[FoundFile]
    ) -> None:
        records = [_record(f, result.doc_id) for f in files]
        pages = max(1, len(result.pages) if isinstance(result, Extraction) else 0)
        if self._settled(block=False):
            self.writing.add(result, records, prepared)
        else:
            self._waiting.append((result, records, prepared))
            self._waiting_pages += pages
        self.held += pages

    def after_commit(self, callback: Callable[[], None]) -> None:
        self.callbacks.append(callback)

    def make_room(self) -> None:
        """Before handing out more work: wait for the running commit if a batch's worth of
        results already waits for it, so memory stays bounded."""
        if self._committing is not None and self._waiting_pages >= self.pages:
            self._settled(block=True)

    def maybe_commit(self) -> None:
        if not self._settled(block=False):
            return
        if self.held >= self.pages or time.monotonic() - self.started >= COMMIT_EVERY_SECONDS:
            self._start_commit()

    def commit(self) -> None:
        """Commit everything added, and wait for it."""
        self._settled(block=True)
        self._start_commit()
        self._settled(block=True)

    def cancel(self) -> None:
        """Give up what is not committed (the next run redoes it) and release the index. A
        commit that was running is let finish, and what it owes its callbacks is done."""
        commit, self._committing = self._committing, None
        self._waiting, self._waiting_pages = [], 0
        if commit is not None and commit.thread.ident is None:  # never started
            commit.writing.cancel()
            commit = None
        if commit is not None:
            commit.thread.join()
        self.writing.cancel()
        if commit is not None and commit.error is None:
            for callback in commit.callbacks:
                callback()

    def _start_commit(self) -> None:
        if not self.held and not self.callbacks:
            self.started = time.monotonic()  # nothing to commit
            return
        commit = _Commit(self.writing, self.callbacks)
        self._committing = commit
        self.writing = self.store.writing(self.extractor)
        self.callbacks, self.held = [], 0
        self.started = time.monotonic()
        commit.thread.start()

    def _settled(self, *, block: bool) -> bool:
        """Whether no commit is running (after waiting for it, with ``block``). A finished
        commit's callbacks run here, and the results that waited go to the new writer."""
        commit = self._committing
        if commit is None:
            return True
        if commit.thread.is_alive() and not block:
            return False
        commit.thread.join()
        self._committing = None
        if commit.error is not None:
            raise commit.error
        for callback in commit.callbacks:
            callback()
        waiting, self._waiting, self._waiting_pages = self._waiting, [], 0
        for result, records, prepared in waiting:
            self.writing.add(result, records, prepared)
        return True


class _Commit:
    """A batch committing in a thread of its own."""

    def __init__(self, writing: Writing, callbacks: list[Callable[[], None]]) -> None:
        self.writing = writing
        self.callbacks = callbacks
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="commit")

    def _run(self) -> None:
        try:
            self.writing.commit()
        except BaseException as exc:  # handed to the main thread, which stops the run
            self.error = exc


def _record(item: FoundFile, doc_id: str | None) -> FileRecord:
    error = None if doc_id else "cannot read the file"
    return FileRecord(
        str(item.path), item.name, item.collection, doc_id, item.size, item.mtime_ns, error
    )
