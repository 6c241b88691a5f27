"""Reading PDFs: the one module that opens them.

Text layers come through PDFium's text API (pypdfium2), which reads hundreds of pages a
second. pdfplumber's layout analysis costs about a hundred times more per page, so it only
runs on the pages that need it: those where PDFium sees a dark filled shape that may be a
redaction box. Stamps in the page margins (Bates numbers) are read with PDFium's bounded
text query, which is cheap.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

MARGIN_FRACTION = 0.09  # header and footer bands where stamps live, as a share of page height
MIN_BODY_CHARS = 25  # fewer word characters than this outside the margins: no usable text layer
IMAGE_COVER_FRACTION = 0.4  # an image this large relative to the page makes it a scan
DARK = 0.25  # fill colour components at or below this count as black

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
_WORD_CHAR = re.compile(r"\w")


class PdfReadError(Exception):
    """A file that cannot be read as a PDF; the message says why, for the user."""


@dataclass(frozen=True)
class RawPage:
    """What the PDF says about a page before any interpretation."""

    number: int
    text: str
    width: float
    height: float
    rotation: int
    header: str
    footer: str
    image_only: bool
    boxes: tuple[tuple[tuple[float, float, float, float], str], ...]  # dark box bbox, nearby text


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters PDFium leaves in text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")
    return _CONTROL.sub("", text)


def open_document(path: Path | str) -> pdfium.PdfDocument:
    """Open a PDF with PDFium, trying the empty password that many releases are locked with."""
    try:
        return pdfium.PdfDocument(str(path), password="")
    except pdfium.PdfiumError as exc:
        raise PdfReadError(_reason(str(exc))) from None
    except OSError as exc:
        raise PdfReadError(f"cannot open the file: {exc.strerror or exc}") from None


def _reason(message: str) -> str:
    lowered = message.lower()
    if "password" in lowered:
        return "encrypted: it needs a password that was not given"
    if "format" in lowered or "header" in lowered:
        return "not a readable PDF (damaged, truncated or another kind of file)"
    if "file" in lowered:
        return "cannot open the file"
    return f"unreadable PDF ({message})"


def read_pages(path: Path | str) -> Iterator[RawPage]:
    """Yield each page's text and layout facts, one page at a time."""
    doc = open_document(path)
    plumber: pdfplumber.PDF | None = None
    try:
        for index in range(len(doc)):
            page = doc[index]
            try:
                raw = _read_page(page, index + 1)
                if raw.boxes and not raw.image_only:
                    if plumber is None:
                        plumber = pdfplumber.open(str(path), password="")
                    raw = _with_redaction_boxes(raw, plumber, index)
                yield raw
            finally:
                page.close()
    finally:
        if plumber is not None:
            plumber.close()
        doc.close()


def metadata(path: Path | str) -> dict[str, str]:
    """The document information dictionary (Title, Author, …), empty values left out."""
    doc = open_document(path)
    try:
        return {key: value.strip() for key, value in doc.get_metadata_dict().items() if value}
    finally:
        doc.close()


def _read_page(page: pdfium.PdfPage, number: int) -> RawPage:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        text = clean_text(textpage.get_text_range())
        band = height * MARGIN_FRACTION
        footer = clean_text(textpage.get_text_bounded(bottom=0, top=band))
        header = clean_text(textpage.get_text_bounded(bottom=height - band, top=height))
        body = clean_text(textpage.get_text_bounded(bottom=band, top=height - band))
    finally:
        textpage.close()
    image_area, dark_boxes = _scan_objects(page, height)
    body_chars = len(_WORD_CHAR.findall(body))
    image_only = body_chars < MIN_BODY_CHARS and image_area >= IMAGE_COVER_FRACTION * width * height
    return RawPage(
        number=number,
        text=text,
        width=round(width, 2),
        height=round(height, 2),
        rotation=page.get_rotation(),
        header=header,
        footer=footer,
        image_only=image_only,
        boxes=tuple((box, "") for box in dark_boxes),
    )


def _scan_objects(
    page: pdfium.PdfPage, height: float
) -> tuple[float, list[tuple[float, float, float, float]]]:
    """The largest image's area, and dark filled shapes big enough to hide a word."""
    image_area = 0.0
    boxes: list[tuple[float, float, float, float]] = []
    kinds = [pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH]
    for obj in page.get_objects(filter=kinds, max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            image_area = max(image_area, w * h)
        elif w >= 12 and 5 <= h <= 200 and _is_dark_fill(obj):
            boxes.append((left, height - top, right, height - bottom))
    return image_area, boxes


def _is_dark_fill(obj: pdfium.PdfObject) -> bool:
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fillmode), ctypes.byref(stroke)):
        return False
    if fillmode.value == 0:
        return False
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(
        obj.raw, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)
    ):
        return False
    limit = DARK * 255
    return r.value <= limit and g.value <= limit and b.value <= limit and a.value > 200


def _with_redaction_boxes(raw: RawPage, plumber: pdfplumber.PDF, index: int) -> RawPage:
    """Confirm redaction boxes with pdfplumber and read the label printed on or beside each."""
    page = plumber.pages[index]
    try:
        found = []
        for rect in page.rects:
            if not rect.get("fill") or not _dark(rect.get("non_stroking_color")):
                continue
            x0, top, x1, bottom = rect["x0"], rect["top"], rect["x1"], rect["bottom"]
            if x1 - x0 < 12 or not 5 <= bottom - top <= 200:
                continue
            area = (
                max(0.0, x0 - 2),
                max(0.0, top - 2),
                min(float(page.width), x1 + 160),
                min(float(page.height), bottom + 2),
            )
            label = page.within_bbox(area).extract_text() or ""
            found.append(((round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1)), label))
    finally:
        page.close()
    return RawPage(**{**raw.__dict__, "boxes": tuple(found)})


def _dark(color: object) -> bool:
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not color:
        return False
    if not all(isinstance(c, (int, float)) for c in color):
        return False
    if len(color) == 4:  # CMYK: dark when black ink is high
        return color[3] >= 1 - DARK or all(c >= 1 - DARK for c in color[:3])
    return all(c <= DARK for c in color)


def render_png(path: Path | str, number: int, width: int) -> bytes:
    """Page ``number`` (1-based) rendered as a PNG ``width`` pixels wide."""
    import io

    doc = open_document(path)
    try:
        page = doc[number - 1]
        try:
            scale = width / page.get_width()
            image = page.render(scale=scale, grayscale=True).to_pil()
        finally:
            page.close()
    finally:
        doc.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
