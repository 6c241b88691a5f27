"""Extraction in worker processes on this machine.

A file is read in one task. Each page that needs OCR is a task of its own, so that every core
stays busy even when one long scan is all that is left, and a file whose pages were OCR'd is
finished (its entities found, its search record analysed) in one more task. Each task runs
under the per-file limits; results go to the writer as they come.
"""

from __future__ import annotations

import re
import resource
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, TimeoutError, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from ..extract import Draft, Options, finish, ocr_page, read
from ..models import Failure
from .batches import Batch, Outcome
from .changes import FoundFile

# Per-file limits. Text layers read at hundreds of pages a second, and a scanned page takes
# about 2 s of OCR, so ten minutes covers some 300 scanned pages; a file that needs longer is
# pathological or needs --timeout. The memory limit caps what a worker's address space may grow
# by past the size it is forked at (the parent's, which it shares: in a long-lived parent such
# as a test run that alone can pass any fixed cap, and SQLite's shared-memory map then fails
# as "disk I/O error"). On the real
# corpus (56 files, 835 pages, 289 of them OCR'd; two workers) workers peaked at 280 MB
# resident and 520 MB of address space (the kernel's VmHWM and VmPeak, polled from /proc
# during the run), so the limit leaves room for a larger scan while keeping any one file from
# taking the machine's memory.
DEFAULT_TIMEOUT = 600.0
DEFAULT_MEMORY_MB = 1536
# Tasks queued per worker: enough that workers go on while the writer files a large document.
IN_FLIGHT_PER_WORKER = 3

T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    """What one file may take of a worker process: ``seconds`` per task, and ``memory_mb`` of
    address space beyond what the worker starts with."""

    seconds: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB

    def result(self, future: Future[T], sha: str, size: int) -> T | Failure:
        """The task's result, or a Failure that says which limit the file ran into."""
        try:
            return future.result()
        except TimeoutError:
            reason = f"took longer than the {self.seconds:g} s allowed per file (see --timeout)"
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


# The tasks, each naming the file by its SHA-256.
@dataclass(frozen=True)
class Read:
    """Read a file's text layer."""

    sha: str


@dataclass(frozen=True)
class OcrPage:
    """OCR one page of a file that was read."""

    sha: str
    number: int
    dpi: int


@dataclass(frozen=True)
class Finish:
    """Finish a file whose pages were OCR'd, with their text."""

    sha: str
    draft: Draft
    texts: dict[int, str]


Task = Read | OcrPage | Finish


@dataclass
class _Scan:
    """A file whose pages are being OCR'd."""

    draft: Draft
    remaining: set[int]
    texts: dict[int, str] = field(default_factory=dict)


def read_task(path: Path, sha256: str, options: Options, ocr_ready: bool) -> Outcome | Draft:
    """Worker task: read a file. A file with pages to OCR comes back as a Draft when Tesseract
    is there to read them, else finished without their text."""
    result = read(path, sha256, options)
    if isinstance(result, Draft):
        return result if ocr_ready else Outcome.of(finish(result, {}))
    return Outcome.of(result)


def finish_task(draft: Draft, texts: dict[int, str]) -> Outcome:
    """Worker task: finish a file whose pages were OCR'd."""
    return Outcome.of(finish(draft, texts))


def _limit_memory(megabytes: int) -> None:
    """Worker initializer: cap the address space so one file cannot exhaust the machine."""
    limit = _address_space() + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _address_space() -> int:
    """This process's address space in bytes (VmSize), 0 where /proc does not say."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmSize:\s+(\d+) kB", status, re.MULTILINE)
    return int(found[1]) * 1024 if found else 0


class LocalWorkers:
    """One run's extraction in a pool of worker processes. Files are read in the order of
    ``todo``; the pages to OCR queue behind the files being read, and a file ready to finish
    goes first. ``deliver`` gets each file's outcome by its SHA-256."""

    def __init__(
        self,
        todo: dict[str, list[FoundFile]],
        *,
        options: Options,
        limits: Limits,
        workers: int,
        ocr_ready: bool,
        batch: Batch,
        deliver: Callable[[str, Outcome], None],
        warn: Callable[[str], None],
    ) -> None:
        self.todo = todo
        self.options = options
        self.limits = limits
        self.workers = workers
        self.ocr_ready = ocr_ready
        self.batch = batch
        self.deliver = deliver
        self.warn = warn
        self._files = iter(todo)
        self._tasks: deque[Task] = deque()  # handed out before the next file is read
        self._pending: dict[Future[Any], Task] = {}  # what a future holds depends on its task
        self._scans: dict[str, _Scan] = {}

    def run(self) -> None:
        pool = ProcessPool(
            max_workers=self.workers,
            initializer=_limit_memory,
            initargs=(self.limits.memory_mb,),
        )
        try:
            self._fill(pool)
            while self._pending:
                finished, _ = wait(self._pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    self._collect(self._pending.pop(future), future)
                self._fill(pool)
                self.batch.maybe_commit()
        finally:
            # stopped before the last commit: the pool's threads poll for messages, taking
            # turns at the GIL with the commit
            pool.stop()
            pool.join()

    def _fill(self, pool: ProcessPool) -> None:
        """Queue a few tasks per worker, so that workers need not wait while the writer works."""
        while len(self._pending) < self.workers * IN_FLIGHT_PER_WORKER:
            self.batch.make_room()
            task = self._tasks.popleft() if self._tasks else self._next_read()
            if task is None:
                return
            future = pool.schedule(*self._call(task), timeout=self.limits.seconds)
            self._pending[future] = task

    def _next_read(self) -> Read | None:
        sha = next(self._files, None)
        return None if sha is None else Read(sha)

    def _call(self, task: Task) -> tuple[Callable[..., object], tuple[object, ...]]:
        """The function a task runs in a worker, and its arguments."""
        path = self.todo[task.sha][0].path
        match task:
            case Read(sha):
                return read_task, (path, sha, self.options, self.ocr_ready)
            case OcrPage(_, number, dpi):
                return ocr_page, (path, number, dpi, self.options)
            case Finish(_, draft, texts):
                return finish_task, (draft, texts)

    def _collect(self, task: Task, future: Future[Any]) -> None:
        if isinstance(task, OcrPage):
            self._page_read(task, future)
            return
        outcome: Outcome | Draft | Failure = self.limits.result(
            future, task.sha, self.todo[task.sha][0].size
        )
        if isinstance(outcome, Draft):
            self._scans[task.sha] = _Scan(outcome, {n for n, _ in outcome.ocr_pages})
            self._tasks.extend(OcrPage(task.sha, n, dpi) for n, dpi in outcome.ocr_pages)
        elif isinstance(outcome, Failure):
            self.deliver(task.sha, Outcome(outcome, None))
        else:
            self.deliver(task.sha, outcome)

    def _page_read(self, task: OcrPage, future: Future[str]) -> None:
        """Keep a page's OCR text; the file's last page queues the file to finish."""
        scan = self._scans[task.sha]
        try:
            scan.texts[task.number] = future.result()
        except Exception as exc:  # the page stays a scan without text
            name = self.todo[task.sha][0].name
            self.warn(f"{name} p. {task.number}: OCR failed ({exc!r})")
        scan.remaining.discard(task.number)
        if not scan.remaining:
            del self._scans[task.sha]
            self._tasks.appendleft(Finish(task.sha, scan.draft, scan.texts))
