"""Reading PDFs: the one module that opens them.

PDFium is not thread-safe: two calls into it at once from one process corrupt its heap (seen
as a crash of the server when a browser asked for a hundred page images at once). Every
PDFium call of the process is made here, by a public function of this module holding
``_PDFIUM``, and nothing PDFium owns (a document, page, text page or bitmap) outlives the
call: it is closed before the lock is let go, so no garbage collection closes it later from
another thread.

Everything per page comes through PDFium (pypdfium2), which reads text layers at hundreds of
pages a second: the text, the text in the header and footer bands (where Bates stamps are),
the page's image and path objects (scans and redaction boxes), and the label printed on or
beside each box. pdfplumber's layout analysis costs about a hundred times more per page;
measured on a generated audit log with a hundred redacted names per page, confirming boxes
and reading their labels with pdfplumber took 1 s a page, PDFium's bounded text query a few
milliseconds.
"""

from __future__ import annotations

import ctypes
import functools
import io
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

MARGIN_FRACTION = 0.09  # header and footer bands where stamps live, as a share of page height
MIN_BODY_CHARS = 25  # fewer word characters than this outside the margins: no usable text layer
IMAGE_COVER_FRACTION = 0.4  # an image this large relative to the page makes it a scan
DARK = 0.25  # fill colour components at or below this count as black

_T = TypeVar("_T")
_P = ParamSpec("_P")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
_WORD_CHAR = re.compile(r"\w")


_PDFIUM = threading.RLock()


