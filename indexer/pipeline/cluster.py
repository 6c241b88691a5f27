"""Extraction on a Dask cluster (``--scheduler``): whole files sent as bytes, so that its
workers need no access to these folders; results stream back to the single writer here.
Per-file limits are the cluster's own (a Dask worker's memory limit)."""

from __future__ import annotations

from collections.abc import Callable

from ..extract import Options, extract_bytes
from ..models import Failure
from .batches import Batch, Outcome
from .changes import FoundFile


def extract_task(data: bytes, sha256: str, name: str, options: Options) -> Outcome:
    """Cluster task: a whole file."""
    return Outcome.of(extract_bytes(data, sha256, name, options))


def extract_on_cluster(
    address: str,
    todo: dict[str, list[FoundFile]],
    *,
    ocr_mode: str,
    batch: Batch,
    deliver: Callable[[str, Outcome], None],
) -> None:
    """Extract the files of ``todo`` on the cluster whose scheduler is at ``address``, a few
    per thread in flight; ``deliver`` gets each file's outcome by its SHA-256."""
    from distributed import Client, as_completed  # an optional dependency

    options = Options(ocr=ocr_mode, ocr_cache=None)  # the index's OCR cache is not there
    client = Client(address)
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
                running.add(
                    client.submit(extract_task, data, sha, name, options, key=f"extract-{sha}")
                )

        for _ in range(in_flight):
            submit_next()
        for future in running:
            sha = future.key.removeprefix("extract-")
            try:
                outcome = future.result()
            except Exception as exc:  # the cluster lost the task: record it, go on
                reason = f"extraction failed on the cluster: {exc!r}"
                outcome = Outcome(Failure(sha, todo[sha][0].size, reason), None)
            deliver(sha, outcome)
            future.release()
            submit_next()
            batch.maybe_commit()
    finally:
        client.close()
