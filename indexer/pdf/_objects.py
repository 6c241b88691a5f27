"""The walk over a page's objects: its images (a scan, whole or in strips), dark filled
rectangles (redaction boxes), and the order in which text and boxes are drawn."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2 as pdfium

from . import _capi as c

DARK = 0.25  # fill colour components at or below this count as black


@dataclass(frozen=True)
class Cover:
    """A dark filled rectangle: its bounds in PDF points (left, bottom, right, top), its place
    in the drawing order, and whether it has a redaction box's size."""

    bounds: tuple[float, float, float, float]
    order: int
    listed: bool


def scan_objects(page: pdfium.PdfPage, height: float) -> ObjectScan:
    """The images' area and extent, the largest one's resolution, dark filled rectangles, and
    the order in which text and boxes are drawn. Walks PDFium's objects through its C API: a
    ruled table has hundreds of paths, and wrapping each in a Python object cost more than
    reading the page's text."""
    found = ObjectScan(height)
    found.walk(c.address(page.raw), c.COUNT_OBJECTS, c.GET_OBJECT, 0)
    return found


def _is_rectangle(obj: int) -> bool:
    """A path of one four-sided shape (a re operator, or four lines and a close): a frame
    drawn as one filled path has eight or more segments and hides nothing inside it."""
    segments: int = c.COUNT_SEGMENTS(obj)
    return segments <= 5


class ObjectScan:
    """What the walk found on one page (see ``scan_objects``)."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.image_area = 0.0  # of all images together: a scan may come as strips or tiles
        # the rectangle (left, bottom, right, top) that holds every image
        self.image_box: tuple[float, float, float, float] | None = None
        self.image_dpi: float | None = None
        self._largest = 0.0
        self.covers: list[Cover] = []
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
        get_type, text, path, bounds_refs = c.GET_TYPE, c.TEXT, c.PATH, self._bounds_refs
        drawn = self._drawn  # kept in a local, the count of a page's hundreds of objects
        for i in range(count(holder)):
            obj = get(holder, i)
            kind = get_type(obj)
            drawn += 1
            if kind == text:
                text_order[obj] = drawn
            elif kind == path:
                if not c.GET_BOUNDS(obj, *bounds_refs):
                    continue
                w, h = right.value - left.value, top.value - bottom.value
                if w >= 4 and h >= 4 and self._is_dark_fill(obj) and _is_rectangle(obj):
                    bounds = (left.value, bottom.value, right.value, top.value)
                    listed = w >= 12 and 5 <= h <= 200
                    self.covers.append(Cover(bounds, drawn, listed))
            elif kind == c.IMAGE:
                self._visit_image(obj)
            elif kind == c.FORM and depth < 3:
                self._drawn = drawn
                self.walk(obj, c.COUNT_FORM_OBJECTS, c.GET_FORM_OBJECT, depth + 1)
                drawn = self._drawn
        self._drawn = drawn

    def _visit_image(self, obj: int) -> None:
        if not c.GET_BOUNDS(obj, *self._bounds_refs):
            return
        left, bottom, right, top = (value.value for value in self._bounds)
        w, h = right - left, top - bottom
        if w <= 0 or h <= 0:
            return
        self.image_area += w * h
        box = self.image_box
        self.image_box = (
            (left, bottom, right, top)
            if box is None
            else (min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top))
        )
        if w * h > self._largest:
            self._largest = w * h
            px_w, px_h = ctypes.c_uint(), ctypes.c_uint()
            if c.GET_PIXEL_SIZE(obj, ctypes.byref(px_w), ctypes.byref(px_h)):
                # pixels across the image's shorter printed side, per inch
                self.image_dpi = min(px_w.value, px_h.value) / (min(w, h) / 72)

    def _is_dark_fill(self, obj: int) -> bool:
        if not c.GET_DRAW_MODE(obj, *self._modes_refs):
            return False
        if self._modes[0].value == 0:
            return False
        if not c.GET_FILL_COLOR(obj, *self._rgba_refs):
            return False
        r, g, b, a = (value.value for value in self._rgba)
        limit = DARK * 255
        return r <= limit and g <= limit and b <= limit and a > 200
