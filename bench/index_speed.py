"""Indexing speed: a full index of a folder without OCR (text-layer pages), the same with
OCR (the difference is the OCR pages' cost), a no-change re-index, and plain text
extraction of the same files (PDFium, pdfplumber and poppler's pdftotext, one process), all
in the same run.

    .venv/bin/python bench/index_speed.py sample_docs [--workers 2] [--repeat 3] [--ocr-repeat 1]
    .venv/bin/python bench/index_speed.py sample_docs --copies 12 --ocr-repeat 0

``--copies N`` indexes N copies of every file instead, each made distinct by a comment after
its end (so none is deduplicated): a longer run, where the fixed start matters less.
``--text-layer-only`` indexes only the files whose every page has a usable text layer (no page
to OCR), to time text-layer pages apart from the scans mixed into a real release.

Prints medians. Figures are recorded in docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from indexer.extract import Options, read
from indexer.models import Extraction
from indexer.pipeline import Indexer
from indexer.store import Store, Writing


def full_index(source: Path, workers: int, ocr: str) -> tuple[float, int, int, float, float]:
    """Seconds for a first index into an empty directory, pages, OCR'd pages, seconds for a
    second run over the unchanged files, and seconds the first spent writing (``Writing``'s
    add and commit, in the main process)."""
    directory = Path(tempfile.mkdtemp(prefix="bench-index-"))
    writing = [0.0]
    originals = {name: getattr(Writing, name) for name in ("add", "commit")}

    def timed(method: Callable[..., None]) -> Callable[..., None]:
        def run(*args: object, **kwargs: object) -> None:
            began = time.perf_counter()
            method(*args, **kwargs)
            writing[0] += time.perf_counter() - began

        return run

    try:
        for name, method in originals.items():
            setattr(Writing, name, timed(method))
        store = Store(directory, writable=True)
        start = time.perf_counter()
        summary = Indexer(store, workers=workers, ocr_mode=ocr).run([source])
        first = time.perf_counter() - start
        written = writing[0]
        start = time.perf_counter()
        Indexer(store, workers=workers, ocr_mode=ocr).run([source])
        again = time.perf_counter() - start
        store.close()
        return first, summary.pages, summary.ocr_pages, again, written
    finally:
        for name, method in originals.items():
            setattr(Writing, name, method)
        shutil.rmtree(directory, ignore_errors=True)


def pdfium_text(files: list[Path]) -> tuple[float, int]:
    start, pages = time.perf_counter(), 0
    for path in files:
        try:
            doc = pdfium.PdfDocument(str(path), password="")
        except pdfium.PdfiumError:
            continue
        for page in doc:
            page.get_textpage().get_text_range()
            pages += 1
        doc.close()
    return time.perf_counter() - start, pages


def pdfplumber_text(files: list[Path]) -> tuple[float, int]:
    start, pages = time.perf_counter(), 0
    for path in files:
        try:
            with pdfplumber.open(str(path), password="") as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.close()
                    pages += 1
        except Exception:  # a benchmark of readers: unreadable files are simply skipped
            continue
    return time.perf_counter() - start, pages


def pdftotext(files: list[Path]) -> tuple[float, int]:
    """Seconds for poppler's pdftotext over every file, one after another, and its pages."""
    start, pages = time.perf_counter(), 0
    for path in files:
        done = subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True, check=False)
        if done.returncode == 0:
            pages += done.stdout.count(b"\f")
    return time.perf_counter() - start, pages


def copies(source: Path, count: int) -> Path:
    """A temporary folder with ``count`` distinct copies of every PDF under ``source``."""
    folder = Path(tempfile.mkdtemp(prefix="bench-copies-"))
    for path in sorted(source.rglob("*.pdf")):
        data = path.read_bytes()
        for k in range(count):
            target = folder / f"copy-{k:03d}" / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data + f"\n%copy {k}\n".encode())
    return folder


def text_layer_only(source: Path) -> Path:
    """A temporary folder linking to the PDFs under ``source`` that have no page to OCR."""
    folder = Path(tempfile.mkdtemp(prefix="bench-text-"))
    for path in sorted(source.rglob("*.pdf")):
        if isinstance(read(path, options=Options(ocr="auto")), Extraction):
            target = folder / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(path.resolve())
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ocr-repeat", type=int, default=1, help="runs with OCR (0: none)")
    parser.add_argument("--skip-pdfplumber", action="store_true")
    parser.add_argument("--copies", type=int, default=0, help="index N distinct copies")
    parser.add_argument("--text-layer-only", action="store_true", help="files with no scan")
    args = parser.parse_args()
    if args.text_layer_only:
        args.source = text_layer_only(args.source)
    if args.copies:
        args.source = copies(args.source, args.copies)
    files = sorted(p for p in args.source.rglob("*") if p.suffix.lower() == ".pdf")
    runs = [full_index(args.source, args.workers, "off") for _ in range(args.repeat)]
    seconds = statistics.median(r[0] for r in runs)
    pages = runs[0][1]
    again = statistics.median(r[3] for r in runs)
    written = statistics.median(r[4] for r in runs)
    print(f"files: {len(files)}, pages: {pages}")
    print(
        f"full index, no OCR ({args.workers} workers): {seconds:.2f} s, "
        f"{pages / seconds:.0f} pages/s (pages without a text layer are recorded, not read); "
        f"writing {written:.2f} s of it"
    )
    print(f"no-change re-index: {again:.2f} s")
    if args.ocr_repeat:
        ocr_runs = [full_index(args.source, args.workers, "auto") for _ in range(args.ocr_repeat)]
        with_ocr = statistics.median(r[0] for r in ocr_runs)
        ocr_pages = ocr_runs[0][2]
        extra = with_ocr - seconds
        print(
            f"pages with a usable text layer: {pages - ocr_pages}, "
            f"{(pages - ocr_pages) / seconds:.0f} per second of the no-OCR index"
        )
        print(
            f"full index with OCR: {with_ocr:.2f} s; {ocr_pages} OCR'd pages in the extra "
            f"{extra:.2f} s: {ocr_pages / extra:.2f} OCR pages/s"
        )
    t, n = min(pdfium_text(files) for _ in range(args.repeat))
    print(f"PDFium get_text_range, 1 process: {n / t:.0f} pages/s")
    if not args.skip_pdfplumber:
        t, n = pdfplumber_text(files)
        print(f"pdfplumber extract_text, 1 process: {n / t:.0f} pages/s")
    if shutil.which("pdftotext"):
        t, n = min(pdftotext(files) for _ in range(args.repeat))
        print(f"poppler pdftotext, 1 process: {n / t:.0f} pages/s")
    else:
        print("poppler pdftotext: not installed (apt-get install poppler-utils)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: main process {peak:.0f} MB, largest worker {children:.0f} MB")


if __name__ == "__main__":
    main()
