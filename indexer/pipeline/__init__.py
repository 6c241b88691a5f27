"""Indexing a release: walk the folders, decide what changed, extract in worker processes
(or on a Dask cluster), and stream the results into the single writer.

Unchanged files (same size and modification time, or the same SHA-256) are never read
twice; identical files become one document with all their paths. A readingroom.csv beside
the files sets curated values over the extracted ones (``indexer.curated``). Work is
committed in batches, Whoosh first and the catalog second (see ``catalog``), so killing the
indexer at any moment loses at most the batch in flight, and the next run picks it up.

    run.py       Indexer: one run, from finding the files to recording the run
    changes.py   walking folders, hashing, deciding what changed
    curation.py  the readingroom.csv row each file gets; rewriting what a changed one changes
    local.py     the worker processes: tasks, their order, the per-file limits
    cluster.py   the same on a Dask cluster
    batches.py   the batch being written, and its commit thread
    summary.py   what the run did, and its progress
"""

from .local import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from .run import Indexer
from .summary import Summary

__all__ = ["DEFAULT_MEMORY_MB", "DEFAULT_TIMEOUT", "Indexer", "Summary"]
