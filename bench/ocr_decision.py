"""What deciding whether a page needs OCR costs on text pages: ``ocr_reason`` (is it a scan,
a stamp over a scan, a garbled layer?) per text-layer page of the real corpora, on one core.

    .venv/bin/python bench/ocr_decision.py [PDF_DIR ...]

Each page is read once with PDFium (its text, and how much of a page-sized image its text
covers, found during the object walk the reader makes anyway); then the decision alone is
timed on every page whose layer is not a bare scan, five times, after a warm-up pass that loads
the English word list. Prints the median, 95th percentile and largest per-page cost of the
fastest pass. The target is under 1 ms a page.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import ocr  # noqa: E402
from indexer.extract import ocr_reason  # noqa: E402
from indexer.pdf import RawPage, read_document  # noqa: E402

SHARED = ROOT.parent / "shared"
DEFAULT = [SHARED / "real_corpus" / "pdfs", SHARED / "real_corpus_2" / "pdfs"]


def text_pages(folders: list[Path]) -> list[RawPage]:
    pages = []
    for folder in folders:
        for path in sorted(folder.glob("*.pdf")):
            try:
                raws = read_document(path)[1]
            except Exception:  # encrypted or broken files: the indexer reports them
                continue
            pages += [raw for raw in raws if not raw.image_only and raw.text.strip()]
    return pages


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:]] or DEFAULT
    pages = text_pages(folders)
    ocr.english_words()
    for raw in pages:
        ocr_reason(raw)
    passes = []
    for _ in range(5):
        costs = []
        for raw in pages:
            start = time.perf_counter()
            ocr_reason(raw)
            costs.append(time.perf_counter() - start)
        passes.append(costs)
    best = min(passes, key=sum)
    ms = sorted(cost * 1000 for cost in best)
    decided = sum(bool(ocr_reason(raw)) for raw in pages)
    print(
        f"{len(pages)} text pages ({decided} sent to OCR): per page median "
        f"{statistics.median(ms):.3f} ms, p95 {ms[int(0.95 * (len(ms) - 1))]:.3f} ms, "
        f"max {ms[-1]:.3f} ms; {sum(ms) / len(ms):.3f} ms mean"
    )


if __name__ == "__main__":
    main()
