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
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from .errors import PdfReadError

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
    boxes: tuple[Box, ...]  # dark boxes drawn on the page, and what they hide


@dataclass(frozen=True)
class Box:
    """A dark box drawn on a page: where it is (x0, top, x1, bottom in points from the top
    left), the visible text on it or just right of it, and how many characters of the text
    layer it hides (text drawn before it, or as dark as it: the redaction was not applied to
    the text layer, and those characters are left out of the page's text)."""

    bbox: tuple[float, float, float, float]
    label: str
    hidden: int = 0


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
    objects = _scan_objects(page, height)
    textpage = page.get_textpage()
    try:
        bounded = _BoundedText(textpage)
        hidden = _Hidden.find(textpage, bounded, objects) if objects.covers else None
        if hidden is None:
            text = clean_text(textpage.get_text_range())
            visible = bounded
        else:
            text = hidden.text()
            visible = hidden.region
        left, _, right, _ = page.get_bbox()
        band = height * MARGIN_FRACTION
        footer = visible(left, 0, right, band)
        header = visible(left, height - band, right, height)
        body = bounded(left, band, right, height - band)
        body_chars = len(_WORD_CHAR.findall(body))
        image_only = (
            body_chars < MIN_BODY_CHARS
            and objects.image_area >= IMAGE_COVER_FRACTION * width * height
        )
        boxes = () if image_only else _boxes(objects, hidden, visible, width, height)
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
        image_dpi=objects.image_dpi,
        boxes=boxes,
    )


def _boxes(
    objects: _ObjectScan,
    hidden: _Hidden | None,
    visible: Callable[[float, float, float, float], str],
    width: float,
    height: float,
) -> tuple[Box, ...]:
    """The page's redaction boxes: dark boxes of a redaction's size, and any dark box that
    hides text."""
    found = []
    for cover in objects.covers:
        count = hidden.counts.get(cover.order, 0) if hidden else 0
        if not (cover.listed or count):
            continue
        x0, bottom, x1, top = cover.bounds
        bbox = (x0, height - top, x1, height - bottom)
        found.append(Box(bbox, _label(visible, bbox, width, height), count))
    return tuple(found)


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


class _Hidden:
    """The characters of a page's text layer that dark boxes hide, and the page's text
    without them.

    A box hides a character whose centre lies inside it if the character was drawn before
    the box, or after it but painting nothing or nothing lighter than the box (dark text on
    a dark box cannot be read). Light text drawn on the box is its label and stays. The
    page's text shows ``MARKER`` where hidden characters were."""

    MARKER = "█████"

    def __init__(self, textpage: int, suspects: list[_Cover], text_order: dict[int, int]):
        self.chars: list[str] = []
        self.centres: list[tuple[float, float] | None] = []
        self.hidden: set[int] = set()
        self.counts: dict[int, int] = {}  # a box's place in the drawing order -> characters
        box = [ctypes.c_double() for _ in range(4)]
        box_refs = [ctypes.byref(value) for value in box]
        left, right, bottom, top = box
        for i in range(_COUNT_CHARS(textpage)):
            code = _CHAR_UNICODE(textpage, i)
            # as in PDFium's text of the page: a soft hyphen is U+FFFE, cleaned away later
            char = "\ufffe" if code == 2 else chr(code) if code <= 0x10FFFF else "\ufffd"
            self.chars.append(char)
            if char.isspace() or not _CHAR_BOX(textpage, i, *box_refs):
                self.centres.append(None)
                continue
            x, y = (left.value + right.value) / 2, (bottom.value + top.value) / 2
            self.centres.append((x, y))
            for cover in suspects:
                x0, y0, x1, y1 = cover.bounds
                if x0 <= x <= x1 and y0 <= y <= y1 and _hides(textpage, i, cover, text_order):
                    self.hidden.add(i)
                    self.counts[cover.order] = self.counts.get(cover.order, 0) + 1
                    break

    @classmethod
    def find(
        cls, textpage: pdfium.PdfTextPage, bounded: _BoundedText, objects: _ObjectScan
    ) -> _Hidden | None:
        """What the page's boxes hide, or None when they hide nothing. Most boxes have no
        text under them (the redaction removed it), which one bounded read per box tells;
        only a page with text under a box is read character by character."""
        suspects = [
            cover
            for cover in objects.covers
            if bounded(*_shrunk(cover.bounds)).strip()  # text somewhere inside the box
        ]
        if not suspects:
            return None
        handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
        found = cls(handle, suspects, objects.text_order)  # type: ignore[arg-type]
        return found if found.hidden else None

    def text(self) -> str:
        """The page's text, each run of hidden characters (and the spaces within the run)
        replaced by one marker."""
        chars = [
            "\x00" if i in self.hidden else c.replace("\x00", "") for i, c in enumerate(self.chars)
        ]
        return clean_text(re.sub(r"\x00(?:\s*\x00)*", self.MARKER, "".join(chars)))

    def region(self, left: float, bottom: float, right: float, top: float) -> str:
        """The visible characters whose centres lie in a rectangle, in reading order, a
        space or a line break where others were skipped."""
        parts: list[str] = []
        gap = ""
        for i, centre in enumerate(self.centres):
            if (
                centre is None
                or i in self.hidden
                or not (left <= centre[0] <= right and bottom <= centre[1] <= top)
            ):
                if parts and gap != "\n":
                    gap = "\n" if self.chars[i] in "\r\n" else " "
                continue
            if gap:
                parts.append(gap)
                gap = ""
            parts.append(self.chars[i])
        return clean_text("".join(parts))


