"""The extraction step: one file's bytes in, its pages and entities out.

``extract`` is a pure function of the file's content (the path is only where to read it),
so it can run in any worker process and its result can be trusted for any file with the
same SHA-256.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import ocr, pdf
from .entities import analyse
from .entities.bates import page_stamps
from .entities.exemptions import find_exemptions
from .errors import OcrUnavailable, PdfReadError
from .models import Extraction, Failure, Page, Redaction
from .titles import choose_title

# Bump when extraction changes what it produces, so that a re-index redoes every file.
EXTRACTOR_VERSION = "7"
# A text layer covering less of a scan than this holds the scan's stamps, not its text: an ECF
# header or a DocuSign envelope ID covers 0.4 to 2% of it, OCR of a page 3% and up
STAMP_COVER = 0.03
# How much larger a share of English words OCR must read to replace a layer judged garbled: a
# layer in another language reads no better by OCR, and stays
READS_BETTER = 0.1
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Options:
    """How to extract: ``ocr`` is auto (pages without usable text), always, or off."""

    ocr: str = "auto"
    ocr_cache: Path | None = None  # where OCR results are shared between runs and processes


def sha256_of(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


@dataclass(frozen=True)
class Draft:
    """A file read as far as its text layer goes, with the pages still to OCR."""

    sha256: str
    size: int
    name: str  # the file's stem, the title of last resort
    pages: tuple[Page, ...]
    metadata: dict[str, str]
    ocr_pages: tuple[tuple[int, int], ...]  # (page number, dpi to render it at)


def extract(
    path: Path, sha256: str | None = None, options: Options = Options(), name: str | None = None
) -> Extraction | Failure:
    """Everything about one file: read it, OCR what needs it, find its entities.

    The pipeline runs the same steps spread over worker processes (``read``, then
    ``ocr_page`` for each page that needs it, then ``finish``)."""
    first = read(path, sha256, options, name)
    if not isinstance(first, Draft):
        return first
    texts = {}
    try:
        for number, dpi in first.ocr_pages:
            texts[number] = ocr_page(path, number, dpi, options)
    except OcrUnavailable:
        pass  # the pages stay marked as scans without text
    return finish(first, texts)


def extract_bytes(
    data: bytes, sha256: str, name: str, options: Options = Options()
) -> Extraction | Failure:
    """``extract`` for a worker on another machine: the file travels as bytes."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        return extract(Path(handle.name), sha256, options, name=name)


def read(
    path: Path, sha256: str | None = None, options: Options = Options(), name: str | None = None
) -> Extraction | Draft | Failure:
    """Read a PDF's text layer. A file with pages to OCR comes back as a Draft; one without
    comes back finished. A Failure says why the file could not be read."""
    try:
        if sha256 is None:
            sha256, size = sha256_of(path)
        else:
            size = path.stat().st_size
    except OSError as exc:
        return Failure(None, 0, f"cannot read the file: {exc.strerror or exc}")
    try:
        info, raw_pages = pdf.read_document(path)
    except PdfReadError as exc:
        return Failure(sha256, size, str(exc))
    if not raw_pages:
        return Failure(sha256, size, "the PDF has no pages")
    stamps = page_stamps([f"{raw.header}\n{raw.footer}" for raw in raw_pages])
    reasons = [ocr_reason(raw) for raw in raw_pages]
    pages = tuple(
        Page(
            number=raw.number,
            text=raw.text,
            width=raw.width,
            height=raw.height,
            rotation=raw.rotation,
            image_only=reason in ("scan", "stamp", "garbled"),  # a noisy layer is usable
            ocr_reason=reason,
            bates=stamp,
            redactions=tuple(
                Redaction(box.bbox, box.label, _label_exemptions(box.label), box.hidden)
                for box in raw.boxes
            ),
        )
        for raw, stamp, reason in zip(raw_pages, stamps, reasons, strict=True)
    )
    draft = Draft(
        sha256=sha256,
        size=size,
        name=name or path.stem,
        pages=pages,
        metadata={k: v for k, v in info.items() if k in ("Title", "Author", "Subject", "Creator")},
        ocr_pages=tuple(
            (raw.number, ocr.render_dpi(raw.image_dpi))
            for raw, page in zip(raw_pages, pages, strict=True)
            if needs_ocr(page, options.ocr)
        ),
    )
    return draft if draft.ocr_pages else finish(draft, {})


