"""Text as PDFium gives it: cleaned of control characters, read from a rectangle, and how much
of a rectangle it covers."""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from . import _capi as c

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters PDFium leaves in text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")
    return _CONTROL.sub("", text)


class BoundedText:
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


def text_cover(textpage: pdfium.PdfTextPage, box: tuple[float, float, float, float]) -> float:
    """The share of a rectangle (left, bottom, right, top) that the text's lines cover: each
    run of text on a line is one rectangle to PDFium, so a page costs one call per line."""
    left, bottom, right, top = box
    area = (right - left) * (top - bottom)
    if area <= 0:
        return 0.0
    handle = c.address(textpage.raw)
    bounds = [ctypes.c_double() for _ in range(4)]
    refs = [ctypes.byref(value) for value in bounds]
    r_left, r_top, r_right, r_bottom = bounds
    covered = 0.0
    for index in range(c.COUNT_RECTS(handle, 0, -1)):
        if not c.GET_RECT(handle, index, *refs):
            continue
        w = min(right, r_right.value) - max(left, r_left.value)
        h = min(top, r_top.value) - max(bottom, r_bottom.value)
        if w > 0 and h > 0:
            covered += w * h
    return min(1.0, covered / area)
