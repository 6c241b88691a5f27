"""The extraction step: one file's bytes in, its pages and entities out.

``extract`` is a pure function of the file's content (the path is only where to read it),
so it can run in any worker process and its result can be trusted for any file with the
same SHA-256.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import pdf
from .entities import analyse
from .entities.bates import page_stamps
from .entities.exemptions import find_exemptions
from .models import Extraction, Failure, Page, Redaction

# Bump when extraction changes what it produces, so that a re-index redoes every file.
EXTRACTOR_VERSION = "1"

_JUNK_TITLE = re.compile(
    r"^(untitled|document\d*|microsoft (word|excel|powerpoint) - .*|.*\.(docx?|pdf|xlsx?|tiff?))$",
    re.I,
)


def sha256_of(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def extract(path: Path, sha256: str | None = None) -> Extraction | Failure:
    """Read a PDF's pages and find its entities; a Failure says why a file could not be read."""
    try:
        if sha256 is None:
            sha256, size = sha256_of(path)
        else:
            size = path.stat().st_size
    except OSError as exc:
        return Failure(None, 0, f"cannot read the file: {exc.strerror or exc}")
    try:
        raw_pages = list(pdf.read_pages(path))
        info = pdf.metadata(path)
    except pdf.PdfReadError as exc:
        return Failure(sha256, size, str(exc))
    if not raw_pages:
        return Failure(sha256, size, "the PDF has no pages")
    stamps = page_stamps([f"{raw.header}\n{raw.footer}" for raw in raw_pages])
    pages = tuple(
        Page(
            number=raw.number,
            text=raw.text,
            width=raw.width,
            height=raw.height,
            rotation=raw.rotation,
            image_only=raw.image_only,
            bates=stamp,
            redactions=tuple(
                Redaction(
                    bbox, label, tuple(dict.fromkeys(code for code, _ in find_exemptions(label)))
                )
                for bbox, label in raw.boxes
            ),
        )
        for raw, stamp in zip(raw_pages, stamps, strict=False)
    )
    analysis = analyse(pages)
    return Extraction(
        sha256=sha256,
        size=size,
        title=choose_title(info.get("Title"), analysis.subject, pages, path),
        pages=pages,
        entities=analysis.entities,
        doc_type=analysis.doc_type,
        date=analysis.date,
        metadata={k: v for k, v in info.items() if k in ("Title", "Author", "Subject", "Creator")},
    )


def choose_title(
    meta_title: str | None, subject: str | None, pages: tuple[Page, ...], path: Path
) -> str:
    """The PDF's own title unless it is a leftover file name; else an email subject, the first
    line of text that reads like a heading, or the file name."""
    if meta_title and not _JUNK_TITLE.match(meta_title.strip()) and len(meta_title.strip()) > 3:
        return " ".join(meta_title.split())
    if subject:
        return subject
    for page in pages[:1]:
        for line in page.text.splitlines()[:12]:
            line = " ".join(line.split())
            wordy = sum(c.isalpha() for c in line) > len(line) / 2
            if 8 <= len(line) <= 120 and wordy and line != page.bates:
                return line
    return path.stem.replace("_", " ").replace("-", " ")
