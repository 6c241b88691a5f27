"""What a run did, counted as it goes: the summary it ends with and the progress it reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..extract import needs_ocr
from ..models import Extraction, Failure

ProgressFn = Callable[[int, int, int], None]  # files done, files to do, pages done


@dataclass
class Summary:
    """What a run did: printed by ``readingroom index`` and kept with the run in the catalog."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    # documents written again, from the catalog, because the curated values a readingroom.csv
    # sets for them changed (their PDFs were not read)
    curated: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    pages: int = 0
    ocr_pages: int = 0
    unread_pages: int = 0  # pages that needed OCR and did not get it
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    # files whose boxes cover text the PDF still carries (left out of the index)
    unapplied_redactions: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "curated": self.curated,
            "failed": self.failed,
            "pages": self.pages,
            "ocr_pages": self.ocr_pages,
            "unread_pages": self.unread_pages,
            "seconds": round(self.seconds, 2),
            "warnings": self.warnings,
            "unapplied_redactions": self.unapplied_redactions,
        }

    def fail(self, name: str, reason: str) -> None:
        self.failed.append({"file": name, "reason": reason})

    def count(
        self, result: Extraction | Failure, name: str, *, replaced: bool, ocr_mode: str
    ) -> None:
        """Count an extracted file, ``name`` as users know it; ``replaced``: one of its paths
        held another document before."""
        if isinstance(result, Failure):
            self.fail(name, result.reason)
            return
        self.pages += len(result.pages)
        self.ocr_pages += sum(p.ocr for p in result.pages)
        self.unread_pages += sum(needs_ocr(p, ocr_mode) and not p.ocr for p in result.pages)
        if replaced:
            self.updated += 1
        else:
            self.added += 1
        hiding = {p.number: sum(1 for r in p.redactions if r.hidden) for p in result.pages}
        if any(hiding.values()):
            self.unapplied_redactions.append(
                {
                    "file": name,
                    "document": result.doc_id,
                    "boxes": sum(hiding.values()),
                    "pages": [number for number, boxes in hiding.items() if boxes],
                }
            )


@dataclass
class Tally:
    """Files and pages extracted so far, told to ``report`` after each file."""

    report: ProgressFn | None
    total: int
    files: int = 0
    pages: int = 0

    def count(self, result: Extraction | Failure) -> None:
        self.files += 1
        self.pages += len(result.pages) if isinstance(result, Extraction) else 0
        if self.report:
            self.report(self.files, self.total, self.pages)