@functools.lru_cache(maxsize=4096)
def _label_exemptions(label: str) -> tuple[str, ...]:
    """The exemption codes a redaction label cites, each once. Labels repeat: a sample
    document prints "(b)(6); (b)(7)(C)" on hundreds of boxes."""
    return tuple(dict.fromkeys(code for code, _ in find_exemptions(label)))


def ocr_page(path: Path, number: int, dpi: int, options: Options) -> str:
    """The OCR text of one page, from the cache when the same pixels were read before; small
    print that reads poorly is read again enlarged, and the better reading kept."""
    cache = ocr.OcrCache(options.ocr_cache) if options.ocr_cache else None
    try:
        result = _recognised(path, number, dpi, cache)
        larger = ocr.enlarged_dpi(dpi, result.confidence)
        if larger:
            enlarged = _recognised(path, number, larger, cache)
            if enlarged.confidence > result.confidence:
                result = enlarged
    finally:
        if cache:
            cache.close()
    return result.text


def _recognised(path: Path, number: int, dpi: int, cache: ocr.OcrCache | None) -> ocr.OcrResult:
    image = pdf.render_gray(path, number, dpi)
    key = f"{ocr.engine_signature()}:{ocr.image_key(image)}"
    result = cache.get(key) if cache else None
    if result is None:
        result = ocr.recognise(image)
        if cache:
            cache.put(key, result)
    return result


def finish(draft: Draft, ocr_texts: dict[int, str]) -> Extraction:
    """Put OCR text into its pages and find the document's entities."""
    pages = tuple(
        with_ocr(p, ocr_texts[p.number]) if p.number in ocr_texts else p for p in draft.pages
    )
    analysis = analyse(pages, draft.metadata)
    return Extraction(
        sha256=draft.sha256,
        size=draft.size,
        title=choose_title(pages, analysis, draft.metadata.get("Title"), draft.name),
        pages=pages,
        entities=analysis.entities,
        doc_type=analysis.doc_type,
        date=analysis.date,
        metadata=draft.metadata,
        issuer=analysis.issuer,
    )


def ocr_reason(raw: pdf.RawPage) -> str:
    """Why a page's text layer is not enough to search it (see ``Page.ocr_reason``), or ""."""
    if raw.image_only:
        return "scan"
    if raw.text_cover is not None and raw.text_cover < STAMP_COVER:
        return "stamp"
    return ocr.layer_fault(raw.text, over_scan=raw.text_cover is not None)


def needs_ocr(page: Page, mode: str) -> bool:
    return mode == "always" or (mode == "auto" and (page.image_only or page.ocr_reason == "noisy"))


def with_ocr(page: Page, text: str) -> Page:
    """A page with the text OCR read on it. A scan keeps the lines of its text layer that OCR
    did not read (a Bates number or an ECF header, exact as printed; a noisy layer's lines
    with words Tesseract read otherwise); a layer judged garbled that OCR reads no better (a
    page in another language) is kept as it was."""
    if page.ocr_reason == "garbled":
        before, after = ocr.word_likeness(page.text), ocr.word_likeness(text)
        if before is not None and after is not None and after < before + READS_BETTER:
            return dataclasses.replace(page, image_only=False)
    elif page.ocr_reason:
        seen = set(_TOKEN.findall(text.lower()))
        unread = [
            line for line in page.text.splitlines() if not set(_TOKEN.findall(line.lower())) <= seen
        ]
        text = "\n".join(part for part in (text, *unread) if part)
    return dataclasses.replace(page, text=text, ocr=True)