def _shrunk(bounds: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """A box's inside, a point in from each edge, so text beside it does not count."""
    x0, y0, x1, y1 = bounds
    return x0 + 1, y0 + 1, x1 - 1, y1 - 1


def _hides(textpage: int, index: int, cover: _Cover, text_order: dict[int, int]) -> bool:
    """Whether a character inside a box is hidden by it (see ``_Hidden``)."""
    obj = _CHAR_OBJECT(textpage, index)
    drawn = text_order.get(obj)
    if drawn is None or drawn < cover.order:  # under the box (or in a form not walked)
        return True
    mode = _RENDER_MODE(obj)
    if mode in _INVISIBLE_MODES:
        return True
    colour = [ctypes.c_uint() for _ in range(4)]
    read = _CHAR_STROKE if mode in _STROKED_MODES else _CHAR_FILL
    if not read(textpage, index, *[ctypes.byref(value) for value in colour]):
        return True
    r, g, b, a = (value.value for value in colour)
    return a < 128 or 0.299 * r + 0.587 * g + 0.114 * b < 128


def _scan_objects(page: pdfium.PdfPage, height: float) -> _ObjectScan:
    """The largest image's area and resolution, dark filled rectangles, and the order in
    which text and boxes are drawn. Walks PDFium's objects through its C API: a ruled table
    has hundreds of paths, and wrapping each in a Python object cost more than reading the
    page's text."""
    found = _ObjectScan(height)
    found.walk(ctypes.cast(page.raw, ctypes.c_void_p).value, _COUNT_OBJECTS, _GET_OBJECT, 0)
    return found


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
_COUNT_SEGMENTS = _c_function(pdfium_c.FPDFPath_CountSegments, _INT, _HANDLE)
_TEXT, _PATH, _IMAGE, _FORM = (
    pdfium_c.FPDF_PAGEOBJ_TEXT,
    pdfium_c.FPDF_PAGEOBJ_PATH,
    pdfium_c.FPDF_PAGEOBJ_IMAGE,
    pdfium_c.FPDF_PAGEOBJ_FORM,
)
_DOUBLES = ctypes.POINTER(ctypes.c_double)
_COUNT_CHARS = _c_function(pdfium_c.FPDFText_CountChars, _INT, _HANDLE)
_CHAR_BOX = _c_function(pdfium_c.FPDFText_GetCharBox, _INT, _HANDLE, _INT, *[_DOUBLES] * 4)
_CHAR_UNICODE = _c_function(pdfium_c.FPDFText_GetUnicode, _UINT, _HANDLE, _INT)
_CHAR_OBJECT = _c_function(pdfium_c.FPDFText_GetTextObject, _HANDLE, _HANDLE, _INT)
_CHAR_FILL = _c_function(pdfium_c.FPDFText_GetFillColor, _INT, _HANDLE, _INT, *[_UINTS] * 4)
_CHAR_STROKE = _c_function(pdfium_c.FPDFText_GetStrokeColor, _INT, _HANDLE, _INT, *[_UINTS] * 4)
_RENDER_MODE = _c_function(pdfium_c.FPDFTextObj_GetTextRenderMode, _INT, _HANDLE)
_INVISIBLE_MODES = {3, 7}  # text render modes that paint nothing: invisible, clip only
_STROKED_MODES = {1, 5}  # modes that paint only the outline, in the stroke colour


def _is_rectangle(obj: int) -> bool:
    """A path of one four-sided shape (a re operator, or four lines and a close): a frame
    drawn as one filled path has eight or more segments and hides nothing inside it."""
    return _COUNT_SEGMENTS(obj) <= 5


@dataclass(frozen=True)
class _Cover:
    """A dark filled rectangle: its bounds in PDF points (left, bottom, right, top), its place
    in the drawing order, and whether it has a redaction box's size."""

    bounds: tuple[float, float, float, float]
    order: int
    listed: bool


class _ObjectScan:
    def __init__(self, height: float) -> None:
        self.height = height
        self.image_area = 0.0
        self.image_dpi: float | None = None
        self.covers: list[_Cover] = []
        self.text_order: dict[int, int] = {}  # text object -> its place in the drawing order
        self._drawn = 0
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
        """Visit the objects of a page or form object, and of the forms in it three levels
        down, in the order they are drawn. Text objects, most of a text page's objects, cost
        one call and a number; paths, hundreds on a ruled page, are judged here without a
        call unless they are large and dark."""
        left, bottom, right, top = self._bounds
        text_order = self.text_order
        for i in range(count(holder)):
            obj = get(holder, i)
            kind = _GET_TYPE(obj)
            self._drawn += 1
            if kind == _TEXT:
                text_order[obj] = self._drawn
            elif kind == _PATH:
                if not _GET_BOUNDS(obj, *self._bounds_refs):
                    continue
                w, h = right.value - left.value, top.value - bottom.value
                if w >= 4 and h >= 4 and self._is_dark_fill(obj) and _is_rectangle(obj):
                    bounds = (left.value, bottom.value, right.value, top.value)
                    listed = w >= 12 and 5 <= h <= 200
                    self.covers.append(_Cover(bounds, self._drawn, listed))
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
    visible: Callable[[float, float, float, float], str],
    box: tuple[float, float, float, float],
    width: float,
    height: float,
) -> str:
    """Visible text printed on a box or just right of it, where exemption codes are written."""
    x0, top, x1, bottom = box
    return visible(
        max(0.0, x0 - 2),
        max(0.0, height - bottom - 2),
        min(width, x1 + 160),
        min(height, height - top + 2),
    ).strip()


