"""One indexing run: find what changed, record what needs no extraction, extract the rest
(here or on a cluster) into batches, prune, and keep the run's summary in the catalog."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

from .. import entities, ocr
from ..catalog import Catalog, FileRecord
from ..errors import OcrUnavailable
from ..extract import Options
from ..store import Store
from .batches import COMMIT_EVERY_PAGES, Batch, Outcome
from .changes import Changes, FoundFile, extractor_signature, find_changes
from .cluster import extract_on_cluster
from .curation import Curation
from .local import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Limits, LocalWorkers
from .summary import ProgressFn, Summary, Tally


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
        self.limits = Limits(timeout, memory_mb)
        self.commit_every = commit_every
        self.scheduler = scheduler  # a Dask scheduler address: extract on its cluster
        self.options = Options(ocr=ocr_mode, ocr_cache=store.layout.ocr_cache)
        self.signature = extractor_signature(ocr_mode)
        self.summary = Summary()

    def run(
        self, roots: list[Path], *, prune: bool = False, progress: ProgressFn | None = None
    ) -> Summary:
        started = datetime.now(UTC)
        clock = time.monotonic()
        self.store.reconcile()
        self._drop_orphans()  # a run stopped between a commit and its clean-up leaves some
        changes = find_changes(
            roots,
            self.catalog,
            self.signature,
            threads=self.workers,
            warn=self.summary.warnings.append,
        )
        curation = Curation(
            changes.sheets, roots, changes.found, self.catalog, self.summary.warnings.append
        )
        touched = self._record_unextracted(changes)
        self._extract(changes.to_extract, changes.before, curation, progress)
        if prune:
            touched |= self._prune(changes.found)
        self.summary.curated = curation.settle(self.store, touched)
        self.summary.seconds = time.monotonic() - clock
        with self.catalog.transaction():
            self.catalog.add_run(
                started.isoformat(timespec="seconds"),
                datetime.now(UTC).isoformat(timespec="seconds"),
                self.summary.as_dict(),
            )
        return self.summary

    def _record_unextracted(self, changes: Changes) -> set[str]:
        """Record the files that need no extraction: unreadable ones with their reason, and
        those whose content is indexed already under their document. Returns the documents
        that gained a path."""
        joined = {
            known.doc_id
            for known in changes.indexed
            if known.file.collection not in self.catalog.collections_of(known.doc_id)
        }
        with self.catalog.transaction():
            for item, reason in changes.unreadable:
                self.catalog.put_file(item.record(None, reason))
            for known in changes.indexed:
                self.catalog.put_file(known.file.record(known.doc_id))
        self.store.refile(sorted(joined))  # their records gain the new collections
        for item, reason in changes.unreadable:
            self.summary.fail(item.name, reason)
        moved = sum(known.moved for known in changes.indexed)
        self.summary.unchanged += changes.unchanged + len(changes.indexed) - moved
        self.summary.updated += moved
        if moved:
            self._drop_orphans()
        return {
            known.doc_id
            for known in changes.indexed
            if changes.before.get(str(known.file.path)) is None or known.moved
        }

    def _extract(
        self,
        todo: dict[str, list[FoundFile]],
        before: dict[str, FileRecord],
        curation: Curation,
        progress: ProgressFn | None,
    ) -> None:
        """Extract the files of ``todo`` and write each as it comes. A file whose path held
        another document replaces it: the old one is dropped once the new one is committed."""
        if not todo:
            return
        batch = Batch(self.store, self.signature, self.commit_every)
        tally = Tally(progress, len(todo))

        def deliver(sha: str, outcome: Outcome) -> None:
            files = todo[sha]
            replaced = any(str(f.path) in before for f in files)
            batch.add(outcome, files, curation.of(str(f.path) for f in files))
            self.summary.count(
                outcome.result, files[0].name, replaced=replaced, ocr_mode=self.options.ocr
            )
            if replaced:
                batch.after_commit(self._drop_orphans)
            tally.count(outcome.result)

        try:
            if self.scheduler:
                extract_on_cluster(
                    self.scheduler, todo, ocr_mode=self.options.ocr, batch=batch, deliver=deliver
                )
            else:
                workers = LocalWorkers(
                    todo,
                    options=self.options,
                    limits=self.limits,
                    workers=self.workers,
                    ocr_ready=self._check_ocr(),
                    batch=batch,
                    deliver=deliver,
                    warn=self.summary.warnings.append,
                )
                entities.prepare()  # before the workers fork, so they share it
                ocr.english_words()  # the word list text layers are judged by, likewise
                workers.run()
            batch.commit()
        except BaseException:
            batch.cancel()
            raise

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

    def _drop_orphans(self) -> None:
        orphans = self.catalog.orphan_documents()
        if orphans:
            self.store.remove_documents(orphans)

    def _prune(self, found: list[FoundFile]) -> set[str]:
        """Forget the files that are gone, and the documents left without one. Returns the
        documents that lost a path and kept another."""
        present = {str(item.path) for item in found}
        gone = [
            path for path in self.catalog.files() if path not in present and not Path(path).exists()
        ]
        if not gone:
            return set()
        before = set(self.catalog.orphan_documents())
        files = self.catalog.files()
        touched = {files[path].doc_id for path in gone if files[path].doc_id}
        with self.catalog.transaction():
            for path in gone:
                self.catalog.delete_file(path)
        orphans = [doc for doc in self.catalog.orphan_documents() if doc not in before]
        self.store.remove_documents(orphans)
        self.summary.removed += len(orphans)
        # documents that keep other files may have left a collection
        kept = {str(doc) for doc in touched - set(orphans) - before}
        self.store.refile(sorted(kept))
        return kept
