"""Batches: extracted files on their way into the index, committed every so many pages or
seconds, each commit in a thread of its own while the workers go on."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..catalog import FileRecord
from ..curated import Curated
from ..models import Extraction, Failure
from ..store import Prepared, Store, Writing, prepare
from .changes import FoundFile

# A commit makes a Whoosh segment. Large ones are cheaper: Whoosh merges segments (see
# index/writing.py) at about the cost of indexing their documents again, so batches of
# 200 documents had the 100,000-page benchmark build copy most documents several times.
# Thirty seconds bounds what a crash can lose; ten thousand pages bounds the batch's memory.
COMMIT_EVERY_PAGES = 10_000
COMMIT_EVERY_SECONDS = 30.0


@dataclass(frozen=True)
class Outcome:
    """A file's result with what the writer needs of it (``prepared`` for an extraction),
    made in the worker so that the single writer has less to do."""

    result: Extraction | Failure
    prepared: Prepared | None

    @classmethod
    def of(cls, result: Extraction | Failure) -> Outcome:
        return cls(result, prepare(result) if isinstance(result, Extraction) else None)


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
        self._waiting: list[tuple[Outcome, list[FileRecord], Curated | None]] = []
        self._waiting_pages = 0

    def add(self, outcome: Outcome, files: list[FoundFile], curated: Curated | None) -> None:
        """Add a file's outcome, for all the paths with its content, with the values a
        readingroom.csv sets for them."""
        result = outcome.result
        error = None if result.doc_id else "cannot read the file"
        records = [f.record(result.doc_id, error) for f in files]
        pages = max(1, len(result.pages) if isinstance(result, Extraction) else 0)
        if self._settled(block=False):
            self.writing.add(result, records, outcome.prepared, curated)
        else:
            self._waiting.append((outcome, records, curated))
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
        for outcome, records, curated in waiting:
            self.writing.add(outcome.result, records, outcome.prepared, curated)
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