class PageRenderer:
    """Draws pages as PNG images, keeping the last few files it drew from open: opening a
    long release and finding a page in it took 10 ms, drawing a thumbnail of it 1 to 3 ms.
    The open files are PDFium's and are closed here, under the lock, when they drop out of
    the few or when ``close`` is called."""

    def __init__(self, keep: int = 8) -> None:
        self.keep = keep
        self._open: OrderedDict[tuple[str, int, int], pdfium.PdfDocument] = OrderedDict()

    def png(self, path: Path, number: int, width: int) -> bytes:
        """Page ``number`` (1-based) as a PNG ``width`` pixels wide. Only the drawing holds
        the PDFium lock; the PNG is encoded after it is let go."""
        image = self._draw(path, number, width)
        if image.width != width:  # PDFium rounds the size up
            image = image.resize((width, round(image.height * width / image.width)))
        out = io.BytesIO()
        image.save(out, format="PNG", compress_level=3)
        return out.getvalue()

    @_exclusive
    def _draw(self, path: Path, number: int, width: int) -> Image.Image:
        stat = path.stat()  # a file replaced under the same name is opened again
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        doc = self._open.pop(key, None) or _open(path)
        self._open[key] = doc
        try:
            return _draw_page(doc, number, width=width)
        finally:
            while len(self._open) > self.keep:
                self._open.popitem(last=False)[1].close()

    @_exclusive
    def close(self) -> None:
        while self._open:
            self._open.popitem()[1].close()


def render_gray(path: Path | str, number: int, dpi: int) -> Image.Image:
    """Page ``number`` (1-based) rendered as a grayscale image at ``dpi``, for OCR."""
    return _render_gray(path, number, dpi)


@_exclusive
def _render_gray(path: Path | str, number: int, dpi: int) -> Image.Image:
    doc = _open(path)
    try:
        return _draw_page(doc, number, dpi=dpi)
    finally:
        doc.close()


def _draw_page(
    doc: pdfium.PdfDocument, number: int, *, width: int | None = None, dpi: int | None = None
) -> Image.Image:
    """A page drawn in grayscale, ``width`` pixels wide or at ``dpi``; call under the lock."""
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
