"""Page image rendering: time to render a page to PNG at the site's sizes, uncached.

    .venv/bin/python bench/render_speed.py sample_docs [--pages 30]

Prints the median and the slowest time per size over pages drawn from every file.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from app.images import WIDTHS
from indexer import pdf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path)
    parser.add_argument("--pages", type=int, default=30, help="pages to render per size")
    args = parser.parse_args()
    files = sorted(p for p in args.source.rglob("*") if p.suffix.lower() == ".pdf")
    targets = []
    for path in files:
        try:
            count = pdf.page_count(path)
        except pdf.PdfReadError:
            continue
        targets += [(path, n) for n in range(1, count + 1)]
    step = max(1, len(targets) // args.pages)
    chosen = targets[::step][: args.pages]
    for size, width in WIDTHS.items():
        times = []
        for path, number in chosen:
            start = time.perf_counter()
            pdf.render_png(path, number, width)
            times.append(time.perf_counter() - start)
        print(
            f"{size} ({width} px): median {statistics.median(times) * 1000:.0f} ms, "
            f"slowest {max(times) * 1000:.0f} ms over {len(times)} pages"
        )


if __name__ == "__main__":
    main()
