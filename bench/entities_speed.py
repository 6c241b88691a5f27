"""Entity extraction speed: pages per second of ``indexer.entities.analyse`` on one core, over
the text layers of the real corpus (../shared/real_corpus/pdfs).

    .venv/bin/python bench/entities_speed.py [PDF_DIR]

Every text page is read once (OCR off); then ``analyse`` alone is timed over all documents,
three times, after one warm-up pass that also loads the agency gazetteer. Prints the median.
The target is above 500 pages/s (text layers are read at about 950 pages/s per core).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.entities import analyse  # noqa: E402
from indexer.entities.agencies import gazetteer  # noqa: E402
from indexer.extract import extract  # noqa: E402
from indexer.models import Extraction  # noqa: E402


def read(directory: Path) -> list[list]:
    try:
        from indexer.extract import Options

        options = {"options": Options(ocr="off")}
    except ImportError:  # pragma: no cover
        options = {}
    documents = []
    for path in sorted(directory.glob("*.pdf")):
        result = extract(path, **options)
        if isinstance(result, Extraction):
            pages = [p for p in result.pages if p.text.strip() and not p.image_only]
            if pages:
                documents.append(pages)
    return documents


def main() -> None:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/real_corpus/pdfs"
    documents = read(directory)
    pages = sum(len(d) for d in documents)
    started = time.perf_counter()
    gazetteer()
    load = time.perf_counter() - started
    for pages_of_one in documents:  # warm-up
        analyse(pages_of_one)
    rates = []
    for _ in range(3):
        started = time.perf_counter()
        for pages_of_one in documents:
            analyse(pages_of_one)
        rates.append(pages / (time.perf_counter() - started))
    print(
        f"{len(documents)} documents, {pages} text pages; gazetteer load {load:.2f} s; "
        f"analyse: {statistics.median(rates):,.0f} pages/s (median of 3; "
        f"{', '.join(f'{r:,.0f}' for r in rates)})"
    )


if __name__ == "__main__":
    main()