def _exclusive(function: Callable[_P, _T]) -> Callable[_P, _T]:
    """Run ``function`` holding the process's PDFium lock."""

    @functools.wraps(function)
    def locked(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        with _PDFIUM:
            return function(*args, **kwargs)

    return locked


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
    image_dpi: float | None  # resolution of the largest image, for rendering scans to OCR
    boxes: tuple[tuple[tuple[float, float, float, float], str], ...]  # dark box bbox, nearby text


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters PDFium leaves in text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")
    return _CONTROL.sub("", text)


def _open(path: Path | str) -> pdfium.PdfDocument:
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


@_exclusive
def read_document(path: Path | str) -> tuple[dict[str, str], list[RawPage]]:
    """The document information dictionary (Title, Author, …, empty values left out) and each
    page's text and layout facts, from one opening of the file."""
    doc = _open(path)
    try:
        info = {key: value.strip() for key, value in doc.get_metadata_dict().items() if value}
        pages = []
        for index in range(len(doc)):
            page = doc[index]
            try:
                pages.append(_read_page(page, index + 1))
            finally:
                page.close()
        return info, pages
    finally:
        doc.close()


def _read_page(page: pdfium.PdfPage, number: int) -> RawPage:
    width, height = page.get_size()
    image_area, image_dpi, dark_boxes = _scan_objects(page, height)
    textpage = page.get_textpage()
    try:
        text = clean_text(textpage.get_text_range())
        bounded = _BoundedText(textpage)
        left, _, right, _ = page.get_bbox()
        band = height * MARGIN_FRACTION
        footer = bounded(left, 0, right, band)
        header = bounded(left, height - band, right, height)
        body = bounded(left, band, right, height - band)
        body_chars = len(_WORD_CHAR.findall(body))
        image_only = (
            body_chars < MIN_BODY_CHARS and image_area >= IMAGE_COVER_FRACTION * width * height
        )
        boxes = (
            ()
            if image_only
            else tuple((box, _label(bounded, box, width, height)) for box in dark_boxes)
        )
    finally:
        textpage.close()
    return RawPage(
        number=number,
        text=text,
        width=round(width, 2),
        height=round(height, 2),
        rotation=page.get_rotation(),
        header=header,
        footer=footer,
        image_only=image_only,
        image_dpi=image_dpi,
        boxes=boxes,
    )


class _BoundedText:
    """The cleaned text PDFium finds in a rectangle of a text page, for half the cost of
    pypdfium2's ``get_text_bounded``: that asks PDFium twice (for the length, then the text)
    and each ask walks every character of the page; here one ask fills a buffer made once
    per page. (It also cut text short by one UTF-16 unit per character beyond U+FFFF, as it
    sized its buffer in characters.) Thirty redaction labels a page made this the largest
    cost of reading a page."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self._raw = textpage.raw
        # Each character adds at most two UTF-16 units to any answer: itself, the space
        # after it, or the line break it leaves pending; so the answer always fits.
        self._size = 2 * pdfium_c.FPDFText_CountChars(self._raw) + 1
        self._buffer = (ctypes.c_ushort * self._size)()

    def __call__(self, left: float, bottom: float, right: float, top: float) -> str:
        units = pdfium_c.FPDFText_GetBoundedText(
            self._raw, left, top, right, bottom, self._buffer, self._size
        )
        return clean_text(ctypes.string_at(self._buffer, 2 * units).decode("utf-16-le", "ignore"))


def _scan_objects(
    page: pdfium.PdfPage, height: float
) -> tuple[float, float | None, list[tuple[float, float, float, float]]]:
    """The largest image's area and resolution, and dark filled shapes big enough to hide a
    word. Walks PDFium's objects through its C API: a ruled table has hundreds of paths, and
    wrapping each in a Python object cost more than reading the page's text."""
    found = _ObjectScan(height)
    found.walk(ctypes.cast(page.raw, ctypes.c_void_p).value, _COUNT_OBJECTS, _GET_OBJECT, 0)
    return found.image_area, found.image_dpi, found.boxes


def _c_function(function: Any, restype: Any, *argtypes: Any) -> Callable[..., Any]:
    """A PDFium function from pypdfium2.raw, taking and giving handles as plain integers.
    Its own prototype turns every handle into a typed pointer object and checks it, which
    cost a sixth of walking a page's objects."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


_HANDLE, _INT, _UINT = ctypes.c_void_p, ctypes.c_int, ctypes.c_uint
_FLOATS, _INTS, _UINTS = (ctypes.POINTER(t) for t in (ctypes.c_float, _INT, _UINT))
_COUNT_OBJECTS = _c_function(pdfium_c.FPDFPage_CountObjects, _INT, _HANDLE)
_GET_OBJECT = _c_function(pdfium_c.FPDFPage_GetObject, _HANDLE, _HANDLE, _INT)
_COUNT_FORM_OBJECTS = _c_function(pdfium_c.FPDFFormObj_CountObjects, _INT, _HANDLE)
_GET_FORM_OBJECT = _c_function(pdfium_c.FPDFFormObj_GetObject, _HANDLE, _HANDLE, ctypes.c_ulong)
_GET_TYPE = _c_function(pdfium_c.FPDFPageObj_GetType, _INT, _HANDLE)
_GET_BOUNDS = _c_function(pdfium_c.FPDFPageObj_GetBounds, _INT, _HANDLE, *[_FLOATS] * 4)
_GET_DRAW_MODE = _c_function(pdfium_c.FPDFPath_GetDrawMode, _INT, _HANDLE, _INTS, _INTS)
_GET_FILL_COLOR = _c_function(pdfium_c.FPDFPageObj_GetFillColor, _INT, _HANDLE, *[_UINTS] * 4)
_GET_PIXEL_SIZE = _c_function(
    pdfium_c.FPDFImageObj_GetImagePixelSize, _INT, _HANDLE, _UINTS, _UINTS
)
_PATH, _IMAGE, _FORM = (
    pdfium_c.FPDF_PAGEOBJ_PATH,
    pdfium_c.FPDF_PAGEOBJ_IMAGE,
    pdfium_c.FPDF_PAGEOBJ_FORM,
)


class _ObjectScan:
    def __init__(self, height: float) -> None:
        self.height = height
        self.image_area = 0.0
        self.image_dpi: float | None = None
        self.boxes: list[tuple[float, float, float, float]] = []
        # out-parameters for PDFium, made once: a page has hundreds of paths
        self._bounds = [ctypes.c_float() for _ in range(4)]
        self._bounds_refs = [ctypes.byref(value) for value in self._bounds]
        self._modes = [ctypes.c_int() for _ in range(2)]
        self._modes_refs = [ctypes.byref(value) for value in self._modes]
        self._rgba = [ctypes.c_uint() for _ in range(4)]
        self._rgba_refs = [ctypes.byref(value) for value in self._rgba]

    def walk(
        self,
        holder: int,
        count: Callable[[int], int],
        get: Callable[[int, int], int],
        depth: int,
    ) -> None:
        """Visit the image and path objects of a page or form object, and of the forms in
        it three levels down. Text objects, most of a text page's objects, are passed over
        after one call; paths, hundreds on a ruled page, are judged here without a call."""
        left, bottom, right, top = self._bounds
        for i in range(count(holder)):
            obj = get(holder, i)
            kind = _GET_TYPE(obj)
            if kind == _PATH:
                if not _GET_BOUNDS(obj, *self._bounds_refs):
                    continue
                w, h = right.value - left.value, top.value - bottom.value
                if w >= 12 and 5 <= h <= 200 and self._is_dark_fill(obj):
                    box = (
                        left.value,
                        self.height - top.value,
                        right.value,
                        self.height - bottom.value,
                    )
                    self.boxes.append(box)
            elif kind == _IMAGE:
                self._visit_image(obj)
            elif kind == _FORM and depth < 3:
                self.walk(obj, _COUNT_FORM_OBJECTS, _GET_FORM_OBJECT, depth + 1)

    def _visit_image(self, obj: int) -> None:
        if not _GET_BOUNDS(obj, *self._bounds_refs):
            return
        left, bottom, right, top = (value.value for value in self._bounds)
        w, h = right - left, top - bottom
        if w * h > self.image_area and w > 0 and h > 0:
            self.image_area = w * h
            px_w, px_h = ctypes.c_uint(), ctypes.c_uint()
            if _GET_PIXEL_SIZE(obj, ctypes.byref(px_w), ctypes.byref(px_h)):
                # pixels across the image's shorter printed side, per inch
                self.image_dpi = min(px_w.value, px_h.value) / (min(w, h) / 72)

    def _is_dark_fill(self, obj: int) -> bool:
        if not _GET_DRAW_MODE(obj, *self._modes_refs):
            return False
        if self._modes[0].value == 0:
            return False
        if not _GET_FILL_COLOR(obj, *self._rgba_refs):
            return False
        r, g, b, a = (value.value for value in self._rgba)
        limit = DARK * 255
        return r <= limit and g <= limit and b <= limit and a > 200


def _label(
    bounded: _BoundedText, box: tuple[float, float, float, float], width: float, height: float
) -> str:
    """Text printed on a box or just right of it, where exemption codes are written."""
    x0, top, x1, bottom = box
    return bounded(
        max(0.0, x0 - 2),
        max(0.0, height - bottom - 2),
        min(width, x1 + 160),
        min(height, height - top + 2),
    ).strip()


def render_png(path: Path | str, number: int, width: int) -> bytes:
    """Page ``number`` (1-based) rendered as a PNG ``width`` pixels wide. Only the drawing
    holds the PDFium lock; the PNG is encoded after it is let go."""
    image = _render(path, number, width=width)
    if image.width != width:  # PDFium rounds the size up
        image = image.resize((width, round(image.height * width / image.width)))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def render_gray(path: Path | str, number: int, dpi: int) -> Image.Image:
    """Page ``number`` (1-based) rendered as a grayscale image at ``dpi``, for OCR."""
    return _render(path, number, dpi=dpi)


@_exclusive
def _render(
    path: Path | str, number: int, *, width: int | None = None, dpi: int | None = None
) -> Image.Image:
    doc = _open(path)
    try:
        page = doc[number - 1]
        try:
            if width is not None:
                upright = page.get_rotation() % 180 == 0
                scale = width / (page.get_width() if upright else page.get_height())
            else:
                scale = (dpi or 72) / 72
            bitmap = page.render(scale=scale, grayscale=True)
            try:
                # a copy: the image PDFium drew shares the bitmap's memory, and the bitmap is
                # closed now, under the lock, not whenever the image is collected
                return bitmap.to_pil().copy()
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        doc.close()
