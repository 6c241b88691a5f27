"""Page image rendering: time to render a page to PNG at the site's sizes, uncached, with
each file opened anew for every page and with the server's renderer, which keeps the last
few files open.

    .venv/bin/python bench/render_speed.py sample_docs [--pages 30]
    .venv/bin/python bench/render_speed.py ../shared/real_corpus/pdfs --pages 60

Prints the median and the slowest time per size over pages drawn from every file.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from app.images import WIDTHS
from indexer import pdf
from indexer.errors import PdfReadError


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path)
    parser.add_argument("--pages", type=int, default=30, help="pages to render per size")
    args = parser.parse_args()
    files = sorted(p for p in args.source.rglob("*") if p.suffix.lower() == ".pdf")
    targets = []
    for path in files:
        try:
            count = len(pdf.read_document(path)[1])
        except PdfReadError:
            continue
        targets += [(path, n) for n in range(1, count + 1)]
    step = max(1, len(targets) // args.pages)
    chosen = targets[::step][: args.pages]
    for label, keep in (("opened for each page", 0), ("kept open (the server)", 8)):
        renderer = pdf.PageRenderer(keep=keep)
        for size, width in WIDTHS.items():
            times = []
            for path, number in chosen:
                start = time.perf_counter()
                renderer.png(path, number, width)
                times.append(time.perf_counter() - start)
            print(
                f"{label}, {size} ({width} px): median {statistics.median(times) * 1000:.1f} "
                f"ms, slowest {max(times) * 1000:.0f} ms over {len(times)} pages"
            )
        renderer.close()


if __name__ == "__main__":
    main()
