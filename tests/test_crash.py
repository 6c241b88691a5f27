"""Killing the indexer at any moment leaves the previous index searchable; the next run
completes the work."""

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from indexer.library import Library, SearchRequest

from .conftest import ROOT, build_index, text_only_samples

SCRIPT = """
import sys
from pathlib import Path
from indexer.pipeline import Indexer
from indexer.store import Store
store = Store(Path(sys.argv[2]), writable=True)
Indexer(store, workers=1, ocr_mode="off", commit_every=1).run([Path(sys.argv[1])])
"""


def committed(index: Path) -> int:
    try:
        lib = Library(index)
    except Exception:
        return 0
    try:
        return lib.status()["documents"]
    finally:
        lib.close()


def test_kill_9_mid_run_keeps_the_index_and_the_next_run_finishes(tmp_path):
    release = tmp_path / "release" / "city"
    release.mkdir(parents=True)
    samples = text_only_samples()[:12]
    for source in samples:
        shutil.copy(source, release / source.name)
    index = tmp_path / "index"
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(release.parent), str(index)], cwd=ROOT
    )
    deadline = time.monotonic() + 60
    while committed(index) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    before = committed(index)
    assert before >= 3
    lib = Library(index)
    try:
        assert lib.search(SearchRequest()).total == before  # searchable, and nothing half-done
    finally:
        lib.close()
    summary = build_index([release.parent], index, ocr="off")
    assert summary["failed"] == []
    assert summary["added"] + summary["unchanged"] == len(samples)
    lib = Library(index)
    try:
        assert lib.search(SearchRequest()).total == len(samples)
    finally:
        lib.close()
